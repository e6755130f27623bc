"""The PowerPoint template the decks are built on: 16:9 (13.333 × 7.5 in), with the site's ink
colour and a full-width title in every layout. `dashboard/export/slides-template.pptx` is written
by `python -m dashboard.export.slide_template` from python-pptx's own template; an organisation
can swap in its own file (DASHBOARD_SLIDES_TEMPLATE) with layouts named »Title Slide« and
»Title Only«, and the decks take its fonts, colours and title sizes.
"""

import os
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.util import Emu

from dashboard.palette import INK

TEMPLATE = Path(__file__).with_name("slides-template.pptx")
WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in
FONT = "Calibri"
_NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
       "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}


def template_path() -> Path:
    return Path(os.environ.get("DASHBOARD_SLIDES_TEMPLATE") or TEMPLATE)


def _widen(shapes, ratio: float) -> None:
    """Placeholders keep their place relative to the slide, now wider (those with a place of their
    own: the others inherit it from the master)."""
    for shape in shapes:
        if shape.is_placeholder and shape._element.xfrm is not None:
            shape.left, shape.width = Emu(int(shape.left * ratio)), Emu(int(shape.width * ratio))


def _style_master(master) -> None:
    """Titles and text in the site's ink and font; the title size stays the master's (44 pt)."""
    styles = master._element.find("p:txStyles", _NS)
    for style in ("p:titleStyle", "p:bodyStyle"):
        for level in styles.find(style, _NS):
            defaults = level.find("a:defRPr", _NS)
            if defaults is None:
                continue
            for old in defaults.findall("a:solidFill", _NS) + defaults.findall("a:latin", _NS):
                defaults.remove(old)
            fill = etree.SubElement(defaults, f"{{{_NS['a']}}}solidFill")
            etree.SubElement(fill, f"{{{_NS['a']}}}srgbClr", val=INK.lstrip("#").upper())
            etree.SubElement(defaults, f"{{{_NS['a']}}}latin", typeface=FONT)
            defaults[:] = sorted(defaults, key=lambda e: 0 if e.tag.endswith("ln") else 1 if e.tag.endswith("solidFill") else 2)


def build_template() -> Presentation:
    deck = Presentation()
    ratio = WIDTH / deck.slide_width
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    size = deck.part._element.find("p:sldSz", _NS)
    size.attrib.pop("type", None)  # no longer the 4:3 »screen4x3«; 13.333 × 7.5 in is PowerPoint's widescreen
    master = deck.slide_master
    _widen(master.placeholders, ratio)
    for layout in deck.slide_layouts:
        _widen(layout.placeholders, ratio)
    _style_master(master)
    return deck


def mark_widescreen(deck: Presentation) -> None:
    """docProps/app.xml names the format PowerPoint shows in its file info."""
    for part in deck.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = part.blob.replace(b"On-screen Show (4:3)", b"Widescreen")


if __name__ == "__main__":
    template = build_template()
    mark_widescreen(template)
    template.save(TEMPLATE)
    print(f"wrote {TEMPLATE}")
