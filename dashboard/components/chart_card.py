"""A chart as a card: title, subtitle (what 100 % is), the graph, and a footer
with question, N and source."""

from urllib.parse import unquote, urlparse

from dash import dcc, html

from dashboard.components import ids
from dashboard.data.models import Chart
from dashboard.figures.chart_slice import ChartSlice
from dashboard.formatting import number, period_list
from dashboard.vocabulary import BASES

GRAPH_CONFIG = {"displaylogo": False, "responsive": True, "displayModeBar": False, "scrollZoom": False}


def chart_subtitle(slice_: ChartSlice) -> list:
    parts = [html.Span(BASES[slice_.base]["da"], className="chart-base")]
    if slice_.periods:
        parts.append(html.Span(f"Periode: {period_list(slice_.periods)}"))
    if slice_.type_filter_applies:
        parts.append(html.Span("En innovation kan have flere typer, så andelene summer ikke til 100 %."))
    else:
        parts.append(html.Span("Filteret for innovationstype gælder ikke denne figur.", className="chart-filter-note"))
    return parts


def _source_label(url: str) -> str:
    parsed = urlparse(url)
    path = unquote(parsed.path.rstrip("/"))
    label = parsed.netloc.removeprefix("www.") + (path if len(path) <= 40 else path[:38] + "…")
    return label


def chart_footer(slice_: ChartSlice) -> list:
    rows = slice_.rows
    questions = list(dict.fromkeys(r.question_da for r in rows if r.question_da))
    observations = list(dict.fromkeys((r.period, r.n_obs) for r in rows if r.n_obs))
    unstated = any(r.n_obs is None for r in rows)
    sources = list(dict.fromkeys(r.source_url for r in rows))
    footer = []
    if len(questions) == 1:
        footer.append(html.P([html.Span("Spørgsmål: ", className="label"), f"»{questions[0]}«"]))
    elif questions:
        footer.append(
            html.Details(
                [
                    html.Summary(f"Spørgsmål ({len(questions)} formuleringer, én pr. udgave)", className="label"),
                    html.Ul([html.Li(f"»{q}«") for q in questions]),
                ]
            )
        )
    if rows:
        counts = [f"{number(n)} ({period})" for period, n in observations]
        if unstated:
            counts.append("ikke oplyst ved " + ("tallet" if not observations else "de øvrige tal"))
        footer.append(html.P([html.Span("Antal observationer: ", className="label"), ", ".join(counts)]))
    links = []
    for url in sources:
        if links:
            links.append(" · ")
        links.append(html.A(_source_label(url), href=url, target="_blank", rel="noopener"))
    footer.append(html.P([html.Span("Kilde: ", className="label"), *links] if links else "Kilde: Innovationsbarometeret"))
    return footer


def chart_card(theme: str, chart: Chart, slice_: ChartSlice, figure) -> html.Section:
    return html.Section(
        id=f"figur-{chart.id}",
        className="chart-card",
        **{"aria-labelledby": f"titel-{chart.id}"},
        children=[
            html.H2(chart.title_da, id=f"titel-{chart.id}", className="chart-title"),
            html.P(chart_subtitle(slice_), id=ids.chart_subtitle(theme, chart.id), className="chart-subtitle"),
            dcc.Graph(id=ids.chart_graph(theme, chart.id), figure=figure, config=GRAPH_CONFIG, className="chart-graph"),
            html.Footer(chart_footer(slice_), id=ids.chart_footer(theme, chart.id), className="chart-footer"),
        ],
    )
