"""data/statbank.yaml: which Statbank tables become which figures, and how their variables'
codes map onto our periods, sectors and categories. Validated like every data file."""

from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from dashboard.data.models import Key, Sector, Slug, Text
from dashboard.data.problems import DataError, Problem
from dashboard.vocabulary import PERIODS
from dashboard.data.readers import YamlDocument

CONFIG_FILE = "statbank.yaml"
# Statbank's time codes are the survey years; each names the edition it ends (2016 -> 2015-2016,
# 2019 -> 2018-2019, 2023 -> 2021-2023), so the map follows the one list of editions.
YEAR_TO_PERIOD = MappingProxyType({period.split("-")[1]: period for period in PERIODS})
LICENCE = "Kilde: Danmarks Statistik (CC BY 4.0)"


class SectorMapping(BaseModel):
    """The table's variable that holds the sector, and what its codes mean to us."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    variable: Text
    values: Annotated[dict[str, Sector], Field(min_length=1)]


class CodeRange(BaseModel):
    """Every code of a variable from `first` to `last` (compared as numbers), each its own
    category `<key_prefix><code>`, labelled as tableinfo labels it: the DB07 industries, whose
    codes the table's metadata gives only as a range."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    first: Annotated[str, Field(pattern=r"^[0-9]+$")]
    last: Annotated[str, Field(pattern=r"^[0-9]+$")]
    key_prefix: Key

    def covers(self, code: str) -> bool:
        return code.isdigit() and int(self.first) <= int(code) <= int(self.last)


class CategoryMapping(BaseModel):
    """The table's variable that holds the answers: codes named one by one, a range, or both."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    variable: Text
    values: dict[str, Key] = {}
    code_range: CodeRange | None = None

    @model_validator(mode="after")
    def _names_some_codes(self):
        if not self.values and self.code_range is None:
            raise PydanticCustomError("data", "name the codes in values, a code_range, or both")
        return self

    def keys(self, table_codes) -> dict[str, str]:
        """code -> our category, for the codes this mapping takes from the table's codes."""
        ranged = {code: f"{self.code_range.key_prefix}{code}" for code in table_codes
                  if self.code_range and self.code_range.covers(code) and code not in self.values}
        return {**self.values, **ranged}


class StatbankTable(BaseModel):
    """One figure made from a table (a table may give several, e.g. by sector and by industry)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    table: Annotated[str, Field(pattern=r"^[A-Z0-9]+$")]
    figure_id: Key
    theme: Slug
    # What 100 % is: all public workplaces (OIN01DK) or the innovative ones (OIN02DK–OIN04DK).
    base: Literal["workplaces", "innovative_workplaces"]
    time_variable: Text
    sector: SectorMapping | None = None  # none: every value is the whole public sector's
    category: CategoryMapping
    # Other variables of the table, each held at one code (e.g. innovative workplaces in all).
    fixed: dict[str, str] = {}
    # Hand-verified figures (figures.csv) whose rows for the same period, sector and category
    # must hold the same value.
    compare_with: tuple[Key, ...] = ()


class StatbankConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    tables: Annotated[tuple[StatbankTable, ...], Field(min_length=1)]

    def figures_of(self, table_id: str) -> list[StatbankTable]:
        return [t for t in self.tables if t.table == table_id.upper()]


def load_config(directory: Path) -> StatbankConfig:
    document = YamlDocument(directory / CONFIG_FILE)
    try:
        return StatbankConfig.model_validate(document.data)
    except ValidationError as error:
        raise DataError([
            Problem(CONFIG_FILE, document.line_of(e["loc"]), ".".join(str(s) for s in e["loc"]) or None, e["msg"])
            for e in error.errors()
        ]) from None
