"""Cold page load in headless Chromium: time to the first chart drawn, and bytes transferred.

    .venv/bin/python -m bench.page_load [--runs 10] [--slow-network]
Each run is a new browser context (empty cache) against the production server on 127.0.0.1.
Target: first chart visible <= 1.0 s with <= 0.9 MB transferred.
--slow-network also measures through Chromium's network emulation of a slow office line
(SLOW_NETWORK: 10 Mbit/s down, 5 up, 40 ms round trip), where bytes and round trips count.
"""

import argparse

from playwright.sync_api import sync_playwright

from bench.common import CHROMIUM, CHROMIUM_ARGS, print_table, production_server, summary

FIRST_CHART = """
  window.__firstChart = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('.chart-card .js-plotly-plot .main-svg')) {
      window.__firstChart = performance.now(); observer.disconnect();
    }
  }).observe(document, {subtree: true, childList: true});
"""


SLOW_NETWORK = {"offline": False, "latency": 40, "downloadThroughput": 10e6 / 8, "uploadThroughput": 5e6 / 8}


def measure(base_url: str, path: str, runs: int, network: dict | None = None) -> tuple[list[float], list[int]]:
    times, sizes = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs + 1):  # the first run warms the server's workers and is not counted
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            if network:
                cdp.send("Network.emulateNetworkConditions", network)
            transferred = {}
            cdp.on("Network.loadingFinished", lambda e: transferred.__setitem__(e["requestId"], e["encodedDataLength"]))
            page.add_init_script(FIRST_CHART)
            page.goto(base_url + path)
            page.wait_for_function("() => window.__firstChart !== null", timeout=30000)
            page.wait_for_load_state("networkidle")
            times.append(page.evaluate("window.__firstChart") / 1000)
            sizes.append(sum(transferred.values()))
            context.close()
        browser.close()
    return times[1:], sizes[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--slow-network", action="store_true", help="also measure on an emulated slow line")
    args = parser.parse_args()
    networks = [("loopback", None)] + ([("10 Mbit/s, 40 ms", SLOW_NETWORK)] if args.slow_network else [])
    rows = []
    with production_server() as (url, _):
        for network, conditions in networks:
            for path in ("/lav-nye-services", "/styr-processen"):
                times, sizes = measure(url, path, args.runs, conditions)
                median, p95 = summary(times)
                rows.append([path, network, args.runs, f"{median:.2f} s", f"{p95:.2f} s", f"{max(sizes) / 1e6:.2f} MB"])
    print_table("Cold page load to first chart visible (target on loopback: <= 1.0 s, <= 0.9 MB)",
                ["page", "network", "runs", "median", "p95", "transferred"], rows)


if __name__ == "__main__":
    main()
