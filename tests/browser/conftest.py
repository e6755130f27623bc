"""Browser tests: the real app served on 127.0.0.1, driven in Debian's headless Chromium."""

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from bench.common import CHROMIUM, CHROMIUM_ARGS, free_port, start_live, wait_until_up

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


@contextlib.contextmanager
def served_app(data_directory: Path | None = None, log_name: str = "server.log"):
    """app.py on a free loopback port (on `data_directory` if given); yields its base URL."""
    port = free_port()
    log = ARTIFACTS / log_name
    ARTIFACTS.mkdir(exist_ok=True)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if data_directory is not None:
        env["DASHBOARD_DATA"] = str(data_directory)
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "app.py", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=env,
        )
    url = f"http://127.0.0.1:{port}"
    if not wait_until_up(url + "/", server, 60):
        server.kill()
        pytest.fail(f"the app did not start; see {log}:\n{log.read_text()}")
    try:
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a loaded machine; the test's work is done
            server.kill()
            server.wait()


@pytest.fixture(scope="session")
def base_url():
    with served_app() as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium (make test does)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Console:
    """The errors a page wrote to its console or threw."""

    def __init__(self, page):
        self.errors = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture
def viewport():
    return {"width": 1280, "height": 900}


def wait_for_live_page(page, frame=None) -> None:
    """The live page has taken over from the page the server drew (assets/dashboard.js). It starts
    when a person first uses the page: the pointer moves over it (or over `frame`'s iframe) until then."""
    start_live(page, frame)


@pytest.fixture
def page(browser, viewport):
    """A page whose `goto` and `reload` return once the live page has taken over, as a person
    would use it (tests/browser/test_server_drawn.py tests the page before that)."""
    context = browser.new_context(viewport=viewport, locale="da-DK")
    page = context.new_page()
    for name in ("goto", "reload"):
        navigate = getattr(page, name)

        def and_wait(*args, _navigate=navigate, **kwargs):
            response = _navigate(*args, **kwargs)
            if response is not None and "text/html" in response.headers.get("content-type", ""):
                wait_for_live_page(page)
            return response

        setattr(page, name, and_wait)
    yield page
    context.close()


@pytest.fixture
def console(page) -> Console:
    return Console(page)


def wait_for_charts(page, count: int | None = None) -> None:
    """Wait until the live page has taken over and every chart card has drawn its Plotly figure
    (not the placeholder it starts with)."""
    wait_for_live_page(page)
    page.wait_for_selector(".chart-card .js-plotly-plot .main-svg", timeout=20000)
    page.wait_for_function(
        """n => {
          const graphs = [...document.querySelectorAll('.chart-card .js-plotly-plot')];
          return graphs.length >= n && graphs.every(g => g.querySelector('.main-svg') && g.layout && g.layout.meta !== 'placeholder');
        }""",
        arg=count or 1, timeout=20000,
    )


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def chart(page, chart_id: str):
    """A chart's card, as its permalink names it."""
    return page.locator(f"#figur-{chart_id}")


def toggle(page, legend: str, label: str) -> None:
    """Click a filter's toggle button, as a person would."""
    page.locator(f"fieldset:has(legend:text-is('{legend}')) label:text-is('{label}')").click()
