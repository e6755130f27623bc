"""A chart's data as a table: CSV for Excel and XLSX. Gaps are rows too, marked as such.

The Danish CSV is what Danish Excel opens (UTF-8 with BOM, semicolons, decimal comma, as
Danmarks Statistik's own downloads); the English one uses commas and a decimal point.
Headers and words follow the language; values, sources and keys are the same in both.
"""

import io

import pandas as pd

from dashboard.figures.captions import citation
from dashboard.figures.chart_slice import slot_label
from dashboard.figures.chart_view import ChartView
from dashboard.i18n import LANGUAGE_SETTINGS, N_, translator
from dashboard.vocabulary import BASES, NOT_PUBLISHED, SECTORS

PRECISIONS = {
    "exact": N_("præcist tal"),
    "approx": N_("omtrentligt (kun ord offentliggjort)"),
    "verbal": N_("kun ord offentliggjort"),
}
# Column key and header; the last two are keys of our data and keep their names.
COLUMNS = (
    ("theme", N_("Tema")),
    ("chart", N_("Figur")),
    ("group", N_("Gruppe")),
    ("sector", N_("Sektor")),
    ("period", N_("Periode")),
    ("value", N_("Værdi (%)")),
    ("precision", N_("Præcision")),
    ("words", N_("Offentliggjort i ord")),
    ("base", N_("Grundlag")),
    ("n_obs", N_("Antal observationer")),
    ("question", N_("Spørgsmål")),
    ("source", N_("Kilde")),
    ("figure_id", "figure_id"),
    ("category", "category"),
)
CSV_FORMATS = {code: {"sep": language.csv_separator, "decimal": language.csv_decimal}
               for code, language in LANGUAGE_SETTINGS.items()}


def chart_table(chart_view: ChartView) -> pd.DataFrame:
    """One row per bar, word or gap of the chart, with headers in the chart's language."""
    chart, slice_ = chart_view.chart, chart_view.slice
    lang = slice_.lang
    _ = translator(lang)
    records = []
    for group in slice_.groups:
        for slot in group.slots:
            row = slot.row
            records.append(
                {
                    "theme": chart_view.theme.title.in_(lang),
                    "chart": chart.title.in_(lang),
                    "group": slot_label(slice_, group, slot),
                    "sector": _(SECTORS[row.sector if row else (group.key if chart.group_by == "sector" else "alle")]),
                    "period": slot.period,
                    "value": row.value_pct if row else None,
                    "precision": _(PRECISIONS[row.precision]) if row else _(NOT_PUBLISHED).lower(),
                    "words": (row.verbal_da or "") if row else "",
                    "base": _(BASES[row.base if row else slice_.base]),
                    "n_obs": row.n_obs if row else None,
                    "question": (row.question_da or "") if row else "",
                    "source": row.source_url if row else "",
                    "figure_id": chart.figure_id,
                    "category": row.category if row else (group.key if chart.group_by == "category" else ""),
                }
            )
    # A view with nothing published still gives the table its columns (and no rows).
    table = pd.DataFrame.from_records(records, columns=[key for key, _header in COLUMNS])
    table.attrs["lang"] = lang
    return table.rename(columns={key: _(header) for key, header in COLUMNS})


def _header(table: pd.DataFrame, key: str) -> str:
    lang = table.attrs["lang"]
    _ = translator(lang)
    return _(dict(COLUMNS)[key])


def to_csv(table: pd.DataFrame) -> bytes:
    fmt = CSV_FORMATS[table.attrs["lang"]]
    value, n_obs = _header(table, "value"), _header(table, "n_obs")
    text = table.assign(
        **{
            value: table[value].map(lambda v: "" if v is None or pd.isna(v) else str(v).replace(".", fmt["decimal"])),
            n_obs: table[n_obs].map(lambda n: "" if n is None or pd.isna(n) else str(int(n))),
        }
    ).to_csv(sep=fmt["sep"], index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def about_rows(chart_view: ChartView, address: str) -> list[tuple[str, str]]:
    """The chart's caption as (what, words) rows: the same words the page and the images show."""
    caption = chart_view.caption
    _ = translator(caption.lang)
    rows = [(_("Figur"), caption.title), (_("Grundlag"), caption.base), (_("Periode"), caption.periods),
            (_("Innovationstype"), caption.types), (_("Ikke offentliggjort"), caption.gaps.partition(": ")[2]),
            ("ca.", caption.approx_note), ("NB", caption.comparison_note), ("", caption.chart_note), ("", caption.types_note)]
    rows += [(_("Spørgsmål ({periods}): ").format(periods=periods).rstrip(": "), question)
             for periods, question in caption.questions]
    rows += [(_("Kilde"), url) for url in caption.sources]
    rows.append((_("Citér som"), citation(caption, address)))
    return [(what, words) for what, words in rows if words]


def to_xlsx(table: pd.DataFrame, about: list[tuple[str, str]]) -> bytes:
    """The table on the sheet »Data« (one row per bar, as the CSV), and the chart's caption on
    the sheet »Om figuren«. The CSV stays the bare table, for programs that read it."""
    out = io.BytesIO()
    value = _header(table, "value")
    numeric = table.assign(**{value: pd.to_numeric(table[value].map(lambda v: None if v is None else float(v)))})
    _ = translator(table.attrs["lang"])
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        numeric.to_excel(writer, index=False, sheet_name="Data")
        pd.DataFrame(about).to_excel(writer, index=False, header=False, sheet_name=_("Om figuren"))
    return out.getvalue()
