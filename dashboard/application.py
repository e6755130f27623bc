"""Build the Dash app from a data directory: pages from configuration, one set of callbacks."""

import html
import sys
from pathlib import Path

import dash
from dash.exceptions import MissingCallbackContextException
from flask import has_request_context, request

from dashboard.callbacks import register_callbacks
from dashboard.dash_internals import (
    CALLBACK_PATH, DASH_PAGES_META, GRAPH_CODE, LOADING_TEXT, SERVER_VIEW, UNUSED_SCRIPTS,
    deferred_renderer_start, deferred_scripts, held_scripts, router_search,
)
from dashboard.addresses import embed_path, share_path
from dashboard.data import DEFAULT_DIRECTORY, DataError, DataSet, load_dataset
from dashboard.export.images import ImageRenderer
from dashboard.export.routes import register_export_routes
from dashboard.figures.chart_view import chart_views
from dashboard.i18n import LANGUAGES, N_, translator
from dashboard.open_data.api import register_api
from dashboard.open_data.file_routes import register_data_file_routes
from dashboard.open_data.oembed import register_oembed
from dashboard.open_data.selection_routes import register_selection_routes
from dashboard.pages.all_figures import all_figures_layout
from dashboard.pages.embed import embed_layout
from dashboard.pages.open_data import open_data_layout
from dashboard.pages.overview import not_found_layout, overview_layout
from dashboard.pages.share import share_layout
from dashboard.pages.theme import theme_layout
from dashboard.server_view.chart_images import ChartImages
from dashboard.server_view.head import head_tags
from dashboard.server_view.page import ServerPages
from dashboard.server_view.routes import register_search_routes
from dashboard.serving import install as install_serving
from dashboard.static_compression import install as install_static_compression
from dashboard.state import ViewState, language_of, parse_query_string

ASSETS = Path(__file__).resolve().parents[1] / "assets"


# dcc.Graph fetches its code only once a graph is on the page; announcing it up front (GRAPH_CODE)
# saves a round trip before the first chart. @babel/polyfill is for browsers Dash no longer
# supports (it shows Internet Explorer an alert instead); evaluating it cost ~150 ms of every cold
# page load, and it swaps some of the browser's own string functions for slower ones. Dash's
# bundles need only its regenerator runtime, vendored in assets/. No page has a DataTable. So
# UNUSED_SCRIPTS are left out. Dash Pages' own meta tags go (one of them writes the request's Host
# header into twitter:url); ours give addresses under DASHBOARD_PUBLIC_URL (server_view/head.py).


def request_language() -> str:
    """The language of the page being served: from the address of a page request, or from
    the address Dash's page router was given (its callback posts the address as data)."""
    try:
        return parse_query_string(router_search()).state.lang
    except (MissingCallbackContextException, LookupError):  # not in a callback (LookupError: none ran yet)
        pass
    return language_of(request.args) if has_request_context() else ViewState().lang


# The scripts a drawn page runs at once: downloads, copying, and starting the live page.
EAGER_SCRIPTS = ("/assets/dashboard.js", "/assets/live_start.js")


class BarometerDash(dash.Dash):
    """Dash whose page shell arrives drawn: the page's content written on the server
    (`server_view`), its head (title, description, canonical, the other language, a preview
    image), in the page's language, with scripts that load without blocking the paint and leave
    out what no page needs. The live page's scripts wait until a person first uses the page (at once
    where the server left a chart to it, and in the presenter view), and it takes over when it has
    drawn (assets/live_start.js)."""

    server_pages: ServerPages | None = None  # None: a shell without a server-drawn view (bench.one_chart_app)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.renderer = deferred_renderer_start(self.renderer)

    def interpolate_index(self, **kwargs) -> str:
        lang = request_language()
        _ = translator(lang)
        entry = kwargs["app_entry"].replace(LOADING_TEXT, _("Indlæser …"))
        metas = kwargs["metas"]
        scripts = UNUSED_SCRIPTS.sub("", kwargs["scripts"])
        shown = None
        if self.server_pages is not None and has_request_context() and request.path != CALLBACK_PATH:
            shown = self.server_pages.page(request.path, request.query_string.decode("latin-1"))
            kwargs["title"] = html.escape(shown.title)
            entry = (f'<div id="{SERVER_VIEW}">{shown.body}</div>\n'
                     + entry.replace('id="react-entry-point"', 'id="react-entry-point" class="ib-live-pending"', 1))
            metas = f"{DASH_PAGES_META.sub('', metas)}\n{head_tags(shown, lang)}"
        if shown is not None and not shown.live_at_once:
            # Every chart drawn, the page works as links: the live page's scripts wait for a person.
            prefetch, scripts = held_scripts(scripts, eager=EAGER_SCRIPTS)
            metas += f'\n{prefetch}\n<link rel="prefetch" as="script" href="{GRAPH_CODE}">'
        else:  # a chart left to the live page (a view not drawn yet), or the presenter view: at once
            metas += f'\n<link rel="preload" as="script" href="{GRAPH_CODE}">'
            scripts = deferred_scripts(scripts, first=EAGER_SCRIPTS)  # the drawn page's own first
        kwargs["app_entry"] = entry
        kwargs["metas"] = metas
        kwargs["scripts"] = scripts
        return super().interpolate_index(**kwargs).replace("<html>", f'<html lang="{lang}">', 1)


def load_or_exit(directory) -> DataSet:
    """The data set, or exit with every problem named: invalid data never goes live."""
    try:
        return load_dataset(directory)
    except DataError as error:
        print(f"Refusing to start: the data in {directory} is invalid.", file=sys.stderr)
        for problem in error.problems:
            print(problem, file=sys.stderr)
        raise SystemExit(1) from None


def _theme_page(data: DataSet, theme):
    # Dash Pages passes every query parameter as a keyword: take them all, whatever their names.
    def layout(**query):
        return theme_layout(data, theme, query)

    return layout


def _theme_title(theme):
    def title(**_path):
        return f"{theme.title.in_(request_language())} – Innovationsbarometeret"

    return title


def _not_found_title(**_path) -> str:
    _ = translator(request_language())
    return _("Siden findes ikke")


def _translated_title(words: str, chart=None):
    """A page's title in the page's language: `words`, then the chart's title if it is a chart's page."""
    def title(**_path):
        lang = request_language()
        named = translator(lang)(words) if words else ""
        shown = " – ".join(part for part in (named, chart.title.in_(lang) if chart else "") if part)
        return f"{shown} – Innovationsbarometeret"

    return title


def _chart_page(layout, data: DataSet, theme, chart):
    return lambda **query: layout(data, theme, chart, query)


def _register_open_data_pages(data: DataSet) -> None:
    """»Alle tal«, the open-data page, and each chart's embed and its »Indlejr eller citér« page.
    Descriptions are messages, said in the page's language (server_view/page.py)."""
    dash.register_page(
        "all_figures", path="/tal", name="Alle tal", title=_translated_title(N_("Alle tal")),
        description=N_("Alle offentliggjorte tal i Innovationsbarometeret i én tabel: søg, filtrér, sortér og hent dem."),
        layout=lambda **query: all_figures_layout(data, query),
    )
    dash.register_page(
        "open_data", path="/data", name="Åbne data", title=_translated_title(N_("Åbne data")),
        description=N_("Innovationsbarometerets tal som filer, gennem et åbent API og som figurer til andre sider."),
        layout=lambda **query: open_data_layout(data, query),
    )
    for theme in data.page_themes:
        for chart in theme.charts:
            dash.register_page(f"embed.{chart.id}", path=embed_path(theme.slug, chart.id, ViewState()), name=chart.title_da,
                               title=_translated_title("", chart), layout=_chart_page(embed_layout, data, theme, chart))
            dash.register_page(
                f"share.{chart.id}", path=share_path(theme.slug, chart.id, ViewState()), name=chart.title_da,
                title=_translated_title(N_("Indlejr eller citér"), chart),
                description=N_("Koden til at indlejre figuren på en anden side, og en henvisning til at citere den."),
                layout=_chart_page(share_layout, data, theme, chart),
            )


def _register_pages(data: DataSet) -> None:
    dash.register_page(
        "overview", path="/", name="Innovationsbarometeret", title="Innovationsbarometeret",
        layout=lambda **query: overview_layout(data, query), order=0,
    )
    for order, theme in enumerate(data.page_themes, start=1):
        dash.register_page(
            f"theme.{theme.slug}", path=f"/{theme.slug}", name=theme.title_da,
            title=_theme_title(theme), order=order, layout=_theme_page(data, theme),
        )
    _register_open_data_pages(data)
    dash.register_page(
        "not_found_404", path="/404", title=_not_found_title,
        layout=lambda **query: not_found_layout(data, query),
    )


def create_app(data_directory=DEFAULT_DIRECTORY) -> dash.Dash:
    data = load_or_exit(data_directory)
    app = BarometerDash(
        __name__,
        use_pages=True,
        pages_folder="",
        # Pages and pattern-matching ids render components after load; without this Dash would also
        # embed every page's layout, figures included, in each HTML response to validate callbacks.
        suppress_callback_exceptions=True,
        assets_folder=str(ASSETS),
        title="Innovationsbarometeret",
        update_title=None,
        serve_locally=True,
        compress=True,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    _register_pages(data)
    app.layout = dash.page_container  # each page draws its own frame, in its own language
    app.dataset = data
    register_callbacks(app, data)
    app.image_renderer = ImageRenderer()  # gunicorn.conf.py warms it in each worker after the fork
    app.server_pages = ServerPages(data, ChartImages(app.image_renderer))
    register_export_routes(app.server, data, app.image_renderer)
    register_search_routes(app.server, data)
    register_selection_routes(app.server, data)
    register_oembed(app.server, data)
    register_data_file_routes(app.server, data)
    register_api(app.server, data)
    install_serving(app, data)
    install_static_compression(app.server)
    for theme in data.page_themes:  # the default views, computed before the first visitor asks
        for lang in LANGUAGES:
            chart_views(data, theme, ViewState(lang=lang))
    # Dash accepts a request for a script bundle only after it has listed that bundle in a page
    # it served. A gunicorn worker may be asked for a bundle by a page another worker served,
    # so every worker serves its start page once, to itself, before it takes requests.
    start_page = app.server.test_client().get("/")
    if start_page.status_code != 200:
        raise RuntimeError(f"the start page failed to render ({start_page.status_code}); see the log above")
    return app
