"""The interface in Danish and English, with gettext catalogues kept by Babel.

Messages are written in Danish in the code (the msgids); `dashboard/locale/en/` holds the
English catalogue. `make translations` extracts, updates and compiles it; a test fails
when a message has no English translation. Texts that come with the data (titles,
labels, case summaries) are not messages: they carry their own `_da`/`_en` fields, read as one
`data.models.LocalizedText` (`theme.title.in_(lang)`).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from gettext import NullTranslations
from pathlib import Path

from babel.support import Translations



@dataclass(frozen=True)
class Language:
    """What differs between the interface's languages, said once (a new language is a new row,
    a catalogue under locale/ and `_<code>` fields in the data files)."""

    code: str
    locale: str  # Babel's, for numbers and lists
    switch_label: str  # the language switch on the other language's pages names this one so
    plotly_separators: str  # decimal and thousands separators of numbers Plotly formats itself
    csv_separator: str  # a CSV opens in that language's spreadsheet programs
    csv_decimal: str


LANGUAGE_SETTINGS = {
    "da": Language("da", "da_DK", "Dansk", ",.", ";", ","),
    "en": Language("en", "en_GB", "English", ".,", ",", "."),
}
LANGUAGES = tuple(LANGUAGE_SETTINGS)
DEFAULT_LANGUAGE = "da"
LOCALES = {code: language.locale for code, language in LANGUAGE_SETTINGS.items()}
LOCALE_DIRECTORY = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Marks a message for extraction where it is defined; it is translated where it is shown."""
    return message


@lru_cache(maxsize=None)
def translations(lang: str) -> NullTranslations:
    """The catalogue of `lang`. Danish needs none (the messages are Danish); a missing
    English catalogue is an error, never a silent fall back to Danish."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    if lang == DEFAULT_LANGUAGE:
        return NullTranslations()
    catalogue = LOCALE_DIRECTORY / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    with catalogue.open("rb") as compiled:
        return Translations(compiled, domain=DOMAIN)


def translator(lang: str) -> Callable[[str], str]:
    return translations(lang).gettext


def plural_translator(lang: str) -> Callable[[str, str, int], str]:
    return translations(lang).ngettext


def danish_marker(lang: str) -> dict:
    """`lang="da"` for an element holding Danish-only text (a case title, a question as
    asked) on a page in another language, so screen readers pronounce it as Danish."""
    return {} if lang == DEFAULT_LANGUAGE else {"lang": DEFAULT_LANGUAGE}
