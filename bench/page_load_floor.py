"""How soon can any page here show the dashboard's first chart? Cold load to first chart drawn, three ways,
one after the other in the same headless Chromium:

1. a static HTML page: plotly.js-basic draws the figure, no Dash, no server code (the issue's yardstick);
2. the smallest Dash page: one dcc.Graph with the same figure, served like the dashboard
   (`bench/one_chart_app.py`): Dash's own start-up, no page of ours around it;
3. the dashboard's page (Lav nye services), which arrives with its charts drawn by the server.

    .venv/bin/python -m bench.page_load_floor [--runs 10]
Row 2 is the floor for a Dash page on the machine. Issue 16's target: row 3's first chart <= 0.5 s and
<= 0.7 x row 1 in the same run; interactive (the live page has taken over) <= 1.5 s.
"""

import argparse
import contextlib
import shutil
import tempfile
from pathlib import Path

from bench.common import ROOT, folder_server, print_table, production_server, summary
from bench.one_chart_app import THEME, first_figure
from bench.page_load import measure

STATIC_PAGE = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Én figur</title>
<script src="{plotly}"></script></head>
<body><div class="chart-card"><div id="chart"></div></div>
<script type="application/json" id="figure">{figure}</script>
<script src="draw.js"></script></body></html>
"""
DRAW = """var figure = JSON.parse(document.getElementById("figure").textContent);
Plotly.newPlot("chart", figure.data, figure.layout, {responsive: true, displaylogo: false});
"""


@contextlib.contextmanager
def static_page_server():
    """The figure on a plain HTML page, served from a temporary folder on a free loopback port."""
    folder = Path(tempfile.mkdtemp(prefix="static-chart-"))
    plotly = next((ROOT / "assets").glob("plotly-basic-*.min.js"))
    shutil.copy(plotly, folder / plotly.name)
    (folder / "draw.js").write_text(DRAW, encoding="utf-8")
    figure = first_figure().to_json().replace("</", "<\\/")  # JSON inside <script>: no "</" may end it early
    (folder / "index.html").write_text(STATIC_PAGE.format(plotly=plotly.name, figure=figure), encoding="utf-8")
    try:
        with folder_server(folder) as url:
            yield url
    finally:
        shutil.rmtree(folder)


ONE_CHART_SERVER = ["--workers", "3", "--worker-class", "gthread", "--threads", "4", "--preload"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    pages = []
    with static_page_server() as url:
        pages.append(("static HTML page, plotly.js only", measure(url, "/index.html", args.runs)))
    with production_server(app="bench.one_chart_app:create_server()", config=ONE_CHART_SERVER, ready_path="/") as (url, _):
        pages.append(("smallest Dash page: one dcc.Graph", measure(url, "/", args.runs)))
    with production_server() as (url, _):
        pages.append((f"the dashboard: /{THEME}", measure(url, f"/{THEME}", args.runs)))
    rows = []
    static_median = summary(pages[0][1][0])[0]
    for name, (times, sizes, live) in pages:
        median, p95 = summary(times)
        rows.append([name, args.runs, f"{median:.2f} s", f"{p95:.2f} s", f"{median / static_median:.2f}",
                     f"{summary(live)[0]:.2f} s", f"{max(sizes) / 1e6:.2f} MB"])
    print_table("Cold load to the same first chart visible (first chart of Lav nye services, default view)",
                ["page", "runs", "median", "p95", "x static", "interactive median", "transferred"], rows)


if __name__ == "__main__":
    main()
