"""Links that carry the view to other pages: the selection stays where the other page has it."""

from dashboard.components.shell import overview_href, theme_hrefs
from dashboard.figures.availability import Availability, carried_view
from dashboard.state import ALL_TYPES, ViewState
from dashboard.vocabulary import PERIODS


def test_a_theme_link_keeps_the_editions_the_theme_has_and_falls_back_to_all():
    target = Availability(periods=("2013-2014", "2018-2019"), types=("service",))
    kept = carried_view(ViewState(periods=("2018-2019", "2021-2023"), types=("service",), lang="en"), target)
    assert kept.periods == ("2018-2019", "2021-2023") and kept.types == ("service",) and kept.lang == "en"
    fallback = carried_view(ViewState(periods=("2021-2023",), types=("produkt",)), target)
    assert fallback.periods == PERIODS and fallback.types == ALL_TYPES


def test_a_page_without_types_passes_the_selected_types_on():
    kept = carried_view(ViewState(types=("proces",)), Availability(periods=("2013-2014",), types=()))
    assert kept.types == ("proces",)


def test_an_empty_selection_is_never_written_into_a_link():
    assert overview_href(ViewState(periods=(), types=())) == "/"
    assert overview_href(ViewState(periods=("2021-2023",), types=())) == "/?periode=2021-2023"


def test_every_theme_link_of_a_view_parses_back_without_a_notice(data):
    from dashboard.state import parse_query_string

    for href in theme_hrefs(data, ViewState(periods=("2021-2023",), types=("service",), lang="en")):
        query = href.partition("?")[2]
        assert parse_query_string("?" + query).notices == ()
