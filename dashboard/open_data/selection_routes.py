"""`GET /tal.csv` and `GET /tal.xlsx` with the »Alle tal« page's query: the selection as a file,
every page of it, in the data files' columns (open_data/records.py)."""

import io

import pandas as pd
from flask import Response, request

from dashboard.data import DataSet
from dashboard.open_data.figure_query import parse_figure_query, select
from dashboard.open_data.records import FIGURE_FIELDS, figure_record

MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def selection_frame(data: DataSet, query_args: dict) -> pd.DataFrame:
    edition_of = {e.period: e.edition for e in data.editions}
    rows = select(data, parse_figure_query(query_args, data)).rows
    return pd.DataFrame([figure_record(data, row, edition_of) for row in rows], columns=list(FIGURE_FIELDS))


def selection_file(frame: pd.DataFrame, fmt: str, version: str) -> bytes:
    if fmt == "csv":
        return frame.to_csv(index=False).encode("utf-8")
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as workbook:
        frame.to_excel(workbook, sheet_name="figures", index=False)
        pd.DataFrame({"field": list(FIGURE_FIELDS), "description": list(FIGURE_FIELDS.values())}).to_excel(
            workbook, sheet_name="fields", index=False)
        pd.DataFrame({"data_version": [version]}).to_excel(workbook, sheet_name="version", index=False)
    return buffer.getvalue()


def register_selection_routes(server, data: DataSet) -> None:
    @server.get("/tal.<fmt>")
    def selection(fmt: str):
        if fmt not in MEDIA_TYPES:
            return Response("Filen findes ikke.\n", status=404, mimetype="text/plain")
        query = {key: values[0] if len(values) == 1 else values for key, values in request.args.lists()}
        response = Response(selection_file(selection_frame(data, query), fmt, data.version), mimetype=MEDIA_TYPES[fmt])
        response.headers["Content-Disposition"] = f'attachment; filename="innovationsbarometeret-udvalg.{fmt}"'
        response.headers["X-Data-Version"] = data.version
        return response
