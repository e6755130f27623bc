"""Every verified value (version 2: 88 rows) is shown: each row of figures.csv is drawn by at
least one chart of a theme page, stands in that chart's table on the page in both languages,
and is in the chart's CSV download, with its own wording and precision."""

import csv
import io

import pytest

from dashboard.components.chart_card import chart_card
from dashboard.export.tables import COLUMNS
from dashboard.figures.chart_view import chart_view
from dashboard.figures.value_text import value_text
from dashboard.i18n import translator
from dashboard.state import ViewState
from dashboard.vocabulary import SECTORS
from tests.test_caption_everywhere import _strings


def _charts_showing(data, row):
    return [
        (theme, chart) for theme in data.page_themes for chart in theme.charts
        if chart.figure_id == row.figure_id and row.sector in chart.sectors
        and (chart.categories is None or row.category in chart.categories)
    ]


def test_every_verified_value_has_a_chart(data):
    hand_verified = [r for r in data.figures if not r.source_url.startswith("https://www.statistikbanken.dk/")]
    assert len(hand_verified) == 88
    unshown = [(r.figure_id, r.period, r.sector, r.category) for r in hand_verified if not _charts_showing(data, r)]
    assert unshown == []


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_value_stands_on_its_theme_page_and_in_its_charts_csv(data, dash_app, lang):
    client = dash_app.server.test_client()
    checked = 0
    for row in data.figures:
        for theme, chart in _charts_showing(data, row):
            view = ViewState(periods=(row.period,), lang=lang)
            shown = chart_view(data, theme, chart, view)
            page = " ".join(_strings(chart_card(shown, view))).replace("\u00a0", " ")
            value = value_text(row, lang).replace("\u00a0", " ")
            label = row.label.in_(lang) if chart.group_by == "category" else None
            assert value in page, (theme.slug, chart.id, row)
            if label:
                assert label in page, (theme.slug, chart.id, label)

            response = client.get(f"/export/{chart.id}.csv?periode={row.period}" + ("&lang=en" if lang == "en" else ""))
            assert response.status_code == 200, (chart.id, response.status_code)
            lines = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";" if lang == "da" else ","))
            keys = [key for key, _header in COLUMNS]  # the CSV's columns, in order, whatever their headers
            cells = [dict(zip(keys, line)) for line in lines[1:]]
            sector = translator(lang)(SECTORS[row.sector])
            matching = [c for c in cells if (c["category"], c["period"], c["sector"], c["source"])
                        == (row.category, row.period, sector, row.source_url)]
            assert len(matching) == 1, (chart.id, row.category, row.period, lines)
            published = "" if row.value_pct is None else str(row.value_pct).replace(".", "," if lang == "da" else ".")
            assert matching[0]["value"] == published
            checked += 1
    assert checked >= 88


def test_a_bar_is_headed_by_the_label_of_the_shown_edition(data):
    """Samarbejd's citizens: »I samspil med borgere« in 2013-2014, »… (positiv rolle)« in 2018-2019."""
    theme = data.theme("samarbejd")
    chart = next(c for c in theme.charts if c.id == "samarbejde")
    only_2013 = chart_view(data, theme, chart, ViewState(periods=("2013-2014",)))
    assert next(g.label for g in only_2013.slice.groups if g.key == "borgere") == "I samspil med borgere"
    assert "betegnet forskelligt" not in only_2013.caption.comparison_note
    both = chart_view(data, theme, chart, ViewState(periods=("2013-2014", "2018-2019")))
    assert next(g.label for g in both.slice.groups if g.key == "borgere") == "I samspil med borgerne (positiv rolle)"
    assert "»I samspil med borgere« (2013-2014), »I samspil med borgerne (positiv rolle)« (2018-2019)" in both.caption.comparison_note
