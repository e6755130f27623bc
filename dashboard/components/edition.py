"""An edition's colour key, as every chart draws the edition (the colour from dashboard/palette.py
through the CSS class `edition-<period>` of assets/01-palette.css)."""

from dash import html


def edition_swatch(period: str) -> html.Span:
    return html.Span(className=f"swatch edition-{period}", **{"aria-hidden": "true"})
