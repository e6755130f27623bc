"""A chart in words, for those who cannot see it: a one-sentence summary and a table,
both made from the same slice as the figure."""

from dash import html

from dashboard.figures.chart_slice import ChartSlice
from dashboard.figures.chart_view import ChartView
from dashboard.formatting import approx_percent, percent
from dashboard.vocabulary import NOT_PUBLISHED


def _value_text(row) -> str:
    if row is None:
        return NOT_PUBLISHED
    if row.precision == "exact":
        return percent(row.value_pct)
    if row.precision == "approx":
        return f"{approx_percent(row.value_pct)} (offentliggjort som »{row.verbal_da}«)"
    return f"»{row.verbal_da}« (intet tal offentliggjort)"


def summary_sentence(chart_view: ChartView) -> str:
    """'Arbejdspladser, der …: Serviceinnovation 43 % i 2015-2016; Mindst én innovation 81 % i 2018-2019 og 83 % i 2021-2023.'"""
    slice_: ChartSlice = chart_view.slice
    parts = []
    for group in slice_.groups:
        values = [f"{_value_text(s.row)} i {s.period}" for s in group.slots if s.row is not None]
        if values:
            joined = values[0] if len(values) == 1 else ", ".join(values[:-1]) + " og " + values[-1]
            parts.append(f"{group.label} {joined}")
    if not parts:
        return f"{chart_view.chart.title_da}: ingen offentliggjorte tal for det valgte."
    return f"{chart_view.chart.title_da}: " + "; ".join(parts) + "."


def data_table(chart_view: ChartView) -> html.Table:
    rows = [
        html.Tr([html.Th(group.label, scope="row"), html.Td(slot.period), html.Td(_value_text(slot.row))])
        for group in chart_view.slice.groups
        for slot in group.slots
    ]
    return html.Table(
        className="table table-sm chart-data-table",
        children=[
            html.Caption(chart_view.chart.title_da),
            html.Thead(html.Tr([html.Th("Svar", scope="col"), html.Th("Periode", scope="col"), html.Th("Andel", scope="col")])),
            html.Tbody(rows or [html.Tr(html.Td("Ingen offentliggjorte tal for det valgte.", colSpan=3))]),
        ],
    )


def chart_in_words(chart_view: ChartView) -> list:
    """The summary (read by screen readers, hidden on screen) and the table behind a toggle."""
    return [
        html.P(summary_sentence(chart_view), className="visually-hidden chart-summary"),
        html.Details(
            className="chart-table",
            children=[html.Summary("Vis som tabel"), data_table(chart_view)],
        ),
    ]
