"""`GET /export/<chart_id>.<png|svg|pdf|csv|xlsx>` and `GET /export/<theme>.pptx`, with the
page's query string, parsed by the same view-state parser as the pages."""

import html

from flask import Response, request

from dashboard.addresses import chart_page_path, public_address
from dashboard.data import DataSet
from dashboard.export.admission import RETRY_AFTER_S, ExportBusy, ExportGate
from dashboard.export.figure import SIZES, export_figure
from dashboard.components.chart_text import summary_sentence
from dashboard.export.images import ExportUnavailable, ImageRenderer
from dashboard.export.metadata import pdf_with_metadata, svg_with_metadata
from dashboard.export.slides import theme_deck
from dashboard.export.tables import about_rows, chart_table, to_csv, to_xlsx
from dashboard.figures.captions import citation
from dashboard.figures.chart_view import ChartView, chart_view, find_chart
from dashboard.i18n import translator
from dashboard.serving import message_page
from dashboard.state import ALL_TYPES, SELECTABLE_SECTORS, ViewState, parse_query
from dashboard.vocabulary import PERIODS

MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "csv": "text/csv",  # Flask adds "; charset=utf-8" to text types
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}
DEFAULT_SCALE, MAX_SCALE = 2, 4


def _query() -> dict:
    return {key: values[0] if len(values) == 1 else values for key, values in request.args.lists()}


def _scale(query: dict) -> int:
    """`skala` (1-4, default 2 for slides), bounded; anything else gives the default."""
    raw = query.pop("skala", None)
    return int(raw) if isinstance(raw, str) and raw in {str(s) for s in range(1, MAX_SCALE + 1)} else DEFAULT_SCALE


def file_name(stem: str, view: ViewState, fmt: str) -> str:
    """`lav-nye-services_arbejdspladser-type_2015-2016.png`: what the file holds."""
    _ = translator(view.lang)
    parts = [stem, "_".join(view.periods) if view.periods != PERIODS else _("alle-perioder")]
    if view.types != ALL_TYPES:
        parts.append("-".join(view.types))
    if view.sectors != SELECTABLE_SECTORS:
        parts.append("-".join(view.sectors) or _("kun-hele-sektoren"))
    return "_".join(parts) + f".{fmt}"


def chart_address(shown: ChartView, view: ViewState) -> str:
    return public_address(chart_page_path(shown.theme.slug, shown.chart.id, view))


def _size(query: dict) -> str:
    """`storrelse`: standard (1200 px wide), slide (16:9, 1600 × 900 at 2×) or rapport (a report column)."""
    raw = query.pop("storrelse", None)
    return raw if isinstance(raw, str) and raw in SIZES else "standard"


def _image(renderer: ImageRenderer, shown: ChartView, view: ViewState, fmt: str, scale: int, size: str) -> bytes:
    """The chart as an image that says what it is: the PDF's title and subject, the SVG's <title> and <desc>."""
    address = chart_address(shown, view)
    width, aspect = SIZES[size]
    figure = export_figure(shown, address, width=width, aspect=aspect, exact=aspect is not None)
    if size == "deling":  # a link preview has one pixel size: a tall chart, made wider, is scaled down to it
        scale = scale * width / figure.layout.width
        figure.update_layout(height=figure.layout.width * aspect)  # exactly the aspect, not its rounding
    body = renderer.render(figure, fmt, scale if fmt == "png" else 1)
    if fmt == "pdf":
        return pdf_with_metadata(body, shown.caption.title, citation(shown.caption, address))
    if fmt == "svg":
        return svg_with_metadata(body, shown.caption.title, f"{summary_sentence(shown)} {citation(shown.caption, address)}")
    return body


def _file(body: bytes, fmt: str, name: str) -> Response:
    response = Response(body, mimetype=MEDIA_TYPES[fmt])
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _plain(status: int, message: str) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")  # Flask adds the charset once


def _busy(view: ViewState, back: str) -> Response:
    """503 with Retry-After, as a page in the view's language (a download that fails opens it)."""
    _ = translator(view.lang)
    page = message_page(view.lang, _("Der laves mange billeder lige nu"), [
        _("Prøv igen om {seconds} sekunder. Data kan stadig hentes som CSV eller Excel med det samme.").format(
            seconds=RETRY_AFTER_S),
        f'<a href="{html.escape(back)}">{_("Tilbage til siden")}</a>',
    ])
    response = Response(page, status=503, mimetype="text/html")
    response.headers["Retry-After"] = str(RETRY_AFTER_S)
    return response


def register_export_routes(server, data: DataSet, renderer: ImageRenderer, gate: ExportGate | None = None) -> None:
    gate = server.export_gate = gate or ExportGate()  # one per process: each worker's own

    @server.get("/forhaandsvisning/<name>.png")
    def preview(name: str):
        """A link's preview image (og:image, 1200 x 630): shown where the link is pasted, not
        saved, and open to crawlers (robots.txt keeps them out of /export/)."""
        response = export(name, "png", size="deling", scale=DEFAULT_SCALE)
        response.headers.pop("Content-Disposition", None)
        if response.status_code == 200:  # the view's chart changes only with the data (a restart)
            response.headers["Cache-Control"] = "public, max-age=3600"
        return response

    @server.get("/export/<name>.<fmt>")
    def export(name: str, fmt: str, size: str | None = None, scale: int | None = None):
        query = _query()
        requested_scale = _scale(query)  # always taken out of the view's query
        scale = scale or requested_scale
        requested = _size(query)  # always taken out of the view's query
        size = size or requested
        view = parse_query(query).state.as_presentation(False)
        _ = translator(view.lang)
        back = view.link("/")
        if fmt not in MEDIA_TYPES:
            return _plain(404, _("Ukendt format. Brug png, svg, pdf, csv, xlsx eller pptx."))
        try:
            if fmt == "pptx":
                theme = next((t for t in data.page_themes if t.slug == name), None)
                if theme is None:
                    return _plain(404, _("Temaet findes ikke."))
                back = view.link(f"/{theme.slug}")
                with gate.place():
                    body = theme_deck(data, theme, view, lambda figure: renderer.render(figure, "png", scale),
                                      lambda shown: chart_address(shown, view), public_address(view.link(f"/{theme.slug}")))
                return _file(body, fmt, file_name(theme.slug, view, fmt))
            found = find_chart(data, name)
            if found is None:
                return _plain(404, _("Figuren findes ikke."))
            theme, chart = found
            back = view.link(f"/{theme.slug}") + f"#figur-{chart.id}"
            shown = chart_view(data, theme, chart, view)
            if fmt in ("csv", "xlsx"):
                table = chart_table(shown)
                body = to_csv(table) if fmt == "csv" else to_xlsx(table, about_rows(shown, chart_address(shown, view)))
            else:
                with gate.place():
                    body = _image(renderer, shown, view, fmt, scale, size)
            stem = f"{theme.slug}_{chart.id}" + ("" if size == "standard" or fmt in ("csv", "xlsx") else f"_{size}")
            return _file(body, fmt, file_name(stem, view, fmt))
        except ExportBusy:
            return _busy(view, back)
        except ExportUnavailable as error:
            return _plain(503, _("{problem}. Data kan stadig hentes som CSV eller Excel.").format(problem=_(str(error))))
