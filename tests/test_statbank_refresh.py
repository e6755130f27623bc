"""`python -m dashboard.data refresh-statbank` against a local stand-in for the Statbank API:
success writes data/statbank.csv and adds the Statbank charts; every failure leaves the data
directory byte for byte as it was."""

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.data import load_dataset
from dashboard.data.loader import STATBANK_FILE
from dashboard.figures.chart_view import chart_views
from dashboard.state import ViewState
from tests.statbank_stand_in import refresh, stand_in_api

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def api():
    with stand_in_api() as server:
        yield server


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target)
    return target


def _fingerprint(directory: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


def test_success_writes_statbank_rows_and_the_page_gains_the_statbank_charts(api, data_dir, capsys):
    before = _fingerprint(data_dir)
    assert refresh(api, data_dir) == 0
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
    assert refresh(api, data_dir) == 1
    assert message in capsys.readouterr().err
    assert _fingerprint(data_dir) == before


def test_a_failed_refresh_keeps_an_earlier_statbank_file(api, data_dir):
    assert refresh(api, data_dir) == 0
    before = _fingerprint(data_dir)
    api.mode = "error500"
    assert refresh(api, data_dir) == 1
    assert _fingerprint(data_dir) == before


def test_a_disagreement_with_a_hand_verified_figure_is_reported_not_written(api, data_dir, capsys):
    before = _fingerprint(data_dir)
    api.mode = "disagree"
    assert refresh(api, data_dir) == 3
    err = capsys.readouterr().err
    assert "OIN01DK 2015-2016/alle/service: Statbank 44, figures.csv (arbejdspladser_type) 43" in err
    assert _fingerprint(data_dir) == before
    assert refresh(api, data_dir, "--accept-disagreements") == 0
    assert "accepted disagreement" in capsys.readouterr().err


def test_a_table_without_a_mapping_or_a_wrong_mapping_is_refused_with_what_the_table_has(api, data_dir, capsys):
    before = _fingerprint(data_dir)
    assert refresh(api, data_dir, "--tables", "OIN02DK") == 1
    assert "no mapping in data/statbank.yaml for OIN02DK (configured: OIN01DK)" in capsys.readouterr().err
    config = data_dir / "statbank.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("variable: INNOTYPE", "variable: TYPE"), encoding="utf-8")
    before = _fingerprint(data_dir)
    assert refresh(api, data_dir) == 1
    err = capsys.readouterr().err
    assert "OIN01DK has no variable 'TYPE'; it has SEKTOR, INNOTYPE, Tid" in err
    assert _fingerprint(data_dir) == before


def test_the_command_line_entry_point_runs_therefresh(api, data_dir):
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
