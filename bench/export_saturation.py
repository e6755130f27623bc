"""Exports can't starve pages: slide decks at the largest scale fetched by many clients at once,
while /healthz and the filter callback are measured beside them.

    .venv/bin/python -m bench.export_saturation [--exporters 12] [--seconds 20]

Prints /healthz and filter-callback latency during the run, and how the exports were answered
(200 drawn, 503 turned away with Retry-After) with the longest any of them took. Targets
(issue »Stays up under abuse«): /healthz p95 <= 100 ms, callback p95 <= 250 ms, no export
longer than its timeout. tests/test_export_isolation.py runs a bounded form.
"""

import argparse
import http.client
import threading
import time
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlparse

from bench.callback_request import PATH, filter_request
from bench.common import print_table, production_server, summary
from dashboard.data import load_dataset

EXPORT = "/export/lav-nye-services.pptx?skala=4"


@dataclass
class Saturation:
    healthz_ms: list[float]
    callback_ms: list[float]
    export_status: Counter
    export_longest_s: float
    retry_after: set


def saturate(url: str, exporters: int, seconds: float) -> Saturation:
    host, port = urlparse(url).hostname, urlparse(url).port
    ends = time.monotonic() + seconds
    healthz, callbacks, statuses, longest, retry_after = [], [], Counter(), [0.0], set()
    lock = threading.Lock()
    theme = load_dataset().theme("lav-nye-services")
    bodies = [filter_request(theme, ["2018-2019", "2021-2023"], ["service"]), filter_request(theme, ["2021-2023"], ["proces"])]

    def exporter():
        while time.monotonic() < ends:
            connection = http.client.HTTPConnection(host, port, timeout=120)
            begun = time.perf_counter()
            connection.request("GET", EXPORT)
            response = connection.getresponse()
            response.read()
            took = time.perf_counter() - begun
            with lock:
                statuses[response.status] += 1
                longest[0] = max(longest[0], took)
                if response.status == 503:
                    retry_after.add(response.getheader("Retry-After"))
            connection.close()
            if response.status == 503:
                time.sleep(0.5)

    def prober(path, body, into):
        connection = http.client.HTTPConnection(host, port, timeout=30)
        n = 0
        while time.monotonic() < ends:
            begun = time.perf_counter()
            if body:
                connection.request("POST", path, body=bodies[n % 2], headers={"Content-Type": "application/json"})
            else:
                connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            with lock:
                into.append((time.perf_counter() - begun) * 1000)
                if response.status != 200:
                    statuses[f"{path} {response.status}"] += 1
            n += 1
            time.sleep(0.05)
        connection.close()

    threads = [threading.Thread(target=exporter) for _ in range(exporters)]
    threads += [threading.Thread(target=prober, args=("/healthz", None, healthz)) for _ in range(2)]
    threads += [threading.Thread(target=prober, args=(PATH, True, callbacks)) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Saturation(healthz, callbacks, statuses, longest[0], retry_after)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exporters", type=int, default=12)
    parser.add_argument("--seconds", type=float, default=20)
    args = parser.parse_args(argv)
    with production_server(warm_exports=True) as (url, _process):
        time.sleep(15)  # the workers' export browsers start after the fork
        result = saturate(url, args.exporters, args.seconds)
    h50, h95 = summary(result.healthz_ms)
    c50, c95 = summary(result.callback_ms)
    print_table(f"{args.exporters} clients fetching {EXPORT} for {args.seconds:g} s",
                ["measure", "value"],
                [["/healthz median / p95", f"{h50:.0f} / {h95:.0f} ms"],
                 ["filter callback median / p95", f"{c50:.0f} / {c95:.0f} ms"],
                 ["exports answered", ", ".join(f"{k}: {v}" for k, v in sorted(result.export_status.items(), key=str))],
                 ["longest export", f"{result.export_longest_s:.1f} s"],
                 ["Retry-After on 503", ", ".join(sorted(filter(None, result.retry_after))) or "–"]])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
