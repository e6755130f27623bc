"""`python -m dashboard.data check` refuses every kind of broken data directory whole,
naming file, line and column, and never prints a traceback."""

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.data import DataError, load_dataset
from dashboard.data.__main__ import main

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

# The YAML parser notices the unclosed bracket of a broken "- slug: skab-vaerdi" on the line after.
YAML_ERROR_LINE = (DATA / "themes.yaml").read_text(encoding="utf-8").splitlines().index("  - slug: skab-vaerdi") + 2
FIGURE_LINES = len((DATA / "figures.csv").read_text(encoding="utf-8").splitlines())


def _theme_line(text: str) -> int:
    """The line of themes.yaml that holds `text` (first occurrence), 1-based."""
    return next(i for i, line in enumerate((DATA / "themes.yaml").read_text(encoding="utf-8").splitlines(), start=1)
                if text in line)


# figures.csv line 6 is the 43 % service figure (exact); line 7 the verbal communication one.
EXACT_LINE, VERBAL_LINE, APPROX_LINE = 6, 7, 3


def _set_field(path: Path, line: int, column: str, value: str) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[line - 2][column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _drop_column(path: Path, column: str) -> None:
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    fields = [f for f in rows[0] if f != column]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _append_line(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def _statbank_copy_of_figures(directory: Path) -> None:
    """A statbank.csv whose rows reuse the hand-verified figures' ids."""
    lines = (directory / "figures.csv").read_text(encoding="utf-8").splitlines()
    (directory / "statbank.csv").write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")


BROKEN = {
    "statbank figure id taken": (_statbank_copy_of_figures, "statbank.csv:2: figure_id: 'proces_forloeb' is a figure of figures.csv"),
    "missing column": (lambda d: _drop_column(d / "figures.csv", "base"), "figures.csv:1: base: required column is missing"),
    "unknown column": (lambda d: _replace(d / "editions.csv", "source_url\n", "source_url,extra\n"), "editions.csv:1: extra: unknown column"),
    "unknown period": (lambda d: _set_field(d / "figures.csv", EXACT_LINE, "period", "2019-2020"), "figures.csv:6: period: '2019-2020' is not one of"),
    "value above 100": (lambda d: _set_field(d / "figures.csv", EXACT_LINE, "value_pct", "140"), "figures.csv:6: value_pct: 140 is above 100"),
    "value below 0": (lambda d: _set_field(d / "figures.csv", EXACT_LINE, "value_pct", "-3"), "figures.csv:6: value_pct: -3 is below 0"),
    "value not a number": (lambda d: _set_field(d / "figures.csv", EXACT_LINE, "value_pct", "abc"), "figures.csv:6: value_pct: 'abc' is not a number"),
    "exact row without value": (lambda d: _set_field(d / "figures.csv", EXACT_LINE, "value_pct", ""), "figures.csv:6: value_pct: is empty, but a exact figure needs"),
    "verbal row with value": (lambda d: _set_field(d / "figures.csv", VERBAL_LINE, "value_pct", "45"), "figures.csv:7: value_pct: 45 is given, but a verbal figure has no number"),
    "approx row without words": (lambda d: _set_field(d / "figures.csv", APPROX_LINE, "verbal_da", ""), "figures.csv:3: verbal_da: is empty, but a approx figure must carry"),
    "unknown precision": (lambda d: _set_field(d / "figures.csv", EXACT_LINE, "precision", "rough"), "figures.csv:6: precision: 'rough' is not one of exact, approx, verbal"),
    "unknown sector": (lambda d: _set_field(d / "figures.csv", EXACT_LINE, "sector", "privat"), "figures.csv:6: sector: 'privat' is not one of"),
    "unknown base": (lambda d: _set_field(d / "figures.csv", EXACT_LINE, "base", "people"), "figures.csv:6: base: 'people' is not one of workplaces, innovations"),
    "n_obs not a number": (lambda d: _set_field(d / "figures.csv", EXACT_LINE, "n_obs", "2.362"), "figures.csv:6: n_obs: '2.362' is not a whole number"),
    "duplicate key": (
        lambda d: _append_line(d / "figures.csv", (d / "figures.csv").read_text(encoding="utf-8").split("\n")[EXACT_LINE - 1]),
        f"figures.csv:{FIGURE_LINES + 1}: duplicate (figure_id, period, sector, category) ('arbejdspladser_type', '2015-2016', 'alle', 'service'); first on line 6",
    ),
    "non-URL source": (lambda d: _set_field(d / "figures.csv", EXACT_LINE, "source_url", "co-pi.dk/lav-nye-services"), "figures.csv:6: source_url: 'co-pi.dk/lav-nye-services' is not an http(s) address"),
    "unknown theme in figure": (lambda d: _set_field(d / "figures.csv", EXACT_LINE, "theme", "ukendt-tema"), "figures.csv:6: theme: 'ukendt-tema' is not a theme of themes.yaml"),
    "empty file": (lambda d: (d / "figures.csv").write_text("", encoding="utf-8"), "figures.csv: file is empty"),
    "missing file": (lambda d: (d / "editions.csv").unlink(), "editions.csv: file is missing"),
    "byte-order mark": (lambda d: (d / "figures.csv").write_bytes(b"\xef\xbb\xbf" + (d / "figures.csv").read_bytes()), "figures.csv:1: file starts with a byte-order mark (BOM)"),
    "latin-1 encoding": (
        lambda d: (d / "figures.csv").write_bytes((d / "figures.csv").read_text(encoding="utf-8").encode("latin-1", errors="replace")),
        "figures.csv:2: byte 0xf8 is not UTF-8",
    ),
    "semicolon separated": (lambda d: (d / "editions.csv").write_text((d / "editions.csv").read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8"), "editions.csv:1: columns are separated by semicolons"),
    "trailing blank lines": (lambda d: _append_line(d / "figures.csv", "\n"), f"figures.csv:{FIGURE_LINES + 1}: blank line; remove it"),
    "too many fields": (lambda d: _append_line(d / "editions.csv", "5,2025-2026,1,1,https://example.org/,x"), "editions.csv:6: cannot be read as CSV"),
    "unknown theme in case": (lambda d: _replace(d / "cases.yaml", "theme: lav-nye-services", "theme: lav-nye-ting"), "cases.yaml:110: theme: 'lav-nye-ting' is not a theme of themes.yaml"),
    "unknown innovation type in case": (lambda d: _replace(d / "cases.yaml", "  - process\n  year: null", "  - processes\n  year: null"), "cases.yaml:54: innovation_types.0: 'processes' is not one of"),
    "case without summary": (lambda d: _replace(d / "cases.yaml", "summary_da: Med tjenesten", "summary_xx: Med tjenesten"), "cases.yaml:110: summary_da: Field required"),
    "chart names a missing figure": (lambda d: _replace(d / "themes.yaml", "figure_id: antal_typer", "figure_id: antal_typer_x"), f"themes.yaml:{_theme_line('figure_id: antal_typer')}: figure_id: 'antal_typer_x' is not a figure_id of figures.csv"),
    "chart names a missing category": (lambda d: _replace(d / "themes.yaml", "categories: [mindst_en]", "categories: [mindst_to]"), f"themes.yaml:{_theme_line('categories: [mindst_en]')}: categories: 'mindst_to' is not a category of figure 'arbejdspladser_type'"),
    "chart id used twice": (lambda d: _replace(d / "themes.yaml", "id: flere-typer", "id: forloeb"), f"themes.yaml:{_theme_line('id: flere-typer')}: charts.id: duplicate chart id forloeb; first on line {_theme_line('id: forloeb')}"),
    "headline names no row": (lambda d: _replace(d / "themes.yaml", "category: som_planlagt_og_forventet", "category: som_planlagt"), f"themes.yaml:{_theme_line('figure_id: proces_forloeb')}: headline: names no row of figures.csv"),
    "YAML syntax error": (lambda d: _replace(d / "themes.yaml", "  - slug: skab-vaerdi", "  - slug: [skab-vaerdi"), f"themes.yaml:{YAML_ERROR_LINE}: YAML syntax error"),
    "themes not a list": (lambda d: (d / "themes.yaml").write_text("themes: styr-processen\n", encoding="utf-8"), "themes.yaml:1: themes: Input should be a valid tuple"),
    "cases not a list": (lambda d: (d / "cases.yaml").write_text("id: x\n", encoding="utf-8"), "cases.yaml:1: must be a list of cases"),
}


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    for path in target.iterdir():
        path.chmod(0o644)
    return target


def test_shipped_data_is_valid(capsys):
    assert main(["check", str(DATA)]) == 0
    out = capsys.readouterr().out
    assert "valid: 88 figures, 28 charts, 13 themes (13 with a page), 10 cases" in out


@pytest.mark.parametrize("breakage", BROKEN, ids=list(BROKEN))
def test_broken_directory_is_refused_with_file_line_and_column(breakage, data_copy, capsys):
    break_it, expected = BROKEN[breakage]
    break_it(data_copy)

    assert main(["check", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert expected in err, err
    assert "Traceback" not in err
    # Nothing is partially loaded: the loader gives a whole DataSet or none.
    with pytest.raises(DataError):
        load_dataset(data_copy)


def test_every_problem_is_reported_not_just_the_first(data_copy, capsys):
    _set_field(data_copy / "figures.csv", EXACT_LINE, "value_pct", "140")
    _set_field(data_copy / "figures.csv", VERBAL_LINE, "period", "2020")
    _replace(data_copy / "cases.yaml", "sector: kommune", "sector: amt")
    assert main(["check", str(data_copy)]) == 1
    err = capsys.readouterr().err
    assert "figures.csv:6: value_pct: 140 is above 100" in err
    assert "figures.csv:7: period: '2020' is not one of" in err
    assert "cases.yaml:51: sector: 'amt' is not one of" in err


def test_a_broken_statbank_mapping_is_refused_by_the_check(data_copy, capsys):
    config = data_copy / "statbank.yaml"
    text = config.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), start=1) if '"1000": alle' in row)
    config.write_text(text.replace('"1000": alle', '"1000": everyone', 1), encoding="utf-8")
    assert main(["check", str(data_copy)]) == 1
    assert f"statbank.yaml:{line}: tables.0.sector.values.1000: 'everyone' is not one of alle" in capsys.readouterr().err


@pytest.mark.parametrize("breakage", ["value above 100", "latin-1 encoding", "YAML syntax error"])
def test_command_line_exits_1_without_traceback(breakage, data_copy):
    break_it, expected = BROKEN[breakage]
    break_it(data_copy)
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.data", "check", str(data_copy)],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
    )
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_command_line_default_directory_passes():
    result = subprocess.run(
        [sys.executable, "-m", "dashboard.data", "check"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "valid:" in result.stdout


def test_line_numbers_are_physical_lines_when_a_quoted_field_spans_two(data_copy, capsys):
    """csv.DictReader.line_num: the row after a note written over two lines is on line 4, not 3."""
    path = data_copy / "figures.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[0]["note"] = "first line\nsecond line"
    rows[1]["value_pct"] = "140"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    assert main(["check", str(data_copy)]) == 1
    assert "figures.csv:4: value_pct: 140 is above 100" in capsys.readouterr().err
