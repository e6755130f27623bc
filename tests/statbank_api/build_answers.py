"""Writes the stand-in API answers of this folder (`python -m tests.statbank_api.build_answers`):
the tableinfo (Danish and English) and the whole table in the BULK format, for OIN01DK–OIN04DK
in the structure of Danmarks Statistik's tables (../../../shared/data/v2/README.md).

The values are placeholders made for the tests, except those with the key of a hand-verified
row of data/figures.csv, which equal it (so the agreement check passes); see README.md.
"""

import json
from pathlib import Path

HERE = Path(__file__).parent
YEARS = ("2016", "2019", "2023")
UPDATED = "2024-01-10T08:00:00"

SECTORS = [  # OIN01: the sector view, then the industry view
    ("1000", "Offentlig forvaltning og service i alt", "General government and services, total"),
    ("1010", "Kommune", "Municipality"),
    ("1020", "Region", "Region"),
    ("1030", "Stat", "Central government"),
    ("2000", "Delsektorer i alt", "Industries, total"),
    # The metadata gives the DB07 industries only as the range 4000–4240; these codes and names
    # stand in for them.
    ("4000", "Offentlig administration mv.", "Public administration etc."),
    ("4050", "Retsvæsen", "Judiciary"),
    ("4100", "Undervisning", "Education"),
    ("4150", "Sundhed mv.", "Health etc."),
    ("4200", "Ældre- og handicappleje", "Care of the elderly and disabled"),
    ("4240", "Børnepasning", "Child care"),
]
OIN01 = ("OIN01", "sektor eller branche", "sector or industry", SECTORS)

TABLES = {
    "OIN01DK": (
        ("Innovative arbejdssteder i den offentlige sektor", "Innovative workplaces in the public sector"),
        ("INNO", "innovationstype", "type of innovation", [
            ("10", "Innovative arbejdssteder i alt", "Innovative workplaces, total"),
            ("20", "Produktinnovation", "Product innovation"),
            ("30", "Serviceinnovation", "Service innovation"),
            ("40", "Proces- og organisatorisk innovation", "Process or organisational innovation"),
            ("50", "Kommunikationsinnovation", "Communication innovation"),
        ]),
    ),
    "OIN02DK": (
        ("Innovative arbejdssteder efter nyhedsgrad", "Innovative workplaces by novelty"),
        ("NYHEDSGRAD", "nyhedsgrad", "novelty", [
            ("60", "Først til at udvikle den", "First to develop it"),
            ("70", "I vidt omfang inspireret af andres løsninger", "Largely inspired by others' solutions"),
            ("80", "I vidt omfang en kopi tilpasset arbejdsstedet", "Largely a copy adapted to the workplace"),
            ("90", "Ved ikke", "Don't know"),
        ]),
    ),
    "OIN03DK": (
        ("Innovative arbejdssteder efter igangsætter", "Innovative workplaces by initiator"),
        ("OIN03", "igangsætter", "initiator", [
            ("100", "Medarbejdere", "Employees"),
            ("110", "Ledere", "Managers"),
            ("120", "Borgere", "Citizens"),
            ("130", "Private virksomheder", "Private companies"),
            ("140", "Nærmeste politiske ledelse", "Nearest political leadership"),
            ("150", "Frivillige organisationer", "Voluntary organisations"),
            ("155", "Fonde", "Foundations"),
            ("160", "Videregående uddannelse eller forskning", "Higher education or research"),
            ("170", "Ny lovgivning eller nationale politiske krav", "New legislation or national political demands"),
            ("180", "Ny teknologi", "New technology"),
            ("190", "Andre offentlige arbejdspladser", "Other public workplaces"),
            ("200", "Økonomisk pres", "Economic pressure"),
            ("202", "Organisationsændring", "Organisational change"),
            ("207", "Inspiration fra udlandet", "Inspiration from abroad"),
            ("209", "COVID-19", "COVID-19"),
            ("210", "Andet", "Other"),
            ("220", "Ved ikke", "Don't know"),
        ]),
    ),
    "OIN04DK": (
        ("Innovative arbejdssteder efter opnåede værdier", "Innovative workplaces by values achieved"),
        ("OIN02", "opnåede værdier", "values achieved", [
            ("230", "Bedre kvalitet", "Better quality"),
            ("240", "Højere effektivitet", "Higher efficiency"),
            ("250", "Højere medarbejdertilfredshed", "Higher employee satisfaction"),
            ("260", "Borgerne har fået indsigt eller indflydelse", "Citizens gained insight or influence"),
            ("265", "Politiske mål er nået", "Political goals met"),
            ("270", "Andet", "Other"),
            ("280", "Ved ikke", "Don't know"),
        ]),
    ),
}

# Keys of hand-verified rows (figures.csv, arbejdspladser_type): (sector code, INNO code, year).
VERIFIED = {("1000", "30", "2016"): "43", ("1000", "10", "2019"): "81", ("1000", "10", "2023"): "83",
            ("1020", "10", "2016"): "80", ("1010", "10", "2019"): "80", ("1030", "10", "2019"): "84",
            ("1020", "10", "2019"): "85"}
# Cells that show how Statbank writes things: a value not published, a decimal comma.
SPECIAL = {("OIN01DK", "1030", "20", "2016"): "..", ("OIN01DK", "1010", "40", "2023"): "44,5",
           ("OIN03DK", "1020", "209", "2016"): "..",
           # tableinfo's suppressedDataValue: written in place of a confidential value, never a published 0
           ("OIN04DK", "1030", "265", "2016"): "0"}


def _placeholder(*key: str) -> str:
    """A stable number from 5 to 94 for a cell: no pattern a test could mistake for data."""
    return str(5 + sum((i + 7) * ord(c) for i, c in enumerate("".join(key))) % 90)


def _variable(variable_id: str, text: str, values, lang: int, time: bool = False) -> dict:
    return {"id": variable_id, "text": text, "elimination": False, "time": time,
            "values": [{"id": v[0], "text": v[lang]} for v in values]}


def tableinfo(table: str, lang: str) -> dict:
    (title_da, title_en), (answers_id, answers_da, answers_en, answers) = TABLES[table]
    index = 1 if lang == "da" else 2
    return {
        "id": table,
        "text": title_da if lang == "da" else title_en,
        "description": (title_da if lang == "da" else title_en) + (" efter " if lang == "da" else " by ") + "OIN01, " + answers_id + ", tid",
        "unit": "Pct.",
        "suppressedDataValue": "0",
        "updated": UPDATED,
        "active": True,
        "contacts": [],
        "documentation": None,
        "footnote": None,
        "variables": [
            _variable(OIN01[0], OIN01[index], OIN01[3], index),
            _variable(answers_id, answers_da if lang == "da" else answers_en, answers, index),
            _variable("Tid", "tid" if lang == "da" else "time", [(y, y, y) for y in YEARS], index, time=True),
        ],
    }


def bulk(table: str) -> str:
    """The whole table as the API's BULK format writes it (UTF-8 with BOM, CRLF)."""
    answers_id, *_, answers = TABLES[table][1]
    lines = [f"OIN01;{answers_id};TID;INDHOLD"]
    for sector, *_ in SECTORS:
        for answer, *_ in answers:
            for year in YEARS:
                value = SPECIAL.get((table, sector, answer, year))
                if value is None and table == "OIN01DK":
                    value = VERIFIED.get((sector, answer, year))
                lines.append(f"{sector};{answer};{year};{value or _placeholder(table, sector, answer, year)}")
    return "\r\n".join(lines) + "\r\n"


def main() -> None:
    for stale in [*HERE.glob("tableinfo_*.json"), *HERE.glob("data_*.csv")]:
        stale.unlink()
    for table in TABLES:
        for lang in ("da", "en"):
            text = json.dumps(tableinfo(table, lang), ensure_ascii=False, indent=1) + "\n"
            (HERE / f"tableinfo_{table}_{lang}.json").write_text(text, encoding="utf-8")
        (HERE / f"data_{table}.csv").write_bytes(bulk(table).encode("utf-8-sig"))


if __name__ == "__main__":
    main()
