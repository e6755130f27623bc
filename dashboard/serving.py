"""What the WSGI server adds around the app: health check, security and cache headers,
and a Danish error page instead of any traceback."""

import logging
from datetime import datetime, timezone

from flask import Response, jsonify, request
from werkzeug.exceptions import HTTPException

from dashboard.data import DataSet

log = logging.getLogger("dashboard")

ERROR_PAGE = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Der skete en fejl – Innovationsbarometeret</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1d2433">
<h1>Der skete en fejl</h1>
<p>Siden kunne ikke vises lige nu. Prøv igen om lidt, eller gå til <a href="/">forsiden</a>.</p>
<p>Fejlen er registreret, så vi kan rette den.</p>
</body></html>
"""

ONE_YEAR = 31536000


def content_security_policy(script_hashes) -> str:
    """Only our own origin; inline scripts only by hash (Dash's renderer start-up and its routing)."""
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
            "frame-ancestors 'none'",
        ]
    )


def install(app, data: DataSet) -> None:
    server = app.server
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")

    @server.get("/healthz")
    def healthz():
        return jsonify(
            status="ok",
            data_version=data.version,
            latest_period=data.editions[-1].period,
            figures=len(data.figures),
            started=started,
        )

    @server.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = content_security_policy(app.csp_hashes())
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        response.headers["X-Frame-Options"] = "DENY"
        # Dash fingerprints assets with ?m=<mtime> and component bundles in their path.
        if request.path.startswith("/assets/") and "m" in request.args:
            response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
        return response

    @server.errorhandler(Exception)
    def error_page(error):
        if isinstance(error, HTTPException) and error.code < 500:
            return error
        log.exception("Error while serving %s %s", request.method, request.path)
        if request.path.startswith("/_dash-update-component"):
            return Response('{"fejl": "Serverfejl"}', status=500, mimetype="application/json")
        return Response(ERROR_PAGE, status=500, mimetype="text/html")
