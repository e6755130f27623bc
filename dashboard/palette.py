"""Every colour of the dashboard, said once: the page's CSS (assets/01-palette.css, written
from here), the Plotly template and every export read them from this module.

One colour per edition, the same on every chart, legend, table swatch and export. The newest
edition has the strongest colour; the older ones step down in hue and weight, so a reader sees
»newest« at once. Every edition colour keeps 3:1 contrast against the page and the cards
(WCAG 1.4.11) and stays apart from the others under the common colour-vision deficiencies
(tests/test_palette.py checks both). Colour is never the only cue: every bar is labelled with
its edition.

Regenerate the CSS after a change here: `python -m dashboard.palette` (a test fails while the
file is stale).
"""

from pathlib import Path
from types import MappingProxyType

from dashboard.vocabulary import PERIODS

INK = "#1d2433"  # text
MUTED = "#555e6b"  # secondary text: 4.5:1 on paper and card
PRIMARY = "#1f5aa6"  # links, buttons and other interface elements
PRIMARY_DARK = "#173f75"
PAPER = "#f6f4ef"  # the page's background
CARD = "#ffffff"  # the background of cards and charts
RULE = "#dcd8cf"  # card borders and rules
GRID = "#e3e7ed"  # faint chart gridlines
FOCUS = "#c25e00"  # the focus ring: 3:1 against paper, card and the dark top bar
NOTE = "#7a4a00"  # the bold NB notes under a chart title
ON_DARK = "#ffffff"  # text on the dark top bar and headline tile
ON_DARK_MUTED = "#d5dbe5"  # secondary text on the dark headline tile
HATCH_GAP = "#e4e6ea"  # the light stripes of the »ca.« swatch in the reading guide
TOOL = "#7a5c00"  # the edge of a tool card (a case card's is the primary colour)
TAG = "#e8eef7"  # the background of a case's innovation-type tags
SUCCESS = "#1c6b3a"  # »Link kopieret«

EDITION_COLOURS = MappingProxyType(dict(zip(PERIODS, ("#8c7fb0", "#c0701b", "#2a8a82", "#1b4a8f"), strict=True)))

# Approximate values: the edition's colour, hatched over this much of it mixed into white.
APPROX_TINT = 0.35


def edition_colour(period: str) -> str:
    return EDITION_COLOURS[period]


def tint(colour: str, amount: float = APPROX_TINT) -> str:
    """`colour` mixed into white: `amount` 1 is the colour itself, 0 is white."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(255 - (255 - c) * amount):02x}" for c in channels)


CSS_FILE = Path(__file__).resolve().parents[1] / "assets" / "01-palette.css"

_CSS_NAMES = {
    "ink": INK, "muted": MUTED, "primary": PRIMARY, "primary-dark": PRIMARY_DARK, "paper": PAPER,
    "card": CARD, "rule": RULE, "grid": GRID, "focus": FOCUS, "note": NOTE,
    "on-dark": ON_DARK, "on-dark-muted": ON_DARK_MUTED, "hatch-gap": HATCH_GAP, "tool": TOOL, "tag": TAG, "success": SUCCESS,
}


def css() -> str:
    """The palette as CSS custom properties (`--ib-edition-2021-2023`, `--ib-ink`, …)."""
    lines = [f"  --ib-{name}: {value};" for name, value in _CSS_NAMES.items()]
    lines.append(f"  --ib-primary-rgb: {', '.join(str(int(PRIMARY[i:i + 2], 16)) for i in (1, 3, 5))};")  # Bootstrap's links
    for period, colour in EDITION_COLOURS.items():
        lines.append(f"  --ib-edition-{period}: {colour};")
        lines.append(f"  --ib-edition-{period}-tint: {tint(colour)};")
    rules = [f".edition-{period} {{ --edition: var(--ib-edition-{period}); --edition-tint: var(--ib-edition-{period}-tint); }}"
             for period in EDITION_COLOURS]
    header = "/* Written by `python -m dashboard.palette` from dashboard/palette.py: edit there, not here. */"
    return "\n".join([header, ":root {", *lines, "}", *rules]) + "\n"


if __name__ == "__main__":
    CSS_FILE.write_text(css(), encoding="utf-8")
    print(f"wrote {CSS_FILE}")
