"""The one visual style of every chart: a Plotly template of ours, and its colours.

Colours keep at least 4.5:1 contrast on white for text and 3:1 for bars, and
meaning never rests on colour alone (approximate bars are also hatched and
labelled "ca.").
"""

import plotly.graph_objects as go
import plotly.io as pio

NAME = "innovationsbarometer"

INK = "#1d2433"
MUTED = "#555e6b"
PRIMARY = "#1f5aa6"
APPROX_FILL = "#c9d8ee"
GRID = "#e3e7ed"
# Plotly's decimal and thousands separators, for any number it formats itself.
SEPARATORS = {"da": ",.", "en": ".,"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

# What a chart shows for the moment before its figure is drawn (see components/chart_card.py).
PLACEHOLDER = "placeholder"


def placeholder_figure(height: int) -> dict:
    """An empty plot of the chart's height, so the page does not jump when the chart is drawn."""
    return {"data": [], "layout": {"height": height, "meta": PLACEHOLDER, "xaxis": {"visible": False},
                                   "yaxis": {"visible": False}, "margin": {"l": 0, "r": 0, "t": 0, "b": 0}}}


pio.templates[NAME] = go.layout.Template(
    layout=go.Layout(
        font=dict(family=FONT, size=14, color=INK),
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel=dict(font=dict(family=FONT, size=14), bgcolor="white", bordercolor=MUTED),
        xaxis=dict(gridcolor=GRID, zeroline=True, zerolinecolor=MUTED, zerolinewidth=1, ticks="", fixedrange=True),
        yaxis=dict(showgrid=False, ticks="", fixedrange=True, automargin=True),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left", font=dict(size=13)),
        bargap=0.3,
        colorway=[PRIMARY],
    )
)
