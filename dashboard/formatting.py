"""Numbers in the reader's language, with Babel: `43 %`, `1.093`, `4,5 %` in Danish;
`43%`, `1,093`, `4.5%` in English.

Values are shown with exactly the digits that were published; nothing is rounded.
"""

from decimal import Decimal

from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent

from dashboard.i18n import LOCALES, translator

NBSP = "\u00a0"


def number(value: int | Decimal, lang: str) -> str:
    return format_decimal(value, format="#,##0.##########", locale=LOCALES[lang])


def percent(value: int | Decimal, lang: str) -> str:
    return format_percent(Decimal(value) / 100, locale=LOCALES[lang], decimal_quantization=False)


def approx_percent(value: Decimal, lang: str) -> str:
    _ = translator(lang)
    return _("ca.") + NBSP + percent(value, lang)


def word_list(words, lang: str) -> str:
    """'Kommuner, Regioner og Staten' ('…, Regions and the State'); '' for none."""
    words = list(words)
    return format_list(words, locale=LOCALES[lang]) if words else ""


def period_list(periods, lang: str) -> str:
    """'2013-2014, 2015-2016 og 2021-2023' ('… and 2021-2023')."""
    return word_list(periods, lang)


def long_date(day, lang: str) -> str:
    """'30. november 2026' ('30 November 2026')."""
    return format_date(day, format="long", locale=LOCALES[lang])
