"""A cold load on a slow phone, as Lighthouse's mobile audit emulates one: first contentful paint,
largest contentful paint, total blocking time up to interactive, cumulative layout shift; then
what a person's first touch costs: the time until the live page has taken over, and the main
thread's blocking time from the touch until then.

    .venv/bin/python -m bench.mobile_vitals [--runs 5]
Chromium (Playwright, CDP): a 412 x 823 phone viewport, CPU slowed 4x (Emulation.setCPUThrottlingRate),
»slow 4G« (Network.emulateNetworkConditions: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip),
a new browser context per run (empty cache), against the production server on 127.0.0.1.

Two ways per page:
- untouched, as Lighthouse loads a page: the page arrives drawn and works as links; interactive is
  the end of its last long task (Lighthouse's: the start of a quiet window of QUIET_S seconds,
  waited for here). Total blocking time: the part over 50 ms of each long task between first
  contentful paint and interactive.
- touched TOUCH_AFTER_S seconds after the load event, on the page's heading (not a link): the live
  page starts then (assets/dashboard.js) and its scripts run; »live after touch« is the time until
  it has taken over (data-live on <html>), »blocking after touch« the long tasks' part over 50 ms
  from the touch until then. The layout shifts of the handover count in CLS (over 0.5 s after the touch).
Targets (issue 16): FCP <= 1.8 s, LCP <= 2.5 s, TBT <= 200 ms, CLS <= 0.02.
"""

import argparse

from playwright.sync_api import sync_playwright

from bench.common import CHROMIUM, CHROMIUM_ARGS, print_table, production_server, summary

SLOW_4G = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}
CPU_SLOWDOWN = 4
PHONE = {"width": 412, "height": 823}

OBSERVE = """
window.__vitals = {fcp: null, lcp: 0, cls: 0, longTasks: [], live: null, touch: null};
new PerformanceObserver(l => l.getEntries().forEach(e => {
  if (e.name === 'first-contentful-paint') { window.__vitals.fcp = e.startTime; }
})).observe({type: 'paint', buffered: true});
new PerformanceObserver(l => l.getEntries().forEach(e => { window.__vitals.lcp = e.startTime; }))
  .observe({type: 'largest-contentful-paint', buffered: true});
new PerformanceObserver(l => l.getEntries().forEach(e => { if (!e.hadRecentInput) { window.__vitals.cls += e.value; } }))
  .observe({type: 'layout-shift', buffered: true});
new PerformanceObserver(l => l.getEntries().forEach(e => { window.__vitals.longTasks.push([e.startTime, e.duration]); }))
  .observe({type: 'longtask', buffered: true});
window.addEventListener('touchstart', e => { if (window.__vitals.touch === null) { window.__vitals.touch = performance.now(); } },
  {capture: true, passive: true});
new MutationObserver((_, observer) => {
  if (document.documentElement.hasAttribute('data-live')) { window.__vitals.live = performance.now(); observer.disconnect(); }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-live']});
"""
QUIET_S = 5
TOUCH_AFTER_S = 2
SECONDS = ("fcp", "lcp", "tbt", "interactive", "after_touch", "blocking_after_touch")  # measured in ms, reported in s


def _blocking(long_tasks: list, start: float, end: float) -> float:
    """Milliseconds over 50 of each long task that ends after `start` and begins before `end`."""
    return sum(max(0.0, duration - 50) for begin, duration in long_tasks if begin + duration > start and begin < end)


def _untouched(page) -> dict:
    """Wait for QUIET_S seconds without a long task; interactive is the end of the last one."""
    for _ in range(20):
        page.wait_for_timeout(QUIET_S * 1000)
        vitals = page.evaluate("window.__vitals")
        now = page.evaluate("performance.now()")
        ends = [begin + duration for begin, duration in vitals["longTasks"]]
        if not ends or max(ends) < now - QUIET_S * 1000:
            break
    interactive = max([vitals["fcp"], *ends])
    return {**vitals, "interactive": interactive, "tbt": _blocking(vitals["longTasks"], vitals["fcp"], interactive)}


def _touched(page) -> dict:
    page.wait_for_timeout(TOUCH_AFTER_S * 1000)
    box = page.locator("h1:visible").first.bounding_box()
    page.touchscreen.tap(box["x"] + 10, box["y"] + box["height"] / 2)
    page.wait_for_function("() => window.__vitals.live !== null", timeout=120000)
    page.wait_for_timeout(1000)  # layout shifts after the handover count too
    vitals = page.evaluate("window.__vitals")
    before = _blocking(vitals["longTasks"], vitals["fcp"], vitals["touch"])
    return {**vitals, "tbt": before, "interactive": vitals["fcp"],
            "after_touch": (vitals["live"] - vitals["touch"]),
            "blocking_after_touch": _blocking(vitals["longTasks"], vitals["touch"], vitals["live"])}


def measure(base_url: str, path: str, runs: int, touch: bool) -> list[dict]:
    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs + 1):  # the first run warms the server and is not counted
            context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", SLOW_4G)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
            page.add_init_script(OBSERVE)
            page.goto(base_url + path, timeout=120000)
            vitals = _touched(page) if touch else _untouched(page)
            results.append({key: vitals[key] / 1000 for key in SECONDS if key in vitals} | {"cls": vitals["cls"]})
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
            for touch in (False, True):
                results = measure(url, path, args.runs, touch)
                median = {key: summary([r[key] for r in results])[0]
                          for key in SECONDS if key in results[0]}
                rows.append([path, "touched" if touch else "untouched", args.runs, f"{median['fcp']:.2f} s",
                             f"{median['lcp']:.2f} s", f"{median['tbt'] * 1000:.0f} ms",
                             f"{max(r['cls'] for r in results):.3f}",
                             "–" if touch else f"{median['interactive']:.2f} s",
                             f"{median['after_touch']:.2f} s" if touch else "–",
                             f"{median['blocking_after_touch'] * 1000:.0f} ms" if touch else "–"])
    print_table(f"Slow phone, cold (CPU /{CPU_SLOWDOWN}, 1.6 Mbit/s, 150 ms; targets FCP <= 1.8 s, LCP <= 2.5 s, "
                "TBT <= 200 ms, CLS <= 0.02). TBT: from first paint to interactive, or to the touch",
                ["page", "way", "runs", "FCP median", "LCP median", "TBT median", "CLS worst", "interactive median",
                 "live after touch", "blocking after touch"], rows)


if __name__ == "__main__":
    main()
