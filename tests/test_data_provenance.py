"""The shipped data never drifts from the verified figures in ../shared/data/v2/."""

import csv
from decimal import Decimal
from pathlib import Path

from dashboard.data import load_dataset

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "v2"  # version 2 of the verified data


def _shared_rows(name: str) -> list[dict]:
    path = SHARED / name
    assert path.is_file(), f"{path} is missing: the provenance check needs the verified data beside the repo"
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_loaded_figure_equals_its_verified_source_row():
    verified = {
        (r["figure_id"], r["period"], r["sector"], r["category"]): r for r in _shared_rows("figures.csv")
    }
    loaded = load_dataset(ROOT / "data").figures
    assert len(loaded) == len(verified)
    for row in loaded:
        source = verified[(row.figure_id, row.period, row.sector, row.category)]
        expected_value = Decimal(source["value_pct"]) if source["value_pct"] else None
        assert row.value_pct == expected_value, row
        if expected_value is not None:  # the published digits, not a re-rounded number
            assert str(row.value_pct) == source["value_pct"]
        assert row.precision == source["precision"]
        assert (row.verbal_da or "") == source["verbal_da"]
        assert row.base == source["base"]
        assert (str(row.n_obs) if row.n_obs else "") == source["n_obs"]
        assert row.source_url == source["source_url"]
        assert row.label_da == source["label_da"]


def test_editions_equal_their_verified_source():
    verified = {r["period"]: r for r in _shared_rows("editions.csv")}
    for edition in load_dataset(ROOT / "data").editions:
        source = verified[edition.period]
        assert edition.answers == int(source["answers"])
        assert str(edition.response_rate_pct) == source["response_rate_pct"]


def test_data_files_are_byte_identical_copies_of_the_verified_ones():
    for name in ("figures.csv", "editions.csv", "cases.yaml"):
        assert (ROOT / "data" / name).read_bytes() == (SHARED / name).read_bytes(), name
