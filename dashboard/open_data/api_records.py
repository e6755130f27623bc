"""The API's answers as pydantic models: one per record of `records.py` (the figure's built from
FIGURE_FIELDS, so it cannot miss a field), and their JSON Schemas for the OpenAPI description."""

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.json_schema import GenerateJsonSchema, models_json_schema

from dashboard.open_data.records import FIGURE_FIELDS
from dashboard.vocabulary import BASES, CASE_TYPE_TO_FILTER, PERIODS, PRECISIONS, SECTORS

# Literal[tuple] spells the enum out of the vocabulary, so a new sector is a change in one place.
Period = Literal[PERIODS]
Sector = Literal[tuple(SECTORS)]
Base = Literal[tuple(BASES)]
Precision = Literal[PRECISIONS]
Share = Annotated[float, Field(ge=0, le=100)]
Count = Annotated[int, Field(ge=0)]


class _Body(BaseModel):
    # extra="forbid" writes additionalProperties: false, so a field the API adds unannounced fails the tests.
    model_config = ConfigDict(extra="forbid")


# Figure's fields are FIGURE_FIELDS, in their order and with their descriptions: the model can't
# miss a field that the records gain. Fields not named here hold text.
FIGURE_TYPES = {"edition": int | None, "period": Period, "sector": Sector, "value_pct": Share | None,
                "precision": Precision, "words_da": str | None, "base": Base, "n": Count | None,
                "question_da": str | None, "note": str | None, "chart": str | None, "view_path": str | None}
Figure = create_model("Figure", __base__=_Body, __doc__="One published value, as `records.figure_record` gives it.",
                      **{name: (FIGURE_TYPES.get(name, str), Field(description=description))
                         for name, description in FIGURE_FIELDS.items()})


class Chart(_Body):
    """A chart of a theme page: which figure it draws and where it can be embedded."""

    id: str
    figure_id: str
    title_da: str
    title_en: str
    group_by: Literal["category", "sector"]
    sectors: list[Sector]
    categories: list[str] | None = Field(description="The answers drawn; null: all of them")
    embed_path: str


class Theme(_Body):
    """A theme of the barometer with its charts; page_path is null for a theme without a page."""

    slug: str
    title_da: str
    title_en: str
    intro_da: str | None
    intro_en: str | None
    page_path: str | None
    charts: list[Chart]


class Edition(_Body):
    """One edition of the survey."""

    edition: int
    period: Period
    answers: Count
    response_rate_pct: Share
    source_url: str


class Case(_Body):
    """A case or tool card."""

    id: str
    kind: Literal["case", "tool"]
    title_da: str
    organisation: str
    sector: Sector
    theme: str
    innovation_types: list[Literal[tuple(CASE_TYPE_TO_FILTER)]]
    year: int | None
    summary_da: str
    summary_en: str
    source_url: str
    source_kind: Literal["coi", "external"]


class About(_Body):
    """The data set as a whole: what to cite it by; version changes with any edit of the data."""

    title: str
    title_da: str
    publisher: str
    publisher_da: str
    release: str
    updated: date
    version: str
    homepage: str
    terms: str
    terms_da: str


class Problem(_Body):
    """An error as RFC 9457 problem details (application/problem+json)."""

    type: str = Field(description="about:blank: the status says what kind of error it is")
    title: str = Field(description="The status's name")
    status: Annotated[int, Field(ge=400, le=599)]
    detail: str = Field(description="What was wrong and what to send instead")


RECORDS = (Figure, Chart, Theme, Edition, Case, About, Problem)


class _PlainSchema(GenerateJsonSchema):
    """JSON Schema the way a reader of the description wants it: `type: [x, "null"]` rather than an
    anyOf, and no titles repeating the field names."""

    def nullable_schema(self, schema):
        inner = self.generate_inner(schema["schema"])
        if isinstance(inner.get("type"), str):
            return {**inner, "type": [inner["type"], "null"]}
        return super().nullable_schema(schema)

    def field_title_should_be_set(self, schema) -> bool:
        return False


def record_schemas() -> dict[str, dict]:
    _, top = models_json_schema([(model, "validation") for model in RECORDS],
                                ref_template="#/components/schemas/{model}", schema_generator=_PlainSchema)
    return top["$defs"]
