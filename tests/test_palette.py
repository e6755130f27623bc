"""The palette (dashboard/palette.py): contrast by WCAG 2.2, edition colours that stay apart
for readers with a colour-vision deficiency, and one definition that the CSS, the Plotly
template and the charts all read. Colour maths by ColorAide (WCAG 2.1 contrast, CIEDE2000,
Machado et al.'s colour-vision simulation at full severity)."""

import re
from decimal import Decimal
from itertools import combinations
from pathlib import Path

import pytest
from coloraide import Color

from dashboard import palette
from dashboard.figures import template
from dashboard.figures.chart_view import chart_view
from dashboard.state import ViewState
from dashboard.vocabulary import PERIODS

BACKGROUNDS = {"page": palette.PAPER, "card": palette.CARD}
# CIEDE2000 distance at which two bar colours are told apart at a glance (1 is a just
# noticeable difference); every pair of editions keeps it with and without a deficiency.
MIN_DISTANCE = 10
DEFICIENCIES = ("protan", "deutan", "tritan")


def contrast(a: str, b: str) -> float:
    return Color(a).contrast(b, method="wcag21")


def test_contrast_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_every_period_has_an_edition_colour():
    assert tuple(palette.EDITION_COLOURS) == PERIODS


@pytest.mark.parametrize("background", BACKGROUNDS.values(), ids=BACKGROUNDS.keys())
@pytest.mark.parametrize("period", PERIODS)
def test_edition_colours_have_3_to_1_against_page_and_card(period, background):
    assert contrast(palette.edition_colour(period), background) >= 3


@pytest.mark.parametrize("background", BACKGROUNDS.values(), ids=BACKGROUNDS.keys())
@pytest.mark.parametrize("colour", [palette.INK, palette.MUTED, palette.PRIMARY, palette.NOTE])
def test_text_colours_have_4_5_to_1(colour, background):
    assert contrast(colour, background) >= 4.5


@pytest.mark.parametrize("background", [palette.PAPER, palette.CARD, palette.INK])
def test_the_focus_ring_has_3_to_1_against_everything_it_is_drawn_on(background):
    assert contrast(palette.FOCUS, background) >= 3


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_edition_colours_stay_apart_under_colour_vision_deficiencies(deficiency):
    simulated = {
        period: Color(colour).filter(deficiency, method="machado") if deficiency else Color(colour)
        for period, colour in palette.EDITION_COLOURS.items()
    }
    for (a, colour_a), (b, colour_b) in combinations(simulated.items(), 2):
        assert colour_a.delta_e(colour_b, method="2000") >= MIN_DISTANCE, (deficiency, a, b)


def test_the_distance_check_can_fail():
    """An orange and a green far apart for most readers are caught as alike under deuteranopia,
    so the test above measures something."""
    orange, green = Color("#d95f02"), Color("#66a61e")
    assert orange.delta_e(green, method="2000") > 40
    simulated = [c.filter("deutan", method="machado") for c in (orange, green)]
    assert simulated[0].delta_e(simulated[1], method="2000") < MIN_DISTANCE


def test_the_newest_edition_has_the_strongest_colour():
    newest = contrast(palette.edition_colour(PERIODS[-1]), palette.CARD)
    assert all(newest > contrast(palette.edition_colour(p), palette.CARD) for p in PERIODS[:-1])


def test_the_css_is_written_from_the_palette():
    written = palette.CSS_FILE.read_text(encoding="utf-8")
    assert written == palette.css(), "run `python -m dashboard.palette`"
    for period, colour in palette.EDITION_COLOURS.items():
        assert f"--ib-edition-{period}: {colour};" in written


def test_the_plotly_template_uses_the_palette():
    layout = template.pio.templates[template.NAME].layout
    assert layout.paper_bgcolor == palette.CARD and layout.font.color == palette.INK


def test_approximate_bars_are_hatched_in_their_edition_colour_and_labelled(data):
    theme = data.theme("styr-processen")
    figure = chart_view(data, theme, next(c for c in theme.charts if c.id == "planlagt-proces"), ViewState()).figure
    approx = next(t for t in figure.data if t.type == "bar" and t.marker.pattern.shape == "/")
    colour = palette.edition_colour("2013-2014")
    assert list(approx.marker.line.color) == [colour] and approx.marker.line.width >= 1
    assert list(approx.marker.pattern.fgcolor) == [colour]
    assert list(approx.marker.color) == [palette.tint(colour)]
    assert all(text.startswith("ca.") for text in approx.text)
    assert all(Decimal(str(x)) > 0 for x in approx.x)


def test_no_colour_is_written_outside_the_palette():
    """Every colour is said once, in dashboard/palette.py (the CSS reads its custom properties)."""
    root = Path(__file__).resolve().parents[1]
    hex_colour = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![0-9a-fA-F-])")
    ours = [*root.glob("dashboard/**/*.py"), root / "assets" / "02-dashboard.css", root / "assets" / "dashboard.js"]
    found = [f"{path.relative_to(root)}: {match}" for path in ours if path.name != "palette.py"
             for match in hex_colour.findall(path.read_text(encoding="utf-8"))]
    assert found == []
