"""The notice a page shows when its link had parts it could not use (dashboard/state.py)."""

import dash_bootstrap_components as dbc
from dash import html

from dashboard.i18n import translator


def link_notice(notices, lang: str) -> html.Div | None:
    if not notices:
        return None
    _ = translator(lang)
    return html.Div(
        role="status",
        children=dbc.Alert(
            [html.Strong(_("Dele af linket blev ignoreret: ")), "; ".join(notices), _(". Siden viser resten af visningen.")],
            color="warning", className="link-notice", dismissable=True,
        ),
    )
