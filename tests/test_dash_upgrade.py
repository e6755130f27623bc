"""The »Dash upgrade« test: every assumption of dashboard/dash_internals.py about Dash's private
behaviour, checked against the installed Dash. When one fails after an upgrade, its message says
what changed and where to look; nothing else in the app relies on Dash's internals."""

import json
import re
import tomllib
from pathlib import Path

import dash
import pytest

from dashboard import dash_internals as internals

ROOT = Path(__file__).resolve().parents[1]
UPGRADE = "Dash upgrade: {what}. Look at {where} and update dashboard/dash_internals.py."


def _pinned_dash() -> str:
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return next(d.split("==")[1] for d in dependencies if re.match(r"dash(\[[^\]]*\])?==", d))


@pytest.fixture(scope="module")
def client(dash_app):
    return dash_app.server.test_client()


def test_the_installed_dash_is_the_pinned_one():
    assert dash.__version__ == _pinned_dash(), UPGRADE.format(
        what=f"Dash {dash.__version__} is installed, pyproject.toml pins {_pinned_dash()}; run this file against the new one",
        where="pyproject.toml")


def test_the_pages_router_is_a_location_whose_search_its_callback_reads(dash_app, client):
    layout = json.dumps(client.get("/_dash-layout").get_json())
    for component_id in (internals.PAGES_LOCATION, internals.PAGES_CONTENT, internals.PAGES_STORE):
        assert f'"{component_id}"' in layout, UPGRADE.format(
            what=f"the Pages layout has no component {component_id!r}", where="dash/_pages.py (the router's layout)")
    inputs = [i for callback in dash_app.callback_map.values() for i in callback.get("inputs", [])]
    assert {"id": internals.PAGES_LOCATION, "property": "search"} in inputs, UPGRADE.format(
        what="the Pages router's callback no longer takes the location's search",
        where="dash/_pages.py (router callback), dashboard/application.py request_language")


def test_the_router_request_is_what_the_renderer_posts(client):
    response = client.post(internals.CALLBACK_PATH, json=internals.router_request("/samarbejd", "?lang=en"))
    assert response.status_code == 200, UPGRADE.format(
        what=f"the router request model is refused ({response.status_code})",
        where="dash-renderer's callback request (network tab of a page load)")
    content = json.dumps(response.get_json()["response"][internals.PAGES_CONTENT]["children"])
    assert "Collaborate" in content  # the English page: the search reached request_language
    internals.CallbackRequest.model_validate(internals.router_request("/", ""))


def test_the_page_shell_has_what_we_replace(dash_app, monkeypatch):
    """Our shell changes are made on Dash's own shell; each must still find its target there."""
    ours = dash_app.server.test_client().get("/lav-nye-services", headers={"Host": "evil.example"}).get_data(as_text=True)
    monkeypatch.setattr(type(dash_app), "interpolate_index", dash.Dash.interpolate_index)
    dashs = dash_app.server.test_client().get("/lav-nye-services").get_data(as_text=True)
    assert internals.LOADING_TEXT in dashs and internals.LOADING_TEXT not in ours, UPGRADE.format(
        what="the page shell's loading text changed", where="dash/dash.py (_app_entry / interpolate_index)")
    assert "<html>" in dashs and '<html lang="da">' in ours, UPGRADE.format(
        what="the shell's <html> tag changed (we add lang)", where="dash/dash.py _default_index")
    assert internals.UNUSED_SCRIPTS.search(dashs) and not internals.UNUSED_SCRIPTS.search(ours), UPGRADE.format(
        what="neither @babel/polyfill nor the DataTable bundle is listed any more (good: drop UNUSED_SCRIPTS)",
        where="dash/_dash_renderer.py and dash/dash_table")
    # Dash's tags name Twitter's fields as `property` (ours as `name`) and leave the description empty.
    assert len(internals.DASH_PAGES_META.findall(dashs)) >= 8 and '<meta property="twitter:' not in ours \
        and 'content=""' not in ours, UPGRADE.format(
        what="Dash Pages' meta tags changed (DASH_PAGES_META removes them; ours replace them)", where="dash/_pages.py _page_meta_tags")
    assert "evil.example" not in ours, UPGRADE.format(
        what="the Host header reaches the page again", where="dash/_pages.py (_page_meta_tags) and DASH_PAGES_META")
    assert internals.SCRIPT_FILE in dashs and internals.SCRIPT_FILE not in ours, UPGRADE.format(
        what="the shell's script tags changed (deferred_scripts defers them, held_scripts holds them back)", where="dash/dash.py _generate_scripts_html")
    assert dash.Dash("plain").renderer == "var renderer = new DashRenderer();", UPGRADE.format(
        what="Dash starts its renderer differently (deferred_renderer_start)", where="dash/dash.py (self.renderer)")


def test_the_graph_code_and_the_development_routes_are_where_we_expect(dash_app, client):
    assert client.get(internals.GRAPH_CODE).status_code == 200, UPGRADE.format(
        what=f"{internals.GRAPH_CODE} (preloaded or prefetched on every page) is gone", where="dash/dcc's async chunks")
    rules = {rule.rule for rule in dash_app.server.url_map.iter_rules()}
    for route in internals.DEVELOPMENT_ROUTES:
        assert any(rule.startswith(route) for rule in rules), UPGRADE.format(
            what=f"Dash no longer registers {route}", where="dash/dash.py (dev tools routes)")
    assert internals.hot_reload(dash_app) is False  # production: the development routes answer 404
    assert client.get("/_reload-hash").status_code == 404
