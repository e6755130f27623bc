"""A chart in words, for those who cannot see it: a one-sentence summary and a table,
both made from the same slice as the figure."""

from dash import html

from dashboard.components.edition import edition_swatch
from dashboard.figures.chart_slice import ChartSlice, slot_label
from dashboard.figures.chart_view import ChartView
from dashboard.figures.value_text import quoted, value_text
from dashboard.i18n import danish_marker, translator


def summary_sentence(chart_view: ChartView) -> str:
    """'Arbejdspladser, der …: Serviceinnovation 43 % i 2015-2016; Mindst én innovation 81 % i 2018-2019 og 83 % i 2021-2023.'"""
    slice_: ChartSlice = chart_view.slice
    lang = slice_.lang
    _ = translator(lang)
    title = chart_view.chart.title.in_(lang)
    parts = []
    for group in slice_.groups:
        values = [
            _("{value} i {period}").format(value=value_text(s.row, lang), period=s.period)
            for s in group.slots if s.row is not None
        ]
        if values:
            joined = values[0] if len(values) == 1 else _("{values} og {last}").format(values=", ".join(values[:-1]), last=values[-1])
            parts.append(f"{group.label} {joined}")
    gaps = f" {chart_view.caption.gaps}." if chart_view.caption.gaps else ""
    if not parts:
        return _("{title}: ingen offentliggjorte tal for det valgte.").format(title=title) + gaps
    return f"{title}: " + "; ".join(parts) + "." + gaps


def data_table(chart_view: ChartView) -> html.Table:
    """The published values, one row each; the gaps in one line under the table, as on the chart."""
    lang = chart_view.slice.lang
    _ = translator(lang)
    reworded = len(chart_view.caption.questions) > 1  # then each row names the question of its edition

    def question(row) -> list:
        return [html.Td(quoted(row.question_da, lang) if row.question_da else "", **danish_marker(lang))] if reworded else []

    rows = [
        html.Tr([html.Th(slot_label(chart_view.slice, group, slot), scope="row"),
                 html.Td([edition_swatch(slot.period), slot.period]),
                 html.Td(value_text(slot.row, lang)), *question(slot.row)])
        for group in chart_view.slice.groups
        for slot in group.slots
        if slot.row is not None
    ]
    columns = 4 if reworded else 3
    gaps = chart_view.caption.gaps
    return html.Table(
        className="table table-sm chart-data-table",
        children=[
            html.Caption(chart_view.chart.title.in_(lang)),
            html.Thead(html.Tr([html.Th(_("Sektor") if chart_view.chart.group_by == "sector" else _("Svar"), scope="col"),
                                html.Th(_("Periode"), scope="col"), html.Th(_("Andel"), scope="col"),
                                *([html.Th(_("Spørgsmål"), scope="col")] if reworded else [])])),
            html.Tbody(rows or [html.Tr(html.Td(_("Ingen offentliggjorte tal for det valgte."), colSpan=columns))]),
            *([html.Tfoot(html.Tr(html.Td(gaps, colSpan=columns, className="chart-gaps")))] if gaps else []),
        ],
    )


def chart_in_words(chart_view: ChartView) -> list:
    """The summary (read by screen readers, hidden on screen) and the table behind a toggle."""
    _ = translator(chart_view.slice.lang)
    return [
        html.P(summary_sentence(chart_view), className="visually-hidden chart-summary"),
        html.Details(
            className="chart-table",
            children=[html.Summary(_("Vis som tabel")), data_table(chart_view)],
        ),
    ]
