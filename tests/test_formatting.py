from decimal import Decimal

from dashboard.formatting import approx_percent, number, percent, period_list


def test_danish_number_and_percent_formats_keep_the_published_digits():
    assert number(1093, "da") == "1.093"
    assert number(2362, "da") == "2.362"
    assert percent(Decimal("43"), "da") == "43\u00a0%"
    assert percent(Decimal("4.5"), "da") == "4,5\u00a0%"
    assert percent(Decimal("12.25"), "da") == "12,25\u00a0%"
    assert approx_percent(Decimal("25"), "da") == "ca.\u00a025\u00a0%"


def test_english_number_and_percent_formats_keep_the_published_digits():
    assert number(1093, "en") == "1,093"
    assert percent(Decimal("43"), "en") == "43%"
    assert percent(Decimal("4.5"), "en") == "4.5%"
    assert percent(Decimal("12.25"), "en") == "12.25%"
    assert approx_percent(Decimal("25"), "en") == "approx.\u00a025%"


def test_period_lists_read_in_each_language():
    assert period_list(["2013-2014"], "da") == "2013-2014"
    assert period_list(["2013-2014", "2015-2016", "2021-2023"], "da") == "2013-2014, 2015-2016 og 2021-2023"
    assert period_list(["2013-2014", "2015-2016", "2021-2023"], "en") == "2013-2014, 2015-2016 and 2021-2023"
    assert period_list([], "en") == ""
