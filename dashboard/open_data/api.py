"""The read-only JSON API under /api/v1/: the data set's records (`records.py`) as they are,
filtered and paged, with a strong ETag for revalidation, readable from every origin (CORS), and
every error as RFC 9457 problem details. `openapi.py` describes it; /api/v1/openapi.json serves that.

A query parameter an address doesn't take is refused (400), not ignored: a misspelt filter
(`?sektor=stat`) would otherwise answer with every figure, and look like an answer."""

import hashlib
import json
import logging
import re
from typing import Annotated
from urllib.parse import urlencode

from flask import Blueprint, Flask, Response, redirect, request, url_for
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from werkzeug.exceptions import HTTPException, MethodNotAllowed
from werkzeug.http import HTTP_STATUS_CODES

from dashboard.data import DataSet
from dashboard.open_data import records
from dashboard.open_data.openapi import (CACHE_CONTROL, LIMIT_DEFAULT, LIMIT_MAX, PREFIX, READ_METHODS, case_filters,
                                         figure_filters, openapi_document)

log = logging.getLogger("dashboard")

PAGING = {"limit": f"a whole number from 1 to {LIMIT_MAX} (default {LIMIT_DEFAULT})",
          "offset": "a whole number, 0 or more (default 0)"}


class ApiProblem(Exception):
    """An answer the request can't have: the API answers it as problem details."""

    def __init__(self, status: int, detail: str):
        super().__init__(detail)
        self.status = status
        self.detail = detail


def _values(raw) -> tuple[str, ...]:
    """A filter's values: the parameter repeated, comma-separated, or both."""
    items = raw if isinstance(raw, list) else [raw]
    return tuple(value.strip() for item in items for value in str(item).split(","))


def _whole_number(raw):
    # Digits only (int() would take " 1", "+1", "1_0" and other scripts' digits); 4000 is below
    # the digits Python converts at all.
    if isinstance(raw, str) and re.fullmatch(r"[0-9]{1,4000}", raw):
        return int(raw)
    raise PydanticCustomError("whole_number", "not a whole number")


Filter = Annotated[tuple[str, ...], BeforeValidator(_values)]
Limit = Annotated[int, BeforeValidator(_whole_number), Field(ge=1, le=LIMIT_MAX)]
Offset = Annotated[int, BeforeValidator(_whole_number), Field(ge=0)]


class ApiQuery(BaseModel):
    """A query string; the validation context holds each filter's allowed values."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*")
    @classmethod
    def _allowed(cls, value, info: ValidationInfo):
        allowed = (info.context or {}).get(info.field_name)
        unknown = [v for v in value if v not in allowed] if allowed is not None else []
        if unknown:
            raise PydanticCustomError("not_allowed", "not allowed", {"unknown": unknown, "allowed": allowed})
        return value


class FigureListQuery(ApiQuery):
    theme: Filter = ()
    period: Filter = ()
    sector: Filter = ()
    category: Filter = ()
    precision: Filter = ()
    base: Filter = ()
    limit: Limit = LIMIT_DEFAULT
    offset: Offset = 0


class CaseListQuery(ApiQuery):
    theme: Filter = ()
    sector: Filter = ()


def _error_text(error: dict, known: list[str]) -> str:
    """One pydantic error as a sentence a person can act on."""
    name = str(error["loc"][0]) if error["loc"] else "query"
    given = error.get("input")
    if error["type"] == "extra_forbidden":
        takes = f"takes {', '.join(known)}" if known else "takes no parameters"
        return f"Unknown parameter {name!r}: this address {takes}."
    if error["type"] == "not_allowed":
        unknown, allowed = error["ctx"]["unknown"], error["ctx"]["allowed"]
        values = f"{', '.join(repr(v) for v in unknown)} {'is' if len(unknown) == 1 else 'are'}"
        return f"{name}: {values} not allowed; use one or more of: {', '.join(allowed)}."
    if isinstance(given, list):
        return f"{name} is given {len(given)} times; give it once, as {PAGING.get(name, 'one value')}."
    return f"{name} must be {PAGING.get(name, 'valid')}; {given!r} is not."


def parsed_query(model: type[ApiQuery], allowed: dict[str, tuple[str, ...]] | None = None) -> ApiQuery:
    """The request's query string as `model`, or an ApiProblem (400) naming what was wrong."""
    raw = {name: values[0] if len(values) == 1 else values for name, values in request.args.lists()}
    try:
        return model.model_validate(raw, context=allowed or {})
    except ValidationError as error:
        known = list(model.model_fields)
        raise ApiProblem(400, " ".join(_error_text(e, known) for e in error.errors())) from None


def matching(items: list[dict], query: ApiQuery, names) -> list[dict]:
    """The records whose every filtered field holds one of the filter's values."""
    wanted = {name: set(getattr(query, name)) for name in names if getattr(query, name)}
    return [item for item in items if all(item[name] in values for name, values in wanted.items())]


def open_to_every_origin(response: Response) -> Response:
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = "ETag"  # for a script revalidating its copy
    return response


def problem_response(status: int, detail: str) -> Response:
    body = {"type": "about:blank", "title": HTTP_STATUS_CODES[status], "status": status, "detail": detail}
    return Response(json.dumps(body, ensure_ascii=False), status=status, mimetype="application/problem+json")


def json_response(body) -> Response:
    """The body as JSON with a strong ETag (a digest of it), or 304 when the client holds it."""
    payload = json.dumps(body, ensure_ascii=False).encode()
    etag = hashlib.sha256(payload).hexdigest()[:32]
    if request.if_none_match.contains_weak(etag):  # RFC 9110: If-None-Match compares weakly
        response = Response(status=304)
        del response.headers["Content-Type"]
    else:
        response = Response(payload, mimetype="application/json")
    response.set_etag(etag)
    response.headers["Cache-Control"] = CACHE_CONTROL
    return response


def _next_page(query: FigureListQuery, total: int) -> str | None:
    following = query.offset + query.limit
    if following >= total:
        return None
    pairs = [(name, value) for name in FigureListQuery.model_fields if name not in PAGING for value in getattr(query, name)]
    pairs += [("limit", query.limit), ("offset", following)]
    return url_for(".figures") + "?" + urlencode(pairs)


def api_blueprint(data: DataSet) -> Blueprint:
    """The API's routes over one data set; its records are made once, here."""
    figures = records.figure_records(data)
    figure_by_id = {figure["id"]: figure for figure in figures}
    theme_by_slug = {theme.slug: records.theme_record(theme) for theme in data.themes}
    editions = [records.edition_record(edition) for edition in data.editions]
    cases = [records.case_record(case) for case in data.cases]
    figure_allowed, case_allowed = figure_filters(data), case_filters(data)
    description = openapi_document(data)
    blueprint = Blueprint("api_v1", __name__, url_prefix=PREFIX)

    def route(rule: str, endpoint: str):
        return blueprint.route(rule, endpoint=endpoint, methods=READ_METHODS)

    @blueprint.before_request
    def answer_options():
        # A CORS preflight, or a client asking what it may do; an unknown address stays a 404.
        if request.method != "OPTIONS" or request.endpoint == f"{blueprint.name}.unknown":
            return None
        response = Response(status=204)
        del response.headers["Content-Type"]
        response.headers["Allow"] = response.headers["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
        response.headers["Access-Control-Allow-Headers"] = "If-None-Match"
        response.headers["Access-Control-Max-Age"] = "86400"
        return response

    blueprint.after_request(open_to_every_origin)

    @blueprint.errorhandler(ApiProblem)
    def problem(error: ApiProblem) -> Response:
        return problem_response(error.status, error.detail)

    @blueprint.errorhandler(Exception)
    def failed(error: Exception) -> Response:
        # Any other failure is still problem details, never the site's HTML error page.
        if isinstance(error, HTTPException):
            return problem_response(error.code, error.description)
        log.exception("Error while serving %s %s", request.method, request.path)
        return problem_response(500, "The API could not answer this request; the error is logged. Please try again later.")

    @route("", "index_without_slash")
    def index_without_slash():
        return redirect(url_for(".index"), 308)

    @route("/", "index")
    def index():
        parsed_query(ApiQuery)
        links = {name: url_for(f".{name}") for name in ("figures", "themes", "editions", "cases", "openapi")}
        return json_response({"about": records.about_record(data), "links": links})

    @route("/figures", "figures")
    def figures_list():
        query = parsed_query(FigureListQuery, figure_allowed)
        found = matching(figures, query, figure_allowed)
        return json_response({
            "data": found[query.offset:query.offset + query.limit],
            "meta": {"total": len(found), "limit": query.limit, "offset": query.offset, "version": data.version},
            "links": {"next": _next_page(query, len(found))},
        })

    @route("/figures/<figure_id>", "figure")
    def figure(figure_id: str):
        parsed_query(ApiQuery)
        if figure_id not in figure_by_id:
            raise ApiProblem(404, f"No figure has the id {figure_id!r}. An id is figure_id.period.sector.category, "
                                  f"as the id field of {url_for('.figures')} gives it.")
        return json_response({"data": figure_by_id[figure_id], "meta": {"version": data.version}})

    @route("/themes", "themes")
    def themes():
        parsed_query(ApiQuery)
        listed = list(theme_by_slug.values())
        return json_response({"data": listed, "meta": {"total": len(listed), "version": data.version}})

    @route("/themes/<slug>", "theme")
    def theme(slug: str):
        parsed_query(ApiQuery)
        if slug not in theme_by_slug:
            raise ApiProblem(404, f"No theme has the slug {slug!r}; the themes are: {', '.join(theme_by_slug)}.")
        return json_response({"data": theme_by_slug[slug], "meta": {"version": data.version}})

    @route("/editions", "editions")
    def editions_list():
        parsed_query(ApiQuery)
        return json_response({"data": editions, "meta": {"total": len(editions), "version": data.version}})

    @route("/cases", "cases")
    def cases_list():
        found = matching(cases, parsed_query(CaseListQuery, case_allowed), case_allowed)
        return json_response({"data": found, "meta": {"total": len(found), "version": data.version}})

    @route("/openapi.json", "openapi")
    def openapi():
        parsed_query(ApiQuery)
        return json_response(description)

    @route("/<path:path>", "unknown")
    def unknown(path: str):
        raise ApiProblem(404, f"There is no {request.path} in the API. Its addresses are listed at {PREFIX}/ "
                              f"and described at {PREFIX}/openapi.json.")

    return blueprint


def read_only(error: MethodNotAllowed):
    """Any method but GET, HEAD and OPTIONS under /api/v1/: 405 as problem details. The router
    refuses it before a blueprint is chosen, so this is the app's handler, passing other paths on."""
    if request.path != PREFIX and not request.path.startswith(PREFIX + "/"):
        return error
    response = problem_response(405, f"{request.method} is not allowed: the API is read-only; "
                                     f"its addresses answer {', '.join(READ_METHODS)}.")
    response.headers["Allow"] = ", ".join(READ_METHODS)
    return open_to_every_origin(response)


def register_api(server: Flask, data: DataSet) -> None:
    """Add the API under /api/v1/ to the Flask app."""
    server.register_blueprint(api_blueprint(data))
    server.register_error_handler(MethodNotAllowed, read_only)
