"""The presenter view as a speaker uses it: it fits the projector, a laptop and a small beamer
with nothing cut off; clicker keys, Home/End and Esc; the chart shown is in the address."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import screenshot, wait_for_charts

VIEW = "/lav-nye-services?periode=2018-2019,2021-2023&visning=praesentation"  # as the page writes it


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768), (1280, 720), (390, 844)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_fits_the_screen_with_nothing_cut_off(browser, base_url, size):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(base_url + VIEW)
    page.wait_for_selector(".presenter-slide:not([hidden]) .main-svg")
    for index in range(4):
        visible = page.locator(".presenter-slide:not([hidden])")
        expect(visible).to_have_attribute("data-slide", str(index))
        page.wait_for_timeout(200)  # the graph takes its new size
        for part in (".presenter-title", ".js-plotly-plot", ".presenter-source"):
            box = visible.locator(part).bounding_box()
            assert box["y"] >= 0 and box["y"] + box["height"] <= height + 0.5, (part, index, box)
        assert visible.locator(".js-plotly-plot").bounding_box()["height"] >= 150
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        if index == 0:
            screenshot(page, f"presenter-{width}x{height}")
        page.keyboard.press("PageDown")  # what a clicker sends
    context.close()


def test_the_shown_chart_is_in_the_address_and_survives_a_reload(page, base_url):
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(base_url + VIEW)
    page.wait_for_selector(".presenter-slide:not([hidden]) .main-svg")
    page.keyboard.press("ArrowRight")
    expect(page).to_have_url(base_url + VIEW + "#figur-arbejdspladser-sektor")
    page.keyboard.press("End")
    expect(page).to_have_url(base_url + VIEW + "#figur-flere-typer")
    page.reload()
    page.wait_for_selector(".presenter-slide:not([hidden]) .main-svg")
    expect(page.locator(".presenter-slide:not([hidden]) h2")).to_have_text("Innovationer, der kombinerer flere typer")
    expect(page.locator(".presenter-counter")).to_have_text("4 / 4")
    page.keyboard.press("Home")
    expect(page.locator(".presenter-counter")).to_have_text("1 / 4")


def test_escape_leaves_to_the_page_with_the_same_view(page, console, base_url):
    page.goto(base_url + VIEW + "#figur-seneste-innovation-type")
    page.wait_for_selector(".presenter-slide:not([hidden]) .main-svg")
    expect(page.locator(".presenter-counter")).to_have_text("3 / 4")
    page.keyboard.press("Escape")
    expect(page.locator(".presenter")).to_have_count(0)
    wait_for_charts(page, 4)
    expect(page).to_have_url(base_url + "/lav-nye-services?periode=2018-2019,2021-2023#figur-seneste-innovation-type")
    expect(page.locator("#figur-seneste-innovation-type")).to_be_in_viewport()
    assert console.errors == []


def test_a_phone_swipes_between_the_charts(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(base_url + VIEW)
    page.wait_for_selector(".presenter-slide:not([hidden]) .main-svg")
    page.evaluate("""() => {
      const touch = x => new Touch({identifier: 1, target: document.body, clientX: x, clientY: 400});
      document.dispatchEvent(new TouchEvent('touchstart', {changedTouches: [touch(300)], bubbles: true}));
      document.dispatchEvent(new TouchEvent('touchend', {changedTouches: [touch(100)], bubbles: true}));
    }""")
    expect(page.locator(".presenter-counter")).to_have_text("2 / 4")
    page.get_by_role("button", name="Næste →").click()
    expect(page.locator(".presenter-counter")).to_have_text("3 / 4")
    context.close()
