# SPDX-License-Identifier: MIT
"""docs/rules.md's table of rules, generated from :mod:`iprmodel.rules.registry`.

The page is hand-written prose with two generated blocks between marker comments: the
table of every rule (by chapter of the act) and the list of interpretations. Run
``python -m iprmodel.rules.docs`` after changing the registry; ``--check`` writes
nothing and exits 1 when the page is out of date (a test does the same).

>>> "IPR-18-3-REPRESENTANTSKAP" in render_table()
True
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from iprmodel.files import write_atomic
from iprmodel.rules.registry import RULES, Rule

__all__ = ["PAGE", "main", "render_interpretations", "render_page", "render_table"]

#: docs/rules.md in a source checkout.
PAGE: Final = Path(__file__).resolve().parents[3] / "docs" / "rules.md"

_CHAPTERS: Final = (
    ("18", "Chapter 18: the council, its representantskap and agreement"),
    ("14", "Chapter 14: economy"),
    ("11", "Chapter 11: meetings, minutes and votes"),
    ("8", "Chapter 8: duties of the elected"),
    ("7", "Chapter 7: eligibility and elections"),
    ("OWN", "The body's own rules"),
    ("DATA", "The data's own consistency"),
)
_BEGIN, _END = "<!-- rules:{name} begin (generated) -->", "<!-- rules:{name} end -->"


def _paragraphs(rule: Rule) -> str:
    if rule.reference is None:
        return "the body's own rule" if rule.chapter == "OWN" else "–"
    refs = dict.fromkeys((rule.reference, *rule.references.values()))
    return "; ".join(ref.render("nb") for ref in refs)


def _row(rule: Rule) -> str:
    summary = rule.summary + (" *(interpretation)*" if rule.interpretation or rule.reading else "")
    cells = (f"`{rule.code}`", rule.severity.value, summary.replace("|", "\\|"), _paragraphs(rule))
    return "| " + " | ".join(cells) + " |"


def render_table() -> str:
    """The table of every registered rule, one section per chapter."""
    lines: list[str] = []
    for chapter, title in _CHAPTERS:
        rules = [r for r in RULES.values() if r.chapter == chapter]
        if not rules:
            continue
        lines += [f"### {title}", "", "| code | usual severity | rule in plain words | paragraph |"]
        lines += ["| --- | --- | --- | --- |", *(_row(r) for r in rules), ""]
    missing = {r.chapter for r in RULES.values()} - {c for c, _ in _CHAPTERS}
    if missing:
        raise ValueError(f"rules of unknown chapters: {sorted(missing)}")
    return "\n".join(lines).rstrip("\n")


def render_interpretations() -> str:
    """The rules that rest on a reading of the law, and the reading."""
    return "\n".join(
        f"- **`{r.code}`** ({_paragraphs(r)}). {r.reading}" for r in RULES.values() if r.reading
    )


def render_page(text: str) -> str:
    """``text`` (the page) with its generated blocks replaced by fresh ones."""
    for name, block in (("table", render_table()), ("interpretations", render_interpretations())):
        begin, end = _BEGIN.format(name=name), _END.format(name=name)
        head, found, rest = text.partition(begin)
        _, found_end, tail = rest.partition(end)
        if not found or not found_end:
            raise ValueError(f"docs/rules.md has no {begin} ... {end} block")
        text = f"{head}{begin}\n{block}\n{end}{tail}"
    return text


def main(argv: Sequence[str] | None = None) -> int:
    """Regenerate docs/rules.md (``--check``: exit 1 if it is out of date)."""
    parser = argparse.ArgumentParser(prog="python -m iprmodel.rules.docs")
    parser.add_argument("--check", action="store_true", help="write nothing; fail if stale")
    parser.add_argument("--page", type=Path, default=PAGE)
    args = parser.parse_args(argv)
    current = args.page.read_text(encoding="utf-8")
    fresh = render_page(current)
    if args.check:
        if fresh != current:
            print(f"{args.page} is out of date: run python -m iprmodel.rules.docs", file=sys.stderr)
            return 1
        return 0
    write_atomic(args.page, fresh.encode("utf-8"))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
