"""Command line for the data set: `python -m dashboard.data check [DIR]`."""

import argparse
import sys

from dashboard.data import DEFAULT_DIRECTORY, DataError, load_dataset


def check(directory) -> int:
    try:
        data = load_dataset(directory)
    except DataError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{directory}: {len(error.problems)} problem(s); nothing was loaded", file=sys.stderr)
        return 1
    charts = sum(len(t.charts) for t in data.themes)
    print(
        f"{directory}: valid: {len(data.figures)} figures, {charts} charts, "
        f"{len(data.themes)} themes ({len(data.page_themes)} with a page), {len(data.cases)} cases"
    )
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.data", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate a data directory")
    check_parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIRECTORY))
    args = parser.parse_args(argv)
    return check(args.directory)


if __name__ == "__main__":
    sys.exit(main())
