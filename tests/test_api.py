"""The open-data API (/api/v1/): its OpenAPI description is valid and the API keeps to it under
fuzzing (schemathesis), it hands out the records as `records.py` makes them, filters and pages
them exactly, revalidates with ETags, is readable from every origin and writable by none, and
says what was wrong in problem details. Runs on a bare Flask app: the Dash app isn't needed."""

import copy
from urllib.parse import urlencode

import flask
import pytest
import schemathesis
from openapi_spec_validator import OpenAPIV31SpecValidator, validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from dashboard.data import load_dataset
from dashboard.open_data import records
from dashboard.open_data.api import register_api
from dashboard.open_data.openapi import openapi_document

DATA = load_dataset()
APP = flask.Flask(__name__)
register_api(APP, DATA)
# Bounded for a 2-core machine: ~50 generated requests per operation and phase; no example database
# written into the checkout.
FUZZING = schemathesis.Config.from_dict({"generation": {"max-examples": 50, "database": "none"}})
SCHEMA = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", APP, config=FUZZING)


@pytest.fixture(scope="module")
def client():
    return APP.test_client()


def _all_figures(client, **query) -> list[dict]:
    return client.get("/api/v1/figures?" + urlencode({**query, "limit": 1000}, doseq=True)).get_json()["data"]


def test_the_description_is_valid_openapi_3_1(client):
    served = client.get("/api/v1/openapi.json").get_json()
    assert served == openapi_document(DATA)
    assert served["openapi"] == "3.1.0"
    validate(served, cls=OpenAPIV31SpecValidator)


def test_a_broken_description_is_refused():
    broken = copy.deepcopy(openapi_document(DATA))
    broken["paths"]["/api/v1/figures"]["get"]["parameters"].append({"name": "limit", "in": "nowhere"})
    with pytest.raises(OpenAPIValidationError):
        validate(broken, cls=OpenAPIV31SpecValidator)


@SCHEMA.parametrize()
def test_every_answer_keeps_to_the_description(case):
    # Every check schemathesis has: no 5xx, documented status, content type, headers and body schema,
    # 405 with Allow for undocumented methods, invalid input refused.
    case.call_and_validate()


def test_the_api_hands_out_the_records_as_they_are(client):
    assert _all_figures(client) == records.figure_records(DATA)
    themes = client.get("/api/v1/themes").get_json()["data"]
    assert themes == [records.theme_record(theme) for theme in DATA.themes]
    editions = client.get("/api/v1/editions").get_json()["data"]
    assert editions == [records.edition_record(edition) for edition in DATA.editions]
    cases = client.get("/api/v1/cases").get_json()["data"]
    assert cases == [records.case_record(case) for case in DATA.cases]
    index = client.get("/api/v1/").get_json()
    assert index["about"] == records.about_record(DATA)
    for link in index["links"].values():
        assert client.get(link).status_code == 200


def test_every_figure_and_theme_can_be_fetched_by_its_key(client):
    for record in records.figure_records(DATA):
        answer = client.get(f"/api/v1/figures/{record['id']}")
        assert answer.status_code == 200 and answer.get_json()["data"] == record
    for theme in DATA.themes:
        answer = client.get(f"/api/v1/themes/{theme.slug}").get_json()["data"]
        assert answer["slug"] == theme.slug and len(answer["charts"]) == len(theme.charts)


def test_filters_keep_exactly_the_matching_rows(client):
    found = _all_figures(client, theme="lav-nye-services", period="2021-2023")
    rows = [row for row in DATA.figures if row.theme == "lav-nye-services" and row.period == "2021-2023"]
    assert found and [f["id"] for f in found] == [records.figure_key(row) for row in rows]
    # Repeated and comma-separated values are the same filter.
    repeated = _all_figures(client, sector=["kommune", "stat"], precision="exact")
    assert repeated == _all_figures(client, sector="kommune,stat", precision="exact")
    assert repeated and {(f["sector"], f["precision"]) for f in repeated} <= {("kommune", "exact"), ("stat", "exact")}
    assert len(repeated) == sum(1 for row in DATA.figures if row.sector in ("kommune", "stat") and row.precision == "exact")
    cases = client.get("/api/v1/cases?sector=stat").get_json()
    assert cases["meta"]["total"] == sum(1 for case in DATA.cases if case.sector == "stat")
    assert all(case["sector"] == "stat" for case in cases["data"])


def test_paging_covers_every_figure_once(client):
    seen, link, pages = [], "/api/v1/figures?limit=7", 0
    while link:
        page = client.get(link).get_json()
        assert page["meta"]["total"] == len(DATA.figures) and page["meta"]["version"] == DATA.version
        seen += [figure["id"] for figure in page["data"]]
        link, pages = page["links"]["next"], pages + 1
    assert seen == [records.figure_key(row) for row in DATA.figures]
    assert pages == -(-len(DATA.figures) // 7)
    filtered = client.get("/api/v1/figures?theme=lav-nye-services&limit=3").get_json()
    assert filtered["links"]["next"] == "/api/v1/figures?theme=lav-nye-services&limit=3&offset=3"
    beyond = client.get(f"/api/v1/figures?offset={len(DATA.figures)}").get_json()
    assert beyond["data"] == [] and beyond["links"]["next"] is None


def test_an_unchanged_answer_is_revalidated_with_304(client):
    first = client.get("/api/v1/figures?period=2018-2019")
    etag = first.headers["ETag"]
    assert etag.startswith('"') and first.headers["Cache-Control"] == "public, max-age=3600"
    again = client.get("/api/v1/figures?period=2018-2019", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b"" and again.headers["ETag"] == etag
    assert "Content-Type" not in again.headers
    # A proxy that compresses the answer (nginx's gzip) hands on a weak ETag; it still revalidates.
    assert client.get("/api/v1/figures?period=2018-2019", headers={"If-None-Match": f"W/{etag}"}).status_code == 304
    assert client.get("/api/v1/figures?period=2015-2016", headers={"If-None-Match": etag}).status_code == 200


def test_every_origin_may_read_and_none_may_write(client):
    answer = client.get("/api/v1/themes", headers={"Origin": "https://example.org"})
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/api/v1/figures", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match"})
    assert preflight.status_code == 204 and preflight.data == b""
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "if-none-match" in preflight.headers["Access-Control-Allow-Headers"].lower()
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        refused = client.open("/api/v1/figures", method=method, json={"value_pct": 1})
        assert refused.status_code == 405 and refused.headers["Allow"] == "GET, HEAD, OPTIONS"
        assert refused.mimetype == "application/problem+json"
        assert refused.headers["Access-Control-Allow-Origin"] == "*"
        assert refused.get_json()["status"] == 405


def _problem(answer, status: int) -> str:
    assert answer.status_code == status and answer.mimetype == "application/problem+json"
    body = answer.get_json()
    assert body["type"] == "about:blank" and body["status"] == status and body["title"]
    assert answer.headers["Access-Control-Allow-Origin"] == "*"
    return body["detail"]


def test_a_bad_parameter_is_named_with_what_is_allowed(client):
    detail = _problem(client.get("/api/v1/figures?theme=lav-nye-servicer"), 400)
    assert "theme" in detail and "'lav-nye-servicer'" in detail
    assert all(theme.slug in detail for theme in DATA.themes)
    detail = _problem(client.get("/api/v1/figures?sektor=stat"), 400)
    assert "'sektor'" in detail and "sector" in detail
    detail = _problem(client.get("/api/v1/figures?limit=5000"), 400)
    assert "limit" in detail and "1000" in detail
    detail = _problem(client.get("/api/v1/cases?period=2021-2023"), 400)
    assert "'period'" in detail and "theme, sector" in detail


def test_unknown_keys_and_addresses_are_404_problems(client):
    detail = _problem(client.get("/api/v1/figures/no_such.2021-2023.alle.x"), 404)
    assert "'no_such.2021-2023.alle.x'" in detail
    detail = _problem(client.get("/api/v1/themes/no-such-theme"), 404)
    assert "lav-nye-services" in detail
    detail = _problem(client.get("/api/v1/no-such-collection"), 404)
    assert "/api/v1/openapi.json" in detail


def test_in_the_whole_app_the_api_keeps_its_headers_and_fails_as_problem_details(dash_app, monkeypatch):
    """The app's own after_request and error page do not reach into the API's answers."""
    client = dash_app.server.test_client()
    answer = client.get("/api/v1/figures?theme=samarbejd")
    assert answer.status_code == 200 and answer.headers["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/v1/figures?theme=samarbejd", headers={"If-None-Match": answer.headers["ETag"]}).status_code == 304

    def broken(_data):
        raise RuntimeError("a bug")

    monkeypatch.setattr("dashboard.open_data.api.records.about_record", broken)
    failed = client.get("/api/v1/")
    assert failed.status_code == 500 and failed.mimetype == "application/problem+json"
    assert failed.get_json()["status"] == 500 and "a bug" not in failed.get_data(as_text=True)
