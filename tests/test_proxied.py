"""The documented production front, as `make start-proxied` runs it: Debian's nginx in front of
two app instances. It hides versions, serves our assets from disk with their cache headers,
compresses, keeps slow clients away from the app's threads, and keeps serving when one instance
dies. A bounded form of `python -m bench.proxied` (the long form's figures: bench/RESULTS.md)."""

import os
import re
import runpy
import signal
import urllib.request
from pathlib import Path

import pytest

from bench.proxied import load, proxied_server, slow_header_connections

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def proxied():
    with proxied_server() as server:
        yield server


def _get(url: str, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_pages_come_through_nginx_without_a_version_banner(proxied):
    status, headers, body = _get(proxied.url + "/lav-nye-services")
    assert status == 200 and b"<html" in body
    assert headers["Server"] == "nginx"  # no version, no gunicorn
    assert "Content-Security-Policy" in headers  # the app's own headers pass through
    status, headers, _body = _get(proxied.url + "/healthz")
    assert status == 200


def test_assets_come_from_disk_with_their_cache_headers_compressed(proxied):
    status, headers, _body = _get(proxied.url + "/assets/dashboard.js?m=1", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers.get("Content-Encoding") == "gzip"
    assert "ETag" in headers  # nginx's, from the file on disk
    _status, headers, _body = _get(proxied.url + "/assets/dashboard.js")
    assert headers["Cache-Control"] == "no-cache"


def test_slow_clients_do_not_hold_up_the_others(proxied):
    with slow_header_connections(proxied.host, proxied.port, 60):
        result = load(proxied.url, clients=10, seconds=3)
    assert result.errors == 0, result
    assert result.p95_ms <= 250, result


def test_killing_one_instance_loses_at_most_one_percent_and_then_nothing(proxied):
    victim = proxied.instances[0]
    result = load(proxied.url, clients=8, seconds=4, during=lambda: os.killpg(victim.pid, signal.SIGKILL), at=1.0)
    assert result.requests > 100
    assert result.errors <= result.requests * 0.01, result
    after = load(proxied.url, clients=8, seconds=2)
    assert after.errors == 0, after


def test_nginx_lets_idle_connections_go_before_gunicorn_closes_them():
    """Else a request nginx sends on a connection gunicorn is closing fails and counts against that
    instance (max_fails=1): with the other instance down, nginx answers 502 to every request for
    fail_timeout. (A full run once lost 940 of 2,065 requests here after one instance was killed.)"""
    template = (ROOT / "deploy" / "nginx.conf.template").read_text(encoding="utf-8")
    upstream = re.search(r"upstream dashboard \{(.*?)\n    \}", template, re.S).group(1)
    nginx_idle = float(re.search(r"keepalive_timeout (\d+)s;", upstream).group(1))
    assert nginx_idle < runpy.run_path(str(ROOT / "gunicorn.conf.py"))["keepalive"]
