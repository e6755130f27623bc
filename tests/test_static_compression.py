"""Script and style files are compressed once and served from memory, in the encoding the browser accepts."""

import gzip
import re
from pathlib import Path

import brotli
import pytest
from flask import Flask, Response, send_file

from dashboard import static_compression
from dashboard.static_compression import accepted_encoding

ROOT = Path(__file__).resolve().parents[1]
PLOTLY = next((ROOT / "assets").glob("plotly-basic-*.min.js"))


@pytest.fixture(scope="module")
def client(dash_app):
    return dash_app.server.test_client()


@pytest.fixture
def compressions(monkeypatch):
    """Counts how often each encoding compresses something."""
    counts = {name: 0 for name in static_compression.ENCODINGS}
    for name, compress in list(static_compression.ENCODINGS.items()):
        def counted(data, name=name, compress=compress):
            counts[name] += 1
            return compress(data)
        monkeypatch.setitem(static_compression.ENCODINGS, name, counted)
    return counts


def page_files(client) -> list[str]:
    page = client.get("/lav-nye-services").get_data(as_text=True)
    return re.findall(r'(?:src|href)="(/(?:assets|_dash-component-suites)/[^"]+)"', page)


@pytest.mark.parametrize(("accept", "expected"), [
    ("gzip, deflate, br, zstd", "br"),
    ("gzip, br;q=0", "gzip"),
    ("br; q=0, gzip;q=0", None),
    ("identity", None),
    ("", None),
])
def test_the_best_encoding_the_browser_accepts_is_chosen(accept, expected):
    assert accepted_encoding(accept) == expected


def test_a_fingerprinted_file_comes_compressed_in_the_accepted_encoding_and_unchanged(client):
    original = PLOTLY.read_bytes()
    address = f"/assets/{PLOTLY.name}?m=1"
    as_br = client.get(address, headers={"Accept-Encoding": "gzip, br"})
    assert as_br.headers["Content-Encoding"] == "br" and "Accept-Encoding" in as_br.headers["Vary"]
    assert brotli.decompress(as_br.data) == original
    assert int(as_br.headers["Content-Length"]) == len(as_br.data) < len(original) / 3
    as_gzip = client.get(address, headers={"Accept-Encoding": "gzip"})
    assert as_gzip.headers["Content-Encoding"] == "gzip" and gzip.decompress(as_gzip.data) == original
    plain = client.get(address, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers and plain.data == original
    assert as_br.headers["ETag"] != as_gzip.headers["ETag"] != plain.headers["ETag"]


@pytest.fixture
def small_server():
    """A Flask app serving one script file, a page naming it, and JSON that is not a file."""
    server = Flask(__name__)
    server.add_url_rule("/", "page", view_func=lambda: f'<script src="/assets/{PLOTLY.name}?m=1"></script>')
    server.add_url_rule("/assets/<name>", "asset", view_func=lambda name: send_file(PLOTLY, mimetype="text/javascript"))
    server.add_url_rule("/data.json", "data", view_func=lambda: Response(PLOTLY.read_bytes(), mimetype="application/json"))
    static_compression.install(server)
    return server


def test_each_file_is_compressed_once_whatever_fingerprint_the_client_sends(small_server, compressions):
    client = small_server.test_client()
    for attempt in range(3):
        response = client.get(f"/assets/{PLOTLY.name}?m=made-up-{attempt}", headers={"Accept-Encoding": "br"})
        assert brotli.decompress(response.data) == PLOTLY.read_bytes()
    assert compressions == {"br": 1, "gzip": 0}


def test_responses_that_are_not_files_from_disk_are_not_kept(small_server, compressions):
    client = small_server.test_client()
    assert "Content-Encoding" not in client.get("/data.json", headers={"Accept-Encoding": "br"}).headers
    assert sum(compressions.values()) == 0


def test_warming_compresses_every_file_a_page_names_so_visitors_never_wait_for_it(small_server, compressions):
    assert static_compression.warm(small_server) == 1
    assert compressions == {"br": 1, "gzip": 1}
    client = small_server.test_client()
    for encoding in ("br", "gzip"):
        assert client.get(f"/assets/{PLOTLY.name}?m=1", headers={"Accept-Encoding": encoding}).status_code == 200
    assert compressions == {"br": 1, "gzip": 1}


def test_the_app_serves_every_file_of_its_pages_compressed_from_memory(dash_app, client):
    assert static_compression.warm(dash_app.server) == len(set(page_files(client))) >= 10
    response = client.get(f"/assets/{PLOTLY.name}?m=1", headers={"Accept-Encoding": "br"})
    # compressed harder than Flask-Compress does on the fly, and whole (not streamed): its length is known
    assert response.data == brotli.compress(PLOTLY.read_bytes(), quality=9)
    assert int(response.headers["Content-Length"]) == len(response.data)


def test_a_browser_revalidating_its_compressed_copy_gets_304(small_server):
    client = small_server.test_client()
    first = client.get(f"/assets/{PLOTLY.name}?m=1", headers={"Accept-Encoding": "br"})
    again = client.get(f"/assets/{PLOTLY.name}?m=1", headers={"Accept-Encoding": "br", "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    other = client.get(f"/assets/{PLOTLY.name}?m=1", headers={"Accept-Encoding": "gzip", "If-None-Match": first.headers["ETag"]})
    assert other.status_code == 200 and gzip.decompress(other.data) == PLOTLY.read_bytes()


def test_other_responses_are_left_to_flask_compress(client, compressions):
    response = client.get("/lav-nye-services", headers={"Accept-Encoding": "br"})
    assert response.headers["Content-Encoding"] == "br"
    layout = client.get("/_dash-layout", headers={"Accept-Encoding": "gzip"})
    assert layout.status_code == 200
    assert sum(compressions.values()) == 0
