"""Build the Dash app from a data directory: pages from configuration, one set of callbacks."""

import sys
from pathlib import Path

import dash

from dashboard.callbacks import register_callbacks
from dashboard.components.shell import shell
from dashboard.data import DEFAULT_DIRECTORY, DataError, DataSet, load_dataset
from dashboard.export.images import ImageRenderer
from dashboard.export.routes import register_export_routes
from dashboard.figures.chart_view import chart_views
from dashboard.pages.overview import not_found_layout, overview_layout
from dashboard.pages.theme import theme_layout
from dashboard.serving import install as install_serving
from dashboard.state import ViewState

ASSETS = Path(__file__).resolve().parents[1] / "assets"


# dcc.Graph fetches its code only once a graph is on the page; announcing it up front saves
# a round trip before the first chart.
GRAPH_CODE = "/_dash-component-suites/dash/dcc/async-graph.js"


class DanishDash(dash.Dash):
    """Dash whose page shell speaks Danish (`<html lang="da">`, a Danish loading text)
    and preloads the graph code."""

    def interpolate_index(self, **kwargs) -> str:
        kwargs["app_entry"] = kwargs["app_entry"].replace("Loading...", "Indlæser …")
        kwargs["metas"] += f'\n<link rel="preload" as="script" href="{GRAPH_CODE}">'
        return super().interpolate_index(**kwargs).replace("<html>", '<html lang="da">', 1)


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


def _register_pages(data: DataSet) -> None:
    dash.register_page(
        "overview", path="/", name="Innovationsbarometeret", title="Innovationsbarometeret",
        layout=lambda **_query: overview_layout(data), order=0,
    )
    for order, theme in enumerate(data.page_themes, start=1):
        dash.register_page(
            f"theme.{theme.slug}", path=f"/{theme.slug}", name=theme.title_da,
            title=f"{theme.title_da} – Innovationsbarometeret", order=order, layout=_theme_page(data, theme),
        )
    dash.register_page("not_found_404", path="/404", title="Siden findes ikke", layout=not_found_layout)


def create_app(data_directory=DEFAULT_DIRECTORY) -> dash.Dash:
    data = load_or_exit(data_directory)
    app = DanishDash(
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
    app.layout = shell(data)
    app.dataset = data
    register_callbacks(app, data)
    register_export_routes(app.server, data, ImageRenderer())
    install_serving(app, data)
    for theme in data.page_themes:  # the default views, computed before the first visitor asks
        chart_views(data, theme, ViewState())
    # Dash accepts a request for a script bundle only after it has listed that bundle in a page
    # it served. A gunicorn worker may be asked for a bundle by a page another worker served,
    # so every worker serves its start page once, to itself, before it takes requests.
    app.server.test_client().get("/")
    return app
