"""Shareable views in the browser: the URL is the view, links copy, the presenter view steps."""

from playwright.sync_api import expect

from tests.browser.conftest import chart, screenshot, toggle, wait_for_charts


def _checked(page, legend: str) -> list[str]:
    return page.eval_on_selector_all(
        f"fieldset:has(legend:text-is('{legend}')) input:checked", "inputs => inputs.map(i => i.value)"
    )


def test_a_link_with_filters_restores_controls_and_charts(page, console, base_url):
    page.goto(f"{base_url}/lav-nye-services?periode=2015-2016,2021-2023&type=service,produkt")
    wait_for_charts(page, 4)
    assert _checked(page, "Periode") == ["2015-2016", "2021-2023"]
    assert _checked(page, "Innovationstype") == ["service", "produkt"]
    latest = chart(page, "seneste-innovation-type")
    expect(latest.locator(".chart-subtitle")).to_contain_text("Periode: 2021-2023")
    expect(latest).to_contain_text("Produktinnovation")
    expect(latest).not_to_contain_text("Kommunikationsinnovation")
    expect(page.locator(".case-column")).not_to_contain_text("Fælles projektmodel")
    assert console.errors == []


def test_changing_filters_updates_the_url_and_back_leaves_the_page(page, base_url):
    page.goto(base_url + "/")
    page.locator(".theme-tile a", has_text="Lav nye services").click()
    wait_for_charts(page, 4)
    assert page.url == f"{base_url}/lav-nye-services"

    toggle(page, "Periode", "2015-2016")
    expect(page).to_have_url(f"{base_url}/lav-nye-services?periode=2013-2014,2018-2019,2021-2023")
    toggle(page, "Innovationstype", "Produkt")
    expect(page).to_have_url(f"{base_url}/lav-nye-services?periode=2013-2014,2018-2019,2021-2023&type=proces,service,kommunikation")
    toggle(page, "Periode", "2015-2016")
    expect(page).to_have_url(f"{base_url}/lav-nye-services?type=proces,service,kommunikation")  # defaults left out

    page.go_back()  # the filter changes replaced the entry: Back returns to the overview
    expect(page.locator("h1")).to_have_text("Innovationsbarometeret")


def test_a_malformed_link_shows_a_notice_and_a_working_page(page, console, base_url):
    page.goto(
        f"{base_url}/styr-processen?periode=2013-2014,1999-2000&type=<b>fed</b>&foo=bar&visning=" + "x" * 10000
    )
    wait_for_charts(page, 3)
    notice = page.locator(".link-notice")
    expect(notice).to_contain_text("Dele af linket blev ignoreret")
    expect(notice).to_contain_text("Periode: ukendt værdi ignoreret (1999-2000)")
    expect(notice).to_contain_text("<b>fed</b>")  # shown as text, never as HTML
    assert page.locator(".link-notice b").count() == 0
    expect(notice).to_contain_text("ukendt parameter ignoreret (foo)")
    expect(page).to_have_url(f"{base_url}/styr-processen?periode=2013-2014")  # normalised
    expect(chart(page, "forloeb")).to_contain_text("30 %")
    screenshot(page, "styr-processen-malformed-link")
    assert console.errors == []


def test_copy_link_puts_the_current_url_on_the_clipboard(browser, base_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base_url}/lav-nye-services?type=service")
    wait_for_charts(page, 4)
    toggle(page, "Periode", "2021-2023")
    expect(page).to_have_url(f"{base_url}/lav-nye-services?periode=2013-2014,2015-2016,2018-2019&type=service")

    page.get_by_role("button", name="Kopiér link", exact=True).click()
    expect(page.locator(".page-tools .copy-status")).to_have_text("Linket er kopieret")
    assert page.evaluate("navigator.clipboard.readText()") == page.url

    chart(page, "flere-typer").get_by_role("button", name="Kopiér link til figuren").click()
    expect(chart(page, "flere-typer").locator(".copy-status")).to_have_text("Linket til figuren er kopieret")
    assert page.evaluate("navigator.clipboard.readText()") == page.url + "#figur-flere-typer"
    context.close()


def test_a_chart_permalink_opens_the_page_scrolled_to_that_chart(page, base_url):
    page.goto(f"{base_url}/lav-nye-services?periode=2018-2019#figur-arbejdspladser-sektor")
    wait_for_charts(page, 4)
    target = chart(page, "arbejdspladser-sektor")
    page.wait_for_function("() => Math.abs(document.getElementById('figur-arbejdspladser-sektor').getBoundingClientRect().top) < 40")
    assert page.evaluate("scrollY") > 500
    expect(target).to_be_in_viewport()


def test_presenter_view_steps_through_the_charts_with_arrow_keys(page, console, base_url):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(f"{base_url}/lav-nye-services?visning=praesentation&periode=2018-2019")
    page.wait_for_selector(".presenter-slide:not([hidden]) .main-svg")
    slides = page.locator(".presenter-slide")
    expect(slides).to_have_count(4)
    visible = page.locator(".presenter-slide:not([hidden])")
    expect(visible).to_have_count(1)
    expect(visible.locator("h2")).to_have_text("Arbejdspladser, der har indført innovation, efter type")
    expect(visible).to_contain_text("Periode: 2018-2019")  # the filters still apply
    expect(page.locator(".presenter-counter")).to_have_text("1 / 4")

    page.keyboard.press("ArrowRight")
    expect(visible.locator("h2")).to_have_text("Arbejdspladser med mindst én innovation, efter sektor")
    expect(page.locator(".presenter-counter")).to_have_text("2 / 4")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # stops at the last chart
    expect(visible.locator("h2")).to_have_text("Innovationer, der kombinerer flere typer")
    expect(visible).to_contain_text("ca. 50 %")
    page.keyboard.press("ArrowLeft")
    expect(page.locator(".presenter-counter")).to_have_text("3 / 4")
    box = visible.locator(".js-plotly-plot").bounding_box()
    assert box["height"] > 600  # large: the graph fills the projector screen
    screenshot(page, "lav-nye-services-presentation")

    page.get_by_role("link", name="Afslut præsentation").click()
    expect(page).to_have_url(f"{base_url}/lav-nye-services?periode=2018-2019")
    wait_for_charts(page, 4)
    assert console.errors == []


def test_download_menu_downloads_the_chart_data_with_the_current_filters(page, base_url):
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    page.locator("fieldset:has(legend:text-is('Periode'))").get_by_role("button", name="Kun én").click()
    page.locator(".filter-only", has_text="Kun 2021-2023").click()  # the preset sets the filter like a person would
    expect(page).to_have_url(f"{base_url}/lav-nye-services?periode=2021-2023")
    card = chart(page, "arbejdspladser-type")
    card.get_by_role("button", name="Download").click()
    with page.expect_download() as download:
        card.get_by_role("link", name="Data (CSV)").click()
    assert download.value.suggested_filename == "lav-nye-services_arbejdspladser-type_2021-2023.csv"
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert "2021-2023;83;præcist tal" in text and "2015-2016" not in text


def test_powerpoint_link_follows_the_filters(page, base_url):
    page.goto(f"{base_url}/styr-processen")
    wait_for_charts(page, 3)
    toggle(page, "Innovationstype", "Proces og organisering")
    link = page.get_by_role("link", name="Download som PowerPoint")
    expect(link).to_have_attribute("href", "/export/styr-processen.pptx?type=service,kommunikation,produkt")


def test_a_download_shows_that_it_is_being_prepared_and_ignores_a_second_click(page, base_url):
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    exports = []
    page.on("request", lambda request: exports.append(request.url) if "/export/" in request.url else None)
    # Hold the export's answer, as a slow first export would be, to see the page while it waits.
    held = []
    page.route("**/export/*.png*", lambda route: held.append(route))
    card = chart(page, "arbejdspladser-type")
    card.get_by_role("button", name="Download").click()
    card.get_by_role("link", name="Billede til slide (PNG, 16:9)").click()
    tools = card.locator(".chart-tools")
    expect(tools).to_have_attribute("data-state", "preparing")
    expect(tools).to_have_attribute("aria-busy", "true")
    expect(page.locator("#ib-download-status")).to_have_text("Forbereder …")
    card.get_by_role("button", name="Download").click()
    card.get_by_role("link", name="Billede til slide (PNG, 16:9)").click()  # a second click while it is made
    page.wait_for_timeout(300)
    assert len(exports) == 1
    with page.expect_download() as download:
        held[0].continue_()
    assert download.value.suggested_filename == "lav-nye-services_arbejdspladser-type_slide_alle-perioder.png"
    expect(tools).not_to_have_attribute("data-state", "preparing")
    assert len(exports) == 1
