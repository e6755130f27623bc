"""One layout function serves every theme page; what differs is configuration."""

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components import ids
from dashboard.components.case_card import case_count, case_list
from dashboard.components.chart_card import chart_card
from dashboard.components.copy_box import copy_link_button
from dashboard.components.filters import filter_defaults, filter_panel
from dashboard.components.headline import headline_tile
from dashboard.components.link_notice import link_notice
from dashboard.components.shell import overview_href, page_frame
from dashboard.data import DataSet
from dashboard.data.models import Theme
from dashboard.figures.availability import availability
from dashboard.figures.chart_view import ChartView, chart_views
from dashboard.i18n import translator
from dashboard.pages.presenter import presenter_layout
from dashboard.pages.view_links import presentation_href, slides_href, theme_language_href
from dashboard.state import ParsedView, ViewState, parse_query


def page_later_updates(theme: Theme, views: list[ChartView]) -> list[dict]:
    """The later-updates store of a freshly served page, which draws its first chart at once and
    the others a frame later: the figure of each chart but the first, with the id of its graph."""
    return [{"id": ids.chart_graph(theme.slug, cv.chart.id), "prop": "figure", "value": cv.figure.to_plotly_json()}
            for cv in views[1:]]


def _page_tools(theme: Theme, view: ViewState) -> html.Div:
    _ = translator(view.lang)
    return html.Div(
        className="page-tools",
        **{"data-preparing": _("Forbereder …")},
        children=[
            copy_link_button(_("Kopiér link"), "page", view.lang, className="btn btn-outline-dark btn-sm"),
            html.Span(className="copy-status", role="status"),
            dcc.Link(_("Vis som præsentation"), href=presentation_href(theme, view), id=ids.presentation_link(theme.slug),
                     className="btn btn-outline-dark btn-sm"),
            html.A(_("Download som PowerPoint"), href=slides_href(theme, view), id=ids.slides_link(theme.slug),
                   className="btn btn-outline-dark btn-sm download-link"),
        ],
    )


def page_stores(theme: Theme, view: ViewState) -> list:
    """The page's view state (the URL follows it) and the browser-side texts."""
    return [
        dcc.Store(id=ids.view_query(theme.slug), data=view.query_string()),
        dcc.Store(id=ids.url_synced(theme.slug)),
    ]


def _page(data: DataSet, theme: Theme, parsed: ParsedView) -> html.Div:
    view = parsed.state
    lang = view.lang
    _ = translator(lang)
    cases = data.cases_for(theme.slug, view.types)
    views = chart_views(data, theme, view)
    available = availability(data, theme)
    return html.Div(
        className="theme-page",
        children=[
            link_notice(parsed.notices, lang),
            *page_stores(theme, view),
            html.Header(
                className="theme-header",
                children=[
                    dcc.Link(_("← Alle temaer"), href=overview_href(view), id=ids.back_link(theme.slug), className="back-link"),
                    html.H1(theme.title.in_(lang)),
                    html.P(theme.intro.in_(lang), className="theme-intro"),
                ],
            ),
            dbc.Row(
                className="g-4",
                children=[
                    dbc.Col(
                        lg=8,
                        children=[
                            headline_tile(theme.slug, theme.headline, data.headline_rows(theme), view),
                            filter_panel(theme.slug, view, available),
                            _page_tools(theme, view),
                            *[chart_card(cv, view, deferred=index > 0) for index, cv in enumerate(views)],
                            dcc.Store(id=ids.later_updates(theme.slug), data=page_later_updates(theme, views)),
                            dcc.Store(id=ids.filter_defaults(theme.slug), data=filter_defaults(available)),
                        ],
                    ),
                    dbc.Col(
                        lg=4,
                        children=html.Aside(
                            className="case-column",
                            **{"aria-labelledby": "cases-titel"},
                            children=[
                                html.H2(_("Cases og værktøjer"), id="cases-titel"),
                                html.P(case_count(cases, lang), id=ids.case_count(theme.slug), className="case-count"),
                                html.Div(case_list(cases, bool(data.cases_for(theme.slug)), lang), id=ids.case_list(theme.slug),
                                         className="case-list"),
                            ],
                        ),
                    ),
                ],
            ),
        ],
    )


def theme_layout(data: DataSet, theme: Theme, query: dict) -> html.Div:
    parsed = parse_query(query)
    view = parsed.state
    if view.presentation:
        content = presenter_layout(data, theme, parsed, link_notice(parsed.notices, view.lang), page_stores(theme, view))
    else:
        content = _page(data, theme, parsed)
    return page_frame(data, view, content, theme_language_href(theme, view), theme.slug)
