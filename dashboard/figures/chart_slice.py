"""What one chart shows for one view state: its rows of bars, gaps and notes.

The rule: a chart shows the selected periods and types for which its figure was
published at all. The slice keeps every slot of those, published or not (a slot
without a row is a gap), and the selected periods or types for which the figure
was never published; the chart names all of them in its gap line (figures/gaps.py),
never drawing a zero.
"""

from dataclasses import dataclass

from dashboard.data import DataSet
from dashboard.data.models import Chart, FigureRow
from dashboard.i18n import translator
from dashboard.state import ViewState
from dashboard.vocabulary import INNOVATION_TYPES, PERIODS, SECTORS


@dataclass(frozen=True)
class Slot:
    """One row of the chart: a group (answer or sector) in one period, and its value if published."""

    group: str
    period: str
    row: FigureRow | None


@dataclass(frozen=True)
class Group:
    key: str
    label: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class ChartSlice:
    chart: Chart
    bases: tuple[tuple[str, str], ...]  # (period, base) of every shown period, in order
    periods: tuple[str, ...]  # the selected periods for which the figure was published
    groups: tuple[Group, ...]
    unpublished_periods: tuple[str, ...]
    unpublished_types: tuple[str, ...]
    deselected_types: tuple[str, ...]  # the chart's innovation types that the filter leaves out
    type_filter_applies: bool
    selected_periods: tuple[str, ...]  # as the view selected them, published or not
    selected_types: tuple[str, ...]  # where the type filter applies to the chart
    lang: str

    @property
    def rows(self) -> tuple[FigureRow, ...]:
        return tuple(s.row for g in self.groups for s in g.slots if s.row is not None)

    @property
    def base(self) -> str:
        """The base (workplaces or innovations) of the first shown period, or of the figure."""
        return self.bases[0][1]

    @property
    def mixed_bases(self) -> bool:
        return len({base for _, base in self.bases}) > 1


def slot_label(slice_: "ChartSlice", group: Group, slot: Slot) -> str:
    """What one bar or table row is called: the answer as its own edition worded it (wordings can
    change between editions), or the sector."""
    if slot.row is not None and slice_.chart.group_by == "category":
        return slot.row.label.in_(slice_.lang)
    return group.label


def _categories(chart: Chart, figure: tuple[FigureRow, ...]) -> list[str]:
    if chart.categories:
        return list(chart.categories)
    return list(dict.fromkeys(r.category for r in figure))


def type_filter_applies(data: DataSet, chart: Chart) -> bool:
    """Whether the chart's groups are innovation types, so the type filter narrows it."""
    if chart.group_by == "sector":
        return False
    figure = data.figure_rows(chart.figure_id, sectors=chart.sectors, categories=chart.categories)
    return any(c in INNOVATION_TYPES for c in _categories(chart, figure))


def _groups(chart: Chart, figure, view: ViewState) -> tuple[list[tuple[str, str]], bool, list[str]]:
    """(key, label) of the groups to show, whether the type filter applies, and types never published."""
    if chart.group_by == "sector":
        _ = translator(view.lang)
        return [(s, _(SECTORS[s])) for s in chart.sectors if s == "alle" or s in view.sectors], False, []
    categories = _categories(chart, figure)
    # An answer's label as the newest shown edition has it (other labels: the caption's NB), else
    # as the newest edition that has it.
    newest_last = sorted(figure, key=lambda r: (r.period in view.periods, PERIODS.index(r.period)))
    labels = {r.category: r.label.in_(view.lang) for r in newest_last}
    if not any(c in INNOVATION_TYPES for c in categories):
        return [(c, labels[c]) for c in categories], False, []
    shown = [c for c in categories if c not in INNOVATION_TYPES or c in view.types]
    # A chart limited to some answers says nothing of the others; only a whole figure's gaps are news.
    never = [] if chart.categories else [t for t in view.types if t not in categories]
    return [(c, labels[c]) for c in shown], True, never


def chart_slice(data: DataSet, chart: Chart, view: ViewState) -> ChartSlice:
    figure = data.figure_rows(chart.figure_id, sectors=chart.sectors, categories=chart.categories)
    published_periods = {r.period for r in figure}
    periods = [p for p in view.periods if p in published_periods]
    groups, type_filter_applies, never_types = _groups(chart, figure, view)

    def value_at(group: str, period: str) -> FigureRow | None:
        for row in figure:
            if row.period == period and (row.sector if chart.group_by == "sector" else row.category) == group:
                return row
        return None

    return ChartSlice(
        chart=chart,
        bases=tuple((p, next(r.base for r in figure if r.period == p)) for p in periods) or ((None, figure[0].base),),
        periods=tuple(periods),
        groups=tuple(
            Group(key, label, tuple(Slot(key, p, value_at(key, p)) for p in periods)) for key, label in groups
        ) if periods else (),
        unpublished_periods=tuple(p for p in view.periods if p not in published_periods),
        unpublished_types=tuple(never_types),
        deselected_types=tuple(
            c for c in _categories(chart, figure) if type_filter_applies and c in INNOVATION_TYPES and c not in view.types
        ),
        type_filter_applies=type_filter_applies,
        selected_periods=view.periods,
        selected_types=view.types if type_filter_applies else (),
        lang=view.lang,
    )
