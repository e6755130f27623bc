"""Exports can't starve pages: a worker takes on one image or slide export at a time and lets one
wait; the rest are told at once to come back (503, Retry-After, a page in their language). A
renderer that hangs or crashes is given up within 5 s, answered with 503, and replaced."""

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from dashboard.export.admission import ExportBusy, ExportGate


def test_the_gate_lets_one_draw_one_wait_and_turns_the_rest_away_at_once():
    gate = ExportGate(running=1, waiting=1, wait_s=0.5)
    drawing, release = threading.Event(), threading.Event()
    outcome = []

    def draw():
        with gate.place():
            drawing.set()
            release.wait(5)

    def wait_then(result):
        try:
            with gate.place():
                result.append("drew")
        except ExportBusy:
            result.append("busy")

    first = threading.Thread(target=draw)
    first.start()
    assert drawing.wait(5)
    waiter = threading.Thread(target=wait_then, args=(outcome,))
    waiter.start()
    time.sleep(0.1)
    started = time.monotonic()
    with pytest.raises(ExportBusy):  # one draws, one waits: a third is turned away at once
        with gate.place():
            pass
    assert time.monotonic() - started < 0.1
    waiter.join(5)
    assert outcome == ["busy"]  # the waiter's wait ran out while the first still drew
    release.set()
    first.join(5)
    with gate.place():  # free again
        pass


def test_a_busy_export_answers_503_with_retry_after_and_a_page_in_its_language(dash_app):
    server = dash_app.server
    gate: ExportGate = server.export_gate
    held = [gate._places.acquire(blocking=False) for _ in range(2)]
    try:
        assert all(held)
        started = time.monotonic()
        response = server.test_client().get("/export/forloeb.png?lang=en")
        assert time.monotonic() - started < 1
        assert response.status_code == 503 and response.headers["Retry-After"] == "10"
        page = response.get_data(as_text=True)
        assert '<html lang="en">' in page and "Try again in 10 seconds" in page
        assert 'href="/styr-processen?lang=en#figur-forloeb"' in page
        assert server.test_client().get("/export/forloeb.csv").status_code == 200  # tables never wait
    finally:
        for ok in held:
            if ok:
                gate._places.release()


def _renderers_of(pid: int) -> list[int]:
    """The Chromium renderer processes descending from process `pid`."""
    parents, found = {}, []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    for child in parents:
        ancestor = parents.get(child)
        while ancestor and ancestor != pid:
            ancestor = parents.get(ancestor)
        if ancestor == pid:
            try:
                if b"--type=renderer" in (Path("/proc") / str(child) / "cmdline").read_bytes():
                    found.append(child)
            except OSError:
                continue
    return found


@pytest.mark.parametrize("how", [signal.SIGSTOP, signal.SIGKILL], ids=["hung", "crashed"])
def test_a_hung_or_crashed_renderer_is_given_up_within_5_s_and_the_next_export_succeeds(dash_app, how):
    client = dash_app.server.test_client()
    assert client.get("/export/forloeb.png").status_code == 200  # the browser is up, plotly.js loaded
    renderers = _renderers_of(os.getpid())
    assert renderers, "no Chromium renderer found under this process"
    for pid in renderers:
        os.kill(pid, how)  # hung (alive, drawing nothing) or crashed
    try:
        started = time.monotonic()
        response = client.get("/export/formaal.png")
        assert response.status_code == 503
        assert time.monotonic() - started < 5.5
    finally:
        for pid in renderers:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    assert client.get("/export/formaal.png").status_code == 200  # a new browser draws it


def test_exports_at_saturation_leave_healthz_and_the_callback_fast():
    """A bounded form of `python -m bench.export_saturation` on the production server: six clients
    fetch slide decks at the largest scale for 8 s while /healthz and the filter callback are asked."""
    from bench.common import production_server, summary
    from bench.export_saturation import saturate

    with production_server(warm_exports=True) as (url, _process):
        time.sleep(12)  # the workers' export browsers start after the fork
        result = saturate(url, exporters=6, seconds=8)
    _h50, healthz_p95 = summary(result.healthz_ms)
    _c50, callback_p95 = summary(result.callback_ms)
    assert result.export_status[200] >= 1  # decks are drawn
    assert result.export_status[503] >= 1 and result.retry_after == {"10"}  # the excess is turned away
    assert not [k for k in result.export_status if isinstance(k, str)]  # every probe answered 200
    assert result.export_longest_s < 60
    # Without the gate /healthz waited 35.8 s behind the exports. The targets (p95 <= 100 / 250 ms)
    # are the bench's on an idle machine (bench/RESULTS.md: 47 / 49 ms); here, on a machine that may
    # be busy with other work (a CPU hog beside the suite took /healthz p95 to 129 ms), the test
    # asserts what isolation guarantees: nothing waits for an export (each takes seconds).
    assert healthz_p95 <= 250, result.healthz_ms
    assert callback_p95 <= 500, result.callback_ms
