"""What search engines read: robots.txt and a sitemap of every page in both languages."""

from html import escape

from flask import Response

from dashboard.data import DataSet
from dashboard.addresses import public_address
from dashboard.i18n import LANGUAGES
from dashboard.state import ViewState

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"


def page_paths(data: DataSet) -> list[str]:
    """The pages a search engine should list: the overview, every theme, »Alle tal« and the open
    data (not a chart's embed or its »Indlejr eller citér«, which repeat a theme page's chart)."""
    return ["/", *[f"/{theme.slug}" for theme in data.page_themes], "/tal", "/data"]


def robots_txt() -> str:
    """Pages may be read; downloads (each drawn by a browser on the server) and callbacks not."""
    lines = ["User-agent: *", "Allow: /", "Disallow: /export/", "Disallow: /_dash-"]
    sitemap = public_address("/sitemap.xml")
    if sitemap.startswith("http"):  # a sitemap is named by its full address (DASHBOARD_PUBLIC_URL)
        lines.append(f"Sitemap: {sitemap}")
    return "\n".join(lines) + "\n"


def sitemap_xml(data: DataSet) -> str:
    """Every page in every language, each naming its other languages (hreflang)."""
    entries = []
    for path in page_paths(data):
        addresses = {lang: escape(public_address(ViewState(lang=lang).link(path))) for lang in LANGUAGES}
        alternates = "".join(f'<xhtml:link rel="alternate" hreflang="{lang}" href="{address}"/>'
                             for lang, address in addresses.items())
        entries += [f"<url><loc>{address}</loc>{alternates}</url>" for address in addresses.values()]
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NAMESPACE}" xmlns:xhtml="{XHTML_NAMESPACE}">\n'
            + "\n".join(entries) + "\n</urlset>\n")


def register_search_routes(server, data: DataSet) -> None:
    @server.get("/robots.txt")
    def robots():
        return Response(robots_txt(), mimetype="text/plain")

    @server.get("/sitemap.xml")
    def sitemap():
        return Response(sitemap_xml(data), mimetype="application/xml")
