"""The view state of a theme page, and its form in the URL query string.

The URL is the only place a view lives:
`?periode=2015-2016,2018-2019&type=service&visning=praesentation`. Defaults are left out. Parsing never fails: what cannot be understood is dropped
and reported as a short Danish notice, so a stale or mangled link still opens.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, urlencode

from dashboard.vocabulary import INNOVATION_TYPES, PERIODS, SECTORS

ALL_TYPES = tuple(INNOVATION_TYPES)
ALL_SECTORS = tuple(SECTORS)
LANGUAGES = ("da",)
VIEWS = ("side", "praesentation")
MAX_PARAMETER_LENGTH = 200


@dataclass(frozen=True)
class ViewState:
    periods: tuple[str, ...] = PERIODS
    types: tuple[str, ...] = ALL_TYPES
    sectors: tuple[str, ...] = ALL_SECTORS  # sector charts always show "alle" beside these
    lang: str = "da"
    visning: str = "side"

    @property
    def presentation(self) -> bool:
        return self.visning == "praesentation"

    @classmethod
    def from_controls(cls, periods, types, sectors=ALL_SECTORS) -> "ViewState":
        """The state the filter controls show; unknown values (or anything but a list) are dropped.
        The whole public sector is always shown beside the chosen sectors."""
        return cls(
            periods=_ordered(_strings(periods), PERIODS),
            types=_ordered(_strings(types), ALL_TYPES),
            sectors=_ordered(["alle", *_strings(sectors)], ALL_SECTORS),
        )

    def to_query(self) -> dict[str, str]:
        defaults = ViewState()
        query = {}
        if self.periods != defaults.periods:
            query["periode"] = ",".join(self.periods)
        if self.types != defaults.types:
            query["type"] = ",".join(self.types)
        if self.sectors != defaults.sectors:
            query["sektor"] = ",".join(self.sectors)
        if self.lang != defaults.lang:
            query["lang"] = self.lang
        if self.visning != defaults.visning:
            query["visning"] = self.visning
        return query

    def query_string(self) -> str:
        query = self.to_query()
        return "?" + urlencode(query, safe=",") if query else ""

    def with_visning(self, visning: str) -> "ViewState":
        return replace(self, visning=visning)


@dataclass(frozen=True)
class ParsedView:
    state: ViewState
    notices: tuple[str, ...] = field(default=())


def _strings(values) -> list[str]:
    return [v for v in values if isinstance(v, str)] if isinstance(values, (list, tuple)) else []


def _ordered(values, allowed: tuple[str, ...]) -> tuple[str, ...]:
    chosen = set(values)
    return tuple(v for v in allowed if v in chosen)


def _parse_list(raw, allowed: tuple[str, ...], what: str) -> tuple[tuple[str, ...] | None, list[str]]:
    """The allowed values named in `raw` (None: keep the default) and notices of the rest."""
    if isinstance(raw, (list, tuple)):
        raw = ",".join(str(part) for part in raw)
    raw = str(raw)
    if len(raw) > MAX_PARAMETER_LENGTH:
        return None, [f"{what}: for lang værdi ignoreret"]
    words = [w.strip().lower() for w in raw.split(",") if w.strip()]
    known = [w for w in words if w in allowed]
    ignored = sorted({w[:30] for w in words if w not in allowed})
    notices = [f"{what}: ukendt værdi ignoreret ({', '.join(ignored)})"] if ignored else []
    if not known:
        if not ignored:
            notices.append(f"{what}: tom værdi ignoreret")
        return None, notices
    return _ordered(known, allowed), notices


# Each parameter: its name in the URL, the field it sets, its allowed values, the notice's name,
# and whether it holds a comma-separated list.
PARAMETERS = (
    ("periode", "periods", PERIODS, "Periode", True),
    ("type", "types", ALL_TYPES, "Innovationstype", True),
    ("sektor", "sectors", ALL_SECTORS, "Sektor", True),
    ("lang", "lang", LANGUAGES, "Sprog", False),
    ("visning", "visning", VIEWS, "Visning", False),
)


def parse_query(query: Mapping[str, object]) -> ParsedView:
    """The view state named by a query (as Dash Pages passes it), and what was ignored."""
    values, notices = {}, []
    for name, field_name, allowed, label, is_list in PARAMETERS:
        if name not in query:
            continue
        chosen, found = _parse_list(query[name], allowed, label)
        notices += found
        if chosen is not None and not is_list and len(chosen) > 1:
            notices.append(f"{label}: flere værdier; den første er brugt")
        if chosen is not None:
            values[field_name] = chosen if is_list else chosen[0]
    unknown = sorted({str(key)[:30] for key in query} - {p[0] for p in PARAMETERS})
    if unknown:
        notices.append(f"ukendt parameter ignoreret ({', '.join(unknown)})")
    return ParsedView(ViewState(**values), tuple(notices))


def parse_query_string(query_string) -> ParsedView:
    """parse_query for a raw `?a=b&c=d` string (anything else: the default view)."""
    if not isinstance(query_string, str):
        return ParsedView(ViewState())
    pairs = parse_qs(query_string.removeprefix("?"), keep_blank_values=True)
    return parse_query({key: values[0] if len(values) == 1 else values for key, values in pairs.items()})
