"""»Indlejr eller citér« for one chart's view (`/del/<theme>/<chart>?<view>`): the iframe code and
the view's address to copy, a preview of the embed, and the citation as text, BibTeX and RIS."""

from datetime import date
from html import escape
from urllib.parse import urlsplit

from dash import dcc, html

from dashboard.addresses import chart_page_path, embed_path, public_address, share_path
from dashboard.components.copy_box import citation_boxes, copy_box
from dashboard.components.link_notice import link_notice
from dashboard.components.shell import language_href, page_frame
from dashboard.data import DataSet
from dashboard.data.models import Chart, Theme
from dashboard.figures.chart_view import chart_view
from dashboard.i18n import translator
from dashboard.open_data.citations import Cited
from dashboard.pages.embed import embed_height
from dashboard.state import ViewState, parse_query


def iframe_code(data: DataSet, theme: Theme, chart: Chart, view: ViewState, height: int | None = None,
                width: int | None = None) -> str:
    """The snippet a web editor pastes: the embed at full width up to the chart's own (or `width`
    px), titled for screen readers, as high as the chart and its words (or `height`)."""
    title = escape(f"{chart.title.in_(view.lang)} – Innovationsbarometeret", quote=True)
    source = escape(public_address(embed_path(theme.slug, chart.id, view)), quote=True)
    size = f'width="{width}"' if width else 'width="100%"'
    style = "border:0" if width else "border:0;max-width:820px"
    return (f'<iframe src="{source}" title="{title}" {size} height="{height or embed_height(data, theme, chart, view)}" '
            f'style="{style}" loading="lazy"></iframe>')


# For a page that allows a script: the frame takes the height its embed says it has (dashboard.js).
RESIZE_SCRIPT = ('<script>window.addEventListener("message",function(e){{var h=+(e.data&&e.data["innovationsbarometeret-hoejde"]);'
                 'if({check}!(h>0))return;document.querySelectorAll("iframe").forEach(function(f){{'
                 'if(f.contentWindow===e.source)f.style.height=h+"px";}});}});</script>')


def responsive_code(data: DataSet, theme: Theme, chart: Chart, view: ViewState) -> str:
    """The iframe and a few lines of script that keep it as tall as its content at any width."""
    address = urlsplit(public_address("/"))
    check = f'e.origin!=="{address.scheme}://{address.netloc}"||' if address.netloc else ""  # only our frames' word
    return iframe_code(data, theme, chart, view) + "\n" + RESIZE_SCRIPT.format(check=check)


def chart_cited(data: DataSet, theme: Theme, chart: Chart, view: ViewState) -> Cited:
    shown = chart_view(data, theme, chart, view)
    return Cited(title=chart.title.in_(view.lang), editions=shown.caption.editions,
                 address=public_address(chart_page_path(theme.slug, chart.id, view)), lang=view.lang, key=chart.id)


def share_layout(data: DataSet, theme: Theme, chart: Chart, query: dict) -> html.Div:
    parsed = parse_query(query)
    view = parsed.state.as_presentation(False)
    lang = view.lang
    _ = translator(lang)
    content = html.Div(
        className="share-page",
        children=[
            link_notice(parsed.notices, lang),
            dcc.Link(_("← Tilbage til figuren"), href=chart_page_path(theme.slug, chart.id, view), className="back-link"),
            html.H1(_("Indlejr eller citér")),
            html.P(chart.title.in_(lang), className="share-chart-title"),
            html.Section(
                id="indlejr",
                **{"aria-labelledby": "indlejr-titel"},
                children=[
                    html.H2(_("Indlejr figuren"), id="indlejr-titel"),
                    html.P(_("Sæt koden ind på en hjemmeside eller et intranet. Figuren viser de valgte perioder, "
                             "typer og sektorer og følger med, når datasættet opdateres.")),
                    copy_box("indlejr-kode", _("Kode til indlejring (iframe)"), iframe_code(data, theme, chart, view), lang, rows=6),
                    copy_box("indlejr-kode-tilpasset", _("Kode, der følger figurens højde (iframe og et lille script, "
                                                         "hvor siden tillader scripts)"),
                             responsive_code(data, theme, chart, view), lang, rows=6),
                    copy_box("visningens-adresse", _("Adressen til visningen"),
                             public_address(chart_page_path(theme.slug, chart.id, view)), lang, rows=2),
                    html.H3(_("Sådan ser den ud"), className="share-preview-title"),
                    html.Iframe(src=embed_path(theme.slug, chart.id, view), title=f"{chart.title.in_(lang)} – Innovationsbarometeret",
                                height=str(embed_height(data, theme, chart, view)), className="share-preview"),
                ],
            ),
            html.Section(
                id="citer",
                **{"aria-labelledby": "citer-titel"},
                children=[
                    html.H2(_("Citér figuren"), id="citer-titel"),
                    *citation_boxes(chart_cited(data, theme, chart, view), data, date.today()),
                ],
            ),
        ],
    )
    return page_frame(data, view, content, language_href(share_path(theme.slug, chart.id, view).split("?")[0], view))
