"""Load a data directory into a DataSet, or refuse it whole with every problem named.

Rules within one row are the schemas' (`models.py`); the rules across rows and
files are here. Nothing is returned unless everything is valid.
"""

import hashlib
from pathlib import Path

from pydantic import BaseModel, ValidationError

from dashboard.data.dataset import DataSet
from dashboard.data.models import About, Case, Edition, FigureRow, ThemesFile
from dashboard.data.problems import DataError, Problem
from dashboard.data.readers import YamlDocument, read_csv_records

FILES = ("figures.csv", "editions.csv", "cases.yaml", "themes.yaml", "about.yaml")
# Written by `python -m dashboard.data refresh-statbank`; the data set is whole without it.
STATBANK_FILE = "statbank.csv"
DEFAULT_DIRECTORY = Path(__file__).resolve().parents[2] / "data"


def _describe(error: dict) -> str:
    if error["type"] == "data":
        return error["msg"]
    value = error.get("input")
    shown = f" (got {value!r})" if isinstance(value, (str, int, float)) and len(str(value)) < 80 else ""
    return f"{error['msg']}{shown}"


def _field_path(location: tuple) -> str:
    return ".".join(str(step) for step in location)


def _csv_rows(path: Path, model: type[BaseModel]) -> tuple[list, list[Problem]]:
    rows, problems = [], []
    for line, record in read_csv_records(path, tuple(model.model_fields)):
        try:
            rows.append((line, model.model_validate(record)))
        except ValidationError as error:
            problems += [
                Problem(path.name, line, _field_path(e["loc"]), _describe(e)) for e in error.errors()
            ]
    return rows, problems


def _yaml_model(document: YamlDocument, model: type[BaseModel], value, root: tuple = ()):
    """(model, []) for a valid `value` found at `root` in `document`, else (None, problems)."""
    try:
        return model.model_validate(value), []
    except ValidationError as error:
        return None, [
            Problem(document.name, document.line_of(root + e["loc"]), _field_path(e["loc"]) or None, _describe(e))
            for e in error.errors()
        ]


def _cases(document: YamlDocument) -> tuple[list, list[Problem]]:
    if not isinstance(document.data, list):
        return [], [Problem(document.name, 1, None, "must be a list of cases (entries starting with '- id:')")]
    cases, problems = [], []
    for index, item in enumerate(document.data):
        case, item_problems = _yaml_model(document, Case, item, (index,))
        problems += item_problems
        if case is not None:
            cases.append((document.line_of((index,)), case))
    return cases, problems


def _duplicates(name: str, keyed_rows, what: str) -> list[Problem]:
    seen, problems = {}, []
    for line, key in keyed_rows:
        if key in seen:
            problems.append(Problem(name, line, None, f"duplicate {what} {key}; first on line {seen[key]}"))
        else:
            seen[key] = line
    return problems


def _statbank_problems(figures, statbank, known_themes) -> list[Problem]:
    """Statbank rows are figures of their own: never a figure_id of the hand-verified figures."""
    hand_verified = {r.figure_id for _, r in figures}
    problems = _duplicates(
        STATBANK_FILE,
        [(line, (r.figure_id, r.period, r.sector, r.category)) for line, r in statbank],
        "(figure_id, period, sector, category)",
    )
    problems += [
        Problem(STATBANK_FILE, line, "theme", f"{r.theme!r} is not a theme of themes.yaml")
        for line, r in statbank
        if r.theme not in known_themes
    ]
    return problems + [
        Problem(STATBANK_FILE, line, "figure_id", f"{r.figure_id!r} is a figure of figures.csv; Statbank figures need their own")
        for line, r in statbank
        if r.figure_id in hand_verified
    ]


def _cross_file_problems(figures, statbank, editions, cases, themes_doc: YamlDocument, themes) -> list[Problem]:
    problems = _duplicates(
        "figures.csv",
        [(line, (r.figure_id, r.period, r.sector, r.category)) for line, r in figures],
        "(figure_id, period, sector, category)",
    )
    problems += _duplicates("editions.csv", [(line, e.period) for line, e in editions], "period")
    problems += _duplicates("cases.yaml", [(line, c.id) for line, c in cases], "case id")

    known_themes = {t.slug for t in themes.themes}
    problems += _duplicates(
        "themes.yaml", [(themes_doc.line_of(("themes", i)), t.slug) for i, t in enumerate(themes.themes)], "theme slug"
    )
    problems += [
        Problem("figures.csv", line, "theme", f"{r.theme!r} is not a theme of themes.yaml")
        for line, r in figures
        if r.theme not in known_themes
    ]
    problems += [
        Problem("cases.yaml", line, "theme", f"{c.theme!r} is not a theme of themes.yaml")
        for line, c in cases
        if c.theme not in known_themes
    ]

    # Chart ids name charts in links and export addresses, so they are unique across themes.
    chart_ids = [
        (themes_doc.line_of(("themes", t, "charts", c)), chart.id)
        for t, theme in enumerate(themes.themes)
        for c, chart in enumerate(theme.charts)
    ]
    problems += [
        Problem(p.file, p.line, "charts.id", p.message) for p in _duplicates("themes.yaml", chart_ids, "chart id")
    ]
    problems += _statbank_problems(figures, statbank, known_themes)
    rows = [r for _, r in figures + statbank]
    for t_index, theme in enumerate(themes.themes):
        problems += _theme_problems(themes_doc, t_index, theme, rows)
    return problems


def _theme_problems(doc: YamlDocument, t_index: int, theme, rows) -> list[Problem]:
    def at(*location):
        return doc.line_of(("themes", t_index) + location)

    problems = []
    if theme.has_page:
        for field in ("intro_da", "intro_en", "headline"):
            if getattr(theme, field) is None:
                problems.append(Problem(doc.name, at(), field, f"theme {theme.slug!r} has charts, so it needs {field}"))
    if theme.headline is not None:
        h = theme.headline
        match = [
            r
            for r in rows
            if (r.figure_id, r.period, r.sector, r.category) == (h.figure_id, h.period, h.sector, h.category)
        ]
        if not match:
            problems.append(Problem(doc.name, at("headline"), "headline", "names no row of figures.csv"))
        elif match[0].precision != "exact":
            problems.append(Problem(doc.name, at("headline"), "headline", "must be an exact figure"))

    for c_index, chart in enumerate(theme.charts):
        figure = [r for r in rows if r.figure_id == chart.figure_id]
        if not figure and chart.optional:
            continue
        if not figure:
            problems.append(
                Problem(doc.name, at("charts", c_index, "figure_id"), "figure_id",
                        f"{chart.figure_id!r} is not a figure_id of figures.csv")
            )
            continue
        known = {r.category for r in figure}
        problems += [
            Problem(doc.name, at("charts", c_index, "categories"), "categories",
                    f"{category!r} is not a category of figure {chart.figure_id!r}")
            for category in chart.categories or ()
            if category not in known
        ]
    return problems


def _version(directory: Path) -> str:
    digest = hashlib.sha256()
    for name in (*FILES, STATBANK_FILE):
        if (directory / name).exists():
            digest.update((directory / name).read_bytes())
    return digest.hexdigest()[:12]


def _without_absent_optional_charts(themes, rows) -> tuple:
    figure_ids = {r.figure_id for r in rows}
    return tuple(
        theme.model_copy(update={"charts": tuple(c for c in theme.charts if c.figure_id in figure_ids)})
        for theme in themes
    )


def load_dataset(directory: Path | str = DEFAULT_DIRECTORY) -> DataSet:
    """Read and validate every file of `directory`; raise DataError naming every problem."""
    directory = Path(directory)
    problems: list[Problem] = []

    def attempt(read):
        try:
            return read()
        except DataError as error:
            problems.extend(error.problems)
            return None

    figures = attempt(lambda: _csv_rows(directory / "figures.csv", FigureRow))
    statbank = attempt(lambda: _csv_rows(directory / STATBANK_FILE, FigureRow)) if (directory / STATBANK_FILE).exists() else ([], [])
    editions = attempt(lambda: _csv_rows(directory / "editions.csv", Edition))
    cases_doc = attempt(lambda: YamlDocument(directory / "cases.yaml"))
    themes_doc = attempt(lambda: YamlDocument(directory / "themes.yaml"))
    about_doc = attempt(lambda: YamlDocument(directory / "about.yaml"))

    cases = _cases(cases_doc) if cases_doc else None
    themes = _yaml_model(themes_doc, ThemesFile, themes_doc.data) if themes_doc else None
    about = _yaml_model(about_doc, About, about_doc.data) if about_doc else None
    for part in (figures, statbank, editions, cases, themes, about):
        if part is not None:
            problems.extend(part[1])
    if problems:
        raise DataError(problems)

    problems = _cross_file_problems(figures[0], statbank[0], editions[0], cases[0], themes_doc, themes[0])
    if problems:
        raise DataError(problems)

    rows = tuple(r for _, r in figures[0] + statbank[0])
    return DataSet(
        figures=rows,
        editions=tuple(e for _, e in editions[0]),
        cases=tuple(c for _, c in cases[0]),
        themes=_without_absent_optional_charts(themes[0].themes, rows),
        version=_version(directory),
        about=about[0],
    )
