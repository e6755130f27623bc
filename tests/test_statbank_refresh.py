"""`python -m dashboard.data refresh-statbank` against a local stand-in for the Statbank API:
success writes data/statbank.csv and adds the Statbank charts; every failure leaves the data
directory byte for byte as it was."""

import hashlib
import json
import shutil
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dashboard.data import load_dataset
from dashboard.data.__main__ import main
from dashboard.data.loader import STATBANK_FILE
from dashboard.figures.chart_view import chart_views
from dashboard.state import ViewState

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = Path(__file__).parent / "statbank_api"


def _selected(request: dict, text: str) -> str:
    """The rows of a recorded whole table that the request's variables select, as the API does."""
    lines = text.splitlines()
    header = lines[0].split(";")
    wanted = {v["code"].upper(): set(v["values"]) for v in request["variables"]}
    rows = [line for line in lines[1:] if all(field in wanted.get(column, {field})
                                             for column, field in zip(header, line.split(";")))]
    return "\r\n".join([lines[0], *rows]) + "\r\n"


class StatbankStandIn(BaseHTTPRequestHandler):
    """Serves the recorded answers; `server.mode` breaks them in one way or another."""

    def log_message(self, *args):
        pass

    def _send(self, status: int, body: bytes, content_type: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append((self.path, request))
        mode = self.server.mode
        if mode == "slow":
            time.sleep(2)
        if mode == "error500":
            return self._send(500, b"Internal Server Error", "text/plain")
        if self.path == "/v1/tableinfo":
            body = (ANSWERS / f"tableinfo_{request['table']}_{request['lang']}.json").read_bytes()
            return self._send(200, body, "application/json; charset=utf-8")
        if self.path == "/v1/data":
            text = _selected(request, (ANSWERS / f"data_{request['table']}.csv").read_text(encoding="utf-8-sig"))
            if mode == "changed_columns":
                text = text.replace("INNOTYPE", "INNOVATIONSTYPE", 1)
            if mode == "invalid":
                text = text.replace("TOT;PROC;2016;48", "TOT;PROC;2016;148")
            if mode == "disagree":
                text = text.replace("TOT;SERV;2016;43", "TOT;SERV;2016;44")
            body = text.encode("utf-8-sig")
            if mode == "truncated":  # the header promises the whole body; half of it arrives
                return self._send(200, body[: len(body) // 2], "text/csv; charset=utf-8", length=len(body))
            return self._send(200, body, "text/csv; charset=utf-8")
        return self._send(404, b"unknown function", "text/plain")


@pytest.fixture
def api():
    server = ThreadingHTTPServer(("127.0.0.1", 0), StatbankStandIn)
    server.mode, server.requests = "ok", []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def _fingerprint(directory: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


def _refresh(api, data_dir, *extra) -> int:
    url = f"http://127.0.0.1:{api.server_address[1]}/v1"
    return main(["refresh-statbank", "--out", str(data_dir), "--api", url, "--timeout", "0.5", "--retries", "1", *extra])


def test_success_writes_statbank_rows_and_the_page_gains_the_statbank_charts(api, data_dir, capsys):
    before = _fingerprint(data_dir)
    assert _refresh(api, data_dir) == 0
    # By sector and type: 60 cells, one not published (..); by industry: 18.
    assert "77 Statbank values written" in capsys.readouterr().out
    after = _fingerprint(data_dir)
    assert {k: v for k, v in after.items() if k != STATBANK_FILE} == before  # nothing else touched

    data = load_dataset(data_dir)
    rows = [r for r in data.figures if r.figure_id == "statbank_innovationstype"]
    assert len(rows) == 59
    assert all(r.source_url == "https://www.statistikbanken.dk/OIN01DK" and r.precision == "exact" for r in rows)
    assert all(r.base == "workplaces" and "Danmarks Statistik (CC BY 4.0)" in r.note for r in rows)
    by_key = {(r.period, r.sector, r.category): r for r in rows}
    assert str(by_key[("2021-2023", "kommune", "proces")].value_pct) == "44.5"  # decimal comma read
    assert ("2015-2016", "stat", "produkt") not in by_key  # '..' is not published, not zero
    assert by_key[("2018-2019", "region", "mindst_en")].label_en == "Innovative workplaces, total"
    theme = data.theme("lav-nye-services")
    assert [c.id for c in theme.charts][-3:] == ["statbank-type", "statbank-sektor", "statbank-branche"]
    views = {cv.chart.id: cv for cv in chart_views(data, theme, ViewState())}
    assert [g.key for g in views["statbank-sektor"].slice.groups] == ["alle", "kommune", "region", "stat"]
    assert views["statbank-type"].slice.periods == ("2015-2016", "2018-2019", "2021-2023")
    industries = [g.label for g in views["statbank-branche"].slice.groups]
    assert industries[:2] == ["Offentlig administration mv.", "Retsvæsen"] and len(industries) == 6
    industry_rows = [r for r in data.figures if r.figure_id == "statbank_branche"]
    assert len(industry_rows) == 18 and {r.sector for r in industry_rows} == {"alle"}

    data_call = next(body for path, body in api.requests if path == "/v1/data")
    assert sum(path == "/v1/tableinfo" for path, _ in api.requests) == 2  # once per language, not per figure
    assert data_call["format"] == "BULK" and data_call["valuePresentation"] == "Code"
    assert {v["code"]: v["values"] for v in data_call["variables"]}["Tid"] == ["2016", "2019", "2023"]


def test_without_statbank_data_the_charts_are_absent_without_error(data):
    assert not (ROOT / "data" / STATBANK_FILE).exists()
    chart_ids = [c.id for c in data.theme("lav-nye-services").charts]
    assert not [c for c in chart_ids if c.startswith("statbank-")]


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("slow", "no answer within 0.5 s"),
        ("error500", "HTTP 500"),
        ("truncated", "IncompleteRead"),
        ("changed_columns", "has the columns SEKTOR, INNOVATIONSTYPE, TID, INDHOLD; expected"),
        ("invalid", "148 is above 100"),
    ],
)
def test_every_failure_leaves_the_data_directory_unchanged(api, data_dir, capsys, mode, message):
    before = _fingerprint(data_dir)
    api.mode = mode
    assert _refresh(api, data_dir) == 1
    assert message in capsys.readouterr().err
    assert _fingerprint(data_dir) == before


def test_a_failed_refresh_keeps_an_earlier_statbank_file(api, data_dir):
    assert _refresh(api, data_dir) == 0
    before = _fingerprint(data_dir)
    api.mode = "error500"
    assert _refresh(api, data_dir) == 1
    assert _fingerprint(data_dir) == before


def test_a_disagreement_with_a_hand_verified_figure_is_reported_not_written(api, data_dir, capsys):
    before = _fingerprint(data_dir)
    api.mode = "disagree"
    assert _refresh(api, data_dir) == 3
    err = capsys.readouterr().err
    assert "OIN01DK 2015-2016/alle/service: Statbank 44, figures.csv (arbejdspladser_type) 43" in err
    assert _fingerprint(data_dir) == before
    assert _refresh(api, data_dir, "--accept-disagreements") == 0
    assert "accepted disagreement" in capsys.readouterr().err


def test_a_table_without_a_mapping_or_a_wrong_mapping_is_refused_with_what_the_table_has(api, data_dir, capsys):
    before = _fingerprint(data_dir)
    assert _refresh(api, data_dir, "--tables", "OIN02DK") == 1
    assert "no mapping in data/statbank.yaml for OIN02DK (configured: OIN01DK)" in capsys.readouterr().err
    config = data_dir / "statbank.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("variable: INNOTYPE", "variable: TYPE"), encoding="utf-8")
    before = _fingerprint(data_dir)
    assert _refresh(api, data_dir) == 1
    err = capsys.readouterr().err
    assert "OIN01DK has no variable 'TYPE'; it has SEKTOR, INNOTYPE, Tid" in err
    assert _fingerprint(data_dir) == before


def test_the_command_line_entry_point_runs_the_refresh(api, data_dir):
    url = f"http://127.0.0.1:{api.server_address[1]}/v1"
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.data", "refresh-statbank", "--tables", "OIN01DK", "--out", str(data_dir),
         "--api", url], cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (data_dir / STATBANK_FILE).exists()
    check = subprocess.run([sys.executable, "-m", "dashboard.data", "check", str(data_dir)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0 and "valid: 128 figures" in check.stdout
