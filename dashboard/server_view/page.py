"""The page as the server draws it: the layout Dash Pages would render for the address, written
as HTML (charts as inline SVG), and what the page's <head> says of it."""

from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from threading import Lock
from urllib.parse import parse_qs

import dash
import plotly.graph_objects as go

from dashboard.addresses import EMBED_PREFIX, SHARE_PREFIX, embed_path
from dashboard.components import ids
from dashboard.components.ids import component_key
from dashboard.components.filters import filter_links
from dashboard.data import DataSet
from dashboard.data.models import Theme
from dashboard.figures.availability import availability
from dashboard.figures.chart_view import chart_view, chart_views, slide_views
from dashboard.figures.template import PLACEHOLDER
from dashboard.i18n import LANGUAGES, translator
from dashboard.pages.embed import EMBED_GRAPH
from dashboard.pages.overview import overview_intro
from dashboard.server_view.chart_images import PAGE_SIZES, SLIDE_SIZES, ChartImages, Size, inline
from dashboard.server_view.html_writer import ServerContext, write
from dashboard.state import ViewState, parse_query_string

MAX_PAGES = 256  # complete pages kept per process (~100 kB each)


@dataclass(frozen=True)
class ServerPage:
    body: str  # the page's content, as the live page will render it
    title: str
    description: str
    path: str | None  # the page's path with its canonical view (None: the not-found page)
    alternates: dict  # language -> the same view in that language
    image: str | None  # the preview image's path (the view's first chart at 1200 x 630)
    complete: bool  # every chart drawn (not a placeholder)
    live_at_once: bool  # its scripts run at once, not when a person comes (a placeholder; the presenter view)
    embeddable: bool = False  # a page of charts: oEmbed gives its (first) chart's embed
    indexed: bool = True  # False: a chart's embed or »Indlejr eller citér« (its theme page is the one to list)


def _page_query(query_string: str) -> dict:
    """The keywords Dash Pages calls a layout with (one value per name, a list if repeated)."""
    parsed = parse_qs(query_string, keep_blank_values=True)
    return {name: values[0] if len(values) == 1 else values for name, values in parsed.items()}


@dataclass(frozen=True)
class Drawing:
    """What the server draws for one of a page's graphs."""

    figure: go.Figure
    label: str  # the chart's title, for screen readers
    sizes: Mapping[str, Size]  # where the page shows it (chart_images.PAGE_SIZES, SLIDE_SIZES)


def _graph_writer(images: ChartImages, drawings: dict[str, Drawing], drawn: list):
    def graph(component) -> str:
        drawing = drawings.get(component_key(component.id)) if getattr(component, "id", None) else None
        if drawing is None:  # a graph the page does not name: its own figure, at a chart card's sizes
            figure = component.figure
            drawing = Drawing(figure if isinstance(figure, go.Figure) else go.Figure(figure), "", PAGE_SIZES)
        figure, height = drawing.figure, drawing.figure.layout.height
        box = f' style="height:{height}px;--graph-height:{height}"' if height is not None else ""
        classes = f"dash-graph {getattr(component, 'className', '') or ''} server-graph".strip()
        # Drawn where its size is known: its own height, or the sizes it is drawn at (a slide's).
        sized = height is not None or all(size.height for size in drawing.sizes.values())
        svgs = images.get(figure, drawing.sizes) if sized and figure.layout.meta != PLACEHOLDER else None
        drawn.append(svgs is not None)
        if svgs is None:
            return f'<div class="{classes} server-graph-pending"{box}></div>'
        charts = "".join(inline(svgs[name], name, size, drawing.label) for name, size in drawing.sizes.items())
        return f'<div class="{classes}"{box}>{charts}</div>'

    return graph


def _theme_drawings(data: DataSet, theme: Theme, view: ViewState) -> dict[str, Drawing]:
    """What a theme page's graphs (or its presenter view's) show, by component."""
    if view.presentation:
        return {component_key(ids.slide_graph(theme.slug, cv.chart.id)):
                Drawing(cv.figure, cv.caption.title, SLIDE_SIZES) for cv in slide_views(data, theme, view)}
    return {component_key(ids.chart_graph(theme.slug, cv.chart.id)): Drawing(cv.figure, cv.caption.title, PAGE_SIZES)
            for cv in chart_views(data, theme, view)}


class ServerPages:
    """Server-drawn pages of one app: written per address, kept once every chart is drawn."""

    def __init__(self, data: DataSet, images: ChartImages):
        self._data = data
        self._images = images
        self._themes = {f"/{t.slug}": t for t in data.page_themes}
        self._embeds = {embed_path(t.slug, c.id, ViewState()): (t, c) for t in data.page_themes for c in t.charts}
        self._pages: OrderedDict[tuple[str, str], ServerPage] = OrderedDict()
        self._lock = Lock()
        self.defaults_drawn = False

    def page(self, path: str, query_string: str) -> ServerPage:
        path = path.rstrip("/") or "/"  # as Dash's router reads it: /lav-nye-services/ is the theme
        parsed = parse_query_string(query_string)
        # Not kept: »Alle tal« and a chart's »Indlejr eller citér« (their citations carry today's date).
        known = path == "/" or path in self._themes or path in self._embeds
        # Kept: complete pages of an address that is a page, for a link without ignored parts (so
        # made-up addresses and notices cannot push the pages people read out of the cache).
        key = (path, parsed.state.query_string()) if known and not parsed.notices else None
        with self._lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]
        page = self._write(path, query_string, parsed.state)
        if page.complete and key is not None:
            with self._lock:
                self._pages[key] = page
                while len(self._pages) > MAX_PAGES:
                    self._pages.popitem(last=False)
        return page

    def draw_defaults(self) -> int:
        """Draw every chart of every page's default view and its presenter view, in every language
        (the warm-up: at start, before the first visitor; a speaker opening the presenter view in a
        meeting sees the slide at once); returns how many figures. ExportUnavailable if they cannot be."""
        count = 0
        for theme in self._data.page_themes:
            for lang in LANGUAGES:
                for presentation in (False, True):
                    for drawing in _theme_drawings(self._data, theme, ViewState(lang=lang, presentation=presentation)).values():
                        self._images.draw(drawing.figure, drawing.sizes)
                        count += 1
        self.defaults_drawn = True
        return count

    def _registered(self, path: str) -> dict | None:
        return next((page for page in dash.page_registry.values() if page["path"] == path and path != "/404"), None)

    def _layout(self, path: str, query_string: str):
        page = self._registered(path) or dash.page_registry["not_found_404"]
        return page["layout"](**_page_query(query_string))

    def _write(self, path: str, query_string: str, view: ViewState) -> ServerPage:
        theme = self._themes.get(path)
        embedded = self._embeds.get(path)
        drawings, links = {}, {}
        if theme is not None:
            drawings = _theme_drawings(self._data, theme, view)
            links = filter_links(theme.slug, view, availability(self._data, theme))
        elif embedded is not None:
            shown = chart_view(self._data, *embedded, view)
            drawings = {component_key(EMBED_GRAPH): Drawing(shown.figure, shown.caption.title, PAGE_SIZES)}
        drawn: list[bool] = []  # per chart: drawn, or not drawn yet (a placeholder)
        body = write(self._layout(path, query_string), ServerContext(graph=_graph_writer(self._images, drawings, drawn), links=links))
        # The presenter view goes live at once: a speaker steps through its slides with the live
        # page, and its charts take the slide's size (their stand-ins are drawn for a guessed one).
        presenter = theme is not None and view.presentation
        return ServerPage(body=body, complete=all(drawn), live_at_once=presenter or not all(drawn),
                          **self._head(path, view, theme, embedded))

    def _head(self, path: str, view: ViewState, theme: Theme | None, embedded) -> dict:
        """What the page's <head> says: title, description, canonical address and its other
        languages, and the preview image (the first chart it shows)."""
        _ = translator(view.lang)
        canonical = view.as_presentation(False)  # the presenter view shows what the page shows
        first_chart = (embedded[1] if embedded else (theme or self._data.page_themes[0]).charts[0]).id
        image = canonical.link(f"/forhaandsvisning/{first_chart}.png")
        registered = self._registered(path)
        if theme is not None:
            title, description = f"{theme.title.in_(view.lang)} – Innovationsbarometeret", theme.intro.in_(view.lang)
        elif path == "/":
            title, description = "Innovationsbarometeret", overview_intro(view.lang)
        elif registered is not None:  # a chart's embed and »Indlejr eller citér«, »Alle tal«, the open-data page
            title = registered["title"]() if callable(registered["title"]) else registered["title"]
            described = registered.get("description")
            description = (_(described) if described else ""  # _("") is the catalogue's header
                           ) if embedded is None else embedded[0].intro.in_(view.lang)
            image = image if embedded is not None else None
        else:  # the not-found page: no address of its own, nothing to preview
            title, description, image = _("Siden findes ikke") + " – Innovationsbarometeret", "", None
        page_path = path if registered is not None or path == "/" else None
        return {
            "title": title, "description": description, "image": image, "embeddable": bool(theme or embedded),
            "indexed": not path.startswith((EMBED_PREFIX, SHARE_PREFIX)),
            "path": page_path and canonical.link(page_path),
            "alternates": {lang: canonical.with_lang(lang).link(page_path) for lang in LANGUAGES} if page_path else {},
        }
