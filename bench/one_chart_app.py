"""The smallest Dash page of the dashboard's kind, for `bench.page_load_floor`: one dcc.Graph with
the first chart of Lav nye services (default view), and nothing else, served like the dashboard
(same scripts, partial plotly.js, script files compressed once, gunicorn). What it costs to show a
chart is then Dash's start-up and plotly.js, with none of the dashboard's own page around it.

    gunicorn 'bench.one_chart_app:create_server()'
"""

from dash import dcc, html

from dashboard.application import ASSETS, BarometerDash
from dashboard.data import load_dataset
from dashboard.figures.chart_view import chart_views
from dashboard.state import ViewState
from dashboard.static_compression import install, warm

THEME = "lav-nye-services"


def first_figure():
    data = load_dataset()
    theme = next(t for t in data.page_themes if t.slug == THEME)
    return chart_views(data, theme, ViewState())[0].figure


def create_server():
    app = BarometerDash(__name__, assets_folder=str(ASSETS), serve_locally=True, compress=True, title="Én figur")
    app.layout = html.Div(className="chart-card", children=dcc.Graph(figure=first_figure()))
    install(app.server)
    warm(app.server)  # also lists the script bundles before gunicorn forks (Dash serves only listed ones)
    return app.server
