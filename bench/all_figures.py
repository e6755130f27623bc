"""»Alle tal« with as many rows as the Statbank tables can bring: time to the first rows visible,
to the live page taking over, bytes, and the server's time to write a page.

    .venv/bin/python -m bench.all_figures [--rows 5000] [--runs 10]
The data set is the shipped one with its figures repeated under new figure ids up to --rows (in a
temporary directory, for this benchmark only: those rows are not published figures and are never
served outside it). Target (issue 18): the first rows visible <= 1 s on loopback with 5,000 rows.
"""

import argparse
import csv
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import requests
from bench.common import print_table, production_server, summary
from bench.page_load import measure

ROOT = Path(__file__).resolve().parents[1]
PATHS = ("/tal", "/tal?q=innovation", "/tal?sorter=vaerdi&orden=ned&side=25", "/tal?tema=samarbejd&periode=2021-2023")

def data_with_rows(rows: int, directory: Path) -> Path:
    """The shipped data in `directory`, its figures repeated under new ids up to `rows`."""
    target = directory / "data"
    shutil.copytree(ROOT / "data", target)
    with (target / "figures.csv").open(encoding="utf-8", newline="") as source:
        reader = csv.DictReader(source)
        header, shipped = reader.fieldnames, list(reader)
    copies = [dict(row, figure_id=f"{row['figure_id']}_bench{round_}")
              for round_ in range(1, rows // len(shipped) + 2) for row in shipped][: max(0, rows - len(shipped))]
    with (target / "figures.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(shipped + copies)
    return target


def server_times(base_url: str, path: str, runs: int) -> list[float]:
    times = []
    with requests.Session() as session:
        for _ in range(runs):
            started = time.perf_counter()
            session.get(base_url + path, timeout=30).raise_for_status()
            times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as directory:
        os.environ["DASHBOARD_DATA"] = str(data_with_rows(args.rows, Path(directory)))
        with production_server() as (url, _):
            for path in PATHS:
                first, sizes, live = measure(url, path, args.runs, first=".figure-table tbody tr")
                server = server_times(url, path, 20)
                rows.append([path, args.runs, f"{summary(first)[0]:.2f} s", f"{summary(first)[1]:.2f} s",
                             f"{summary(live)[0]:.2f} s", f"{max(sizes) / 1e6:.2f} MB",
                             f"{statistics.median(server) * 1000:.0f} ms"])
    print_table(f"»Alle tal« with {args.rows:,} rows, cold loads (target: first rows visible <= 1 s)",
                ["page", "runs", "first rows median", "p95", "interactive median", "transferred", "server, median"], rows)


if __name__ == "__main__":
    main()
