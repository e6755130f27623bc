"""The frame around every page: skip link, top bar with the theme menu and the language
switch, footer. Each page draws it in its own language, so its links keep that language."""

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.components import ids
from dashboard.data import DataSet
from dashboard.figures.availability import availability, carried_view
from dashboard.i18n import LANGUAGE_SETTINGS, LANGUAGES, translator
from dashboard.state import ALL_TYPES, ViewState
from dashboard.vocabulary import PERIODS



def _other_language(lang: str) -> str:
    """The language the switch leads to (with two languages, the other one)."""
    return next(code for code in LANGUAGES if code != lang)


# Each language's switch names the other language in that language.
SWITCH_LABELS = {lang: (LANGUAGE_SETTINGS[_other_language(lang)].switch_label, _other_language(lang)) for lang in LANGUAGES}


def language_href(path: str, view: ViewState) -> str:
    """The same view in the other language."""
    return view.with_lang(SWITCH_LABELS[view.lang][1]).link(path)


def _language_switch(href: str, lang: str, page_slug: str | None) -> html.A:
    label, other = SWITCH_LABELS[lang]
    # A full page load (not a Dash link): the page's <html lang> then changes with it.
    return html.A(
        label, href=href, lang=other, hrefLang=other, className="site-language",
        id=ids.language_link(page_slug) if page_slug else "language-link",
    )


def theme_hrefs(data: DataSet, view: ViewState) -> list[str]:
    """A link to every theme page that keeps `view` where that theme has its editions and types."""
    return [carried_view(view, availability(data, t)).link(f"/{t.slug}") for t in data.page_themes]


def overview_href(view: ViewState) -> str:
    """The overview, carrying the view on to the theme it leads to (an empty group as all)."""
    return ViewState.from_controls(view.periods or PERIODS, view.types or ALL_TYPES, view.sectors, view.lang).link("/")


def page_frame(data: DataSet, view: ViewState, content, language_link: str, page_slug: str | None = None) -> html.Div:
    """`content` inside the site's frame, whose links keep `view`; `language_link` is this view in
    the other language; `page_slug` gives the switch and the menu ids the theme page's callback
    keeps up to date."""
    lang = view.lang
    _ = translator(lang)
    return html.Div(
        className="site",
        children=[
            html.A(_("Gå til indhold"), href="#indhold", className="skip-link"),
            html.Header(
                className="site-header",
                children=html.Nav(
                    className="site-nav container-xxl",
                    **{"aria-label": _("Temaer")},
                    children=[
                        dcc.Link("Innovationsbarometeret", href=ViewState(lang=lang).link("/"), className="site-brand"),
                        dbc.DropdownMenu(
                            label=_("Temaer"),
                            class_name="site-menu",
                            toggle_class_name="site-menu-toggle",
                            children=[
                                dbc.DropdownMenuItem(t.title.in_(lang), href=href,
                                                     **({"id": ids.theme_link(page_slug, t.slug)} if page_slug else {}))
                                for t, href in zip(data.page_themes, theme_hrefs(data, view))
                            ],
                        ),
                        dcc.Link(_("Alle tal"), href=ViewState(lang=lang).link("/tal"), className="site-nav-link"),
                        _language_switch(language_link, lang, page_slug),
                    ],
                ),
            ),
            html.Main(content, id="indhold", className="container-xxl site-main"),
            html.Footer(
                className="site-footer",
                children=html.Div(
                    className="container-xxl",
                    children=[
                        html.P(_(
                            "Kilde: Innovationsbarometeret, Center for Offentlig Innovation (COI, nu CO-PI) "
                            "og Danmarks Statistik. Alle tal er offentliggjorte tal med angivet kilde; "
                            "»ca.« markerer tal, der kun er offentliggjort i ord."
                        )),
                        html.P([_("Datasæt {version}").format(version=data.version), " · ",
                                dcc.Link(_("Åbne data: filer, API og indlejring"), href=ViewState(lang=lang).link("/data"))],
                               className="data-version"),
                    ],
                ),
            ),
        ],
    )
