"""What the server adds: health check, security and cache headers, compression, the partial
plotly.js bundle, and a Danish error page instead of a traceback."""

import base64
import hashlib
import io
import json
import re
from pathlib import Path

import pytest
from plotly.offline import get_plotlyjs_version

from dashboard.dash_internals import LIVE_START
from dashboard.serving import error_page

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def client(dash_app):
    return dash_app.server.test_client()


def test_healthz_reports_status_and_data_version(client, data):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.data)
    assert body["status"] == "ok"
    assert body["data_version"] == data.version and body["latest_period"] == "2021-2023"


def test_security_headers_on_pages(client):
    headers = client.get("/lav-nye-services").headers
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    script_src = re.search(r"script-src ([^;]+)", policy).group(1).split()
    assert script_src[0] == "'self'" and all(s.startswith("'sha256-") for s in script_src[1:])
    assert "unsafe-inline" not in re.search(r"script-src [^;]+", policy).group(0)
    assert "http" not in policy  # no external origins
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def _inline_scripts_not_allowed(page: str, policy: str) -> list[str]:
    """The executable inline scripts of `page` whose SHA-256 is not in the policy's script-src
    (computed from the page as served, not from the app's own list of hashes)."""
    script_src = re.search(r"script-src ([^;]+)", policy).group(1).split()
    page = re.sub(r"<!--.*?-->", "", page, flags=re.S)  # Dash's <!--[if IE]> alert is a comment to a browser
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", page, re.S)
    hashes = {script: "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"
              for script in inline if script.strip()}
    return [script[:60] for script, digest in hashes.items() if digest not in script_src]


def test_every_inline_script_of_the_page_is_allowed_by_hash(client):
    for path in ("/", "/lav-nye-services", "/lav-nye-services?lang=en&visning=praesentation", "/findes-ikke"):
        page = client.get(path)
        text = page.get_data(as_text=True)
        assert re.search(r"<script(?![^>]*src=)[^>]*>\s*\S", re.sub(r"<!--.*?-->", "", text, flags=re.S))  # Dash's start-up
        assert _inline_scripts_not_allowed(text, page.headers["Content-Security-Policy"]) == [], path


def test_the_csp_check_fails_on_a_page_with_an_inline_script_the_policy_does_not_name(client):
    page = client.get("/lav-nye-services")
    tampered = page.get_data(as_text=True).replace("</body>", "<script>alert(1)</script></body>", 1)
    assert _inline_scripts_not_allowed(tampered, page.headers["Content-Security-Policy"]) == ["alert(1)"]


def test_fingerprinted_assets_are_cached_for_a_year_and_compressed(client):
    page = client.get("/lav-nye-services").get_data(as_text=True)
    css = re.search(r'href="(/assets/02-dashboard[.]css[?]m=[^"]+)"', page).group(1)
    response = client.get(css, headers={"Accept-Encoding": "br"})
    assert "max-age=31536000" in response.headers["Cache-Control"]
    assert response.headers["Content-Encoding"] == "br"


def test_pages_use_the_vendored_partial_plotly_bundle_of_the_shipped_version(client):
    bundles = list((ROOT / "assets").glob("plotly-basic-*.min.js"))
    assert len(bundles) == 1
    header = bundles[0].read_text(encoding="utf-8")[:200]
    assert f"v{get_plotlyjs_version()}" in header and "basic" in header
    page = client.get("/lav-nye-services").get_data(as_text=True)
    assert bundles[0].name in page
    assert "package_data/plotly.min.js" not in page


def test_pages_leave_out_scripts_no_page_needs_but_keep_the_regenerator_runtime(client):
    page = client.get("/styr-processen").get_data(as_text=True)
    scripts = re.findall(r'data-held-src="([^"]+)"', page)
    assert scripts and not [s for s in scripts if "polyfill" in s or "dash_table" in s]
    assert any("/assets/00-regenerator-runtime-" in s for s in scripts)
    assert any("dash_renderer" in s for s in scripts) and any("dash_core_components" in s for s in scripts)


def test_a_drawn_page_runs_one_small_script_and_holds_the_live_pages_back(client):
    """The page works as drawn; the live page's scripts run when a person uses it (dashboard.js)."""
    page = client.get("/styr-processen").get_data(as_text=True)
    assert not re.search(r"<script src=", page)  # nothing blocks the paint
    ran = re.findall(r'<script defer src="([^"]+)"', page)
    assert [src.split("?")[0] for src in ran] == ["/assets/dashboard.js", "/assets/live_start.js"]
    held = re.findall(r'<script type="application/x-held" data-held-src="([^"]+)"></script>', page)
    prefetched = re.findall(r'<link rel="prefetch" as="script" href="([^"]+)">', page)
    assert len(held) >= 8 and held == prefetched[:len(held)]  # fetched meanwhile, at low priority, in order
    assert f'addEventListener("{LIVE_START}"' in page and "new DashRenderer()" in page
    assert f'"{LIVE_START}"' in (ROOT / "assets" / "live_start.js").read_text(encoding="utf-8")


def test_the_presenter_view_runs_its_scripts_at_once(client):
    """A speaker steps through the slides with the live page, and its charts take the screen's
    size: it starts at once, its slides drawn or not (tests/test_server_view.py)."""
    page = client.get("/lav-nye-services?visning=praesentation").get_data(as_text=True)
    assert "presenter-graph" in page and "data-held-src" not in page
    ran = [src.split("?")[0] for src in re.findall(r'<script defer src="([^"]+)"', page)]
    assert any("dash_renderer" in src for src in ran)
    # The drawn view's own scripts come first: it shows the slide the address names, and steps,
    # before Dash's scripts have loaded.
    assert ran[:2] == ["/assets/dashboard.js", "/assets/live_start.js"]


def test_an_error_shows_a_danish_page_without_traceback(dash_app, monkeypatch):
    def broken():
        raise RuntimeError("secret internal detail")

    monkeypatch.setitem(dash_app.server.view_functions, "healthz", broken)
    response = dash_app.server.test_client().get("/healthz")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert body == error_page("da") and "Der skete en fejl" in body and '<html lang="da">' in body
    assert "secret internal detail" not in body and "Traceback" not in body
    english = dash_app.server.test_client().get("/healthz?lang=en").get_data(as_text=True)
    assert "Something went wrong" in english and '<html lang="en">' in english and 'href="/?lang=en"' in english


# --- Clean edges: what a production server answers outside the pages ---

def test_unknown_addresses_answer_404_with_the_not_found_page(client, data):
    for path in ("/.env", "/admin", "/findes-ikke", "/lav-nye-services/x"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "<html" in response.get_data(as_text=True)  # the app shell, which shows »Siden findes ikke«
    for path in ["/", *(f"/{t.slug}" for t in data.page_themes)]:
        assert client.get(path).status_code == 200, path
    assert client.get("/export/nope.csv").status_code == 404


def test_development_routes_and_source_maps_are_404(client):
    assert client.get("/_reload-hash").status_code == 404
    assert client.get("/_dash-component-suites/dash/dash-renderer/build/dash_renderer.v4_0_0m1.min.js.map").status_code == 404


def test_plain_text_and_csv_answers_name_their_charset_once(client):
    for path in ("/export/nope.csv", "/export/forloeb.csv"):
        content_type = client.get(path).headers["Content-Type"]
        assert content_type.count("charset") == 1, content_type


def test_a_body_over_the_limit_is_refused_however_it_is_sent(client):
    from dashboard.serving import CALLBACK_PATH, MAX_CALLBACK_BODY

    big = _CountingStream(b"[" + b"0," * 10 * MAX_CALLBACK_BODY + b"0]")  # 5 MB
    # No Content-Length: the body is read as it comes (chunked), as gunicorn passes it on.
    response = client.post(CALLBACK_PATH, input_stream=big, content_type="application/json",
                           environ_overrides={"wsgi.input_terminated": True, "CONTENT_LENGTH": ""},
                           headers={"Transfer-Encoding": "chunked"})
    assert response.status_code in (400, 413)
    assert big.bytes_read <= MAX_CALLBACK_BODY + 65536  # the rest is never read
    deep = b"[" * 100_000 + b"]" * 100_000
    response = client.post(CALLBACK_PATH, data=deep[: MAX_CALLBACK_BODY - 1], content_type="application/json")
    assert response.status_code == 400



class _CountingStream(io.BytesIO):
    def __init__(self, body: bytes):
        super().__init__(body)
        self.bytes_read = 0

    def read(self, size=-1):
        part = super().read(size)
        self.bytes_read += len(part)
        return part

    def readinto(self, buffer):
        count = super().readinto(buffer)
        self.bytes_read += count
        return count


def test_the_host_header_is_never_written_into_the_page(client, monkeypatch):
    page = client.get("/lav-nye-services?periode=2021-2023", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert "evil.example" not in page
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://innovationsbarometer.example")
    page = client.get("/lav-nye-services?periode=2021-2023", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert "evil.example" not in page
    assert '<meta property="og:url" content="https://innovationsbarometer.example/lav-nye-services?periode=2021-2023">' in page
    assert '<link rel="canonical" href="https://innovationsbarometer.example/lav-nye-services?periode=2021-2023">' in page
