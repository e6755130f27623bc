"""The page arrives drawn: read and used with JavaScript off, and taken over by the live page
without a jump when it is on (dashboard/server_view, assets/dashboard.js)."""

import json
import re
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from bench.common import TAKEN_OVER
from dashboard.figures.chart_view import chart_views, slide_views
from dashboard.state import ViewState
from tests.browser.conftest import ARTIFACTS, Console, wait_for_live_page

LAYOUT_SHIFTS = """
window.ibShifts = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) { if (!entry.hadRecentInput) { window.ibShifts.push(entry.value); } });
}).observe({ type: "layout-shift", buffered: true });
"""
# What a reader reads on a theme page, by part (the same selectors on both renderings).
READ = ("h1", ".theme-intro", ".headline-tile", ".chart-title", ".chart-subtitle", ".chart-gaps-line",
        ".chart-footer", ".chart-card table", ".case-card")


@pytest.fixture(scope="module")
def charts_drawn(base_url):
    """The server has drawn the default views' charts (app.py does so right after it starts)."""
    deadline = time.time() + 120
    while time.time() < deadline:
        with urllib.request.urlopen(base_url + "/healthz") as response:
            if json.load(response)["default_charts_drawn"]:
                return base_url
        time.sleep(0.5)
    pytest.fail("the server did not draw the default views' charts within 2 minutes")


@pytest.fixture
def no_script(browser, viewport):
    context = browser.new_context(viewport=viewport, locale="da-DK", java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def fresh(browser, viewport):
    """A page that has not been told to wait for the live page (see conftest's `page`)."""
    context = browser.new_context(viewport=viewport, locale="da-DK")
    yield context.new_page()
    context.close()


def _texts(page, root: str) -> dict[str, list[str]]:
    return {selector: [re.sub(r"\s+", " ", t).strip() for t in page.locator(f"{root} {selector}").all_text_contents()]
            for selector in READ}


def test_without_javascript_every_theme_shows_its_charts_tables_and_cases(charts_drawn, no_script, data):
    for theme in data.page_themes:
        for lang in ("da", "en"):
            view = ViewState(lang=lang)
            no_script.goto(charts_drawn + view.link(f"/{theme.slug}"))
            views = chart_views(data, theme, view)
            count = len(views)
            expect(no_script.locator(".chart-card svg.chart-svg:visible")).to_have_count(count)
            expect(no_script.locator(".chart-card table")).to_have_count(count)
            expect(no_script.locator(".case-card")).to_have_count(len(data.cases_for(theme.slug)))
            expect(no_script.locator("h1")).to_have_text(theme.title_da if lang == "da" else theme.title_en)
            # Each chart takes its live height, so nothing moves when the live page takes over.
            for index, shown in enumerate(views):
                box = no_script.locator(".chart-card svg.chart-svg:visible").nth(index).bounding_box()
                assert abs(box["height"] - shown.figure.layout.height) <= 1, (theme.slug, lang, shown.chart.id)
    no_script.goto(charts_drawn + "/lav-nye-services")
    no_script.screenshot(path=str(ARTIFACTS / "server-drawn-no-javascript.png"), full_page=True)


def test_without_javascript_filters_menus_and_downloads_work_as_links(charts_drawn, no_script):
    no_script.goto(charts_drawn + "/lav-nye-services")
    expect(no_script.locator(".copy-status, .chart-link").first).to_be_hidden()  # copying needs a script
    option = no_script.locator("#ib-server-view .filter-options a", has_text="2021-2023")
    expect(option).to_have_attribute("aria-current", "true")
    option.click()
    no_script.wait_for_url(re.compile(r"periode=2013-2014,2015-2016,2018-2019$"))
    option = no_script.locator(".filter-options a", has_text="2021-2023")
    expect(option).not_to_have_attribute("aria-current", "true")
    expect(no_script.locator(".chart-subtitle").first).not_to_contain_text("2021-2023")
    # »Kun én« opens without a script and leads to that edition alone.
    no_script.locator(".filter-only-menu summary").first.click()
    no_script.locator(".filter-only", has_text="Kun 2018-2019").click()
    no_script.wait_for_url(re.compile(r"periode=2018-2019$"))
    expect(no_script.locator(".headline-tile")).to_contain_text("2018-2019")
    # The theme menu opens and goes to another theme, keeping the view.
    no_script.locator(".site-menu summary").click()
    no_script.locator(".site-menu .dropdown-item", has_text="Skab værdi").click()
    no_script.wait_for_url(re.compile(r"/skab-vaerdi\?periode=2018-2019$"))
    # A download is a link that downloads.
    no_script.locator(".chart-downloads summary").first.click()
    with no_script.expect_download() as download:
        no_script.locator(".chart-downloads .download-csv").first.click()
    assert download.value.suggested_filename.endswith(".csv")


def test_the_live_page_takes_over_without_moving_anything(charts_drawn, browser):
    for width in (1280, 390, 320):  # 320: a chart with less room than 360 px is scaled (dashboard.js)
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="da-DK")
        page = context.new_page()
        console = Console(page)
        page.add_init_script(LAYOUT_SHIFTS)
        assert 'class="chart-svg' in page.request.get(charts_drawn + "/samarbejd").text()  # drawn, not placeholders
        page.goto(charts_drawn + "/samarbejd")
        wait_for_live_page(page)
        page.wait_for_timeout(500)
        assert page.locator("#ib-server-view").count() == 0
        shifts = page.evaluate("window.ibShifts")
        assert sum(shifts) <= 0.02, (width, shifts)
        # The live page answers the filters at once (on a phone, once the folded panel is opened).
        if width < 576:
            page.locator(".filter-fold").click()
        page.locator(".filter-options label", has_text="2021-2023").click()
        page.wait_for_url(re.compile(r"periode=2013-2014,2015-2016,2018-2019$"))
        assert console.errors == [], console.errors
        context.close()


LIVE = TAKEN_OVER  # without moving the pointer: these tests say what starts the live page
NOTHING_RAN = """() => typeof DashRenderer === 'undefined' && typeof Plotly === 'undefined' &&
  !document.querySelector('#react-entry-point .site') && !document.documentElement.hasAttribute('data-live')"""


def test_the_live_page_waits_for_a_person_and_starts_on_a_key_or_a_touch(charts_drawn, browser):
    """Untouched, a drawn page runs no Dash or plotly.js (a slow phone's main thread stays free);
    the first key or touch starts the live page, and it takes over with the focus where it was."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    page = context.new_page()
    console = Console(page)
    page.goto(charts_drawn + "/lav-nye-services")
    page.wait_for_timeout(2000)
    assert page.evaluate(NOTHING_RAN)
    expect(page.locator("#ib-server-view svg.chart-svg-wide").first).to_be_visible()
    page.keyboard.press("Tab")  # to the skip link
    page.wait_for_function(LIVE, timeout=30000)
    # The focus is on the live page's skip link: the next Tab goes on from there.
    assert page.evaluate("() => document.activeElement.matches('#react-entry-point .skip-link')")
    expect(page.locator(".chart-card .js-plotly-plot .main-svg").first).to_be_visible()
    assert console.errors == [], console.errors
    context.close()

    phone = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = phone.new_page()
    page.goto(charts_drawn + "/lav-nye-services?lang=en")
    page.wait_for_timeout(1000)
    assert page.evaluate(NOTHING_RAN)
    page.locator("#ib-server-view h1").tap()
    page.wait_for_function(LIVE, timeout=30000)
    phone.close()


def test_a_reader_who_scrolled_on_from_a_chart_link_stays_where_they_are(charts_drawn, fresh):
    fresh.goto(charts_drawn + "/lav-nye-services?periode=2018-2019#figur-arbejdspladser-sektor")
    fresh.wait_for_function(  # the browser has scrolled the drawn page to the chart
        "() => Math.abs(document.getElementById('figur-arbejdspladser-sektor').getBoundingClientRect().top) < 40")
    fresh.wait_for_timeout(1000)  # its smooth scroll has ended
    fresh.mouse.move(300, 300)
    fresh.mouse.wheel(0, -400)  # reads on, upwards: the live page starts
    fresh.wait_for_function(LIVE, timeout=30000)
    fresh.wait_for_timeout(1000)
    top = fresh.evaluate("() => document.getElementById('figur-arbejdspladser-sektor').getBoundingClientRect().top")
    assert top > 300, top  # not pulled back to the chart
    # The chart had the focus on the drawn page and has it on the live one (Tab goes on from it).
    assert fresh.evaluate("() => document.activeElement.matches('#react-entry-point #figur-arbejdspladser-sektor')")


def test_a_charts_link_is_copied_before_the_live_page_has_taken_over(charts_drawn, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True,
                                  permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.route(re.compile(r"dash_renderer"), lambda route: route.abort())  # the live page cannot start
    page.goto(charts_drawn + "/lav-nye-services")
    card = page.locator("#ib-server-view #figur-flere-typer")
    card.locator(".chart-link").tap()
    expect(card.locator(".copy-status")).to_have_text("Linket til figuren er kopieret")
    assert page.evaluate("navigator.clipboard.readText()") == charts_drawn + "/lav-nye-services#figur-flere-typer"
    # Where the clipboard is out of reach, the chart's address is shown to copy by hand.
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    page.goto(charts_drawn + "/lav-nye-services?lang=en")
    card = page.locator("#ib-server-view #figur-flere-typer")
    card.locator(".chart-link").tap()
    expect(card.locator(".copy-status")).to_have_text(
        f"Could not copy. The link to the chart: {charts_drawn}/lav-nye-services?lang=en#figur-flere-typer")
    context.close()


def test_the_live_page_waits_while_a_person_types_or_has_a_menu_open(charts_drawn, fresh):
    fresh.goto(charts_drawn + "/tal")
    field = fresh.locator("#ib-server-view #tal-soeg")
    field.click()  # starts the live page
    fresh.keyboard.type("borg", delay=100)
    fresh.wait_for_timeout(3000)  # the live page is ready, and waits: on a phone the keyboard stays
    assert not fresh.evaluate(LIVE)
    expect(field).to_be_focused()
    fresh.keyboard.press("Tab")  # leaves the field: the live page takes over, with the words typed
    fresh.wait_for_function(LIVE, timeout=30000)
    live = fresh.locator("#react-entry-point #tal-soeg")
    expect(live).to_have_value("borg")
    live.click()
    fresh.keyboard.press("End")
    fresh.keyboard.type("ere")
    fresh.keyboard.press("Enter")
    fresh.wait_for_url("**/tal?q=borgere")

    fresh.goto(charts_drawn + "/lav-nye-services")
    fresh.locator("#ib-server-view .chart-downloads summary").first.click()  # a menu open
    fresh.wait_for_timeout(3000)
    assert not fresh.evaluate(LIVE)
    expect(fresh.locator("#ib-server-view .chart-downloads .download-csv").first).to_be_visible()
    fresh.locator("#ib-server-view .chart-downloads summary").first.click()  # closed
    fresh.wait_for_function(LIVE, timeout=30000)


DASH_SCRIPTS = re.compile(r"/_dash-component-suites/")


def _presenter_held(browser, address: str, viewport: dict | None = None):
    """A presenter view opened with every one of Dash's scripts held until the test lets them go
    (as on a slow line): what the drawn view does alone."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 720}, locale="da-DK")
    page = context.new_page()
    held = []
    page.route(DASH_SCRIPTS, lambda route: held.append(route))
    page.add_init_script(LAYOUT_SHIFTS)
    console = Console(page)
    page.goto(address, wait_until="commit")
    return context, page, held, console


@pytest.mark.parametrize(("screen", "drawing"), [({"width": 1280, "height": 720}, "wide"),
                                                  ({"width": 390, "height": 844}, "narrow")])
def test_the_presenter_view_arrives_drawn_at_the_named_slide_and_goes_live_at_once(charts_drawn, browser, data, screen, drawing):
    """A speaker opens a shared presenter link: the slide it names is there before any of Dash's
    scripts, its chart drawn by the server for a laptop's or a phone's slide and fitted to it, and
    it steps; the live page starts without waiting for a person and takes over at the same slide,
    its chart in the same box, without a jump."""
    theme = data.theme("lav-nye-services")
    count = len(theme.charts)
    shown = slide_views(data, theme, ViewState(presentation=True))[2]
    context, page, held, console = _presenter_held(
        browser, f"{charts_drawn}/lav-nye-services?visning=praesentation#figur-{shown.chart.id}", screen)
    deadline = time.time() + 10
    while not any("dash_renderer" in route.request.url for route in held) and time.time() < deadline:
        page.wait_for_timeout(100)  # no pointer has moved, no key been pressed
    assert any("dash_renderer" in route.request.url for route in held), "the live page did not start without a person"
    assert page.locator("script[data-held-src]").count() == 0

    drawn = page.locator("#ib-server-view .presenter-slide:not([hidden])")
    expect(drawn.locator(".presenter-title")).to_have_text(shown.caption.title)
    expect(page.locator("#ib-server-view .presenter-counter")).to_have_text(f"3 / {count}")
    chart = drawn.locator(f"svg.chart-svg-{drawing}")
    expect(chart).to_be_visible()
    graph_box = drawn.locator(".presenter-graph").bounding_box()
    assert graph_box["height"] > 300 and chart.bounding_box() == graph_box
    assert chart.locator("text.bartext").all_text_contents() == [
        label for trace in shown.figure.data if trace.type == "bar" for label in trace.text]
    page.keyboard.press("ArrowRight")  # a clicker, before Dash's scripts have come
    expect(page.locator("#ib-server-view .presenter-counter")).to_have_text(f"4 / {count}")
    page.keyboard.press("ArrowLeft")
    expect(drawn.locator(".presenter-title")).to_have_text(shown.caption.title)
    assert not page.evaluate(LIVE)

    for route in held:
        route.continue_()
    page.unroute(DASH_SCRIPTS)
    page.wait_for_function(LIVE, timeout=30000)
    live = page.locator(".presenter-slide:not([hidden])")
    expect(live.locator(".presenter-title")).to_have_text(shown.caption.title)
    expect(page.locator(".presenter-counter")).to_have_text(f"3 / {count}")
    expect(live.locator(".main-svg").first).to_be_visible()
    live_box = live.locator(".presenter-graph").bounding_box()
    assert all(abs(live_box[side] - graph_box[side]) <= 1 for side in ("x", "y", "width", "height")), (live_box, graph_box)
    for drawn_text in live.locator(".presenter-graph text").all():  # every word whole, on a phone too
        box = drawn_text.bounding_box()
        assert box["x"] + box["width"] <= live_box["x"] + live_box["width"] + 1, drawn_text.text_content()
    assert sum(page.evaluate("window.ibShifts")) <= 0.02
    page.keyboard.press("ArrowRight")
    expect(page.locator(".presenter-counter")).to_have_text(f"4 / {count}")
    assert console.errors == [], console.errors
    context.close()


@pytest.mark.parametrize("leave", ["Escape", "exit link"])
def test_leaving_the_drawn_presenter_view_goes_back_to_the_chart_shown(charts_drawn, browser, data, leave):
    charts = data.theme("lav-nye-services").charts
    context, page, _held, _console = _presenter_held(
        browser, f"{charts_drawn}/lav-nye-services?periode=2021-2023&visning=praesentation#figur-{charts[2].id}")
    expect(page.locator("#ib-server-view .presenter-counter")).to_have_text(re.compile(r"^3 / "))
    page.keyboard.press("ArrowRight")  # on to the fourth chart
    if leave == "Escape":
        page.keyboard.press("Escape")
    else:
        page.locator("#ib-server-view .presenter-exit").click()
    page.wait_for_url(re.compile(rf"/lav-nye-services\?periode=2021-2023#figur-{charts[3].id}$"), wait_until="commit")
    context.close()


def test_a_filter_clicked_while_the_page_loads_lands_in_the_right_view(charts_drawn, fresh):
    released = []

    def slow_renderer(route):  # Dash's renderer arrives late, as on a slow line
        time.sleep(2)
        released.append(route.request.url)
        route.continue_()

    fresh.route(re.compile(r"dash_renderer"), slow_renderer)
    fresh.goto(charts_drawn + "/lav-nye-services", wait_until="commit")
    option = fresh.locator("#ib-server-view .filter-options a", has_text="2018-2019")
    option.click()  # before the live page exists: a link
    fresh.wait_for_url(re.compile(r"periode=2013-2014,2015-2016,2021-2023$"))
    wait_for_live_page(fresh)
    live = fresh.locator("#react-entry-point .filter-options input[value='2018-2019']").first
    expect(live).not_to_be_checked()
    expect(fresh.locator("#react-entry-point .filter-options input[value='2021-2023']").first).to_be_checked()


def test_the_server_drawn_and_the_live_page_show_the_same_text_and_values(charts_drawn, browser, data):
    scripted = browser.new_context(viewport={"width": 1280, "height": 900})
    plain = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    live, server = scripted.new_page(), plain.new_page()
    for theme in data.page_themes:
        for lang in ("da", "en"):
            url = charts_drawn + ViewState(lang=lang).link(f"/{theme.slug}")
            server.goto(url)
            live.goto(url)
            wait_for_live_page(live)
            drawn = _texts(server, "#ib-server-view")
            shown = _texts(live, "#react-entry-point")
            for selector in READ:
                assert drawn[selector] == shown[selector], (theme.slug, lang, selector)
            assert drawn["h1"] and drawn[".chart-title"]
            # The same values in each chart (the bars' labels) and the same words (groups, and what
            # was published only in words), as drawn.
            for index in range(len(theme.charts)):
                for drawn_text in ("text.bartext", "g.textpoint text"):
                    values = server.locator("svg.chart-svg-wide").nth(index).locator(drawn_text).all_text_contents()
                    plotted = live.locator(".chart-card .js-plotly-plot").nth(index).locator(drawn_text).all_text_contents()
                    assert values == plotted, (theme.slug, lang, index, drawn_text)
                assert server.locator("svg.chart-svg-wide").nth(index).locator("text.bartext, g.textpoint text").count()
    scripted.close()
    plain.close()


def test_the_drawn_page_stays_when_the_live_page_cannot_start(charts_drawn, fresh):
    fresh.route(re.compile(r"dash_renderer"), lambda route: route.abort())  # a blocked or failed script
    fresh.goto(charts_drawn + "/lav-nye-services")
    fresh.mouse.move(10, 10)  # a person is there: the live page tries to start
    fresh.wait_for_function("() => document.querySelector('script[src*=\"dash_renderer\"]') !== null")
    fresh.wait_for_timeout(16000)  # past the takeover's deadline for charts that cannot be drawn
    expect(fresh.locator("#ib-server-view svg.chart-svg-wide").first).to_be_visible()
    fresh.locator("#ib-server-view .filter-options a", has_text="2021-2023").click()
    fresh.wait_for_url(re.compile(r"periode=2013-2014,2015-2016,2018-2019$"))
    expect(fresh.locator("#ib-server-view .chart-subtitle").first).not_to_contain_text("2021-2023")
