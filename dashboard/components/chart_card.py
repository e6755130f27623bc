"""A chart as a card: title with link and download tools, subtitle (what 100 % is),
the graph, and a footer with question, N and source."""

import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.addresses import share_path
from dashboard.components import ids
from dashboard.components.chart_text import chart_in_words
from dashboard.components.copy_box import copy_link_button
from dashboard.figures.captions import SOURCE_NAME, Caption, citation, source_label
from dashboard.figures.template import placeholder_figure
from dashboard.figures.value_text import quoted
from dashboard.figures.chart_view import ChartView
from dashboard.i18n import N_, danish_marker, translator
from dashboard.state import ViewState

GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "displayModeBar": False, "scrollZoom": False}

DOWNLOADS = (  # (format, size, label)
    ("png", "slide", N_("Billede til slide (PNG, 16:9)")),
    ("png", "rapport", N_("Billede til rapport (PNG, smal)")),
    ("png", "", N_("Billede (PNG)")),
    ("svg", "", N_("Billede (SVG)")),
    ("pdf", "", N_("PDF")),
    ("csv", "", N_("Data (CSV)")),
    ("xlsx", "", N_("Data (Excel)")),
)


def chart_subtitle(caption: Caption) -> list:
    parts = [html.Span(caption.base, className="chart-base")]
    parts += [html.Span(text) for text in (caption.periods, caption.types) if text]
    parts += [html.Span(note, className="chart-filter-note") for note in (caption.chart_note, caption.types_note, caption.filter_note) if note]
    if caption.comparison_note:
        parts.append(html.Strong(caption.comparison_note, className="chart-comparison-note"))
    return parts


def _question(text: str, lang: str) -> html.Span:
    """A question as it was asked: in Danish, marked as such on an English page."""
    return html.Span(quoted(text, lang), **danish_marker(lang))


def chart_footer(caption: Caption) -> list:
    lang = caption.lang
    _ = translator(lang)
    footer = []
    if len(caption.questions) == 1:
        ((periods, question),) = caption.questions
        footer.append(html.P([html.Span(_("Spørgsmål ({periods}): ").format(periods=periods), className="label"),
                              _question(question, lang)]))
    elif caption.questions:
        footer.append(
            html.Details(
                [
                    html.Summary(_("Spørgsmål: {count} formuleringer").format(count=len(caption.questions)), className="label"),
                    html.Ul([html.Li([f"{periods}: ", _question(q, lang)]) for periods, q in caption.questions]),
                ]
            )
        )
    if caption.observations:
        footer.append(html.P([html.Span(_("Antal observationer: "), className="label"), caption.observations]))
    links = []
    for url in caption.sources:
        if links:
            links.append(" · ")
        links.append(html.A(source_label(url), href=url, target="_blank", rel="noopener"))
    footer.append(html.P([html.Span(_("Kilder: "), className="label"), *(links or [_(SOURCE_NAME)])]))
    footer.append(html.P(citation(caption), className="chart-citation"))
    return footer


def download_items(theme: str, chart_id: str, view: ViewState) -> list:
    """Each file of the chart's view, then its »Indlejr eller citér« page (embed code and citations)."""
    _ = translator(view.lang)
    shown = view.as_presentation(False)
    def href(fmt: str, size: str) -> str:
        link = shown.link(f"/export/{chart_id}.{fmt}")
        return link + ("&" if "?" in link else "?") + f"storrelse={size}" if size else link

    return [
        dbc.DropdownMenuItem(_(label), href=href(fmt, size), external_link=True,
                             class_name=f"download-link download-{fmt}" + (f"-{size}" if size else ""))
        for fmt, size, label in DOWNLOADS
    ] + [
        dbc.DropdownMenuItem(divider=True),
        dbc.DropdownMenuItem(_("Indlejr eller citér …"), href=share_path(theme, chart_id, shown), class_name="share-link"),
    ]


def _tools(theme: str, chart_id: str, view: ViewState) -> html.Div:
    _ = translator(view.lang)
    return html.Div(
        className="chart-tools",
        **{"data-preparing": _("Forbereder …")},  # shown while a download is made (assets/dashboard.js)
        children=[
            copy_link_button(_("Kopiér link til figuren"), "chart", view.lang, className="btn btn-link btn-sm chart-link"),
            html.Span(className="copy-status", role="status"),
            dbc.DropdownMenu(
                download_items(theme, chart_id, view), id=ids.chart_downloads(theme, chart_id), label=_("Download"),
                size="sm", color="secondary", align_end=True, class_name="chart-downloads",
            ),
        ],
    )


def chart_card(chart_view: ChartView, view: ViewState, deferred: bool = False) -> html.Section:
    """`deferred`: the graph starts as a placeholder and its figure comes from the page's
    later-updates store a frame after the first paint (plotly.js draws all graphs of one
    render in a single batch, so the first chart would otherwise wait for the last)."""
    theme, chart = chart_view.theme.slug, chart_view.chart
    return html.Section(
        id=f"figur-{chart.id}",
        className="chart-card",
        **{"aria-labelledby": f"titel-{chart.id}"},
        children=[
            html.Div(
                className="chart-heading",
                children=[html.H2(chart.title.in_(view.lang), id=f"titel-{chart.id}", className="chart-title"), _tools(theme, chart.id, view)],
            ),
            html.P(chart_subtitle(chart_view.caption), id=ids.chart_subtitle(theme, chart.id), className="chart-subtitle"),
            dcc.Graph(id=ids.chart_graph(theme, chart.id), config=GRAPH_CONFIG,
                      figure=placeholder_figure(chart_view.figure.layout.height) if deferred else chart_view.figure, className="chart-graph"),
            html.P(chart_view.caption.gaps, id=ids.chart_gaps(theme, chart.id), className="chart-gaps-line"),
            html.Div(chart_in_words(chart_view), id=ids.chart_words(theme, chart.id)),
            html.Footer(chart_footer(chart_view.caption), id=ids.chart_footer(theme, chart.id), className="chart-footer"),
        ],
    )
