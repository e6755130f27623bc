"""»Alle tal«: the selection's URL form, search, filters, sort and pages (open_data/figure_query.py),
the page the server writes for it, and its files."""

import csv
import io
import re
from html import unescape
from pathlib import Path
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.open_data.figure_query import PAGE_SIZE, SORT_KEYS, FigureQuery, facet_counts, parse_figure_query, select
from dashboard.open_data.records import FIGURE_FIELDS, figure_key
from dashboard.vocabulary import BASES, PERIODS, PRECISIONS, SECTORS

ROOT = Path(__file__).resolve().parents[1]


def test_every_figure_by_default(data):
    chosen = select(data, parse_figure_query({}, data))
    assert len(chosen.rows) == len(data.figures)
    assert {figure_key(r) for r in chosen.rows} == {figure_key(r) for r in data.figures}


def test_filters_narrow_to_exactly_the_matching_rows(data):
    query = parse_figure_query({"tema": "samarbejd,lav-nye-services", "periode": "2021-2023", "praecision": "exact"}, data)
    expected = [r for r in data.figures if r.theme in ("samarbejd", "lav-nye-services") and r.period == "2021-2023"
                and r.precision == "exact"]
    assert expected and sorted(map(figure_key, select(data, query).rows)) == sorted(map(figure_key, expected))


def test_search_finds_words_in_question_answer_and_theme_in_either_language(data):
    by_answer = select(data, parse_figure_query({"q": "BORGERE"}, data)).rows
    assert by_answer and all("borgere" in " ".join(filter(None, (r.question_da, r.label_da, r.label_en))).lower()
                             or r.theme == "skab-ny-dialog" for r in by_answer)
    english = select(data, parse_figure_query({"q": "citizens"}, data)).rows
    assert english and all("citizens" in r.label_en.lower() for r in english)
    theme = select(data, parse_figure_query({"q": "Lav nye services"}, data)).rows
    assert {r.theme for r in theme} == {"lav-nye-services"}
    assert not select(data, parse_figure_query({"q": "borgere zzzz"}, data)).rows  # every word must match


@pytest.mark.parametrize("attribute", ["themes", "periods", "sectors", "bases", "precisions"])
def test_each_filter_option_says_how_many_rows_it_leads_to(data, attribute):
    query = parse_figure_query({"q": "innovation", "praecision": "exact"}, data)
    counts = facet_counts(data, query, attribute)
    assert counts
    for value, count in counts.items():
        alone = query.with_(**{attribute: (value,)})
        assert len(select(data, alone).rows) == count, value


def test_sort_by_value_puts_words_only_values_last_in_either_order(data):
    for order in ("op", "ned"):
        rows = select(data, parse_figure_query({"sorter": "vaerdi", "orden": order}, data)).rows
        values = [r.value_pct for r in rows if r.value_pct is not None]
        assert values == sorted(values, reverse=order == "ned")
        assert all(r.value_pct is None for r in rows[len(values):])


def test_a_mangled_link_opens_with_what_it_could_use_and_says_what_it_dropped(data):
    query = parse_figure_query({"periode": "2021-2023,1999", "sorter": "farve", "side": "-2", "hvad": "x"}, data)
    assert query.periods == ("2021-2023",) and query.sort == "tema" and query.page == 1
    assert len(query.notices) == 4


def test_pages_hold_page_size_rows_and_cover_every_row_once(data):
    many = replace(data, figures=data.figures * 60)  # ~5,000 rows, as the Statbank tables can bring
    seen, page = [], 1
    while True:
        chosen = select(many, FigureQuery(page=page))
        seen += chosen.page_rows
        assert len(chosen.page_rows) <= PAGE_SIZE
        if page == chosen.pages:
            break
        page += 1
    assert len(seen) == len(many.figures) and chosen.pages == -(-len(many.figures) // PAGE_SIZE)
    assert select(many, FigureQuery(page=10_000)).page == chosen.pages  # a page beyond the last shows the last


selections = st.builds(
    FigureQuery,
    search=st.sampled_from(["", "borgere", "ledere digital"]),
    themes=st.sampled_from([(), ("samarbejd",), ("lav-nye-services", "samarbejd")]),
    periods=st.lists(st.sampled_from(PERIODS), unique=True).map(lambda ps: tuple(p for p in PERIODS if p in ps)),
    sectors=st.lists(st.sampled_from(tuple(SECTORS)), unique=True).map(lambda ss: tuple(s for s in SECTORS if s in ss)),
    bases=st.lists(st.sampled_from(tuple(BASES)), unique=True).map(lambda bs: tuple(b for b in BASES if b in bs)),
    precisions=st.lists(st.sampled_from(PRECISIONS), unique=True).map(lambda ps: tuple(p for p in PRECISIONS if p in ps)),
    sort=st.sampled_from(SORT_KEYS), order=st.sampled_from(("op", "ned")), page=st.integers(1, 3),
    lang=st.sampled_from(("da", "en")),
)


@settings(max_examples=200, deadline=None)
@given(selections)
def test_a_selection_reads_back_from_its_link(data, query):
    themes = tuple(t.slug for t in data.themes if t.slug in query.themes)
    query = replace(query, themes=themes)
    link = query.link()
    pairs = dict(part.split("=", 1) for part in link.partition("?")[2].split("&") if part)
    from urllib.parse import unquote_plus
    assert parse_figure_query({k: unquote_plus(v) for k, v in pairs.items()}, data) == query


def test_the_page_lists_the_selection_with_each_rows_chart_link(dash_app):
    client = dash_app.server.test_client()
    page = client.get("/tal?tema=samarbejd&periode=2013-2014").get_data(as_text=True)
    rows = [r for r in dash_app.dataset.figures if r.theme == "samarbejd" and r.period == "2013-2014"]
    assert page.count('class="figure-link"') == len(rows) > 0
    assert "/samarbejd?periode=2013-2014#figur-" in page
    assert f"Viser alle {len(rows)} tal" in page


def test_an_approximate_value_is_shown_apart_from_an_exact_one(dash_app):
    page = dash_app.server.test_client().get("/tal?praecision=approx,verbal").get_data(as_text=True)
    assert 'class="value value-approx"' in page and "ca.\u00a0" in page and 'class="value value-exact"' not in page


def test_the_selection_downloads_as_csv_with_every_row_and_the_data_files_columns(dash_app):
    response = dash_app.server.test_client().get("/tal.csv?tema=samarbejd&sorter=vaerdi&orden=ned")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "udvalg_udgivelse-2_" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    expected = select(dash_app.dataset, parse_figure_query({"tema": "samarbejd", "sorter": "vaerdi", "orden": "ned"}, dash_app.dataset)).rows
    assert [r["id"] for r in rows] == [figure_key(r) for r in expected]
    assert list(rows[0]) == list(FIGURE_FIELDS)
    assert dash_app.server.test_client().get("/tal.xlsx").status_code == 200


def test_the_selection_keeps_each_value_as_data_writes_it(dash_app):
    """Every value and N as written in data/figures.csv, whatever the selection (no »30.0«)."""
    with (ROOT / "data" / "figures.csv").open(encoding="utf-8", newline="") as source:
        written = {f"{r['figure_id']}.{r['period']}.{r['sector']}.{r['category']}": r for r in csv.DictReader(source)}
    for query in ("", "?praecision=exact", "?tema=samarbejd"):
        text = dash_app.server.test_client().get("/tal.csv" + query).get_data(as_text=True)
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows and all(r["value_pct"] == written[r["id"]]["value_pct"] for r in rows), query
        assert all(r["n"] == written[r["id"]]["n_obs"] for r in rows), query
        assert all(r["words_da"] == written[r["id"]]["verbal_da"] for r in rows), query


@pytest.mark.parametrize("path, description", [
    ("/tal?lang=en", "All published figures of Innovationsbarometeret in one table"),
    ("/data?lang=en", "Innovationsbarometeret's figures as files"),
    ("/tal", "Alle offentliggjorte tal i Innovationsbarometeret i én tabel"),
])
def test_the_pages_say_what_they_are_in_their_language(dash_app, path, description):
    page = dash_app.server.test_client().get(path).get_data(as_text=True)
    head = page[:page.index("</head>")]
    assert f'<html lang="{"en" if "lang=en" in path else "da"}">' in page
    found = re.search(r'<meta name="description" content="([^"]*)"', head)
    assert found and unescape(found.group(1)).startswith(description) and "Project-Id" not in head


def test_a_charts_share_page_is_titled_in_its_language(dash_app):
    chart = dash_app.dataset.theme("samarbejd").charts[0]
    page = dash_app.server.test_client().get(f"/del/samarbejd/{chart.id}?lang=en").get_data(as_text=True)
    assert f"<title>Embed or cite – {chart.title_en} – Innovationsbarometeret</title>" in page


def test_every_link_of_the_open_data_page_answers(dash_app):
    client = dash_app.server.test_client()
    page = client.get("/data").get_data(as_text=True)
    body = page[page.index('id="ib-server-view"'):page.index('id="react-entry-point"')]
    links = {unescape(href) for href in re.findall(r'href="(/[^"#]*)"', body)}
    assert {"/data/datapackage.json", "/api/v1/openapi.json", "/tal"} <= links
    for link in links:
        assert client.get(link).status_code == 200, link
