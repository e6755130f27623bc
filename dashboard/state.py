"""The view state of a theme page, and its form in the URL query string.

The URL is the only place a view lives:
`?periode=2015-2016,2018-2019&type=service&lang=en&visning=praesentation`. Defaults are left
out; the parameter names stay Danish in both languages, so a link works whichever language
it shows. Parsing never fails: what cannot be understood is dropped and reported as a short
notice in the link's language, so a stale or mangled link still opens.

Every view has one URL (parse(write(view)) == view; a URL that parses writes back to that one
form), so a view is one cache key and one file name: the sector selection never holds `alle`
(the whole public sector is always shown beside the chosen sectors; `?sektor=alle,kommune`
reads as `?sektor=kommune`), and an emptied selection is written `ingen`.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlencode

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES, N_, translator
from dashboard.vocabulary import INNOVATION_TYPES, PERIODS, SECTORS

ALL_TYPES = tuple(INNOVATION_TYPES)
ALL_SECTORS = tuple(SECTORS)
# The sectors a view chooses; the whole public sector (`alle`) is always shown beside them.
SELECTABLE_SECTORS = tuple(s for s in SECTORS if s != "alle")
# `visning`, the one word parameter that is not a field's own value: the page or the presenter view.
PRESENTATION_WORDS = {"side": False, "praesentation": True}
NONE_CHOSEN = "ingen"  # a list parameter's value for an emptied selection
MAX_PARAMETER_LENGTH = 200


@dataclass(frozen=True)
class ViewState:
    periods: tuple[str, ...] = PERIODS
    types: tuple[str, ...] = ALL_TYPES
    sectors: tuple[str, ...] = SELECTABLE_SECTORS  # sector charts always show "alle" beside these
    lang: str = DEFAULT_LANGUAGE
    presentation: bool = False  # the presenter view (`?visning=praesentation`)

    @classmethod
    def from_controls(cls, periods, types, sectors=SELECTABLE_SECTORS, lang=DEFAULT_LANGUAGE) -> "ViewState":
        """The state the filter controls show; unknown values (or anything but a list) are dropped."""
        return cls(
            periods=_ordered(_strings(periods), PERIODS),
            types=_ordered(_strings(types), ALL_TYPES),
            sectors=_ordered(_strings(sectors), SELECTABLE_SECTORS),
            lang=lang if lang in LANGUAGES else DEFAULT_LANGUAGE,
        )

    def to_query(self) -> dict[str, str]:
        """The view's query, field by field from PARAMETERS (in the URL's order), defaults left out."""
        defaults, query = ViewState(), {}
        for name, field_name, _allowed, _label, is_list in sorted(PARAMETERS, key=lambda p: URL_ORDER.index(p[0])):
            value = getattr(self, field_name)
            if value != getattr(defaults, field_name):
                query[name] = (",".join(value) or NONE_CHOSEN) if is_list else _word(field_name, value)
        return query

    def query_string(self) -> str:
        query = self.to_query()
        return "?" + urlencode(query, safe=",") if query else ""

    def link(self, path: str) -> str:
        """`path` showing this view: `/lav-nye-services?periode=2021-2023&lang=en`."""
        return path + self.query_string()

    def as_presentation(self, presentation: bool = True) -> "ViewState":
        """The same view in the presenter view (or, with False, on the page)."""
        return replace(self, presentation=presentation)

    def with_lang(self, lang: str) -> "ViewState":
        return replace(self, lang=lang)


@dataclass(frozen=True)
class ParsedView:
    state: ViewState
    notices: tuple[str, ...] = field(default=())


def _strings(values) -> list[str]:
    return [v for v in values if isinstance(v, str)] if isinstance(values, (list, tuple)) else []


def _ordered(values, allowed: tuple[str, ...]) -> tuple[str, ...]:
    chosen = set(values)
    return tuple(v for v in allowed if v in chosen)


def _parse_list(raw, allowed: tuple[str, ...], what: str, _, is_list: bool = True) -> tuple[tuple[str, ...] | None, list[str]]:
    """The allowed values named in `raw` (None: keep the default) and notices of the rest."""
    if isinstance(raw, (list, tuple)):
        raw = ",".join(str(part) for part in raw)
    raw = str(raw)
    if len(raw) > MAX_PARAMETER_LENGTH:
        return None, [_("{parameter}: for lang værdi ignoreret").format(parameter=what)]
    words = [w.strip().lower() for w in raw.split(",") if w.strip()]
    if is_list and words == [NONE_CHOSEN]:
        return (), []
    known = [w for w in words if w in allowed]
    ignored = sorted({w[:30] for w in words if w not in allowed})
    notices = []
    if ignored:
        notices.append(_("{parameter}: ukendt værdi ignoreret ({values})").format(parameter=what, values=", ".join(ignored)))
    if not known:
        if not ignored:
            notices.append(_("{parameter}: tom værdi ignoreret").format(parameter=what))
        return None, notices
    return _ordered(known, allowed), notices


# Each parameter: its name in the URL, the field it sets, its allowed values, the notice's name,
# and whether it holds a comma-separated list. The language comes first: the notices about
# the others are written in it.
PARAMETERS = (
    ("lang", "lang", LANGUAGES, N_("Sprog"), False),
    ("periode", "periods", PERIODS, N_("Periode"), True),
    ("type", "types", ALL_TYPES, N_("Innovationstype"), True),
    ("sektor", "sectors", SELECTABLE_SECTORS, N_("Sektor"), True),
    ("visning", "presentation", tuple(PRESENTATION_WORDS), N_("Visning"), False),
)


def _word(field_name: str, value) -> str:
    """A single-valued field as the URL writes it."""
    if field_name == "presentation":
        return next(word for word, flag in PRESENTATION_WORDS.items() if flag == value)
    return value


def _field_value(field_name: str, word: str):
    """A single-valued parameter's word as the field holds it."""
    return PRESENTATION_WORDS[word] if field_name == "presentation" else word


def _without_all_sector(raw) -> str:
    """A sector list without `alle`; `ingen` if it named nothing else (old links: `?sektor=alle`)."""
    words = [w for w in (",".join(map(str, raw)) if isinstance(raw, (list, tuple)) else str(raw)).split(",")]
    if len(",".join(words)) > MAX_PARAMETER_LENGTH:
        return ",".join(words)
    rest = [w for w in words if w.strip().lower() != "alle"]
    return ",".join(rest) if rest or len(rest) == len(words) else NONE_CHOSEN


URL_ORDER = ("periode", "type", "sektor", "lang", "visning")  # how a link writes them


def parse_query(query: Mapping[str, object]) -> ParsedView:
    """The view state named by a query (as Dash Pages passes it), and what was ignored."""
    values, found_notices = {}, []
    for name, field_name, allowed, label, is_list in PARAMETERS:
        if name not in query:
            continue
        _ = translator(values.get("lang", DEFAULT_LANGUAGE))
        raw = query[name]
        if field_name == "sectors":  # `alle` is always shown: naming it chooses nothing more
            raw = _without_all_sector(raw)
        chosen, found = _parse_list(raw, allowed, _(label), _, is_list)
        found_notices += found
        if chosen is not None and not is_list and len(chosen) > 1:
            found_notices.append(_("{parameter}: flere værdier; den første er brugt").format(parameter=_(label)))
        if chosen is not None:
            values[field_name] = chosen if is_list else _field_value(field_name, chosen[0])
    _ = translator(values.get("lang", DEFAULT_LANGUAGE))
    unknown = sorted({str(key)[:30] for key in query} - {p[0] for p in PARAMETERS})
    if unknown:
        found_notices.append(_("ukendt parameter ignoreret ({names})").format(names=", ".join(unknown)))
    return ParsedView(ViewState(**values), tuple(found_notices))


def parse_query_string(query_string) -> ParsedView:
    """parse_query for a raw `?a=b&c=d` string (anything else: the default view)."""
    if not isinstance(query_string, str):
        return ParsedView(ViewState())
    pairs = parse_qs(query_string.removeprefix("?"), keep_blank_values=True)
    return parse_query({key: values[0] if len(values) == 1 else values for key, values in pairs.items()})


def language_of(query: Mapping[str, object]) -> str:
    """The language a query asks for, looking at nothing else (pages without filters)."""
    return parse_query({"lang": query["lang"]} if "lang" in query else {}).state.lang
