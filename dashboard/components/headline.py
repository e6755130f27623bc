"""The theme's headline figure as a large tile."""

from dash import html

from dashboard.data.models import FigureRow, Headline
from dashboard.formatting import number, percent
from dashboard.i18n import localized, translator


def headline_tile(headline: Headline, row: FigureRow, lang: str) -> html.Section:
    _ = translator(lang)
    observations = number(row.n_obs, lang) if row.n_obs else _("ikke oplyst ved tallet")
    return html.Section(
        className="headline-tile",
        **{"aria-label": _("Hovedtal")},
        children=[
            html.P(percent(row.value_pct, lang), className="headline-value"),
            html.P(localized(headline, "text", lang), className="headline-text"),
            html.P(
                className="headline-meta",
                children=[
                    html.Span(_("Periode: {period}").format(period=row.period)),
                    html.Span(_("Antal observationer: {n}").format(n=observations)),
                    html.A(_("Kilde"), href=row.source_url, target="_blank", rel="noopener"),
                ],
            ),
        ],
    )
