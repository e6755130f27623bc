"""Embeds, »Indlejr eller citér«, oEmbed and citations: what another site or a reference manager gets."""

import re
from datetime import date
from html import unescape

import pytest

from dashboard.open_data.citations import Cited, cite
from dashboard.open_data.oembed import embedded_chart

THEME = "lav-nye-services"


@pytest.fixture(scope="module")
def client(dash_app):
    return dash_app.server.test_client()


@pytest.fixture(scope="module")
def chart(dash_app):
    return dash_app.dataset.theme(THEME).charts[0]


def test_only_the_embed_may_be_framed_and_by_any_site(client, chart):
    embed = client.get(f"/indlejr/{THEME}/{chart.id}?periode=2021-2023")
    assert embed.status_code == 200
    assert "frame-ancestors *" in embed.headers["Content-Security-Policy"] and "X-Frame-Options" not in embed.headers
    for path in (f"/{THEME}", "/tal", f"/del/{THEME}/{chart.id}", "/"):
        response = client.get(path)
        assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"], path
        assert response.headers["X-Frame-Options"] == "DENY", path


def test_the_embed_is_the_chart_alone_drawn_with_its_caption_citation_and_a_link_back(client, chart):
    page = client.get(f"/indlejr/{THEME}/{chart.id}?periode=2021-2023&lang=en").get_data(as_text=True)
    body = page[page.index('id="ib-server-view"'):page.index('id="react-entry-point"')]
    assert chart.title_en in body and "Source: Innovationsbarometeret 2021-2023" in body
    assert body.count('class="site-header"') == 0 and body.count('class="chart-card"') == 0
    assert "<svg" in body or "server-graph-pending" in body
    assert f'href="/{THEME}?periode=2021-2023&amp;lang=en#figur-{chart.id}"' in body and 'target="_blank"' in body


def test_an_unknown_chart_has_no_embed(client):
    assert client.get(f"/indlejr/{THEME}/findes-ikke").status_code == 404


def test_the_share_page_gives_the_iframe_code_the_views_address_and_citations(client, chart):
    page = client.get(f"/del/{THEME}/{chart.id}?periode=2018-2019,2021-2023").get_data(as_text=True)
    code = unescape(re.search(r'<textarea id="indlejr-kode"[^>]*>(.*?)</textarea>', page, re.S).group(1))
    assert code.startswith("<iframe ") and f'/indlejr/{THEME}/{chart.id}?periode=2018-2019,2021-2023"' in code
    assert f'title="{chart.title_da} – Innovationsbarometeret"' in code and re.search(r'height="\d{3,4}"', code)
    for box in ("visningens-adresse", "citat-tekst", "citat-bibtex", "citat-ris"):
        assert f'id="{box}"' in page
    assert "@misc{innovationsbarometeret_" in unescape(page) and "TY  - DATA" in page


def test_each_chart_menu_leads_to_its_share_page(client, chart):
    page = client.get(f"/{THEME}?periode=2021-2023").get_data(as_text=True)
    assert f'href="/del/{THEME}/{chart.id}?periode=2021-2023"' in page


def test_oembed_gives_the_chart_a_pasted_link_names(client, dash_app):
    theme = dash_app.dataset.theme(THEME)
    second = theme.charts[1]
    answer = client.get("/oembed", query_string={"url": f"/{THEME}?periode=2021-2023#figur-{second.id}"})
    assert answer.status_code == 200 and answer.headers["Access-Control-Allow-Origin"] == "*"
    body = answer.get_json()
    assert body["version"] == "1.0" and body["type"] == "rich" and body["title"] == second.title_da
    assert f"/indlejr/{THEME}/{second.id}?periode=2021-2023" in body["html"] and body["height"] > 300
    first = client.get("/oembed", query_string={"url": f"/{THEME}", "maxwidth": "400", "maxheight": "300"}).get_json()
    assert f"/indlejr/{THEME}/{theme.charts[0].id}" in first["html"] and first["width"] == 400 and first["height"] == 300
    assert 'width="400" height="300"' in first["html"] and "max-width" not in first["html"]  # never wider than asked
    missing = client.get("/oembed", query_string={"url": "/findes-ikke"})
    assert missing.status_code == 404 and missing.mimetype == "application/problem+json"
    assert missing.headers["Access-Control-Allow-Origin"] == "*" and "theme page" in missing.get_json()["detail"]
    assert client.get("/oembed", query_string={"url": f"/{THEME}", "format": "xml"}).status_code == 501


def test_oembed_answers_only_for_our_own_host(data, monkeypatch):
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://barometer.example")
    assert embedded_chart(data, f"https://barometer.example/{THEME}") is not None
    assert embedded_chart(data, f"https://elsewhere.example/{THEME}") is None


def test_pages_with_charts_announce_their_oembed(dash_app, monkeypatch):
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://barometer.example")
    dash_app.server_pages._pages.clear()  # noqa: SLF001  (pages written before the address was set)
    page = dash_app.server.test_client().get(f"/{THEME}?periode=2021-2023").get_data(as_text=True)
    link = re.search(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page)
    assert link and unescape(link.group(1)) == (
        "https://barometer.example/oembed?url=https%3A%2F%2Fbarometer.example%2Flav-nye-services%3Fperiode%3D2021-2023&format=json")
    dash_app.server_pages._pages.clear()  # noqa: SLF001


def test_a_citation_names_publisher_title_editions_address_and_the_day(data):
    cited = Cited(title="Andel med {nye} services_", editions="2018-2019 og 2021-2023",
                  address="https://barometer.example/x?periode=2021-2023#figur-a", lang="da", key="nye-services")
    citation = cite(cited, data.about, date(2026, 11, 30))
    assert citation.text == ("COI/CO-PI og Danmarks Statistik: »Andel med {nye} services_«. Innovationsbarometeret – "
                             "offentliggjorte tal (udgivelse 2), udgave 2018-2019 og 2021-2023. "
                             "https://barometer.example/x?periode=2021-2023#figur-a (hentet 30. november 2026).")
    assert "title = {{Andel med \\{nye\\} services\\_}}" in citation.bibtex
    assert "  url = {https://barometer.example/x?periode=2021-2023#figur-a}," in citation.bibtex  # not inside \\url{}
    assert "  version = {2}," in citation.bibtex and "\\url" not in citation.bibtex
    assert citation.bibtex.startswith("@misc{innovationsbarometeret_nye_services_20261130,")
    lines = citation.ris.split("\r\n")
    assert lines[0] == "TY  - DATA" and "Y2  - 2026/11/30" in lines and lines[-2] == "ER  - "
    assert "ET  - 2018-2019 og 2021-2023" in lines and "VL  - 2" in lines and "UR  - https://barometer.example/x?periode=2021-2023#figur-a" in lines


def test_an_english_citation_names_the_publisher_in_english(data):
    cited = Cited(title="Workplaces", editions="2021-2023", address="/x", lang="en", key="x")
    citation = cite(cited, data.about, date(2026, 11, 30))
    assert citation.text.startswith("COI/CO-PI and Statistics Denmark: “Workplaces”. Innovationsbarometeret – published "
                                    "figures (release 2), edition 2021-2023. /x (retrieved 30 November 2026).")
    assert "AU  - COI/CO-PI and Statistics Denmark" in citation.ris


def test_search_engines_list_the_theme_page_not_its_embeds(client, chart):
    for path in (f"/indlejr/{THEME}/{chart.id}", f"/del/{THEME}/{chart.id}"):
        assert '<meta name="robots" content="noindex">' in client.get(path).get_data(as_text=True), path
    assert 'name="robots"' not in client.get(f"/{THEME}").get_data(as_text=True)
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    assert "/tal</loc>" in sitemap and "/data</loc>" in sitemap and "/indlejr/" not in sitemap
