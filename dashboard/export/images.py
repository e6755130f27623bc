"""Figures to PNG, SVG and PDF with kaleido, in one persistent headless Chromium per process.

Kaleido's browser is neither thread- nor fork-safe: it is started lazily in the
process that uses it (so each gunicorn worker starts its own after the fork), and
every export holds a lock. If the browser dies, or a figure is not drawn within
RENDER_TIMEOUT_S (a crashed or hung renderer), the export fails at once with a clear
error, the browser is shut down in the background and the next export starts a new one.
"""

import asyncio
import os
import threading
from concurrent.futures import CancelledError

import kaleido
import plotly.graph_objects as go
from kaleido.errors import BrowserClosedError, BrowserFailedError, ChromeNotFoundError

from dashboard.i18n import N_

FORMATS = ("png", "svg", "pdf")
START_TIMEOUT_S = 60
# The first figure of a new browser loads plotly.js into it (~8-14 s); after that a figure takes
# ~0.2 s, a slide at the largest scale well under 1 s. A figure that takes longer than this has a
# crashed or hung renderer behind it.
FIRST_RENDER_TIMEOUT_S = 60
RENDER_TIMEOUT_S = 4


class ExportUnavailable(Exception):
    """Images cannot be made here now (no Chromium, or it failed); tables still can."""


class ImageRenderer:
    def __init__(self):
        self._lock = threading.Lock()
        self._pid = None
        self._loop = None
        self._browser = None
        self._drawn = False  # whether this browser has drawn a figure (plotly.js is loaded)

    def _run(self, coroutine, timeout: float):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    def _start(self) -> None:
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="kaleido", daemon=True).start()
        # mathjax=False: no MathJax from a CDN; plotly.js comes from the installed plotly.
        browser = kaleido.Kaleido(n=1, timeout=FIRST_RENDER_TIMEOUT_S, mathjax=False)  # ours decide: see render()
        self._run(browser.open(), START_TIMEOUT_S)
        self._browser = browser
        self._pid = os.getpid()

    def _stop(self) -> threading.Thread | None:
        """Forget the browser at once and shut it down in the background (a hung one takes a while)."""
        browser, loop, pid = self._browser, self._loop, self._pid
        self._browser = self._loop = self._pid = None
        self._drawn = False
        if pid != os.getpid():
            return None

        def shut_down():
            if browser is not None:
                try:
                    asyncio.run_coroutine_threadsafe(browser.close(), loop).result(10)
                except Exception:  # noqa: BLE001 - a browser that died cannot be closed cleanly
                    pass
            if loop is not None:
                loop.call_soon_threadsafe(loop.stop)

        thread = threading.Thread(target=shut_down, name="kaleido-stop", daemon=True)
        thread.start()
        return thread

    @property
    def started(self) -> bool:
        """Whether this process's browser is running (started by an export or the warm-up)."""
        return self._pid == os.getpid() and self._browser is not None

    def render(self, figure: go.Figure, fmt: str, scale: float = 1) -> bytes:
        if fmt not in FORMATS:
            raise ValueError(fmt)
        with self._lock:
            if self._pid != os.getpid():  # never started here, or inherited through a fork
                self._browser = self._loop = None
                self._drawn = False
                try:
                    self._start()
                except (ChromeNotFoundError, BrowserFailedError, TimeoutError, OSError) as error:
                    self._stop()
                    raise ExportUnavailable(N_("Chromium kunne ikke startes til billedeksport")) from error
            options = {"format": fmt, "width": figure.layout.width, "height": figure.layout.height, "scale": scale}
            try:
                body = self._run(self._browser.calc_fig(figure, opts=options),
                                 RENDER_TIMEOUT_S if self._drawn else FIRST_RENDER_TIMEOUT_S)
                self._drawn = True
                return body
            # A browser that dies mid-figure may also cancel the figure's task (CancelledError).
            except (BrowserClosedError, BrowserFailedError, TimeoutError, OSError, RuntimeError, CancelledError) as error:
                self._stop()  # the next export starts a fresh browser
                raise ExportUnavailable(N_("Billedeksporten fejlede; prøv igen")) from error

    def warm(self) -> None:
        """Start the browser and draw one small figure (loading plotly.js into it), so that a
        person's first export of this process does not wait for that (~8-14 s). Called in a
        background thread right after a worker starts; a failure here is left for the first
        real export to report."""
        try:
            self.render(go.Figure(go.Bar(x=[1], y=[1]), layout=dict(width=200, height=100)), "png")
        except Exception:  # noqa: BLE001 - whatever failed, the first export starts afresh and says why
            with self._lock:
                self._stop()

    def close(self) -> None:
        with self._lock:
            stopping = self._stop()
        if stopping is not None:
            stopping.join(15)
