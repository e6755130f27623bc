"""data/statbank.yaml: which Statbank tables become which figures, and how their variables'
codes map onto our periods, sectors and categories. Validated like every data file."""

from pathlib import Path
from types import MappingProxyType
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from dashboard.data.models import Key, Sector, Slug, Text
from dashboard.data.problems import DataError, Problem
from dashboard.data.readers import YamlDocument

CONFIG_FILE = "statbank.yaml"
# Statbank's time codes are the survey years; each names the edition it ends.
YEAR_TO_PERIOD = MappingProxyType({"2016": "2015-2016", "2019": "2018-2019", "2023": "2021-2023"})
LICENCE = "Kilde: Danmarks Statistik (CC BY 4.0)"


class Mapping(BaseModel):
    """A variable of the table and what its codes mean to us."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    variable: Text
    values: Annotated[dict[str, str], Field(min_length=1)]


class SectorMapping(Mapping):
    values: Annotated[dict[str, Sector], Field(min_length=1)]


class CategoryMapping(Mapping):
    values: Annotated[dict[str, Key], Field(min_length=1)]


class StatbankTable(BaseModel):
    """One figure made from a table (a table may give several, e.g. by sector and by industry)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    table: Annotated[str, Field(pattern=r"^[A-Z0-9]+$")]
    figure_id: Key
    theme: Slug
    time_variable: Text
    sector: SectorMapping | None = None  # none: every value is the whole public sector's
    category: CategoryMapping
    # Other variables of the table, each held at one code (e.g. a unit).
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
