"""One layout function serves every theme page; what differs is configuration."""

from functools import lru_cache
from itertools import combinations

import dash_bootstrap_components as dbc
from dash import dcc, html, no_update

from dashboard.components import ids
from dashboard.components.case_card import case_count, case_list
from dashboard.components.chart_card import chart_card, chart_footer, chart_subtitle, download_items
from dashboard.components.chart_text import chart_in_words
from dashboard.components.filters import filter_panel
from dashboard.components.headline import headline_tile
from dashboard.components.shell import language_href, page_frame
from dashboard.data import DataSet
from dashboard.data.models import Theme
from dashboard.figures.chart_slice import type_filter_applies
from dashboard.figures.chart_view import chart_views
from dashboard.i18n import DEFAULT_LANGUAGE, localized, translator
from dashboard.pages.presenter import presenter_layout
from dashboard.state import ALL_TYPES, ParsedView, ViewState, parse_query
from dashboard.vocabulary import PERIODS


def link_notice(notices, lang: str) -> html.Div | None:
    if not notices:
        return None
    _ = translator(lang)
    return html.Div(
        role="status",
        children=dbc.Alert(
            [html.Strong(_("Dele af linket blev ignoreret: ")), "; ".join(notices), _(". Siden viser resten af visningen.")],
            color="warning", className="link-notice", dismissable=True,
        ),
    )


def presentation_href(theme: Theme, view: ViewState) -> str:
    return view.with_visning("praesentation").link(f"/{theme.slug}")


def slides_href(theme: Theme, view: ViewState) -> str:
    return view.link(f"/export/{theme.slug}.pptx")


def theme_language_href(theme: Theme, view: ViewState) -> str:
    return language_href(f"/{theme.slug}", view)


def page_messages(lang: str) -> dict:
    """What the browser-side code (assets/dashboard.js) says, in the page's language."""
    _ = translator(lang)
    return {
        "copied": _("Linket er kopieret"),
        "chart_copied": _("Linket til figuren er kopieret"),
        "copy_failed": _("Kunne ikke kopiere; kopiér adressen fra adresselinjen"),
    }


def _page_tools(theme: Theme, view: ViewState) -> html.Div:
    _ = translator(view.lang)
    return html.Div(
        className="page-tools",
        children=[
            html.Button(_("Kopiér link"), id=ids.copy_link(theme.slug), className="btn btn-outline-dark btn-sm", type="button"),
            html.Span(id=ids.copy_link_status(theme.slug), className="copy-status", role="status"),
            dcc.Link(_("Vis som præsentation"), href=presentation_href(theme, view), id=ids.presentation_link(theme.slug),
                     className="btn btn-outline-dark btn-sm"),
            html.A(_("Download som PowerPoint"), href=slides_href(theme, view), id=ids.slides_link(theme.slug),
                   className="btn btn-outline-dark btn-sm"),
        ],
    )


def page_stores(theme: Theme, view: ViewState) -> list:
    """The page's view state (the URL follows it) and the browser-side texts."""
    return [
        dcc.Store(id=ids.view_query(theme.slug), data=view.query_string()),
        dcc.Store(id=ids.url_synced(theme.slug)),
        dcc.Store(id=ids.page_messages(theme.slug), data=page_messages(view.lang)),
    ]


def _page(data: DataSet, theme: Theme, parsed: ParsedView) -> html.Div:
    view = parsed.state
    lang = view.lang
    _ = translator(lang)
    cases = data.cases_for(theme.slug, view.types)
    views = chart_views(data, theme, view)
    return html.Div(
        className="theme-page",
        children=[
            link_notice(parsed.notices, lang),
            *page_stores(theme, view),
            html.Header(
                className="theme-header",
                children=[
                    dcc.Link(_("← Alle temaer"), href=ViewState(lang=lang).link("/"), className="back-link"),
                    html.H1(localized(theme, "title", lang)),
                    html.P(localized(theme, "intro", lang), className="theme-intro"),
                ],
            ),
            dbc.Row(
                className="g-4",
                children=[
                    dbc.Col(
                        lg=8,
                        children=[
                            headline_tile(theme.headline, data.headline_row(theme), lang),
                            filter_panel(
                                theme.slug, view,
                                has_types=bool(data.cases_for(theme.slug))
                                or any(type_filter_applies(data, c) for c in theme.charts),
                                has_sectors=any(c.group_by == "sector" for c in theme.charts),
                            ),
                            _page_tools(theme, view),
                            *[chart_card(cv, view, deferred=index > 0) for index, cv in enumerate(views)],
                            dcc.Store(id=ids.deferred_figures(theme.slug),
                                      data=[None] + [cv.figure.to_plotly_json() for cv in views[1:]]),
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
    return page_frame(data, view.lang, content, theme_language_href(theme, view), theme.slug)


@lru_cache(maxsize=8192)
def theme_update(data: DataSet, theme: Theme, view: ViewState, chart_ids: tuple[str, ...]) -> dict:
    """What a filter change sends back to the page; computed once per view state.
    Figures go out as plain dicts: serialising them is then a plain JSON dump."""
    views = chart_views(data, theme, view, list(chart_ids))
    cases = data.cases_for(theme.slug, view.types)
    return {
        "figures": [cv.figure.to_plotly_json() for cv in views],
        "subtitles": [chart_subtitle(cv.caption) for cv in views],
        "footers": [chart_footer(cv.caption) for cv in views],
        "words": [chart_in_words(cv) for cv in views],
        "downloads": [download_items(cv.chart.id, view) for cv in views],
        "cases": case_list(cases, bool(data.cases_for(theme.slug)), view.lang),
        "case_count": case_count(cases, view.lang),
        "query": view.query_string(),
        "presentation_href": presentation_href(theme, view),
        "slides_href": slides_href(theme, view),
        "language_href": theme_language_href(theme, view),
    }


def changes_only(update: dict, data: DataSet, theme: Theme, view: ViewState, previous: ViewState,
                 chart_ids: tuple[str, ...]) -> dict:
    """`update` with what the previous view already shows left out (no_update): the browser
    then redraws only the charts and cards that change."""
    before = chart_views(data, theme, previous, list(chart_ids))
    after = chart_views(data, theme, view, list(chart_ids))
    same = [old.slice == new.slice for old, new in zip(before, after)]
    keep = lambda values: [no_update if unchanged else value for unchanged, value in zip(same, values)]  # noqa: E731
    cases_same = data.cases_for(theme.slug, previous.types) == data.cases_for(theme.slug, view.types)
    return {
        **update,
        "figures": keep(update["figures"]),
        "subtitles": keep(update["subtitles"]),
        "footers": keep(update["footers"]),
        "words": keep(update["words"]),
        "cases": no_update if cases_same else update["cases"],
        "case_count": no_update if cases_same else update["case_count"],
    }


def all_filter_states(lang: str) -> list[ViewState]:
    """Every combination of periods and types the filters can show, in one language."""
    def subsets(items):
        return [combo for n in range(len(items) + 1) for combo in combinations(items, n)]

    return [ViewState(periods=p, types=t, lang=lang) for p in subsets(PERIODS) for t in subsets(ALL_TYPES)]


def warm_theme_updates(data: DataSet, lang: str = DEFAULT_LANGUAGE) -> int:
    """Compute every theme's response for every filter state in `lang` (to fill the caches
    before gunicorn forks its workers, which then share them). Returns how many were computed.
    Only the default language is warmed: doing both doubles start-up and shut-down time, and
    an English state costs ~10 ms the first time a worker is asked for it."""
    count = 0
    for theme in data.page_themes:
        chart_ids = tuple(c.id for c in theme.charts)
        for view in all_filter_states(lang):
            theme_update(data, theme, view, chart_ids)
            count += 1
    return count
