from decimal import Decimal

from dashboard.formatting import approx_percent, number, percent, period_list


def test_danish_number_and_percent_formats_keep_the_published_digits():
    assert number(1093) == "1.093"
    assert number(2362) == "2.362"
    assert percent(Decimal("43")) == "43\u00a0%"
    assert percent(Decimal("4.5")) == "4,5\u00a0%"
    assert percent(Decimal("12.25")) == "12,25\u00a0%"
    assert approx_percent(Decimal("25")) == "ca.\u00a025\u00a0%"


def test_period_lists_read_as_danish():
    assert period_list(["2013-2014"]) == "2013-2014"
    assert period_list(["2013-2014", "2015-2016", "2021-2023"]) == "2013-2014, 2015-2016 og 2021-2023"
