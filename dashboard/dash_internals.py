"""Everything this app relies on that Dash does not promise: private names, the format of its
page shell and of its renderer's requests. Nothing else in the app names these.

When Dash is upgraded, `tests/test_dash_upgrade.py` checks each assumption here against the
installed Dash and, if one no longer holds, fails saying what to look at.
"""

import re
from typing import Any

import dash
from pydantic import BaseModel, ConfigDict

# Dash Pages' router: a dcc.Location with this id, whose `search` its callback passes as input,
# and the container and store it renders the page into.
PAGES_LOCATION = "_pages_location"
PAGES_CONTENT = "_pages_content"
PAGES_STORE = "_pages_store"

# Where the renderer posts every callback, and the page shell's loading text (replaced by ours).
CALLBACK_PATH = "/_dash-update-component"
LOADING_TEXT = "Loading..."

# The code of dcc.Graph, which Dash fetches only once a graph is on the page.
GRAPH_CODE = "/_dash-component-suites/dash/dcc/async-graph.js"

# Scripts Dash lists in its page shell that no page here needs: @babel/polyfill (for browsers Dash
# no longer supports) and the DataTable bundle.
UNUSED_SCRIPTS = re.compile(r'<script src="[^"]*/(?:deps/polyfill@|dash_table/bundle\.)[^"]*"></script>\s*')

# The page shell's script files (deferred or held back below); its inline start of the renderer
# (`Dash.renderer`, which must contain `new DashRenderer`) waits for them (deferred_renderer_start).
SCRIPT_FILE = '<script src="'
_SCRIPT_TAG = re.compile(re.escape(SCRIPT_FILE) + r'([^"]+)"></script>')


# The meta tags Dash Pages writes into the shell (description, Open Graph, Twitter; its twitter:url
# holds the request's own address, Host header and all): ours replace them.
DASH_PAGES_META = re.compile(r'\s*<meta (?:name|property)="(?:description|og:[^"]*|twitter:[^"]*)" content="[^"]*">')

# The element our server-drawn page is written into, before Dash's react-entry-point.
SERVER_VIEW = "ib-server-view"

# Dash's development routes (hot reload lists the installed packages), served in every mode.
DEVELOPMENT_ROUTES = ("/_reload-hash",)


class _Dependency(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str | dict
    property: str


class CallbackRequest(BaseModel):
    """The shape of what Dash's renderer posts when a callback fires."""

    model_config = ConfigDict(extra="allow")
    output: str
    outputs: list[Any] | dict
    inputs: list[_Dependency | list[_Dependency]]
    changedPropIds: list[str]
    state: list[_Dependency | list[_Dependency]] = []


# The event on `document` that starts Dash's renderer, sent by assets/live_start.js once every
# script file of the shell has run.
LIVE_START = "ib-start-live"
# A script file held back until the live page is wanted: inert until live_start.js loads it.
HELD_SCRIPT = '<script type="application/x-held" data-held-src="{src}"></script>'


def deferred_scripts(scripts: str, first: tuple[str, ...]) -> str:
    """The shell's script files loaded without blocking the page's first paint, in order, but
    those whose address contains one of `first` ahead of the others (they need none of them: on a
    page the server drew they run alone until a person comes, assets/live_start.js)."""
    ahead = [match.group(0) for match in _SCRIPT_TAG.finditer(scripts) if any(name in match.group(1) for name in first)]
    for tag in ahead:
        scripts = scripts.replace(tag, "", 1)
    return "\n".join(ahead + [scripts]).replace(SCRIPT_FILE, '<script defer src="')


def held_scripts(scripts: str, eager: tuple[str, ...]) -> tuple[str, str]:
    """The shell's script files for a page the server drew: those whose address contains one of
    `eager` load as deferred scripts; the others are held back (HELD_SCRIPT) and fetched at low
    priority, so running them costs the page nothing until a person uses it.
    Returns (prefetch links for the <head>, the scripts)."""
    links = []

    def replace(match: re.Match) -> str:
        src = match.group(1)
        if any(name in src for name in eager):
            return f'<script defer src="{src}"></script>'
        links.append(f'<link rel="prefetch" as="script" href="{src}">')
        return HELD_SCRIPT.format(src=src)

    tags = _SCRIPT_TAG.sub(replace, scripts)
    return "\n".join(links), tags


def deferred_renderer_start(renderer: str) -> str:
    """Dash's start of its renderer, run when live_start.js says every script file has (LIVE_START)."""
    start = renderer.replace("var renderer", "window.renderer")
    return f'document.addEventListener("{LIVE_START}", function () {{ {start} }}, {{once: true}});'


def router_search() -> str | None:
    """The address's query string, inside the Pages router's callback (LookupError elsewhere)."""
    return dash.ctx.inputs.get(f"{PAGES_LOCATION}.search")


def hot_reload(app: dash.Dash) -> bool:
    """Whether the app runs with Dash's hot reload (development only)."""
    return bool(app._dev_tools.get("hot_reload"))  # noqa: SLF001


def router_request(pathname: str, search: str) -> dict:
    """The request the renderer posts when the address changes (the Pages router's callback)."""
    return {
        "output": f"..{PAGES_CONTENT}.children...{PAGES_STORE}.data..",
        "outputs": [{"id": PAGES_CONTENT, "property": "children"}, {"id": PAGES_STORE, "property": "data"}],
        "inputs": [
            {"id": PAGES_LOCATION, "property": "pathname", "value": pathname},
            {"id": PAGES_LOCATION, "property": "search", "value": search},
        ],
        "changedPropIds": [f"{PAGES_LOCATION}.pathname"],
        "state": [],
    }
