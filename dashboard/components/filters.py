"""The filter panel of a theme page: period and innovation type, as toggle buttons."""

import dash_bootstrap_components as dbc
from dash import html

from dashboard.components import ids
from dashboard.state import ViewState
from dashboard.vocabulary import INNOVATION_TYPES, NOT_PUBLISHED, PERIODS, SECTORS


def _toggle_group(legend: str, component_id: dict, options: list[dict], value, hidden: bool = False) -> html.Fieldset:
    return html.Fieldset(
        className="filter-group",
        hidden=hidden,
        children=[
            html.Legend(legend, className="filter-legend"),
            dbc.Checklist(
                id=component_id,
                options=options,
                value=list(value),
                inline=True,
                input_class_name="btn-check",
                label_class_name="btn btn-outline-primary btn-sm filter-button",
                label_checked_class_name="active",
                class_name="filter-options",
            ),
        ],
    )


def reading_guide() -> html.Div:
    return html.Div(
        className="reading-guide",
        children=[
            html.Span([html.Span(className="swatch swatch-exact"), "Offentliggjort tal"]),
            html.Span([html.Span(className="swatch swatch-approx"), "ca. = kun offentliggjort i ord (fx »hver fjerde«)"]),
            html.Span([html.Em("»ofte«"), " = kun ord offentliggjort, intet tal"]),
            html.Span([html.Em(NOT_PUBLISHED), " = intet tal for perioden eller typen"]),
        ],
    )


def filter_panel(theme: str, view: ViewState, has_types: bool, has_sectors: bool) -> html.Section:
    """Period filter; type and sector filters where they change something on the theme's page
    (elsewhere present but hidden, as the page's one callback reads all three)."""
    return html.Section(
        className="filter-panel",
        **{"aria-label": "Filtre"},
        children=[
            _toggle_group("Periode", ids.period_filter(theme), [{"label": p, "value": p} for p in PERIODS], view.periods),
            _toggle_group(
                "Innovationstype",
                ids.type_filter(theme),
                [{"label": labels["da"], "value": key} for key, labels in INNOVATION_TYPES.items()],
                view.types,
                hidden=not has_types,
            ),
            _toggle_group(
                "Sektor (vises ved siden af hele den offentlige sektor)",
                ids.sector_filter(theme),
                [{"label": SECTORS[key]["da"], "value": key} for key in SECTORS if key != "alle"],
                [s for s in view.sectors if s != "alle"],
                hidden=not has_sectors,
            ),
            reading_guide(),
        ],
    )
