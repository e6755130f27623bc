"""The theme's headline figure as a large tile."""

from dash import html

from dashboard.data.models import FigureRow, Headline
from dashboard.formatting import number, percent


def headline_tile(headline: Headline, row: FigureRow) -> html.Section:
    n_text = f"Antal observationer: {number(row.n_obs)}" if row.n_obs else "Antal observationer: ikke oplyst ved tallet"
    return html.Section(
        className="headline-tile",
        **{"aria-label": "Hovedtal"},
        children=[
            html.P(percent(row.value_pct), className="headline-value"),
            html.P(headline.text_da, className="headline-text"),
            html.P(
                className="headline-meta",
                children=[
                    html.Span(f"Periode: {row.period}"),
                    html.Span(n_text),
                    html.A("Kilde", href=row.source_url, target="_blank", rel="noopener"),
                ],
            ),
        ],
    )
