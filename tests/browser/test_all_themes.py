"""Every theme in the configuration renders (a new theme is tested by adding it), the
comparison view shows exactly the published periods, and the sector view."""

import pytest
from playwright.sync_api import expect

from dashboard.data import load_dataset
from dashboard.figures.value_text import value_label
from tests.browser.conftest import chart, screenshot, toggle, wait_for_charts

DATA = load_dataset()


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("theme", DATA.page_themes, ids=lambda t: t.slug)
def test_every_configured_theme_renders_its_charts_without_console_errors(page, console, base_url, theme, lang):
    page.goto(f"{base_url}/{theme.slug}" + ("?lang=en" if lang == "en" else ""))
    wait_for_charts(page, len(theme.charts))
    expect(page.locator("h1")).to_have_text(theme.title.in_(lang))
    newest = DATA.headline_rows(theme)[-1]  # the default view selects every edition
    value = value_label(newest, lang).replace("\u00a0", " ")
    expect(page.locator(".headline-value")).to_have_text(value)
    expect(page.locator(".headline-period")).to_contain_text(newest.period)
    expect(page.locator(".chart-card")).to_have_count(len(theme.charts))
    for chart_config in theme.charts:
        card = chart(page, chart_config.id)
        expect(card.locator("h2")).to_have_text(chart_config.title.in_(lang))
        expect(card.locator(".js-plotly-plot .main-svg").first).to_be_visible()
        expect(card).not_to_contain_text("Vælg mindst" if lang == "da" else "Select at least")
    expect(page.locator(".case-column")).to_be_visible()
    screenshot(page, f"{theme.slug}-{lang}-1280")
    assert console.errors == []


def test_comparison_view_shows_exactly_the_published_periods(page, base_url):
    page.goto(f"{base_url}/genbrug-og-spred")
    wait_for_charts(page, 2)
    card = chart(page, "genbrug")
    ticks = set(card.locator(".ytick text").all_text_contents())
    assert ticks == {"2013-2014", "2018-2019", "2021-2023"}
    expect(card.locator(".chart-subtitle")).to_contain_text("Udvikling: 2013-2014, 2018-2019 og 2021-2023")
    gap_line = card.locator(".chart-gaps-line")  # the chart's one line on what was not published
    expect(gap_line).to_have_count(1)
    expect(gap_line).to_have_text("Ikke offentliggjort: 2015-2016")
    # The answer was labelled differently in 2013-2014: the NB says so, with each wording.
    expect(card.locator(".chart-comparison-note")).to_contain_text(
        "Svaret er betegnet forskelligt i udgaverne: »Helt eller delvist genbrug af andres løsninger« (2013-2014)")
    assert card.locator(".scatterlayer path").count() == 0  # periods are never joined by lines


def test_comparison_across_different_bases_says_so(page, base_url):
    page.goto(f"{base_url}/skab-vaerdi")
    wait_for_charts(page, 1)
    note = chart(page, "vaerdi").locator(".chart-comparison-note")
    expect(note).to_have_text("NB: tallene har forskelligt grundlag og kan ikke sammenlignes direkte.")
    expect(chart(page, "vaerdi").locator(".chart-subtitle")).to_contain_text("Grundlaget skifter mellem udgaverne")


def test_sector_view_shows_the_sectors_beside_the_whole_public_sector(page, console, base_url):
    page.goto(f"{base_url}/lav-nye-services?periode=2018-2019")
    wait_for_charts(page, 4)
    sectors = chart(page, "arbejdspladser-sektor")
    for text in ("Hele den offentlige sektor", "Kommuner", "Regioner", "Staten", "81 %", "80 %", "85 %", "84 %"):
        expect(sectors).to_contain_text(text)

    toggle(page, "Sektor (vises ved siden af hele den offentlige sektor)", "Staten")
    expect(sectors).not_to_contain_text("84 %")
    expect(sectors).not_to_contain_text("Staten")
    expect(sectors).to_contain_text("Hele den offentlige sektor")
    expect(page).to_have_url(f"{base_url}/lav-nye-services?periode=2018-2019&sektor=kommune,region")
    assert console.errors == []


def test_sector_filter_is_shown_only_where_there_are_sector_figures(page, base_url):
    page.goto(f"{base_url}/styr-processen")
    wait_for_charts(page, 3)
    expect(page.locator("fieldset:has(legend:text-is('Periode'))")).to_be_visible()
    expect(page.locator("fieldset:has(legend:has-text('Sektor'))")).to_be_hidden()


def test_any_theme_is_two_clicks_away_from_any_page(page, base_url):
    page.goto(f"{base_url}/styr-processen")
    wait_for_charts(page, 3)
    page.get_by_role("button", name="Temaer").click()
    page.get_by_role("menuitem", name="Brug ny teknologi").or_(page.get_by_role("link", name="Brug ny teknologi")).first.click()
    expect(page.locator("h1")).to_have_text("Brug ny teknologi")
    wait_for_charts(page, 1)
    expect(chart(page, "teknologi")).to_contain_text("11 %")


def test_type_filter_is_hidden_where_it_changes_nothing(page, base_url):
    page.goto(f"{base_url}/skab-vaerdi")  # no chart by type, and no cases
    wait_for_charts(page, 1)
    expect(page.locator("fieldset:has(legend:text-is('Innovationstype'))")).to_be_hidden()
    page.goto(f"{base_url}/styr-processen")  # no chart by type, but cases by type
    wait_for_charts(page, 3)
    expect(page.locator("fieldset:has(legend:text-is('Innovationstype'))")).to_be_visible()
