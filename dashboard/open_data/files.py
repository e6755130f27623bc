"""The data set as open-data files: a CSV per table, one JSON document, one workbook (the Frictionless
Data Package describing the CSVs, and the ZIP of them all: `data_package.py`). Pure functions of the data set, each giving
bytes; the same data set gives the same bytes (fixed times inside the ZIPs), so a file's digest
names it across processes.

Every file says the data set's version and date: the JSON in `about`, the workbook on its README
sheet, the package in `version` and `updated`. A CSV is only rows under one header; the package
and the response headers say what it is."""

import csv
import io
import re
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Font

from dashboard.data import DataSet
from dashboard.data.models import LocalizedText
from dashboard.open_data.records import (FIGURE_FIELDS, about_record, case_record, edition_record, figure_records,
                                         theme_record)

FIGURES_CSV = "innovationsbarometeret-figures.csv"
EDITIONS_CSV = "innovationsbarometeret-editions.csv"
CASES_CSV = "innovationsbarometeret-cases.csv"
JSON_FILE = "innovationsbarometeret.json"
XLSX_FILE = "innovationsbarometeret.xlsx"
PACKAGE_FILE = "datapackage.json"
ZIP_FILE = "innovationsbarometeret.zip"


@dataclass(frozen=True)
class DataFile:
    """A file under /data/, as a download list names it."""

    name: str
    media_type: str
    label: LocalizedText
    attachment: bool  # saved as a file; the package and the JSON are read in place by tools


DATA_FILES = (
    DataFile(FIGURES_CSV, "text/csv", LocalizedText("Alle tal (CSV)", "All figures (CSV)"), True),
    DataFile(EDITIONS_CSV, "text/csv", LocalizedText("Udgaver af undersøgelsen (CSV)", "Survey editions (CSV)"), True),
    DataFile(CASES_CSV, "text/csv", LocalizedText("Cases og værktøjer (CSV)", "Cases and tools (CSV)"), True),
    DataFile(XLSX_FILE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             LocalizedText("Hele datasættet (Excel)", "The whole data set (Excel)"), True),
    DataFile(JSON_FILE, "application/json", LocalizedText("Hele datasættet (JSON)", "The whole data set (JSON)"), False),
    DataFile(PACKAGE_FILE, "application/json",
             LocalizedText("Beskrivelse af CSV-filerne (Frictionless Data Package)",
                           "Description of the CSV files (Frictionless Data Package)"), False),
    DataFile(ZIP_FILE, "application/zip", LocalizedText("Alle filer samlet (ZIP)", "All files in one (ZIP)"), True),
)

# What the editions' and cases' fields hold (records.py names them; FIGURE_FIELDS describes its own).
EDITION_DESCRIPTIONS = {
    "edition": "The survey edition's number (1 = 2013-2014)",
    "period": "The survey period of the edition",
    "answers": "Number of answers the edition received",
    "response_rate_pct": "The published response rate in per cent",
    "source_url": "Where the edition's numbers were published",
}
CASE_DESCRIPTIONS = {
    "id": "The card's key",
    "kind": "case (an innovation told as a story) or tool (a method others can use)",
    "title_da": "The card's title, in Danish",
    "organisation": "The organisation behind the innovation or tool",
    "sector": "The organisation's sector: kommune, region or stat (alle: the public sector at large)",
    "theme": "The slug of the theme the card belongs to",
    "innovation_types": "The types of innovation involved: process, service, communication, product (in the CSV joined with ;)",
    "year": "The year of the innovation, where a source gives it",
    "summary_da": "A summary in our own words, in Danish",
    "summary_en": "A summary in our own words, in English",
    "source_url": "Where the case or tool is described",
    "source_kind": "coi (published by COI/CO-PI) or external (another public source)",
}

@dataclass(frozen=True)
class Table:
    """A CSV of the package: its rows, and what its Table Schema says of them."""

    name: str
    file_name: str
    title: str
    descriptions: dict[str, str]
    rows: Callable[[DataSet], list[dict]]
    primary_key: str
    optional: frozenset[str] = frozenset()  # fields the data may leave empty; the rest always have a value
    foreign_keys: tuple[dict, ...] = ()
    unique: frozenset[str] = frozenset()  # fields besides the key whose values differ in every row


TABLES = (
    Table("figures", FIGURES_CSV, "Every published value: one row per answer, sector and edition", FIGURE_FIELDS,
          figure_records, "id",
          frozenset({"value_pct", "words_da", "n", "question_da", "note", "chart", "view_path"}),
          ({"fields": "period", "reference": {"resource": "editions", "fields": "period"}},)),
    Table("editions", EDITIONS_CSV, "The survey's editions", EDITION_DESCRIPTIONS,
          lambda data: [edition_record(e) for e in data.editions], "edition", unique=frozenset({"period"})),
    Table("cases", CASES_CSV, "Case and tool cards", CASE_DESCRIPTIONS,
          lambda data: [case_record(c) for c in data.cases], "id", frozenset({"year"})),
)


def cell_text(value) -> str:
    """A value as CSV text: empty where missing, a list joined with ;, a number with its published digits."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(value)
    return str(value)


def records_csv(records: list[dict], names) -> bytes:
    """RFC 4180 CSV in UTF-8 (no BOM), comma-separated, decimal point; header = field names."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(names)
    writer.writerows([cell_text(record[name]) for name in names] for record in records)
    return buffer.getvalue().encode("utf-8")


def table_csv(table: Table, data: DataSet) -> bytes:
    return records_csv(table.rows(data), table.descriptions)


def data_set_json(data: DataSet) -> bytes:
    document = {
        "about": about_record(data),
        "figures": figure_records(data),
        "editions": [edition_record(e) for e in data.editions],
        "cases": [case_record(c) for c in data.cases],
        "themes": [theme_record(t) for t in data.themes],
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def zipped(entries: dict[str, bytes], day: date) -> bytes:
    """A ZIP whose entries carry `day` as their time, so the same entries give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in entries.items():
            entry = zipfile.ZipInfo(name, date_time=(day.year, day.month, day.day, 0, 0, 0))
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, body, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _append_rows(sheet, rows) -> None:
    for row in rows:
        sheet.append(row)
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # text that starts with »=« is text here, never a formula
                cell.data_type = "s"


def _workbook_value(value):
    """A record's value as a cell holds it: numbers stay numbers, a list becomes text as in the CSV."""
    return cell_text(value) if isinstance(value, list) else value


def _readme_rows(data: DataSet, tables, selection: str | None) -> list[tuple]:
    about = about_record(data)
    rows = [(about["title"],), (about["title_da"],), ()]
    rows += [(name, about[name]) for name in ("publisher", "release", "updated", "version", "homepage", "terms", "terms_da")]
    if selection:
        rows.append(("selection", selection))
    rows += [(), ("Sheet", "Field", "Description")]
    rows += [(table.name, name, text) for table, _rows in tables for name, text in table.descriptions.items()]
    return rows


def data_set_xlsx(data: DataSet, figures: list[dict] | None = None, selection: str | None = None) -> bytes:
    """A README sheet saying what the data set is and what each field holds, then a sheet per table;
    with `figures` (a selection of »Alle tal«, at the address `selection`), only those figures."""
    tables = ([(TABLES[0], figures)] if figures is not None else [(table, table.rows(data)) for table in TABLES])
    workbook = Workbook()
    readme = workbook.active
    readme.title = "README"
    _append_rows(readme, _readme_rows(data, tables, selection))
    readme["A1"].font = Font(bold=True, size=14)
    for column, width in (("A", 18), ("B", 28), ("C", 100)):
        readme.column_dimensions[column].width = width
    for table, rows in tables:
        sheet = workbook.create_sheet(table.name)
        _append_rows(sheet, [tuple(table.descriptions)])
        _append_rows(sheet, ([_workbook_value(record[name]) for name in table.descriptions] for record in rows))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    updated = datetime.combine(data.about.updated, datetime.min.time())
    properties = workbook.properties
    properties.title, properties.creator = data.about.title_en, data.about.publisher_en
    properties.identifier, properties.version = data.version, data.about.release
    properties.created = properties.modified = updated
    buffer = io.BytesIO()
    workbook.save(buffer)
    # openpyxl stamps its entries, and the workbook's »modified«, with the time of saving.
    stamp = updated.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(buffer) as saved:
        entries = {entry.filename: saved.read(entry) for entry in saved.infolist()}
    entries["docProps/core.xml"] = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + stamp + rb"\g<2>",
                                          entries["docProps/core.xml"])
    return zipped(entries, data.about.updated)
