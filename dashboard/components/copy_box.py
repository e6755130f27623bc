"""A text to copy (an embed code, an address, a citation): shown in full, selectable without a
script, with a button that copies it (assets/dashboard.js, `data-copy`)."""

from dash import html

from dashboard.i18n import translator


def copy_box(box_id: str, label: str, text: str, lang: str, rows: int = 3) -> html.Div:
    _ = translator(lang)
    return html.Div(
        className="copy-box",
        children=[
            html.Label(label, htmlFor=box_id, className="form-label"),
            html.Textarea(text, id=box_id, readOnly=True, rows=rows, className="form-control copy-text", spellCheck="false"),
            html.Div(className="copy-actions", children=[
                html.Button(_("Kopiér"), type="button", className="btn btn-outline-dark btn-sm copy-button",
                            **{"data-copy": box_id, "data-copied": _("Kopieret")}),
                html.Span(className="copy-status", role="status"),
            ]),
        ],
    )
