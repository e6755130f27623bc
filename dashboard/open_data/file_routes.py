"""`GET /data/<name>`: the data set's open-data files (open_data/files.py), built once per data set
and served to anyone (CORS), cached for an hour and revalidated by their digest (ETag)."""

import hashlib
from dataclasses import dataclass
from functools import lru_cache

from flask import Response, request

from dashboard.data import DataSet
from dashboard.open_data.data_package import data_file_bodies
from dashboard.open_data.files import DATA_FILES, PACKAGE_FILE, DataFile

MAX_AGE_S = 3600


@dataclass(frozen=True)
class ServedFile:
    file: DataFile
    body: bytes
    etag: str  # the body's digest: the same file gives the same tag in every process


@lru_cache(maxsize=4)  # a DataSet hashes by identity: one entry per loaded data set
def served_files(data: DataSet) -> dict[str, ServedFile]:
    bodies = data_file_bodies(data)
    return {file.name: ServedFile(file, bodies[file.name], hashlib.sha256(bodies[file.name]).hexdigest())
            for file in DATA_FILES}


def _not_found() -> Response:
    names = ", ".join(file.name for file in DATA_FILES)
    message = f"Filen findes ikke / No such file. Filerne / The files: {names}\n"
    response = Response(message, status=404, mimetype="text/plain")  # Flask adds the charset once
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def data_file_response(served: ServedFile, data: DataSet) -> Response:
    """The file with what says which data it holds (version, date) and how long it keeps; 304
    where the client's copy has the same digest."""
    file = served.file
    response = Response(served.body, mimetype=file.media_type)  # Flask adds "; charset=utf-8" to text/csv
    if file.attachment:
        # Saved, the file's name says which release of the data it holds; its address stays the same.
        stem, _dot, suffix = file.name.partition(".")
        saved = f"{stem}_udgivelse-{data.about.release}_{data.about.updated.isoformat()}.{suffix}"
        response.headers["Content-Disposition"] = f'attachment; filename="{saved}"'
    if file.media_type == "text/csv":  # the package says what each column holds (relative to /data/)
        response.headers["Link"] = f'<{PACKAGE_FILE}>; rel="describedby"; type="application/json"'
    response.headers["Cache-Control"] = f"public, max-age={MAX_AGE_S}"
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["X-Data-Version"] = data.version
    response.headers["X-Data-Updated"] = data.about.updated.isoformat()
    response.set_etag(served.etag)
    return response.make_conditional(request)


def register_data_file_routes(server, data: DataSet) -> None:
    @server.get("/data/<name>")
    def data_file(name: str):
        served = served_files(data).get(name)
        return _not_found() if served is None else data_file_response(served, data)
