"""What the WSGI server adds around the app: health check, security and cache headers,
and a Danish error page instead of any traceback."""

import json
import logging
from datetime import datetime, timezone

import dash
from dash.exceptions import DependencyException
from flask import Response, jsonify, request
from pydantic import ValidationError
from werkzeug.exceptions import HTTPException

from dashboard.dash_internals import CALLBACK_PATH, DEVELOPMENT_ROUTES, CallbackRequest, hot_reload
from dashboard.addresses import EMBED_PREFIX
from dashboard.data import DataSet
from dashboard.i18n import translator
from dashboard.palette import INK
from dashboard.state import ViewState, language_of

log = logging.getLogger("dashboard")

MESSAGE_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title} – Innovationsbarometeret</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: {ink}">
<h1>{title}</h1>
{body}
</body></html>
"""


def message_page(lang: str, title: str, paragraphs: list[str]) -> str:
    """A page of our own words outside the app (an error, exports busy): `paragraphs` are HTML
    made from our texts and addresses, so nothing in them comes from the client unescaped."""
    return MESSAGE_PAGE.format(lang=lang, ink=INK, title=title, body="\n".join(f"<p>{p}</p>" for p in paragraphs))


def error_page(lang: str) -> str:
    """The page shown instead of any error's details (its texts are ours, so nothing to escape)."""
    _ = translator(lang)
    home = ViewState(lang=lang).link("/")
    return message_page(lang, _("Der skete en fejl"), [
        f'{_("Siden kunne ikke vises lige nu. Prøv igen om lidt, eller gå til")} <a href="{home}">{_("forsiden")}</a>.',
        _("Fejlen er registreret, så vi kan rette den."),
    ])

ONE_YEAR = 31536000
MAX_CALLBACK_BODY = 256 * 1024


def _json_error(status: int, message: str) -> Response:
    return Response(json.dumps({"fejl": message}), status=status, mimetype="application/json")


def malformed_callback(app) -> str | None:
    """Why a callback request cannot be one the renderer sent (None if it can). A body without a
    length (chunked) is read no further than MAX_CALLBACK_BODY (Flask's MAX_CONTENT_LENGTH cuts it
    there); one that reaches that size is refused as too big, never used cut short."""
    if (request.content_length or 0) > MAX_CALLBACK_BODY:
        return "forespørgslen er for stor"
    if request.content_length is None and len(request.get_data(cache=True)) >= MAX_CALLBACK_BODY:
        return "forespørgslen er for stor"
    try:
        body = request.get_json(silent=True)
    except RecursionError:
        return "forespørgslen er for dybt indlejret"
    if not isinstance(body, dict):
        return "forespørgslen er ikke et JSON-objekt"
    try:
        parsed = CallbackRequest.model_validate(body)
    except ValidationError:
        return "forespørgslen har ikke en callbacks form"
    if parsed.output not in app.callback_map:
        return "ukendt callback"
    return None


def content_security_policy(script_hashes, framed_by: str = "'none'") -> str:
    """Only our own origin; inline scripts only by hash (Dash's renderer start-up and its routing);
    framed by no site, or by `framed_by` (the embeds: any site)."""
    scripts = " ".join(["'self'", *script_hashes])  # Dash gives them quoted
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            # plotly.js adds <style> elements for its own rules
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            f"frame-ancestors {framed_by}",
        ]
    )




def _not_a_page(path: str, page_paths: set[str]) -> bool:
    """Whether `path` is an address no page, file or route of ours answers (the app shell would
    show its not-found page with status 200)."""
    internal = ("/_dash", "/assets/", "/export/", "/forhaandsvisning/", "/healthz", "/_favicon", "/robots.txt", "/sitemap.xml",
                "/api/", "/data/", "/oembed", "/tal.csv", "/tal.xlsx")
    return not path.startswith(internal) and path.rstrip("/") not in page_paths and path != "/"


def install(app, data: DataSet) -> None:
    server = app.server
    server.config["MAX_CONTENT_LENGTH"] = MAX_CALLBACK_BODY  # also bounds chunked bodies: read no further
    page_paths = {page["path"] for page in dash.page_registry.values() if page["path"] != "/404"}
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")

    @server.get("/healthz")
    def healthz():
        return jsonify(
            status="ok",
            data_version=data.version,
            latest_period=data.editions[-1].period,
            figures=len(data.figures),
            started=started,
            default_charts_drawn=app.server_pages.defaults_drawn,
        )

    @server.before_request
    def refuse_malformed_callbacks():
        # Dash's development routes (they list the installed packages) and source maps, which Dash
        # lists but does not ship: 404 in production.
        if request.path.startswith(DEVELOPMENT_ROUTES) and not hot_reload(app):
            return Response("Siden findes ikke.\n", status=404, mimetype="text/plain")
        if request.path.startswith("/_dash-component-suites/") and request.path.endswith(".map"):
            return Response("Filen findes ikke.\n", status=404, mimetype="text/plain")
        if request.path == CALLBACK_PATH and request.method == "POST":
            reason = malformed_callback(app)
            if reason:
                return _json_error(400, f"Ugyldig forespørgsel: {reason}")
        return None

    @server.after_request
    def headers(response: Response) -> Response:
        embed = request.path.startswith(EMBED_PREFIX)
        response.headers["Content-Security-Policy"] = content_security_policy(app.csp_hashes(), "*" if embed else "'none'")
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        if not embed:
            response.headers["X-Frame-Options"] = "DENY"
        # Dash fingerprints assets with ?m=<mtime> and component bundles in their path.
        if request.path.startswith("/assets/") and "m" in request.args:
            response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
        if response.status_code == 200 and request.method in ("GET", "HEAD") and _not_a_page(request.path, page_paths):
            response.status_code = 404  # the app shell, which shows the not-found page
        return response

    @server.errorhandler(DependencyException)
    def unknown_bundle(_error):
        return Response("Filen findes ikke.\n", status=404, mimetype="text/plain")

    @server.errorhandler(Exception)
    def server_error(error):
        if isinstance(error, HTTPException) and error.code < 500:
            return error
        if request.path == CALLBACK_PATH:
            # A well-formed request whose values no page would send (the renderer only sends
            # what its components hold): refused as the client's error, logged in one line.
            log.warning("Refused callback request: %s: %s", type(error).__name__, str(error)[:200])
            return _json_error(400, "Forespørgslen kunne ikke behandles")
        log.exception("Error while serving %s %s", request.method, request.path)
        return Response(error_page(language_of(request.args)), status=500, mimetype="text/html")
