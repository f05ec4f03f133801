# SPDX-License-Identifier: MIT
"""Provenance in the documents: an assumed value is marked and its note written out,
the sources are listed, placeholders are named in the document's language, and a tie
whose chair's vote is not recorded is said to be so (docs/explanation/provenance.md)."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from iprmodel_docx import DocxExporter

from iprmodel import examples
from iprmodel.exporters import ExportRequest, ExportWarning
from iprmodel.model import LocalizedText, Register, Tally, Task


def _text(data: bytes, read: Any) -> str:
    return str(read(data)[1])


def _export(register: Register, **request: Any) -> bytes:
    return DocxExporter().export(register, ExportRequest(**request))


def test_assumed_task_modes_are_marked_and_explained(read: Any) -> None:
    register = examples.load("hadeland")
    plan = register.councils[0].action_plans[0]
    assumed = [t for t in plan.tasks if t.assumption is not None]
    assert assumed  # Hadeland's task modes are read from the tasks' wording
    document, text = read(_export(register, document="action-plan", locale="nb"))
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    for task in assumed:
        title = task.title.get("nb")
        assert any(c.startswith(title) and "(antatt, se merknad" in c for c in cells), title
    unmarked = [t for t in plan.tasks if t.assumption is None]
    for task in unmarked:
        title = task.title.get("nb")
        assert not any(c.startswith(title) and "antatt" in c for c in cells), title
    assert "Merknader" in text
    note = assumed[0].assumption.get("nb")  # type: ignore[union-attr]
    assert f"Antatt, ikke bekreftet av en kilde: {note}" in text
    assert text.count(note) == 1  # one note for the twelve tasks, numbered once
    assert "Kilder" in text
    assert "Region Hadeland: Om regionrådet, https://regionhadeland.no/" in text


@pytest.mark.parametrize(
    ("locale", "marker", "heading", "sources"),
    [
        ("nn", "(anteke, sjå merknad 1)", "Merknader", "Kjelder"),
        ("en", "(assumed, see note 1)", "Notes", "Sources"),
    ],
)
def test_notice_marks_the_assumed_body_in_every_language(
    read: Any, locale: str, marker: str, heading: str, sources: str
) -> None:
    register = examples.load("hallingdal")
    document, _ = read(_export(register, document="notice", locale=locale))
    paragraphs = [p.text for p in document.paragraphs]
    assert any(p.endswith(marker) and "Hallingtinget" in p for p in paragraphs)
    assert heading in paragraphs
    assert sources in paragraphs


def test_a_register_without_sources_or_assumptions_has_no_such_sections(
    register: Register, read: Any
) -> None:
    for kind in ("agreement", "action-plan", "notice", "minutes"):
        text = _text(_export(register, document=kind), read)
        assert "Merknader" not in text
        assert "Kjelder" not in text
        assert "anteke" not in text


def test_the_same_assumption_gets_one_number(register: Register, read: Any) -> None:
    council = register.councils[0]
    plan = council.action_plans[0]
    note = LocalizedText(nn="Modusen er lesen ut av ordlyden.")
    tasks: tuple[Task, ...] = tuple(attrs.evolve(t, assumption=note) for t in plan.tasks)
    changed = attrs.evolve(
        register,
        councils=(attrs.evolve(council, action_plans=(attrs.evolve(plan, tasks=tasks),)),),
    )
    text = _text(_export(changed, document="action-plan"), read)
    assert text.count("(anteke, sjå merknad 1)") == len(tasks)
    assert "merknad 2" not in text
    assert "1. Anteke, ikkje stadfesta av ei kjelde: Modusen er lesen ut av ordlyden." in text


@pytest.mark.parametrize(
    ("example", "locale", "wanted", "unwanted"),
    [
        ("hallingdal", "nb", "[Ordfører i Gol]", "Ordførar"),
        ("hallingdal", "en", "[Mayor of Gol]", "Ordførar"),
        ("hallingdal", "nb", "[Daglig leder i Hallingdal IPR]", "Dagleg leiar"),
        ("ringeriksregionen", "nn", "[Ordførar i Ringerike]", "[Ordfører"),
        ("hadeland", "nn", "[Opposisjonspolitikar frå Gran]", "Opposisjonspolitiker"),
    ],
)
def test_placeholders_are_named_in_the_documents_language(
    read: Any, example: str, locale: str, wanted: str, unwanted: str
) -> None:
    register = examples.load(example)
    text = _text(_export(register, document="notice", locale=locale), read)
    assert wanted in text
    assert unwanted not in text


def test_two_placeholders_with_one_role_are_numbered(read: Any) -> None:
    text = _text(_export(examples.load("hallingdal"), document="notice", locale="nn"), read)
    assert "[Folkevald frå Flå (1)]" in text
    assert "[Folkevald frå Flå (2)]" in text


def _tied(register: Register) -> Register:
    council = register.councils[0]
    meeting = council.meetings[0]
    first = attrs.evolve(meeting.agenda[0], tally=Tally(votes_for=2, votes_against=2))
    meeting = attrs.evolve(meeting, agenda=(first, *meeting.agenda[1:]))
    return attrs.evolve(
        register,
        councils=(attrs.evolve(council, meetings=(meeting, *council.meetings[1:])),),
    )


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "nn",
            "Røystelikskap, 2 mot 2 røyster. Møteleiaren si røyst avgjer ved røystelikskap"
            " (koml. § 11-9 andre ledd) og er ikkje ført: [ikkje fastsett]",
        ),
        (
            "nb",
            "Stemmelikhet, 2 mot 2 stemmer. Møteleders stemme avgjør ved stemmelikhet"
            " (koml. § 11-9 andre ledd) og er ikke ført: [ikke fastsatt]",
        ),
    ],
)
def test_a_tie_without_the_chairs_vote_is_not_written_as_a_decision(
    register: Register, read: Any, locale: str, expected: str
) -> None:
    found: list[ExportWarning] = []
    data = _export(_tied(register), document="minutes", locale=locale, on_warning=found.append)
    text = _text(data, read)
    assert expected in text
    assert "Vedteke med 2" not in text
    assert "Vedtatt med 2" not in text
    assert any("the chair's vote in a tied vote" in w.message() for w in found)


@pytest.mark.external
def test_pdf_shows_markers_notes_sources_and_placeholders(tmp_path: Any, to_pdf_text: Any) -> None:
    files = {
        "plan-nb": _export(examples.load("hadeland"), document="action-plan", locale="nb"),
        "minutes-nn": _export(examples.load("hallingdal"), document="minutes", locale="nn"),
        "notice-nb": _export(examples.load("hallingdal"), document="notice", locale="nb"),
    }
    text = to_pdf_text(files, tmp_path)
    plan = " ".join(text["plan-nb"].split())
    assert plan.count("(antatt, se merknad 2)") == 12
    assert "Merknader" in plan
    assert "2. Antatt, ikke bekreftet av en kilde: Modusen" in plan
    assert "Kilder" in plan
    minutes = " ".join(text["minutes-nn"].split())
    assert "Hallingtinget (anteke, sjå merknad 1)" in minutes
    assert "Kjelder" in minutes
    assert "[Ordførar i Gol]" in minutes
    notice = text["notice-nb"]
    assert "[Ordfører i Gol]" in notice
    assert "Ordførar" not in notice
