"""The figure of an exported chart: what the screen shows, plus what a slide needs.

An image lifted out of the page must still be honest, so it carries its title, what
100 % is, the filtered periods and types, the approximate-value marking (the legend of
the chart itself) and a footer with source, N and "Innovationsbarometeret".
"""

import textwrap

import plotly.graph_objects as go

from dashboard.figures import template
from dashboard.figures.captions import SOURCE_NAME, source_label
from dashboard.figures.chart_view import ChartView
from dashboard.i18n import localized, translator

WIDTH = 1200
FOOTER_WRAP = 150
LINE_PX = 18


def _subtitle(chart_view: ChartView) -> str:
    caption = chart_view.caption
    return " · ".join(t for t in (caption.base, caption.periods, caption.types) if t)


def _footer_lines(chart_view: ChartView) -> list[str]:
    caption = chart_view.caption
    _ = translator(caption.lang)
    sources = ", ".join(source_label(url) for url in caption.sources)
    lines = [_("Kilde: {sources}").format(sources=_(SOURCE_NAME) + (f"; {sources}" if sources else ""))]
    if caption.observations:
        lines.append(_("Antal observationer: {n}").format(n=caption.observations))
    if caption.gaps:
        lines.append(caption.gaps)
    if caption.approx_note:
        lines.append(caption.approx_note)
    lines.append(caption.filter_note)
    if caption.comparison_note:
        lines.append(caption.comparison_note)
    return [part for line in lines for part in textwrap.wrap(line, FOOTER_WRAP)]


def export_figure(chart_view: ChartView, include_title: bool = True) -> go.Figure:
    figure = go.Figure(chart_view.figure)
    margin = figure.layout.margin
    footer = _footer_lines(chart_view)
    title_px = 72 if include_title else 40
    footer_px = LINE_PX * len(footer) + 16
    figure.add_annotation(
        text="<br>".join(footer), x=0, y=0, xref="paper", yref="paper", xanchor="left", yanchor="top",
        yshift=-(margin.b + 4), showarrow=False, align="left", font=dict(size=12, color=template.MUTED),
    )
    title = f"<b>{localized(chart_view.chart, 'title', chart_view.caption.lang)}</b>" if include_title else ""
    figure.update_layout(
        title=dict(
            text=title, subtitle=dict(text=_subtitle(chart_view), font=dict(size=14, color=template.MUTED)),
            x=0, xanchor="left", xref="container", y=1, yanchor="top", yref="container",
            pad=dict(l=12, t=14), font=dict(size=22, color=template.INK),
        ),
        width=WIDTH,
        height=figure.layout.height + title_px + footer_px,
        margin=dict(l=max(margin.l, 16), r=margin.r + 16, t=margin.t + title_px, b=margin.b + footer_px),
    )
    return figure
