# SPDX-License-Identifier: MIT
"""``iprmodel vote FILE``: was one vote adopted, under its rule and koml. § 11-9?

FILE is JSON: a voting rule, the votes and the members (or an election); the answer
names the paragraph it rests on. ``--format json`` gives it for machines.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from iprmodel.cli_common import EXIT_OK, _Failure, _say, _Translate, add_output_format
from iprmodel.errors import LoadError, escape
from iprmodel.model.text import Locale

__all__ = ["add_parser", "run"]


def add_parser(commands: Any, common: argparse.ArgumentParser, _: _Translate) -> None:
    """Register ``vote`` on the command line's subcommands."""
    vote = commands.add_parser(
        "vote", parents=[common], help=_("evaluate one vote: was it adopted?")
    )
    vote.add_argument(
        "file", metavar="FILE", help=_("a JSON file with rule, votes and members, or an election")
    )
    add_output_format(vote, _)


def run(args: argparse.Namespace, locale: Locale, out: TextIO, _: _Translate) -> int:
    """Evaluate the vote in ``args.file``; returns the exit status."""
    import orjson

    from iprmodel import serialization

    try:
        from iprmodel.rules import report
    except ImportError:
        raise _Failure(_("vote evaluation is not available in this installation")) from None
    path = Path(args.file)
    # A pipe or device is read like a file (bounded by read_limited); a folder is not.
    if not path.exists() or path.is_dir():
        raise _Failure(_say(_("{path}: no such file"), path=args.file))
    try:
        with path.open("rb") as stream:
            data = serialization.parse_json(serialization.read_limited(stream))
    except orjson.JSONDecodeError as error:
        raise _Failure(
            _say(
                _("{path}: not valid JSON at line {line}, column {column}"),
                path=args.file,
                line=error.lineno,
                column=error.colno,
            )
        ) from None
    try:
        outcome = report.vote_from_plain(data)
    except LoadError as error:
        # Vote input problems are worded in the rules catalog.
        raise _Failure(
            "\n".join(
                f"{escape(p.path)}: {report.problem_message(p, locale)}"
                if p.path
                else report.problem_message(p, locale)
                for p in error.problems
            )
        ) from None
    if args.output_format == "json":
        out.write(report.outcome_json(outcome, locale).decode())
        return EXIT_OK
    text = report.format_outcome(outcome, locale)
    out.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK
