"""The README's two commands stay true: CI runs the README's test command."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_gives_exactly_two_commands_and_ci_runs_the_test_one():
    start, test = _commands()
    assert start == "make start"
    assert test == "make test"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)


def test_make_targets_exist_for_both_commands():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^start: install$", makefile, re.M)
    assert re.search(r"^test: install-test$", makefile, re.M)
    assert "apt-get install -y -qq chromium" in makefile
