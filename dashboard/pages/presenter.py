"""The presenter view (`?visning=praesentation`): one chart at a time, full screen, large type.

Stepping between charts is done in the browser (assets/dashboard.js: arrow keys and
buttons), so it is instant; the charts are those of the view state in the URL.
"""

import plotly.graph_objects as go
from dash import dcc, html

from dashboard.components import ids
from dashboard.components.chart_card import GRAPH_CONFIG
from dashboard.data import DataSet
from dashboard.data.models import Theme
from dashboard.figures.captions import SOURCE_NAME, source_label
from dashboard.figures.chart_view import ChartView, chart_views
from dashboard.state import ParsedView

TEXT_SCALE = 1.5
GRAPH_HEIGHT = "max(22rem, calc(100vh - 17rem))"


def _slide(index: int, count: int, chart_view: ChartView) -> html.Section:
    caption = chart_view.caption
    figure = go.Figure(chart_view.figure).update_layout(height=None, autosize=True)
    sources = " · ".join(source_label(url) for url in caption.sources) or SOURCE_NAME
    return html.Section(
        className="presenter-slide",
        hidden=index > 0,
        **{"data-slide": str(index), "aria-label": f"Figur {index + 1} af {count}"},
        children=[
            html.H2(chart_view.chart.title_da, className="presenter-title"),
            html.P(
                " · ".join(t for t in (caption.base, caption.periods, caption.types, caption.comparison_note) if t),
                className="presenter-subtitle",
            ),
            dcc.Graph(figure=figure, config=GRAPH_CONFIG, className="presenter-graph", style={"height": GRAPH_HEIGHT}),
            html.P(
                f"Kilde: {sources}" + (f" · Antal observationer: {caption.observations}" if caption.observations else ""),
                className="presenter-source",
            ),
        ],
    )


def presenter_layout(data: DataSet, theme: Theme, parsed: ParsedView, notice) -> html.Div:
    view = parsed.state
    views = chart_views(data, theme, view, text_scale=TEXT_SCALE)
    return html.Div(
        className="presenter",
        id="presenter",
        children=[
            notice,
            dcc.Store(id=ids.view_query(theme.slug), data=view.query_string()),
            dcc.Store(id=ids.url_synced(theme.slug)),
            html.Div(
                className="presenter-bar",
                children=[
                    html.H1(theme.title_da, className="presenter-theme"),
                    html.Span(f"1 / {len(views)}", className="presenter-counter", **{"aria-live": "polite"}),
                    html.Button("← Forrige", className="btn btn-light btn-sm presenter-previous", type="button"),
                    html.Button("Næste →", className="btn btn-light btn-sm presenter-next", type="button"),
                    dcc.Link("Afslut præsentation", href=f"/{theme.slug}{view.with_visning('side').query_string()}",
                             className="btn btn-outline-light btn-sm presenter-exit"),
                ],
            ),
            *[_slide(i, len(views), cv) for i, cv in enumerate(views)],
            html.P("Brug piletasterne ← → til at skifte figur.", className="presenter-hint"),
        ],
    )
