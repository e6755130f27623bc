"""Throughput and latency of the filter callback, or of the server-drawn pages, under concurrent
clients, on 127.0.0.1 only.

    .venv/bin/python -m bench.callback_load [--seconds 30] [--clients 1,10,50] [--url URL] [--pages]
Each client is a thread with a keep-alive connection that posts filter changes (cycling
through every period and type combination) for a bounded time; with --pages it asks for the
pages themselves (every theme and the overview, in both languages, their default views: from the
cache of drawn pages). Without --url it starts the production server itself. Exits 1 if any
request failed, so it doubles as a load test.
Targets at 50 clients: callback >= 300 requests/s, p95 <= 150 ms; pages >= 200 pages/s, p95 <= 250 ms;
zero errors.
"""

import argparse
import http.client
import itertools
import sys
import threading
import time
from urllib.parse import urlparse

from bench.callback_request import PATH, filter_request
from bench.common import print_table, production_server, summary
from dashboard.data import load_dataset
from dashboard.i18n import LANGUAGES
from dashboard.state import ALL_TYPES, ViewState
from dashboard.vocabulary import PERIODS


def _bodies() -> list[tuple[str, str, bytes | None]]:
    """(method, path, body) of every filter change."""
    data = load_dataset()
    subsets = lambda items: [list(c) for n in range(1, len(items) + 1) for c in itertools.combinations(items, n)]  # noqa: E731
    return [
        ("POST", PATH, filter_request(theme, periods, types))
        for theme in data.page_themes
        for periods in subsets(PERIODS)
        for types in subsets(ALL_TYPES)
    ]


def _pages() -> list[tuple[str, str, None]]:
    """(method, path, body) of every page's default view in every language."""
    data = load_dataset()
    return [("GET", ViewState(lang=lang).link(path), None)
            for path in ["/", *(f"/{t.slug}" for t in data.page_themes)] for lang in LANGUAGES]


def _client(host: str, port: int, bodies, offset: int, deadline: float, latencies: list, errors: list) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=10)
    for method, path, body in itertools.islice(itertools.cycle(bodies), offset, None):
        if time.monotonic() >= deadline:
            break
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers={"Content-Type": "application/json", "Accept-Encoding": "gzip"})
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(response.status)
        except (OSError, http.client.HTTPException) as error:
            errors.append(type(error).__name__)
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=10)
            continue
        latencies.append(time.perf_counter() - started)
    connection.close()


def run(base_url: str, clients: int, seconds: float, bodies) -> dict:
    parsed = urlparse(base_url)
    assert parsed.hostname in ("127.0.0.1", "localhost", "::1"), "load is only ever sent to this machine"
    latencies, errors = [], []
    deadline = time.monotonic() + seconds
    threads = [
        threading.Thread(target=_client, args=(parsed.hostname, parsed.port, bodies, i * 37, deadline, latencies, errors))
        for i in range(clients)
    ]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + 30)
    elapsed = time.monotonic() - started
    p50, p95 = summary(latencies) if latencies else (float("nan"), float("nan"))
    return {"clients": clients, "requests": len(latencies), "rps": len(latencies) / elapsed, "p50": p50, "p95": p95,
            "errors": len(errors)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", default="1,10,50")
    parser.add_argument("--url", help="an already running server on this machine")
    parser.add_argument("--pages", action="store_true", help="ask for the server-drawn pages instead")
    args = parser.parse_args()
    bodies = _pages() if args.pages else _bodies()

    def measure(url):
        run(url, 4, min(3, args.seconds), bodies)  # warm every worker's cache a little first
        return [run(url, int(n), args.seconds, bodies) for n in args.clients.split(",")]

    if args.url:
        results = measure(args.url)
    else:
        with production_server() as (url, _):
            results = measure(url)
    print_table(
        (f"Server-drawn pages under load, {args.seconds:g} s per level (target at 50 clients: >= 200 pages/s, p95 <= 250 ms, 0 errors)"
         if args.pages else
         f"Filter callback under load, {args.seconds:g} s per level (target at 50 clients: >= 300 req/s, p95 <= 150 ms, 0 errors)"),
        ["clients", "requests", "requests/s", "p50", "p95", "errors"],
        [[r["clients"], r["requests"], f"{r['rps']:.0f}", f"{r['p50'] * 1000:.1f} ms", f"{r['p95'] * 1000:.1f} ms", r["errors"]]
         for r in results],
    )
    failed = sum(r["errors"] for r in results)
    if failed:
        print(f"\n{failed} request(s) failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
