"""A chart slice drawn as labelled horizontal bars, in groups that put side by side what a
reader compares: the editions of one answer, or the sectors within one edition.

Every bar has its edition's colour (dashboard/palette.py) and its edition or sector as its
label, so colour is never the only cue. Exact values are solid bars labelled `43 %`;
approximate values (only words were published) are hatched in the edition's colour and
labelled `ca. 25 %`; verbal values are their words with no bar. Values that were not
published get no row: the chart card names them once, in its gap line under the graph
(figures/gaps.py; images carry it in their footer). Nothing is drawn as zero. A chart of one
edition names it in its subtitle, not on every row.
"""

import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from dashboard.data.models import FigureRow
from dashboard.figures import template
from dashboard.figures.captions import APPROX_NOTE
from dashboard.figures.chart_slice import ChartSlice
from dashboard.figures.gaps import gap_items
from dashboard.figures.value_text import quoted, value_label, value_text
from dashboard.formatting import NBSP, number
from dashboard.i18n import translator
from dashboard.palette import INK, MUTED, edition_colour, tint
from dashboard.vocabulary import INNOVATION_TYPES

ROW_PX = 30
HEADING_LINE_UNITS = 0.75
HEADING_DROP = 0.2  # a heading's text sits this far (in rows) closer to its first bar
# Plotly cannot wrap text: wrap so that a 320 px wide phone shows it whole.
HEADING_WRAP = 28
NOTE_WRAP = 42
LABEL_WRAP = 18  # a sector's name beside its bar, so a phone keeps room for the bars
HOVER_WRAP = 60
TICK_STANDOFF_PX = 8  # labels never touch the axis line
# The widest a character of the labels' font is on average, in em (DejaVu Sans, the widest of the
# usual system-ui fonts): the left margin is computed from it, not measured by plotly.js
# (automargin draws every chart twice, ~50 ms more per chart).
LABEL_EM_PER_CHAR = 0.62


def _size(points: int, text_scale: float) -> int:
    return round(points * text_scale)


@dataclass(frozen=True)
class _Bar:
    """One drawn row: where it sits, its label beside the axis, and its published value."""

    position: float
    subject: str  # the answer or sector, for the hover
    row: FigureRow


def _drawn_groups(slice_: ChartSlice) -> list[tuple[str, list[tuple[str, FigureRow]]]]:
    """(heading, [(label, row)]) of what is drawn, without gaps: a sector chart compares the
    sectors within each edition, any other chart the editions of each answer."""
    if slice_.chart.group_by == "sector":
        groups = [
            (period, [(group.label, slot.row) for group in slice_.groups for slot in group.slots
                      if slot.period == period and slot.row is not None])
            for period in slice_.periods
        ]
    else:
        groups = [(group.label, [(slot.period, slot.row) for slot in group.slots if slot.row is not None])
                  for group in slice_.groups]
    return [(heading, rows) for heading, rows in groups if rows]


def _label_margin(labels: list[str], font_px: int, standoff_px: int) -> int:
    """Room left of the axis for the longest label, without asking the browser to measure it."""
    longest = max((len(line) for label in labels for line in label.split("<br>")), default=0)
    return round(longest * font_px * LABEL_EM_PER_CHAR) + standoff_px + 6


def _hover(subject: str, row: FigureRow, lang: str) -> str:
    """The bar's answer or sector, its edition and value, N, and the question as asked in that edition."""
    _ = translator(lang)
    lines = [f"<b>{subject}</b>", row.period, value_text(row, lang)]
    if row.n_obs:
        lines.append(_("Antal observationer: {n}").format(n=number(row.n_obs, lang)))
    if row.question_da:
        question = _("Spørgsmål ({periods}): {question}").format(periods=row.period, question=quoted(row.question_da, lang))
        lines += textwrap.wrap(question, HOVER_WRAP)
    return "<br>".join(lines)


def _bar_trace(bars: list[_Bar], name: str, approx: bool, text_scale: float, lang: str) -> go.Bar:
    colours = [edition_colour(bar.row.period) for bar in bars]
    return go.Bar(
        orientation="h",
        name=name,
        x=[float(bar.row.value_pct) for bar in bars],
        y=[bar.position for bar in bars],
        text=[value_label(bar.row, lang) for bar in bars],
        textposition="outside",
        constraintext="none",  # keep labels at full size however thin the bar
        textfont=dict(size=_size(template.TEXT_PX, text_scale), color=INK),
        cliponaxis=False,
        width=0.72,
        customdata=[_hover(bar.subject, bar.row, lang) for bar in bars],
        hovertemplate="%{customdata}<extra></extra>",
        marker=dict(
            color=[tint(c) for c in colours] if approx else colours,
            line=dict(color=colours, width=1.5),
            pattern=dict(shape="/" if approx else "", fgcolor=colours, size=7, solidity=0.5),
        ),
    )


def _text_trace(name: str, positions: list[float], texts: list[str], textposition: str, colors: list[str],
                text_scale: float, italic: bool, hovers: list[str] | None = None) -> go.Scatter:
    """Words placed on the chart: group headings, or published words and gaps in place of a bar.
    x is where the words start (the axis), not a value; one text trace draws much faster than
    as many annotations."""
    return go.Scatter(
        name=name,
        x=[0] * len(positions),
        y=positions,
        mode="text",
        text=texts,
        textposition=textposition,
        textfont=dict(size=_size(14, text_scale), color=colors, style="italic" if italic else "normal"),
        customdata=hovers,
        hovertemplate="%{customdata}<extra></extra>" if hovers else None,
        hoverinfo=None if hovers else "skip",
        showlegend=False,
        cliponaxis=False,
    )


def _empty_message(slice_: ChartSlice) -> str:
    """Why a chart has nothing to draw, in one sentence on the chart."""
    _ = translator(slice_.lang)
    if slice_.deselected_types and slice_.periods:
        shown = ", ".join(_(INNOVATION_TYPES[t]).lower() for t in slice_.deselected_types)
        return _("Figuren viser {types}, som ikke er valgt i filteret for innovationstype").format(types=shown)
    items = gap_items(slice_)
    if items:
        return _("Intet offentliggjort for det valgte: {gaps}").format(gaps="; ".join(items))
    if not slice_.selected_periods and slice_.type_filter_applies and not slice_.selected_types:
        return _("Vælg mindst én periode og én innovationstype")
    if not slice_.selected_periods:
        return _("Vælg mindst én periode")
    return _("Vælg mindst én innovationstype")


def _message_figure(message: str, text_scale: float) -> go.Figure:
    figure = go.Figure(layout=dict(template=template.NAME, height=120, margin=dict(l=10, r=10, t=10, b=10)))
    figure.add_annotation(
        text="<br>".join(textwrap.wrap(message, NOTE_WRAP)), x=0, y=0.5, xref="paper", yref="paper",
        xanchor="left", align="left", showarrow=False,
        font=dict(size=_size(16, text_scale), color=MUTED, style="italic"),
    )
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure


def figure_for_slice(slice_: ChartSlice, text_scale: float = 1.0) -> go.Figure:
    """The Plotly figure of one chart slice; `text_scale` enlarges its text (presentations)."""
    groups = _drawn_groups(slice_)
    if not groups:
        return _message_figure(_empty_message(slice_), text_scale)

    exact, approx, words, headings, tickvals, ticktext = [], [], [], [], [], []
    position = 0.0
    # One edition: its name is in the subtitle, so the rows need no label of their own.
    labelled = slice_.chart.group_by == "sector" or len(slice_.periods) > 1
    for heading, rows in groups:
        lines = textwrap.wrap(heading, HEADING_WRAP)
        position += HEADING_LINE_UNITS * (len(lines) - 1)
        headings.append((position, "<br>".join(lines)))
        position += 0.9
        for label, row in rows:
            if labelled:
                tickvals.append(position)
                ticktext.append("<br>".join(textwrap.wrap(label, LABEL_WRAP)))
            # The hover names the answer as that edition worded it.
            subject = label if slice_.chart.group_by == "sector" else row.label.in_(slice_.lang)
            bar = _Bar(position, subject, row)
            {"exact": exact, "approx": approx, "verbal": words}[row.precision].append(bar)
            position += 1
        position += 0.5

    lang, _ = slice_.lang, translator(slice_.lang)
    traces = []
    if exact:
        traces.append(_bar_trace(exact, _("Offentliggjort tal"), approx=False, text_scale=text_scale, lang=lang))
    if approx:
        traces.append(_bar_trace(approx, _(APPROX_NOTE), approx=True, text_scale=text_scale, lang=lang))
    if words:
        traces.append(_text_trace(
            "words", [w.position for w in words], [NBSP * 2 + value_label(w.row, lang) for w in words], "middle right",
            [INK] * len(words), text_scale, italic=True, hovers=[_hover(w.subject, w.row, lang) for w in words],
        ))
    traces.append(_text_trace(
        "groups", [y + HEADING_DROP for y, _ in headings],
        [NBSP + f"<b>{text}</b>".replace("<br>", "<br>" + NBSP) for _, text in headings], "top right",
        [INK] * len(headings), text_scale, italic=False,
    ))
    top, bottom = 8, 8
    height = int((position + 0.2) * _size(ROW_PX, text_scale)) + top + bottom
    tick_px, standoff = _size(template.SMALL_TEXT_PX + 1, text_scale), _size(TICK_STANDOFF_PX, text_scale)
    # One constructor call: adding annotations one by one re-validates the whole list each time.
    return go.Figure(
        data=traces,
        layout=dict(
            template=template.NAME,
            separators=template.SEPARATORS[lang],
            height=height,
            margin=dict(l=_label_margin(ticktext, tick_px, standoff), r=_size(56, text_scale), t=top, b=bottom),
            barmode="overlay",
            font=dict(size=_size(template.TEXT_PX, text_scale)),
            # The value labels carry the numbers: no gridlines or tick labels on the value axis,
            # whose fixed 0-100 % range keeps bar lengths comparable across charts.
            xaxis=dict(range=[0, 100], showgrid=False, showticklabels=False),
            yaxis=dict(
                range=[position - 0.3, -0.9], tickvals=tickvals, ticktext=ticktext,
                ticklabelstandoff=standoff, automargin=False,
                tickfont=dict(size=tick_px, color=MUTED),
            ),
        ),
    )
