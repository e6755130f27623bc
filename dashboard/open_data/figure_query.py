"""The »Alle tal« selection and its form in the URL:
`/tal?q=borgere&tema=samarbejd&periode=2021-2023&sorter=vaerdi&orden=ned&side=2&lang=en`.

Like the theme pages' view (state.py): parameter names stay Danish in both languages, defaults
are left out, a list is comma-separated (or repeated, as a form sends it), and what cannot be
understood is dropped and named in a notice, so a mangled link still opens.
"""

import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from urllib.parse import urlencode

from dashboard.data import DataSet
from dashboard.data.models import FigureRow
from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, translator
from dashboard.vocabulary import BASES, PERIODS, PRECISIONS, SECTORS

PAGE_SIZE = 100
MAX_SEARCH = 100
# Column key in the URL -> how rows sort by it (None last in either order).
SORT_KEYS = ("tema", "periode", "sektor", "svar", "vaerdi", "grundlag", "n")
ORDERS = ("op", "ned")
LIST_ATTRIBUTES = {"themes", "periods", "sectors", "bases", "precisions"}


@dataclass(frozen=True)
class FigureQuery:
    search: str = ""
    themes: tuple[str, ...] = ()  # empty: every theme
    periods: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    precisions: tuple[str, ...] = ()
    sort: str = "tema"
    order: str = "op"
    page: int = 1
    lang: str = DEFAULT_LANGUAGE
    notices: tuple[str, ...] = field(default=(), compare=False)

    def to_query(self) -> dict[str, str]:
        defaults, query = FigureQuery(), {}
        for name, attribute, *_rest in PARAMETERS:
            value = getattr(self, attribute)
            if value != getattr(defaults, attribute):
                query[name] = ",".join(value) if isinstance(value, tuple) else str(value)
        return query

    def link(self, path: str = "/tal") -> str:
        query = self.to_query()
        return path + ("?" + urlencode(query, safe=",") if query else "")

    def with_(self, **changes) -> "FigureQuery":
        """A changed selection; any change but the page's own starts again at its first page."""
        return replace(self, **({"page": 1} | changes), notices=())

    def toggled(self, attribute: str, value: str) -> "FigureQuery":
        chosen = getattr(self, attribute)
        return self.with_(**{attribute: tuple(v for v in chosen if v != value) if value in chosen else (*chosen, value)})

    def sorted_by(self, key: str) -> "FigureQuery":
        """Sorted by `key`; the same key again turns the order round."""
        order = ("ned" if self.order == "op" else "op") if key == self.sort else "op"
        return self.with_(sort=key, order=order)


def _words(text: str) -> str:
    """Text as search compares it: one Unicode form, case folded (accents kept: »ø« and »å« are letters of their own)."""
    return unicodedata.normalize("NFC", text).casefold()


def _theme_keys(data: DataSet) -> tuple[str, ...]:
    return tuple(t.slug for t in data.themes if any(r.theme == t.slug for r in data.figures))


# Each parameter: URL name, attribute, what the notice calls it, allowed values (None: free text).
PARAMETERS = (
    ("q", "search", N_("Søgning"), None),
    ("tema", "themes", N_("Tema"), "themes"),
    ("periode", "periods", N_("Periode"), PERIODS),
    ("sektor", "sectors", N_("Sektor"), tuple(SECTORS)),
    ("grundlag", "bases", N_("Grundlag"), tuple(BASES)),
    ("praecision", "precisions", N_("Præcision"), PRECISIONS),
    ("sorter", "sort", N_("Sortering"), SORT_KEYS),
    ("orden", "order", N_("Rækkefølge"), ORDERS),
    ("side", "page", N_("Side"), "page"),
    ("lang", "lang", N_("Sprog"), LANGUAGES),
)


def _values(raw) -> list[str]:
    parts = raw if isinstance(raw, (list, tuple)) else [raw]
    return [w.strip().lower() for part in parts for w in str(part).split(",") if w.strip()]


def parse_figure_query(query: Mapping[str, object], data: DataSet) -> FigureQuery:
    lang = next(iter(v for v in _values(query.get("lang", "")) if v in LANGUAGES), DEFAULT_LANGUAGE)
    _ = translator(lang)
    values, notices = {"lang": lang}, []
    for name, attribute, label, allowed in PARAMETERS:
        if name not in query or attribute == "lang":
            continue
        raw = query[name]
        if attribute == "search":
            text = " ".join(str(part) for part in (raw if isinstance(raw, (list, tuple)) else [raw])).strip()
            values["search"] = text[:MAX_SEARCH]
            continue
        words = _values(raw)
        if attribute == "page":
            if len(words) == 1 and words[0].isdigit() and int(words[0]) >= 1:
                values["page"] = int(words[0])
            else:
                notices.append(_("{parameter}: ukendt værdi ignoreret ({values})").format(parameter=_(label), values=str(raw)[:30]))
            continue
        allowed = _theme_keys(data) if allowed == "themes" else allowed
        known = [w for w in allowed if w in words]
        unknown = sorted({w[:30] for w in words if w not in allowed})
        if unknown:
            notices.append(_("{parameter}: ukendt værdi ignoreret ({values})").format(parameter=_(label), values=", ".join(unknown)))
        if known:
            values[attribute] = tuple(known) if attribute in LIST_ATTRIBUTES else known[0]
    ignored = sorted({str(k)[:30] for k in query} - {p[0] for p in PARAMETERS})
    if ignored:
        notices.append(_("ukendt parameter ignoreret ({names})").format(names=", ".join(ignored)))
    return FigureQuery(**values, notices=tuple(notices))


# Each filter's attribute and the row field it compares.
FILTER_FIELDS = {"themes": "theme", "periods": "period", "sectors": "sector", "bases": "base", "precisions": "precision"}


@lru_cache(maxsize=4)
def _haystacks(data: DataSet) -> dict[int, str]:
    """Each row's searchable text (by the row's place in the data set), folded once per data set."""
    titles = {t.slug: f"{t.title_da} {t.title_en}" for t in data.themes}
    return {index: _words(" ".join(filter(None, (row.question_da, row.label_da, row.label_en, row.verbal_da, titles.get(row.theme, "")))))
            for index, row in enumerate(data.figures)}


def _chosen(data: DataSet, query: FigureQuery) -> list[FigureRow]:
    haystacks, words = _haystacks(data), _words(query.search).split()
    wanted = {FILTER_FIELDS[a]: set(getattr(query, a)) for a in FILTER_FIELDS if getattr(query, a)}
    return [row for index, row in enumerate(data.figures)
            if all(getattr(row, name) in values for name, values in wanted.items())
            and all(word in haystacks[index] for word in words)]


def facet_counts(data: DataSet, query: FigureQuery, attribute: str) -> Counter:
    """How many rows each value of a filter leads to: the selection without that filter, by value
    (so a reader sees before clicking which choices hold figures)."""
    rows = _chosen(data, replace(query, **{attribute: ()}))
    return Counter(getattr(row, FILTER_FIELDS[attribute]) for row in rows)


def _sort_key(key: str, lang: str, theme_order: dict[str, int]):
    orders = {
        "tema": lambda r: theme_order.get(r.theme, 0),
        "periode": lambda r: PERIODS.index(r.period),
        "sektor": lambda r: tuple(SECTORS).index(r.sector),
        "svar": lambda r: _words(r.label.in_(lang)),
        "vaerdi": lambda r: r.value_pct,
        "grundlag": lambda r: tuple(BASES).index(r.base),
        "n": lambda r: r.n_obs,
    }
    return orders[key]


@dataclass(frozen=True)
class Selection:
    rows: tuple[FigureRow, ...]  # every row of the selection, sorted
    page_rows: tuple[FigureRow, ...]
    page: int  # the page shown (the last one, if the link asked for more)
    pages: int


def select(data: DataSet, query: FigureQuery) -> Selection:
    """The rows the query selects, sorted (empty values last either way, then in the data's
    order), and the page of them to show."""
    theme_order = {t.slug: i for i, t in enumerate(data.themes)}
    chosen = _chosen(data, query)
    key = _sort_key(query.sort, query.lang, theme_order)
    present = sorted((r for r in chosen if key(r) is not None), key=key, reverse=query.order == "ned")
    rows = tuple(present + [r for r in chosen if key(r) is None])
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    page = min(query.page, pages)
    return Selection(rows, rows[(page - 1) * PAGE_SIZE: page * PAGE_SIZE], page, pages)
