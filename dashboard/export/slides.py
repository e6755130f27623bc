"""A theme's current view as a PowerPoint deck on the 16:9 template (export/slide_template.py):
a cover (theme, the view, date and address), one slide per chart (its title in the layout's
title placeholder, so its size is the layout's and edits stick; the chart image fitted below it;
the citation on the slide; the questions and full source URLs in the notes), and the case cards."""

import io
from collections.abc import Callable
from datetime import date

from babel.dates import format_date
from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from dashboard.data import DataSet
from dashboard.data.models import Case, Theme
from dashboard.export.figure import export_figure
from dashboard.export.slide_template import template_path
from dashboard.figures.captions import SOURCE_NAME, citation
from dashboard.figures.chart_view import chart_views
from dashboard.formatting import period_list
from dashboard.i18n import LOCALES, translator
from dashboard.state import ALL_TYPES, ViewState
from dashboard.vocabulary import INNOVATION_TYPES, SECTOR_OF_ONE

MARGIN = Inches(0.5)
CASES_PER_SLIDE = 3
CITATION_HEIGHT = Inches(0.6)  # three lines at 10 pt: a long address wraps
CHART_PX = 960  # the chart image's width: its 14 px text is ~13 pt on the slide
TITLE_ONLY, TITLE_AND_SUBTITLE = "Title Only", "Title Slide"  # layouts by name: a swapped-in template keeps them


def _layout(deck, name: str):
    return next(layout for layout in deck.slide_layouts if layout.name == name)


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


def _chart_room(deck, slide) -> tuple[int, int, int]:
    """Where the chart goes: below the layout's title, above the citation (top, width, height)."""
    title = slide.shapes.title
    top = title.top + title.height + Inches(0.1)
    return top, deck.slide_width - 2 * MARGIN, deck.slide_height - top - CITATION_HEIGHT - Inches(0.25)


def _chart_slide(deck, slide, chart_view, png: bytes, address: str) -> None:
    caption = chart_view.caption
    _ = translator(caption.lang)
    slide.shapes.title.text = caption.title  # its size and font come from the layout
    width, height = deck.slide_width, deck.slide_height
    top, room_w, room_h = _chart_room(deck, slide)
    picture = slide.shapes.add_picture(io.BytesIO(png), MARGIN, top)
    ratio = min(room_w / picture.width, room_h / picture.height)  # fitted, never distorted
    picture.width, picture.height = Emu(int(picture.width * ratio)), Emu(int(picture.height * ratio))
    picture.left = Emu(int((width - picture.width) / 2))
    _text_box(slide, MARGIN, height - CITATION_HEIGHT - Inches(0.15), room_w, CITATION_HEIGHT,
              [(citation(caption, address), 10, False)])
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
        (case.summary.in_(lang), 12, False),
        (_("Kilde: {sources}").format(sources=case.source_url), 9, False),
    ]


def _case_slides(deck, cases: tuple[Case, ...], lang: str) -> None:
    _ = translator(lang)
    for start in range(0, len(cases), CASES_PER_SLIDE):
        slide = deck.slides.add_slide(_layout(deck, TITLE_ONLY))
        slide.shapes.title.text = _("Cases og værktøjer")
        width = int((deck.slide_width - 2 * MARGIN - Inches(0.4) * (CASES_PER_SLIDE - 1)) / CASES_PER_SLIDE)
        for column, case in enumerate(cases[start : start + CASES_PER_SLIDE]):
            left = MARGIN + column * (width + Inches(0.4))
            _text_box(slide, Emu(left), Inches(1.6), Emu(width), Inches(5.4), _case_paragraphs(case, lang))


def theme_deck(data: DataSet, theme: Theme, view: ViewState, render_png: Callable, address_of: Callable,
               page_address: str) -> bytes:
    """The deck; `render_png(figure)` turns an export figure into PNG bytes, `address_of(chart_view)`
    gives the chart's address for its citation, `page_address` the view's."""
    deck = Presentation(str(template_path()))
    cover = deck.slides.add_slide(_layout(deck, TITLE_AND_SUBTITLE))
    _ = translator(view.lang)
    cover.shapes.title.text = f"{theme.title.in_(view.lang)} – Innovationsbarometeret"
    subtitle = cover.placeholders[1].text_frame
    lines = [view_description(view), format_date(date.today(), format="long", locale=LOCALES[view.lang]),
             page_address, _("Kilde: {sources}").format(sources=_(SOURCE_NAME))]
    for index, line in enumerate(lines):
        paragraph = subtitle.paragraphs[0] if index == 0 else subtitle.add_paragraph()
        paragraph.text = line
        paragraph.font.size = Pt(16)
    for chart_view in chart_views(data, theme, view):
        address = address_of(chart_view)
        slide = deck.slides.add_slide(_layout(deck, TITLE_ONLY))
        _top, room_w, room_h = _chart_room(deck, slide)
        figure = export_figure(chart_view, address, include_title=False, width=CHART_PX, aspect=room_h / room_w)
        _chart_slide(deck, slide, chart_view, render_png(figure), address)
    cases = data.cases_for(theme.slug, view.types)
    if cases:
        _case_slides(deck, cases, view.lang)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
