"""How many image and slide exports a worker takes on at once.

A worker serves pages, callbacks, /healthz and exports from the same few threads (gunicorn's
gthread), and its one export browser draws one figure at a time. Without a limit, a burst of
exports (twelve slide decks at the largest scale) takes every thread, each waiting for the
browser, and the pages and /healthz wait behind them. So an export first takes a place: at most
RUNNING draw and WAITING wait (each at most WAIT_S); the rest are told at once to come back
(HTTP 503 with Retry-After). The other threads stay free for everything else.
"""

import contextlib
import threading

RUNNING = 1  # the export browser draws one figure at a time
WAITING = 1
WAIT_S = 15.0
RETRY_AFTER_S = 10


class ExportBusy(Exception):
    """Every export place of this worker is taken; come back in RETRY_AFTER_S seconds."""


class ExportGate:
    def __init__(self, running: int = RUNNING, waiting: int = WAITING, wait_s: float = WAIT_S):
        self._places = threading.BoundedSemaphore(running + waiting)
        self._drawing = threading.BoundedSemaphore(running)
        self.wait_s = wait_s

    @contextlib.contextmanager
    def place(self):
        """Hold an export place while drawing; ExportBusy if none is free or the wait runs out."""
        if not self._places.acquire(blocking=False):
            raise ExportBusy
        try:
            if not self._drawing.acquire(timeout=self.wait_s):
                raise ExportBusy
            try:
                yield
            finally:
                self._drawing.release()
        finally:
            self._places.release()
