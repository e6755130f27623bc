"""The English version in the browser: `lang=en` selects it, the DA/EN switch keeps the view,
filters and shared links keep the language, and numbers read the English way."""

from playwright.sync_api import expect

from tests.browser.conftest import chart, screenshot, toggle, wait_for_charts


def test_lang_en_shows_the_page_in_english(page, console, base_url):
    page.goto(f"{base_url}/lav-nye-services?lang=en&periode=2015-2016,2021-2023")
    wait_for_charts(page, 4)
    assert page.evaluate("() => document.documentElement.lang") == "en"
    expect(page).to_have_title("Create new services – Innovationsbarometeret")
    expect(page.locator("h1")).to_have_text("Create new services")
    expect(page.locator(".filter-panel legend").first).to_have_text("Period")
    types = chart(page, "arbejdspladser-type")
    expect(types.locator(".chart-title")).to_have_text("Workplaces that introduced innovation, by type")
    expect(types.locator(".chart-subtitle")).to_contain_text("Share of public workplaces (100% = all workplaces)")
    # Bars and their labels, drawn by Plotly, in English number format.
    labels = types.locator(".js-plotly-plot .bartext").all_text_contents()
    assert "43%" in labels and not any("\u00a0%" in label for label in labels)
    expect(types.locator(".chart-footer")).to_contain_text("Number of observations: 2,362 (2015-2016)")
    # The question was asked in Danish: shown as asked, and marked as Danish.
    expect(types.locator(".chart-footer [lang=da]").first).to_contain_text("Har jeres arbejdsplads")
    expect(page.locator(".case-column h2")).to_have_text("Cases and tools")
    expect(page.locator(".site-language")).to_have_text("Dansk")
    screenshot(page, "english-theme-page")
    assert console.errors == []


def test_filters_keep_the_language_in_the_url_and_in_every_link(page, base_url):
    page.goto(f"{base_url}/lav-nye-services?lang=en")
    wait_for_charts(page, 4)
    toggle(page, "Period", "2015-2016")
    expect(page).to_have_url(f"{base_url}/lav-nye-services?periode=2013-2014,2018-2019,2021-2023&lang=en")
    toggle(page, "Innovation type", "Product")
    query = "periode=2013-2014,2018-2019,2021-2023&type=proces,service,kommunikation&lang=en"
    expect(page).to_have_url(f"{base_url}/lav-nye-services?{query}")
    expect(page.locator(".page-tools a", has_text="Download as PowerPoint")).to_have_attribute(
        "href", f"/export/lav-nye-services.pptx?{query}"
    )
    expect(page.locator(".site-language")).to_have_attribute(
        "href", "/lav-nye-services?periode=2013-2014,2018-2019,2021-2023&type=proces,service,kommunikation"
    )
    # The charts answered in English after the change too.
    expect(chart(page, "seneste-innovation-type").locator(".chart-subtitle")).to_contain_text("Innovation types:")


def test_the_language_switch_keeps_the_view_and_switches_back(page, base_url):
    page.goto(f"{base_url}/styr-processen?periode=2013-2014")
    wait_for_charts(page, 3)
    page.locator(".site-language", has_text="English").click()
    expect(page).to_have_url(f"{base_url}/styr-processen?periode=2013-2014&lang=en")
    wait_for_charts(page, 3)
    assert page.evaluate("() => document.documentElement.lang") == "en"
    expect(page.locator("h1")).to_have_text("Steer the process")
    expect(chart(page, "planlagt-proces")).to_contain_text("approx.")

    page.locator(".site-language", has_text="Dansk").click()
    expect(page).to_have_url(f"{base_url}/styr-processen?periode=2013-2014")
    expect(page.locator("h1")).to_have_text("Styr processen")
    assert page.evaluate("() => document.documentElement.lang") == "da"


def test_navigation_inside_the_english_site_stays_english(page, base_url):
    page.goto(f"{base_url}/?lang=en")
    expect(page.locator(".theme-intro")).to_contain_text("theme by theme")
    page.locator(".theme-tile a", has_text="Steer the process").click()
    expect(page).to_have_url(f"{base_url}/styr-processen?lang=en")
    wait_for_charts(page, 3)
    expect(page).to_have_title("Steer the process – Innovationsbarometeret")
    page.locator(".back-link").click()
    expect(page).to_have_url(f"{base_url}/?lang=en")
    expect(page.locator(".theme-tile h2").first).to_have_text("Steer the process")


def test_a_malformed_english_link_is_explained_in_english(page, base_url):
    page.goto(f"{base_url}/styr-processen?lang=en&periode=1999-2000,2013-2014")
    wait_for_charts(page, 3)
    expect(page.locator(".link-notice")).to_contain_text("Parts of the link were ignored")
    expect(page.locator(".link-notice")).to_contain_text("Period: unknown value ignored (1999-2000)")


def test_english_downloads_are_english(page, base_url):
    page.goto(f"{base_url}/lav-nye-services?lang=en&periode=2021-2023")
    wait_for_charts(page, 4)
    card = chart(page, "arbejdspladser-type")
    card.get_by_role("button", name="Download").click()
    with page.expect_download() as download:
        card.locator(".download-csv").click()
    assert download.value.suggested_filename == "lav-nye-services_arbejdspladser-type_2021-2023.csv"
    text = open(download.value.path(), encoding="utf-8-sig").read()
    assert text.startswith("Theme,Chart,Group,Sector,Period,Value (%),Precision")
    assert 'Create new services,"Workplaces that introduced innovation, by type",At least one innovation (any type)' in text
