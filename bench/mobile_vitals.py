"""A cold load on a slow phone, as Lighthouse's mobile audit emulates one: first contentful paint,
largest contentful paint, total blocking time up to interactive, cumulative layout shift.

    .venv/bin/python -m bench.mobile_vitals [--runs 5]
Chromium (Playwright, CDP): a 412 x 823 phone viewport, CPU slowed 4x (Emulation.setCPUThrottlingRate),
»slow 4G« (Network.emulateNetworkConditions: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip),
empty cache, against the production server on 127.0.0.1. Interactive: the live page has taken over
(assets/dashboard.js sets data-live on <html>; on a page without a server-drawn view, its first chart drawn). Total blocking time: the part over 50 ms of each
long task between first contentful paint and interactive.
Targets (issue 16): FCP <= 1.8 s, LCP <= 2.5 s, TBT <= 200 ms, CLS <= 0.02.
"""

import argparse

from playwright.sync_api import sync_playwright

from bench.common import CHROMIUM, CHROMIUM_ARGS, print_table, production_server, summary

SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_SLOWDOWN = 4
PHONE = {"width": 412, "height": 823}

OBSERVE = """
window.__vitals = {fcp: null, lcp: 0, cls: 0, longTasks: [], live: null};
new PerformanceObserver(l => l.getEntries().forEach(e => {
  if (e.name === 'first-contentful-paint') { window.__vitals.fcp = e.startTime; }
})).observe({type: 'paint', buffered: true});
new PerformanceObserver(l => l.getEntries().forEach(e => { window.__vitals.lcp = e.startTime; }))
  .observe({type: 'largest-contentful-paint', buffered: true});
new PerformanceObserver(l => l.getEntries().forEach(e => { if (!e.hadRecentInput) { window.__vitals.cls += e.value; } }))
  .observe({type: 'layout-shift', buffered: true});
new PerformanceObserver(l => l.getEntries().forEach(e => { window.__vitals.longTasks.push([e.startTime, e.duration]); }))
  .observe({type: 'longtask', buffered: true});
new MutationObserver((_, observer) => {
  const live = document.documentElement.hasAttribute('data-live') ||
    (!document.getElementById('ib-server-view') && document.querySelector('.chart-card .js-plotly-plot .main-svg'));
  if (live) { window.__vitals.live = performance.now(); observer.disconnect(); }
}).observe(document, {attributes: true, childList: true, subtree: true, attributeFilter: ['data-live']});
"""


def measure(base_url: str, path: str, runs: int) -> list[dict]:
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs + 1):  # the first run warms the server and is not counted
            context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            cdp.send("Network.emulateNetworkConditions", SLOW_4G)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
            page.add_init_script(OBSERVE)
            page.goto(base_url + path, timeout=120000)
            page.wait_for_function("() => window.__vitals.live !== null", timeout=120000)
            page.wait_for_timeout(1000)  # layout shifts after the handover count too
            vitals = page.evaluate("window.__vitals")
            blocking = sum(max(0.0, duration - 50) for start, duration in vitals["longTasks"]
                           if start + duration > vitals["fcp"] and start < vitals["live"])
            results.append({"fcp": vitals["fcp"] / 1000, "lcp": vitals["lcp"] / 1000, "tbt": blocking / 1000,
                            "cls": vitals["cls"], "live": vitals["live"] / 1000})
            context.close()
        browser.close()
    return results[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rows = []
    with production_server() as (url, _):
        for path in ("/lav-nye-services", "/samarbejd?lang=en"):
            results = measure(url, path, args.runs)
            medians = {key: summary([r[key] for r in results])[0] for key in results[0]}
            worst_cls = max(r["cls"] for r in results)
            rows.append([path, args.runs, f"{medians['fcp']:.2f} s", f"{medians['lcp']:.2f} s",
                         f"{medians['tbt'] * 1000:.0f} ms", f"{worst_cls:.3f}", f"{medians['live']:.2f} s"])
    print_table(f"Slow phone, cold (CPU /{CPU_SLOWDOWN}, 1.6 Mbit/s, 150 ms; targets FCP <= 1.8 s, LCP <= 2.5 s, "
                "TBT <= 200 ms, CLS <= 0.02)",
                ["page", "runs", "FCP median", "LCP median", "TBT median", "CLS worst", "interactive median"], rows)


if __name__ == "__main__":
    main()
