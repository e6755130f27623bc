"""A Statbank table's metadata and values as rows of our figures format.

Every check here guards against the table having changed under us: a variable or code we
map that the table no longer has, columns other than the ones asked for, or fewer rows
than the selection holds (a cut-off answer).
"""

import io
from decimal import Decimal, InvalidOperation

import pandas as pd

from dashboard.data.statbank.client import StatbankError
from dashboard.data.statbank.config import LICENCE, YEAR_TO_PERIOD, StatbankTable

VALUE_COLUMN = "INDHOLD"
# What Statbank writes where a value is not published (confidential or missing).
NOT_AVAILABLE = {"..", "...", ":", "-"}
SOURCE_URL = "https://www.statistikbanken.dk/{table}"


def _variables(table: str, info: dict) -> dict[str, dict[str, str]]:
    """VARIABLE ID (upper case) -> {code: text}, from a tableinfo answer. Ids are compared in upper
    case: the BULK header writes them so, and tableinfo's own case may differ from ours."""
    try:
        return {v["id"].upper(): {value["id"]: value["text"] for value in v["values"]} for v in info["variables"]}
    except (KeyError, TypeError, AttributeError):
        raise StatbankError(f"the API's description of {table} (tableinfo) does not list its variables "
                            "with an id and values; has the API's format changed?") from None


def _time_variable(info: dict) -> str | None:
    return next((str(v.get("id")).upper() for v in info["variables"] if v.get("time")), None)


def category_keys(config: StatbankTable, info: dict) -> dict[str, str]:
    """code -> our category key, for the codes of the table that the configuration takes."""
    codes = _variables(config.table, info).get(config.category.variable.upper(), {})
    return config.category.keys(codes)


def selection(config: StatbankTable, info: dict) -> dict[str, list[str]]:
    """What to ask the data call for (variable ids in upper case): our mapped codes, the fixed
    ones and every edition year. Refuses (naming what the table does have) if the table lacks
    any of them."""
    variables = _variables(config.table, info)
    wanted = {
        **({config.sector.variable.upper(): list(config.sector.values)} if config.sector else {}),
        config.category.variable.upper(): list(category_keys(config, info)),
        **{variable.upper(): [code] for variable, code in config.fixed.items()},
    }
    problems = []
    for variable, codes in wanted.items():
        if variable not in variables:
            problems.append(f"{config.table} has no variable {variable!r}; it has {', '.join(variables)}")
            continue
        if not codes:
            problems.append(f"{config.table}.{variable} has no code in the configured range")
        missing = [code for code in codes if code not in variables[variable]]
        if missing:
            known = ", ".join(f"{code} ({text})" for code, text in variables[variable].items())
            problems.append(f"{config.table}.{variable} has no code {', '.join(missing)}; it has {known}")
    time_variable = config.time_variable.upper()
    if time_variable not in variables or _time_variable(info) != time_variable:
        problems.append(f"{config.table}: the time variable is {_time_variable(info)!r}, not {config.time_variable!r}")
    unmapped = set(variables) - set(wanted) - {time_variable}
    if unmapped:
        problems.append(f"{config.table} has variables that data/statbank.yaml does not hold fixed: {', '.join(sorted(unmapped))}")
    if problems:
        raise StatbankError("; ".join(problems) + ". Update data/statbank.yaml to the table's tableinfo.")
    years = [year for year in variables[time_variable] if year in YEAR_TO_PERIOD]
    if not years:
        raise StatbankError(f"{config.table} has none of the edition years {', '.join(YEAR_TO_PERIOD)}")
    return {**wanted, time_variable: years}


def _value(raw: str, where: str) -> Decimal | None:
    text = raw.strip()
    if text in NOT_AVAILABLE:
        return None
    try:
        return Decimal(text.replace(",", "."))  # asked in Danish: a decimal comma
    except InvalidOperation:
        raise StatbankError(f"{where}: {raw!r} is not a number") from None


def _read_bulk(config: StatbankTable, text: str, asked: dict[str, list[str]]) -> pd.DataFrame:
    try:
        frame = pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as error:
        raise StatbankError(f"data for {config.table} cannot be read as semicolon-separated values ({error})") from None
    expected = list(asked) + [VALUE_COLUMN]
    if sorted(frame.columns) != sorted(expected):
        raise StatbankError(
            f"data for {config.table} has the columns {', '.join(frame.columns)}; expected {', '.join(expected)}"
        )
    size = 1
    for codes in asked.values():
        size *= len(codes)
    if len(frame) != size or (frame == "").any(axis=None):
        raise StatbankError(
            f"data for {config.table} is incomplete: {len(frame)} rows for a selection of {size}, "
            "or rows with empty fields (a cut-off answer?)"
        )
    for variable, codes in asked.items():
        strange = set(frame[variable]) - set(codes)
        if strange:
            raise StatbankError(f"data for {config.table} has {variable} codes that were not asked for: {', '.join(sorted(strange))}")
    return frame


def figure_records(config: StatbankTable, info_da: dict, info_en: dict, text: str, asked: dict[str, list[str]]) -> list[dict]:
    """Rows in the columns of figures.csv, for the values Statbank published."""
    frame = _read_bulk(config, text, asked)
    category = config.category.variable.upper()
    labels_da = _variables(config.table, info_da)[category]
    labels_en = _variables(config.table, info_en).get(category, {})
    keys = category_keys(config, info_da)
    suppressed = str(info_da["suppressedDataValue"]).strip() if info_da.get("suppressedDataValue") not in (None, "") else None
    records = []
    for line, row in enumerate(frame.to_dict(orient="records"), start=2):
        category_code = row[category]
        year = row[config.time_variable.upper()]
        raw = row[VALUE_COLUMN]
        # tableinfo names the value Statbank writes in place of a confidential one ("0"): not a published 0.
        if suppressed is not None and raw.strip() == suppressed:
            continue
        value = _value(raw, f"data for {config.table}, line {line}")
        if value is None:
            continue
        records.append({
            "figure_id": config.figure_id,
            "theme": config.theme,
            "period": YEAR_TO_PERIOD[year],
            "sector": config.sector.values[row[config.sector.variable.upper()]] if config.sector else "alle",
            "category": keys[category_code],
            "label_da": labels_da[category_code],
            "label_en": labels_en.get(category_code) or labels_da[category_code],
            "precision": "exact",
            "value_pct": str(value),
            "verbal_da": "",
            "base": config.base,
            "n_obs": "",
            "question_da": info_da.get("text") or "",
            "source_url": SOURCE_URL.format(table=config.table),
            "note": f"Statbank {config.table}, updated {info_da.get('updated', '?')}. {LICENCE}.",
        })
    return records
