"""The charts of a server-drawn page: each figure as SVG, drawn by the export renderer at the
page's two widths (a wide card, a phone), never while a visitor waits.

`get` answers from the cache or not at all; a figure not drawn yet is queued for a background
thread (which uses this process's export browser if it is running, never starts one) and its
page goes out with a sized placeholder, which the live page fills. The cache is
bounded in memory (MAX_IN_MEMORY figures) and shared on disk by every worker of the machine
(files named by the figure's hash, at most MAX_ON_DISK of them).
"""

import hashlib
import json
import os
import queue
import re
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass
from html import escape
from pathlib import Path

import plotly
import plotly.graph_objects as go

from dashboard.export.images import ExportUnavailable, ImageRenderer

# CSS px: the chart card's graph on a desktop (787 px at 1280 px, 830 px at 1400 px and wider)
# and on a phone. The page shows the one that fits (assets/02-dashboard.css).
WIDTHS = {"wide": 800, "narrow": 360}
MAX_IN_MEMORY = 1024
MAX_ON_DISK = 8192
MAX_WAITING = 64
ROOT_ELEMENT = re.compile(r"^<svg [^>]*>")


@dataclass(frozen=True)
class ChartSvgs:
    """A figure's SVG at each width of WIDTHS (without the root element's attributes: see `inline`)."""

    wide: str
    narrow: str


def figure_key(figure: go.Figure) -> str:
    """The figure and what draws it (plotly.js's version, the widths): an upgrade draws afresh."""
    body = figure.to_json(engine="json")
    return hashlib.sha256(f"{plotly.__version__}{WIDTHS}{body}".encode()).hexdigest()[:32]


def inline(svg: str, width_name: str, label: str) -> str:
    """The renderer's SVG as an element of the page: scaled to the card's width, named for
    screen readers (the card's table and words give every value)."""
    width = WIDTHS[width_name]
    height = re.search(r'height="([\d.]+)"', svg).group(1)
    root = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
            f'class="chart-svg chart-svg-{width_name}" viewBox="0 0 {width} {height}" preserveAspectRatio="xMidYMin meet" '
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

    def get(self, figure: go.Figure) -> ChartSvgs | None:
        """The figure's SVGs if drawn (in memory or on disk); otherwise None, and it is queued."""
        key = figure_key(figure)
        found = self._cached(key)
        if found is None:
            self._queue(key, figure)
        return found

    def draw(self, figure: go.Figure) -> ChartSvgs:
        """The figure's SVGs, drawn now if need be (the warm-up; ExportUnavailable if it cannot)."""
        key = figure_key(figure)
        return self._cached(key) or self._draw(key, figure)

    def _cached(self, key: str) -> ChartSvgs | None:
        with self._lock:
            if key in self._memory:
                self._memory.move_to_end(key)
                return self._memory[key]
        if not self._trusted:
            return None
        try:
            svgs = ChartSvgs(**json.loads((self._directory / f"{key}.json").read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None
        if not all(text.startswith("<svg ") for text in (svgs.wide, svgs.narrow)):
            return None
        self._remember(key, svgs)
        return svgs

    def _remember(self, key: str, svgs: ChartSvgs) -> None:
        with self._lock:
            self._memory[key] = svgs
            self._memory.move_to_end(key)
            while len(self._memory) > MAX_IN_MEMORY:
                self._memory.popitem(last=False)

    def _draw(self, key: str, figure: go.Figure) -> ChartSvgs:
        drawn = {}
        for name, width in WIDTHS.items():
            sized = go.Figure(figure)
            sized.update_layout(width=width)
            drawn[name] = self._renderer.render(sized, "svg").decode("utf-8")
        svgs = ChartSvgs(**drawn)
        self._store(key, svgs)
        self._remember(key, svgs)
        return svgs

    def _store(self, key: str, svgs: ChartSvgs) -> None:
        """On disk for the other workers (written whole, then renamed: a reader never sees half)."""
        if not self._trusted:
            return
        try:
            handle, part = tempfile.mkstemp(dir=self._directory, suffix=".part")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(json.dumps(svgs.__dict__))
            Path(part).replace(self._directory / f"{key}.json")
            stored = sorted(self._directory.glob("*.json"), key=lambda p: p.stat().st_mtime)
            for old in stored[:max(0, len(stored) - MAX_ON_DISK)]:
                old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only or full disk: the memory cache still serves this worker

    def _queue(self, key: str, figure: go.Figure) -> None:
        with self._lock:
            if key in self._queued:
                return
            if self._worker_pid != os.getpid():  # a thread of this process (none survives a fork)
                self._worker_pid = os.getpid()
                self._queued.clear()
                self._waiting = queue.Queue(MAX_WAITING)
                threading.Thread(target=self._work, name="chart-images", daemon=True).start()
            try:
                self._waiting.put_nowait((key, figure))
            except queue.Full:
                return  # drawn when asked again
            self._queued.add(key)

    def _work(self) -> None:
        waiting = self._waiting
        while True:
            key, figure = waiting.get()
            try:
                # Only with a browser already running here: starting one (seconds of CPU) for a
                # page is left to the warm-up and the first export (gunicorn.conf.py WARM_EXPORTS).
                if self._cached(key) is None and self._renderer.started:
                    self._draw(key, figure)
            except ExportUnavailable:
                pass  # the page keeps its placeholder; the next visitor's request tries again
            finally:
                with self._lock:
                    self._queued.discard(key)
