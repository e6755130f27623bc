"""Read data files into plain records that remember their line numbers.

Readers refuse what a careless save produces (a BOM, another encoding, semicolons,
blank lines, a YAML typo) with a message naming file and line, so that schema
validation only ever sees well-formed text.
"""

import csv
import io
from pathlib import Path

import yaml

from dashboard.data.problems import DataError, Problem

BOM = b"\xef\xbb\xbf"


EXTRA_FIELDS = "\x00extra"  # where csv.DictReader puts fields beyond the header

def _text_of(path: Path) -> str:
    """The file's text, refused unless it is plain UTF-8 without BOM."""
    name = path.name
    if not path.is_file():
        raise DataError([Problem(name, None, None, "file is missing")])
    raw = path.read_bytes()
    if not raw.strip():
        raise DataError([Problem(name, None, None, "file is empty")])
    if raw.startswith(BOM):
        raise DataError([Problem(name, 1, None, "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start : error.start + 1].hex()
        raise DataError(
            [Problem(name, line, None, f"byte 0x{byte} is not UTF-8; save the file as UTF-8")]
        ) from None


def read_csv_records(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) pairs of a comma-separated file with exactly `columns`."""
    name = path.name
    text = _text_of(path)
    lines = text.split("\n")
    header = lines[0]
    if ";" in header and "," not in header:
        raise DataError([Problem(name, 1, None, "columns are separated by semicolons; separate them with commas")])

    problems = [
        Problem(name, number, None, "blank line; remove it")
        for number, line in enumerate(lines, start=1)
        if not line.strip() and not (number == len(lines) and line == "")
    ]
    if problems:
        raise DataError(problems)

    reader = csv.DictReader(io.StringIO(text, newline=""), restkey=EXTRA_FIELDS, restval=None)
    header = reader.fieldnames or []
    header_problems = [Problem(name, 1, c, "required column is missing") for c in columns if c not in header]
    header_problems += [Problem(name, 1, str(c), "unknown column") for c in header if c not in columns]
    if header_problems:
        raise DataError(header_problems)

    records = []
    try:
        for record in reader:
            # line_num: the line the record ended on (a quoted field may span lines).
            if EXTRA_FIELDS in record or None in record.values():
                count = len(header) + len(record.get(EXTRA_FIELDS, [])) - sum(v is None for v in record.values())
                raise DataError([Problem(name, reader.line_num, None,
                                         f"cannot be read as CSV (expected {len(header)} fields, saw {count})")])
            records.append((reader.line_num, record))
    except csv.Error as error:
        raise DataError([Problem(name, reader.line_num, None, f"cannot be read as CSV ({error})")]) from None
    return records


class YamlDocument:
    """A parsed YAML file that can say on which line any part of it stands."""

    def __init__(self, path: Path):
        self.name = path.name
        text = _text_of(path)
        try:
            self.node = yaml.compose(text, Loader=yaml.SafeLoader)
            self.data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 1 if mark else None
            problem = getattr(error, "problem", None) or str(error)
            raise DataError([Problem(self.name, line, None, f"YAML syntax error: {problem}")]) from None

    def line_of(self, location: tuple) -> int | None:
        """The line of the deepest node that `location` (keys and indexes) reaches."""
        node = self.node
        for step in location:
            if isinstance(node, yaml.MappingNode):
                matches = [value for key, value in node.value if key.value == step]
                if not matches:
                    break
                node = matches[0]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
                node = node.value[step]
            else:
                break
        return node.start_mark.line + 1 if node is not None else None
