"""What a filter change sends: every chart's figure and subtitle at once, everything the view shows
whatever the page showed before, the rest in a follow-up; and the same through Dash's callback endpoint."""

import json

import pytest
from dash import no_update

from bench.callback_request import PATH, filter_request, follow_up_request
from dashboard.components import ids
from dashboard.figures.chart_view import chart_views
from dashboard.filter_answer import CHART_PARTS, PAGE_PARTS, filter_response, follow_up_response
from dashboard.pages.theme import page_later_updates
from dashboard.state import ViewState


def _response(data, slug, view: ViewState):
    theme = data.theme(slug)
    chart_ids = tuple(c.id for c in theme.charts)
    return theme, chart_ids, filter_response(data, theme, view)


def test_a_period_change_sends_every_figure_and_subtitle_at_once(data):
    after = ViewState(periods=("2013-2014", "2018-2019", "2021-2023"))
    theme, chart_ids, response = _response(data, "lav-nye-services", after)
    expected = [cv.figure.to_plotly_json() for cv in chart_views(data, theme, after, list(chart_ids))]
    assert response["figures"] == json.loads(json.dumps(expected))
    assert set(response) == {*CHART_PARTS, *PAGE_PARTS}
    assert all(len(response[part]) == len(chart_ids) for part in CHART_PARTS)


def test_every_part_goes_out_even_for_charts_the_change_leaves_alone(data):
    # Answers to quick changes overlap: the view a request started from need not be the one its
    # answer lands on, so nothing may be left out as "unchanged".
    # The sector chart does not depend on the innovation type.
    view = ViewState(types=("proces", "kommunikation", "produkt"))
    theme, chart_ids, response = _response(data, "lav-nye-services", view)
    sector = chart_ids.index("arbejdspladser-sektor")
    expected = chart_views(data, theme, view)[sector].figure.to_plotly_json()
    assert response["figures"][sector] == json.loads(json.dumps(expected))
    for part in CHART_PARTS:
        assert all(value is not no_update for value in response[part])
    assert "cases" not in response and "headline" not in response  # they follow with the charts in words
    assert {"footers", "downloads", "gaps"} <= set(response)  # a chart's N and downloads never lag behind it
    follow_up = follow_up_response(data, theme, view)
    assert len(follow_up["words"]) == len(chart_ids) and all(v is not no_update for v in follow_up["words"])


def test_a_served_page_draws_its_first_chart_and_leaves_the_others_for_later(data):
    theme = data.theme("styr-processen")
    views = chart_views(data, theme, ViewState())
    later = page_later_updates(theme, views)
    assert [update["id"] for update in later] == [ids.chart_graph(theme.slug, cv.chart.id) for cv in views[1:]]
    assert all(update["value"]["data"] for update in later)


def test_the_callback_endpoint_answers_a_filter_change_with_plain_json(dash_app, data):
    theme = data.theme("lav-nye-services")
    body = filter_request(theme, ["2013-2014", "2018-2019", "2021-2023"], ["service", "proces", "kommunikation", "produkt"],
                          shown="")
    response = dash_app.server.test_client().post(PATH, data=body, content_type="application/json")
    assert response.status_code == 200
    answer = response.get_json()["response"]
    first_graph = json.dumps(ids.chart_graph(theme.slug, theme.charts[0].id), separators=(",", ":"), sort_keys=True)
    assert answer[first_graph]["figure"]["data"]


def test_plain_data_is_what_dash_sends_for_the_components():
    from dash import dcc, html
    from plotly.io.json import to_json_plotly

    from dashboard.components.plain_data import plain_data

    tree = html.Div([html.P(["a ", html.Strong("b")], **{"aria-label": "c"}), dcc.Link("d", href="/e"), None, 3],
                    id={"role": "x", "theme": "y"})
    assert plain_data({"parts": [tree, "text"]}) == json.loads(to_json_plotly({"parts": [tree, "text"]}))


def test_the_charts_in_words_and_the_case_list_follow_the_view_state(dash_app, data):
    theme = data.theme("lav-nye-services")
    query = ViewState(periods=("2021-2023",), types=("proces",)).query_string()
    pages = tuple(t.slug for t in data.page_themes)
    response = dash_app.server.test_client().post(PATH, data=follow_up_request(theme, query, pages),
                                                  content_type="application/json")
    assert response.status_code == 200
    answer = response.get_json()["response"]
    latest = json.dumps(ids.chart_words(theme.slug, "seneste-innovation-type"), separators=(",", ":"), sort_keys=True)
    words = json.dumps(answer[latest]["children"], ensure_ascii=False)
    assert "2021-2023" in words and "2018-2019" not in words
    cases = json.dumps(answer[json.dumps(ids.case_list(theme.slug), separators=(",", ":"), sort_keys=True)]["children"],
                       ensure_ascii=False)
    expected = [case.title_da for case in data.cases_for(theme.slug, ("proces",))]
    left_out = [case.title_da for case in data.cases_for(theme.slug) if case.title_da not in expected]
    assert expected and all(title in cases for title in expected) and left_out
    assert not any(title in cases for title in left_out)
    count = answer[json.dumps(ids.case_count(theme.slug), separators=(",", ":"), sort_keys=True)]["children"]
    assert str(len(expected)) in json.dumps(count)
    # The headline and the links that carry the view to other pages follow too.
    headline = json.dumps(ids.headline(theme.slug), separators=(",", ":"), sort_keys=True)
    assert "Hovedtallet er ikke offentliggjort" in json.dumps(answer[headline]["children"], ensure_ascii=False)
    link = json.dumps(ids.theme_link(theme.slug, "tjek-om-det-virker"), separators=(",", ":"), sort_keys=True)
    assert answer[link]["href"] == "/tjek-om-det-virker?periode=2021-2023&type=proces"
    link = json.dumps(ids.theme_link(theme.slug, "styr-processen"), separators=(",", ":"), sort_keys=True)
    assert answer[link]["href"] == "/styr-processen?type=proces"  # it has none of the selected editions
    back = json.dumps(ids.back_link(theme.slug), separators=(",", ":"), sort_keys=True)
    assert answer[back]["href"] == "/?periode=2021-2023&type=proces"


def test_a_request_naming_the_charts_over_and_over_gets_no_answer_and_caches_nothing(dash_app, data):
    """The answer is cached per (theme, view): a request that names other charts than the page's
    (here each chart 100 times, ~170 kB) is not the page's own and is answered with nothing."""
    from dashboard.filter_answer import filter_answer

    theme = data.theme("lav-nye-services")
    body = json.loads(filter_request(theme, ["2015-2016"], ["service"], shown=""))
    body["outputs"] = [[*chart_outputs] * 100 for chart_outputs in body["outputs"][:5]] + body["outputs"][5:]
    amplified = json.dumps(body).encode("utf-8")
    assert 150_000 < len(amplified) < 256 * 1024
    client = dash_app.server.test_client()
    before = filter_answer.cache_info()
    for _ in range(5):
        response = client.post(PATH, data=amplified, content_type="application/json")
        assert response.status_code == 204
    after = filter_answer.cache_info()
    assert (after.hits, after.misses) == (before.hits, before.misses)  # not even looked up
    # The page's own request for a view is computed at most once, then answered from the cache.
    honest = filter_request(theme, ["2015-2016", "2018-2019"], ["produkt"], shown="")
    assert client.post(PATH, data=honest, content_type="application/json").status_code == 200
    assert client.post(PATH, data=honest, content_type="application/json").status_code == 200
    final = filter_answer.cache_info()
    assert final.misses - after.misses <= 1 and final.hits - after.hits >= 1


def test_the_answer_is_typed_frozen_and_its_parts_are_the_callbacks_outputs(dash_app, data):
    from dataclasses import FrozenInstanceError, fields

    from dashboard.filter_answer import FOLLOW_UP_PARTS, FilterAnswer, filter_answer

    names = [f.name for f in fields(FilterAnswer)]
    assert names == [*CHART_PARTS, *PAGE_PARTS, *list(FOLLOW_UP_PARTS)[1:]]  # words: their own cache
    answer = filter_answer(data, data.theme("styr-processen"), ViewState())
    with pytest.raises(FrozenInstanceError):
        answer.query = "?x"
    declared = {key for key in dash_app.callback_map}
    for parts in ({**CHART_PARTS, **PAGE_PARTS}, FOLLOW_UP_PARTS):
        assert any(all(f'"role":"{part.role}"' in key and f".{part.prop}" in key for part in parts.values())
                   for key in declared)
