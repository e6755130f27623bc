"""Numbers the Danish way, with Babel: `43 %`, `1.093`, `4,5 %`.

Values are shown with exactly the digits that were published; nothing is rounded.
"""

from decimal import Decimal

from babel.numbers import format_decimal

LOCALE = "da_DK"
NBSP = "\u00a0"


def number(value: int | Decimal) -> str:
    return format_decimal(value, format="#,##0.##########", locale=LOCALE)


def percent(value: Decimal) -> str:
    return f"{number(value)}{NBSP}%"


def approx_percent(value: Decimal) -> str:
    return f"ca.{NBSP}{percent(value)}"


def period_list(periods) -> str:
    """'2013-2014, 2015-2016 og 2021-2023'."""
    periods = list(periods)
    if len(periods) <= 1:
        return "".join(periods)
    return ", ".join(periods[:-1]) + " og " + periods[-1]
