"""A chart's data as a table: CSV for Excel (UTF-8 with BOM, semicolons, decimal comma,
as Danmarks Statistik's own downloads) and XLSX. Gaps are rows too, marked as such."""

import io

import pandas as pd

from dashboard.figures.chart_view import ChartView
from dashboard.vocabulary import BASES, NOT_PUBLISHED, SECTORS

PRECISION_DA = {"exact": "præcist tal", "approx": "omtrentligt (kun ord offentliggjort)", "verbal": "kun ord offentliggjort"}
GAP_PRECISION = NOT_PUBLISHED.lower()  # the "Præcision" of a row with nothing published
VALUE = "Værdi (%)"
N_OBS = "Antal observationer"
COLUMNS = ("Tema", "Figur", "Gruppe", "Sektor", "Periode", VALUE, "Præcision", "Offentliggjort i ord", "Grundlag",
           N_OBS, "Spørgsmål", "Kilde", "figure_id", "category")


def chart_table(chart_view: ChartView) -> pd.DataFrame:
    chart, slice_ = chart_view.chart, chart_view.slice
    records = []
    for group in slice_.groups:
        for slot in group.slots:
            row = slot.row
            records.append(
                {
                    "Tema": chart_view.theme.title_da,
                    "Figur": chart.title_da,
                    "Gruppe": group.label,
                    "Sektor": SECTORS[row.sector if row else (group.key if chart.group_by == "sector" else "alle")]["da"],
                    "Periode": slot.period,
                    VALUE: row.value_pct if row else None,
                    "Præcision": PRECISION_DA[row.precision] if row else GAP_PRECISION,
                    "Offentliggjort i ord": (row.verbal_da or "") if row else "",
                    "Grundlag": BASES[row.base if row else slice_.base]["da"],
                    N_OBS: row.n_obs if row else None,
                    "Spørgsmål": (row.question_da or "") if row else "",
                    "Kilde": row.source_url if row else "",
                    "figure_id": chart.figure_id,
                    "category": row.category if row else (group.key if chart.group_by == "category" else ""),
                }
            )
    # A view with nothing published still gives the table its columns (and no rows).
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def _decimal_comma(value) -> str:
    return "" if value is None or pd.isna(value) else str(value).replace(".", ",")


def to_csv(table: pd.DataFrame) -> bytes:
    text = table.assign(
        **{VALUE: table[VALUE].map(_decimal_comma), N_OBS: table[N_OBS].map(lambda n: "" if n is None or pd.isna(n) else str(int(n)))}
    ).to_csv(sep=";", index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def to_xlsx(table: pd.DataFrame) -> bytes:
    out = io.BytesIO()
    numeric = table.assign(**{VALUE: pd.to_numeric(table[VALUE].map(lambda v: None if v is None else float(v)))})
    with pd.ExcelWriter(out, engine="openpyxl") as writer:
        numeric.to_excel(writer, index=False, sheet_name="Data")
    return out.getvalue()
