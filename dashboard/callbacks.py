"""Callbacks: thin. Read the view state, call a pure function, return.

The browser-only behaviour (keeping the URL equal to the view state, the filter presets) lives
in assets/dashboard.js as clientside functions; copying links is done there in the click itself.
"""

from dash import ALL, MATCH, ClientsideFunction, Input, Output, State, ctx
from dash.exceptions import PreventUpdate

from dashboard.components import ids
from dashboard.data import DataSet
from dashboard.filter_answer import CHART_PARTS, FOLLOW_UP_PARTS, PAGE_PARTS, filter_response, follow_up_response, outputs
from dashboard.state import ViewState, parse_query_string


def _theme_of(data: DataSet, chart_outputs: list):
    """The theme whose page asks; nothing to do unless it names exactly that page's charts, in
    order (the answer is the page's, cached per view: a request cannot make it bigger)."""
    try:
        slugs = {output["id"].get("theme") for output in chart_outputs}
        chart_ids = tuple(output["id"].get("chart") for output in chart_outputs)
    except (AttributeError, KeyError, TypeError):
        raise PreventUpdate from None
    theme = next((t for t in data.page_themes if {t.slug} == slugs), None)
    if theme is None or chart_ids != tuple(c.id for c in theme.charts):
        raise PreventUpdate
    return theme


def register_callbacks(app, data: DataSet) -> None:
    @app.callback(
        output=outputs({**CHART_PARTS, **PAGE_PARTS}),
        inputs={
            "periods": Input(ids.period_filter(MATCH), "value"),
            "types": Input(ids.type_filter(MATCH), "value"),
            "sectors": Input(ids.sector_filter(MATCH), "value"),
            "shown": State(ids.view_query(MATCH), "data"),
        },
        prevent_initial_call=True,
    )
    def update_theme_view(periods, types, sectors, shown):
        theme = _theme_of(data, ctx.outputs_grouping["figures"])
        lang = parse_query_string(shown).state.lang  # the page's; the filters never change it
        return filter_response(data, theme, ViewState.from_controls(periods, types, sectors, lang))

    # The charts in words (a sentence for screen readers, a table folded away), the headline, the
    # case list and the links to other pages follow the view state once the response above is
    # drawn, so they never hold up the first chart.
    @app.callback(
        output=outputs(FOLLOW_UP_PARTS),
        inputs={"query": Input(ids.view_query(MATCH), "data")},
        prevent_initial_call=True,
    )
    def update_follow_up(query):
        theme = _theme_of(data, ctx.outputs_grouping["words"])
        return follow_up_response(data, theme, parse_query_string(query).state)

    # A freshly served page's figures of every chart but the first (its later-updates store): it
    # applies them with set_props a frame later and returns no_update; Dash runs a callback on a
    # page's first render only if it has outputs, hence the graphs as outputs.
    app.clientside_callback(
        ClientsideFunction("ib", "applyLater"),
        Output(ids.chart_graph(MATCH, ALL), "figure", allow_duplicate=True),
        Input(ids.later_updates(MATCH), "data"),
        prevent_initial_call="initial_duplicate",
    )
    # The presets (»Kun …«, »Nulstil«, »Seneste udgave«) set the filter controls in the browser;
    # the filter callback above then answers as for any change of the controls.
    app.clientside_callback(
        ClientsideFunction("ib", "applyPreset"),
        Output(ids.period_filter(MATCH), "value"),
        Output(ids.type_filter(MATCH), "value"),
        Output(ids.sector_filter(MATCH), "value"),
        Input(ids.filter_only(MATCH, ALL, ALL), "n_clicks"),
        Input(ids.filter_reset(MATCH, ALL), "n_clicks"),
        Input(ids.filter_latest(MATCH), "n_clicks"),
        State(ids.filter_defaults(MATCH), "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("ib", "syncUrl"),
        Output(ids.url_synced(MATCH), "data"),
        Input(ids.view_query(MATCH), "data"),
    )
