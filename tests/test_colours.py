"""The chart palette keeps WCAG 2.2 contrast on white: 4.5:1 for text, 3:1 for bars and
their outlines; approximate bars differ from exact ones by pattern and label too."""

from decimal import Decimal

import pytest

from dashboard.figures import template
from dashboard.figures.chart_view import chart_view
from dashboard.state import ViewState


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colour", [template.INK, template.MUTED, template.PRIMARY])
def test_text_colours_have_4_5_to_1_on_white(colour):
    assert contrast(colour, "#ffffff") >= 4.5


def test_bars_and_outlines_have_3_to_1_on_white():
    assert contrast(template.PRIMARY, "#ffffff") >= 3


def test_approximate_bars_are_outlined_hatched_and_labelled(data):
    theme = data.theme("styr-processen")
    figure = chart_view(data, theme, next(c for c in theme.charts if c.id == "planlagt-proces"), ViewState()).figure
    approx = next(t for t in figure.data if t.type == "bar" and t.marker.pattern.shape == "/")
    exact_like = [t for t in figure.data if t.type == "bar" and t.marker.pattern.shape != "/"]
    assert approx.marker.line.color == template.PRIMARY and approx.marker.line.width >= 1
    assert all(text.startswith("ca.") for text in approx.text)
    assert all(not any(text.startswith("ca.") for text in t.text) for t in exact_like)
    assert all(Decimal(str(x)) > 0 for x in approx.x)
