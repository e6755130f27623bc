"""The landing page: every theme with a page, with its headline figure."""

from dash import dcc, html

from dashboard.data import DataSet
from dashboard.formatting import percent


def theme_tile(data: DataSet, theme) -> html.Article:
    row = data.headline_row(theme)
    return html.Article(
        className="theme-tile",
        children=[
            html.H2(dcc.Link(theme.title_da, href=f"/{theme.slug}")),
            html.P(percent(row.value_pct), className="tile-value"),
            html.P(theme.headline.text_da, className="tile-text"),
            html.P(f"Periode: {row.period}", className="tile-meta"),
        ],
    )


def overview_layout(data: DataSet) -> html.Div:
    return html.Div(
        className="overview-page",
        children=[
            html.Header(
                className="theme-header",
                children=[
                    html.H1("Innovationsbarometeret"),
                    html.P(
                        "Innovationsbarometeret er den officielle statistik over innovation i den offentlige "
                        "sektor i Danmark, lavet af Center for Offentlig Innovation (nu CO-PI) sammen med "
                        "Danmarks Statistik. Her kan du udforske de offentliggjorte tal tema for tema, med "
                        "kilde til hvert tal.",
                        className="theme-intro",
                    ),
                ],
            ),
            html.Div([theme_tile(data, t) for t in data.page_themes], className="theme-tiles"),
        ],
    )


def not_found_layout(**_query) -> html.Div:
    return html.Div(
        className="overview-page",
        children=[
            html.H1("Siden findes ikke"),
            html.P(["Adressen passer ikke til nogen side. ", dcc.Link("Gå til forsiden", href="/"), "."]),
        ],
    )
