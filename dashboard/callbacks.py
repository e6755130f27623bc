"""Callbacks: thin. Read the view state, call a pure function, return."""

from dash import ALL, MATCH, Input, Output, ctx

from dashboard.components import ids
from dashboard.data import DataSet
from dashboard.pages.theme import theme_update
from dashboard.state import ViewState


def register_callbacks(app, data: DataSet) -> None:
    @app.callback(
        Output(ids.chart_graph(MATCH, ALL), "figure"),
        Output(ids.chart_subtitle(MATCH, ALL), "children"),
        Output(ids.chart_footer(MATCH, ALL), "children"),
        Output(ids.case_list(MATCH), "children"),
        Output(ids.case_count(MATCH), "children"),
        Input(ids.period_filter(MATCH), "value"),
        Input(ids.type_filter(MATCH), "value"),
        prevent_initial_call=True,
    )
    def update_theme_view(periods, types):
        graphs = ctx.outputs_list[0]
        theme = data.theme(ctx.outputs_list[3]["id"]["theme"])
        view = ViewState.from_controls(periods, types)
        return theme_update(data, theme, view, [g["id"]["chart"] for g in graphs])
