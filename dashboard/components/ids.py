"""Component ids of a theme page. Pattern-matching ids carry the theme (and the chart), so one
set of callbacks serves every theme page."""

import json


def component_key(component_id, value: str | None = None) -> str:
    """A component (and one of its options) as a key: how the page the server draws finds the
    link or figure that stands for it (dashboard/server_view)."""
    key = json.dumps(component_id, sort_keys=True, separators=(",", ":"))
    return key if value is None else f"{key}|{value}"


def _page_part(role: str):
    def component_id(theme: str) -> dict:
        return {"role": role, "theme": theme}

    return component_id


def _chart_part(role: str):
    def component_id(theme: str, chart: str) -> dict:
        return {"role": role, "theme": theme, "chart": chart}

    return component_id


period_filter = _page_part("filter-period")
type_filter = _page_part("filter-type")
sector_filter = _page_part("filter-sector")
headline = _page_part("headline")
case_list = _page_part("case-list")
case_count = _page_part("case-count")
view_query = _page_part("view-query")  # the page's view state as a query string; the URL follows it
url_synced = _page_part("url-synced")
presentation_link = _page_part("presentation-link")
slides_link = _page_part("slides-link")
language_link = _page_part("language-link")
later_updates = _page_part("later-updates")  # a served page's figures but the first, drawn a frame later

filter_latest = _page_part("filter-latest")
filter_summary = _page_part("filter-summary")  # the active filters in a line (the folded panel on a phone)
filter_defaults = _page_part("filter-defaults")  # what the presets set (components/filters.py)
back_link = _page_part("back-link")


def filter_only(theme: str, group: str, value: str) -> dict:
    return {"role": "filter-only", "theme": theme, "group": group, "value": value}


def filter_reset(theme: str, group: str) -> dict:
    return {"role": "filter-reset", "theme": theme, "group": group}


def theme_link(page: str, target: str) -> dict:
    """A link to theme `target` on the page of theme `page` (the top bar's menu), carrying the view."""
    return {"role": "theme-link", "theme": page, "target": target}


chart_graph = _chart_part("chart-graph")
slide_graph = _chart_part("slide-graph")  # a chart in the presenter view
chart_subtitle = _chart_part("chart-subtitle")
chart_gaps = _chart_part("chart-gaps")  # the one line under the graph naming what was not published
chart_footer = _chart_part("chart-footer")
chart_words = _chart_part("chart-words")
chart_downloads = _chart_part("chart-downloads")
