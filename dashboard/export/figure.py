"""The figure of an exported chart: what the screen shows, plus what a slide needs.

An image lifted out of the page must still be honest, so it carries its caption (the same
Caption object the page shows): title, what 100 % is, the filtered periods and types, and a
footer with the notes (what was not published, what »ca.« means, where editions differ) and
the citation, with the address of the view. No note about a filter: an image has none.
"""

import textwrap

import plotly.graph_objects as go

from dashboard.figures import template
from dashboard.figures.captions import citation
from dashboard.figures.chart_view import ChartView

WIDTH = 1200
FOOTER_WRAP = 150
LINE_PX = 18


def _subtitle(chart_view: ChartView) -> str:
    caption = chart_view.caption
    return " · ".join(t for t in (caption.base, caption.periods, caption.types) if t)


def footer_lines(chart_view: ChartView, address: str | None = None, with_citation: bool = True,
                 wrap: int = FOOTER_WRAP) -> list[str]:
    """The notes, then the citation, wrapped to the image's width (an address too long for a line
    continues on the next, whole)."""
    caption = chart_view.caption
    notes = [caption.gaps, caption.approx_note, caption.chart_note, caption.types_note, caption.comparison_note]
    lines = [note for note in notes if note] + ([citation(caption, address)] if with_citation else [])
    return [part for line in lines for part in textwrap.wrap(line, wrap, break_on_hyphens=False)]


# The image sizes a download offers (`storrelse`): CSS px wide and the exact height / width, if any.
# deling: a link's preview (og:image), 1200 x 630 at the default scale 2.
SIZES = {"standard": (WIDTH, None), "slide": (800, 9 / 16), "rapport": (640, None), "deling": (600, 630 / 1200)}


def export_figure(chart_view: ChartView, address: str | None = None, include_title: bool = True,
                  width: int = WIDTH, aspect: float | None = None, exact: bool = False) -> go.Figure:
    """`address`: the view's address, for the citation. For a slide (`include_title` False: the
    slide has the title and the citation): `width` and the least `aspect` (height / width) of
    the room it is fitted into, so the chart fills it. `exact`: the image has exactly that aspect,
    made wider where the chart needs more height (a 16:9 image for a slide of one's own)."""
    figure = go.Figure(chart_view.figure)
    margin = figure.layout.margin
    plot_px = figure.layout.height - margin.t - margin.b
    footer = footer_lines(chart_view, address, with_citation=include_title, wrap=FOOTER_WRAP * width // WIDTH)
    title_px = 72 if include_title else 40
    footer_px = LINE_PX * len(footer) + 24
    if aspect is not None:
        plot_px = max(plot_px, round(width * aspect) - margin.t - title_px - footer_px)
        if exact:
            width = max(width, round((plot_px + margin.t + title_px + footer_px) / aspect))
    left, right = max(margin.l, 16), margin.r + 16
    # The footer starts at the image's left edge, as the title does (x is in plot widths).
    figure.add_annotation(
        text="<br>".join(footer), x=-(left - 12) / (width - left - right), y=0, xref="paper", yref="paper",
        xanchor="left", yanchor="top", yshift=-12, showarrow=False, align="left",
        font=dict(size=12, color=template.MUTED),
    )
    title = f"<b>{chart_view.caption.title}</b>" if include_title else ""
    figure.update_layout(
        title=dict(
            text=title, subtitle=dict(text=_subtitle(chart_view), font=dict(size=14, color=template.MUTED)),
            x=0, xanchor="left", xref="container", y=1, yanchor="top", yref="container",
            pad=dict(l=12, t=14), font=dict(size=22, color=template.INK),
        ),
        width=width,
        height=plot_px + margin.t + title_px + footer_px,
        margin=dict(l=left, r=right, t=margin.t + title_px, b=footer_px),
    )
    return figure
