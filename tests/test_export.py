"""The export endpoints: images that carry their caption, tables with the exact published
values, a slide deck, and malformed requests that never give a 500."""

import io
import math
import os
import signal
import threading
from decimal import Decimal

import flask
import pandas as pd
import pytest
from xml.etree import ElementTree

from PIL import Image
from pptx import Presentation
from pypdf import PdfReader

from dashboard.export import images
from dashboard.export.figure import export_figure, footer_lines
from dashboard.export.images import ImageRenderer
from dashboard.export.routes import register_export_routes
from dashboard.figures.chart_view import chart_view, find_chart
from dashboard.state import parse_query

HOSTILE_QUERIES = [
    "periode=2019-2020",
    "periode=&type=",
    "periode=2015-2016&periode=2021-2023",
    "type=SERVICE,service,Service",
    "type=" + "x" * 10000,
    "periode=<script>alert(1)</script>",
    "visning=praesentation&lang=en",
    "skala=99&bredde=-1",
    "skala=abc",
    "%ZZ=%%%",
    "periode=2015-2016%00",
]


@pytest.fixture(scope="module")
def renderer():
    shared = ImageRenderer()
    yield shared
    shared.close()


@pytest.fixture(scope="module")
def client(data, renderer):
    server = flask.Flask(__name__)
    register_export_routes(server, data, renderer)
    return server.test_client()


def _expected_height(data, chart_id: str, query: dict) -> int:
    theme, chart = find_chart(data, chart_id)
    view = parse_query(query).state
    address = f"{view.link(f'/{theme.slug}')}#figur-{chart.id}"  # no DASHBOARD_PUBLIC_URL here: the path
    return export_figure(chart_view(data, theme, chart, view), address).layout.height


def test_png_is_a_2x_image_of_the_export_figure_with_a_telling_file_name(client, data):
    response = client.get("/export/arbejdspladser-type.png?periode=2015-2016")
    assert response.status_code == 200
    assert response.mimetype == "image/png"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="lav-nye-services_arbejdspladser-type_2015-2016.png"'
    )
    image = Image.open(io.BytesIO(response.data))
    assert image.format == "PNG"
    assert image.size == (2400, 2 * _expected_height(data, "arbejdspladser-type", {"periode": "2015-2016"}))


@pytest.mark.parametrize(("chart_id", "size", "expected"), [
    ("flere-typer", "slide", (1600, 900)),  # 16:9 at 2x, for a slide of one's own
    ("formaal", "rapport", (1280, None)),  # a report column
    ("flere-typer", "kaempe", (2400, None)),  # unknown: the standard size
])
def test_image_sizes_for_a_slide_and_a_report_column(client, chart_id, size, expected):
    response = client.get(f"/export/{chart_id}.png?storrelse={size}")
    assert response.status_code == 200
    width, height = Image.open(io.BytesIO(response.data)).size
    assert width == expected[0] and (expected[1] is None or height == expected[1])
    if size in ("slide", "rapport"):
        assert f"_{size}_" in response.headers["Content-Disposition"]


def test_a_tall_chart_for_a_slide_stays_16_9_by_growing_wider(client):
    width, height = Image.open(io.BytesIO(client.get("/export/evaluering.png?storrelse=slide").data)).size
    assert width > 1600 and width / height == pytest.approx(16 / 9, abs=0.01)


@pytest.mark.parametrize(("skala", "width"), [("1", 1200), ("4", 4800), ("99", 2400), ("0", 2400), ("2.5", 2400)])
def test_png_scale_is_bounded(client, skala, width):
    response = client.get(f"/export/forloeb.png?skala={skala}")
    assert response.status_code == 200
    assert Image.open(io.BytesIO(response.data)).size[0] == width


def test_svg_carries_title_subtitle_filter_source_and_approximate_marking(client):
    response = client.get("/export/flere-typer.svg?periode=2018-2019&type=service")
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    svg = response.data.decode("utf-8").replace("\u00a0", " ")
    for text in (
        "Innovationer, der kombinerer flere typer",
        "100 % = alle seneste innovationer",
        "Periode: 2018-2019",
        "Kilde: Innovationsbarometeret 2018-2019, CO-PI og Danmarks Statistik · N = 1.877 (2018-2019) · "
        "/lav-nye-services?periode=2018-2019&amp;type=service#figur-flere-typer",
        "ca. 50 %",
        "ca.: kun offentliggjort i ord",
    ):
        assert text in svg, text
    assert "2021-2023" not in svg


def test_english_svg_is_captioned_in_english_with_english_numbers(client):
    svg = client.get("/export/flere-typer.svg?periode=2018-2019&type=service&lang=en").data.decode("utf-8")
    svg = svg.replace("\u00a0", " ")
    for text in (
        "Innovations that combine several types",
        "100% = all latest innovations",
        "Period: 2018-2019",
        "Source: Innovationsbarometeret 2018-2019, CO-PI and Statistics Denmark · N = 1,877 (2018-2019)",
        "approx. 50%",
        "approx.: published only in words",
    ):
        assert text in svg, text
    assert "Kilde" not in svg and "Ikke offentliggjort" not in svg


def test_svg_names_chosen_types_where_the_type_filter_applies(client):
    svg = client.get("/export/seneste-innovation-type.svg?type=service,produkt").data.decode("utf-8")
    assert "Innovationstyper: Service, Produkt" in svg


def test_pdf_is_a_pdf_titled_with_the_chart_and_its_citation(client):
    response = client.get("/export/formaal.pdf")
    assert response.status_code == 200
    assert response.data.startswith(b"%PDF")
    metadata = PdfReader(io.BytesIO(response.data)).metadata
    assert metadata.title == "Var formålet fastlagt på forhånd?"
    assert metadata.subject.startswith("Kilde: Innovationsbarometeret 2013-2014, CO-PI og Danmarks Statistik · N = 1.093")


def test_svg_has_an_accessible_title_and_description(client):
    svg = client.get("/export/formaal.svg").data.decode("utf-8")
    root = ElementTree.fromstring(svg)
    namespace = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.find(f"{namespace}title").text == "Var formålet fastlagt på forhånd?"
    description = root.find(f"{namespace}desc").text
    assert "Formålet blev ændret undervejs" in description and "Kilde: Innovationsbarometeret 2013-2014" in description


def test_the_cited_address_never_comes_from_the_host_header(client, monkeypatch):
    svg = client.get("/export/formaal.svg", headers={"Host": "evil.example"}).data.decode("utf-8")
    assert "evil.example" not in svg and "/styr-processen#figur-formaal" in svg
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://innovationsbarometer.example/")
    svg = client.get("/export/formaal.svg", headers={"Host": "evil.example"}).data.decode("utf-8")
    assert "evil.example" not in svg and "https://innovationsbarometer.example/styr-processen#figur-formaal" in svg


def test_a_long_address_wraps_whole_in_a_narrow_image(data):
    theme, chart = find_chart(data, "seneste-innovation-type")
    address = "https://innovationsbarometer.example/lav-nye-services?periode=2018-2019,2021-2023&type=service,kommunikation&sektor=alle,kommune#figur-seneste-innovation-type"
    lines = footer_lines(chart_view(data, theme, chart, parse_query({}).state), address, wrap=60)
    assert all(len(line) <= 60 for line in lines)
    assert address in "".join(line.strip() for line in lines[-3:])


@pytest.mark.parametrize("chart_id", ["forloeb", "arbejdspladser-sektor", "evaluering", "samarbejde"])
def test_an_image_caption_is_never_cut_short_and_names_no_filter(data, chart_id):
    """No »…« in an exported caption (full address instead), and no note about a filter: an image has none."""
    theme, chart = find_chart(data, chart_id)
    figure = export_figure(chart_view(data, theme, chart, parse_query({}).state), "https://example.org/x?periode=2021-2023")
    words = " ".join([figure.layout.title.text, figure.layout.title.subtitle.text, *(a.text for a in figure.layout.annotations)])
    assert "…" not in words and "https://example.org/x?periode=2021-2023" in words
    assert "Filteret" not in words and "filter" not in words.lower()


def _published(data):
    return {(r.figure_id, r.period, r.sector, r.category): r for r in data.figures}


def test_csv_has_bom_danish_headers_and_round_trips_the_exact_values(client, data):
    response = client.get("/export/arbejdspladser-sektor.csv")
    assert response.status_code == 200
    assert response.data.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(io.BytesIO(response.data), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(table.columns[:7]) == ["Tema", "Figur", "Gruppe", "Sektor", "Periode", "Værdi (%)", "Præcision"]
    published = _published(data)
    sector_keys = {"Hele den offentlige sektor": "alle", "Kommuner": "kommune", "Regioner": "region", "Staten": "stat"}
    values = 0
    for record in table.to_dict(orient="records"):
        key = ("arbejdspladser_type", record["Periode"], sector_keys[record["Sektor"]], "mindst_en")
        if record["Præcision"] == "ikke offentliggjort":
            assert key not in published and math.isnan(record["Værdi (%)"])
            continue
        row = published[key]
        assert Decimal(str(record["Værdi (%)"])) == row.value_pct
        assert record["Kilde"] == row.source_url
        values += 1
    assert values == 6  # 81, 83, 80, 80, 85, 84


def test_csv_marks_words_only_values(client):
    table = pd.read_csv(io.BytesIO(client.get("/export/formaal.csv").data), sep=";", decimal=",", encoding="utf-8-sig")
    by_category = {r["category"]: r for r in table.to_dict(orient="records")}
    assert by_category["formaal_aendret"]["Værdi (%)"] == 25
    assert by_category["formaal_aendret"]["Præcision"] == "omtrentligt (kun ord offentliggjort)"
    assert by_category["formaal_aendret"]["Offentliggjort i ord"] == "hvert fjerde tilfælde"
    assert math.isnan(by_category["formaal_fastlagt"]["Værdi (%)"])
    assert by_category["formaal_fastlagt"]["Offentliggjort i ord"] == "ofte"


def test_xlsx_holds_the_same_values(client):
    response = client.get("/export/seneste-innovation-type.xlsx?periode=2021-2023")
    assert response.status_code == 200
    table = pd.read_excel(io.BytesIO(response.data))
    assert dict(zip(table["category"], table["Værdi (%)"])) == {"proces": 79, "service": 29, "kommunikation": 37, "produkt": 22}


def test_pptx_has_a_cover_one_slide_per_chart_and_the_case_cards(client, data):
    response = client.get("/export/lav-nye-services.pptx?type=service")
    assert response.status_code == 200
    assert 'filename="lav-nye-services_alle-perioder_service.pptx"' in response.headers["Content-Disposition"]
    deck = Presentation(io.BytesIO(response.data))
    titles = [slide.shapes.title.text for slide in deck.slides]
    charts = [c.title_da for c in data.theme("lav-nye-services").charts]
    assert titles == ["Lav nye services – Innovationsbarometeret", *charts, "Cases og værktøjer"]
    for slide in list(deck.slides)[1:-1]:
        assert any(shape.shape_type == 13 for shape in slide.shapes)  # a picture
        assert "Kilde:" in slide.notes_slide.notes_text_frame.text
    case_text = " ".join(shape.text_frame.text for shape in deck.slides[-1].shapes if shape.has_text_frame)
    assert "Skat i balance" in case_text


def test_english_pptx_and_file_names_are_english(client, data):
    response = client.get("/export/lav-nye-services.pptx?type=service&lang=en")
    assert 'filename="lav-nye-services_all-periods_service.pptx"' in response.headers["Content-Disposition"]
    deck = Presentation(io.BytesIO(response.data))
    titles = [slide.shapes.title.text for slide in deck.slides]
    charts = [c.title_en for c in data.theme("lav-nye-services").charts]
    assert titles == ["Create new services – Innovationsbarometeret", *charts, "Cases and tools"]
    assert "Periods: 2013-2014, 2015-2016, 2018-2019 and 2021-2023 · Innovation types: Service" in (
        deck.slides[0].placeholders[1].text
    )
    case_text = " ".join(shape.text_frame.text for shape in deck.slides[-1].shapes if shape.has_text_frame)
    assert "Since 2013 the Danish tax administration" in case_text and "Central government" in case_text


def test_english_csv_uses_commas_and_a_decimal_point(client):
    table = pd.read_csv(io.BytesIO(client.get("/export/formaal.csv?lang=en").data), encoding="utf-8-sig")
    by_category = {r["category"]: r for r in table.to_dict(orient="records")}
    assert by_category["formaal_aendret"]["Value (%)"] == 25
    assert by_category["formaal_aendret"]["Precision"] == "approximate (only words published)"
    assert by_category["formaal_aendret"]["Published in words (Danish)"] == "hvert fjerde tilfælde"


@pytest.mark.parametrize("path", ["/export/findes-ikke.png", "/export/forloeb.gif", "/export/findes-ikke.pptx", "/export/forloeb"])
def test_unknown_chart_theme_or_format_is_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
@pytest.mark.parametrize("fmt", ["csv", "svg"])
def test_malformed_parameters_are_normalised_like_on_the_pages(client, query, fmt):
    response = client.get(f"/export/arbejdspladser-type.{fmt}?{query}")
    assert response.status_code == 200
    assert b"Traceback" not in response.data and b"<script>" not in response.data


def test_file_name_follows_the_normalised_view(client):
    response = client.get("/export/forloeb.csv?periode=2021-2023,2013-2014,nonsens&type=Service")
    assert 'filename="styr-processen_forloeb_2013-2014_2021-2023_service.csv"' in response.headers["Content-Disposition"]


class _NoChromium:
    def __init__(self, **_options):
        pass

    async def open(self):
        raise images.ChromeNotFoundError("no chromium")


def test_missing_chromium_gives_a_clear_503_and_tables_still_work(data, monkeypatch):
    monkeypatch.setattr(images.kaleido, "Kaleido", _NoChromium)
    server = flask.Flask(__name__)
    register_export_routes(server, data, ImageRenderer())
    client = server.test_client()
    response = client.get("/export/forloeb.png")
    assert response.status_code == 503
    assert "Chromium" in response.get_data(as_text=True)
    assert client.get("/export/forloeb.csv").status_code == 200


def test_view_state_of_export_ignores_presentation_mode(client):
    plain = client.get("/export/forloeb.csv").data
    assert client.get("/export/forloeb.csv?visning=praesentation").data == plain


def test_a_view_with_nothing_published_gives_an_empty_table_with_headers(client):
    response = client.get("/export/arbejdspladser-type.csv?periode=2013-2014")
    assert response.status_code == 200
    table = pd.read_csv(io.BytesIO(response.data), sep=";", encoding="utf-8-sig")
    assert table.empty and "Værdi (%)" in table.columns


def _process_tree(root: int) -> list[int]:
    children = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == root:
                children.append(int(entry))
    return [root] + [pid for child in children for pid in _process_tree(child)]


def test_chromium_dying_mid_export_gives_a_clear_error_and_the_next_export_works(data, dash_app):
    renderer = ImageRenderer()
    server = flask.Flask(__name__)
    register_export_routes(server, data, renderer)
    client = server.test_client()
    assert client.get("/export/forloeb.png").status_code == 200
    browser = _process_tree(renderer._browser.subprocess.pid)  # the test reaches in to kill the real browser

    killer = threading.Timer(0.05, lambda: [os.kill(pid, signal.SIGKILL) for pid in browser])
    killer.start()
    dying = client.get("/export/formaal.png")
    killer.join()
    if dying.status_code == 200:  # the export finished before the browser died: the next one meets it dead
        dying = client.get("/export/formaal.png")
    assert dying.status_code == 503
    assert "prøv igen" in dying.get_data(as_text=True)

    assert dash_app.server.test_client().get("/styr-processen").status_code == 200  # pages keep serving
    again = client.get("/export/formaal.png")
    assert again.status_code == 200 and again.data.startswith(b"\x89PNG")
    renderer.close()


def test_xlsx_carries_the_chart_caption_on_its_own_sheet_and_csv_stays_a_bare_table(client):
    response = client.get("/export/arbejdspladser-type.xlsx?periode=2015-2016,2018-2019")
    sheets = pd.read_excel(io.BytesIO(response.data), sheet_name=None, header=None)
    assert list(sheets) == ["Data", "Om figuren"]
    about = dict(zip(sheets["Om figuren"][0], sheets["Om figuren"][1]))
    assert about["Figur"] == "Arbejdspladser, der har indført innovation, efter type"
    assert "Produkt" in about["Ikke offentliggjort"] and "2021-2023" not in about["Ikke offentliggjort"]
    assert about["Citér som"].startswith("Kilde: Innovationsbarometeret 2015-2016 og 2018-2019, CO-PI og Danmarks Statistik")
    assert any(str(key).startswith("Spørgsmål (2015-2016") for key in about)
    assert any(str(value).startswith("https://") for key, value in about.items() if key == "Kilde")
    csv = client.get("/export/arbejdspladser-type.csv?periode=2015-2016,2018-2019").data.decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("Tema;Figur;")  # the header row first: programs read it as it is
