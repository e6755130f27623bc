"""The landing page: every theme with a page, with its headline figure; and the page for
an address that matches none."""

from dash import dcc, html

from dashboard.components.headline import headline_row_for
from dashboard.components.link_notice import link_notice
from dashboard.components.shell import language_href, page_frame, theme_hrefs
from dashboard.data import DataSet
from dashboard.formatting import percent
from dashboard.i18n import translator
from dashboard.state import ViewState, language_of, parse_query


def overview_intro(lang: str) -> str:
    """What the site is, in a paragraph (the overview's intro and its meta description)."""
    _ = translator(lang)
    return _("Innovationsbarometeret er den officielle statistik over innovation i den offentlige "
             "sektor i Danmark, lavet af Center for Offentlig Innovation (nu CO-PI) sammen med "
             "Danmarks Statistik. Her kan du udforske de offentliggjorte tal tema for tema, med "
             "kilde til hvert tal.")


def theme_tile(data: DataSet, theme, href: str, lang: str) -> html.Article:
    _ = translator(lang)
    row = headline_row_for(data.headline_rows(theme), ViewState())  # as the theme page opens
    return html.Article(
        className="theme-tile",
        children=[
            html.H2(dcc.Link(theme.title.in_(lang), href=href)),
            html.P(percent(row.value_pct, lang), className="tile-value"),
            html.P(theme.headline.text.in_(lang), className="tile-text"),
            html.P(_("Periode: {period}").format(period=row.period), className="tile-meta"),
        ],
    )


def overview_layout(data: DataSet, query: dict) -> html.Div:
    """Every theme; the links keep the view a theme page came with (`?periode=…`)."""
    parsed = parse_query(query)
    view = ViewState.from_controls(parsed.state.periods, parsed.state.types, parsed.state.sectors, parsed.state.lang)
    lang = view.lang
    _ = translator(lang)
    content = html.Div(
        className="overview-page",
        children=[
            link_notice(parsed.notices, lang),
            html.Header(
                className="theme-header",
                children=[
                    html.H1("Innovationsbarometeret"),
                    html.P(overview_intro(lang), className="theme-intro"),
                ],
            ),
            html.Div([theme_tile(data, t, href, lang) for t, href in zip(data.page_themes, theme_hrefs(data, view))],
                     className="theme-tiles"),
        ],
    )
    return page_frame(data, view, content, language_href("/", view))


def not_found_layout(data: DataSet, query: dict) -> html.Div:
    lang = language_of(query)
    _ = translator(lang)
    home = ViewState(lang=lang).link("/")
    content = html.Div(
        className="overview-page",
        children=[
            html.H1(_("Siden findes ikke")),
            html.P([_("Adressen passer ikke til nogen side. "), dcc.Link(_("Gå til forsiden"), href=home), "."]),
        ],
    )
    return page_frame(data, ViewState(lang=lang), content, language_href("/", ViewState(lang=lang)))
