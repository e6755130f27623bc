"""The page arrives drawn: what the server sends before any script runs, and what search engines
and link previews read (browser tests: tests/browser/test_server_drawn.py)."""

import json
import re
import threading
import time
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import plotly.graph_objects as go
import pytest

from dashboard.figures.chart_view import chart_views, slide_views
from dashboard.pages.overview import overview_intro
from dashboard.server_view import chart_images, page as page_module
from dashboard.server_view.chart_images import ChartImages
from dashboard.server_view.html_writer import ServerContext, write
from dashboard.state import ViewState, parse_query_string


@pytest.fixture(scope="module")
def client(dash_app):
    return dash_app.server.test_client()


@pytest.fixture(scope="module")
def drawn(dash_app):
    """The default views' charts drawn, as the server does at start (a real browser, kaleido)."""
    dash_app.server_pages.draw_defaults()
    return dash_app


class Elements(HTMLParser):
    """The start tags of a page, with their attributes, and its text per element kind."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **wanted) -> list[dict]:
        return [a for t, a in self.tags if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in wanted.items())]


def _server_view(html: str) -> str:
    start = html.index('<div id="ib-server-view">')
    return html[start:html.index('<div id="react-entry-point"', start)]


def test_every_theme_page_arrives_with_its_charts_words_tables_and_cases(drawn, client, data):
    for theme in data.page_themes:
        for lang in ("da", "en"):
            view = ViewState(lang=lang)
            html = client.get(view.link(f"/{theme.slug}")).get_data(as_text=True)
            body = _server_view(html)
            views = chart_views(data, theme, view)
            assert body.count('class="chart-svg chart-svg-wide"') == len(views), (theme.slug, lang)
            assert body.count('class="chart-svg chart-svg-narrow"') == len(views)
            assert "server-graph-pending" not in body
            for shown in views:
                assert f'id="titel-{shown.chart.id}"' in body
            assert body.count("<table") == len(views)
            for case in data.cases_for(theme.slug):
                assert f'data-case="{case.id}"' in body, (theme.slug, case.id)
            assert "<script" not in body  # nothing in it waits for, or needs, a script


def _words(text: str) -> set[str]:
    return set(re.sub(r"<[^>]+>", " ", text).split())


def _slide_drawings(body: str) -> list[dict[str, ElementTree.Element]]:
    """Per slide of a presenter view, its chart's drawings by size (wide, narrow)."""
    graphs = re.findall(r'<div class="dash-graph presenter-graph server-graph">(.*?)</div>', body, re.S)
    return [{re.search(r'chart-svg-(\w+)"', svg).group(1): ElementTree.fromstring(svg)
             for svg in re.findall(r"<svg .*?</svg>(?=<svg|$)", graph, re.S)} for graph in graphs]


def test_the_presenter_view_arrives_with_every_slide_drawn_and_goes_live_at_once(drawn, client, data):
    """Its charts are drawn for a laptop's and a phone's slide and fitted to the screen until the
    live page, which the speaker steps with, takes over (it starts at once, not when a person comes)."""
    for theme in data.page_themes:
        for lang in ("da", "en"):
            view = ViewState(lang=lang, presentation=True)
            html = client.get(view.link(f"/{theme.slug}")).get_data(as_text=True)
            body = _server_view(html)
            slides = slide_views(data, theme, view)
            drawings = _slide_drawings(body)
            assert len(drawings) == len(slides) and "server-graph-pending" not in body, (theme.slug, lang)
            for drawn_slide, shown in zip(drawings, slides):
                assert drawn_slide.keys() == {"wide", "narrow"}
                assert drawn_slide["wide"].get("viewBox") == "0 0 1456 570"
                assert drawn_slide["narrow"].get("viewBox") == "0 0 549 600"
                for svg in drawn_slide.values():
                    assert svg.get("aria-label") == shown.caption.title and svg.get("preserveAspectRatio") == "xMidYMid meet"
                    texts = list(svg.iter("{http://www.w3.org/2000/svg}text"))
                    labels = [t.text for t in texts if "bartext" in t.get("class", "")]
                    published = [label for trace in shown.figure.data if trace.type == "bar" for label in trace.text]
                    assert labels == published, (theme.slug, lang, shown.chart.id)  # the values
                    words = _words(" ".join("".join(t.itertext()) for t in texts))
                    for trace in shown.figure.data:  # and the words: groups, and what was published only in words
                        assert _words(" ".join(trace.text or ())) <= words, (theme.slug, lang, shown.chart.id)
            assert "data-held-src" not in html and re.search(r'<script defer src="[^"]*dash_renderer', html)


def test_a_figure_is_drawn_and_kept_apart_at_each_set_of_sizes(data, tmp_path):
    """A chart card's drawings and a slide's of the same figure are two entries; a file on disk
    that does not hold the sizes asked for (some missing, or not a mapping of them) is not served
    (it is queued to be drawn afresh)."""
    drawn_sizes = []

    class Renderer:
        started = False  # no browser running: nothing is drawn in the background

        def render(self, figure, fmt, scale=1):
            drawn_sizes.append((figure.layout.width, figure.layout.height))
            return f'<svg class="main-svg" width="{figure.layout.width}" height="{figure.layout.height}"></svg>'.encode()

    figure = go.Figure(go.Bar(x=[1], y=[1]), layout={"height": 100})
    images = ChartImages(Renderer(), tmp_path)
    card, slide = images.draw(figure), images.draw(figure, chart_images.SLIDE_SIZES)
    assert drawn_sizes == [(800, 100), (360, 100), (1456, 570), (549, 600)]
    assert card != slide and len(list(tmp_path.glob("*.json"))) == 2
    key = chart_images.figure_key(figure, chart_images.SLIDE_SIZES)
    (tmp_path / f"{key}.json").write_text(json.dumps({"wide": card["wide"]}))  # not every size of a slide
    (tmp_path / f"{chart_images.figure_key(figure)}.json").write_text(json.dumps(["<svg ", "<svg "]))  # not a mapping
    fresh = ChartImages(Renderer(), tmp_path)
    assert fresh.get(figure) is None and fresh.get(figure, chart_images.SLIDE_SIZES) is None


def test_a_view_not_drawn_yet_goes_out_at_once_with_sized_placeholders_and_is_drawn_for_the_next(data, monkeypatch, tmp_path):
    release = threading.Event()

    class SlowRenderer:  # a browser that takes as long as the test says
        started = True

        def render(self, figure, fmt, scale=1):
            release.wait(10)
            return f'<svg class="main-svg" width="{figure.layout.width}" height="{figure.layout.height}"></svg>'.encode()

    monkeypatch.setattr(page_module.dash, "page_registry", _registry_of(data))
    pages = page_module.ServerPages(data, ChartImages(SlowRenderer(), tmp_path))
    theme = data.page_themes[0]
    started = time.perf_counter()
    first = pages.page(f"/{theme.slug}", "periode=2021-2023")
    assert time.perf_counter() - started < 1
    assert not first.complete and first.body.count("server-graph-pending") == len(theme.charts)
    assert first.live_at_once  # the live page fills the placeholders without waiting for a person
    heights = re.findall(r'server-graph-pending" style="height:(\d+)px;', first.body)
    assert heights == [str(cv.figure.layout.height) for cv in chart_views(data, theme, ViewState(periods=("2021-2023",)))]
    release.set()
    deadline = time.time() + 10
    while not pages.page(f"/{theme.slug}", "periode=2021-2023").complete and time.time() < deadline:
        time.sleep(0.05)
    later = pages.page(f"/{theme.slug}", "periode=2021-2023")
    assert later.complete and "server-graph-pending" not in later.body and not later.live_at_once
    figures = {chart_images.figure_key(cv.figure) for cv in chart_views(data, theme, ViewState(periods=("2021-2023",)))}
    assert {p.stem for p in tmp_path.glob("*.json")} == figures  # on disk for the other workers


def _registry_of(data):
    """Dash Pages' registry as the app fills it, for a ServerPages outside the app."""
    from dashboard.application import _theme_page  # noqa: PLC0415

    return {f"theme.{t.slug}": {"path": f"/{t.slug}", "layout": _theme_page(data, t)} for t in data.page_themes}


def test_the_chart_caches_are_bounded(data, monkeypatch, tmp_path):
    class Renderer:
        def render(self, figure, fmt, scale=1):
            return f'<svg class="main-svg" width="{figure.layout.width}" height="10"></svg>'.encode()

    monkeypatch.setattr(chart_images, "MAX_IN_MEMORY", 3)
    monkeypatch.setattr(chart_images, "MAX_ON_DISK", 4)
    images = ChartImages(Renderer(), tmp_path)
    for n in range(8):
        images.draw(go.Figure(go.Bar(x=[n], y=[1]), layout={"height": 100}))
    assert len(images._memory) == 3  # noqa: SLF001
    assert len(list(tmp_path.glob("*.json"))) == 4


def test_each_filter_option_is_a_link_to_the_view_with_it_toggled(drawn, client, data):
    theme = next(t for t in data.page_themes if t.slug == "lav-nye-services")
    view = ViewState(periods=("2018-2019", "2021-2023"), types=("service",))
    body = _server_view(client.get(view.link(f"/{theme.slug}")).get_data(as_text=True))
    links = {a["href"]: a for a in Elements(body).find("a") if "filter-button" in (a.get("class") or "")}
    wanted = {
        ViewState(periods=("2015-2016", "2018-2019", "2021-2023"), types=("service",)).link(f"/{theme.slug}"),
        ViewState(periods=("2021-2023",), types=("service",)).link(f"/{theme.slug}"),
        ViewState(periods=("2018-2019", "2021-2023"), types=("proces", "service")).link(f"/{theme.slug}"),
        ViewState(periods=("2018-2019", "2021-2023"), types=()).link(f"/{theme.slug}"),
    }
    assert wanted <= set(links)
    assert links[ViewState(periods=("2021-2023",), types=("service",)).link(f"/{theme.slug}")].get("aria-current") == "true"
    # Following a link gives that view: its options now say so.
    toggled = ViewState(periods=("2021-2023",), types=("service",)).link(f"/{theme.slug}")
    assert parse_query_string(urlsplit(toggled).query).state.periods == ("2021-2023",)
    after = Elements(_server_view(client.get(toggled).get_data(as_text=True)))
    current = [a["href"] for a in after.find("a", aria_current="true") if "filter-button" in (a.get("class") or "")]
    assert ViewState(periods=(), types=("service",)).link(f"/{theme.slug}") in current  # 2021-2023 is on
    # The presets too: »Seneste udgave«, »Nulstil«, »Kun …«.
    presets = {a["href"] for a in after.find("a") if "filter-preset" in (a.get("class") or "") or "filter-only" in (a.get("class") or "")}
    assert ViewState(periods=("2021-2023",), types=("service",)).link(f"/{theme.slug}") in presets
    assert ViewState(periods=("2021-2023",)).link(f"/{theme.slug}") in presets  # types reset


def test_buttons_that_need_a_script_are_marked_and_hidden_without_one(drawn, client):
    html = client.get("/lav-nye-services").get_data(as_text=True)
    body = _server_view(html)
    buttons = Elements(body).find("button")
    assert buttons  # »Kopiér link« and each chart's »Kopiér link til figuren«
    for button in buttons:
        assert "ib-needs-js" in button["class"]
    assert "<noscript><style>.ib-needs-js{display:none!important}</style></noscript>" in html


def test_the_writer_refuses_a_component_it_does_not_know():
    from dash import dcc

    with pytest.raises(TypeError, match="dash_core_components.Slider"):
        write(dcc.Slider(0, 10), ServerContext(graph=lambda _c: ""))


# --- Found and shared well ---

def test_each_page_has_its_title_description_canonical_and_languages(client, data, monkeypatch):
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://innovationsbarometer.example")
    theme = next(t for t in data.page_themes if t.slug == "skab-vaerdi")
    html = client.get("/skab-vaerdi?periode=2021-2023&lang=en").get_data(as_text=True)
    head = Elements(html[:html.index("</head>")])
    assert f"<title>{theme.title_en} – Innovationsbarometeret</title>" in html
    assert head.find("meta", name="description")[0]["content"] == theme.intro_en
    assert head.find("link", rel="canonical")[0]["href"] == "https://innovationsbarometer.example/skab-vaerdi?periode=2021-2023&lang=en"
    alternates = {a["hreflang"]: a["href"] for a in head.find("link", rel="alternate") if "hreflang" in a}
    assert alternates == {
        "da": "https://innovationsbarometer.example/skab-vaerdi?periode=2021-2023",
        "en": "https://innovationsbarometer.example/skab-vaerdi?periode=2021-2023&lang=en",
        "x-default": "https://innovationsbarometer.example/skab-vaerdi?periode=2021-2023",
    }
    image = head.find("meta", property="og:image")[0]["content"]
    assert image == f"https://innovationsbarometer.example/forhaandsvisning/{theme.charts[0].id}.png?periode=2021-2023&lang=en"
    assert head.find("meta", name="twitter:card")[0]["content"] == "summary_large_image"
    assert head.find("meta", property="og:title")[0]["content"] == f"{theme.title_en} – Innovationsbarometeret"
    # Dash Pages' own tags are gone (one of them wrote the Host header); each tag is there once.
    assert len(head.find("meta", name="description")) == 1 and not head.find("meta", property="twitter:url")
    # A link with parts the page ignored has the clean view as its canonical address.
    messy = Elements(client.get("/skab-vaerdi?periode=1999,2021-2023&foo=1").get_data(as_text=True))
    assert messy.find("link", rel="canonical")[0]["href"] == "https://innovationsbarometer.example/skab-vaerdi?periode=2021-2023"


def test_the_preview_image_is_a_1200_by_630_png_of_the_first_chart(client, data, monkeypatch):
    without_address = client.get("/lav-nye-services?periode=2021-2023").get_data(as_text=True)
    assert not Elements(without_address).find("meta", property="og:image")  # Open Graph takes full addresses only
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://innovationsbarometer.example")
    html = client.get("/lav-nye-services?periode=2021-2023").get_data(as_text=True)
    image = Elements(html).find("meta", property="og:image")[0]["content"]
    response = client.get(urlsplit(image).path + "?" + urlsplit(image).query + "&skala=4&storrelse=slide")
    assert response.status_code == 200 and response.mimetype == "image/png"
    assert "Content-Disposition" not in response.headers  # shown, not saved
    assert response.headers["Cache-Control"] == "public, max-age=3600"
    width, height = int.from_bytes(response.data[16:20], "big"), int.from_bytes(response.data[20:24], "big")
    assert (width, height) == (1200, 630)  # whatever size or scale the address asks for
    tall = client.get(f"/forhaandsvisning/{data.page_themes[1].charts[0].id}.png").data  # all editions: a tall chart
    assert (int.from_bytes(tall[16:20], "big"), int.from_bytes(tall[20:24], "big")) == (1200, 630)


def test_the_overview_and_the_not_found_page_say_what_they_are(client):
    overview = Elements(client.get("/?lang=en").get_data(as_text=True))
    assert overview.find("link", rel="canonical")[0]["href"].endswith("/?lang=en")
    assert overview.find("meta", name="description")[0]["content"] == overview_intro("en")
    missing = client.get("/findes-ikke")
    assert missing.status_code == 404
    html = missing.get_data(as_text=True)
    assert "<title>Siden findes ikke – Innovationsbarometeret</title>" in html
    assert not Elements(html).find("link", rel="canonical")  # an address that is no page has none
    assert "Adressen passer ikke til nogen side" in _server_view(html)


def test_robots_txt_is_plain_text_and_names_the_sitemap(client, monkeypatch):
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://innovationsbarometer.example")
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /export/" in lines and "Sitemap: https://innovationsbarometer.example/sitemap.xml" in lines
    for line in lines:  # every line a field robots.txt knows (RFC 9309)
        assert re.fullmatch(r"(User-agent|Allow|Disallow|Sitemap): \S+", line), line


def test_the_sitemap_lists_every_page_in_both_languages_with_its_alternates(client, data, monkeypatch):
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://innovationsbarometer.example")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200 and response.mimetype == "application/xml"
    root = ElementTree.fromstring(response.data)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = root.findall("s:url", ns)
    locations = [u.find("s:loc", ns).text for u in urls]
    assert len(locations) == 2 * (len(data.page_themes) + 3) == len(set(locations))  # + the overview, »Alle tal«, open data
    for url in urls:
        alternates = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
        assert set(alternates) == {"da", "en"} and url.find("s:loc", ns).text in alternates.values()
    for location in locations:  # every address is a page that answers
        split = urlsplit(location)
        assert split.scheme == "https" and client.get(split.path + ("?" + split.query if split.query else "")).status_code == 200
    assert "https://innovationsbarometer.example/lav-nye-services?lang=en" in locations
    assert parse_qs(urlsplit(locations[1]).query) == {"lang": ["en"]}


def test_the_server_drawn_page_keeps_the_strict_csp(client):
    response = client.get("/lav-nye-services")
    policy = response.headers["Content-Security-Policy"]
    scripts = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    body = _server_view(response.get_data(as_text=True))
    assert not re.search(r"\son[a-z]+=", body)  # no inline event handlers in the drawn page


def test_an_address_with_a_trailing_slash_is_the_page_and_says_so(drawn, client, monkeypatch):
    monkeypatch.setenv("DASHBOARD_PUBLIC_URL", "https://innovationsbarometer.example")
    html = client.get("/lav-nye-services/").get_data(as_text=True)
    assert "<h1>Lav nye services</h1>" in _server_view(html) and "Siden findes ikke" not in html
    assert Elements(html).find("link", rel="canonical")[0]["href"] == "https://innovationsbarometer.example/lav-nye-services"


def test_what_a_link_or_the_data_says_is_written_as_text_never_as_markup(client):
    html = client.get("/lav-nye-services?periode=<script>alert(1)</script>&x=\"'><img src=x>").get_data(as_text=True)
    body = _server_view(html)
    assert "<script>alert" not in html and "<img src=x>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body  # the notice says what was ignored
    assert "<script" not in body


def test_made_up_addresses_and_links_with_ignored_parts_do_not_fill_the_page_cache(dash_app, client):
    pages = dash_app.server_pages
    client.get("/lav-nye-services")
    before = len(pages._pages)  # noqa: SLF001
    for n in range(50):
        client.get(f"/findes-ikke-{n}")
        client.get(f"/lav-nye-services?ukendt={n}")
    assert len(pages._pages) == before  # noqa: SLF001


def test_the_writer_marks_booleans_as_html_and_aria_read_them():
    from dash import html

    written = write(html.Div(hidden=True, **{"aria-hidden": True, "data-open": False}, style={"height": 10}),
                    ServerContext(graph=lambda _c: ""))
    tag = Elements(written).tags[0]  # Dash keeps aria-* and data-* props in no fixed order
    assert tag == ("div", {"hidden": None, "style": "height:10px", "aria-hidden": "true", "data-open": "false"})
    assert written.startswith("<div hidden ") and written.endswith("></div>")
