# SPDX-License-Identifier: MIT
"""Assumptions listed for the secretariat: where they are, what they say, in every locale."""

from __future__ import annotations

import attrs

from iprmodel.model import LocalizedText, Municipality, Register, Source
from iprmodel.rules import provenance
from iprmodel.rules.findings import Severity
from iprmodel.rules.law import check

NOTE = LocalizedText(
    nb="Ingen kilde gir startdatoen.", nn="Inga kjelde gjev startdatoen.", en="No source dates it."
)


def _with_participation_note(register: Register) -> Register:
    council = register.councils[0]
    participations = (
        attrs.evolve(council.participations[0], assumption=NOTE),
        *council.participations[1:],
    )
    return attrs.evolve(register, councils=(attrs.evolve(council, participations=participations),))


def test_the_lawful_register_has_nothing_to_confirm(good: Register) -> None:
    assert provenance.check(good) == ()


def test_a_note_is_listed_with_its_path_and_its_own_words(good: Register) -> None:
    """The path names the object (by id or index), the message carries the note per locale."""
    (finding,) = provenance.check(_with_participation_note(good))

    assert finding.code == "IPR-DATA-ASSUMPTION"
    assert finding.severity is Severity.INFO
    assert finding.path == "councils[demo].participations[0]"
    assert "Inga kjelde gjev startdatoen." in finding.message("nn")
    assert "Ingen kilde gir startdatoen." in finding.message("nb")
    assert "No source dates it." in finding.message("en")
    assert finding.message("nb") != finding.message("en")


def test_notes_outside_councils_are_listed_too(good: Register) -> None:
    """A participant's note (Gol's written standard) is named by the participant's id."""
    first = good.participants[0]
    assert isinstance(first, Municipality)
    marked = attrs.evolve(first, assumption=NOTE, sources=(Source(title="Målvedtak"),))
    register = attrs.evolve(good, participants=(marked, *good.participants[1:]))

    paths = [path for path, _ in provenance.assumptions(register)]

    assert paths == [f"participants[{first.id}]"]


def test_validate_reports_assumptions_and_an_outline_council_has_no_law_errors(
    good: Register,
) -> None:
    """An outline council is not checked against the law; validate says it is an outline."""
    council = attrs.evolve(good.councils[0], bodies=(), meetings=(), appointments=(), outline=True)
    findings = check(attrs.evolve(good, councils=(council,)))

    assert not [f for f in findings if f.severity is Severity.ERROR]
    assert [f.code for f in findings if f.code.startswith("IPR-DATA-")] == ["IPR-DATA-OUTLINE"]
