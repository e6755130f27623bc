"""`refresh-statbank`: fetch, convert, compare, validate, then replace data/statbank.csv
in one atomic step. On any error nothing in the data directory changes."""

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pandas as pd

from dashboard.data.loader import FILES, STATBANK_FILE, load_dataset
from dashboard.data.models import FigureRow
from dashboard.data.readers import read_csv_records
from dashboard.data.statbank.client import StatbankClient, StatbankError
from dashboard.data.statbank.config import CONFIG_FILE, StatbankConfig, load_config
from dashboard.data.statbank.convert import figure_records, selection

COLUMNS = list(FigureRow.model_fields)


@dataclass
class Outcome:
    rows: int
    disagreements: list[str] = field(default_factory=list)


class Disagreement(Exception):
    def __init__(self, lines: list[str]):
        super().__init__(f"{len(lines)} Statbank value(s) disagree with the hand-verified figures")
        self.lines = lines


def _chosen_tables(config: StatbankConfig, table_ids: list[str] | None):
    if not table_ids:
        return list(config.tables)
    unknown = [t for t in table_ids if not config.figures_of(t)]
    if unknown:
        configured = ", ".join(dict.fromkeys(t.table for t in config.tables))
        raise StatbankError(f"no mapping in data/{CONFIG_FILE} for {', '.join(unknown)} (configured: {configured})")
    return [figure for t in table_ids for figure in config.figures_of(t)]


def _kept_rows(directory: Path, refreshed_figures: set[str]) -> list[dict]:
    """Rows of the present statbank.csv that this refresh does not replace."""
    path = directory / STATBANK_FILE
    if not path.exists():
        return []
    return [row for _, row in read_csv_records(path, tuple(COLUMNS)) if row["figure_id"] not in refreshed_figures]


def disagreements(records: list[dict], tables, hand_verified) -> list[str]:
    """Where Statbank and a hand-verified exact figure name different values for the same
    period, sector and category."""
    found = []
    for table in tables:
        compared = {
            (r.period, r.sector, r.category): r for r in hand_verified
            if r.figure_id in table.compare_with and r.precision == "exact"
        }
        for record in (r for r in records if r["figure_id"] == table.figure_id):
            key = (record["period"], record["sector"], record["category"])
            ours = compared.get(key)
            if ours is not None and Decimal(record["value_pct"]) != ours.value_pct:
                found.append(
                    f"{table.table} {'/'.join(key)}: Statbank {record['value_pct']}, "
                    f"figures.csv ({ours.figure_id}) {ours.value_pct} – {ours.source_url}"
                )
    return found


def _csv_text(records: list[dict]) -> str:
    frame = pd.DataFrame.from_records(records, columns=COLUMNS)
    # Figure by figure; within a figure the table's own order, which the charts keep.
    frame = frame.sort_values(["figure_id"], kind="stable")
    return frame.to_csv(index=False, lineterminator="\n")


def _validated(directory: Path, text: str) -> None:
    """Load the data directory as it would be with `text` as statbank.csv; DataError if not valid."""
    with tempfile.TemporaryDirectory() as scratch:
        for name in FILES:
            shutil.copy2(directory / name, Path(scratch) / name)
        (Path(scratch) / STATBANK_FILE).write_text(text, encoding="utf-8")
        load_dataset(scratch)


def _replace_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def refresh(directory: Path, client: StatbankClient, table_ids: list[str] | None = None,
            accept_disagreements: bool = False) -> Outcome:
    """Raises StatbankError, DataError or Disagreement with nothing written; else writes."""
    directory = Path(directory)
    current = load_dataset(directory)  # the data set in use must be valid to begin with
    config = load_config(directory)
    tables = _chosen_tables(config, table_ids)
    records, infos = [], {}
    for table in tables:
        if table.table not in infos:
            infos[table.table] = (client.tableinfo(table.table, "da"), client.tableinfo(table.table, "en"))
        info_da, info_en = infos[table.table]
        asked = selection(table, info_da)
        records += figure_records(table, info_da, info_en, client.data(table.table, asked), asked)
    found = disagreements(records, tables, current.figures)
    if found and not accept_disagreements:
        raise Disagreement(found)
    text = _csv_text(_kept_rows(directory, {t.figure_id for t in tables}) + records)
    _validated(directory, text)
    _replace_atomically(directory / STATBANK_FILE, text)
    return Outcome(rows=len(records), disagreements=found)
