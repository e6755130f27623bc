"""View state <-> URL query: defaults left out, bad parts dropped with a Danish notice."""

from dashboard.state import ALL_TYPES, ViewState, parse_query
from dashboard.vocabulary import PERIODS


def test_defaults_are_all_periods_and_types_and_leave_the_url_empty():
    assert parse_query({}).state == ViewState(PERIODS, ALL_TYPES)
    assert ViewState().query_string() == ""


def test_round_trip_of_a_filtered_view():
    view = ViewState(periods=("2015-2016", "2021-2023"), types=("service",))
    assert view.query_string() == "?periode=2015-2016,2021-2023&type=service"
    assert parse_query(view.to_query()) == parse_query({"periode": "2015-2016,2021-2023", "type": "service"})
    assert parse_query(view.to_query()).state == view
    assert parse_query(view.to_query()).notices == ()


def test_order_case_and_duplicates_are_normalised():
    parsed = parse_query({"periode": "2021-2023, 2013-2014,2021-2023", "type": "SERVICE,Proces"})
    assert parsed.state == ViewState(("2013-2014", "2021-2023"), ("proces", "service"))
    assert parsed.notices == ()


def test_unknown_values_are_dropped_and_reported():
    parsed = parse_query({"periode": "2019-2020,2015-2016", "type": "<script>alert(1)</script>"})
    assert parsed.state == ViewState(("2015-2016",), ALL_TYPES)
    assert parsed.notices == (
        "Periode: ukendt værdi ignoreret (2019-2020)",
        "Innovationstype: ukendt værdi ignoreret (<script>alert(1)</script>)",
    )


def test_empty_repeated_and_huge_values_fall_back_to_defaults():
    assert parse_query({"periode": ""}).state == ViewState()
    assert parse_query({"periode": ""}).notices == ("Periode: tom værdi ignoreret",)
    assert parse_query({"type": ["service", "produkt"]}).state.types == ("service", "produkt")
    huge = parse_query({"type": "service," * 2000})
    assert huge.state == ViewState() and huge.notices == ("Innovationstype: for lang værdi ignoreret",)


def test_controls_state_keeps_only_known_values_in_canonical_order():
    assert ViewState.from_controls(["2021-2023", "x", "2013-2014"], None) == ViewState(("2013-2014", "2021-2023"), ())


def test_language_is_part_of_the_view_and_its_link():
    view = ViewState(periods=("2021-2023",), lang="en")
    assert view.query_string() == "?periode=2021-2023&lang=en"
    assert parse_query(view.to_query()).state == view
    assert ViewState(lang="da").query_string() == ""
    assert ViewState.from_controls(["2021-2023"], ALL_TYPES, lang="en").lang == "en"
    assert ViewState.from_controls(["2021-2023"], ALL_TYPES, lang="xx").lang == "da"


def test_notices_are_written_in_the_links_language():
    english = parse_query({"lang": "en", "periode": "2019-2020,2015-2016", "farve": "blå"})
    assert english.state == ViewState(periods=("2015-2016",), lang="en")
    assert english.notices == ("Period: unknown value ignored (2019-2020)", "unknown parameter ignored (farve)")
    unknown_language = parse_query({"lang": "de", "periode": ""})
    assert unknown_language.state == ViewState()
    assert unknown_language.notices == ("Sprog: ukendt værdi ignoreret (de)", "Periode: tom værdi ignoreret")


# --- One canonical URL per view (a view is one cache key and one file name) ---

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from dashboard.i18n import LANGUAGES  # noqa: E402
from dashboard.state import SELECTABLE_SECTORS, parse_query_string  # noqa: E402


def _subsets(items):
    return st.lists(st.sampled_from(items), unique=True).map(lambda chosen: tuple(i for i in items if i in chosen))


VIEW_STATES = st.builds(ViewState, periods=_subsets(PERIODS), types=_subsets(ALL_TYPES),
                        sectors=_subsets(SELECTABLE_SECTORS), lang=st.sampled_from(LANGUAGES),
                        presentation=st.booleans())
WORDS = st.sampled_from([*PERIODS, *ALL_TYPES, "alle", *SELECTABLE_SECTORS, "ingen", "da", "en", "side",
                         "praesentation", "SERVICE", " stat", "x", ""])
QUERIES = st.dictionaries(st.sampled_from(["periode", "type", "sektor", "lang", "visning", "andet"]),
                          st.lists(WORDS, max_size=5).map(",".join), max_size=5)


@settings(max_examples=300, deadline=None)
@given(VIEW_STATES)
def test_every_view_reads_back_from_its_url(view):
    assert parse_query_string(view.query_string()).state == view
    assert parse_query_string(view.query_string()).notices == ()


@settings(max_examples=500, deadline=None)
@given(QUERIES)
def test_every_url_that_parses_writes_back_to_one_canonical_url(query):
    state = parse_query(query).state
    canonical = state.query_string()
    assert parse_query_string(canonical).state == state
    assert parse_query_string(canonical).state.query_string() == canonical


def test_the_sector_selection_never_holds_the_whole_public_sector():
    assert parse_query({"sektor": "alle,kommune"}).state == parse_query({"sektor": "kommune"}).state
    assert parse_query({"sektor": "alle,kommune"}).state.query_string() == "?sektor=kommune"
    assert ViewState.from_controls(PERIODS, ALL_TYPES, ["alle", "kommune"]).sectors == ("kommune",)
    only_whole = parse_query({"sektor": "alle"})
    assert only_whole.state.sectors == () and only_whole.notices == ()
    assert only_whole.state.query_string() == "?sektor=ingen"
    assert ViewState.from_controls([], [], []).query_string() == "?periode=ingen&type=ingen&sektor=ingen"
