"""With data/statbank.csv present (written by refresh-statbank from the stand-in API of the four
tables OIN01DK–OIN04DK), Lav nye services shows the three charts of OIN01DK and Genbrug og spred,
Drivkræfter and Skab værdi one chart each, with Statbank as their source."""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import chart, served_app, wait_for_charts
from tests.statbank_stand_in import refresh, stand_in_api

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def statbank_url(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("statbank") / "data"
    shutil.copytree(ROOT / "data", data_dir)
    with stand_in_api() as api:
        assert refresh(api, data_dir) == 0
    with served_app(data_dir, "server-statbank.log") as url:
        yield url


def test_statbank_charts_appear_with_their_source(page, console, statbank_url):
    page.goto(f"{statbank_url}/lav-nye-services")
    wait_for_charts(page, 7)
    by_type = chart(page, "statbank-type")
    expect(by_type.locator("h2")).to_have_text("Innovative arbejdspladser efter innovationstype (Statistikbanken)")
    expect(by_type.locator(".chart-footer a")).to_have_attribute("href", "https://www.statistikbanken.dk/OIN01DK")
    expect(by_type.locator(".chart-subtitle")).to_contain_text("Andel af offentlige arbejdspladser")
    labels = by_type.locator(".js-plotly-plot .bartext").all_text_contents()
    assert "43\u00a0%" in labels  # 2016, the whole public sector, service: as in figures.csv
    by_sector = chart(page, "statbank-sektor")
    expect(by_sector.locator(".js-plotly-plot")).to_contain_text("Regioner")
    by_industry = chart(page, "statbank-branche")
    expect(by_industry.locator(".js-plotly-plot")).to_contain_text("Ældre- og handicappleje")
    assert console.errors == []


def test_statbank_charts_follow_the_filters_and_the_language(page, statbank_url):
    page.goto(f"{statbank_url}/lav-nye-services?lang=en&periode=2021-2023&type=service")
    wait_for_charts(page, 7)
    by_type = chart(page, "statbank-type")
    expect(by_type.locator("h2")).to_have_text("Innovative workplaces by innovation type (Statbank)")
    assert by_type.locator(".ytick text").count() == 0  # one edition: named once, in the subtitle
    expect(by_type.locator(".chart-subtitle")).to_contain_text("Period: 2021-2023")
    headings = " ".join(by_type.locator(".js-plotly-plot .textpoint").all_text_contents())
    assert "Service innovation" in headings and "Product innovation" not in headings


@pytest.mark.parametrize(("slug", "chart_id", "table", "answer"), [
    ("genbrug-og-spred", "statbank-nyhedsgrad", "OIN02DK", "Først til at udvikle den"),
    ("drivkraefter", "statbank-igangsaetter", "OIN03DK", "Nærmeste politiske ledelse"),
    ("skab-vaerdi", "statbank-vaerdi", "OIN04DK", "Højere medarbejdertilfredshed"),
])
def test_the_other_three_tables_have_their_chart_on_their_theme(page, console, statbank_url, slug, chart_id, table, answer):
    page.goto(f"{statbank_url}/{slug}")
    card = chart(page, chart_id)
    expect(card).to_be_visible()
    wait_for_charts(page, page.locator(".chart-card").count())
    expect(card.locator("h2")).to_contain_text("(Statistikbanken)")
    expect(card.locator(".chart-footer a")).to_have_attribute("href", f"https://www.statistikbanken.dk/{table}")
    expect(card.locator(".chart-subtitle")).to_contain_text("Andel af innovative offentlige arbejdspladser")
    expect(card.locator(".chart-subtitle")).to_contain_text("Udvikling: 2015-2016, 2018-2019 og 2021-2023")
    expect(card.locator(".js-plotly-plot")).to_contain_text(answer)
    assert console.errors == []
