"""Warm export times of PNG (2x), SVG and PPTX from the production server on 127.0.0.1.

    .venv/bin/python -m bench.export_time [--repeats 20]
The first export of each worker starts its Chromium and is not counted.
Target: warm PNG <= 400 ms.
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
    args = parser.parse_args()
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
