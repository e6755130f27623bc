"""The English catalogue: complete, compiled, and actually used on English pages."""

import re
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from dashboard.i18n import LOCALE_DIRECTORY
from dashboard.pages.overview import overview_layout
from dashboard.pages.theme import theme_layout

ROOT = Path(__file__).resolve().parents[1]
PO = LOCALE_DIRECTORY / "en" / "LC_MESSAGES" / "messages.po"
MO = PO.with_suffix(".mo")
# As `make translations` extracts them: gettext's keywords plus our markers.
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "n_": (1, 2)}
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _messages_in_code() -> set:
    found = set()
    for _filename, _line, message, _comments, _context in extract_from_dir(
        ROOT / "dashboard", method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


@pytest.fixture(scope="module")
def catalogue():
    with PO.open("rb") as po:
        return read_po(po)


def test_every_message_in_the_code_has_an_english_translation(catalogue):
    code = _messages_in_code()
    assert len(code) > 100
    translated = {
        (m.id if isinstance(m.id, str) else tuple(m.id))
        for m in catalogue
        if m.id and not m.fuzzy and all(m.string if isinstance(m.string, tuple) else [m.string])
    }
    missing = sorted(str(m) for m in code - translated)
    assert not missing, "Untranslated (run `make translations` and translate these in messages.po): " + "; ".join(missing)


def test_translations_keep_every_placeholder(catalogue):
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(ids[-1])), message.id


def test_the_compiled_catalogue_is_the_current_one(catalogue):
    with MO.open("rb") as mo:
        compiled = read_mo(mo)
    def strings(messages):
        return {m.id if isinstance(m.id, str) else m.id[0]: m.string if isinstance(m.string, str) else tuple(m.string)
                for m in messages if m.id}

    source, shipped = strings(catalogue), strings(compiled)
    assert shipped == source, "messages.mo is stale: run `make translations`"


def _hrefs(node):
    if isinstance(node, (list, tuple)):
        for child in node:
            yield from _hrefs(child)
    elif hasattr(node, "to_plotly_json"):
        props = node.to_plotly_json()["props"]
        if "href" in props:
            yield props["href"]
        for name in ("children", "label"):
            yield from _hrefs(props.get(name))


def _texts(node, in_danish=False):
    """Every text of a Dash component tree, with whether it sits in a lang="da" element."""
    if isinstance(node, str):
        yield node, in_danish
    elif isinstance(node, (list, tuple)):
        for child in node:
            yield from _texts(child, in_danish)
    elif hasattr(node, "to_plotly_json"):
        props = node.to_plotly_json()["props"]
        in_danish = in_danish or props.get("lang") == "da"
        for name in ("children", "label", "aria-label"):
            if name in props:
                yield from _texts(props[name], in_danish)
        for option in props.get("options") or []:
            yield from _texts(option["label"], in_danish)


def _danish_messages(catalogue) -> list[str]:
    """The Danish messages whose English differs, as fragments to look for in a page."""
    fragments = []
    for message in catalogue:
        danish = message.id if isinstance(message.id, str) else message.id[0]
        english = message.string if isinstance(message.string, str) else message.string[0]
        if danish and danish != english:
            fragments += [part.strip() for part in PLACEHOLDER.split(danish) if len(part.strip()) >= 4]
    return fragments


@pytest.mark.parametrize("slug", ["styr-processen", "lav-nye-services", "samarbejd"])
def test_an_english_page_shows_no_danish_interface_text(data, catalogue, slug):
    page = theme_layout(data, data.theme(slug), {"lang": "en", "periode": "2015-2016,2021-2023"})
    fragments = _danish_messages(catalogue)
    texts = list(_texts(page))
    leaks = [text for text, in_danish in texts if not in_danish and any(f == text.strip() or (len(f) > 12 and f in text)
                                                                         for f in fragments)]
    assert not leaks
    joined = " ".join(text for text, _ in texts)
    assert data.theme(slug).title_en in joined and "Show as table" in joined and "Download" in joined


def test_english_pages_use_english_numbers_and_danish_pages_danish_ones(data):
    english = " ".join(t for t, _ in _texts(theme_layout(data, data.theme("lav-nye-services"), {"lang": "en"})))
    danish = " ".join(t for t, _ in _texts(theme_layout(data, data.theme("lav-nye-services"), {})))
    assert "43%" in english and "43\u00a0%" not in english
    assert "43\u00a0%" in danish and "43%" not in danish
    assert "Number of observations: 2,362" in english.replace("\u00a0", " ")


def test_danish_only_texts_are_marked_as_danish_on_english_pages(data):
    texts = list(_texts(theme_layout(data, data.theme("styr-processen"), {"lang": "en"})))
    case_titles = {case.title_da for case in data.cases_for("styr-processen")}
    questions = {f"“{row.question_da}”" for row in data.figures if row.theme == "styr-processen" and row.question_da}
    assert case_titles and questions
    for text, in_danish in texts:
        if text in case_titles or text in questions:
            assert in_danish, text


def test_the_overview_and_its_links_keep_the_language(data):
    page = overview_layout(data, {"lang": "en"})
    texts = " ".join(t for t, _ in _texts(page))
    assert "Whole public sector" not in texts and "theme by theme" in texts and "Dansk" in texts
    hrefs = list(_hrefs(page))
    internal = [h for h in hrefs if h.startswith("/") and not h.startswith("/export")]
    assert internal and all("lang=en" in h for h in internal if h != "/"), internal
    assert "/" in hrefs  # the switch back to Danish: the default needs no parameter


def _figure_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("template", "color", "fgcolor", "hovertemplate", "textposition"):
                yield from _figure_strings(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _figure_strings(item)


def test_english_charts_carry_no_danish_interface_text(data, catalogue):
    from dashboard.figures.chart_view import chart_views
    from dashboard.state import ViewState

    fragments = [f for f in _danish_messages(catalogue) if len(f) > 12]
    view = ViewState(periods=("2013-2014", "2015-2016", "2021-2023"), types=("service", "produkt"), lang="en")
    strings = [
        text.replace("<br>", " ")
        for theme in data.page_themes
        for cv in chart_views(data, theme, view)
        for text in [*_figure_strings(cv.figure.to_plotly_json()), cv.caption.gaps]
    ]
    assert not [s for s in strings if any(f in s for f in fragments)]
    joined = " ".join(strings)
    assert "Not published" in joined and "approx.\u00a025%" in joined and "Published figure" in joined


def test_every_text_of_the_data_shown_on_a_page_exists_in_english(data):
    for theme in data.page_themes:
        assert theme.title_en and theme.headline.text_en, theme.slug
        assert bool(theme.intro_en) == bool(theme.intro_da), theme.slug
        assert all(chart.title_en for chart in theme.charts), theme.slug
    assert all(row.label_en for row in data.figures)
    assert all(case.summary_en for case in data.cases)
