"""Hostile and random input never gives a 500, a traceback or injected HTML: query strings
against every page and export address, and arbitrary JSON against Dash's callback endpoint."""

import json
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.callback_request import PATH, filter_request, follow_up_request
from dashboard.dash_internals import router_request

PAGES = ["/", "/styr-processen", "/lav-nye-services", "/findes-ikke"]
HOSTILE = [
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "'; DROP TABLE x; --",
    "%00", "\u202e", "2015-2016" * 2000, "../../etc/passwd", "{{7*7}}", "${7*7}", "2015-2016,,,", " ", "",
]
KEYS = st.sampled_from(["periode", "type", "lang", "visning", "sektor", "skala", "foo", "PERIODE", ""]) | st.text(max_size=20)
VALUES = (
    st.sampled_from(["2013-2014", "2015-2016", "2018-2019", "2021-2023", "service", "proces", "produkt", "da", "en",
                     "praesentation", "SERVICE", "2019-2020", "1", "99"] + HOSTILE)
    | st.text(max_size=60)
    | st.lists(st.sampled_from(["2015-2016", "service", "x", "<b>"]), max_size=6).map(",".join)
)
QUERIES = st.one_of(
    st.lists(st.tuples(KEYS, VALUES), max_size=6).map(lambda pairs: urlencode(pairs)),
    st.text(max_size=200).map(lambda text: quote(text, safe="=&,%")),
    st.text(alphabet="=&%?,;#+ab<>\"'", max_size=80),
)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@pytest.fixture(scope="module")
def client(dash_app):
    return dash_app.server.test_client()


def _router_body(pathname: str, search: str) -> dict:
    return router_request(pathname, search)


def _assert_safe(response) -> None:
    assert response.status_code < 500, response.get_data()[:500]
    body = response.get_data()
    assert b"Traceback" not in body
    assert b"dangerously_allow_html" not in body


@pytest.mark.parametrize("path", PAGES)
@FUZZ
@given(query=QUERIES)
def test_pages_render_any_query_string(client, path, query):
    page = client.get(f"{path}?{query}")
    _assert_safe(page)
    assert page.status_code == (404 if path == "/findes-ikke" else 200)  # an unknown address is 404 whatever its query
    layout = client.post(PATH, json=_router_body(path, f"?{query}"))
    _assert_safe(layout)
    assert layout.status_code == 200
    rendered = json.loads(layout.data)["response"]["_pages_content"]["children"]
    if path in ("/styr-processen", "/lav-nye-services"):
        shown = json.dumps(rendered)
        assert '"chart-card"' in shown or '"presenter-slide"' in shown  # the page itself, with its charts


def test_router_renders_a_hostile_link_as_text_only(client):
    layout = client.post(PATH, json=_router_body("/styr-processen", "?type=<script>alert(1)</script>&periode=<b>x</b>"))
    body = layout.get_data(as_text=True)
    assert layout.status_code == 200
    notice = json.dumps(json.loads(body)["response"]["_pages_content"]["children"], ensure_ascii=False)
    assert "alert(1)" in notice and "ukendt værdi ignoreret" in notice  # reported, as a string
    assert '"type": "Script"' not in notice and '"namespace": "dash_html_components", "props": {"children": "x"}' not in notice


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@FUZZ
@given(query=QUERIES)
def test_table_exports_accept_any_query_string(client, fmt, query):
    response = client.get(f"/export/arbejdspladser-type.{fmt}?{query}")
    _assert_safe(response)
    assert response.status_code == 200


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES)
def test_image_exports_accept_any_query_string(client, query):
    response = client.get(f"/export/flere-typer.svg?{query}")
    _assert_safe(response)
    assert response.status_code in (200, 503)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=JSON)
def test_callback_endpoint_refuses_random_json(client, body):
    response = client.post(PATH, data=json.dumps(body), content_type="application/json")
    _assert_safe(response)
    assert response.status_code == 400


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(periods=JSON, types=JSON, shown=JSON, theme=st.sampled_from(["lav-nye-services", "styr-processen", "x"]))
def test_filter_callback_survives_any_values(client, data, periods, types, shown, theme):
    body = json.loads(filter_request(data.theme("lav-nye-services"), [], []))
    body["inputs"][0]["value"], body["inputs"][1]["value"], body["inputs"][2]["value"] = periods, types, shown
    body["state"] = [{"id": {"role": "view-query", "theme": "lav-nye-services"}, "property": "data", "value": shown}]
    for group in body["outputs"]:
        for output in group if isinstance(group, list) else [group]:
            output["id"]["theme"] = theme
    response = client.post(PATH, json=body)
    _assert_safe(response)
    assert response.status_code in (200, 204)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERIES.map(lambda q: "?" + q) | JSON)
def test_words_callback_survives_any_view_state(client, data, query):
    pages = tuple(t.slug for t in data.page_themes)
    response = client.post(PATH, data=follow_up_request(data.theme("styr-processen"), query, pages),
                           content_type="application/json")
    _assert_safe(response)
    assert response.status_code == 200


@pytest.mark.parametrize("body", [b"", b"{", b"[]", b"null", b'{"output": 1}', b"\xff\xfe", b"{" * 10000,
                                  b"[" * 100_000 + b"]" * 100_000])  # deep JSON: no RecursionError
def test_callback_endpoint_refuses_broken_bodies(client, body):
    response = client.post(PATH, data=body, content_type="application/json")
    _assert_safe(response)
    assert response.status_code == 400


def test_unknown_bundle_path_is_404_not_500(client):
    response = client.get("/_dash-component-suites/dash/deps/react-dom@99.0.0.min.js")
    assert response.status_code == 404
