"""A chart alone, for other sites to frame (`/indlejr/<theme>/<chart>?<view>`): its title,
subtitle, graph, gaps, table, question, N, sources, citation and a link back to the full view.
The only page that may be framed (serving.py); drawn on the server like every page."""

from dash import dcc, html

from dashboard.addresses import chart_page_path

from dashboard.components.chart_card import GRAPH_CONFIG, chart_footer, chart_subtitle
from dashboard.components.chart_text import chart_in_words
from dashboard.components.link_notice import link_notice
from dashboard.data import DataSet
from dashboard.data.models import Chart, Theme
from dashboard.figures.chart_view import chart_view
from dashboard.i18n import translator
from dashboard.state import ViewState, parse_query

EMBED_GRAPH = "indlejret-figur"
# The page's height beyond the graph's: title, subtitle, gaps line, footer (at 800 px wide).
TEXT_HEIGHT = 330


def embed_height(data: DataSet, theme: Theme, chart: Chart, view: ViewState) -> int:
    """A sensible iframe height for the chart: its graph and its words."""
    return int(chart_view(data, theme, chart, view).figure.layout.height) + TEXT_HEIGHT


def embed_layout(data: DataSet, theme: Theme, chart: Chart, query: dict) -> html.Div:
    parsed = parse_query(query)
    view = parsed.state.as_presentation(False)
    _ = translator(view.lang)
    shown = chart_view(data, theme, chart, view)
    return html.Div(
        className="site embed-site",
        children=html.Main(
            id="indhold",
            className="embed",
            children=[
                link_notice(parsed.notices, view.lang),
                html.H1(chart.title.in_(view.lang), className="chart-title"),
                html.P(chart_subtitle(shown.caption), className="chart-subtitle"),
                dcc.Graph(id=EMBED_GRAPH, figure=shown.figure, config=GRAPH_CONFIG, className="chart-graph"),
                html.P(shown.caption.gaps, className="chart-gaps-line"),
                html.Div(chart_in_words(shown)),
                html.Footer(
                    className="chart-footer",
                    children=[
                        *chart_footer(shown.caption),
                        html.P(html.A(_("Se figuren i Innovationsbarometeret"), href=chart_page_path(theme.slug, chart.id, view),
                                      target="_blank", rel="noopener", className="embed-back")),
                    ],
                ),
            ],
        ),
    )
