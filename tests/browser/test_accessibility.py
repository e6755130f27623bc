"""Accessibility in the browser: axe-core finds no WCAG 2.x A/AA violation on any page in
either language, and a keyboard alone can change a filter and download a chart."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from dashboard.data import load_dataset
from tests.browser.conftest import wait_for_charts, wait_for_live_page

AXE = (Path(__file__).parent / "vendor" / "axe-4.14.1.min.js").read_text(encoding="utf-8")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DANISH_PAGES = ["/"] + [f"/{t.slug}" for t in load_dataset().page_themes] + [
    "/lav-nye-services?visning=praesentation", "/styr-processen?periode=x&type=<b>y</b>",
    "/tal", "/tal?q=borgere&periode=2013-2014&sorter=vaerdi", "/data",
    "/del/lav-nye-services/arbejdspladser-type", "/indlejr/lav-nye-services/arbejdspladser-type?periode=2021-2023",
]
ENGLISH_PAGES = [page + ("&" if "?" in page else "?") + "lang=en" for page in DANISH_PAGES]
PAGES = DANISH_PAGES + ENGLISH_PAGES


@pytest.fixture
def axe_page(browser):
    # The page's Content-Security-Policy would refuse the injected axe script; the test lifts it.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_a_or_aa_violations(axe_page, base_url, path):
    axe_page.goto(base_url + path)
    wait_for_live_page(axe_page)
    if axe_page.locator(".chart-card, .embed, .presenter").count():
        axe_page.wait_for_selector(".js-plotly-plot .main-svg")
    axe_page.add_script_tag(content=AXE)
    violations = axe_page.evaluate(
        "async tags => (await axe.run(document, {runOnly: {type: 'tag', values: tags}})).violations"
        ".map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)",
        WCAG_AA,
    )
    assert violations == []


def _tab_to(page, predicate: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return
    raise AssertionError(f"never reached by Tab: {predicate}")


def test_keyboard_alone_changes_a_filter_and_downloads_a_chart(page, base_url):
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    _tab_to(page, "() => document.activeElement.classList.contains('skip-link')")
    _tab_to(page, "() => document.activeElement.value === '2015-2016'")
    page.keyboard.press("Space")
    expect(page).to_have_url(f"{base_url}/lav-nye-services?periode=2013-2014,2018-2019,2021-2023")

    _tab_to(page, "() => document.activeElement.textContent === 'Download'")
    page.keyboard.press("Enter")
    _tab_to(page, "() => document.activeElement.textContent === 'Data (CSV)'", limit=10)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "lav-nye-services_arbejdspladser-type_2013-2014_2018-2019_2021-2023.csv"


def test_each_chart_can_be_read_as_a_table_and_a_summary(page, base_url):
    page.goto(f"{base_url}/lav-nye-services?periode=2021-2023")
    wait_for_charts(page, 4)
    card = page.locator("#figur-seneste-innovation-type")
    table = card.locator("table.chart-data-table")
    expect(table).to_be_hidden()
    card.get_by_text("Vis som tabel").click()
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(4)
    expect(table).to_contain_text("Produktinnovation")
    expect(table).to_contain_text("22 %")
    summary = card.locator(".chart-summary")
    expect(summary).to_have_count(1)
    assert "Produktinnovation 22 % i 2021-2023" in summary.text_content().replace("\u00a0", " ")

    page.locator("fieldset:has(legend:text-is('Periode')) label:text-is('2018-2019')").click()  # the table follows the filter
    expect(table.locator("tbody tr")).to_have_count(7)  # a row per published value: produkt 2018-2019 was not
    expect(table.locator("tfoot")).to_have_text("Ikke offentliggjort: Produktinnovation 2018-2019")
