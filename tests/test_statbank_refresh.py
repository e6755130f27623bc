"""`python -m dashboard.data refresh-statbank` against a local stand-in for the Statbank API:
success writes data/statbank.csv and adds the Statbank charts; every failure leaves the data
directory byte for byte as it was."""

import hashlib
import shutil
import subprocess
import sys
import time
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


def test_success_writes_statbank_rows_and_the_four_themes_gain_the_statbank_charts(api, data_dir, capsys):
    before = _fingerprint(data_dir)
    assert refresh(api, data_dir) == 0
    # OIN01DK by sector and type: 60 cells, one not published (..); by industry: 7 x 3;
    # OIN02DK 4 x 4 x 3; OIN03DK 4 x 17 x 3, one not published; OIN04DK 4 x 7 x 3, one suppressed.
    assert "414 Statbank values written" in capsys.readouterr().out
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
    assert str(by_key[("2018-2019", "alle", "mindst_en")].value_pct) == "81"  # the hand-verified value
    theme = data.theme("lav-nye-services")
    assert [c.id for c in theme.charts][-3:] == ["statbank-type", "statbank-sektor", "statbank-branche"]
    views = {cv.chart.id: cv for cv in chart_views(data, theme, ViewState())}
    assert [g.key for g in views["statbank-sektor"].slice.groups] == ["alle", "kommune", "region", "stat"]
    assert views["statbank-type"].slice.periods == ("2015-2016", "2018-2019", "2021-2023")
    # The industry view of OIN01: its total and the DB07 range, never a sector.
    industries = [g.label for g in views["statbank-branche"].slice.groups]
    assert industries[:3] == ["Delsektorer i alt", "Offentlig administration mv.", "Retsvæsen"] and len(industries) == 7
    industry_rows = [r for r in data.figures if r.figure_id == "statbank_branche"]
    assert len(industry_rows) == 21 and {r.sector for r in industry_rows} == {"alle"}
    assert {r.category for r in industry_rows} == {"alle_brancher", *(f"branche_{c}" for c in ("4000", "4050", "4100", "4150", "4200", "4240"))}

    # OIN02DK–OIN04DK: shares of the innovative workplaces, each on its theme.
    for figure_id, table, theme_slug, chart_id, answers in [
        ("statbank_nyhedsgrad", "OIN02DK", "genbrug-og-spred", "statbank-nyhedsgrad", 4),
        ("statbank_igangsaetter", "OIN03DK", "drivkraefter", "statbank-igangsaetter", 17),
        ("statbank_vaerdi", "OIN04DK", "skab-vaerdi", "statbank-vaerdi", 7),
    ]:
        table_rows = [r for r in data.figures if r.figure_id == figure_id]
        assert {r.base for r in table_rows} == {"innovative_workplaces"}, figure_id
        assert {r.source_url for r in table_rows} == {f"https://www.statistikbanken.dk/{table}"}
        assert {r.sector for r in table_rows} == {"alle", "kommune", "region", "stat"}
        view = {cv.chart.id: cv for cv in chart_views(data, data.theme(theme_slug), ViewState())}[chart_id]
        if table == "OIN04DK":  # the suppressed value ("0" in tableinfo's suppressedDataValue) is not a 0
            assert not [r for r in table_rows if (r.period, r.sector, r.category) == ("2015-2016", "stat", "politiske_maal")]
        assert len(view.slice.groups) == answers and view.slice.periods == ("2015-2016", "2018-2019", "2021-2023")
        assert view.caption.base.startswith("Andel af innovative offentlige arbejdspladser")

    data_calls = [body for path, body in api.requests if path == "/v1/data"]
    # Once per table and language, not per figure.
    assert sum(path == "/v1/tableinfo" for path, _ in api.requests) == 8
    assert {call["table"] for call in data_calls} == {"OIN01DK", "OIN02DK", "OIN03DK", "OIN04DK"}
    assert all(call["format"] == "BULK" and call["valuePresentation"] == "Code" for call in data_calls)
    assert all({v["code"]: v["values"] for v in call["variables"]}["TID"] == ["2016", "2019", "2023"] for call in data_calls)
    by_sector = next(call for call in data_calls if call["table"] == "OIN01DK" and
                     {v["code"]: v["values"] for v in call["variables"]}["INNO"] != ["10"])
    assert {v["code"]: v["values"] for v in by_sector["variables"]}["OIN01"] == ["1000", "1010", "1020", "1030"]


def test_variable_ids_are_compared_without_regard_to_case(api, data_dir):
    """The live tableinfo may spell an id in another case than data/statbank.yaml (Tid/TID)."""
    config = data_dir / "statbank.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("time_variable: Tid", "time_variable: TID")
                      .replace("variable: NYHEDSGRAD", "variable: Nyhedsgrad"), encoding="utf-8")
    assert refresh(api, data_dir, "--tables", "OIN02DK") == 0
    assert len([r for r in load_dataset(data_dir).figures if r.figure_id == "statbank_nyhedsgrad"]) == 48


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
        ("changed_columns", "has the columns OIN01, INNOVATIONSTYPE, TID, INDHOLD; expected"),
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
    assert refresh(api, data_dir, "--tables", "OIN05DK") == 1
    assert "no mapping in data/statbank.yaml for OIN05DK (configured: OIN01DK, OIN02DK, OIN03DK, OIN04DK)" in capsys.readouterr().err
    config = data_dir / "statbank.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("variable: INNO\n", "variable: TYPE\n"), encoding="utf-8")
    before = _fingerprint(data_dir)
    assert refresh(api, data_dir) == 1
    err = capsys.readouterr().err
    assert "OIN01DK has no variable 'TYPE'; it has OIN01, INNO, TID" in err
    assert _fingerprint(data_dir) == before


def test_a_code_the_table_lacks_is_refused_naming_the_codes_it_has(api, data_dir, capsys):
    config = data_dir / "statbank.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace('"1030": stat}', '"1040": stat}', 1), encoding="utf-8")
    before = _fingerprint(data_dir)
    assert refresh(api, data_dir) == 1
    err = capsys.readouterr().err
    assert "OIN01DK.OIN01 has no code 1040; it has 1000 (Offentlig forvaltning og service i alt), 1010 (Kommune)" in err
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
    assert check.returncode == 0 and "valid: 168 figures" in check.stdout  # 88 verified + 80 of OIN01DK


def test_a_server_that_drips_its_answer_meets_the_overall_deadline(api, data_dir, capsys):
    """A byte every 0.2 s never times out a read (--timeout 0.5); --deadline ends the refresh."""
    before = _fingerprint(data_dir)
    api.mode = "drip"
    started = time.monotonic()
    assert refresh(api, data_dir, "--deadline", "1.5") == 1
    assert time.monotonic() - started < 4
    assert "did not finish within its deadline of 1.5 s" in capsys.readouterr().err
    assert _fingerprint(data_dir) == before
