"""How one published value is said, in a bar label and in a sentence.

One wording for the hover, the table, the summary and the exports, so an approximate
value reads the same wherever it appears.
"""

from dashboard.data.models import FigureRow
from dashboard.formatting import approx_percent, percent
from dashboard.i18n import translator
from dashboard.vocabulary import NOT_PUBLISHED


def quoted(words: str, lang: str) -> str:
    """Published words in the language's quotation marks: »hver fjerde« / “hver fjerde”."""
    _ = translator(lang)
    return _("»{words}«").format(words=words)


def value_label(row: FigureRow | None, lang: str) -> str:
    """The short form, beside a bar: `43 %`, `ca. 25 %`, `»ofte«`, `Ikke offentliggjort`."""
    _ = translator(lang)
    if row is None:
        return _(NOT_PUBLISHED)
    if row.precision == "exact":
        return percent(row.value_pct, lang)
    if row.precision == "approx":
        return approx_percent(row.value_pct, lang)
    return quoted(row.verbal_da, lang)


def value_text(row: FigureRow | None, lang: str) -> str:
    """The full form, saying how an approximate or verbal value was published."""
    _ = translator(lang)
    if row is None or row.precision == "exact":
        return value_label(row, lang)
    if row.precision == "approx":
        return _("{value} (offentliggjort i ord som {words})").format(
            value=approx_percent(row.value_pct, lang), words=quoted(row.verbal_da, lang)
        )
    return _("{words} (offentliggjort i ord, uden tal)").format(words=quoted(row.verbal_da, lang))
