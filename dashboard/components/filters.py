"""The filter panel of a theme page: period, innovation type and sector as toggle buttons,
with the presets a reader reaches for (only one option, back to all, the latest edition).

Options that change nothing on the page (no published value or case) are shown as unavailable,
with the reason in their accessible name and tooltip. They keep the state the link gave them:
they cannot be toggled, and the view in the URL stays what it was.
"""

import dash_bootstrap_components as dbc
from dash import html

from dashboard.components import ids
from dashboard.components.ids import component_key
from dashboard.components.edition import edition_swatch
from dashboard.figures.availability import Availability
from dashboard.formatting import period_list
from dashboard.i18n import translator
from dashboard.state import ALL_TYPES, SELECTABLE_SECTORS, ViewState
from dashboard.vocabulary import INNOVATION_TYPES, NOT_PUBLISHED, PERIODS, SECTORS


def _option(value: str, label: list, available: bool, reason: str) -> dict:
    """`label`: the option's words (and swatch), straight in the <label>, so its text is the option's."""
    if available:
        return {"label": label, "value": value}
    return {
        "label": html.Span([*label, html.Span(f" ({reason})", className="visually-hidden")], title=reason,
                           className="filter-unavailable"),
        "value": value,
        "disabled": True,
    }


def _presets(theme: str, group: str, options: list[tuple[str, str]], lang: str, extra: list) -> html.Div:
    """»Kun …« for each available option (in a menu, so the row of buttons stays short) and »Nulstil«."""
    _ = translator(lang)
    return html.Div(
        className="filter-presets",
        children=[
            *extra,
            dbc.DropdownMenu(
                [dbc.DropdownMenuItem(_("Kun {option}").format(option=label), id=ids.filter_only(theme, group, value),
                                      class_name="filter-only") for value, label in options],
                label=_("Kun én"), size="sm", color="link", class_name="filter-only-menu",
                toggle_class_name="filter-preset",
            ),
            html.Button(_("Nulstil"), id=ids.filter_reset(theme, group), type="button",
                        className="btn btn-link btn-sm filter-preset filter-reset"),
        ],
    )


def _toggle_group(theme: str, group: str, legend: str, component_id: dict, options: list[dict], value, lang: str,
                  hidden: bool = False, extra_presets: tuple = ()) -> html.Fieldset:
    available = [(o["value"], o["label"][-1]) for o in options if not o.get("disabled")]  # (value, its words)
    return html.Fieldset(
        className="filter-group",
        hidden=hidden,
        children=[
            html.Div(className="filter-heading", children=[
                html.Legend(legend, className="filter-legend"),
                _presets(theme, group, available, lang, list(extra_presets)),
            ]),
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


def _period_label(period: str) -> list:
    """The edition with its colour, as every chart draws it."""
    return [edition_swatch(period), period]


def filter_summary(view: ViewState, available: Availability) -> str:
    """The active filters in a line (»2018-2019 og 2021-2023 · alle typer«), for the folded panel on a phone."""
    _ = translator(view.lang)
    parts = [_("alle perioder") if view.periods == PERIODS else period_list(view.periods, view.lang) or _("ingen periode")]
    if available.has_type_filter:
        parts.append(_("alle typer") if view.types == ALL_TYPES
                     else ", ".join(_(INNOVATION_TYPES[t]) for t in view.types) or _("ingen type"))
    if available.has_sector_filter:
        parts.append(_("alle sektorer") if view.sectors == SELECTABLE_SECTORS
                     else ", ".join(_(SECTORS[s]) for s in view.sectors) or _("kun hele sektoren"))
    return " · ".join(parts)


def filter_panel(theme: str, view: ViewState, available: Availability) -> html.Section:
    """Period filter; type and sector filters where they change something on the theme's page
    (elsewhere present but hidden, as the filter callback reads all three). On a phone the panel
    is folded to one line saying what is selected, a tap opens it; wider screens show it open
    (CSS, so the page the server draws shows it the same way without a script)."""
    lang = view.lang
    _ = translator(lang)
    no_period = _("intet offentliggjort for perioden på denne side")
    no_type = _("intet offentliggjort for typen på denne side")
    return html.Section(
        className="filter-panel",
        **{"aria-label": _("Filtre")},
        children=html.Details(className="filter-details", children=[
            html.Summary(className="filter-fold", children=[
                html.Span(_("Filtre: "), className="filter-fold-label"),
                html.Span(filter_summary(view, available), id=ids.filter_summary(theme)),
            ]),
            _toggle_group(
                theme, "period", _("Periode"), ids.period_filter(theme),
                [_option(p, _period_label(p), p in available.periods, no_period) for p in PERIODS],
                view.periods, lang,
                extra_presets=(html.Button(_("Seneste udgave ({period})").format(period=available.latest_period),
                                           id=ids.filter_latest(theme), type="button",
                                           className="btn btn-link btn-sm filter-preset filter-latest"),),
            ),
            _toggle_group(
                theme, "type", _("Innovationstype"), ids.type_filter(theme),
                [_option(key, [_(label)], key in available.types, no_type) for key, label in INNOVATION_TYPES.items()],
                view.types, lang, hidden=not available.has_type_filter,
            ),
            _toggle_group(
                theme, "sector", _("Sektor (vises ved siden af hele den offentlige sektor)"), ids.sector_filter(theme),
                [{"label": [_(SECTORS[key])], "value": key} for key in SELECTABLE_SECTORS],
                list(view.sectors), lang, hidden=not available.has_sector_filter,
            ),
            reading_guide(lang),
        ]),
    )


def filter_defaults(available: Availability) -> dict:
    """What the presets set, for the browser: every option of each group, and the latest edition."""
    return {"period": list(PERIODS), "type": list(ALL_TYPES), "sector": list(SELECTABLE_SECTORS),
            "latest": available.latest_period}


def filter_links(theme: str, view: ViewState, available: Availability) -> dict[str, str]:
    """Where each filter option and preset leads without a script: the view it would set, as
    the live page would write it (by `ids.component_key`; dashboard/server_view draws them)."""
    groups = {"period": (ids.period_filter(theme), view.periods, PERIODS),
              "type": (ids.type_filter(theme), view.types, ALL_TYPES),
              "sector": (ids.sector_filter(theme), view.sectors, SELECTABLE_SECTORS)}
    path = f"/{theme}"

    def link(group: str, values) -> str:
        selection = {name: selected for name, (_id, selected, _all) in groups.items()} | {group: tuple(values)}
        return ViewState.from_controls(selection["period"], selection["type"], selection["sector"], view.lang).link(path)

    links = {component_key(ids.filter_latest(theme)): link("period", [available.latest_period])}
    for group, (component_id, selected, every) in groups.items():
        links[component_key(ids.filter_reset(theme, group))] = link(group, every)
        for value in every:
            toggled = [v for v in selected if v != value] if value in selected else [*selected, value]
            links[component_key(component_id, value)] = link(group, toggled)
            links[component_key(ids.filter_only(theme, group, value))] = link(group, [value])
    return links
