"""What a filter change on a theme page sends back: one typed, frozen answer per theme and view.

A change is answered in two callbacks (dashboard/callbacks.py): first every chart's card at once
and the page's parts (CHART_PARTS, PAGE_PARTS), then, once the charts are drawn, what follows
them (FOLLOW_UP_PARTS): they would hold up the first chart otherwise. Each part is named once,
here: the callbacks' outputs, the answer's fields and the benchmark's requests
(bench/callback_request.py) are all made from these tables.

The answer is computed once per (theme, view) and kept as plain data (serialising it is then a
plain JSON dump); a request cannot make more answers than there are views. At most
ANSWER_CACHE_ENTRIES are kept; an answer is at most ~64 kB as JSON (Lav nye services, all
editions), so at the very worst ~260 MB of answers, and as many charts in words.
"""

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from dash import ALL, MATCH, Output

from dashboard.components import ids
from dashboard.components.case_card import case_count, case_list
from dashboard.components.chart_card import chart_footer, chart_subtitle, download_items
from dashboard.components.chart_text import chart_in_words
from dashboard.components.filters import filter_summary
from dashboard.components.headline import headline_content
from dashboard.components.plain_data import plain_data
from dashboard.components.shell import overview_href, theme_hrefs
from dashboard.data import DataSet
from dashboard.data.models import Theme
from dashboard.figures.availability import availability
from dashboard.figures.chart_view import chart_views
from dashboard.pages.view_links import presentation_href, slides_href, theme_language_href
from dashboard.state import ViewState

ANSWER_CACHE_ENTRIES = 4096


@dataclass(frozen=True)
class Part:
    """One output of the answer: a component id function, its property, and whether there is one
    per chart (`chart`), one per theme page (`target`) or one per page (None)."""

    component: Callable[..., dict]
    prop: str
    each: str | None = None

    def output(self) -> Output:
        return Output(self.component(MATCH, ALL) if self.each else self.component(MATCH), self.prop)

    @property
    def role(self) -> str:
        return self.component(*([""] * (2 if self.each else 1)))["role"]


# Every chart's card: a filter change updates all of them at once.
CHART_PARTS = {
    "figures": Part(ids.chart_graph, "figure", "chart"),
    "subtitles": Part(ids.chart_subtitle, "children", "chart"),
    "gaps": Part(ids.chart_gaps, "children", "chart"),
    "footers": Part(ids.chart_footer, "children", "chart"),  # N and sources: never under another view's chart
    "downloads": Part(ids.chart_downloads, "children", "chart"),  # a click right after exports the new view
}
# The page around the charts, with them.
PAGE_PARTS = {
    "query": Part(ids.view_query, "data"),
    "filter_summary": Part(ids.filter_summary, "children"),
    "presentation_href": Part(ids.presentation_link, "href"),
    "slides_href": Part(ids.slides_link, "href"),
    "language_href": Part(ids.language_link, "href"),
}
# What follows once the charts are drawn.
FOLLOW_UP_PARTS = {
    "words": Part(ids.chart_words, "children", "chart"),
    "headline": Part(ids.headline, "children"),
    "cases": Part(ids.case_list, "children"),
    "case_count": Part(ids.case_count, "children"),
    "back_href": Part(ids.back_link, "href"),
    "theme_links": Part(ids.theme_link, "href", "target"),
}


def outputs(parts: dict[str, Part]) -> dict[str, Output]:
    """A callback's outputs for `parts`, in their order."""
    return {name: part.output() for name, part in parts.items()}


@dataclass(frozen=True)
class FilterAnswer:
    """Everything a theme page shows that depends on the filters, for one view, as plain data."""

    figures: list
    subtitles: list
    gaps: list
    footers: list
    downloads: list
    query: str
    filter_summary: str
    presentation_href: str
    slides_href: str
    language_href: str
    headline: list
    cases: list
    case_count: list
    back_href: str
    theme_links: list

    def parts(self, names) -> dict:
        return {name: getattr(self, name) for name in names}



@lru_cache(maxsize=ANSWER_CACHE_ENTRIES)
def filter_answer(data: DataSet, theme: Theme, view: ViewState) -> FilterAnswer:
    views = chart_views(data, theme, view)
    cases = data.cases_for(theme.slug, view.types)
    return FilterAnswer(**plain_data({
        "figures": [cv.figure.to_plotly_json() for cv in views],
        "subtitles": [chart_subtitle(cv.caption) for cv in views],
        "gaps": [cv.caption.gaps for cv in views],
        "footers": [chart_footer(cv.caption) for cv in views],
        "downloads": [download_items(cv.theme.slug, cv.chart.id, view) for cv in views],
        "query": view.query_string(),
        "filter_summary": filter_summary(view, availability(data, theme)),
        "presentation_href": presentation_href(theme, view),
        "slides_href": slides_href(theme, view),
        "language_href": theme_language_href(theme, view),
        "headline": headline_content(theme.headline, data.headline_rows(theme), view, f"/{theme.slug}"),
        "cases": case_list(cases, bool(data.cases_for(theme.slug)), view.lang),
        "case_count": case_count(cases, view.lang),
        "back_href": overview_href(view),
        "theme_links": theme_hrefs(data, view),
    }))


@lru_cache(maxsize=ANSWER_CACHE_ENTRIES)
def chart_words(data: DataSet, theme: Theme, view: ViewState) -> list:
    """Each chart in words, for one view, as plain data."""
    return plain_data([chart_in_words(cv) for cv in chart_views(data, theme, view)])


def filter_response(data: DataSet, theme: Theme, view: ViewState) -> dict:
    """The first callback's outputs for `view`: everything the view shows, whatever the page showed
    before (quick changes overlap, so an answer may land on a newer view than the one it started from)."""
    return filter_answer(data, theme, view).parts([*CHART_PARTS, *PAGE_PARTS])


def follow_up_response(data: DataSet, theme: Theme, view: ViewState) -> dict:
    """The second callback's outputs: the charts in words, the headline, the cases and the links."""
    rest = filter_answer(data, theme, view).parts(list(FOLLOW_UP_PARTS)[1:])
    return {"words": chart_words(data, theme, view), **rest}
