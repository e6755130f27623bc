"""The charts as a reader sees them: one colour per edition everywhere, gaps named once and never
drawn as rows, pages that fit a phone, filters that say what they cannot do, a visible focus
ring, and a headline that follows the selected editions."""

import pytest
from playwright.sync_api import expect

from dashboard import palette
from dashboard.data import load_dataset
from dashboard.figures.availability import availability
from dashboard.figures.chart_view import chart_views
from dashboard.figures.value_text import value_label
from dashboard.state import ViewState
from tests.browser.conftest import screenshot, toggle, wait_for_charts

DATA = load_dataset()
WIDTHS = (390, 1366)

# Per chart on the page: every drawn bar's outline colour (its edition's colour, hatched or not)
# with the edition it shows (from its hover text), the y labels, and the gap lines under the graph.
DRAWN = """() => [...document.querySelectorAll('.chart-card')].map(card => {
  const graph = card.querySelector('.js-plotly-plot');
  const bars = [];
  graph.querySelectorAll('.trace.bars').forEach(trace => {
    const data = trace.__data__[0].trace;
    trace.querySelectorAll('.point path').forEach(path => {
      const hover = data.customdata[path.parentNode.__data__.i];
      bars.push([hover.split('<br>')[1], getComputedStyle(path).stroke]);
    });
  });
  return {id: card.id, bars,
          ticks: [...graph.querySelectorAll('.ytick text')].map(t => t.textContent),
          drawn: graph.textContent,
          gaps: [...card.querySelectorAll('.chart-gaps-line')].map(t => t.textContent).filter(t => t)};
})"""


def _rgb(colour: str) -> str:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("theme", DATA.page_themes, ids=lambda t: t.slug)
def test_every_theme_fits_a_phone_and_a_laptop_and_draws_no_gap_as_a_row(browser, base_url, theme, lang):
    view = ViewState(lang=lang)
    expected_gaps = {f"figur-{cv.chart.id}": cv.caption.gaps for cv in chart_views(DATA, theme, view)}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(base_url + view.link(f"/{theme.slug}"))
        wait_for_charts(page, len(theme.charts))
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{theme.slug} scrolls sideways by {overflow} px at {width} px"
        for chart in page.evaluate(DRAWN):
            not_published = "Ikke offentliggjort" if lang == "da" else "Not published"
            assert not any(not_published in tick for tick in chart["ticks"]), chart["id"]
            assert not_published not in chart["drawn"], chart["id"]  # no gap is a row of the chart
            gaps = expected_gaps[chart["id"]]
            if gaps:
                assert len(chart["gaps"]) == 1, chart["id"]  # named once, under the graph
                assert chart["gaps"][0].replace("\u00a0", " ") == gaps.replace("\u00a0", " ")
            if not gaps:
                assert chart["gaps"] == [], chart["id"]
            for edition, stroke in chart["bars"]:
                assert stroke == _rgb(palette.edition_colour(edition)), (chart["id"], edition)
        if width == 390:
            screenshot(page, f"{theme.slug}-{lang}-390")
        context.close()


def test_an_edition_has_one_colour_on_every_chart_and_in_the_filter(page, base_url):
    seen: dict[str, set[str]] = {}
    for theme in DATA.page_themes:
        page.goto(f"{base_url}/{theme.slug}")
        wait_for_charts(page, len(theme.charts))
        for chart in page.evaluate(DRAWN):
            for edition, stroke in chart["bars"]:
                seen.setdefault(edition, set()).add(stroke)
        swatches = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll(
            '.filter-panel .swatch[class*=edition-]')].map(s => [s.parentNode.textContent.trim().slice(0, 9),
            getComputedStyle(s).backgroundColor]))""")
        for edition, colour in swatches.items():
            seen.setdefault(edition, set()).add(colour)
    assert set(seen) == set(palette.EDITION_COLOURS)
    assert {edition: colours for edition, colours in seen.items()} == {
        edition: {_rgb(colour)} for edition, colour in palette.EDITION_COLOURS.items()}


def test_unavailable_filter_options_are_disabled_and_say_why(page, base_url):
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    available = availability(DATA, DATA.theme("lav-nye-services"))
    periods = page.locator("fieldset:has(legend:text-is('Periode'))")
    unavailable = periods.locator("input[disabled]")
    expect(unavailable).to_have_count(4 - len(available.periods))
    assert unavailable.first.get_attribute("value") == "2013-2014"
    label = periods.locator("label:has(.filter-unavailable)")
    expect(label).to_have_count(1)
    expect(label.locator("[title]")).to_have_attribute("title", "intet offentliggjort for perioden på denne side")
    # The reason is part of the option's accessible name, not only a tooltip.
    expect(page.get_by_role("checkbox", name="2013-2014 (intet offentliggjort for perioden på denne side)")).to_be_disabled()
    label.click(force=True)  # a click changes nothing
    page.wait_for_timeout(300)
    assert page.url == f"{base_url}/lav-nye-services"


def test_presets_only_one_reset_and_latest_edition(page, base_url):
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    types = page.locator("fieldset:has(legend:text-is('Innovationstype'))")
    types.get_by_role("button", name="Kun én").click()
    types.locator(".filter-only", has_text="Kun Service").click()
    expect(page).to_have_url(f"{base_url}/lav-nye-services?type=service")
    page.get_by_role("button", name="Seneste udgave (2021-2023)").click()
    expect(page).to_have_url(f"{base_url}/lav-nye-services?periode=2021-2023&type=service")
    types.get_by_role("button", name="Nulstil").click()
    expect(page).to_have_url(f"{base_url}/lav-nye-services?periode=2021-2023")
    page.locator("fieldset:has(legend:text-is('Periode'))").get_by_role("button", name="Nulstil").click()
    expect(page).to_have_url(f"{base_url}/lav-nye-services")


def test_the_menu_and_the_overview_carry_the_view_to_another_theme(page, base_url):
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    toggle(page, "Periode", "2015-2016")
    expect(page).to_have_url(f"{base_url}/lav-nye-services?periode=2013-2014,2018-2019,2021-2023")
    page.get_by_role("button", name="Temaer").click()
    # Samarbejd has 2013-2014 and 2018-2019 of the selection: the view is kept.
    page.get_by_role("link", name="Samarbejd").click()
    expect(page).to_have_url(f"{base_url}/samarbejd?periode=2013-2014,2018-2019,2021-2023")
    wait_for_charts(page)
    page.get_by_role("link", name="← Alle temaer").click()
    expect(page.locator("h1")).to_have_text("Innovationsbarometeret")
    page.locator(".theme-tile a", has_text="Lav nye services").click()
    expect(page).to_have_url(f"{base_url}/lav-nye-services?periode=2013-2014,2018-2019,2021-2023")
    # A theme with none of the selected editions opens with all of them.
    page.goto(f"{base_url}/lav-nye-services?periode=2021-2023")
    wait_for_charts(page, 4)
    page.get_by_role("button", name="Temaer").click()
    expect(page.get_by_role("link", name="Styr processen")).to_have_attribute("href", "/styr-processen")


def test_focus_is_clearly_visible_on_filter_options_and_buttons(page, base_url):
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    ring = """() => { const a = document.activeElement;
      const shown = a.classList.contains('btn-check') ? a.nextElementSibling : a;
      const s = getComputedStyle(shown);
      return [a.tagName + '.' + a.className, s.outlineStyle, parseFloat(s.outlineWidth), s.outlineColor]; }"""
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        active = page.evaluate(ring)
        if active[0].startswith("BUTTON") or (active[0].startswith("INPUT") and "btn-check" in active[0]):
            seen.append(active)
        if sum(a[0].startswith("INPUT") for a in seen) >= 3:
            break
    assert any(a[0].startswith("INPUT") for a in seen) and any(a[0].startswith("BUTTON") for a in seen)
    for element, style, width, colour in seen:
        assert style == "solid" and width >= 2 and colour == _rgb(palette.FOCUS), element


def test_touch_targets_are_at_least_44_px_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    small = page.evaluate("""() => [...document.querySelectorAll(
        '.filter-fold, .filter-button, .filter-preset, .chart-tools .btn, .page-tools .btn, .site-menu-toggle')]
        .filter(e => e.offsetParent !== null && e.getBoundingClientRect().height < 44)
        .map(e => e.textContent.trim())""")
    context.close()
    assert small == []


def test_the_headline_follows_a_period_change(page, base_url):
    page.goto(f"{base_url}/tjek-om-det-virker")
    wait_for_charts(page, 1)
    rows = DATA.headline_rows(DATA.theme("tjek-om-det-virker"))
    tile = page.locator(".headline-tile")
    expect(tile.locator(".headline-period")).to_have_text(f"Periode: {rows[-1].period}")
    toggle(page, "Periode", rows[-1].period)
    expect(tile.locator(".headline-period")).to_have_text(f"Periode: {rows[-2].period}")
    expect(tile.locator(".headline-value")).to_have_text(value_label(rows[-2], "da").replace("\u00a0", " "))


def test_on_a_phone_the_filters_start_folded_to_a_line_of_what_is_selected(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{base_url}/lav-nye-services?periode=2018-2019,2021-2023")
    wait_for_charts(page, 4)
    fold = page.locator(".filter-fold")
    expect(fold).to_be_visible()
    expect(fold).to_have_text("Filtre: 2018-2019 og 2021-2023 · alle typer · alle sektorer")
    expect(page.locator(".filter-button").first).to_be_hidden()
    fold.click()
    toggle(page, "Innovationstype", "Produkt")
    expect(fold).to_have_text("Filtre: 2018-2019 og 2021-2023 · Proces og organisering, Service, Kommunikation · alle sektorer")
    context.close()
    # On a laptop the panel is open and the line is not shown.
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/lav-nye-services")
    wait_for_charts(page, 4)
    expect(page.locator(".filter-fold")).to_be_hidden()
    expect(page.locator(".filter-button").first).to_be_visible()
    context.close()
