"""What a person sees on the theme pages, in real headless Chromium."""

import re

import pytest
from playwright.sync_api import expect

from dashboard.data import load_dataset
from dashboard.state import ViewState
from tests.browser.conftest import chart, screenshot, toggle, wait_for_charts

THEMES = {
    "styr-processen": {"title": "Styr processen", "headline": "30 %", "charts": 3},
    "lav-nye-services": {"title": "Lav nye services", "headline": "43 %", "charts": 4},
}


@pytest.mark.parametrize("slug", THEMES)
def test_theme_page_shows_title_headline_charts_and_cases(page, console, base_url, slug):
    expected = THEMES[slug]
    page.goto(f"{base_url}/{slug}")
    wait_for_charts(page, expected["charts"])

    expect(page.locator("h1")).to_have_text(expected["title"])
    assert page.locator("html").get_attribute("lang") == "da"
    expect(page.locator(".headline-value")).to_have_text(expected["headline"])
    expect(page.locator(".chart-card")).to_have_count(expected["charts"])
    for card in page.locator(".chart-card").all():
        expect(card.locator(".chart-subtitle")).to_contain_text("100 %")
        expect(card.locator(".chart-footer")).to_contain_text("Kilde:")
    assert page.locator(".case-card").count() >= 3
    expect(page).to_have_title(re.compile(expected["title"]))
    screenshot(page, f"{slug}-1280")
    assert console.errors == []


def test_headline_tile_says_what_it_measures_with_period_and_n(page, base_url):
    page.goto(f"{base_url}/lav-nye-services")
    tile = page.locator(".headline-tile")
    expect(tile).to_contain_text("af de offentlige arbejdspladser har indført nye eller væsentligt ændrede services")
    expect(tile).to_contain_text("Periode: 2015-2016")
    expect(tile).to_contain_text("Antal observationer: 2.362")


def test_period_filter_changes_the_charts(page, console, base_url):
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    latest = chart(page, "seneste-innovation-type")
    expect(latest).to_contain_text("79 %")
    expect(latest.locator(".chart-subtitle")).to_contain_text("2018-2019 og 2021-2023")

    toggle(page, "Periode", "2021-2023")

    expect(latest).not_to_contain_text("79 %")
    expect(latest).to_contain_text("81 %")
    expect(latest.locator(".chart-subtitle")).to_contain_text("Periode: 2018-2019")
    expect(latest.locator(".chart-subtitle")).not_to_contain_text("2021-2023")
    assert page.url.startswith(f"{base_url}/lav-nye-services")  # no reload, no navigation
    assert console.errors == []


# What each chart on the page has drawn: its traces' positions and texts, and its notes.
DRAWN_CHARTS = """[...document.querySelectorAll('.chart-card .js-plotly-plot')].map(g => JSON.stringify(
  [g.data.map(t => [t.x, t.y, t.text]), (g.layout.annotations || []).map(a => a.text)]))"""


def _drawn_charts(page) -> list[str]:
    return page.evaluate(f"() => {DRAWN_CHARTS}")


# A busy browser: animation frames wait until released, so several answers arrive before the next frame.
HOLD_FRAMES = """() => { window.heldFrames = []; window.realFrame = window.requestAnimationFrame;
  window.requestAnimationFrame = callback => window.heldFrames.push(callback); }"""
RELEASE_FRAMES = """() => { window.requestAnimationFrame = window.realFrame; window.heldFrames.forEach(f => window.realFrame(f)); }"""


def test_quick_filter_changes_end_on_the_last_view_in_every_chart(page, browser, base_url):
    # Answers to quick changes overlap; the page must end on the last view in every chart,
    # also when the browser is too busy to draw between answers.
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    page.evaluate(HOLD_FRAMES)
    for label in ("2021-2023", "2018-2019", "2015-2016", "2021-2023", "Service", "Service"):
        toggle(page, "Innovationstype" if label == "Service" else "Periode", label)
    final = ViewState(periods=("2013-2014", "2021-2023")).link("/lav-nye-services")
    expect(page).to_have_url(base_url + final)
    page.wait_for_load_state("networkidle")
    page.evaluate(RELEASE_FRAMES)

    fresh = browser.new_page(viewport={"width": 1280, "height": 900})
    fresh.goto(base_url + final)
    wait_for_charts(fresh, 4)
    expected = _drawn_charts(fresh)
    fresh.close()
    page.wait_for_function(f"expected => JSON.stringify({DRAWN_CHARTS}) === JSON.stringify(expected)",
                           arg=expected, timeout=10000)
    page.wait_for_timeout(1000)
    assert _drawn_charts(page) == expected


def test_type_filter_changes_charts_and_cases(page, console, base_url):
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    by_type = chart(page, "arbejdspladser-type")
    cases = page.locator(".case-column")
    expect(by_type).to_contain_text("Serviceinnovation")
    expect(cases).to_contain_text("Skat i balance")
    expect(cases).to_contain_text("Betalingskort erstatter kontanter")

    toggle(page, "Innovationstype", "Service")

    expect(by_type).not_to_contain_text("Serviceinnovation")
    expect(by_type).to_contain_text("Kommunikationsinnovation")
    # Skat i balance is a service innovation only; the Aalborg card is also a process innovation.
    expect(cases).not_to_contain_text("Skat i balance")
    expect(cases).to_contain_text("Betalingskort erstatter kontanter")
    # The sector chart does not depend on type, and says so.
    expect(chart(page, "arbejdspladser-sektor").locator(".chart-subtitle")).to_contain_text(
        "Filteret for innovationstype gælder ikke denne figur"
    )
    assert console.errors == []


def test_cases_empty_message_when_no_case_has_the_chosen_types(page, base_url):
    page.goto(f"{base_url}/styr-processen?type=produkt")
    expect(page.locator(".case-column")).to_contain_text("Ingen cases eller værktøjer med de valgte innovationstyper")


def test_approximate_value_is_labelled_ca_and_drawn_hatched(page, base_url):
    page.goto(f"{base_url}/styr-processen")
    wait_for_charts(page, 3)
    planned = chart(page, "planlagt-proces")
    expect(planned).to_contain_text("ca. 50 %")
    # The published words are in the chart in words, and the reading guide says what »ca.« means.
    expect(planned.locator(".chart-summary")).to_contain_text("offentliggjort i ord som »kun hver anden«")
    expect(page.locator(".reading-guide")).to_contain_text("ca. = kun offentliggjort i ord")
    # The hatched pattern is drawn: Plotly renders bar patterns as SVG <pattern> fills.
    assert planned.locator("pattern").count() >= 1


def test_verbal_value_shows_its_words_without_a_bar(page, base_url):
    page.goto(f"{base_url}/styr-processen")
    wait_for_charts(page, 3)
    purpose = chart(page, "formaal")
    expect(purpose).to_contain_text("»ofte«")
    expect(purpose.locator(".bars .point")).to_have_count(1)  # only the 'changed' bar (ca. 25 %)


def test_period_without_data_says_not_published(page, console, base_url):
    page.goto(f"{base_url}/styr-processen")
    wait_for_charts(page, 3)
    toggle(page, "Periode", "2013-2014")  # leaves 2015-2016, 2018-2019, 2021-2023: nothing published

    for chart_id in ("forloeb", "planlagt-proces", "formaal"):
        card = chart(page, chart_id)
        expect(card.locator(".js-plotly-plot")).to_contain_text(
            re.compile(r"Intet offentliggjort for det valgte:\s*2015-2016, 2018-2019 og 2021-2023"))
        expect(card.locator(".bars .point")).to_have_count(0)
        expect(card.locator(".ytick")).to_have_count(0)  # one sentence, no empty axes
    assert console.errors == []


def test_gap_inside_a_published_figure_is_marked_not_drawn(page, base_url):
    page.goto(f"{base_url}/lav-nye-services?periode=2018-2019")
    wait_for_charts(page, 4)
    latest = chart(page, "seneste-innovation-type")
    expect(latest).to_contain_text("Produktinnovation")
    expect(latest).to_contain_text("Ikke offentliggjort")
    expect(latest.locator(".bars .point")).to_have_count(3)  # proces, service, kommunikation


def test_landing_page_lists_the_themes_and_links_to_them(page, console, base_url):
    page.goto(base_url + "/")
    expect(page.locator("h1")).to_have_text("Innovationsbarometeret")
    tiles = page.locator(".theme-tile")
    expect(tiles).to_have_count(len(load_dataset().page_themes))  # thirteen with data version 2
    expect(tiles.first).to_contain_text("30 %")
    page.locator(".theme-tile a", has_text="Lav nye services").click()
    expect(page.locator("h1")).to_have_text("Lav nye services")
    expect(page).to_have_url(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    assert console.errors == []


def test_unknown_address_shows_a_danish_not_found_page(page, base_url):
    page.goto(f"{base_url}/findes-ikke")
    expect(page.locator("h1")).to_have_text("Siden findes ikke")


@pytest.mark.parametrize("viewport", [{"width": 375, "height": 812}, {"width": 1920, "height": 1080}], ids=["phone", "projector"])
@pytest.mark.parametrize("slug", THEMES)
def test_page_fits_phone_and_projector_without_sideways_scrolling(page, console, base_url, slug, viewport):
    page.goto(f"{base_url}/{slug}")
    wait_for_charts(page, THEMES[slug]["charts"])
    page.wait_for_timeout(300)  # let the responsive graphs settle to their width
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    for graph in page.locator(".chart-card .js-plotly-plot").all():
        box = graph.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    screenshot(page, f"{slug}-{viewport['width']}")
    assert console.errors == []


def test_page_loads_nothing_from_outside_the_server(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    context.close()
    assert requested, "no request was seen"
    outside = [url for url in requested if not url.startswith(base_url)]
    assert outside == []
    assert any("bootstrap" in url for url in requested)
