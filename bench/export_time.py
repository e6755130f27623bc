"""Export times from the production server on 127.0.0.1: warm PNG (2x), SVG, PDF, CSV and PPTX,
and the first export after a restart.

    .venv/bin/python -m bench.export_time [--repeats 20] [--restarts 3]
Warm: the first export of the worker is not counted. First after a restart: the server is
started as in production (each worker starts its export browser in the background right after
it forks) and, once it answers, one PNG is asked for; the same without that warm-up beside it.
Targets: warm PNG <= 400 ms; first export after a restart p95 <= 2 s; PowerPoint <= 3 s.
"""

import argparse
import time
import urllib.request

from bench.common import print_table, production_server, summary

EXPORTS = (
    ("PNG 2x", "/export/arbejdspladser-type.png?periode=2015-2016,2018-2019"),
    ("SVG", "/export/arbejdspladser-type.svg?periode=2015-2016,2018-2019"),
    ("PDF", "/export/formaal.pdf"),
    ("CSV", "/export/arbejdspladser-type.csv"),
    ("PowerPoint (4 charts)", "/export/lav-nye-services.pptx"),
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--restarts", type=int, default=3)
    args = parser.parse_args()
    first_rows = []
    for warm in (True, False):
        times = []
        for _ in range(args.restarts):
            with production_server(workers=1, warm_exports=warm) as (url, _):
                started = time.perf_counter()
                urllib.request.urlopen(url + EXPORTS[0][1], timeout=120).read()
                times.append(time.perf_counter() - started)
        median, p95 = summary(times)
        first_rows.append(["export browser started after the fork" if warm else "started by the first export",
                           args.restarts, f"{median:.2f} s", f"{max(times):.2f} s"])
    print_table("First PNG export after a restart, one worker (target: <= 2 s)",
                ["worker", "restarts", "median", "slowest"], first_rows)
    rows = []
    with production_server(workers=1) as (url, _):
        for name, path in EXPORTS:
            urllib.request.urlopen(url + path, timeout=120).read()  # warm: starts the worker's Chromium
            times = []
            for _ in range(args.repeats):
                started = time.perf_counter()
                body = urllib.request.urlopen(url + path, timeout=120).read()
                times.append(time.perf_counter() - started)
            median, p95 = summary(times)
            rows.append([name, args.repeats, f"{median * 1000:.0f} ms", f"{p95 * 1000:.0f} ms", f"{len(body) / 1000:.0f} kB"])
    print_table("Warm export time, one worker (target: PNG <= 400 ms)", ["export", "repeats", "median", "p95", "size"], rows)


if __name__ == "__main__":
    main()
