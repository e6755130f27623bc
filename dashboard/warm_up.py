"""Filling the filter answers before gunicorn forks its workers (gunicorn.conf.py `when_ready`),
so that every worker shares them."""

from itertools import combinations

from dashboard.data import DataSet
from dashboard.filter_answer import chart_words, filter_answer
from dashboard.i18n import DEFAULT_LANGUAGE
from dashboard.state import ALL_TYPES, ViewState
from dashboard.vocabulary import PERIODS


def all_filter_states(lang: str) -> list[ViewState]:
    """Every combination of periods and types the filters can show, in one language."""
    def subsets(items):
        return [combo for n in range(len(items) + 1) for combo in combinations(items, n)]

    return [ViewState(periods=p, types=t, lang=lang) for p in subsets(PERIODS) for t in subsets(ALL_TYPES)]


def warm_filter_answers(data: DataSet, lang: str = DEFAULT_LANGUAGE) -> int:
    """Compute every theme's answer for every combination of periods and types in `lang`; returns
    how many. Only the default language is warmed: both would double start-up and shut-down time,
    and an English view costs ~10 ms the first time a worker is asked for it."""
    count = 0
    for theme in data.page_themes:
        for view in all_filter_states(lang):
            filter_answer(data, theme, view)
            chart_words(data, theme, view)
            count += 1
    return count
