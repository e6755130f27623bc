"""The words around a chart: subtitle, question, N and sources, as plain text.

The chart card renders them as HTML; image, table and slide exports as text, so a
chart lifted out of the page carries the same caption.
"""

from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from dashboard.figures.chart_slice import ChartSlice
from dashboard.figures.gaps import gap_line
from dashboard.formatting import number, period_list
from dashboard.figures.value_text import quoted
from dashboard.i18n import N_, translator
from dashboard.state import ALL_TYPES, ViewState
from dashboard.vocabulary import BASES, BASES_SHORT, INNOVATION_TYPES, PERIODS

SOURCE_NAME = N_("Innovationsbarometeret (COI/CO-PI og Danmarks Statistik)")  # where no edition is shown
CITATION = N_("Kilde: Innovationsbarometeret {editions}, CO-PI og Danmarks Statistik")
TYPE_FILTER_NOT_APPLIED = N_("Filteret for innovationstype gælder ikke denne figur.")
APPROX_NOTE = N_("ca.: kun offentliggjort i ord")
TYPES_SUM_NOTE = N_("En innovation kan have flere typer, så andelene summer ikke til 100 %.")


@dataclass(frozen=True)
class Caption:
    """A chart's words, built once; the page, the images, the presenter view and the slides all
    render these (nothing in it is cut short: full source URLs, no »…«)."""

    lang: str
    title: str
    base: str
    periods: str
    editions: str  # the shown editions as a list: »2018-2019 og 2021-2023«
    comparison_note: str  # where editions differ in base or question wording; else empty
    types_note: str  # a fact of the data, where the chart is by innovation type; else empty
    chart_note: str  # the chart's own note from themes.yaml (e.g. several answers allowed); else empty
    filter_note: str  # on the page only, where the theme's type filter leaves this chart alone; else empty
    types: str
    approx_note: str  # what »ca.« means, where the chart has an approximate value; else empty
    gaps: str  # the one line naming what the selection asks for but was not published; else empty
    questions: tuple[tuple[str, str], ...]  # (the editions that asked it, the question as asked in Danish)
    observations: str
    sources: tuple[str, ...]


def source_label(url: str) -> str:
    """'co-pi.dk/innovationsbarometeret/innovationstyper', shortened for display."""
    parsed = urlparse(url)
    path = unquote(parsed.path.rstrip("/"))
    return parsed.netloc.removeprefix("www.") + (path if len(path) <= 40 else path[:38] + "…")


def _observations(slice_: ChartSlice, lang: str) -> str:
    _ = translator(lang)
    rows = slice_.rows
    if not rows:
        return ""
    by_edition = sorted(dict.fromkeys((r.period, r.n_obs) for r in rows if r.n_obs), key=lambda pn: PERIODS.index(pn[0]))
    counts = [f"{number(n, lang)} ({period})" for period, n in by_edition]
    if any(r.n_obs is None for r in rows):
        counts.append(_("ikke oplyst ved de øvrige tal") if counts else _("ikke oplyst ved tallet"))
    return ", ".join(counts)


def _types(slice_: ChartSlice, view: ViewState) -> str:
    if not slice_.type_filter_applies or view.types == ALL_TYPES:
        return ""
    _ = translator(view.lang)
    return _("Innovationstyper: {types}").format(types=", ".join(_(INNOVATION_TYPES[t]) for t in view.types))


def _base(slice_: ChartSlice, lang: str) -> str:
    _ = translator(lang)
    if not slice_.mixed_bases:
        return _(BASES[slice_.base])
    return _("Grundlaget skifter mellem udgaverne: {bases}").format(
        bases="; ".join(f"{period}: {_(BASES_SHORT[base])}" for period, base in slice_.bases)
    )


def _questions(slice_: ChartSlice) -> tuple[tuple[str, str], ...]:
    """Each wording of the chart's question with the editions whose bars it belongs to."""
    periods: dict[str, list[str]] = {}
    for row in sorted(slice_.rows, key=lambda r: r.period):
        if row.question_da and row.period not in periods.setdefault(row.question_da, []):
            periods[row.question_da].append(row.period)
    return tuple((period_list(p, slice_.lang), question) for question, p in periods.items())


def _reworded_answers(slice_: ChartSlice) -> str:
    """»I samspil med borgere« (2013-2014), »… (positiv rolle)« (2018-2019): each answer whose
    label differs between the shown editions, with the editions of each label."""
    if slice_.chart.group_by != "category":
        return ""
    answers = []
    for group in slice_.groups:
        wordings: dict[str, list[str]] = {}
        for slot in group.slots:
            if slot.row is not None:
                wordings.setdefault(slot.row.label.in_(slice_.lang), []).append(slot.period)
        if len(wordings) > 1:
            answers.append(", ".join(f"{quoted(w, slice_.lang)} ({period_list(p, slice_.lang)})" for w, p in wordings.items()))
    return "; ".join(answers)


def _comparison_note(slice_: ChartSlice, questions: tuple, lang: str) -> str:
    _ = translator(lang)
    mixed_bases = slice_.mixed_bases
    reworded = len(questions) > 1 and len(slice_.periods) > 1
    if mixed_bases and reworded:
        note = _("NB: tallene har forskelligt grundlag og kan ikke sammenlignes direkte, "
                 "og spørgsmålet er formuleret forskelligt i udgaverne.")
    elif mixed_bases:
        note = _("NB: tallene har forskelligt grundlag og kan ikke sammenlignes direkte.")
    elif reworded:
        note = _("NB: spørgsmålet er formuleret forskelligt i udgaverne.")
    else:
        note = ""
    answers = _reworded_answers(slice_)
    if answers:
        answers_note = _("Svaret er betegnet forskelligt i udgaverne: {answers}.").format(answers=answers)
        note = f"{note} {answers_note}" if note else _("NB: {note}").format(note=answers_note)
    return note


def citation(caption: Caption, address: str | None = None) -> str:
    """»Kilde: Innovationsbarometeret 2018-2019, CO-PI og Danmarks Statistik · N = 2.271 · <address>«:
    a line a person can read and copy (the full source URLs are in the tables and slide notes)."""
    _ = translator(caption.lang)
    parts = [_(CITATION).format(editions=caption.editions) if caption.editions
             else _("Kilde: {sources}").format(sources=_(SOURCE_NAME))]
    if caption.observations:
        parts.append(f"N = {caption.observations}")
    if address:
        parts.append(address)
    return " · ".join(parts)


def caption(slice_: ChartSlice, view: ViewState, title: str, theme_has_type_filter: bool) -> Caption:
    lang = view.lang
    _ = translator(lang)
    questions = _questions(slice_)
    periods = period_list(slice_.periods, lang)
    if not periods:
        period_text = ""
    elif len(slice_.periods) > 1:
        period_text = _("Udvikling: {periods}").format(periods=periods)
    else:
        period_text = _("Periode: {period}").format(period=periods)
    return Caption(
        lang=lang,
        title=title,
        base=_base(slice_, lang),
        periods=period_text,
        editions=periods,
        comparison_note=_comparison_note(slice_, questions, lang),
        types_note=_(TYPES_SUM_NOTE) if slice_.type_filter_applies else "",
        chart_note=slice_.chart.note.in_(lang) or "",
        filter_note=_(TYPE_FILTER_NOT_APPLIED) if theme_has_type_filter and not slice_.type_filter_applies else "",
        types=_types(slice_, view),
        approx_note=_(APPROX_NOTE) if any(r.precision == "approx" for r in slice_.rows) else "",
        gaps=gap_line(slice_),
        questions=questions,
        observations=_observations(slice_, lang),
        sources=tuple(dict.fromkeys(r.source_url for r in slice_.rows)),
    )
