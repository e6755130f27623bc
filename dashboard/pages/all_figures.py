"""»Alle tal« (`/tal`): every published value in one table, searched, filtered, sorted and paged
on the server, the selection in the URL (open_data/figure_query.py); each row links to the chart
that shows it, and the selection downloads as CSV or Excel."""

from dataclasses import replace
from datetime import date

from dash import dcc, html

from dashboard.addresses import public_address
from dashboard.components.copy_box import citation_boxes
from dashboard.components.link_notice import link_notice
from dashboard.components.shell import SWITCH_LABELS, page_frame
from dashboard.data import DataSet
from dashboard.data.models import FigureRow
from dashboard.figures.captions import APPROX_NOTE, source_label
from dashboard.figures.value_text import quoted, value_label
from dashboard.formatting import long_date, number
from dashboard.i18n import N_, danish_marker, plural_translator, translator
from dashboard.open_data.citations import Cited
from dashboard.open_data.figure_query import PAGE_SIZE, FigureQuery, facet_counts, parse_figure_query, select
from dashboard.open_data.records import view_path
from dashboard.state import ViewState
from dashboard.vocabulary import BASES_SHORT, PERIODS, SECTORS

# In a table cell and a filter, a base and a sector in a word or two (the column says what they are).
BASE_NOUNS = {"workplaces": N_("Arbejdspladser"), "innovations": N_("Innovationer"),
              "innovative_workplaces": N_("Innovative arbejdspladser")}
SECTOR_NOUNS = {"alle": N_("Hele sektoren"), "kommune": N_("Kommuner"), "region": N_("Regioner"), "stat": N_("Staten")}
PRECISION_LABELS = {"exact": N_("Præcise tal"), "approx": N_("Ca.-tal (offentliggjort i ord)"), "verbal": N_("Kun ord (intet tal)")}
# (URL key, header, whether the column sorts)
COLUMNS = (
    ("tema", N_("Tema"), True), ("periode", N_("Udgave"), True), ("sektor", N_("Sektor"), True),
    ("svar", N_("Svar"), True), ("vaerdi", N_("Værdi"), True), ("grundlag", N_("Grundlag"), True),
    ("n", N_("N"), True), ("spoergsmaal", N_("Spørgsmål"), False), ("kilde", N_("Kilde"), False),
    ("vis", N_("Figur"), False),
)


def _facets(data: DataSet, lang: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(attribute, heading, [(value, label)]) of each filter."""
    _ = translator(lang)
    themes = [(t.slug, t.title.in_(lang)) for t in data.themes if any(r.theme == t.slug for r in data.figures)]
    return [
        ("themes", _("Tema"), themes),
        ("periods", _("Udgave"), [(p, p) for p in PERIODS]),
        ("sectors", _("Sektor"), [(s, _(SECTOR_NOUNS[s])) for s in SECTORS]),
        ("bases", _("Grundlag"), [(b, _(label)) for b, label in BASE_NOUNS.items()]),
        ("precisions", _("Præcision"), [(p, _(label)) for p, label in PRECISION_LABELS.items()]),
    ]


def _option(query: FigureQuery, label: str, href: str, chosen: bool, count: int) -> dcc.Link:
    """A filter option: a link to the selection with it toggled, saying how many rows it leads to
    (dcc.Link takes no aria-current: a chosen one says so in words, for screen readers, and in its look)."""
    _ = translator(query.lang)
    hidden = html.Span(_(" (valgt)"), className="visually-hidden") if chosen else None
    return dcc.Link([label, " ", html.Span(number(count, query.lang), className="facet-count"), hidden], href=href,
                    className="facet-option" + (" chosen" if chosen else "") + ("" if count else " empty"))


def _facet(data: DataSet, query: FigureQuery, attribute: str, heading: str, options) -> html.Div:
    _ = translator(query.lang)
    chosen = getattr(query, attribute)
    counts = facet_counts(data, query, attribute)
    links = [_option(query, _("Alle"), query.with_(**{attribute: ()}).link(), not chosen, sum(counts.values()))]
    links += [_option(query, label, query.toggled(attribute, value).link(), value in chosen, counts[value])
              for value, label in options]
    return html.Div(className="facet", role="group", **{"aria-label": heading},
                    children=[html.Span(heading, className="facet-heading", **{"aria-hidden": "true"}), *links])


def _count_line(chosen, lang: str) -> str:
    """»Viser 1–100 af 5.000 tal«, »Viser 1 tal«, or that nothing matches."""
    _, n_ = translator(lang), plural_translator(lang)
    count = len(chosen.rows)
    if count == 0:
        return _("Ingen tal passer til udvalget.")
    if count <= PAGE_SIZE:
        return n_("Viser {count} tal", "Viser alle {count} tal", count).format(count=number(count, lang))
    first = (chosen.page - 1) * PAGE_SIZE + 1
    return _("Viser {first}–{last} af {count} tal").format(
        first=number(first, lang), last=number(first + len(chosen.page_rows) - 1, lang), count=number(count, lang))


def _facet_panel(data: DataSet, query: FigureQuery) -> html.Details:
    """The filters, folded on a phone to one line of what is chosen, as the theme pages' panel is
    (the same classes: 02-dashboard.css shows it open on wider screens)."""
    _ = translator(query.lang)
    facets = _facets(data, query.lang)
    chosen = [label for attribute, _heading, options in facets for value, label in options if value in getattr(query, attribute)]
    return html.Details(className="filter-details", children=[
        html.Summary(className="filter-fold", children=[html.Span(_("Filtre: "), className="filter-fold-label"),
                                                        html.Span(", ".join(chosen) or _("alle tal"))]),
        html.Div(className="facets", children=[_facet(data, query, *facet) for facet in facets]),
    ])


def _search(query: FigureQuery) -> html.Form:
    """A GET form: the words, and the rest of the selection carried along as it is."""
    _ = translator(query.lang)
    carried = query.with_(search="").to_query()
    return html.Form(
        action="/tal", method="get", role="search", className="figure-search",
        children=[
            html.Label(_("Søg i spørgsmål, svar og temaer"), htmlFor="tal-soeg", className="form-label"),
            # The questions were only asked in Danish: on another language's page, say so.
            html.P(_("Spørgsmålene findes kun på dansk; søg på dansk for at finde dem."), className="figure-search-hint")
            if query.lang != "da" else None,
            html.Div(className="figure-search-row", children=[
                dcc.Input(id="tal-soeg", type="search", name="q", value=query.search, className="figure-search-input",
                          autoComplete="off", debounce=True),
                *[dcc.Input(type="hidden", name=name, value=value) for name, value in carried.items()],
                html.Button(_("Søg"), type="submit", className="btn btn-dark btn-sm"),
            ]),
        ],
    )


def _cell(*children, **props) -> html.Td:
    """A cell that stays one where a phone shows the rows as cards (explicit roles: a table whose
    cells are laid out as blocks loses its semantics in some browsers)."""
    return html.Td(*children, role="cell", **props)


def _value_cell(row: FigureRow, lang: str) -> html.Td:
    _ = translator(lang)
    if row.precision == "exact":
        return _cell(value_label(row, lang), className="value value-exact")
    if row.precision == "approx":
        return _cell([html.Span(value_label(row, lang)), html.Br(),
                      html.Small(quoted(row.verbal_da, lang), **danish_marker(lang))], className="value value-approx")
    return _cell([html.Span(value_label(row, lang), **danish_marker(lang)), html.Br(), html.Small(_("kun ord"))],
                 className="value value-verbal")


def _row(data: DataSet, row: FigureRow, theme_titles: dict, labels: dict, lang: str) -> html.Tr:
    """One figure. On a phone each row is a card, whose cells below the answer and the value are
    named by their `data-label` (`labels`: the column headers; assets/02-dashboard.css)."""
    _ = translator(lang)
    shown = view_path(data, row, lang)
    return html.Tr(role="row", children=[
        _cell(theme_titles.get(row.theme, row.theme), className="theme"),
        _cell(row.period, className="period"),
        _cell(_(SECTOR_NOUNS[row.sector]), className="sector"),
        html.Th(row.label.in_(lang), scope="row", role="rowheader"),
        _value_cell(row, lang),
        _cell(_(BASE_NOUNS[row.base]), title=_(BASES_SHORT[row.base]), className="base", **labels["grundlag"]),
        _cell(number(row.n_obs, lang) if row.n_obs else "–", className="number", **labels["n"]),
        _cell(quoted(row.question_da, lang) if row.question_da else "–", className="question",
              **labels["spoergsmaal"], **danish_marker(lang)),
        # Breaks only after a »/«: the address stays readable in a narrow column.
        _cell(html.A(source_label(row.source_url).replace("/", "/\u200b"), href=row.source_url, title=row.source_url,
                     target="_blank", rel="noopener"), className="source", **labels["kilde"]),
        _cell(html.A(_("Vis i figur"), href=shown, className="figure-link") if shown else "–", className="shown"),
    ])


def _cell_labels(lang: str) -> dict:
    _ = translator(lang)
    return {key: {"data-label": _(label)} for key, label, _sorts in COLUMNS}


def _header(query: FigureQuery) -> html.Thead:
    _ = translator(query.lang)
    cells = []
    for key, label, sorts in COLUMNS:
        if not sorts:
            cells.append(html.Th(_(label), scope="col", role="columnheader"))
            continue
        current = query.sort == key
        cells.append(html.Th(
            dcc.Link([_(label), html.Span(("▲" if query.order == "op" else "▼") if current else "", className="sort-mark",
                                          **{"aria-hidden": "true"})],
                     href=query.sorted_by(key).link(), className="sort-link"),
            scope="col", role="columnheader",
            **({"aria-sort": "ascending" if query.order == "op" else "descending"} if current else {}),
        ))
    # On a phone the header is a line of sort links above the cards, after `data-sort-label`.
    return html.Thead(html.Tr(cells, role="row", **{"data-sort-label": _("Sortér:")}), role="rowgroup")


def _pager(query: FigureQuery, page: int, pages: int) -> html.Nav | None:
    if pages == 1:
        return None
    _ = translator(query.lang)
    previous = dcc.Link(_("← Forrige"), href=query.with_(page=page - 1).link(), className="btn btn-outline-dark btn-sm") if page > 1 else None
    following = dcc.Link(_("Næste →"), href=query.with_(page=page + 1).link(), className="btn btn-outline-dark btn-sm") if page < pages else None
    return html.Nav(className="pager", **{"aria-label": _("Sider")},
                    children=[previous, html.Span(_("Side {page} af {pages}").format(page=page, pages=pages)), following])


def _downloads(query: FigureQuery) -> html.P:
    _ = translator(query.lang)
    selection = query.with_(page=1)  # the whole selection, every page of it
    return html.P(className="figure-downloads", children=[
        html.Span(_("Hent udvalget: ")),
        html.A(_("CSV"), href=selection.link("/tal.csv"), className="download-link"), " · ",
        html.A(_("Excel"), href=selection.link("/tal.xlsx"), className="download-link"), " · ",
        html.A(_("Hele datasættet og API"), href=ViewState(lang=query.lang).link("/data")),
    ])


def all_figures_layout(data: DataSet, query_args: dict) -> html.Div:
    query = parse_figure_query(query_args, data)
    lang = query.lang
    _ = translator(lang)
    chosen = select(data, query)
    theme_titles = {t.slug: t.title.in_(lang) for t in data.themes}
    shown = _count_line(chosen, lang)
    labels = _cell_labels(lang)
    cited = Cited(title=_("Alle tal"), editions="", address=public_address(query.with_(page=1).link()), lang=lang, key="data")
    content = html.Div(className="all-figures", children=[
        link_notice(query.notices, lang),
        html.H1(_("Alle tal")),
        html.P(_("Alle {count} offentliggjorte tal i Innovationsbarometeret med spørgsmål, grundlag, antal observationer "
                 "og kilde. Udgivelse {release} af de verificerede tal, {updated}.").format(
            count=number(len(data.figures), lang), release=data.about.release, updated=long_date(data.about.updated, lang)),
            className="theme-intro"),
        _search(query),
        _facet_panel(data, query),
        html.P(shown, className="figure-count", role="status"),
        _downloads(query),
        html.P(_(APPROX_NOTE), className="figure-legend") if any(r.precision == "approx" for r in chosen.page_rows) else None,
        html.Div(className="table-responsive", children=html.Table(
            className="table table-sm figure-table", role="table",
            children=[html.Caption(_("Offentliggjorte tal"), className="visually-hidden"), _header(query),
                      html.Tbody([_row(data, row, theme_titles, labels, lang) for row in chosen.page_rows], role="rowgroup")],
        )),
        _pager(query, chosen.page, chosen.pages),
        html.Details(className="cite-data", children=[
            html.Summary(_("Citér tallene")),
            *citation_boxes(cited, data, date.today()),
        ]),
    ])
    return page_frame(data, ViewState(lang=lang), content, replace(query, lang=SWITCH_LABELS[lang][1], notices=()).link())
