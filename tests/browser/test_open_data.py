"""Open data in the browser: »Alle tal« searched, filtered and sorted with the state in the URL,
each row's link to the chart that shows its value, the embed framed by another site (and a theme
page refusing to be), and the copy buttons of »Indlejr eller citér«."""

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from bench.common import folder_server
from dashboard.figures.value_text import value_text
from dashboard.open_data.figure_query import parse_figure_query, select
from dashboard.open_data.records import chart_showing
from tests.browser.conftest import screenshot, wait_for_live_page

THEME = "lav-nye-services"


def _rows(page) -> list[list[str]]:
    return page.eval_on_selector_all(".figure-table tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.innerText))")


def _expected(data, query: dict) -> list:
    return select(data, parse_figure_query(query, data)).rows


def _query(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def test_all_figures_searches_filters_and_sorts_with_the_state_in_the_url(page, console, base_url, data):
    page.goto(f"{base_url}/tal")
    assert len(_rows(page)) == min(100, len(data.figures))

    page.fill("#tal-soeg", "borgere")
    page.press("#tal-soeg", "Enter")  # a GET form: the words join the address
    page.wait_for_url("**/tal?q=borgere")
    wait_for_live_page(page)
    expected = _expected(data, {"q": "borgere"})
    assert expected and [r[3] for r in _rows(page)] == [r.label_da for r in expected]

    page.locator(".facet[aria-label='Udgave'] .facet-option", has_text="2013-2014").click()
    expect(page).to_have_url(f"{base_url}/tal?q=borgere&periode=2013-2014")
    expected = _expected(data, _query(page))
    expect(page.locator(".figure-table tbody tr")).to_have_count(len(expected))
    expect(page.locator(".facet[aria-label='Udgave'] .chosen")).to_have_text(f"2013-2014 {len(expected)} (valgt)")

    page.locator(".figure-table th .sort-link", has_text="Værdi").click()
    expect(page).to_have_url(f"{base_url}/tal?q=borgere&periode=2013-2014&sorter=vaerdi")
    expect(page.locator(".figure-table th[aria-sort='ascending']")).to_contain_text("Værdi")
    page.locator(".figure-table th .sort-link", has_text="Værdi").click()
    expect(page).to_have_url(f"{base_url}/tal?q=borgere&periode=2013-2014&sorter=vaerdi&orden=ned")
    expected = _expected(data, _query(page))
    expect(page.locator(".figure-table tbody tr").first).to_contain_text(expected[0].label_da)
    assert [r[3] for r in _rows(page)] == [r.label_da for r in expected]

    page.reload()  # the URL is the selection
    assert [r[3] for r in _rows(page)] == [r.label_da for r in expected]
    expect(page.locator("#tal-soeg")).to_have_value("borgere")
    screenshot(page, "alle-tal-borgere-2013-2014")
    assert console.errors == []


def test_all_figures_reads_as_a_card_per_figure_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{base_url}/tal?q=planlagt")
    wait_for_live_page(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390  # nothing to scroll sideways to
    card = page.locator(".figure-table tbody tr").first
    for part in ("th[scope=row]", ".value", ".number", ".question", ".source a", ".figure-link"):
        box = card.locator(part).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, (part, box)
    named = card.evaluate("""row => [...row.querySelectorAll('[data-label]')].map(
        cell => [cell.dataset.label, getComputedStyle(cell, '::before').content])""")
    assert [label for label, _ in named] == ["Grundlag", "N", "Spørgsmål", "Kilde"]
    assert all(content not in ("none", "normal", "") for _, content in named), named
    screenshot(page, "alle-tal-390px")
    context.close()


def test_each_rows_link_opens_the_chart_that_shows_its_value(page, console, base_url, data):
    for precision in ("exact", "approx", "verbal"):
        row = next(r for r in data.figures if r.precision == precision)
        page.goto(f"{base_url}/tal?tema={row.theme}&periode={row.period}&sektor={row.sector}&praecision={precision}")
        link = page.locator(".figure-table tbody tr", has=page.locator(f"th:text-is('{row.label_da}')")).first.locator(".figure-link")
        link.click()
        page.wait_for_url(f"**/{row.theme}?periode={row.period}#figur-*")
        wait_for_live_page(page)
        _theme, chart = chart_showing(data, row)
        card = page.locator(f"#figur-{chart.id}")
        expect(card).to_be_in_viewport()
        table = card.locator(".chart-data-table")
        expect(table).to_contain_text(value_text(row, "da"))
        expect(table).to_contain_text(row.period)
    assert console.errors == []


def test_the_embed_shows_in_another_sites_page_and_a_theme_page_refuses_to(browser, base_url, data, tmp_path):
    chart = data.theme(THEME).charts[0]
    (tmp_path / "artikel.html").write_text(f"""<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>En kommunes side</title></head>
<body><h1>Vores artikel</h1>
<iframe id="indlejret" src="{base_url}/indlejr/{THEME}/{chart.id}?periode=2021-2023" title="Figur" width="100%" height="600" style="border:0;max-width:820px"></iframe>
<iframe id="tema" src="{base_url}/{THEME}" title="Tema" width="100%" height="400"></iframe>
</body></html>""", encoding="utf-8")
    context = browser.new_context(viewport={"width": 1000, "height": 1100})
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "frame-ancestors" in m.text else None)
    with folder_server(tmp_path) as site:
        page.goto(f"{site}/artikel.html")
        embed = page.frame_locator("#indlejret")
        wait_for_live_page(page, page.wait_for_selector("#indlejret").content_frame())  # a reader's pointer over it
        expect(embed.locator("h1.chart-title")).to_have_text(chart.title_da)
        expect(embed.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=20000)  # the live chart took over
        expect(embed.locator(".chart-footer")).to_contain_text("Kilde: Innovationsbarometeret 2021-2023")
        back = embed.locator("a.embed-back")
        assert back.get_attribute("href") == f"/{THEME}?periode=2021-2023#figur-{chart.id}"
        theme_frame = page.query_selector("#tema").content_frame()
        page.wait_for_timeout(1000)
        assert theme_frame.evaluate("() => document.querySelector('.site') === null")  # blocked: nothing of ours drawn
        assert any("frame-ancestors 'none'" in text for text in refused)
        screenshot(page, "indlejret-paa-anden-side")
    context.close()


def test_the_embed_reads_whole_at_300_px(browser, base_url, data):
    chart = data.theme(THEME).charts[0]
    context = browser.new_context(viewport={"width": 300, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/indlejr/{THEME}/{chart.id}")
    wait_for_live_page(page)
    page.wait_for_selector(".js-plotly-plot .main-svg")
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 300
    clipped = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot text')].filter(t => {
        const box = t.getBoundingClientRect(), plot = t.closest('.js-plotly-plot').getBoundingClientRect();
        return box.width > 0 && (box.right > plot.right + 1 || box.left < plot.left - 1);
    }).map(t => t.textContent)""")
    assert clipped == []
    box = page.locator(".js-plotly-plot .bars path").last.bounding_box()  # hover finds its bar in the scaled chart
    page.mouse.move(box["x"] + box["width"] * 0.8, box["y"] + box["height"] / 2)
    expect(page.locator(".hoverlayer .hovertext")).to_contain_text("83")
    screenshot(page, "indlejret-300px")
    context.close()


def test_share_page_copies_the_embed_code(browser, base_url, data):
    chart = data.theme(THEME).charts[0]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{base_url}/del/{THEME}/{chart.id}?periode=2021-2023")
    wait_for_live_page(page)
    box = page.locator("#indlejr-kode")
    page.locator("[data-copy='indlejr-kode']").click()
    expect(page.locator("#indlejr .copy-status").first).to_have_text("Kopieret")
    assert page.evaluate("() => navigator.clipboard.readText()") == box.input_value()
    assert box.input_value().startswith(f'<iframe src="{base_url}/indlejr/{THEME}/{chart.id}?periode=2021-2023"')
    preview = page.frame_locator("iframe.share-preview")
    wait_for_live_page(page, page.wait_for_selector("iframe.share-preview").content_frame())
    expect(preview.locator("h1.chart-title")).to_have_text(chart.title_da)
    page.wait_for_timeout(500)  # the preview is as tall as its content: no scroll bar, nothing cut
    inner = page.query_selector("iframe.share-preview").content_frame().evaluate("() => document.documentElement.scrollHeight")
    outer = page.evaluate("() => document.querySelector('iframe.share-preview').getBoundingClientRect().height")
    assert abs(inner - outer) <= 3, (inner, outer)
    context.close()


def test_the_responsive_embed_code_keeps_the_frame_as_tall_as_the_chart(browser, base_url, data, tmp_path):
    chart = data.theme(THEME).charts[0]
    share = browser.new_page()
    share.goto(f"{base_url}/del/{THEME}/{chart.id}")
    code = share.locator("#indlejr-kode-tilpasset").first.input_value()
    share.close()
    assert code.startswith("<iframe ") and "<script>" in code and f'e.origin!=="{base_url}"' in code
    (tmp_path / "smal.html").write_text(f'<!DOCTYPE html><html lang="da"><head><meta charset="utf-8"><title>Smal side</title></head>'
                                        f'<body style="margin:0">{code}</body></html>', encoding="utf-8")
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    with folder_server(tmp_path) as site:
        page.goto(f"{site}/smal.html")
        wait_for_live_page(page, page.wait_for_selector("iframe").content_frame())
        page.wait_for_timeout(500)
        inner = page.frames[1].evaluate("() => document.documentElement.scrollHeight")
        outer = page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().height")
        assert abs(inner - outer) <= 2 and outer != int(re.search(r'height="(\d+)"', code).group(1))
    context.close()
