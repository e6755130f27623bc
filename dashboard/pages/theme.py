"""One layout function serves every theme page; what differs is configuration."""

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components import ids
from dashboard.components.case_card import case_count, case_list
from dashboard.components.chart_card import chart_card, chart_footer, chart_subtitle
from dashboard.components.filters import filter_panel
from dashboard.components.headline import headline_tile
from dashboard.data import DataSet
from dashboard.data.models import Theme
from dashboard.figures.bars import figure_for_slice
from dashboard.figures.chart_slice import chart_slice
from dashboard.state import ViewState, parse_query


def chart_views(data: DataSet, theme: Theme, view: ViewState, chart_ids=None) -> list[tuple]:
    """(chart, slice, figure) for the theme's charts, in `chart_ids` order if given."""
    charts = {c.id: c for c in theme.charts}
    order = chart_ids or list(charts)
    result = []
    for chart_id in order:
        slice_ = chart_slice(data, charts[chart_id], view)
        result.append((charts[chart_id], slice_, figure_for_slice(slice_)))
    return result


def _notice(notices) -> html.Div | None:
    if not notices:
        return None
    return html.Div(
        role="status",
        children=dbc.Alert(
            [html.Strong("Dele af linket blev ignoreret: "), "; ".join(notices), ". Siden viser resten af visningen."],
            color="warning", className="link-notice", dismissable=True,
        ),
    )


def theme_layout(data: DataSet, theme: Theme, query: dict) -> html.Div:
    parsed = parse_query(query)
    view = parsed.state
    cases = data.cases_for(theme.slug, view.types)
    return html.Div(
        className="theme-page",
        children=[
            _notice(parsed.notices),
            html.Header(
                className="theme-header",
                children=[
                    dcc.Link("← Alle temaer", href="/", className="back-link"),
                    html.H1(theme.title_da),
                    html.P(theme.intro_da, className="theme-intro"),
                ],
            ),
            dbc.Row(
                className="g-4",
                children=[
                    dbc.Col(
                        lg=8,
                        children=[
                            headline_tile(theme.headline, data.headline_row(theme)),
                            filter_panel(theme.slug, view),
                            *[chart_card(theme.slug, c, s, f) for c, s, f in chart_views(data, theme, view)],
                        ],
                    ),
                    dbc.Col(
                        lg=4,
                        children=html.Aside(
                            className="case-column",
                            **{"aria-labelledby": "cases-titel"},
                            children=[
                                html.H2("Cases og værktøjer", id="cases-titel"),
                                html.P(case_count(cases), id=ids.case_count(theme.slug), className="case-count"),
                                html.Div(case_list(cases), id=ids.case_list(theme.slug), className="case-list"),
                            ],
                        ),
                    ),
                ],
            ),
        ],
    )


def theme_update(data: DataSet, theme: Theme, view: ViewState, chart_ids: list[str]) -> tuple:
    """What a filter change sends back: figures, subtitles, footers, cases, case count."""
    views = chart_views(data, theme, view, chart_ids)
    cases = data.cases_for(theme.slug, view.types)
    return (
        [figure for _, _, figure in views],
        [chart_subtitle(slice_) for _, slice_, _ in views],
        [chart_footer(slice_) for _, slice_, _ in views],
        case_list(cases),
        case_count(cases),
    )
