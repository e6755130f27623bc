"""Filter change to chart repainted, in headless Chromium against the production server.

    .venv/bin/python -m bench.filter_repaint [--changes 50]
Toggles the period 2015-2016 on the Lav nye services page and measures, in the page, from
the click to Plotly's `plotly_afterplot` of the first chart, and of the last chart. Before the
next click it waits until the page has settled (no Dash callback pending, as when a person
looks at the result): the charts in words follow the charts in a callback of their own.
Target: median <= 110 ms.
"""

import argparse

from playwright.sync_api import sync_playwright

from bench.common import CHROMIUM, CHROMIUM_ARGS, print_table, production_server, start_live, summary

# Settled: no callback in Dash's own record of them (window.store is the renderer's Redux store).
TOGGLE_AND_WAIT = """async (label) => {
  const settled = () => new Promise(resolve => {
    const check = () => {
      const callbacks = window.store.getState().callbacks;
      const busy = ['requested', 'prioritized', 'blocked', 'executing', 'watched', 'executed', 'stored']
        .some(list => callbacks[list].length);
      if (busy) { setTimeout(check, 10); } else { requestAnimationFrame(() => setTimeout(resolve, 20)); }
    };
    setTimeout(check, 10);
  });
  const graphs = [...document.querySelectorAll('.chart-card .js-plotly-plot')];
  const start = performance.now();
  const drawn = graphs.map(gd => new Promise(resolve => gd.once('plotly_afterplot', () => resolve(performance.now()))));
  const timeout = new Promise(resolve => setTimeout(() => resolve(NaN), 5000));
  [...document.querySelectorAll('fieldset label')].find(l => l.textContent === label).click();
  const first = await Promise.race([drawn[0], timeout]);
  const all = await Promise.race([Promise.all(drawn).then(times => Math.max(...times)), timeout]);
  await settled();
  return [first - start, all - start];
}"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=50)
    args = parser.parse_args()
    with production_server() as (url, _), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + "/lav-nye-services")
        start_live(page)
        page.wait_for_selector(".chart-card .js-plotly-plot .main-svg")
        page.wait_for_timeout(500)
        for _ in range(6):  # both states once through every worker's cache, not counted
            page.evaluate(TOGGLE_AND_WAIT, "2015-2016")
        first, last = [], []
        for _ in range(args.changes):
            first_ms, last_ms = page.evaluate(TOGGLE_AND_WAIT, "2015-2016")
            first.append(first_ms)
            last.append(last_ms)
        browser.close()
    rows = [[name, args.changes, f"{summary(values)[0]:.0f} ms", f"{summary(values)[1]:.0f} ms"]
            for name, values in (("first chart repainted", first), ("all four charts repainted", last))]
    print_table("Filter change to repaint (target median <= 110 ms)", ["measure", "changes", "median", "p95"], rows)


if __name__ == "__main__":
    main()
