"""The frame around every page: skip link, top bar with the theme menu, footer."""

import dash
import dash_bootstrap_components as dbc
from dash import dcc, html

from dashboard.data import DataSet


def shell(data: DataSet) -> html.Div:
    return html.Div(
        className="site",
        children=[
            html.A("Gå til indhold", href="#indhold", className="skip-link"),
            html.Header(
                className="site-header",
                children=html.Nav(
                    className="site-nav container-xxl",
                    **{"aria-label": "Temaer"},
                    children=[
                        dcc.Link("Innovationsbarometeret", href="/", className="site-brand"),
                        dbc.DropdownMenu(
                            label="Temaer",
                            class_name="site-menu",
                            toggle_class_name="site-menu-toggle",
                            children=[dbc.DropdownMenuItem(t.title_da, href=f"/{t.slug}") for t in data.page_themes],
                        ),
                    ],
                ),
            ),
            html.Main(dash.page_container, id="indhold", className="container-xxl site-main"),
            html.Footer(
                className="site-footer",
                children=html.Div(
                    className="container-xxl",
                    children=[
                        html.P(
                            "Kilde: Innovationsbarometeret, Center for Offentlig Innovation (COI, nu CO-PI) "
                            "og Danmarks Statistik. Alle tal er offentliggjorte tal med angivet kilde; "
                            "»ca.« markerer tal, der kun er offentliggjort i ord."
                        ),
                        html.P(f"Datasæt {data.version}", className="data-version"),
                    ],
                ),
            ),
        ],
    )
