# SPDX-License-Identifier: MIT
"""What a council secretary relies on: refusals, visible markers reported as warnings,
placeholders, votes as minutes write them, real Word lists, fonts, Word 2013 mode,
one-line headers, letterheads and exported documents as templates, Windows line ends."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from docx.oxml.ns import qn
from iprmodel_docx import DocxExporter
from iprmodel_docx.minutes import vote_text
from iprmodel_docx.styles import BODY_FONT, HEADING_FONT

from iprmodel import examples
from iprmodel.cli import main
from iprmodel.errors import ExportError
from iprmodel.exporters import ExportRequest, ExportWarning
from iprmodel.model import (
    Council,
    Funding,
    LocalizedText,
    MeetingStatus,
    RecordedOutcome,
    Recurrence,
    Register,
    Tally,
)
from iprmodel.testing import strategies  # noqa: F401  (the contract's generator is used there)


def export(register: Register, document: str, **kwargs: Any) -> bytes:
    return DocxExporter().export(register, ExportRequest(document=document, **kwargs))


def text_of(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


# -- refusals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "needle"),
    [
        ("action-plan", "no action plan"),
        ("evaluation", "no action plan"),
        ("notice", "no meeting"),
        ("minutes", "no held meeting"),
    ],
)
def test_a_document_with_nothing_to_show_is_refused(kind: str, needle: str) -> None:
    register = Register(
        councils=(
            Council(id="tom", formal_name=LocalizedText(nb="Tom interkommunalt politisk råd")),
        )
    )
    with pytest.raises(ExportError, match=needle) as caught:
        export(register, kind)
    assert "tom" in str(caught.value)
    assert export(register, "agreement").startswith(b"PK")  # suggestions from the register


def test_an_evaluation_the_plan_has_not_got_is_refused() -> None:
    with pytest.raises(ExportError, match="no evaluation"):
        export(examples.load("hadeland"), "evaluation")


def test_several_councils_need_a_scope() -> None:
    register = examples.load("all")
    with pytest.raises(ExportError, match="--scope council:ID") as caught:
        export(register, "agreement")
    assert "hadeland, hallingdal" in str(caught.value)
    assert export(register, "agreement", scope="council:hallingdal").startswith(b"PK")


def test_minutes_of_a_meeting_not_held_are_refused(register: Register) -> None:
    council = register.councils[0]
    planned = attrs.evolve(council.meetings[0], id="neste", status=MeetingStatus.PLANNED)
    later = attrs.evolve(register, councils=(attrs.evolve(council, meetings=(planned,)),))
    with pytest.raises(ExportError, match="not held"):
        export(later, "minutes", scope="meeting:neste")


def test_cli_refusal_exits_2_and_warnings_go_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "export",
                "example:hadeland",
                "--format",
                "docx",
                "--document",
                "minutes",
                "-o",
                str(tmp_path / "m.docx"),
            ]
        )
        == 2
    )
    assert "ingen møtebok" in capsys.readouterr().err
    assert not (tmp_path / "m.docx").exists()
    status = main(
        [
            "export",
            "example:hallingdal",
            "--format",
            "docx",
            "--document",
            "notice",
            "--locale",
            "nn",
            "-o",
            str(tmp_path / "n.docx"),
        ]
    )
    output = capsys.readouterr()
    assert status == 0
    assert "åtvaring: notice: møtestaden finst ikkje i registeret" in output.err
    assert "åtvaring" not in output.out


# -- markers and warnings ------------------------------------------------------------


def test_missing_values_are_marked_in_the_language_and_reported() -> None:
    found: list[ExportWarning] = []
    data = export(examples.load("hallingdal"), "minutes", on_warning=found.append, locale="nb")
    text = text_of(data)
    assert "Sted: [ikke fastsatt]" in text
    assert "Møteleder: [ikke fastsatt]" in text
    reported = [w.message() for w in found]
    assert (
        "minutes: the place of the meeting is not in the register; the document shows a marker"
        in reported
    )
    assert len(reported) == len(set(reported))


def test_placeholder_persons_are_shown_as_placeholders() -> None:
    text = text_of(export(examples.load("hallingdal"), "minutes"))
    assert "[Ordførar i Flå]" in text
    assert "plasshaldarar" in text


def test_illustrative_note_is_written_once_under_the_title() -> None:
    document = docx.Document(io.BytesIO(export(examples.load("hallingdal"), "minutes")))
    texts = [p.text for p in document.paragraphs]
    notes = [i for i, t in enumerate(texts) if t.startswith("Illustrerande dato")]
    assert notes == [2]  # title, meeting, then the note
    header = "".join(p.text for p in document.sections[0].header.paragraphs)
    assert "Illustrerande" not in header


# -- votes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "tally", "outcome", "casting", "expected"),
    [
        ("nn", (7, 0), RecordedOutcome.ADOPTED, False, "Samrøystes vedteke."),
        ("nn", (5, 2), RecordedOutcome.ADOPTED, False, "Vedteke med 5 mot 2 røyster."),
        (
            "nn",
            (3, 3),
            RecordedOutcome.ADOPTED,
            True,
            "Vedteke med møteleiaren si dobbeltrøyst (3 mot 3 røyster).",
        ),
        ("nb", (7, 0), RecordedOutcome.ADOPTED, False, "Enstemmig vedtatt."),
        ("nb", (5, 2), RecordedOutcome.ADOPTED, False, "Vedtatt med 5 mot 2 stemmer."),
        (
            "nb",
            (3, 3),
            RecordedOutcome.ADOPTED,
            True,
            "Vedtatt med møteleders dobbeltstemme (3 mot 3 stemmer).",
        ),
        ("nb", (2, 5), RecordedOutcome.REJECTED, False, "Forkastet med 5 mot 2 stemmer."),
        ("en", (5, 2), RecordedOutcome.ADOPTED, False, "Adopted by 5 to 2 votes."),
        # The noun agrees with the last number: "5 mot 1 røyst", never "1 røyster".
        ("nn", (5, 1), RecordedOutcome.ADOPTED, False, "Vedteke med 5 mot 1 røyst."),
        ("nb", (5, 1), RecordedOutcome.ADOPTED, False, "Vedtatt med 5 mot 1 stemme."),
        ("nb", (1, 2), RecordedOutcome.REJECTED, False, "Forkastet med 2 mot 1 stemme."),
        (
            "nn",
            (1, 1),
            RecordedOutcome.ADOPTED,
            True,
            "Vedteke med møteleiaren si dobbeltrøyst (1 mot 1 røyst).",
        ),
        ("en", (5, 1), RecordedOutcome.ADOPTED, False, "Adopted by 5 to 1 vote."),
    ],
)
def test_votes_are_written_as_norwegian_minutes_write_them(
    locale: Any, tally: tuple[int, int], outcome: RecordedOutcome, casting: bool, expected: str
) -> None:
    from iprmodel_docx.words import Words

    value = Tally(votes_for=tally[0], votes_against=tally[1])
    assert vote_text(value, outcome, casting, Words(locale)) == expected


def test_minutes_name_a_rule_that_is_not_a_simple_majority() -> None:
    text = text_of(export(examples.load("hallingdal"), "minutes"))
    assert "Røysteregel: Krev konsensus (ingen kan røyste imot)." in text  # fund allocation
    assert "Røysting: Samrøystes vedteke." in text


# -- the Word base -------------------------------------------------------------------


def test_fonts_compatibility_mode_and_navigable_headings(register: Register) -> None:
    document = docx.Document(io.BytesIO(export(register, "minutes")))
    styles = document.styles.element
    body = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert body.get(qn("w:ascii")) == BODY_FONT[0]
    heading = document.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:ascii")) == HEADING_FONT[0]
    assert heading.get(qn("w:asciiTheme")) is None
    mode = document.settings.element.xpath(
        "string(//w:compatSetting[@w:name='compatibilityMode']/@w:val)"
    )
    assert mode == "15"
    for name in ("Heading 1", "Heading 2"):
        assert document.styles[name].element.pPr.find(qn("w:outlineLvl")) is not None


def test_lists_are_real_word_lists() -> None:
    document = docx.Document(io.BytesIO(export(examples.load("hallingdal"), "agreement")))
    items = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    texts = [p.text for p in items]
    assert (
        "skal behandle og vedta årsbudsjett, strategisk plan/handlingsplan og årsmelding." in texts
    )
    assert not any(t.startswith(("•", "1. ", "- ")) for t in texts)
    assert "Regionrådet skal vera eit samarbeids- og interesseorgan." in texts  # typed "1." gone


def test_agreement_keeps_labels_dates_and_flags_the_name() -> None:
    hallingdal = text_of(export(examples.load("hallingdal"), "agreement"))
    assert "3 a)\u2002Styringsorgan: Representantskapet - Hallingting" in hallingdal
    assert "4.\u2002Namn" in hallingdal  # suggestions continue after the source's 3
    assert "koml. § 18-1 tredje ledd" in hallingdal  # "interkommunale politiske råd"
    assert "Sum\n100\xa0%\n100\xa0%" in hallingdal
    assert "16,67\xa0% (1/6)" in hallingdal
    assert "16,66\xa0% (1/6)" in hallingdal
    hadeland = text_of(export(examples.load("hadeland"), "agreement"))
    assert "Datert: desember 2024" in hadeland
    assert "01.12.2024" not in hadeland
    assert "Versjon: Utkast fra registeret, avtalen datert desember 2024." in hadeland


def test_windows_line_endings_in_clause_text() -> None:
    """Text pasted from Windows (CR LF) splits into the same paragraphs and list items.

    The model refuses a bare CR today (the loader is to normalise it); everything the
    plugin writes goes through ``clean`` and ``split_blocks``, which accept both.
    """
    from iprmodel_docx.agreement import split_blocks
    from iprmodel_docx.builder import Builder

    unix = "Rådet skal:\n• samordne\n• uttale seg\n\nSiste ledd."
    assert (
        split_blocks(unix.replace("\n", "\r\n"))
        == split_blocks(unix)
        == [
            ("text", ["Rådet skal:"]),
            ("bullets", ["samordne", "uttale seg"]),
            ("text", ["Siste ledd."]),
        ]
    )
    builder = Builder(language_tag="nn-NO")
    builder.paragraph("Første linje\r\nandre linje\rtredje")
    builder.bullets(["ein\r\nto"])
    text = text_of(builder.finish())
    assert "\r" not in text
    assert "Første linje\nandre linje\ntredje" in text


def test_header_is_one_line_and_uses_the_short_name() -> None:
    long_name = "Det svært lange og offisielle namnet på eit interkommunalt politisk råd i fjellet"
    register = examples.load("hallingdal")
    council = attrs.evolve(register.councils[0], formal_name=LocalizedText(nn=long_name))
    register = attrs.evolve(register, councils=(council,))
    document = docx.Document(io.BytesIO(export(register, "minutes")))
    header = document.sections[0].header.paragraphs
    assert len(header) == 1
    assert header[0].text.startswith("Hallingdal IPR")
    assert len(header[0].text) <= 95
    assert header[0]._p.pPr.find(qn("w:wordWrap")) is not None


def test_exported_document_as_template_gives_a_clean_result(
    tmp_path: Path, register: Register
) -> None:
    first = tmp_path / "forrige.docx"
    first.write_bytes(export(register, "agreement"))
    data = export(register, "minutes", template=first)
    document = docx.Document(io.BytesIO(data))
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert len(header) == 1  # replaced, not stacked
    assert "Møtebok" in header[0]
    footers = [p for p in document.sections[0].footer.paragraphs if p.text]
    assert len(footers) == 1
    numbering = document.part.numbering_part.element
    names = [n.get(qn("w:val")) for n in numbering.iter(qn("w:name"))]
    assert sorted(names) == ["iprmodel-bullets", "iprmodel-clauses", "iprmodel-numbers"]
    assert "Samarbeidsavtale" not in text_of(data)


# -- plans ---------------------------------------------------------------------------


def test_action_plan_drops_empty_columns_and_keeps_recurrence(register: Register) -> None:
    council = register.councils[0]
    plan = council.action_plans[0]
    tasks = tuple(
        attrs.evolve(
            t,
            lead=None,
            partners=(),
            due=None,
            description=LocalizedText(nn=f"Om {t.id}"),
            funding=(
                Funding(funder="gol", amount=Decimal(50000), recurrence=Recurrence.YEARLY, years=3),
            ),
        )
        for t in plan.tasks
    )
    changed = attrs.evolve(council, action_plans=(attrs.evolve(plan, tasks=tasks),))
    document = docx.Document(
        io.BytesIO(export(attrs.evolve(register, councils=(changed,)), "action-plan"))
    )
    table = document.tables[0]
    assert [c.text for c in table.rows[1].cells] == [
        "Tiltak",
        "Rolle",
        "Budsjett",
        "Finansiering",
        "Status",
    ]
    assert table.rows[2].cells[0].text == "Breiband til alle\nOm t1"
    assert table.rows[2].cells[3].text == "Gol kommune 50\xa0000\xa0kr per år i 3 år"


def test_evaluation_with_nothing_evaluated_says_so(register: Register) -> None:
    council = register.councils[0]
    plan = council.action_plans[0]
    empty = attrs.evolve(plan.evaluations[0], tasks=())
    tasks = tuple(attrs.evolve(t, resourced=None) for t in plan.tasks)
    changed = attrs.evolve(
        council, action_plans=(attrs.evolve(plan, evaluations=(empty,), tasks=tasks),)
    )
    text = text_of(export(attrs.evolve(register, councils=(changed,)), "evaluation"))
    assert "Ingen tiltak er evaluerte i denne evalueringa." in text
    assert "Alle oppgåvene har ressursar." not in text
    assert "Ressursar er ikkje vurderte for 2 av 2 tiltak." in text


def test_cancelled_meeting_notice_says_so_prominently(register: Register) -> None:
    council = register.councils[0]
    cancelled = attrs.evolve(council.meetings[0], status=MeetingStatus.CANCELLED)
    changed = attrs.evolve(register, councils=(attrs.evolve(council, meetings=(cancelled,)),))
    document = docx.Document(io.BytesIO(export(changed, "notice")))
    styles = [p.style.name for p in document.paragraphs]
    assert styles.index("Notice") <= 3  # right under the title
    assert document.paragraphs[styles.index("Notice")].text == "MØTET ER AVLYST."
    assert styles.count("Notice") == 1
    assert "AVLYST" in document.sections[0].header.paragraphs[0].text
