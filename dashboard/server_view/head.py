"""What a page's <head> says of it to search engines and to the apps a link is pasted into:
title, description, canonical address, the other language, and a preview image of its first chart.
Addresses are under DASHBOARD_PUBLIC_URL (`public_address`), never the request's Host header."""

from html import escape
from urllib.parse import urlencode

from dashboard.export.figure import SIZES
from dashboard.addresses import public_address
from dashboard.export.routes import DEFAULT_SCALE
from dashboard.i18n import LANGUAGE_SETTINGS, LANGUAGES
from dashboard.server_view.page import ServerPage

PREVIEW_SIZE = tuple(round(side * DEFAULT_SCALE) for side in (SIZES["deling"][0], SIZES["deling"][0] * SIZES["deling"][1]))

# Without a script: the buttons that only a script can make work are hidden, and the <details>
# menus need no toggle script (CSP: inline styles are allowed, scripts only by hash).
NO_SCRIPT_STYLE = "<noscript><style>.ib-needs-js{display:none!important}</style></noscript>"


def _meta(attribute: str, name: str, content: str) -> str:
    return f'<meta {attribute}="{name}" content="{escape(content, quote=True)}">'


def oembed_link(page: ServerPage) -> str:
    """oEmbed discovery: a content management system given the page's address finds its embed here."""
    address = public_address("/oembed?" + urlencode({"url": public_address(page.path), "format": "json"}))
    return (f'<link rel="alternate" type="application/json+oembed" href="{escape(address, quote=True)}" '
            f'title="{escape(page.title, quote=True)}">')


def head_tags(page: ServerPage, lang: str) -> str:
    image = public_address(page.image) if page.image else ""
    tags = [_meta("name", "description", page.description)] if page.description else []
    if not page.indexed:
        tags.append(_meta("name", "robots", "noindex"))
    if page.path is not None:
        tags.append(f'<link rel="canonical" href="{escape(public_address(page.path), quote=True)}">')
        tags += [f'<link rel="alternate" hreflang="{code}" href="{escape(public_address(page.alternates[code]), quote=True)}">'
                 for code in LANGUAGES]
        tags.append(f'<link rel="alternate" hreflang="x-default" href="{escape(public_address(page.alternates[LANGUAGES[0]]), quote=True)}">')
        tags.append(_meta("property", "og:type", "website"))
        if public_address(page.path).startswith("http"):  # Open Graph and oEmbed take full addresses only
            tags.append(_meta("property", "og:url", public_address(page.path)))
            if page.embeddable:
                tags.append(oembed_link(page))
    tags += [
        _meta("property", "og:site_name", "Innovationsbarometeret"),
        _meta("property", "og:title", page.title),
        _meta("property", "og:locale", LANGUAGE_SETTINGS[lang].locale),  # Babel's form is Open Graph's
        _meta("name", "twitter:card", "summary_large_image" if image.startswith("http") else "summary"),
        _meta("name", "twitter:title", page.title),
    ]
    if page.description:
        tags += [_meta("property", "og:description", page.description), _meta("name", "twitter:description", page.description)]
    if image.startswith("http"):  # without DASHBOARD_PUBLIC_URL there is no full address to give
        tags += [_meta("property", "og:image", image), _meta("property", "og:image:type", "image/png"),
                 _meta("property", "og:image:width", str(PREVIEW_SIZE[0])),
                 _meta("property", "og:image:height", str(PREVIEW_SIZE[1])), _meta("name", "twitter:image", image)]
    tags.append(NO_SCRIPT_STYLE)
    return "\n".join(tags)

