"""The filter panel of a theme page: period and innovation type, as toggle buttons."""

import dash_bootstrap_components as dbc
from dash import html

from dashboard.components import ids
from dashboard.state import ViewState
from dashboard.i18n import translator
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


def reading_guide(lang: str) -> html.Div:
    _ = translator(lang)
    return html.Div(
        className="reading-guide",
        children=[
            html.Span([html.Span(className="swatch swatch-exact"), _("Offentliggjort tal")]),
            html.Span([html.Span(className="swatch swatch-approx"), _("ca. = kun offentliggjort i ord (fx »hver fjerde«)")]),
            html.Span([html.Em(_("»ofte«")), _(" = kun ord offentliggjort, intet tal")]),
            html.Span([html.Em(_(NOT_PUBLISHED)), _(" = intet tal for perioden eller typen")]),
        ],
    )


def filter_panel(theme: str, view: ViewState, has_types: bool, has_sectors: bool) -> html.Section:
    """Period filter; type and sector filters where they change something on the theme's page
    (elsewhere present but hidden, as the page's one callback reads all three)."""
    _ = translator(view.lang)
    return html.Section(
        className="filter-panel",
        **{"aria-label": _("Filtre")},
        children=[
            _toggle_group(_("Periode"), ids.period_filter(theme), [{"label": p, "value": p} for p in PERIODS], view.periods),
            _toggle_group(
                _("Innovationstype"),
                ids.type_filter(theme),
                [{"label": _(label), "value": key} for key, label in INNOVATION_TYPES.items()],
                view.types,
                hidden=not has_types,
            ),
            _toggle_group(
                _("Sektor (vises ved siden af hele den offentlige sektor)"),
                ids.sector_filter(theme),
                [{"label": _(SECTORS[key]), "value": key} for key in SECTORS if key != "alle"],
                [s for s in view.sectors if s != "alle"],
                hidden=not has_sectors,
            ),
            reading_guide(view.lang),
        ],
    )
