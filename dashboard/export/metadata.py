"""What an exported image says about itself: the PDF's document title and subject (what a viewer
shows in its title bar), and the SVG's <title> and <desc> (what a screen reader reads)."""

import io
import re
from xml.sax.saxutils import escape

from pypdf import PdfReader, PdfWriter

_SVG_ROOT = re.compile(rb"<svg\b[^>]*>")


def pdf_with_metadata(pdf: bytes, title: str, subject: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({"/Title": title, "/Subject": subject, "/Creator": "Innovationsbarometeret",
                         "/Producer": "Innovationsbarometeret"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def svg_with_metadata(svg: bytes, title: str, description: str) -> bytes:
    """The SVG with <title> and <desc> as the root's first children, and named by them."""
    root = _SVG_ROOT.search(svg)
    if root is None:
        raise ValueError("not an SVG document")
    tag = root.group(0)
    named = tag[:-1] + b' role="img" aria-labelledby="ib-title ib-desc">'
    inserted = (f'<title id="ib-title">{escape(title)}</title><desc id="ib-desc">{escape(description)}</desc>'
                .encode("utf-8"))
    return svg[: root.start()] + named + inserted + svg[root.end():]
