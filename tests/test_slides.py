"""The PowerPoint deck as a presenter opens it: 16:9 through and through, rendered by LibreOffice
Impress (Debian's, headless) one page per slide, every shape on the slide, each title in the
layout's title placeholder with the layout's size, and the citation on every chart slide."""

import io
import shutil
import subprocess
import zipfile

import flask
import pytest
from pptx import Presentation
from pptx.util import Emu
from pypdf import PdfReader

from dashboard.export.images import ImageRenderer
from dashboard.export.routes import register_export_routes
from dashboard.export.slide_template import TEMPLATE

QUERY = "periode=2018-2019,2021-2023&type=service,kommunikation"
NS_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


@pytest.fixture(scope="module")
def deck_bytes(data):
    renderer = ImageRenderer()
    server = flask.Flask(__name__)
    register_export_routes(server, data, renderer)
    response = server.test_client().get(f"/export/lav-nye-services.pptx?{QUERY}")
    renderer.close()
    assert response.status_code == 200
    return response.data


@pytest.fixture(scope="module")
def deck(deck_bytes):
    return Presentation(io.BytesIO(deck_bytes))


@pytest.fixture(scope="module")
def rendered(deck_bytes, tmp_path_factory):
    """The deck as LibreOffice Impress prints it (PDF)."""
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: install Debian's libreoffice-impress (make test does)"
    folder = tmp_path_factory.mktemp("slides")
    (folder / "deck.pptx").write_bytes(deck_bytes)
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to", "pdf",
                    "--outdir", str(folder), str(folder / "deck.pptx")], check=True, capture_output=True, timeout=180)
    return PdfReader(folder / "deck.pdf")


def test_libreoffice_renders_one_16_9_page_per_slide(deck, rendered):
    assert len(rendered.pages) == len(deck.slides)
    for page in rendered.pages:
        assert float(page.mediabox.width) / float(page.mediabox.height) == pytest.approx(16 / 9, abs=0.01)


def test_the_deck_says_16_9_where_powerpoint_reads_it(deck, deck_bytes):
    assert (deck.slide_width, deck.slide_height) == (Emu(12192000), Emu(6858000))
    assert deck.part._element.find(f"{NS_P}sldSz").get("type") in (None, "custom")
    app = zipfile.ZipFile(io.BytesIO(deck_bytes)).read("docProps/app.xml").decode("utf-8")
    assert "4:3" not in app and "<PresentationFormat>Widescreen</PresentationFormat>" in app


def test_every_shape_is_inside_its_slide(deck):
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, (number, shape.name)
            assert shape.left + shape.width <= deck.slide_width, (number, shape.name)
            assert shape.top + shape.height <= deck.slide_height, (number, shape.name)


def test_titles_are_in_the_title_placeholder_with_the_layouts_size(deck):
    for slide in list(deck.slides)[1:]:
        title = slide.shapes.title
        assert title is not None and title.is_placeholder and title.text
        paragraphs = title.text_frame.paragraphs
        assert all(p.font.size is None and all(run.font.size is None for run in p.runs) for p in paragraphs)  # the layout's
        assert title.width >= deck.slide_width * 0.85  # full width


def test_every_chart_slide_carries_its_citation_and_notes_keep_the_full_sources(deck):
    chart_slides = [s for s in deck.slides if any(shape.shape_type == 13 for shape in s.shapes)]  # 13: picture
    assert len(chart_slides) == 4
    for slide in chart_slides:
        texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame and shape != slide.shapes.title]
        citation = [t for t in texts if t.startswith("Kilde: Innovationsbarometeret ")]
        assert len(citation) == 1 and "CO-PI og Danmarks Statistik" in citation[0]
        assert "/lav-nye-services?periode=2018-2019,2021-2023" in citation[0] and "…" not in citation[0]
        notes = slide.notes_slide.notes_text_frame.text
        assert "Spørgsmål (" in notes and "https://" in notes


def test_the_template_in_the_repository_is_16_9():
    template = Presentation(str(TEMPLATE))
    assert (template.slide_width, template.slide_height) == (Emu(12192000), Emu(6858000))
    assert {"Title Slide", "Title Only"} <= {layout.name for layout in template.slide_layouts}
