"""Command line for the data set:

    python -m dashboard.data check [DIR]
    python -m dashboard.data refresh-statbank [--tables OIN01DK,...] [--out DIR]
"""

import argparse
import sys
from pathlib import Path

from dashboard.data import DEFAULT_DIRECTORY, DataError, load_dataset
from dashboard.data.statbank.client import DEFAULT_API, StatbankClient, StatbankError
from dashboard.data.statbank.config import CONFIG_FILE, load_config
from dashboard.data.statbank.refresh import Disagreement, refresh


def _report(problems) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def check(directory) -> int:
    try:
        data = load_dataset(directory)
    except DataError as error:
        _report(error.problems)
        print(f"{directory}: {len(error.problems)} problem(s); nothing was loaded", file=sys.stderr)
        return 1
    if (Path(directory) / CONFIG_FILE).exists():
        try:
            load_config(Path(directory))
        except DataError as error:
            _report(error.problems)
            print(f"{directory}: {len(error.problems)} problem(s) in {CONFIG_FILE}", file=sys.stderr)
            return 1
    charts = sum(len(t.charts) for t in data.themes)
    print(
        f"{directory}: valid: {len(data.figures)} figures, {charts} charts, "
        f"{len(data.themes)} themes ({len(data.page_themes)} with a page), {len(data.cases)} cases"
    )
    return 0


def refresh_statbank(args) -> int:
    tables = [t.strip() for t in args.tables.split(",") if t.strip()] if args.tables else None
    client = StatbankClient(args.api, timeout=args.timeout, retries=args.retries, deadline=args.deadline)
    try:
        outcome = refresh(args.out, client, tables, accept_disagreements=args.accept_disagreements)
    except StatbankError as error:
        print(f"Statbank refresh failed; {args.out} is unchanged: {error}", file=sys.stderr)
        return 1
    except DataError as error:
        _report(error.problems)
        print(f"Statbank refresh refused: the result is not valid; {args.out} is unchanged", file=sys.stderr)
        return 1
    except Disagreement as disagreement:
        for line in disagreement.lines:
            print(line, file=sys.stderr)
        print(f"{disagreement}; {args.out} is unchanged. Check the sources; rerun with "
              "--accept-disagreements to take Statbank's values beside ours anyway.", file=sys.stderr)
        return 3
    for line in outcome.disagreements:
        print(f"accepted disagreement: {line}", file=sys.stderr)
    print(f"{args.out}/statbank.csv: {outcome.rows} Statbank values written")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.data", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate a data directory")
    check_parser.add_argument("directory", nargs="?", default=str(DEFAULT_DIRECTORY))
    statbank = commands.add_parser("refresh-statbank", help="fetch the Statbank tables of data/statbank.yaml")
    statbank.add_argument("--tables", help="comma-separated table ids (default: every configured table)")
    statbank.add_argument("--out", default=str(DEFAULT_DIRECTORY), help="the data directory to update")
    statbank.add_argument("--api", default=DEFAULT_API, help="the API's base address")
    statbank.add_argument("--timeout", type=float, default=30, help="seconds to wait for each answer")
    statbank.add_argument("--retries", type=int, default=3, help="retries after a failed or timed-out call")
    statbank.add_argument("--deadline", type=float, default=120, help="seconds the whole refresh may take (default 120)")
    statbank.add_argument("--accept-disagreements", action="store_true",
                          help="write even where Statbank disagrees with figures.csv (still reported)")
    args = parser.parse_args(argv)
    if args.command == "refresh-statbank":
        return refresh_statbank(args)
    return check(args.directory)


if __name__ == "__main__":
    sys.exit(main())
