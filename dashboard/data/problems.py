"""A problem found in a data file, named by file, line and column."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        what = self.message if self.column is None else f"{self.column}: {self.message}"
        return f"{place}: {what}"


class DataError(Exception):
    """The data directory is invalid; nothing of it was loaded."""

    def __init__(self, problems: list[Problem]):
        self.problems = tuple(sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or "")))
        super().__init__("\n".join(str(p) for p in self.problems))
