"""What a filter change on a theme page sends to the browser.

The response for a view is computed once (every view is warmed before gunicorn forks) and
kept as plain data. A filter change answers with every chart's card at once (figure, subtitle,
gap line, footer, downloads; plotly.js draws the four charts of a page in ~35 ms); the charts
in words, the headline, the case list and the links to other pages follow in a second callback
(dashboard/callbacks.py). A freshly served page draws its first chart at once and the others a
frame later, from its later-updates store (assets/dashboard.js).
"""

from functools import lru_cache
from itertools import combinations

from dashboard.components import ids
from dashboard.components.case_card import case_count, case_list
from dashboard.components.chart_card import chart_footer, chart_subtitle, download_items
from dashboard.components.chart_text import chart_in_words
from dashboard.components.filters import filter_summary
from dashboard.components.headline import headline_content
from dashboard.components.shell import overview_href, theme_hrefs
from dashboard.components.plain_data import plain_data
from dashboard.data import DataSet
from dashboard.data.models import Theme
from dashboard.figures.availability import availability
from dashboard.figures.chart_view import ChartView, chart_views
from dashboard.i18n import DEFAULT_LANGUAGE
from dashboard.pages.view_links import presentation_href, slides_href, theme_language_href
from dashboard.state import ALL_TYPES, ViewState
from dashboard.vocabulary import PERIODS

# The parts of every chart card that a filter change updates at once: (component id, property).
CHART_PARTS = {
    "figures": (ids.chart_graph, "figure"),
    "subtitles": (ids.chart_subtitle, "children"),
    "gaps": (ids.chart_gaps, "children"),
    "footers": (ids.chart_footer, "children"),  # N and sources: never a moment under another view's chart
    "downloads": (ids.chart_downloads, "children"),  # a click right after the change exports the new view
}

# The parts of the page around the charts that a filter change updates at once, in the callback's
# order; FOLLOW_UP_PARTS follow once the charts are drawn (they hold up the first chart otherwise).
PAGE_PARTS = ("query", "filter_summary", "presentation_href", "slides_href", "language_href")
FOLLOW_UP_PARTS = ("headline", "cases", "case_count", "back_href", "theme_links")


# The answers are kept per (theme, view) and nothing else a request names, so a request cannot
# make more of them than there are views; at most this many are kept (least recently used go
# first). An answer is at most ~64 kB as JSON (Lav nye services, all editions), so the cache holds
# at most ~260 MB of answers at the very worst; the warm-up fills 13 themes x 256 filter states.
ANSWER_CACHE_ENTRIES = 4096


@lru_cache(maxsize=ANSWER_CACHE_ENTRIES)
def theme_update(data: DataSet, theme: Theme, view: ViewState) -> dict:
    """Everything a theme page shows that depends on the filters, for one view, as plain data
    (serialising it is then a plain JSON dump)."""
    views = chart_views(data, theme, view)
    cases = data.cases_for(theme.slug, view.types)
    return plain_data({
        "figures": [cv.figure.to_plotly_json() for cv in views],
        "subtitles": [chart_subtitle(cv.caption) for cv in views],
        "gaps": [cv.caption.gaps for cv in views],
        "footers": [chart_footer(cv.caption) for cv in views],
        "downloads": [download_items(cv.chart.id, view) for cv in views],
        "headline": headline_content(theme.headline, data.headline_rows(theme), view, f"/{theme.slug}"),
        "cases": case_list(cases, bool(data.cases_for(theme.slug)), view.lang),
        "case_count": case_count(cases, view.lang),
        "query": view.query_string(),
        "filter_summary": filter_summary(view, availability(data, theme)),
        "presentation_href": presentation_href(theme, view),
        "slides_href": slides_href(theme, view),
        "language_href": theme_language_href(theme, view),
        "back_href": overview_href(view),
        "theme_links": theme_hrefs(data, view),
    })


@lru_cache(maxsize=ANSWER_CACHE_ENTRIES)
def chart_words(data: DataSet, theme: Theme, view: ViewState) -> list:
    """Each chart in words, for one view, as plain data."""
    return plain_data([chart_in_words(cv) for cv in chart_views(data, theme, view)])


def follow_up_response(data: DataSet, theme: Theme, view: ViewState) -> dict:
    """What follows a filter change once its charts are drawn: the charts in words, the headline,
    the case list and the links that carry the view to other pages."""
    update = theme_update(data, theme, view)
    return {"words": chart_words(data, theme, view), **{part: update[part] for part in FOLLOW_UP_PARTS}}


def page_later_updates(theme: Theme, views: list[ChartView]) -> list[dict]:
    """The later-updates store of a freshly served page, which draws its first chart at once and
    the others a frame later: the figure of each chart but the first, with the id of its graph."""
    return [{"id": ids.chart_graph(theme.slug, cv.chart.id), "prop": "figure", "value": cv.figure.to_plotly_json()}
            for cv in views[1:]]


def filter_response(data: DataSet, theme: Theme, view: ViewState) -> dict:
    """The callback's outputs for `view`: everything the view shows, whatever the page showed before.
    Quick filter changes overlap, so the view a request started from need not be the one its
    answer lands on: nothing is left out as unchanged."""
    update = theme_update(data, theme, view)
    return {part: update[part] for part in (*CHART_PARTS, *PAGE_PARTS)}


def all_filter_states(lang: str) -> list[ViewState]:
    """Every combination of periods and types the filters can show, in one language."""
    def subsets(items):
        return [combo for n in range(len(items) + 1) for combo in combinations(items, n)]

    return [ViewState(periods=p, types=t, lang=lang) for p in subsets(PERIODS) for t in subsets(ALL_TYPES)]


def warm_theme_updates(data: DataSet, lang: str = DEFAULT_LANGUAGE) -> int:
    """Compute every theme's response for every filter state in `lang` (to fill the caches
    before gunicorn forks its workers, which then share them). Returns how many were computed.
    Only the default language is warmed: doing both doubles start-up and shut-down time, and
    an English state costs ~10 ms the first time a worker is asked for it."""
    count = 0
    for theme in data.page_themes:
        for view in all_filter_states(lang):
            theme_update(data, theme, view)
            chart_words(data, theme, view)
            count += 1
    return count
