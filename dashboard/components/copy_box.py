"""A text to copy (an embed code, an address, a citation): shown in full, selectable without a
script, with a button that copies it (assets/dashboard.js, `data-copy`); a citation's three forms;
and the buttons that copy the view's or a chart's address (`data-copy-link`)."""

from datetime import date

from dash import html

from dashboard.data import DataSet
from dashboard.i18n import translator
from dashboard.open_data.citations import Cited, cite


def copy_box(box_id: str, label: str, text: str, lang: str, rows: int = 3) -> html.Div:
    _ = translator(lang)
    return html.Div(
        className="copy-box",
        children=[
            html.Label(label, htmlFor=box_id, className="form-label"),
            html.Textarea(text, id=box_id, readOnly=True, rows=rows, className="form-control copy-text", spellCheck="false"),
            html.Div(className="copy-actions", children=[
                html.Button(_("Kopiér"), type="button", className="btn btn-outline-dark btn-sm copy-button",
                            **{"data-copy": box_id, "data-copied": _("Kopieret"),
                               "data-select": _("Teksten er markeret: kopiér den med Ctrl+C (⌘+C på Mac)")}),
                html.Span(className="copy-status", role="status"),
            ]),
        ],
    )


def copy_link_button(label: str, what: str, lang: str, className: str) -> html.Button:
    """Copies the view's address (`what` »page«) or the address of the chart it is in (»chart«),
    in the click itself, on the drawn page as on the live one (assets/dashboard.js). Its status is
    the element after it; where the clipboard is refused, the chart's address is shown there."""
    _ = translator(lang)
    copied = _("Linket er kopieret") if what == "page" else _("Linket til figuren er kopieret")
    failed = (_("Kunne ikke kopiere; kopiér adressen fra adresselinjen") if what == "page"
              else _("Kunne ikke kopiere. Linket til figuren:"))
    return html.Button(label, type="button", className=className,
                       **{"data-copy-link": what, "data-copied": copied, "data-failed": failed})


def citation_boxes(cited: Cited, data: DataSet, retrieved: date) -> list:
    _ = translator(cited.lang)
    citation = cite(cited, data.about, retrieved)
    return [
        copy_box("citat-tekst", _("Som tekst"), citation.text, cited.lang),
        copy_box("citat-bibtex", _("BibTeX"), citation.bibtex, cited.lang, rows=8),
        copy_box("citat-ris", _("RIS (EndNote, Zotero, Mendeley)"), citation.ris, cited.lang, rows=8),
    ]
