"""Addresses of our pages: in full (for citations, embeds, link previews and the sitemap), and
the paths of one chart's pages."""

import os
from urllib.parse import urlsplit


def public_address(path: str) -> str:
    """`path` as a full address under DASHBOARD_PUBLIC_URL (gunicorn.conf.py and app.py set it to
    the server's own address unless the operator names the public one). Never from the request's
    Host header, which a client chooses; unset, the path alone."""
    return os.environ.get("DASHBOARD_PUBLIC_URL", "").rstrip("/") + path


def public_host() -> str:
    """The host (and port) of DASHBOARD_PUBLIC_URL; empty where it gives none."""
    return urlsplit(os.environ.get("DASHBOARD_PUBLIC_URL", "")).netloc


EMBED_PREFIX = "/indlejr/"  # a chart alone, for other sites to frame (the only pages that may be)
SHARE_PREFIX = "/del/"  # a chart's »Indlejr eller citér«


# The pages of one chart. `view` is a state.ViewState; the presenter view is the page's view.
def chart_page_path(theme_slug: str, chart_id: str, view) -> str:
    """The chart in its theme page."""
    return view.as_presentation(False).link(f"/{theme_slug}") + f"#figur-{chart_id}"


def embed_path(theme_slug: str, chart_id: str, view) -> str:
    """The chart alone, for other sites to frame."""
    return view.as_presentation(False).link(f"{EMBED_PREFIX}{theme_slug}/{chart_id}")


def share_path(theme_slug: str, chart_id: str, view) -> str:
    """»Indlejr eller citér«: the chart's embed code and citations."""
    return view.as_presentation(False).link(f"{SHARE_PREFIX}{theme_slug}/{chart_id}")
