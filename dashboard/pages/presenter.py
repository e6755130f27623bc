"""The presenter view (`?visning=praesentation`): one chart at a time, full screen, large type.

Stepping between charts is done in the browser (assets/dashboard.js: ← → PageUp PageDown, as
clickers send, Home End, swipes and buttons), so it is instant; the shown chart is in the
address (`#figur-<chart id>`, as on the page), so a reload or a shared link opens it, and Esc
leaves to the page with the same view. The charts are those of the view state in the URL. The
slide is a column as high as the screen: title, subtitle, the chart taking what is left, gap
line and citation, so nothing is cut off on a projector or a laptop.
"""

from dash import dcc, html

from dashboard.components import ids
from dashboard.components.chart_card import GRAPH_CONFIG
from dashboard.data import DataSet
from dashboard.data.models import Theme
from dashboard.figures.captions import citation
from dashboard.figures.chart_view import ChartView, slide_views
from dashboard.i18n import translator
from dashboard.state import ParsedView


def _slide(index: int, count: int, theme: Theme, chart_view: ChartView) -> html.Section:
    caption = chart_view.caption
    _ = translator(caption.lang)
    source_line = citation(caption)
    return html.Section(
        className="presenter-slide",
        hidden=index > 0,
        **{"data-slide": str(index), "data-chart": chart_view.chart.id,
           "aria-label": _("Figur {number} af {count}").format(number=index + 1, count=count)},
        children=[
            html.H2(caption.title, className="presenter-title"),
            html.P(
                " · ".join(t for t in (caption.base, caption.periods, caption.types, caption.chart_note, caption.comparison_note) if t),
                className="presenter-subtitle",
            ),
            dcc.Graph(id=ids.slide_graph(theme.slug, chart_view.chart.id), figure=chart_view.figure,
                      config=GRAPH_CONFIG, className="presenter-graph"),
            html.P(caption.gaps, className="presenter-gaps chart-gaps-line"),
            html.P(source_line, className="presenter-source"),
        ],
    )


def presenter_layout(data: DataSet, theme: Theme, parsed: ParsedView, notice, stores: list) -> html.Div:
    view = parsed.state
    _ = translator(view.lang)
    views = slide_views(data, theme, view)
    return html.Div(
        className="presenter",
        id="presenter",
        children=[
            notice,
            *stores,
            html.Div(
                className="presenter-bar",
                children=[
                    html.H1(theme.title.in_(view.lang), className="presenter-theme"),
                    html.Span(f"1 / {len(views)}", className="presenter-counter", **{"aria-live": "polite"}),
                    html.Button(_("← Forrige"), className="btn btn-light btn-sm presenter-previous", type="button"),
                    html.Button(_("Næste →"), className="btn btn-light btn-sm presenter-next", type="button"),
                    dcc.Link(_("Afslut præsentation"), href=view.as_presentation(False).link(f"/{theme.slug}"),
                             className="btn btn-outline-light btn-sm presenter-exit"),
                ],
            ),
            *[_slide(i, len(views), theme, cv) for i, cv in enumerate(views)],
            html.P(_("← → skifter figur · Esc afslutter"), className="presenter-hint"),
        ],
    )
