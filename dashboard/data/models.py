"""Schemas of the data files: one pydantic model per row, case and theme.

Every check of a single row lives here; checks across rows and files live in
`loader.py`. Error messages are written for the person editing the file.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Literal

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, HttpUrl, TypeAdapter, ValidationError,
                      ValidationInfo, field_validator, model_validator)
from pydantic_core import PydanticCustomError

from dashboard.vocabulary import BASES, CASE_TYPE_TO_FILTER, PERIODS, PRECISIONS, SECTORS


def _fail(message: str) -> PydanticCustomError:
    return PydanticCustomError("data", message)


def _one_of(allowed) -> AfterValidator:
    allowed = tuple(allowed)

    def check(value: str) -> str:
        if value not in allowed:
            raise _fail(f"{value!r} is not one of {', '.join(allowed)}")
        return value

    return AfterValidator(check)


def _blank_to_none(value):
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _required_text(value):
    if value is None or (isinstance(value, str) and not value.strip()):
        raise _fail("is empty; a value is required")
    return value


_HTTP_URL = TypeAdapter(HttpUrl)


def _http_url(value: str) -> str:
    """An http(s) address by pydantic's HttpUrl, kept as written (HttpUrl would normalise it, and
    the source address must stay the one the verified data names)."""
    try:
        _HTTP_URL.validate_python(value)
    except ValidationError:
        raise _fail(f"{value!r} is not an http(s) address") from None
    if " " in value:
        raise _fail(f"{value!r} is not an http(s) address")
    return value


def _whole_number_or_none(value):
    value = _blank_to_none(value)
    if value is None or isinstance(value, int):
        return value
    text = str(value).strip()
    if not text.isdigit():
        raise _fail(f"{value!r} is not a whole number")
    return int(text)


def _not_empty(items: tuple) -> tuple:
    if not items:
        raise _fail("is empty; name at least one")
    return items


Text = Annotated[str, BeforeValidator(_required_text)]
OptionalText = Annotated[str | None, BeforeValidator(_blank_to_none)]
Url = Annotated[str, BeforeValidator(_required_text), AfterValidator(_http_url)]
Key = Annotated[str, BeforeValidator(_required_text), Field(pattern=r"^[a-z0-9_]+$")]
Slug = Annotated[str, BeforeValidator(_required_text), Field(pattern=r"^[a-z0-9-]+$")]
Period = Annotated[str, BeforeValidator(_required_text), _one_of(PERIODS)]
Sector = Annotated[str, BeforeValidator(_required_text), _one_of(SECTORS)]
Count = Annotated[int | None, BeforeValidator(_whole_number_or_none)]
RequiredCount = Annotated[int, BeforeValidator(lambda v: _whole_number_or_none(_required_text(v)))]

@dataclass(frozen=True)
class LocalizedText:
    """A text of the data in each language: Danish always, English where the data gives it (the
    data files' `_da`/`_en` fields). A new language is a field here and `_<code>` fields there."""

    da: str | None
    en: str | None = None

    def in_(self, lang: str) -> str | None:
        """The text in `lang`, else the Danish one."""
        return {"da": self.da, "en": self.en}.get(lang) or self.da


class FigureRow(BaseModel):
    """One published value: a row of figures.csv."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    figure_id: Key
    theme: Slug
    period: Period
    sector: Sector
    category: Key
    label_da: Text
    label_en: Text
    # precision comes before the fields whose rules depend on it.
    precision: Annotated[str, BeforeValidator(_required_text), _one_of(PRECISIONS)]
    value_pct: Decimal | None
    verbal_da: OptionalText
    base: Annotated[str, BeforeValidator(_required_text), _one_of(BASES)]
    n_obs: Count
    question_da: OptionalText
    source_url: Url
    note: OptionalText

    @property
    def label(self) -> LocalizedText:
        return LocalizedText(self.label_da, self.label_en)

    @field_validator("value_pct", mode="before")
    @classmethod
    def _value_is_percentage(cls, value, info: ValidationInfo):
        # Not Field(ge=0, le=100): whether the value may be empty depends on the precision, and the
        # messages say what is wrong in the words of the person editing the file (»140 is above 100«).
        precision = info.data.get("precision")
        value = _blank_to_none(value)
        if value is None:
            if precision in ("exact", "approx"):
                raise _fail(f"is empty, but a {precision} figure needs its published value")
            return None
        try:
            number = Decimal(str(value).strip())
        except InvalidOperation:
            raise _fail(f"{value!r} is not a number") from None
        if not number.is_finite():
            raise _fail(f"{value!r} is not a number")
        if number < 0:
            raise _fail(f"{value} is below 0")
        if number > 100:
            raise _fail(f"{value} is above 100")
        if precision == "verbal":
            raise _fail(f"{value} is given, but a verbal figure has no number (precision verbal)")
        return number

    @field_validator("verbal_da")
    @classmethod
    def _words_where_needed(cls, value, info: ValidationInfo):
        precision = info.data.get("precision")
        if value is None and precision in ("approx", "verbal"):
            raise _fail(f"is empty, but a {precision} figure must carry the published words")
        return value


class Edition(BaseModel):
    """One edition of the survey: a row of editions.csv."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    edition: RequiredCount
    period: Period
    answers: RequiredCount
    response_rate_pct: Annotated[Decimal, Field(ge=0, le=100)]
    source_url: Url


class KeyFigure(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    label: Text
    value: Annotated[str, BeforeValidator(lambda v: _required_text(v if v is None else str(v)))]


class Case(BaseModel):
    """A case or tool card: an entry of cases.yaml."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Slug
    kind: Literal["case", "tool"]
    title_da: Text
    organisation: Text
    sector: Sector
    theme: Slug
    innovation_types: Annotated[tuple[Annotated[str, _one_of(CASE_TYPE_TO_FILTER)], ...], AfterValidator(_not_empty)]
    year: Annotated[int | None, Field(ge=1900, le=2100)]
    summary_da: Text
    summary_en: Text
    key_figures: tuple[KeyFigure, ...]
    source_url: Url
    source_kind: Literal["coi", "external"]
    extra_sources: tuple[Url, ...] = ()

    @property
    def summary(self) -> LocalizedText:
        return LocalizedText(self.summary_da, self.summary_en)

    @property
    def filter_types(self) -> frozenset[str]:
        """The case's innovation types as the filter names them."""
        return frozenset(CASE_TYPE_TO_FILTER[t] for t in self.innovation_types)


class Headline(BaseModel):
    """The theme's headline figure: one row of figures.csv and the words around it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    figure_id: Key
    period: Period
    sector: Sector = "alle"
    category: Key
    text_da: Text
    text_en: Text

    @property
    def text(self) -> LocalizedText:
        return LocalizedText(self.text_da, self.text_en)


class Chart(BaseModel):
    """One chart of a theme page: a figure of figures.csv and how to draw it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: Slug
    figure_id: Key
    title_da: Text
    title_en: Text
    # category: one group of bars per answer; sector: one group per sector.
    group_by: Literal["category", "sector"] = "category"
    categories: tuple[Key, ...] | None = None
    sectors: tuple[Sector, ...] = ("alle",)
    # A fact of this chart's data that its reader needs (multiple answers, what a share counts),
    # shown with the caption wherever the chart goes.
    note_da: OptionalText = None
    note_en: OptionalText = None
    # An optional chart's figure may be absent (figures fetched from Statbank): then the chart
    # is left off its page instead of refusing the data set.
    optional: bool = False

    @property
    def title(self) -> LocalizedText:
        return LocalizedText(self.title_da, self.title_en)

    @property
    def note(self) -> LocalizedText:
        return LocalizedText(self.note_da, self.note_en)

    @model_validator(mode="after")
    def _note_in_both_languages(self):
        if bool(self.note_da) != bool(self.note_en):
            raise _fail("note_da and note_en go together: give the note in both languages or neither")
        return self


class Theme(BaseModel):
    """A theme of the barometer; a theme with charts gets a page."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    slug: Slug
    title_da: Text
    title_en: Text
    intro_da: OptionalText = None
    intro_en: OptionalText = None
    headline: Headline | None = None
    charts: tuple[Chart, ...] = ()

    @property
    def title(self) -> LocalizedText:
        return LocalizedText(self.title_da, self.title_en)

    @property
    def intro(self) -> LocalizedText:
        return LocalizedText(self.intro_da, self.intro_en)

    @property
    def has_page(self) -> bool:
        return bool(self.charts)


class About(BaseModel):
    """The data set as a whole (about.yaml): what its open-data files and citations name."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    title_da: Text
    title_en: Text
    publisher_da: Text
    publisher_en: Text
    release: Annotated[str, BeforeValidator(lambda v: _required_text(v if v is None else str(v)))]
    updated: date
    homepage: Url
    terms_da: Text
    terms_en: Text

    @property
    def title(self) -> LocalizedText:
        return LocalizedText(self.title_da, self.title_en)

    @property
    def publisher(self) -> LocalizedText:
        return LocalizedText(self.publisher_da, self.publisher_en)

    @property
    def terms(self) -> LocalizedText:
        return LocalizedText(self.terms_da, self.terms_en)


class ThemesFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    themes: Annotated[tuple[Theme, ...], Field(min_length=1)]
