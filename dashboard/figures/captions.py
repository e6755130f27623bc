"""The words around a chart: subtitle, question, N and sources, as plain text.

The chart card renders them as HTML; image, table and slide exports as text, so a
chart lifted out of the page carries the same caption.
"""

from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from dashboard.figures.chart_slice import ChartSlice
from dashboard.formatting import number, period_list
from dashboard.state import ALL_TYPES, ViewState
from dashboard.vocabulary import BASES, INNOVATION_TYPES

SOURCE_NAME = "Innovationsbarometeret (COI/CO-PI og Danmarks Statistik)"
TYPE_FILTER_NOT_APPLIED = "Filteret for innovationstype gælder ikke denne figur."
TYPES_SUM_NOTE = "En innovation kan have flere typer, så andelene summer ikke til 100 %."


@dataclass(frozen=True)
class Caption:
    base: str
    periods: str
    comparison_note: str  # where editions differ in base or question wording; else empty
    filter_note: str
    types: str
    questions: tuple[str, ...]
    observations: str
    sources: tuple[str, ...]


def source_label(url: str) -> str:
    """'co-pi.dk/innovationsbarometeret/innovationstyper', shortened for display."""
    parsed = urlparse(url)
    path = unquote(parsed.path.rstrip("/"))
    return parsed.netloc.removeprefix("www.") + (path if len(path) <= 40 else path[:38] + "…")


def _observations(slice_: ChartSlice) -> str:
    rows = slice_.rows
    if not rows:
        return ""
    counts = [f"{number(n)} ({period})" for period, n in dict.fromkeys((r.period, r.n_obs) for r in rows if r.n_obs)]
    if any(r.n_obs is None for r in rows):
        counts.append("ikke oplyst ved " + ("de øvrige tal" if counts else "tallet"))
    return ", ".join(counts)


def _types(slice_: ChartSlice, view: ViewState) -> str:
    if not slice_.type_filter_applies or view.types == ALL_TYPES:
        return ""
    return "Innovationstyper: " + ", ".join(INNOVATION_TYPES[t]["da"] for t in view.types)


def _base(slice_: ChartSlice) -> str:
    if not slice_.mixed_bases:
        return BASES[slice_.base]["da"]
    return "Grundlaget skifter mellem udgaverne: " + "; ".join(
        f"{period}: {BASES[base]['da'].split(' (')[0].lower()}" for period, base in slice_.bases
    )


def _comparison_note(slice_: ChartSlice, questions: tuple[str, ...]) -> str:
    notes = []
    if slice_.mixed_bases:
        notes.append("tallene har forskelligt grundlag og kan ikke sammenlignes direkte")
    if len(questions) > 1 and len(slice_.periods) > 1:
        notes.append("spørgsmålet er formuleret forskelligt i udgaverne")
    return ("NB: " + " og ".join(notes) + ".") if notes else ""


def caption(slice_: ChartSlice, view: ViewState) -> Caption:
    rows = slice_.rows
    questions = tuple(dict.fromkeys(r.question_da for r in rows if r.question_da))
    periods = period_list(slice_.periods)
    return Caption(
        base=_base(slice_),
        periods=(f"Udvikling: {periods}" if len(slice_.periods) > 1 else f"Periode: {periods}") if periods else "",
        comparison_note=_comparison_note(slice_, questions),
        filter_note=TYPES_SUM_NOTE if slice_.type_filter_applies else TYPE_FILTER_NOT_APPLIED,
        types=_types(slice_, view),
        questions=questions,
        observations=_observations(slice_),
        sources=tuple(dict.fromkeys(r.source_url for r in rows)),
    )
