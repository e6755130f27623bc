"""The charts of a server-drawn page: each figure as SVG, drawn by the export renderer at the
sizes the page shows it at (a chart card's: wide and a phone's; a presenter view's slide: a
laptop's and a phone's), never while a visitor waits.

`get` answers from the cache or not at all; a figure not drawn yet is queued for a background
thread (which uses this process's export browser if it is running, never starts one) and its
page goes out with a placeholder (sized where the graph has its own height), which the live
page fills. The cache is bounded in memory (MAX_IN_MEMORY figures) and shared on disk by every
worker of the machine (files named by the figure's hash and sizes, at most MAX_ON_DISK of them).
"""

import hashlib
import json
import os
import queue
import re
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from types import MappingProxyType

import plotly
import plotly.graph_objects as go

from dashboard.export.images import ExportUnavailable, ImageRenderer


@dataclass(frozen=True)
class Size:
    """A drawing's size in CSS px; height None: the figure's own (a chart card's graph)."""

    width: int
    height: int | None = None


# Each drawing's name says where the page shows it (assets/02-dashboard.css): »wide« on a screen,
# »narrow« on a phone (below 576 px).
# A chart card's graph: on a desktop 787 px at 1280 px, 830 px at 1400 px and wider; on a phone.
PAGE_SIZES = MappingProxyType({"wide": Size(800), "narrow": Size(360)})
# The presenter view's graph takes what its slide's words leave of the screen, which the server
# cannot know: its stand-in is drawn for a 1536 x 864 laptop (measured: 1456 x 570 CSS px) and a
# 390 x 844 phone (366 x 310-450; drawn 1.5x as large, as the live chart is there, so the slide's
# large type comes out as the page's: 02-dashboard.css), and fitted to the room (0.88x on a
# 1366 x 768 laptop, 1.26x at 1920 x 1080) until the live chart, at the room's size, takes over.
SLIDE_SIZES = MappingProxyType({"wide": Size(1456, 570), "narrow": Size(549, 600)})
MAX_IN_MEMORY = 1024
MAX_ON_DISK = 8192
MAX_WAITING = 64
ROOT_ELEMENT = re.compile(r"^<svg [^>]*>")

# A figure's SVG by the name of each size it was drawn at (without the root element's attributes:
# see `inline`).
ChartSvgs = Mapping[str, str]


def figure_key(figure: go.Figure, sizes: Mapping[str, Size] = PAGE_SIZES) -> str:
    """The figure and what draws it (plotly.js's version, the sizes): an upgrade draws afresh."""
    body = figure.to_json(engine="json")
    return hashlib.sha256(f"{plotly.__version__}{sizes}{body}".encode()).hexdigest()[:32]


def inline(svg: str, name: str, size: Size, label: str) -> str:
    """The renderer's SVG as an element of the page: scaled to its box (kept to the top of a
    card's; centred in a slide's), named for screen readers (the card's table and words, or the
    slide's title, give what it shows)."""
    height = re.search(r'height="([\d.]+)"', svg).group(1)
    align = "xMidYMin" if size.height is None else "xMidYMid"
    root = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'class="chart-svg chart-svg-{name}" viewBox="0 0 {size.width} {height}" preserveAspectRatio="{align} meet" '
            f'role="img" aria-label="{escape(label, quote=True)}">')
    drawn, replaced = ROOT_ELEMENT.subn(root, svg, count=1)
    if not replaced:
        raise ValueError("the renderer's SVG has no root element")
    return drawn


def default_directory() -> Path:
    return Path(os.environ.get("DASHBOARD_CHART_CACHE") or Path(tempfile.gettempdir()) / f"innovationsbarometer-charts-{os.getuid()}")


def _own_directory(directory: Path) -> bool:
    """Whether the cache folder is this user's alone (what is read from it goes into pages)."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    status = directory.stat()
    return status.st_uid == os.getuid() and not status.st_mode & 0o022


class ChartImages:
    def __init__(self, renderer: ImageRenderer, directory: Path | None = None):
        self._renderer = renderer
        self._directory = directory or default_directory()
        self._memory: OrderedDict[str, ChartSvgs] = OrderedDict()
        self._lock = threading.Lock()
        self._waiting: queue.Queue = queue.Queue(MAX_WAITING)
        self._queued: set[str] = set()
        self._worker_pid = None
        try:
            self._trusted = _own_directory(self._directory)
        except OSError:  # a read-only disk: the memory cache still serves this process
            self._trusted = False

    def get(self, figure: go.Figure, sizes: Mapping[str, Size] = PAGE_SIZES) -> ChartSvgs | None:
        """The figure's SVGs if drawn (in memory or on disk); otherwise None, and it is queued."""
        key = figure_key(figure, sizes)
        found = self._cached(key, sizes)
        if found is None:
            self._queue(key, figure, sizes)
        return found

    def draw(self, figure: go.Figure, sizes: Mapping[str, Size] = PAGE_SIZES) -> ChartSvgs:
        """The figure's SVGs, drawn now if need be (the warm-up; ExportUnavailable if it cannot)."""
        key = figure_key(figure, sizes)
        return self._cached(key, sizes) or self._draw(key, figure, sizes)

    def _cached(self, key: str, sizes: Mapping[str, Size]) -> ChartSvgs | None:
        with self._lock:
            if key in self._memory:
                self._memory.move_to_end(key)
                return self._memory[key]
        if not self._trusted:
            return None
        try:
            svgs = json.loads((self._directory / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(svgs, dict) or svgs.keys() != sizes.keys() or not all(
                isinstance(text, str) and text.startswith("<svg ") for text in svgs.values()):
            return None
        return self._remember(key, svgs)

    def _remember(self, key: str, svgs: dict[str, str]) -> ChartSvgs:
        kept = MappingProxyType(svgs)  # handed to every page that shows the figure: read-only
        with self._lock:
            self._memory[key] = kept
            self._memory.move_to_end(key)
            while len(self._memory) > MAX_IN_MEMORY:
                self._memory.popitem(last=False)
        return kept

    def _draw(self, key: str, figure: go.Figure, sizes: Mapping[str, Size]) -> ChartSvgs:
        svgs = {}
        for name, size in sizes.items():
            sized = go.Figure(figure)
            sized.update_layout(width=size.width, **({"height": size.height} if size.height else {}))
            svgs[name] = self._renderer.render(sized, "svg").decode("utf-8")
        self._store(key, svgs)
        return self._remember(key, svgs)

    def _store(self, key: str, svgs: dict[str, str]) -> None:
        """On disk for the other workers (written whole, then renamed: a reader never sees half)."""
        if not self._trusted:
            return
        try:
            handle, part = tempfile.mkstemp(dir=self._directory, suffix=".part")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(json.dumps(svgs))
            Path(part).replace(self._directory / f"{key}.json")
            stored = sorted(self._directory.glob("*.json"), key=lambda p: p.stat().st_mtime)
            for old in stored[:max(0, len(stored) - MAX_ON_DISK)]:
                old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only or full disk: the memory cache still serves this worker

    def _queue(self, key: str, figure: go.Figure, sizes: Mapping[str, Size]) -> None:
        with self._lock:
            if key in self._queued:
                return
            if self._worker_pid != os.getpid():  # a thread of this process (none survives a fork)
                self._worker_pid = os.getpid()
                self._queued.clear()
                self._waiting = queue.Queue(MAX_WAITING)
                threading.Thread(target=self._work, name="chart-images", daemon=True).start()
            try:
                self._waiting.put_nowait((key, figure, sizes))
            except queue.Full:
                return  # drawn when asked again
            self._queued.add(key)

    def _work(self) -> None:
        waiting = self._waiting
        while True:
            key, figure, sizes = waiting.get()
            try:
                # Only with a browser already running here: starting one (seconds of CPU) for a
                # page is left to the warm-up and the first export (gunicorn.conf.py WARM_EXPORTS).
                if self._cached(key, sizes) is None and self._renderer.started:
                    self._draw(key, figure, sizes)
            except ExportUnavailable:
                pass  # the page keeps its placeholder; the next visitor's request tries again
            finally:
                with self._lock:
                    self._queued.discard(key)
