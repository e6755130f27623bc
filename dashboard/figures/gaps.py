"""What a chart's selection asks for but was never published, said once in one line.

A gap gets no row of its own on a chart: the chart, its table, its summary and every export
name the gaps in this one line instead (»Ikke offentliggjort: Kommuner og Regioner 2021-2023«),
so nothing is silently left out and nothing is drawn as zero.
"""

from dashboard.figures.chart_slice import ChartSlice
from dashboard.formatting import period_list, word_list
from dashboard.i18n import translator
from dashboard.vocabulary import INNOVATION_TYPES, NOT_PUBLISHED


def gap_items(slice_: ChartSlice) -> list[str]:
    """Each gap of the selection in a few words: whole periods first, then types never published,
    then the answers or sectors missing in some shown periods (those missing in the same
    periods named together)."""
    _ = translator(slice_.lang)
    items = []
    if slice_.unpublished_periods:
        items.append(period_list(slice_.unpublished_periods, slice_.lang))
    items += [_(INNOVATION_TYPES[t]) for t in slice_.unpublished_types]
    missing: dict[tuple[str, ...], list[str]] = {}
    for group in slice_.groups:
        periods = tuple(slot.period for slot in group.slots if slot.row is None)
        if periods:
            missing.setdefault(periods, []).append(group.label)
    for periods, labels in missing.items():
        items.append(f"{word_list(labels, slice_.lang)} {period_list(periods, slice_.lang)}")
    return items


def gap_line(slice_: ChartSlice) -> str:
    """»Ikke offentliggjort: 2013-2014; Kommuner og Regioner 2021-2023«, or ''."""
    items = gap_items(slice_)
    if not items:
        return ""
    _ = translator(slice_.lang)
    return f"{_(NOT_PUBLISHED)}: " + "; ".join(items)
