# SPDX-License-Identifier: MIT
"""Reports (text and JSON), one vote from plain data, and the rules catalog in nb, nn, en."""

from __future__ import annotations

import ast
from pathlib import Path

import attrs
import orjson
import polib
import pytest

from iprmodel.errors import LoadError, Problem
from iprmodel.rules.findings import Finding, Severity
from iprmodel.rules.law import check
from iprmodel.rules.report import (
    SHOWN_PER_SEVERITY,
    error_message,
    format_json,
    format_outcome,
    format_text,
    vote_from_plain,
)
from iprmodel.rules.voting import BlankVoteError, DecidedBy

from .conftest import good_register

RULES = Path(__file__).parents[2] / "src" / "iprmodel" / "rules"
LOCALEDIR = Path(__file__).parents[2] / "src" / "iprmodel" / "l10n" / "locale"


def _broken():
    register = good_register()
    council = attrs.evolve(register.councils[0], bodies=(), meetings=(), appointments=())
    return check(attrs.evolve(register, councils=(council,)))


def test_text_groups_by_severity_with_path_message_paragraph_and_summary():
    """Errors first, each line with code, path, message, paragraph; then the counts."""
    findings = _broken()
    problems = (Problem(path="councils[demo].id", template="required field missing"),)
    text = format_text(problems, findings, "nb")
    lines = text.splitlines()

    assert lines[0] == "Feil (2)"
    assert "councils[demo].id: obligatorisk felt mangler" in lines[1]
    assert any(
        line.startswith("  [IPR-18-3-REPRESENTANTSKAP] councils[demo].bodies:")
        and line.endswith("(koml. § 18-3 første ledd)")
        for line in lines
    )
    assert lines[-1] == "Oppsummering: 2 feil, 0 advarsler, 0 merknader"
    assert format_text(problems, findings, "nn").splitlines()[-1] == (
        "Oppsummering: 2 feil, 0 åtvaringar, 0 merknader"
    )
    assert format_text((), findings, "en").splitlines()[-1] == (
        "Summary: 1 error, 0 warnings, 0 notes"
    )


def test_text_escapes_control_characters_from_user_data():
    """A newline in a name cannot start a fake report line."""
    finding = Finding.of(
        "IPR-18-1-NAME",
        Severity.ERROR,
        "councils[demo].formal_name.nb",
        'The formal name "{name}" does not contain the words "interkommunalt politisk råd".'
        " Give the council a formal name with those words.",
        name="Demo\nFeil (99)",
    )
    text = format_text((), (finding,), "en")
    assert "Feil (99)" in text
    assert not any(line.startswith("Feil (99)") for line in text.splitlines())
    assert "\\u000a" in text


def test_text_counts_what_it_does_not_show():
    """100,000 findings of one severity print 200 lines and a count of the rest; the
    summary and the JSON report count (and list) all of them."""
    finding = _broken()[0]
    many = tuple(attrs.evolve(finding, path=f"councils[c{n}].bodies") for n in range(100_000))
    lines = format_text((), many, "nn").splitlines()

    assert lines[0] == "Feil (100000)"
    assert sum(line.startswith("  [IPR-") for line in lines) == SHOWN_PER_SEVERITY
    assert lines[-2] == "  … og 99800 til; --format json viser alle"
    assert lines[-1].startswith("Oppsummering: 100000 feil")
    assert len(orjson.loads(format_json((), many, "nn"))["findings"]) == 100_000


def test_json_is_sorted_and_complete():
    """Each finding has code, severity, path, message, reference, interpretation."""
    data = format_json((), _broken(), "nn")
    parsed = orjson.loads(data)

    assert parsed["summary"] == {"errors": 1, "info": 0, "warnings": 0}
    finding = parsed["findings"][0]
    assert set(finding) == {"code", "severity", "path", "message", "reference", "interpretation"}
    assert finding["reference"] == "koml. § 18-3 første ledd"
    assert "representantskap" in finding["message"]
    assert data == format_json((), _broken(), "nn")
    assert data.endswith(b"\n")
    keys = list(orjson.loads(data))
    assert keys == sorted(keys)


def test_vote_from_plain_two_thirds():
    """The issue's example: 10 for, 5 against under 2/3 of votes cast is adopted."""
    outcome = vote_from_plain(
        {
            "rule": {"kind": "majority", "threshold": "2/3", "strict": False},
            "votes": {"for": 10, "against": 5, "blank": 0},
            "members": 16,
            "present": 15,
            "chair": "for",
        }
    )
    assert outcome.adopted
    assert DecidedBy.MAJORITY is outcome.decided_by
    text = format_outcome(outcome, "nb")
    assert text.startswith("Resultat: vedtatt\n")
    assert "koml. § 11-9 andre ledd" in text


def test_vote_from_plain_election_with_second_ballot():
    """Candidates and a second ballot from plain data."""
    outcome = vote_from_plain(
        {
            "rule": {"kind": "election"},
            "votes": {"candidates": {"Kari": 3, "Ola": 3, "Per": 1}},
            "second_ballot": {"candidates": {"Kari": 4, "Ola": 3}},
            "members": 7,
        }
    )
    assert (outcome.elected, outcome.decided_by) == ("Kari", DecidedBy.SECOND_BALLOT)
    assert "Vald: Kari" in format_outcome(outcome, "nn")


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        ({"votes": {"for": 1, "against": 0}, "members": 3}, "rule", "required field missing"),
        ({"rule": {"kind": "majority"}, "votes": {"for": 1}}, "members", "required field missing"),
        (
            {"rule": {"kind": "plurality"}, "votes": {"for": 1}, "members": 3},
            "rule.kind",
            "expected one of",
        ),
        (
            {"rule": {"kind": "majority", "threshold": 0.5}, "votes": {"for": 1}, "members": 3},
            "rule.threshold",
            "fraction",
        ),
        (
            {"rule": {"kind": "majority"}, "votes": {"for": "10"}, "members": 3},
            "votes.for",
            "whole number",
        ),
        (
            {"rule": {"kind": "majority"}, "votes": {"yes": 1}, "members": 3},
            "votes.yes",
            "unknown key",
        ),
        (
            {"rule": {"kind": "majority"}, "votes": {"for": 1}, "members": 3, "chair": "yes"},
            "chair",
            "expected one of",
        ),
        ({"rule": {"kind": "majority"}, "votes": {"for": 1}, "members": 3, "x": 1}, "x", "unknown"),
    ],
)
def test_vote_from_plain_errors_name_the_key(data, path, words):
    """Bad input gives a LoadError whose problem names the key."""
    with pytest.raises(LoadError) as caught:
        vote_from_plain(data)
    problem = caught.value.problems[0]
    assert path == problem.path
    assert words in problem.message()


def test_vote_from_plain_blank_outside_election():
    """A blank vote in a decision is an error, not an outcome."""
    with pytest.raises(BlankVoteError) as caught:
        vote_from_plain(
            {"rule": {"kind": "majority"}, "votes": {"for": 3, "blank": 1}, "members": 5}
        )
    assert "det kan berre røystast blankt ved val og tilsetjingar" in error_message(
        caught.value, "nn"
    )


# -- the iprmodel_rules catalog ----------------------------------------------------------

_MARKERS = {"N_", "gettext", "VoteRecordError", "BlankVoteError"}


def _source_msgids() -> set[str]:
    found: set[str] = set()
    for path in RULES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            first = node.args[0]
            if (
                name in _MARKERS
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                found.add(first.value)
    return found


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_catalog_is_complete_and_compiled(locale):
    """Every marked message is translated, and the .mo matches the .po."""
    folder = LOCALEDIR / locale / "LC_MESSAGES"
    po = polib.pofile(str(folder / "iprmodel_rules.po"))
    msgids = {entry.msgid for entry in po}
    missing = _source_msgids() - msgids
    assert not missing, f"untranslated in {locale}: {sorted(missing)}"
    for entry in po:
        assert entry.msgstr or all(entry.msgstr_plural.values()), entry.msgid
    compiled = polib.mofile(str(folder / "iprmodel_rules.mo"))
    assert {(e.msgctxt, e.msgid, e.msgstr) for e in po} == {
        (e.msgctxt, e.msgid, e.msgstr) for e in compiled
    }


def test_placeholders_survive_translation():
    """A translation keeps exactly the placeholders of its msgid."""
    import string

    def names(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    for locale in ("nb", "nn"):
        for entry in polib.pofile(str(LOCALEDIR / locale / "LC_MESSAGES" / "iprmodel_rules.po")):
            if entry.msgid_plural:
                continue
            assert names(entry.msgid) == names(entry.msgstr), (locale, entry.msgid)
