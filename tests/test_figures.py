"""The pure figure functions: the right bars, values, labels and styles for given data and filters."""

import itertools

import plotly.graph_objects as go
import pytest

from dashboard import palette
from dashboard.figures.bars import figure_for_slice
from dashboard.figures.chart_slice import chart_slice
from dashboard.figures.gaps import gap_line
from dashboard.state import ALL_TYPES, ViewState
from dashboard.vocabulary import PERIODS

NBSP = "\u00a0"


def _chart(data, theme: str, chart_id: str):
    return next(c for c in data.theme(theme).charts if c.id == chart_id)


def _figure(data, theme, chart_id, view=ViewState()):
    return figure_for_slice(chart_slice(data, _chart(data, theme, chart_id), view))


def _bars(figure: go.Figure) -> list[go.Bar]:
    return [t for t in figure.data if isinstance(t, go.Bar)]


def _texts(figure: go.Figure) -> list[str]:
    """Every text drawn on the chart besides bar labels: words, gaps, headings and notes."""
    words = [t for trace in figure.data if isinstance(trace, go.Scatter) for t in trace.text]
    title = [figure.layout.title.text] if figure.layout.title.text else []
    return [t.replace(NBSP, " ").strip() for t in words + [a.text for a in figure.layout.annotations] + title]


def test_exact_values_are_solid_bars_labelled_the_danish_way(data):
    figure = _figure(data, "lav-nye-services", "arbejdspladser-type")
    (exact,) = _bars(figure)
    assert list(exact.x) == [43.0, 81.0, 83.0]
    assert list(exact.text) == [f"43{NBSP}%", f"81{NBSP}%", f"83{NBSP}%"]
    assert exact.marker.pattern.shape == ""
    assert list(exact.marker.color) == [palette.edition_colour(p) for p in ("2015-2016", "2018-2019", "2021-2023")]


def test_every_bar_has_its_edition_colour_on_every_chart_and_its_edition_or_sector_as_label(data):
    for theme in data.page_themes:
        for chart in theme.charts:
            slice_ = chart_slice(data, chart, ViewState())
            figure = figure_for_slice(slice_)
            for bar in _bars(figure):
                for hover, colour in zip(bar.customdata, bar.marker.line.color):
                    period = hover.split("<br>")[1]
                    assert colour == palette.edition_colour(period), (chart.id, hover)
            assert not figure.layout.showlegend  # the labels say what a legend would


def test_approximate_values_are_hatched_lighter_and_labelled_ca(data):
    figure = _figure(data, "lav-nye-services", "flere-typer")
    exact, approx = _bars(figure)
    assert list(approx.x) == [50.0] and list(approx.text) == [f"ca.{NBSP}50{NBSP}%"]
    assert approx.marker.pattern.shape == "/"
    assert list(approx.marker.color) == [palette.tint(palette.edition_colour("2018-2019"))]
    assert "offentliggjort i ord som »halvdelen«" in approx.customdata[0]
    assert list(exact.x) == [47.0]


def test_verbal_values_show_their_words_and_no_bar(data):
    figure = _figure(data, "styr-processen", "formaal")
    (approx,) = _bars(figure)
    assert list(approx.x) == [25.0]
    assert "»ofte«" in _texts(figure)


def test_gaps_get_no_row_and_are_named_once_in_the_gap_line(data):
    slice_ = chart_slice(data, _chart(data, "lav-nye-services", "seneste-innovation-type"),
                         ViewState.from_controls(["2018-2019"], ALL_TYPES))
    figure = figure_for_slice(slice_)
    (exact,) = _bars(figure)
    assert list(exact.x) == [81.0, 31.0, 40.0]  # no row for produkt
    headings = [t for t in _texts(figure) if "<b>" in t]
    assert len(headings) == 3 and not any("Produkt" in t for t in headings)
    assert gap_line(slice_) == "Ikke offentliggjort: Produktinnovation 2018-2019"
    assert not any("Ikke offentliggjort" in t for t in _texts(figure))


def test_a_chart_of_one_edition_does_not_repeat_it_on_every_row(data):
    one = _figure(data, "lav-nye-services", "seneste-innovation-type", ViewState.from_controls(["2021-2023"], ALL_TYPES))
    assert not one.layout.yaxis.ticktext  # the subtitle names the edition
    two = _figure(data, "lav-nye-services", "seneste-innovation-type",
                  ViewState.from_controls(["2018-2019", "2021-2023"], ALL_TYPES))
    assert set(two.layout.yaxis.ticktext) == {"2018-2019", "2021-2023"}


def test_a_sector_chart_compares_sectors_within_an_edition_and_names_its_gaps_together(data):
    view = ViewState.from_controls(["2018-2019", "2021-2023"], ALL_TYPES)
    figure = _figure(data, "lav-nye-services", "arbejdspladser-sektor", view)
    headings = [t.strip() for t in _texts(figure) if "<b>" in t]
    assert headings == ["<b>2018-2019</b>", "<b>2021-2023</b>"]
    assert [t.replace("<br>", " ") for t in figure.layout.yaxis.ticktext] == [
        "Hele den offentlige sektor", "Kommuner", "Regioner", "Staten", "Hele den offentlige sektor"]
    slice_ = chart_slice(data, _chart(data, "lav-nye-services", "arbejdspladser-sektor"), view)
    assert gap_line(slice_) == "Ikke offentliggjort: Kommuner, Regioner og Staten 2021-2023"


def test_selection_outside_the_published_figure_is_named_in_the_gap_line(data):
    slice_ = chart_slice(data, _chart(data, "lav-nye-services", "arbejdspladser-type"), ViewState())
    assert slice_.unpublished_periods == ("2013-2014",)
    assert slice_.unpublished_types == ("proces", "produkt")
    assert [g.key for g in slice_.groups] == ["service", "kommunikation", "mindst_en"]
    assert gap_line(slice_).startswith("Ikke offentliggjort: 2013-2014; Proces og organisering; Produkt;")


def test_a_period_with_nothing_published_gives_a_sentence_not_empty_axes(data):
    figure = _figure(data, "styr-processen", "forloeb", ViewState.from_controls(["2021-2023"], ALL_TYPES))
    assert not figure.data
    assert [t.replace("<br>", " ") for t in _texts(figure)] == ["Intet offentliggjort for det valgte: 2021-2023"]


def test_type_filter_narrows_type_charts_and_leaves_others_unchanged(data):
    only_product = ViewState.from_controls(PERIODS, ["produkt"])
    latest = chart_slice(data, _chart(data, "lav-nye-services", "seneste-innovation-type"), only_product)
    assert [g.key for g in latest.groups] == ["produkt"] and latest.type_filter_applies
    by_type = chart_slice(data, _chart(data, "lav-nye-services", "arbejdspladser-type"), only_product)
    assert [g.key for g in by_type.groups] == ["mindst_en"]  # 'any type' is not a type: it stays

    sector_chart = _chart(data, "lav-nye-services", "arbejdspladser-sektor")
    assert chart_slice(data, sector_chart, only_product) == chart_slice(data, sector_chart, ViewState())
    assert not chart_slice(data, sector_chart, only_product).type_filter_applies


def test_sector_chart_groups_by_sector_with_the_published_values(data):
    slice_ = chart_slice(data, _chart(data, "lav-nye-services", "arbejdspladser-sektor"), ViewState())
    values = {(s.group, s.period): s.row.value_pct for g in slice_.groups for s in g.slots if s.row}
    assert {k: int(v) for k, v in values.items()} == {
        ("alle", "2018-2019"): 81, ("alle", "2021-2023"): 83, ("kommune", "2018-2019"): 80,
        ("region", "2015-2016"): 80, ("region", "2018-2019"): 85, ("stat", "2018-2019"): 84,
    }


@pytest.mark.parametrize("periods, types, message", [
    ([], [], "Vælg mindst én periode og én innovationstype"),
    ([], ALL_TYPES, "Vælg mindst én periode"),
])
def test_no_selection_names_what_is_missing(data, periods, types, message):
    figure = _figure(data, "lav-nye-services", "seneste-innovation-type", ViewState.from_controls(periods, types))
    assert not figure.data
    assert [t.replace("<br>", " ") for t in _texts(figure)] == [message]


def _subsets(items):
    return [c for n in range(len(items) + 1) for c in itertools.combinations(items, n)]


@pytest.mark.parametrize("periods", _subsets(PERIODS), ids=lambda p: ",".join(p) or "none")
def test_every_bar_in_every_view_is_a_published_value_and_none_is_invented(data, periods):
    published = {(r.figure_id, r.period, r.sector, r.category): r for r in data.figures}
    for types in _subsets(ALL_TYPES):
        view = ViewState.from_controls(periods, types)
        for theme in data.page_themes:
            for chart in theme.charts:
                slice_ = chart_slice(data, chart, view)
                for group in slice_.groups:
                    for slot in group.slots:
                        assert slot.period in periods
                        if slot.row is not None:
                            assert published[(slot.row.figure_id, slot.period, slot.row.sector, slot.row.category)] is slot.row
                figure = figure_for_slice(slice_)
                drawn = sorted(x for bar in _bars(figure) for x in bar.x)
                expected = sorted(float(r.value_pct) for r in slice_.rows if r.precision != "verbal")
                assert drawn == expected
                assert all(x > 0 for x in drawn)  # nothing published is zero: a zero bar is always a gap
                words = [t for trace in figure.data if trace.name == "words" for t in trace.text]
                assert len(drawn) + len(words) == len(slice_.rows)  # one row per published value, none for a gap
                gaps = [s for g in slice_.groups for s in g.slots if s.row is None]
                if gaps or slice_.unpublished_periods or slice_.unpublished_types:
                    assert gap_line(slice_).startswith("Ikke offentliggjort: ")
