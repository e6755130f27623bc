"""With data/statbank.csv present (written by refresh-statbank from the stand-in API), the
Lav nye services page shows the three Statbank charts, with Statbank as their source."""

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
