"""The open-data files under /data/: the package validates (and a broken copy does not), every
file holds the rows of data/ as written there, and the responses say what they are and revalidate."""

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import flask
import frictionless
import openpyxl
import pytest
import yaml

from dashboard.data import DEFAULT_DIRECTORY
from dashboard.data.loader import STATBANK_FILE
from dashboard.open_data.file_routes import register_data_file_routes
from dashboard.open_data.data_package import data_file_bodies
from dashboard.open_data.files import (CASE_DESCRIPTIONS, CASES_CSV, DATA_FILES, EDITION_DESCRIPTIONS, EDITIONS_CSV,
                                       FIGURES_CSV, JSON_FILE, PACKAGE_FILE, XLSX_FILE, ZIP_FILE, cell_text)
from dashboard.open_data.records import CASE_FIELDS, EDITION_FIELDS
from dashboard.vocabulary import PRECISIONS

CSV_FILES = (FIGURES_CSV, EDITIONS_CSV, CASES_CSV)
SHEETS = {FIGURES_CSV: "figures", EDITIONS_CSV: "editions", CASES_CSV: "cases"}


@pytest.fixture(scope="module")
def client(data):
    app = flask.Flask(__name__)
    register_data_file_routes(app, data)
    return app.test_client()


@pytest.fixture(scope="module")
def bodies(client):
    """Each file as the route serves it."""
    responses = {file.name: client.get(f"/data/{file.name}") for file in DATA_FILES}
    assert {name: r.status_code for name, r in responses.items()} == {file.name: 200 for file in DATA_FILES}
    return {name: r.data for name, r in responses.items()}


def _csv_rows(body: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"), newline="")))


def _source_rows(name: str) -> list[dict]:
    with open(DEFAULT_DIRECTORY / name, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _validated(directory: Path) -> frictionless.Report:
    report = frictionless.validate(directory / PACKAGE_FILE)
    if not report.valid:
        print(report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"]))
    return report


def _write_package(directory: Path, bodies: dict) -> None:
    for name in (PACKAGE_FILE, *CSV_FILES):
        (directory / name).write_bytes(bodies[name])


def test_the_package_validates(bodies, tmp_path):
    _write_package(tmp_path, bodies)
    report = _validated(tmp_path)
    assert report.valid
    assert [task.name for task in report.tasks] == ["figures", "editions", "cases"]


def _replace_first(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


BREAKAGES = {
    # a precision outside the vocabulary
    "enum": (FIGURES_CSV, lambda text: _replace_first(text, ",exact,", ",roughly,"), "constraint-error"),
    # a figure's row twice: its id is no longer a key
    "duplicate id": (FIGURES_CSV, lambda text: text + text.splitlines(keepends=True)[1], "primary-key"),
    # an edition left out: its figures point at nothing
    "missing edition": (EDITIONS_CSV, lambda text: "".join(l for l in text.splitlines(keepends=True) if ",2013-2014," not in l),
                        "foreign-key"),
    # a value changed, though still a valid one: the package's digest of the file no longer matches
    "changed value": (FIGURES_CSV, lambda text: _replace_first(text, ",30,exact,", ",31,exact,"), "hash-count"),
}


@pytest.mark.parametrize("breakage", BREAKAGES)
def test_a_broken_copy_is_invalid(bodies, tmp_path, breakage):
    name, break_text, error_type = BREAKAGES[breakage]
    _write_package(tmp_path, bodies)
    (tmp_path / name).write_bytes(break_text(bodies[name].decode("utf-8")).encode("utf-8"))
    report = frictionless.validate(tmp_path / PACKAGE_FILE)
    assert not report.valid
    assert error_type in {error_type for (error_type,) in report.flatten(["type"])}


def test_figures_agree_with_data(bodies):
    written = _source_rows("figures.csv")
    if (DEFAULT_DIRECTORY / STATBANK_FILE).exists():
        written += _source_rows(STATBANK_FILE)
    served = {row["id"]: row for row in _csv_rows(bodies[FIGURES_CSV])}
    assert len(served) == len(written) == len(_csv_rows(bodies[FIGURES_CSV]))
    same_name = ("figure_id", "theme", "period", "sector", "category", "label_da", "label_en", "value_pct", "precision",
                 "base", "question_da", "source_url", "note")
    for row in written:
        key = ".".join(row[name] for name in ("figure_id", "period", "sector", "category"))
        expected = {name: row[name] for name in same_name} | {"n": row["n_obs"], "words_da": row["verbal_da"]}
        assert {name: served[key][name] for name in expected} == expected, key


def test_editions_agree_with_data(bodies):
    assert _csv_rows(bodies[EDITIONS_CSV]) == _source_rows("editions.csv")


def test_cases_agree_with_data(bodies):
    written = yaml.safe_load((DEFAULT_DIRECTORY / "cases.yaml").read_text(encoding="utf-8"))
    served = _csv_rows(bodies[CASES_CSV])
    assert len(served) == len(written)
    for case, row in zip(written, served):
        expected = {name: cell_text(case[name]) for name in CASE_FIELDS if name != "innovation_types"}
        expected["innovation_types"] = ";".join(case["innovation_types"])
        assert row == expected, case["id"]


def test_the_json_holds_the_csv_rows(bodies):
    document = json.loads(bodies[JSON_FILE])
    for name, sheet in SHEETS.items():
        as_text = [{field: cell_text(value) for field, value in record.items()} for record in document[sheet]]
        assert as_text == _csv_rows(bodies[name]), sheet
    assert document["themes"] and all(theme["slug"] for theme in document["themes"])


def test_the_workbook_holds_the_csv_rows(bodies):
    workbook = openpyxl.load_workbook(io.BytesIO(bodies[XLSX_FILE]))
    assert workbook.sheetnames == ["README", "figures", "editions", "cases"]
    for name, sheet in SHEETS.items():
        header, *rows = workbook[sheet].iter_rows(values_only=True)
        as_text = [dict(zip(header, map(cell_text, row))) for row in rows]
        assert as_text == _csv_rows(bodies[name]), sheet


def test_the_workbook_says_what_it_holds(bodies, data):
    readme = [row for row in openpyxl.load_workbook(io.BytesIO(bodies[XLSX_FILE]))["README"].iter_rows(values_only=True)]
    said = {row[0]: row[1] for row in readme if len(row) > 1 and row[1] is not None}
    assert said["version"] == data.version and said["updated"] == data.about.updated.isoformat()
    assert said["release"] == data.about.release and said["publisher"] == data.about.publisher_en
    described = {(row[0], row[1]) for row in readme if len(row) > 2 and row[2]}
    for name, sheet in SHEETS.items():
        assert {(sheet, field) for field in _csv_rows(bodies[name])[0]} <= described


def test_the_zip_holds_every_file_and_its_package_validates(bodies, tmp_path):
    with zipfile.ZipFile(io.BytesIO(bodies[ZIP_FILE])) as archive:
        assert set(archive.namelist()) == {file.name for file in DATA_FILES} - {ZIP_FILE}
        assert all(archive.read(name) == bodies[name] for name in archive.namelist())
        archive.extractall(tmp_path)
    assert _validated(tmp_path).valid


def test_the_package_describes_the_files_beside_it(bodies, client, data):
    package = json.loads(bodies[PACKAGE_FILE])
    assert package["version"] == f"{data.about.release}+{data.version}"
    assert package["updated"] == data.about.updated.isoformat()
    assert "licenses" not in package  # none has been published for the barometer's own figures
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert [resources[sheet]["path"] for sheet in SHEETS.values()] == list(SHEETS)
    for resource in resources.values():  # a path relative to the package is the file's name under /data/
        assert client.get(f"/data/{resource['path']}").data == bodies[resource["path"]]
        assert resource["schema"]["missingValues"] == [""]
    precision = next(f for f in resources["figures"]["schema"]["fields"] if f["name"] == "precision")
    assert precision["constraints"]["enum"] == list(PRECISIONS)
    assert resources["figures"]["schema"]["foreignKeys"] == [
        {"fields": "period", "reference": {"resource": "editions", "fields": "period"}}]


def test_every_field_is_described():
    assert tuple(EDITION_DESCRIPTIONS) == EDITION_FIELDS
    assert tuple(CASE_DESCRIPTIONS) == CASE_FIELDS


def test_the_json_says_which_data_it_holds(bodies, data):
    about = json.loads(bodies[JSON_FILE])["about"]
    assert (about["version"], about["updated"], about["release"]) == (
        data.version, data.about.updated.isoformat(), data.about.release)


def test_responses_say_what_they_are(client, data):
    for file in DATA_FILES:
        response = client.get(f"/data/{file.name}")
        assert response.headers["Access-Control-Allow-Origin"] == "*"
        assert response.headers["Cache-Control"] == "public, max-age=3600"
        assert response.headers["X-Data-Version"] == data.version
        assert response.headers["X-Data-Updated"] == data.about.updated.isoformat()
        assert response.mimetype == file.media_type
        disposition = response.headers.get("Content-Disposition")
        stem, _dot, suffix = file.name.partition(".")
        saved = f'attachment; filename="{stem}_udgivelse-2_{data.about.updated.isoformat()}.{suffix}"'
        assert disposition == (saved if file.attachment else None), file.name  # a saved file names its release
    assert client.get(f"/data/{FIGURES_CSV}").headers["Content-Type"] == "text/csv; charset=utf-8"


def test_the_etag_gives_not_modified(client):
    for file in DATA_FILES:
        first = client.get(f"/data/{file.name}")
        etag = first.headers["ETag"]
        assert etag.startswith('"')  # strong, not W/
        again = client.get(f"/data/{file.name}", headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.data == b""
        assert again.headers["ETag"] == etag
        assert client.get(f"/data/{file.name}", headers={"If-None-Match": '"other"'}).status_code == 200


def test_the_same_data_gives_the_same_files_in_every_process(data):
    """Each worker builds the files itself: their bytes (so their ETags) must not depend on the time
    of writing or on the process (another PYTHONHASHSEED orders sets and dicts of strings otherwise)."""
    first = data_file_bodies(data)
    time.sleep(1.1)  # a second later: a file stamped with the time of writing would differ
    assert data_file_bodies(data) == first
    digests = {name: hashlib.sha256(body).hexdigest() for name, body in first.items()}
    script = ("import hashlib, json; from dashboard.data import load_dataset; "
              "from dashboard.open_data.data_package import data_file_bodies; "
              "print(json.dumps({n: hashlib.sha256(b).hexdigest() for n, b in data_file_bodies(load_dataset()).items()}))")
    for seed in ("1", "2"):
        other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                               env={**os.environ, "PYTHONHASHSEED": seed}, cwd=DEFAULT_DIRECTORY.parent)
        assert json.loads(other.stdout) == digests, seed


def test_an_unknown_name_is_not_found(client):
    for name in ("figures.csv", "datapackage.yaml", "innovationsbarometeret.csv"):
        response = client.get(f"/data/{name}")
        assert response.status_code == 404
        assert response.mimetype == "text/plain"
        assert FIGURES_CSV in response.get_data(as_text=True)  # says which names there are
