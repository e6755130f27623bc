"""The data set as plain records with stable English field names: the one shape that the API,
the data files and the »Alle tal« page all hand out. Values stay as published (a Decimal, never
rounded again); nothing is computed that the pages don't show."""

from decimal import Decimal

from dashboard.addresses import chart_page_path, embed_path
from dashboard.data import DataSet
from dashboard.data.models import Case, Chart, Edition, FigureRow, Theme
from dashboard.state import ViewState

# Each figure record's fields, in their order, with what they hold (the API description and the
# data package's Table Schema both say this).
FIGURE_FIELDS = {
    "id": "The value's key: figure_id.period.sector.category",
    "figure_id": "The figure (one question's answers) the value belongs to",
    "theme": "The theme's slug, as in the dashboard's address",
    "edition": "The survey edition's number (1 = 2013-2014)",
    "period": "The survey period of the edition",
    "sector": "alle (the whole public sector), kommune, region or stat",
    "category": "The answer's key",
    "label_da": "The answer as the edition worded it, in Danish",
    "label_en": "The answer in English",
    "value_pct": "The published share in per cent; empty where only words were published",
    "precision": "exact (a published number), approx (published only in words, read as this share) or verbal (words only, no number)",
    "words_da": "The published words, for approx and verbal values",
    "base": "What 100 % is: workplaces, innovations or innovative_workplaces",
    "n": "Number of observations, where the source gives it",
    "question_da": "The question as asked in that edition, in Danish",
    "source_url": "Where the value was published",
    "note": "What a reader of the value needs to know about it",
    "chart": "The chart that shows the value (its id), if one does",
    "view_path": "The dashboard's view that shows the value (path, query and #chart)",
}
EDITION_FIELDS = ("edition", "period", "answers", "response_rate_pct", "source_url")
CASE_FIELDS = ("id", "kind", "title_da", "organisation", "sector", "theme", "innovation_types", "year",
               "summary_da", "summary_en", "source_url", "source_kind")


def figure_key(row: FigureRow) -> str:
    return f"{row.figure_id}.{row.period}.{row.sector}.{row.category}"


def chart_showing(data: DataSet, row: FigureRow) -> tuple[Theme, Chart] | None:
    """The first chart whose figure, sectors and answers include the row."""
    for theme in data.page_themes:
        if theme.slug != row.theme:
            continue
        for chart in theme.charts:
            if (chart.figure_id == row.figure_id and row.sector in chart.sectors
                    and (chart.categories is None or row.category in chart.categories)):
                return theme, chart
    return None


def view_path(data: DataSet, row: FigureRow, lang: str = "da", shown: tuple[Theme, Chart] | None = None) -> str | None:
    """The view that shows the row: its theme in the row's edition, at the chart that draws it
    (`shown`, if the caller has looked it up; the theme page itself where only the headline shows
    it; None where no page does)."""
    shown = shown or chart_showing(data, row)
    view = ViewState(periods=(row.period,), lang=lang)
    if shown is not None:
        theme, chart = shown
        return chart_page_path(theme.slug, chart.id, view)
    if any(t.slug == row.theme for t in data.page_themes):
        return view.link(f"/{row.theme}")
    return None


def _number(value: Decimal | None) -> int | float | None:
    """A published value as a JSON number, with the digits it was published with."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def figure_record(data: DataSet, row: FigureRow, edition_of: dict[str, int]) -> dict:
    shown = chart_showing(data, row)
    return {
        "id": figure_key(row),
        "figure_id": row.figure_id,
        "theme": row.theme,
        "edition": edition_of.get(row.period),
        "period": row.period,
        "sector": row.sector,
        "category": row.category,
        "label_da": row.label_da,
        "label_en": row.label_en,
        "value_pct": _number(row.value_pct),
        "precision": row.precision,
        "words_da": row.verbal_da,
        "base": row.base,
        "n": row.n_obs,
        "question_da": row.question_da,
        "source_url": row.source_url,
        "note": row.note,
        "chart": shown[1].id if shown else None,
        "view_path": view_path(data, row, shown=shown),
    }


def figure_records(data: DataSet) -> list[dict]:
    edition_of = {e.period: e.edition for e in data.editions}
    return [figure_record(data, row, edition_of) for row in data.figures]


def edition_record(edition: Edition) -> dict:
    return {
        "edition": edition.edition,
        "period": edition.period,
        "answers": edition.answers,
        "response_rate_pct": _number(edition.response_rate_pct),
        "source_url": edition.source_url,
    }


def case_record(case: Case) -> dict:
    return {
        "id": case.id,
        "kind": case.kind,
        "title_da": case.title_da,
        "organisation": case.organisation,
        "sector": case.sector,
        "theme": case.theme,
        "innovation_types": list(case.innovation_types),
        "year": case.year,
        "summary_da": case.summary_da,
        "summary_en": case.summary_en,
        "source_url": case.source_url,
        "source_kind": case.source_kind,
    }


def theme_record(theme: Theme) -> dict:
    return {
        "slug": theme.slug,
        "title_da": theme.title_da,
        "title_en": theme.title_en,
        "intro_da": theme.intro_da,
        "intro_en": theme.intro_en,
        "page_path": f"/{theme.slug}" if theme.has_page else None,
        "charts": [
            {"id": c.id, "figure_id": c.figure_id, "title_da": c.title_da, "title_en": c.title_en,
             "group_by": c.group_by, "sectors": list(c.sectors),
             "categories": list(c.categories) if c.categories else None,
             "embed_path": embed_path(theme.slug, c.id, ViewState())}
            for c in theme.charts
        ],
    }


def about_record(data: DataSet) -> dict:
    """What every file and answer says of the data set: title, release, date, version."""
    about = data.about
    return {
        "title": about.title_en,
        "title_da": about.title_da,
        "publisher": about.publisher_en,
        "publisher_da": about.publisher_da,
        "release": about.release,
        "updated": about.updated.isoformat(),
        "version": data.version,
        "homepage": about.homepage,
        "terms": about.terms_en,
        "terms_da": about.terms_da,
    }
