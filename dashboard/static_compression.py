"""Script and style files compressed once, not on every request.

Flask-Compress compresses each response as it goes out. For the script and style files every new
visitor downloads (0.8 MB, plotly.js most of it) that cost ~60 ms of server CPU per page view
and held the files back ~0.2 s on a cold load. Those files are the same for every visitor, so
each is compressed once, harder than on the fly (brotli 9 instead of 4: plotly.js 0.18 s once,
11 % smaller), and served from memory; Flask-Compress leaves a response alone once it names its
encoding. `warm` compresses a page's files before the workers fork.

Why not Flask-Compress's own cache (COMPRESS_CACHE_BACKEND/COMPRESS_CACHE_KEY): its one
COMPRESS_BR_LEVEL is used for every response, the filter callback's too. At level 9 a filter
answer (35 kB of JSON) takes 5.96 ms to compress, against 0.17 ms at level 4 (measured
2026-11-30, Lav nye services): 35x the CPU of every filter change for 8 % fewer bytes. And its
cache fills per worker on a visitor's first request (plotly.js: 0.18 s each time a worker
starts), where these files are compressed once, before gunicorn forks, and shared.
"""

import gzip
import re
import threading
import zlib

import brotli
from flask import Flask, Request, Response, request
from werkzeug.http import parse_accept_header

# Best first; what a browser accepts decides which one it gets.
ENCODINGS = {
    "br": lambda data: brotli.compress(data, quality=9),
    "gzip": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
}
COMPRESSIBLE = {"text/javascript", "application/javascript", "text/css", "application/json"}
MIN_SIZE = 500


def is_static_file(req: Request) -> bool:
    """Files Dash serves from disk (our assets, the component packages' bundles): a fixed set, so
    the compressed copies kept are bounded; pages, callbacks and exports are not among them."""
    return req.path.startswith(("/assets/", "/_dash-component-suites/"))


def accepted_encoding(header: str) -> str | None:
    """Of our encodings, the one an Accept-Encoding header rates best (ours first among equals)."""
    return parse_accept_header(header).best_match(ENCODINGS)


class CompressedFiles:
    """The compressed bodies, keyed by path, content checksum and encoding; each compressed once."""

    def __init__(self):
        self._bodies: dict[tuple[str, int, str], bytes] = {}
        self._lock = threading.Lock()

    def body(self, key: tuple[str, int, str], data: bytes) -> bytes:
        with self._lock:
            found = self._bodies.get(key)
        if found is None:
            found = ENCODINGS[key[-1]](data)
            with self._lock:
                self._bodies.setdefault(key, found)
        return found


def install(server: Flask) -> None:
    files = CompressedFiles()

    @server.after_request
    def compress_static(response: Response) -> Response:
        encoding = accepted_encoding(request.headers.get("Accept-Encoding", ""))
        if (
            encoding is None
            or request.method != "GET"
            or response.status_code != 200
            or "Content-Encoding" in response.headers
            or response.mimetype not in COMPRESSIBLE
            or not is_static_file(request)
        ):
            return response
        response.direct_passthrough = False
        data = response.get_data()
        if len(data) < MIN_SIZE:
            return response
        # Keyed by the file's path and content, not the query: `?m=` fingerprints are the client's to make up.
        response.set_data(files.body((request.path, zlib.crc32(data), encoding), data))
        response.headers["Content-Encoding"] = encoding
        response.vary.add("Accept-Encoding")
        etag, weak = response.get_etag()
        if etag:
            response.set_etag(f"{etag}:{encoding}", weak=weak)
        # A browser revalidating its copy names the compressed file's ETag; answer 304 when it still holds.
        return response.make_conditional(request)


def warm(server: Flask, path: str = "/") -> int:
    """Compress, in every encoding, each script and style the page at `path` names; returns how many."""
    client = server.test_client()
    page = client.get(path).get_data(as_text=True)
    addresses = set(re.findall(r'(?:src|href)="(/(?:assets|_dash-component-suites)/[^"]+)"', page))
    for address in addresses:
        for encoding in ENCODINGS:
            client.get(address, headers={"Accept-Encoding": encoding})
    return len(addresses)
