"""A chart slice drawn as labelled horizontal bars, one group per answer or sector.

Exact values are solid bars labelled `43 %`; approximate values (only words were
published) are hatched, lighter bars labelled `ca. 25 %`; verbal values and gaps
are words on the chart with no bar. Nothing unpublished is ever drawn as zero.
"""

import textwrap

import plotly.graph_objects as go

from dashboard.data.models import FigureRow
from dashboard.figures import template
from dashboard.figures.chart_slice import ChartSlice
from dashboard.figures.value_text import value_label, value_text
from dashboard.formatting import NBSP, number, percent
from dashboard.i18n import translator
from dashboard.vocabulary import INNOVATION_TYPES

ROW_PX = 30
HEADING_LINE_UNITS = 0.75
HEADING_DROP = 0.2  # a heading's text sits this far (in rows) closer to its first bar
# Plotly cannot wrap text: wrap so that a 375 px wide phone shows it whole.
HEADING_WRAP = 28
NOTE_WRAP = 36


def _size(points: int, text_scale: float) -> int:
    return round(points * text_scale)


def _hover(group: str, period: str, row: FigureRow | None, lang: str) -> str:
    _ = translator(lang)
    lines = [f"<b>{group}</b>", period, value_text(row, lang)]
    if row is not None and row.n_obs:
        lines.append(_("Antal observationer: {n}").format(n=number(row.n_obs, lang)))
    return "<br>".join(lines)


def _bar_trace(slots, name: str, approx: bool, show_legend: bool, text_scale: float, lang: str) -> go.Bar:
    return go.Bar(
        orientation="h",
        name=name,
        x=[float(row.value_pct) for _, _, row in slots],
        y=[position for position, _, _ in slots],
        text=[value_label(row, lang) for _, _, row in slots],
        textposition="outside",
        constraintext="none",  # keep labels at full size however thin the bar
        textfont=dict(size=_size(14, text_scale)),
        cliponaxis=False,
        width=0.72,
        customdata=[_hover(group, row.period, row, lang) for _, group, row in slots],
        hovertemplate="%{customdata}<extra></extra>",
        marker=dict(
            color=template.APPROX_FILL if approx else template.PRIMARY,
            line=dict(color=template.PRIMARY, width=1.5),
            pattern=dict(shape="/" if approx else "", fgcolor=template.PRIMARY, size=7, solidity=0.25),
        ),
        showlegend=show_legend,
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


def _note(slice_: ChartSlice) -> str:
    _ = translator(slice_.lang)
    parts = list(slice_.unpublished_periods)
    parts += [_(INNOVATION_TYPES[t]) for t in slice_.unpublished_types]
    if not parts:
        return ""
    note = _("Ikke offentliggjort for denne figur: {periods_and_types}").format(periods_and_types=", ".join(parts))
    return "<br>".join(textwrap.wrap(note, NOTE_WRAP))


def _empty_message(slice_: ChartSlice) -> str:
    """Why a chart has nothing to draw, said on the chart."""
    _ = translator(slice_.lang)
    if slice_.deselected_types and slice_.periods:
        shown = ", ".join(_(INNOVATION_TYPES[t]).lower() for t in slice_.deselected_types)
        message = _("Figuren viser {types}, som ikke er valgt i filteret for innovationstype").format(types=shown)
        return "<br>".join(textwrap.wrap(message, NOTE_WRAP))
    return _note(slice_) or _("Vælg mindst én periode og én innovationstype")


def _message_figure(message: str, text_scale: float) -> go.Figure:
    figure = go.Figure(layout=dict(template=template.NAME, height=160, margin=dict(l=10, r=10, t=10, b=10)))
    figure.add_annotation(
        text=message, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False,
        font=dict(size=_size(16, text_scale), color=template.MUTED, style="italic"),
    )
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure


def figure_for_slice(slice_: ChartSlice, text_scale: float = 1.0) -> go.Figure:
    """The Plotly figure of one chart slice; `text_scale` enlarges its text (presentations)."""
    if not slice_.groups:
        return _message_figure(_empty_message(slice_), text_scale)

    exact, approx, words, headings, tickvals, ticktext = [], [], [], [], [], []
    position = 0.0
    for group in slice_.groups:
        lines = textwrap.wrap(group.label, HEADING_WRAP)
        position += HEADING_LINE_UNITS * (len(lines) - 1)
        headings.append((position, "<br>".join(lines)))
        position += 0.9
        for slot in group.slots:
            tickvals.append(position)
            ticktext.append(slot.period)
            row = slot.row
            if row is not None and row.precision == "exact":
                exact.append((position, group.label, row))
            elif row is not None and row.precision == "approx":
                approx.append((position, group.label, row))
            else:
                words.append((position, group.label, slot.period, row))
            position += 1
        position += 0.5

    lang, _ = slice_.lang, translator(slice_.lang)
    show_legend = bool(approx)
    traces = []
    if exact:
        traces.append(_bar_trace(exact, _("Offentliggjort tal"), approx=False, show_legend=show_legend,
                                 text_scale=text_scale, lang=lang))
    if approx:
        traces.append(_bar_trace(approx, _("ca.: kun offentliggjort i ord"), approx=True, show_legend=show_legend,
                                 text_scale=text_scale, lang=lang))
    if words:
        traces.append(_text_trace(
            "words", [w[0] for w in words], [NBSP * 2 + value_label(w[3], lang) for w in words], "middle right",
            [template.MUTED if w[3] is None else template.INK for w in words], text_scale, italic=True,
            hovers=[_hover(group, period, row, lang) for _position, group, period, row in words],
        ))
    traces.append(_text_trace(
        "groups", [y + HEADING_DROP for y, _ in headings], [f"<b>{text}</b>" for _, text in headings], "top right",
        [template.INK] * len(headings), text_scale, italic=False,
    ))
    annotations = []
    note = _note(slice_)
    if note:
        annotations.append(dict(
            text=note, x=0, y=0, xref="paper", yref="paper", xanchor="left", yanchor="top", yshift=-30,
            showarrow=False, align="left", font=dict(size=_size(13, text_scale), color=template.MUTED, style="italic"),
        ))
    top = _size(40, text_scale) if show_legend else 12
    bottom = _size(40 + 18 * (note.count("<br>") + 1), text_scale) if note else _size(36, text_scale)
    ticks = [0, 25, 50, 75, 100]
    # One constructor call: adding annotations one by one re-validates the whole list each time.
    return go.Figure(
        data=traces,
        layout=dict(
            template=template.NAME,
            separators=template.SEPARATORS[lang],
            annotations=annotations,
            height=int((position + 0.6) * _size(ROW_PX, text_scale)) + top + bottom,
            margin=dict(l=4, r=_size(44, text_scale), t=top, b=bottom),
            barmode="overlay",
            showlegend=show_legend,
            font=dict(size=_size(14, text_scale)),
            legend=dict(font=dict(size=_size(13, text_scale))),
            xaxis=dict(range=[0, 100], tickvals=ticks, ticktext=[percent(t, lang) for t in ticks]),
            yaxis=dict(
                range=[position - 0.3, -0.9], tickvals=tickvals, ticktext=ticktext,
                tickfont=dict(size=_size(13, text_scale), color=template.MUTED),
            ),
        ),
    )
