"""`GET /tal.csv` and `GET /tal.xlsx` with the »Alle tal« page's query: the selection as a file,
every page of it, written as the data files are (open_data/files.py: the same columns, values with
their published digits), named with the data set's release and date."""

from flask import Response, request

from dashboard.addresses import public_address
from dashboard.data import DataSet
from dashboard.open_data.figure_query import parse_figure_query, select
from dashboard.open_data.files import data_set_xlsx, records_csv
from dashboard.open_data.records import FIGURE_FIELDS, figure_record

MEDIA_TYPES = {
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def selection_records(data: DataSet, query_args: dict) -> list[dict]:
    edition_of = {e.period: e.edition for e in data.editions}
    return [figure_record(data, row, edition_of) for row in select(data, parse_figure_query(query_args, data)).rows]


def register_selection_routes(server, data: DataSet) -> None:
    @server.get("/tal.<fmt>")
    def selection(fmt: str):
        if fmt not in MEDIA_TYPES:
            return Response("Filen findes ikke.\n", status=404, mimetype="text/plain")
        query = {key: values[0] if len(values) == 1 else values for key, values in request.args.lists()}
        chosen = selection_records(data, query)
        address = public_address(parse_figure_query(query, data).link())
        body = records_csv(chosen, FIGURE_FIELDS) if fmt == "csv" else data_set_xlsx(data, chosen, address)
        response = Response(body, mimetype=MEDIA_TYPES[fmt])
        name = f"innovationsbarometeret-udvalg_udgivelse-{data.about.release}_{data.about.updated.isoformat()}.{fmt}"
        response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
        response.headers["X-Data-Version"] = data.version
        return response
