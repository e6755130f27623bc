"""The body Dash's renderer posts to `/_dash-update-component` when a theme page's filters
change: built from the theme configuration, as the browser builds it."""

import json

from dashboard.dash_internals import CALLBACK_PATH as PATH
from dashboard.data.models import Theme
from dashboard.filter_answer import CHART_PARTS, FOLLOW_UP_PARTS, PAGE_PARTS

# The callbacks' outputs, as dashboard/callbacks.py makes them from the same tables.
CHART_OUTPUTS = tuple((part.role, part.prop) for part in CHART_PARTS.values())
PAGE_OUTPUTS = tuple((part.role, part.prop) for part in PAGE_PARTS.values())
FOLLOW_UP_CHART_OUTPUTS = tuple((p.role, p.prop) for p in FOLLOW_UP_PARTS.values() if p.each == "chart")
FOLLOW_UP_OUTPUTS = tuple((p.role, p.prop) for p in FOLLOW_UP_PARTS.values() if p.each is None)
THEME_LINKS = next((p.role, p.prop) for p in FOLLOW_UP_PARTS.values() if p.each == "target")


def _wildcard(role: str, chart: bool, key: str = "chart") -> str:
    pattern = {key: ["ALL"], "role": role, "theme": ["MATCH"]} if chart else {"role": role, "theme": ["MATCH"]}
    return json.dumps(pattern, sort_keys=True, separators=(",", ":"))


def filter_request(theme: Theme, periods: list[str], types: list[str], shown: str = "",
                   sectors: tuple[str, ...] = ("kommune", "region", "stat")) -> bytes:
    """The request for a change to `periods` and `types` on a page that showed the view `shown`."""
    output = "...".join(
        [f"{_wildcard(role, True)}.{prop}" for role, prop in CHART_OUTPUTS]
        + [f"{_wildcard(role, False)}.{prop}" for role, prop in PAGE_OUTPUTS]
    )
    outputs = [
        [{"id": {"chart": c.id, "role": role, "theme": theme.slug}, "property": prop} for c in theme.charts]
        for role, prop in CHART_OUTPUTS
    ] + [{"id": {"role": role, "theme": theme.slug}, "property": prop} for role, prop in PAGE_OUTPUTS]
    inputs = [
        {"id": {"role": "filter-period", "theme": theme.slug}, "property": "value", "value": periods},
        {"id": {"role": "filter-type", "theme": theme.slug}, "property": "value", "value": types},
        {"id": {"role": "filter-sector", "theme": theme.slug}, "property": "value", "value": list(sectors)},
    ]
    body = {
        "output": f"..{output}..",
        "outputs": outputs,
        "inputs": inputs,
        "changedPropIds": [json.dumps(inputs[0]["id"], separators=(",", ":"), sort_keys=True) + ".value"],
        "state": [{"id": {"role": "view-query", "theme": theme.slug}, "property": "data", "value": shown}],
    }
    return json.dumps(body).encode("utf-8")


def follow_up_request(theme: Theme, query, pages: tuple[str, ...]) -> bytes:
    """The follow-up request (charts in words, headline, case list, links) once the page's view state
    has become `query`; `pages`: the slug of every theme page (the menu links to each)."""
    inputs = [{"id": {"role": "view-query", "theme": theme.slug}, "property": "data", "value": query}]
    output = "...".join([f"{_wildcard(role, True)}.{prop}" for role, prop in FOLLOW_UP_CHART_OUTPUTS]
                        + [f"{_wildcard(role, False)}.{prop}" for role, prop in FOLLOW_UP_OUTPUTS]
                        + [f"{_wildcard(THEME_LINKS[0], True, 'target')}.{THEME_LINKS[1]}"])
    body = {
        "output": f"..{output}..",
        "outputs": [[{"id": {"chart": c.id, "role": role, "theme": theme.slug}, "property": prop} for c in theme.charts]
                    for role, prop in FOLLOW_UP_CHART_OUTPUTS]
        + [{"id": {"role": role, "theme": theme.slug}, "property": prop} for role, prop in FOLLOW_UP_OUTPUTS]
        + [[{"id": {"role": THEME_LINKS[0], "target": slug, "theme": theme.slug}, "property": THEME_LINKS[1]}
            for slug in pages]],
        "inputs": inputs,
        "changedPropIds": [json.dumps(inputs[0]["id"], separators=(",", ":"), sort_keys=True) + ".data"],
        "state": [],
    }
    return json.dumps(body).encode("utf-8")
