"""The Frictionless Data Package of the CSVs (a Table Schema for each: types, descriptions,
allowed values, keys), and every file of /data/ built together: the package describes the CSVs
it is zipped with."""

import hashlib
import json
from typing import get_args

from dashboard.data import DataSet
from dashboard.data.models import Case
from dashboard.open_data.files import (DATA_FILES, JSON_FILE, PACKAGE_FILE, TABLES, XLSX_FILE, ZIP_FILE, Table,
                                       zipped, data_set_json, data_set_xlsx, table_csv)
from dashboard.vocabulary import BASES, CASE_TYPE_TO_FILTER, PERIODS, PRECISIONS, SECTORS

# The allowed values of a field, by its name in any table (from the vocabulary and the models).
ENUMS = {
    "period": list(PERIODS),
    "sector": list(SECTORS),
    "base": list(BASES),
    "precision": list(PRECISIONS),
    "kind": list(get_args(Case.model_fields["kind"].annotation)),
    "source_kind": list(get_args(Case.model_fields["source_kind"].annotation)),
}
_TYPE = "|".join(CASE_TYPE_TO_FILTER)
PATTERNS = {"innovation_types": f"({_TYPE})(;({_TYPE}))*"}
NUMBER_TYPES = {"edition": "integer", "n": "integer", "answers": "integer", "year": "integer",
                "value_pct": "number", "response_rate_pct": "number"}
URL_FIELDS = {"source_url"}



def _schema_field(table: Table, name: str, description: str) -> dict:
    described = {"name": name, "type": NUMBER_TYPES.get(name, "string"), "description": description}
    if name in URL_FIELDS:
        described["format"] = "uri"
    constraints = {"required": True} if name not in table.optional else {}
    if name in ENUMS:
        constraints["enum"] = ENUMS[name]
    if name in PATTERNS:
        constraints["pattern"] = PATTERNS[name]
    if name in table.unique:
        constraints["unique"] = True
    return described | ({"constraints": constraints} if constraints else {})


def table_schema(table: Table) -> dict:
    schema = {
        "fields": [_schema_field(table, name, text) for name, text in table.descriptions.items()],
        "missingValues": [""],
        "primaryKey": table.primary_key,
    }
    return schema | ({"foreignKeys": list(table.foreign_keys)} if table.foreign_keys else {})


def package_version(data: DataSet) -> str:
    """The release and the content digest: »2+677f339df3a9«."""
    return f"{data.about.release}+{data.version}"


def data_package(data: DataSet, csv_bodies: dict[str, bytes]) -> bytes:
    """datapackage.json (Frictionless Data Package v1, tabular) for the CSVs, found beside it. No
    licence is named: none has been published for the barometer's own figures (about.yaml's terms say so)."""
    about = data.about
    source_urls = dict.fromkeys(row.source_url for row in data.figures)
    package = {
        "profile": "tabular-data-package",
        "name": "innovationsbarometeret",
        "title": about.title_en,
        "description": (f"{about.title_en}, published by {about.publisher_en}: release {about.release} of "
                        f"{about.updated.isoformat()}, data version {data.version}.\n\n{about.terms_en}\n\n{about.terms_da}"),
        "version": package_version(data),
        "created": f"{about.updated.isoformat()}T00:00:00Z",
        "updated": about.updated.isoformat(),
        "homepage": about.homepage,
        "contributors": [{"title": about.publisher_en, "path": about.homepage, "role": "publisher"}],
        "sources": [{"title": about.publisher_en, "path": about.homepage}]
                   + [{"title": f"Published figures: {url}", "path": url} for url in source_urls],
        "keywords": ["innovation", "public sector", "Denmark", "survey"],
        "resources": [
            {
                "name": table.name,
                "path": table.file_name,
                "profile": "tabular-data-resource",
                "title": table.title,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(csv_bodies[table.file_name]),
                "hash": f"sha256:{hashlib.sha256(csv_bodies[table.file_name]).hexdigest()}",
                "schema": table_schema(table),
            }
            for table in TABLES
        ],
    }
    return json.dumps(package, ensure_ascii=False, indent=2).encode("utf-8")


def data_file_bodies(data: DataSet) -> dict[str, bytes]:
    """Every file of DATA_FILES, by name: the package describes the CSVs it is zipped with."""
    bodies = {table.file_name: table_csv(table, data) for table in TABLES}
    bodies[PACKAGE_FILE] = data_package(data, bodies)
    bodies[XLSX_FILE] = data_set_xlsx(data)
    bodies[JSON_FILE] = data_set_json(data)
    bodies[ZIP_FILE] = zipped(dict(bodies), data.about.updated)
    return {file.name: bodies[file.name] for file in DATA_FILES}
