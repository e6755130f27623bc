"""Shared by the benchmarks: the production server on 127.0.0.1, Chromium, and a table printer."""

import contextlib
import functools
import os
import platform
import runpy
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
import urllib.request
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# How long gunicorn's workers may take to finish their requests on a graceful stop (SIGTERM).
GRACEFUL_TIMEOUT = runpy.run_path(str(ROOT / "gunicorn.conf.py"))["graceful_timeout"]
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# The live page has taken over (assets/dashboard.js sets data-live on <html>), or the page was not
# drawn by the server and starts its scripts at once.
TAKEN_OVER = "() => document.documentElement.hasAttribute('data-live')"
LIVE = """() => document.documentElement.hasAttribute('data-live') ||
  (location.href !== 'about:blank' && document.readyState !== 'loading' && !document.getElementById('ib-server-view'))"""


def start_live(page, frame=None, timeout_s: float = 30) -> None:
    """Move the pointer over the page until the live page has taken over, as a person's hand on
    the mouse does: a drawn page starts its live page on a person's first pointer, key, touch,
    wheel or focus. `frame`: the Frame of an iframe whose page is to start (the pointer moves
    over the iframe)."""
    from playwright.sync_api import Error as PlaywrightError

    document = frame or page
    if frame:
        frame.frame_element().scroll_into_view_if_needed()
    deadline = time.monotonic() + timeout_s
    step = 0
    while True:
        try:
            if document.evaluate(LIVE):
                return
        except PlaywrightError:  # the page is navigating: ask its next document
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"the live page did not take over within {timeout_s:.0f} s")
        box = frame.frame_element().bounding_box() if frame else None
        x, y = (box["x"], box["y"]) if box else (0, 0)
        step += 1
        page.mouse.move(x + 10 + 10 * (step % 2), y + 10)
        page.wait_for_timeout(50)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, seconds: float) -> bool:
    """True once `url` answers; False if the process ended or `seconds` passed first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(url, timeout=2)
            return True
        except OSError:
            time.sleep(0.2)
    return False


@contextlib.contextmanager
def production_server(workers: int | None = None, app: str = "app:server", config: list[str] | None = None,
                      ready_path: str = "/healthz", warm_exports: bool = False):
    """gunicorn on a free loopback port, by default our app with gunicorn.conf.py; yields (base_url, process).
    `warm_exports`: let each worker start its export browser after the fork, as in production
    (off by default, so a benchmark of pages is not measured while browsers start)."""
    port = free_port()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "LOG_LEVEL": "warning",
           "WARM_EXPORTS": "1" if warm_exports else "0"}
    if workers:
        env["WORKERS"] = str(workers)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    settings = config or ["--config", "gunicorn.conf.py"]
    process = subprocess.Popen(
        [str(gunicorn), app, *settings, "--bind", f"127.0.0.1:{port}", "--no-control-socket", "--access-logfile", "/dev/null"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    if not wait_until_up(url + ready_path, process, 120):
        process.kill()
        raise SystemExit("the server did not start")
    # the address answered from one worker; give the master a moment to fork the others.
    time.sleep(2)
    try:
        yield url, process
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    """Stop a gunicorn promptly: SIGQUIT is its quick shutdown (a benchmark's requests are over by
    now), where SIGTERM lets workers linger up to the graceful timeout. A busy machine can still be
    slow to tear down the warm caches, so wait longer than that timeout before killing."""
    process.send_signal(signal.SIGQUIT)
    try:
        process.wait(timeout=GRACEFUL_TIMEOUT + 20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def percentile(values, fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summary(values) -> tuple[float, float]:
    return statistics.median(values), percentile(values, 0.95)


def machine() -> str:
    return f"{platform.node()} · {os.cpu_count()} cores · Python {platform.python_version()} · {date.today().isoformat()}"


def print_table(title: str, header: list[str], rows: list[list]) -> None:
    print(f"\n{title}\n{machine()}\n")
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for row in rows:
        print("| " + " | ".join(str(cell) for cell in row) + " |")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def folder_server(folder):
    """`folder`'s files on a free loopback port (another origin than the app's), without a log;
    yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
