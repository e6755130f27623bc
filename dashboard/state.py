"""The view state of a theme page, and its form in the URL query string.

The URL is the only place a view lives: `?periode=2015-2016,2018-2019&type=service`.
Defaults are left out. Parsing never fails: what cannot be understood is dropped
and reported as a short Danish notice, so a stale or mangled link still opens.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from dashboard.vocabulary import INNOVATION_TYPES, PERIODS

ALL_TYPES = tuple(INNOVATION_TYPES)
MAX_PARAMETER_LENGTH = 200


@dataclass(frozen=True)
class ViewState:
    periods: tuple[str, ...] = PERIODS
    types: tuple[str, ...] = ALL_TYPES

    @classmethod
    def from_controls(cls, periods, types) -> "ViewState":
        """The state the filter controls show; unknown values are dropped."""
        return cls(periods=_ordered(periods or (), PERIODS), types=_ordered(types or (), ALL_TYPES))

    def to_query(self) -> dict[str, str]:
        query = {}
        if self.periods != PERIODS:
            query["periode"] = ",".join(self.periods)
        if self.types != ALL_TYPES:
            query["type"] = ",".join(self.types)
        return query

    def query_string(self) -> str:
        query = self.to_query()
        return "?" + urlencode(query, safe=",") if query else ""


@dataclass(frozen=True)
class ParsedView:
    state: ViewState
    notices: tuple[str, ...] = field(default=())


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


def parse_query(query: Mapping[str, object]) -> ParsedView:
    """The view state named by a query (as Dash Pages passes it), and what was ignored."""
    state, notices = ViewState(), []
    if "periode" in query:
        periods, found = _parse_list(query["periode"], PERIODS, "Periode")
        notices += found
        if periods is not None:
            state = ViewState(periods=periods, types=state.types)
    if "type" in query:
        types, found = _parse_list(query["type"], ALL_TYPES, "Innovationstype")
        notices += found
        if types is not None:
            state = ViewState(periods=state.periods, types=types)
    return ParsedView(state, tuple(notices))
