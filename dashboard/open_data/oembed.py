"""oEmbed (oembed.com): `GET /oembed?url=<a theme page, a chart in it, or an embed>&format=json`
answers with the chart's iframe, so a content management system embeds a pasted dashboard link
by itself. The discovery <link> is in each page's head (server_view/head.py)."""

from urllib.parse import parse_qs, urlsplit

from flask import jsonify, request

from dashboard.addresses import EMBED_PREFIX, SHARE_PREFIX, public_address, public_host
from dashboard.data import DataSet
from dashboard.open_data.api import open_to_every_origin, problem_response
from dashboard.pages.embed import embed_height
from dashboard.pages.share import iframe_code
from dashboard.state import parse_query

MAX_WIDTH = 820


def _ours(address) -> bool:
    """Whether the address is on our public host (any host where none is configured)."""
    host = public_host()
    return not host or address.netloc in ("", host)


def embedded_chart(data: DataSet, url: str):
    """(theme, chart, view) that `url` shows, or None: an embed's chart, or the chart of a theme
    page its #figur-… names (else the page's first)."""
    address = urlsplit(url)
    if not _ours(address):
        return None
    parts = [part for part in address.path.split("/") if part]
    themes = {t.slug: t for t in data.page_themes}
    if len(parts) == 3 and f"/{parts[0]}/" in (EMBED_PREFIX, SHARE_PREFIX) and parts[1] in themes:
        theme, wanted = themes[parts[1]], parts[2]
    elif len(parts) == 1 and parts[0] in themes:
        theme, wanted = themes[parts[0]], address.fragment.removeprefix("figur-")
    else:
        return None
    charts = {c.id: c for c in theme.charts}
    if len(parts) == 3 and wanted not in charts:
        return None
    chart = charts.get(wanted, theme.charts[0])
    query = {k: v[0] if len(v) == 1 else v for k, v in parse_qs(address.query, keep_blank_values=True).items()}
    return theme, chart, parse_query(query).state.as_presentation(False)


def _bound(raw: str | None, default: int) -> int:
    return min(default, int(raw)) if raw and raw.isdigit() and int(raw) > 0 else default


def register_oembed(server, data: DataSet) -> None:
    @server.get("/oembed")
    def oembed():
        if request.args.get("format", "json") != "json":
            return open_to_every_origin(problem_response(501, "Only format=json is offered."))
        found = embedded_chart(data, request.args.get("url", ""))
        if found is None:
            return open_to_every_origin(problem_response(
                404, "The url is not a page of this dashboard with a chart: give a theme page, a chart in it "
                     "(#figur-…) or a chart's embed (/indlejr/…)."))
        theme, chart, view = found
        asked = _bound(request.args.get("maxwidth"), MAX_WIDTH)
        width = asked if asked < MAX_WIDTH else None  # None: the page's width, up to the chart's own
        height = _bound(request.args.get("maxheight"), embed_height(data, theme, chart, view))
        code = iframe_code(data, theme, chart, view, height, width)
        response = jsonify(
            version="1.0", type="rich", provider_name="Innovationsbarometeret", provider_url=public_address("/"),
            title=chart.title.in_(view.lang), html=code, width=width or MAX_WIDTH, height=height, cache_age=3600,
        )
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Cache-Control"] = "public, max-age=3600"
        return response
