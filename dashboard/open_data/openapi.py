"""The API's contract: the parameters it takes with their allowed values, and the OpenAPI 3.1
description of /api/v1/ built from them and from its answers' models (`api_records.py`). `api.py`
validates requests against the same allowed values, so the description and the API can't drift."""

from dashboard.data import DataSet
from dashboard.open_data.api_records import record_schemas
from dashboard.open_data.records import FIGURE_FIELDS, figure_key
from dashboard.vocabulary import BASES, PERIODS, PRECISIONS, SECTORS

PREFIX = "/api/v1"
LIMIT_DEFAULT = 100
LIMIT_MAX = 1000
CACHE_CONTROL = "public, max-age=3600"
READ_METHODS = ("GET", "HEAD", "OPTIONS")

def figure_filters(data: DataSet) -> dict[str, tuple[str, ...]]:
    """Each filter of /figures with its allowed values: the vocabulary's, or the data's own keys."""
    return {
        "theme": tuple(theme.slug for theme in data.themes),
        "period": PERIODS,
        "sector": tuple(SECTORS),
        "category": tuple(sorted({row.category for row in data.figures})),
        "precision": PRECISIONS,
        "base": tuple(BASES),
    }


def case_filters(data: DataSet) -> dict[str, tuple[str, ...]]:
    filters = figure_filters(data)
    return {"theme": filters["theme"], "sector": filters["sector"]}


def _ref(name: str, kind: str = "schemas") -> dict:
    return {"$ref": f"#/components/{kind}/{name}"}


def _object(properties: dict) -> dict:
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


def _list_of(name: str) -> dict:
    return {"type": "array", "items": _ref(name)}


_VERSION = {"type": "string", "description": "The data set's version (a digest of its files)"}
_TOTAL = {"type": "integer", "minimum": 0, "description": "How many match, on every page together"}
_PATH = {"type": "string"}

# The envelopes around the records, written once as data.
ENVELOPES = {
    "FigurePage": _object({
        "data": _list_of("Figure"),
        "meta": _object({"total": _TOTAL, "limit": {"type": "integer", "minimum": 1, "maximum": LIMIT_MAX},
                         "offset": {"type": "integer", "minimum": 0}, "version": _VERSION}),
        "links": _object({"next": {"type": ["string", "null"], "description": "The next page; null on the last"}}),
    }),
    "FigureItem": _object({"data": _ref("Figure"), "meta": _object({"version": _VERSION})}),
    "ThemeItem": _object({"data": _ref("Theme"), "meta": _object({"version": _VERSION})}),
    "ThemeList": _object({"data": _list_of("Theme"), "meta": _object({"total": _TOTAL, "version": _VERSION})}),
    "EditionList": _object({"data": _list_of("Edition"), "meta": _object({"total": _TOTAL, "version": _VERSION})}),
    "CaseList": _object({"data": _list_of("Case"), "meta": _object({"total": _TOTAL, "version": _VERSION})}),
    "Index": _object({
        "about": _ref("About"),
        "links": _object({name: _PATH for name in ("figures", "themes", "editions", "cases", "openapi")}),
    }),
}

_ALLOW_ORIGIN = {"Access-Control-Allow-Origin": _ref("Access-Control-Allow-Origin", "headers")}
_CACHED = {name: _ref(name, "headers") for name in ("ETag", "Cache-Control", "Access-Control-Allow-Origin")}
HEADERS = {
    "ETag": {"description": "A strong validator: a digest of the body; send it back in If-None-Match",
             "required": True, "schema": {"type": "string", "pattern": '^"[0-9a-f]+"$'}},
    "Cache-Control": {"required": True, "schema": {"type": "string", "const": CACHE_CONTROL}},
    "Access-Control-Allow-Origin": {"description": "Every origin may read the API",
                                    "required": True, "schema": {"type": "string", "const": "*"}},
}


def _problem(description: str) -> dict:
    return {"description": description, "headers": _ALLOW_ORIGIN,
            "content": {"application/problem+json": {"schema": _ref("Problem")}}}


RESPONSES = {
    "NotModified": {"description": "The copy whose ETag was sent in If-None-Match is current; no body",
                    "headers": _CACHED},
    "BadRequest": _problem("A query parameter this address doesn't take, or a value it doesn't allow: "
                           "detail names the parameter and the allowed values"),
    "NotFound": _problem("No figure or theme by that key, or no such address under /api/v1/"),
    "MethodNotAllowed": _problem("Any method but GET, HEAD and OPTIONS: the API is read-only "
                                 "(the Allow header lists the methods)"),
}


def _parameters(data: DataSet) -> dict[str, dict]:
    parameters = {
        name: {"name": name, "in": "query", "required": False, "style": "form", "explode": True,
               "description": f"Only those whose {name} is one of these; repeat the parameter or separate "
                              f"the values by commas. {name}: {FIGURE_FIELDS[name]}.",
               "schema": {"type": "array", "items": {"type": "string", "enum": list(values)}}}
        for name, values in figure_filters(data).items()
    }
    parameters["limit"] = {"name": "limit", "in": "query", "required": False, "description": "Figures per page",
                           "schema": {"type": "integer", "minimum": 1, "maximum": LIMIT_MAX, "default": LIMIT_DEFAULT}}
    parameters["offset"] = {"name": "offset", "in": "query", "required": False,
                            "description": "How many matching figures to skip (meta.total says how many match)",
                            "schema": {"type": "integer", "minimum": 0, "default": 0}}
    parameters["figure_id"] = {"name": "figure_id", "in": "path", "required": True, "description": FIGURE_FIELDS["id"],
                               "schema": {"type": "string", "enum": [figure_key(row) for row in data.figures]}}
    parameters["slug"] = {"name": "slug", "in": "path", "required": True, "description": "The theme's slug",
                          "schema": {"type": "string", "enum": [theme.slug for theme in data.themes]}}
    parameters["If-None-Match"] = {"name": "If-None-Match", "in": "header", "required": False,
                                   "description": "The ETag of a copy you hold: 304 Not Modified while it is current",
                                   "schema": {"type": "string"}}
    return parameters


def _get(operation_id: str, summary: str, body: dict, parameters=(), can_be_missing=False) -> dict:
    responses = {
        "200": {"description": summary, "headers": _CACHED, "content": {"application/json": {"schema": body}}},
        "304": _ref("NotModified", "responses"),
        "400": _ref("BadRequest", "responses"),
    }
    if can_be_missing:
        responses["404"] = _ref("NotFound", "responses")
    return {"get": {"operationId": operation_id, "summary": summary, "responses": responses,
                    "parameters": [_ref(name, "parameters") for name in (*parameters, "If-None-Match")]}}


def _paths(data: DataSet) -> dict[str, dict]:
    return {
        f"{PREFIX}/": _get("index", "What the data set is, and where its collections are", _ref("Index")),
        f"{PREFIX}/figures": _get("listFigures", "The published values that match the filters, a page at a time",
                                  _ref("FigurePage"), (*figure_filters(data), "limit", "offset")),
        f"{PREFIX}/figures/{{figure_id}}": _get("getFigure", "One published value", _ref("FigureItem"),
                                                ("figure_id",), can_be_missing=True),
        f"{PREFIX}/themes": _get("listThemes", "The themes, each with its charts", _ref("ThemeList")),
        f"{PREFIX}/themes/{{slug}}": _get("getTheme", "One theme with its charts", _ref("ThemeItem"),
                                          ("slug",), can_be_missing=True),
        f"{PREFIX}/editions": _get("listEditions", "The survey's editions", _ref("EditionList")),
        f"{PREFIX}/cases": _get("listCases", "The case and tool cards that match the filters", _ref("CaseList"),
                                tuple(case_filters(data))),
        f"{PREFIX}/openapi.json": _get("describeApi", "This description (OpenAPI 3.1)", {"type": "object"}),
    }


DESCRIPTION = """Read-only JSON API of the data set: every published figure, with the themes, \
editions and cases around it. Field names are stable and in English; values are as published \
(value_pct is null where only words were published: see precision).

Every answer carries a strong ETag and `Cache-Control: {cache}`; send the ETag back in \
If-None-Match to get 304 Not Modified. Every origin may read it (`Access-Control-Allow-Origin: *`).
Only GET, HEAD and OPTIONS are answered; any other method gets 405 with an Allow header.

Errors are RFC 9457 problem details (`application/problem+json`). A query parameter that an \
address does not take is refused (400) rather than ignored, so that a misspelt filter never \
silently answers with everything.

Terms: {terms}"""


def openapi_document(data: DataSet) -> dict:
    """The OpenAPI 3.1 description of /api/v1/ for this data set (its enums are the data's keys)."""
    about = data.about
    return {
        "openapi": "3.1.0",
        "info": {
            "title": f"{about.title_en}: API",
            "version": f"{about.release}+{data.version}",
            "description": DESCRIPTION.format(cache=CACHE_CONTROL, terms=about.terms_en),
        },
        "paths": _paths(data),
        "components": {
            "schemas": {**record_schemas(), **ENVELOPES},
            "parameters": _parameters(data),
            "headers": HEADERS,
            "responses": RESPONSES,
        },
    }
