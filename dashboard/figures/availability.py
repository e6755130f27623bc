"""Which editions and innovation types change anything on a theme page, so the filters can
offer those and show the others as unavailable, and a link to another theme can keep the
selection where that theme has it."""

from dataclasses import dataclass
from functools import lru_cache

from dashboard.data import DataSet
from dashboard.data.models import Theme
from dashboard.figures.chart_slice import type_filter_applies
from dashboard.state import ViewState
from dashboard.vocabulary import INNOVATION_TYPES, PERIODS


@dataclass(frozen=True)
class Availability:
    periods: tuple[str, ...]  # editions with at least one published value on the page
    types: tuple[str, ...]  # innovation types with a published value or a case on the page
    has_sector_filter: bool = False  # a chart of the page is by sector

    @property
    def latest_period(self) -> str:
        return self.periods[-1]

    @property
    def has_type_filter(self) -> bool:
        """Whether the page offers the innovation-type filter (a chart or a case by type)."""
        return bool(self.types)


@lru_cache(maxsize=None)
def availability(data: DataSet, theme: Theme) -> Availability:
    periods, types = set(), {t for case in data.cases_for(theme.slug) for t in case.filter_types}
    for chart in theme.charts:
        rows = data.figure_rows(chart.figure_id, sectors=chart.sectors, categories=chart.categories)
        periods |= {r.period for r in rows}
        if type_filter_applies(data, chart):
            types |= {r.category for r in rows if r.category in INNOVATION_TYPES}
    periods |= {r.period for r in data.headline_rows(theme)}
    return Availability(tuple(p for p in PERIODS if p in periods), tuple(t for t in INNOVATION_TYPES if t in types),
                        has_sector_filter=any(chart.group_by == "sector" for chart in theme.charts))


def carried_view(view: ViewState, target: Availability) -> ViewState:
    """`view` as a link to another theme keeps it: editions and types stay selected; only a
    group none of whose selected options the target theme has falls back to all."""
    periods = view.periods if set(view.periods) & set(target.periods) else PERIODS
    types = view.types if set(view.types) & set(target.types) or not target.types else tuple(INNOVATION_TYPES)
    return ViewState.from_controls(periods, types, view.sectors, view.lang)
