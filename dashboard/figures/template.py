"""The one visual style of every chart: a Plotly template of ours, with the colours of
dashboard/palette.py (meaning never rests on colour alone: every bar is labelled with its
edition, and approximate bars are also hatched and labelled "ca.")."""

import plotly.graph_objects as go
import plotly.io as pio

from dashboard.i18n import LANGUAGE_SETTINGS
from dashboard.palette import CARD, GRID, INK, MUTED

NAME = "innovationsbarometer"

# Chart text, in px on screen: nothing smaller than body text's 13 px.
TEXT_PX = 14
SMALL_TEXT_PX = 13
# Plotly's decimal and thousands separators, for any number it formats itself.
SEPARATORS = {code: language.plotly_separators for code, language in LANGUAGE_SETTINGS.items()}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

# What a chart shows for the moment before its figure is drawn (see components/chart_card.py).
PLACEHOLDER = "placeholder"


def placeholder_figure(height: int) -> dict:
    """An empty plot of the chart's height, so the page does not jump when the chart is drawn."""
    return {"data": [], "layout": {"height": height, "meta": PLACEHOLDER, "xaxis": {"visible": False},
                                   "yaxis": {"visible": False}, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}}}


pio.templates[NAME] = go.layout.Template(
    layout=go.Layout(
        font=dict(family=FONT, size=TEXT_PX, color=INK),
        paper_bgcolor=CARD,
        plot_bgcolor=CARD,
        hoverlabel=dict(font=dict(family=FONT, size=TEXT_PX), bgcolor=CARD, bordercolor=MUTED, align="left"),
        xaxis=dict(gridcolor=GRID, zeroline=True, zerolinecolor=MUTED, zerolinewidth=1, ticks="", fixedrange=True),
        # No automargin: bars.py sets the left margin from the labels (automargin draws twice).
        yaxis=dict(showgrid=False, zeroline=False, ticks="", fixedrange=True, automargin=False),
        showlegend=False,
        bargap=0.3,
    )
)
