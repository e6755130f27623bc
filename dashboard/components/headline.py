"""The theme's headline figure as a large tile, for the newest selected edition that published it."""

from dash import dcc, html

from dashboard.components import ids
from dashboard.data.models import FigureRow, Headline
from dashboard.figures.value_text import value_label
from dashboard.formatting import number, period_list
from dashboard.i18n import translator
from dashboard.state import ViewState


def headline_row_for(rows: tuple[FigureRow, ...], view: ViewState) -> FigureRow | None:
    """The headline's value in the newest selected edition that has one."""
    selected = [row for row in rows if row.period in view.periods]
    return selected[-1] if selected else None


def headline_content(headline: Headline, rows: tuple[FigureRow, ...], view: ViewState, path: str) -> list:
    """What the tile shows for `view`; if no selected edition has the figure, it says so and
    links to the view with the newest edition that does."""
    lang = view.lang
    _ = translator(lang)
    row = headline_row_for(rows, view)
    if row is None:
        newest = rows[-1].period
        with_newest = ViewState.from_controls([*view.periods, newest], view.types, view.sectors, lang)
        return [
            html.P(_("Hovedtallet er ikke offentliggjort for {periods}.").format(
                periods=period_list(view.periods, lang) or _("de valgte perioder")), className="headline-missing"),
            html.P(headline.text.in_(lang), className="headline-text"),
            html.P(className="headline-meta", children=[
                html.Span(_("Det findes for {periods}.").format(periods=period_list([r.period for r in rows], lang))),
                dcc.Link(_("Vis {period}").format(period=newest), href=with_newest.link(path)),
            ]),
        ]
    observations = number(row.n_obs, lang) if row.n_obs else _("ikke oplyst ved tallet")
    return [
        html.P(value_label(row, lang), className="headline-value"),
        html.P(headline.text.in_(lang), className="headline-text"),
        html.P(
            className="headline-meta",
            children=[
                html.Span(_("Periode: {period}").format(period=row.period), className="headline-period"),
                html.Span(_("Antal observationer: {n}").format(n=observations)),
                html.A(_("Kilde"), href=row.source_url, target="_blank", rel="noopener"),
            ],
        ),
    ]


def headline_tile(theme_slug: str, headline: Headline, rows: tuple[FigureRow, ...], view: ViewState) -> html.Section:
    _ = translator(view.lang)
    return html.Section(
        id=ids.headline(theme_slug),
        className="headline-tile",
        **{"aria-label": _("Hovedtal"), "aria-live": "polite"},
        children=headline_content(headline, rows, view, f"/{theme_slug}"),
    )
