"""One caption, every output: the page, the image, the presenter view and the slide of a chart
show the same words, made once by its Caption."""

import io

from pptx import Presentation

from dashboard.components.chart_card import chart_card
from dashboard.export.figure import export_figure
from dashboard.export.slides import theme_deck
from dashboard.figures.captions import citation
from dashboard.figures.chart_view import chart_view, chart_views
from dashboard.pages.presenter import presenter_layout
from dashboard.state import ParsedView, ViewState

VIEW = ViewState(periods=("2018-2019", "2021-2023"))


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, (list, tuple)):
        return [s for child in node for s in _strings(child)]
    children = getattr(node, "children", None)
    return _strings(children) if children is not None else []


def test_page_image_presenter_and_slide_say_the_same_words(data):
    theme = data.theme("lav-nye-services")
    chart = next(c for c in theme.charts if c.id == "seneste-innovation-type")
    shown = chart_view(data, theme, chart, VIEW)
    caption = shown.caption
    line = citation(caption)
    assert caption.gaps and caption.title and line.startswith("Kilde: Innovationsbarometeret 2018-2019 og 2021-2023")

    page = " ".join(_strings(chart_card(shown, VIEW)))
    assert caption.title in page and caption.gaps in page and line in page and caption.base in page

    image = export_figure(shown, "/lav-nye-services")
    words = " ".join([image.layout.title.text, image.layout.title.subtitle.text, *(a.text for a in image.layout.annotations)])
    words = words.replace("<br>", " ")
    assert caption.title in words and caption.gaps in words and caption.base in words
    assert citation(caption, "/lav-nye-services") in words

    presenter = " ".join(_strings(presenter_layout(data, theme, ParsedView(VIEW.as_presentation()), None, [])))
    slide_view = next(cv for cv in chart_views(data, theme, VIEW, text_scale=1.5) if cv.chart.id == chart.id)
    assert slide_view.caption == caption  # the presenter's larger text is the same caption
    assert caption.title in presenter and caption.gaps in presenter and line in presenter

    deck = Presentation(io.BytesIO(theme_deck(data, theme, VIEW, lambda figure: PNG, lambda cv: "/adresse", "/adresse")))
    slide = next(s for s in deck.slides if s.shapes.title.text == caption.title)
    texts = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    assert citation(caption, "/adresse") in texts


# A 1×1 PNG: the slide test needs an image, not a rendered chart.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8ffff3f0005fe02fea7d6a4a90000000049454e44ae426082"
)
