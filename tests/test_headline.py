"""The headline tile follows the view: the newest selected edition that published the figure."""

from dash import dcc

from dashboard.components.headline import headline_content, headline_row_for
from dashboard.state import ViewState

NBSP = "\u00a0"


def _texts(children) -> list[str]:
    out = []
    for child in children if isinstance(children, list) else [children]:
        if isinstance(child, str):
            out.append(child.replace(NBSP, " "))
        elif getattr(child, "children", None) is not None:
            out += _texts(child.children)
    return out


def test_the_newest_selected_edition_with_the_figure_is_shown(data):
    theme = data.theme("tjek-om-det-virker")
    rows = data.headline_rows(theme)
    assert len(rows) > 1 and [r.period for r in rows] == sorted(r.period for r in rows)
    newest, older = rows[-1], rows[-2]
    assert headline_row_for(rows, ViewState()) == newest
    assert headline_row_for(rows, ViewState(periods=(older.period,))) == older
    texts = _texts(headline_content(theme.headline, rows, ViewState(periods=(older.period,)), "/tjek-om-det-virker"))
    assert f"Periode: {older.period}" in texts


def test_without_the_figure_in_the_selection_the_tile_says_so_and_links_to_an_edition_that_has_it(data):
    theme = data.theme("lav-nye-services")
    rows = data.headline_rows(theme)
    missing = tuple(p for p in ("2013-2014", "2021-2023") if p not in {r.period for r in rows})
    content = headline_content(theme.headline, rows, ViewState(periods=missing), "/lav-nye-services")
    texts = " ".join(_texts(content))
    assert "Hovedtallet er ikke offentliggjort for 2013-2014 og 2021-2023." in texts
    assert f"Det findes for {rows[-1].period}." in texts
    (link,) = [c for c in content[-1].children if isinstance(c, dcc.Link)]
    assert link.href == ViewState(periods=tuple(sorted({*missing, rows[-1].period}))).link("/lav-nye-services")
    assert not any(t.endswith("%") for t in _texts(content))  # no number for an edition that has none


def test_an_edition_on_another_base_is_not_shown_under_the_headlines_words(data):
    """Skab værdi's headline speaks of workplaces; its 2013-2014 value is a share of innovations."""
    theme = data.theme("skab-vaerdi")
    rows = data.headline_rows(theme)
    assert {r.base for r in rows} == {data.headline_row(theme).base}
    texts = " ".join(_texts(headline_content(theme.headline, rows, ViewState(periods=("2013-2014",)), "/skab-vaerdi")))
    assert "Hovedtallet er ikke offentliggjort for 2013-2014." in texts


def test_the_headline_in_english_and_with_no_period_selected(data):
    theme = data.theme("tjek-om-det-virker")
    rows = data.headline_rows(theme)
    english = " ".join(_texts(headline_content(theme.headline, rows, ViewState(lang="en"), "/tjek-om-det-virker")))
    assert f"Period: {rows[-1].period}" in english and f"{rows[-1].value_pct}%" in english
    none = " ".join(_texts(headline_content(theme.headline, rows, ViewState(periods=()), "/tjek-om-det-virker")))
    assert "Hovedtallet er ikke offentliggjort for de valgte perioder." in none
