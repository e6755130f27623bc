"""Everything one chart shows for one view state: its slice, figure and caption."""

from dataclasses import dataclass, replace
from functools import lru_cache

import plotly.graph_objects as go

from dashboard.data import DataSet
from dashboard.data.models import Chart, Theme
from dashboard.figures.availability import availability
from dashboard.figures.bars import figure_for_slice
from dashboard.figures.captions import Caption, caption
from dashboard.figures.chart_slice import ChartSlice, chart_slice, type_filter_applies
from dashboard.state import ALL_TYPES, SELECTABLE_SECTORS, ViewState


@dataclass(frozen=True)
class ChartView:
    theme: Theme
    chart: Chart
    slice: ChartSlice
    figure: go.Figure
    caption: Caption


CACHE_SIZE = 8192  # well above every theme's charts x filter states x text scales
SLIDE_TEXT_SCALE = 1.5  # the presenter view's type, read from the back of a room


def chart_view(data: DataSet, theme: Theme, chart: Chart, view: ViewState, text_scale: float = 1.0) -> ChartView:
    """Computed once per data set, chart and the part of the view state it depends on.
    Callers must not change the figure (copy it with go.Figure(...) to adapt it)."""
    relevant = ViewState(
        periods=view.periods,
        types=view.types if type_filter_applies(data, chart) else ALL_TYPES,
        sectors=view.sectors if chart.group_by == "sector" else SELECTABLE_SECTORS,
        lang=view.lang,
    )
    return _chart_view(data, theme, chart, relevant, text_scale)


@lru_cache(maxsize=CACHE_SIZE)
def _chart_view(data: DataSet, theme: Theme, chart: Chart, view: ViewState, text_scale: float) -> ChartView:
    slice_ = chart_slice(data, chart, view)
    words = caption(slice_, view, chart.title.in_(view.lang), availability(data, theme).has_type_filter)
    return ChartView(theme, chart, slice_, figure_for_slice(slice_, text_scale), words)


def chart_views(data: DataSet, theme: Theme, view: ViewState, chart_ids=None, text_scale: float = 1.0) -> list[ChartView]:
    """The theme's charts for `view`, in `chart_ids` order if given."""
    charts = {c.id: c for c in theme.charts}
    return [chart_view(data, theme, charts[i], view, text_scale) for i in (chart_ids or list(charts))]


def slide_views(data: DataSet, theme: Theme, view: ViewState) -> list[ChartView]:
    """The view's charts as the presenter view's slides: large type, and no height (the chart takes
    what the slide's words leave of the screen)."""
    return [replace(cv, figure=go.Figure(cv.figure).update_layout(height=None, autosize=True))
            for cv in chart_views(data, theme, view, text_scale=SLIDE_TEXT_SCALE)]


def find_chart(data: DataSet, chart_id: str) -> tuple[Theme, Chart] | None:
    """The theme and chart with this id (chart ids are unique across themes)."""
    for theme in data.page_themes:
        for chart in theme.charts:
            if chart.id == chart_id:
                return theme, chart
    return None
