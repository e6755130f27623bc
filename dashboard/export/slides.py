"""A theme's current view as a PowerPoint deck: a title slide, one slide per chart
(its title, the chart image with source and N), and the case cards."""

import io
from collections.abc import Callable

from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from dashboard.data import DataSet
from dashboard.data.models import Case, Theme
from dashboard.export.figure import export_figure
from dashboard.figures.captions import SOURCE_NAME, citation
from dashboard.figures.chart_view import chart_views
from dashboard.formatting import period_list
from dashboard.i18n import localized, translator
from dashboard.state import ALL_TYPES, ViewState
from dashboard.vocabulary import INNOVATION_TYPES, SECTOR_OF_ONE

SLIDE_WIDTH, SLIDE_HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
CASES_PER_SLIDE = 3
CITATION_HEIGHT = Inches(0.45)
TITLE_ONLY, TITLE_AND_SUBTITLE = 5, 0


def view_description(view: ViewState) -> str:
    _ = translator(view.lang)
    types = _("alle innovationstyper") if view.types == ALL_TYPES else ", ".join(_(INNOVATION_TYPES[t]) for t in view.types)
    return _("Perioder: {periods} · Innovationstyper: {types}").format(
        periods=period_list(view.periods, view.lang) or _("ingen"), types=types
    )


def _text_box(slide, left, top, width, height, paragraphs: list[tuple[str, int, bool]]) -> None:
    frame = slide.shapes.add_textbox(left, top, width, height).text_frame
    frame.word_wrap = True
    for index, (text, size, bold) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = text
        paragraph.font.size = Pt(size)
        paragraph.font.bold = bold


def _chart_slide(deck, chart_view, png: bytes, address: str) -> None:
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
    lang = chart_view.caption.lang
    _ = translator(lang)
    slide.shapes.title.text = localized(chart_view.chart, "title", lang)
    slide.shapes.title.text_frame.paragraphs[0].font.size = Pt(30)
    top, room_w, room_h = Inches(1.45), SLIDE_WIDTH - 2 * MARGIN, SLIDE_HEIGHT - Inches(1.45) - CITATION_HEIGHT - Inches(0.3)
    picture = slide.shapes.add_picture(io.BytesIO(png), MARGIN, top)
    ratio = min(room_w / picture.width, room_h / picture.height)
    picture.width, picture.height = Emu(int(picture.width * ratio)), Emu(int(picture.height * ratio))
    picture.left = Emu(int((SLIDE_WIDTH - picture.width) / 2))
    caption = chart_view.caption
    _text_box(slide, MARGIN, SLIDE_HEIGHT - CITATION_HEIGHT - Inches(0.15), room_w, CITATION_HEIGHT,
              [(citation(caption, address), 11, False)])
    slide.notes_slide.notes_text_frame.text = "\n".join(
        [*(_("Spørgsmål ({periods}): {question}").format(periods=p, question=q) for p, q in caption.questions),
         *(_("Kilde: {sources}").format(sources=url) for url in caption.sources)]
    )


def _case_paragraphs(case: Case, lang: str) -> list[tuple[str, int, bool]]:
    _ = translator(lang)
    meta = " · ".join([case.organisation, _(SECTOR_OF_ONE[case.sector])] + ([str(case.year)] if case.year else []))
    return [
        (case.title_da, 16, True),
        (meta, 11, False),
        (localized(case, "summary", lang), 12, False),
        (_("Kilde: {sources}").format(sources=case.source_url), 9, False),
    ]


def _case_slides(deck, cases: tuple[Case, ...], lang: str) -> None:
    _ = translator(lang)
    for start in range(0, len(cases), CASES_PER_SLIDE):
        slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY])
        slide.shapes.title.text = _("Cases og værktøjer")
        width = int((SLIDE_WIDTH - 2 * MARGIN - Inches(0.4) * (CASES_PER_SLIDE - 1)) / CASES_PER_SLIDE)
        for column, case in enumerate(cases[start : start + CASES_PER_SLIDE]):
            left = MARGIN + column * (width + Inches(0.4))
            _text_box(slide, Emu(left), Inches(1.6), Emu(width), Inches(5.4), _case_paragraphs(case, lang))


def theme_deck(data: DataSet, theme: Theme, view: ViewState, render_png: Callable, address_of: Callable) -> bytes:
    """The deck; `render_png(figure)` turns an export figure into PNG bytes, `address_of(chart_view)`
    gives the chart's address for its citation."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    cover = deck.slides.add_slide(deck.slide_layouts[TITLE_AND_SUBTITLE])
    _ = translator(view.lang)
    cover.shapes.title.text = f"{localized(theme, 'title', view.lang)} – Innovationsbarometeret"
    cover.placeholders[1].text = view_description(view) + "\n" + _("Kilde: {sources}").format(sources=_(SOURCE_NAME))
    for chart_view in chart_views(data, theme, view):
        address = address_of(chart_view)
        _chart_slide(deck, chart_view, render_png(export_figure(chart_view, address, include_title=False)), address)
    cases = data.cases_for(theme.slug, view.types)
    if cases:
        _case_slides(deck, cases, view.lang)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
