# SPDX-License-Identifier: MIT
"""Each document kind, read back with python-docx and docx2python (never by zip bytes)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx2python import docx2python
from iprmodel_docx import DOCUMENT_KINDS, DocxExporter
from iprmodel_docx.builder import CLAUSE_STYLES, REQUIRED_STYLES, Builder

from iprmodel.errors import ExportError
from iprmodel.exporters import ExportRequest, Registry
from iprmodel.model import Register, WrittenStandard
from iprmodel.testing import with_exemption

Read = Callable[[bytes], tuple[Any, str]]


def export(register: Register, document: str, **kwargs: Any) -> bytes:
    return DocxExporter().export(register, ExportRequest(document=document, **kwargs))


def second_reader_text(data: bytes) -> str:
    """The text as docx2python sees it (an independent reader of the package)."""
    with docx2python(io.BytesIO(data)) as result:
        return str(result.text)


def styles_of(document: Any, name: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == name]


def test_entry_point_metadata() -> None:
    exporter = Registry().load("docx")
    assert (exporter.suffix, exporter.media_type) == (
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


def test_unknown_or_missing_document_names_the_kinds(register: Register) -> None:
    for document in ("letter", None):
        with pytest.raises(ExportError) as caught:
            DocxExporter().export(register, ExportRequest(document=document))
        for kind in DOCUMENT_KINDS:
            assert kind in str(caught.value)


@pytest.mark.parametrize(
    ("scope", "needle"),
    [("room:1", "council, agreement, plan, meeting, body"), ("meeting:nope", "'nope'")],
)
def test_bad_scope_is_a_clear_error(register: Register, scope: str, needle: str) -> None:
    with pytest.raises(ExportError, match=needle):
        export(register, "minutes", scope=scope)


def test_agreement_clauses_use_word_multilevel_numbering(register: Register, read: Read) -> None:
    """Clause headings and paragraphs carry styles whose numbering is one abstractNum."""
    document, _ = read(export(register, "agreement"))
    headings = styles_of(document, "Clause 1")
    # 2 clauses of the council + suggestions for the 7 uncovered items b-h
    assert headings[:2] == ["Namn", "Føremål"]
    assert len(headings) == 9
    assert styles_of(document, "Clause 2")[:2] == [
        "Namnet er Testrådet IPR. Saksframlegg",
        "Andre ledd.",
    ]
    style_ids = {s.name: s.style_id for s in document.styles}
    numbering = document.part.numbering_part.element
    num_ids = set()
    for name in CLAUSE_STYLES:
        numpr = next(s for s in document.styles if s.name == name).element.pPr.numPr
        num_ids.add(numpr.numId.val)
        assert numpr.ilvl.val == CLAUSE_STYLES.index(name)
    assert len(num_ids) == 1
    (num_id,) = num_ids
    num = next(n for n in numbering.findall(qn("w:num")) if n.numId == num_id)
    abstract_id = num.abstractNumId.val
    abstract = next(
        a
        for a in numbering.findall(qn("w:abstractNum"))
        if a.get(qn("w:abstractNumId")) == str(abstract_id)
    )
    levels = {
        lvl.find(qn("w:pStyle")).get(qn("w:val")): lvl.find(qn("w:lvlText")).get(qn("w:val"))
        for lvl in abstract.findall(qn("w:lvl"))
    }
    assert levels == {
        style_ids["Clause 1"]: "%1.",
        style_ids["Clause 2"]: "%1.%2.",
        style_ids["Clause 3"]: "%1.%2.%3.",
    }


def test_agreement_suggestions_come_from_the_model(register: Register, read: Read) -> None:
    """Seats from the composition, shares and notice from participations, legal status."""
    _, text = read(export(register, "agreement", locale="nb"))
    assert "Gol kommune: 2 medlemmer og 2 varamedlemmer (ordfører)." in text
    document, _ = read(export(register, "agreement", locale="nb"))
    shares = [[c.text for c in row.cells] for row in document.tables[1].rows]
    assert shares == [
        ["Deltaker", "Eierandel", "Ansvarsandel"],
        ["Gol kommune", "60\xa0%", "60\xa0%"],
        ["Flå kommune", "40\xa0%", "40\xa0%"],
        ["Sum", "100\xa0%", "100\xa0%"],
    ]
    assert "12 måneders varsel" in text
    assert "Rådet er ikke et eget rettssubjekt." in text
    assert "Gol kommune fører rådets regnskap" in text
    assert "særlig:\nSamferdsel\nNæringsutvikling\n" in text  # matters from the themes, a list
    assert "[Rådet må avgjøre hvordan eiendeler" in text  # dissolution: the council decides


def test_agreement_checklist_parties_adoptions_signatures(register: Register, read: Read) -> None:
    document, _ = read(export(register, "agreement"))
    parties, _shares, checklist, adoptions, signatures = document.tables
    assert [[c.text for c in row.cells] for row in parties.rows][1:] == [
        ["Gol kommune", "964 952 612"],
        ["Flå kommune", "964 951 462"],
    ]
    rows = [[c.text for c in row.cells] for row in checklist.rows][1:]
    assert [r[0] for r in rows] == [f"{letter})" for letter in "abcdefgh"]
    assert rows[0][2] == "1."  # a) covered by the council's own clause 1
    assert rows[1][2] == "3. (forslag)"  # b) by the first suggestion
    assert [[c.text for c in row.cells] for row in adoptions.rows][1:] == [
        ["Gol kommune", "vedteke 19.06.2025, sak PS 33/25"],
        ["Flå kommune", "ikkje vedteke"],
    ]
    for row, party in zip(signatures.rows, ("Gol kommune", "Flå kommune"), strict=True):
        assert row.cells[0].paragraphs[0].text == party
        assert "Stad:" in row.cells[0].text
        assert "Underskrift" in row.cells[1].text
        # a signature block never splits across pages
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_header_footer_fields_and_draft_mark(register: Register, read: Read) -> None:
    document, _ = read(export(register, "agreement"))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    header = "\n".join(p.text for p in section.header.paragraphs)
    assert "Testrådet interkommunalt politisk råd" in header
    assert "UTKAST" in header
    footer = section.footer.paragraphs[-1]
    instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Side ")
    assert " av " in footer.text
    en_footer = (
        read(export(register, "agreement", locale="en"))[0].sections[0].footer.paragraphs[-1]
    )
    assert en_footer.text.startswith("Page ")
    assert " of " in en_footer.text


def test_adopted_plan_and_minutes_are_not_marked_draft(register: Register, read: Read) -> None:
    header = "\n".join(
        p.text for p in read(export(register, "minutes"))[0].sections[0].header.paragraphs
    )
    assert "UTKAST" not in header
    plan_header = read(export(register, "action-plan"))[0].sections[0].header.paragraphs
    assert "UTKAST" in "\n".join(p.text for p in plan_header)  # the test plan is not adopted


def test_core_properties_come_from_the_model(register: Register, read: Read) -> None:
    document, _ = read(export(register, "minutes"))
    core = document.core_properties
    assert core.author == "Testrådet interkommunalt politisk råd"
    assert core.title.startswith("Møtebok")
    assert core.created == datetime(2026, 3, 1, 8, 30, tzinfo=UTC).replace(
        tzinfo=None
    ) or core.created == datetime(2026, 3, 1, 8, 30, tzinfo=UTC)
    assert core.comments == ""
    assert core.language == "nn-NO"
    data = export(register, "agreement")
    package = zipfile.ZipFile(io.BytesIO(data))
    for name in package.namelist():
        if name.startswith("docProps/"):
            assert b"python-docx" not in package.read(name)
            assert b"Macintosh" not in package.read(name)
    assert "docProps/thumbnail.jpeg" not in package.namelist()
    assert read(data)[0].core_properties.created.date().isoformat() == "2025-06-01"


@pytest.mark.parametrize(
    ("written", "locale", "tag", "heading"),
    [
        (WrittenStandard.NYNORSK, None, "nn-NO", "Partar"),
        (None, None, "nb-NO", "Parter"),
        (WrittenStandard.NYNORSK, "nb", "nb-NO", "Parter"),
        (None, "en", "en-GB", "Parties"),
    ],
)
def test_language_for_spell_checking(
    build_register: Any, read: Read, written: Any, locale: Any, tag: str, heading: str
) -> None:
    data = export(build_register(written=written), "agreement", locale=locale)
    document, _ = read(data)
    assert heading in [p.text for p in document.paragraphs]
    styles = document.styles.element
    default_lang = (
        styles.find(qn("w:docDefaults"))
        .find(qn("w:rPrDefault"))
        .find(qn("w:rPr"))
        .find(qn("w:lang"))
    )
    assert default_lang.get(qn("w:val")) == tag
    assert {lang.get(qn("w:val")) for lang in styles.iter(qn("w:lang"))} == {tag}
    settings = document.settings.element
    assert settings.find(qn("w:proofState")) is None
    assert settings.find(qn("w:themeFontLang")).get(qn("w:val")) == tag


def test_same_input_same_bytes(register: Register) -> None:
    for kind in DOCUMENT_KINDS:
        first = export(register, kind)
        assert first == export(register, kind)
        assert {info.date_time for info in zipfile.ZipFile(io.BytesIO(first)).infolist()} == {
            (1980, 1, 1, 0, 0, 0)
        }


def test_action_plan_tables_per_theme(register: Register, read: Read) -> None:
    document, _ = read(export(register, "action-plan"))
    assert styles_of(document, "Heading 1") == ["Samferdsel", "Næringsutvikling"]
    first = document.tables[0]
    assert first.rows[0].cells[0].text == "Samferdsel"  # the theme, repeated on each page
    assert first.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in first.rows[1].cells] == [
        "Tiltak",
        "Rolle",
        "Ansvarleg",
        "Partnarar",
        "Frist",
        "Budsjett",
        "Finansiering",
        "Status",
    ]
    row = [c.text for c in first.rows[2].cells]
    assert row[0] == "Breiband til alle"
    assert row[2:6] == ["Gol kommune", "Flå kommune", "31.12.2026", "250\xa0000\xa0kr"]
    assert row[6] == "Gol kommune 200\xa0000\xa0kr"
    assert first.rows[1]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
    section = document.sections[0]
    assert section.page_width > section.page_height  # landscape for eight columns


def test_evaluation_lists_unresourced_tasks_and_the_rule(register: Register, read: Read) -> None:
    document, text = read(export(register, "evaluation"))
    assert styles_of(document, "Heading 1") == [
        "Status og måloppnåing",
        "Utviklingstrekk",
        "Vidare prioriteringar",
        "Tiltak utan ressursar",
    ]
    assert "Næringshage" in styles_of(document, "List Item")
    assert "Fleire pendlar over kommunegrensene" in styles_of(document, "List Item")
    assert "tiltak utan ressursar går ut av dei felles regionale prioriteringane" in text
    with pytest.raises(ExportError, match="1999"):
        export(register, "evaluation", options={"year": "1999"})


def test_notice_hides_closed_detail_and_lists_summoned(register: Register, read: Read) -> None:
    document, text = read(export(register, "notice"))
    agenda, members, deputies = document.tables
    rows = [[c.text for c in row.cells] for row in agenda.rows][1:]
    assert [r[0] for r in rows] == ["PS 1/2026", "PS 2/2026", "PS 3/2026"]
    assert "11-5" in rows[2][1]
    assert "Hemmeleg" not in text  # the employee's name stays out of the notice
    assert "https://meet.example.no/rep-1" in text
    assert [r.cells[0].text for r in members.rows][1:] == [
        f"Medlem Person {n}" for n in range(1, 5)
    ]
    assert [(r.cells[0].text, r.cells[1].text, r.cells[2].text) for r in deputies.rows][1:] == [
        ("Flå kommune", "1", "Vara Person 3"),
        ("Flå kommune", "2", "Vara Person 4"),
        ("Gol kommune", "1", "Vara Person 1"),
        ("Gol kommune", "2", "Vara Person 2"),
    ]


def test_an_exemption_is_shown_with_the_basis(register: Register, read: Read) -> None:
    """The offentleglova exemption of a closed item follows its koml. § 11-5 basis in
    the notice's agenda and in the minutes; the subject stays out of both."""
    exempted = with_exemption(register, "offl. § 25 første ledd")
    for kind in ("notice", "minutes"):
        text = read(export(exempted, kind))[1]
        assert "(tenesteforhold); offl. § 25 første ledd" in text, kind
        assert "Hemmeleg" not in text, kind


def test_minutes_record_votes_attendance_disqualification(register: Register, read: Read) -> None:
    data = export(register, "minutes")
    _, text = read(data)
    assert "Røysting: Vedteke med 3 mot 1 røyst." in text
    assert "Røysting: Forkasta med 2 mot 1 røyst." in text
    assert "Ugild (koml. § 11-10): Medlem Person 2" in text
    assert "Vara Person 3\nFlå kommune\nmøtte som vara for Medlem Person 3" in text
    assert "Møteleiar: Medlem Person 1" in text
    assert "Hemmeleg" not in text  # closed item: basis only
    assert "§ 11-5" in text
    assert (
        "Hemmeleg vedtak." in read(export(register, "minutes", options={"show-closed": "yes"}))[1]
    )
    assert "Røysting: Vedteke med 3 mot 1 røyst." in second_reader_text(data)


def test_template_missing_styles_named_in_one_error(tmp_path: Path) -> None:
    bare = docx.Document()
    for style in list(bare.styles):
        if style.name in ("Title", "Table Grid"):
            style.element.getparent().remove(style.element)
    path = tmp_path / "brevmal.docx"
    bare.save(str(path))
    with pytest.raises(ExportError) as caught:
        DocxExporter().export(make_any(), ExportRequest(document="agreement", template=path))
    message = str(caught.value)
    assert "'Title'" in message
    assert "'Table Grid'" in message
    assert "'Heading 1'" not in message


def test_template_header_logo_and_margins_are_kept(
    tmp_path: Path, register: Register, read: Read
) -> None:
    letterhead = docx.Document()
    section = letterhead.sections[0]
    section.left_margin = docx.shared.Cm(4)
    section.header.paragraphs[0].text = "Brevhovud frå Testrådet"
    letterhead.add_paragraph("Eksempeltekst som skal bort")
    path = tmp_path / "brevmal.docx"
    letterhead.save(str(path))
    document, text = read(
        DocxExporter().export(register, ExportRequest(document="notice", template=path))
    )
    assert round(document.sections[0].left_margin.cm, 1) == 4.0
    # python-docx's own template is US Letter; the document is still A4.
    assert round(document.sections[0].page_width.cm, 1) == 21.0
    assert round(document.sections[0].page_height.cm, 1) == 29.7
    header = [p.text for p in document.sections[0].header.paragraphs]
    assert header == ["Brevhovud frå Testrådet"]  # the letterhead replaces our header line
    assert "Eksempeltekst" not in text
    assert "Møteinnkalling" in text


def test_template_that_is_not_a_docx(tmp_path: Path, register: Register) -> None:
    path = tmp_path / "brevmal.docx"
    path.write_text("not a zip")
    with pytest.raises(ExportError, match="not a Word document"):
        DocxExporter().export(register, ExportRequest(document="notice", template=path))


def test_template_that_unpacks_to_too_much_is_refused(tmp_path: Path, register: Register) -> None:
    """A small template that unpacks to gigabytes (a zip bomb) is refused before it is
    read, by the sizes its zip directory states (here 100 MB in about 100 kB)."""
    path = tmp_path / "brevmal.docx"
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as package,
        package.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        for _ in range(100):
            member.write(bytes(1 << 20))
    assert path.stat().st_size < 1 << 20
    with pytest.raises(ExportError, match="unpacks to 100 MB, more than the 64 MB"):
        DocxExporter().export(register, ExportRequest(document="notice", template=path))


# The model already refuses control characters; what it lets through must still be safe.
UNTRUSTED = "A & B <c> \"d\" 'e' ]]> &amp; \ufeff ny\nlinje\nog\ttab " + "x" * 500


def test_untrusted_text_survives(build_register: Any, read: Read) -> None:
    register = build_register(text=UNTRUSTED)
    for kind in ("agreement", "minutes"):
        data = export(register, kind)
        _, text = read(data)
        flat = text.replace("\u200b", "")
        assert "A & B <c> \"d\" 'e' ]]> &amp; \ufeff ny\nlinje\nog\ttab " in flat
        assert "x" * 500 in flat
        assert "x" * 21 not in text  # the long word has break opportunities
        assert "x" * 100 in second_reader_text(data).replace("\u200b", "")


def test_builder_strips_what_xml_cannot_hold(read: Read) -> None:
    """Control characters, lone surrogates and U+FFFE never reach the XML."""
    builder = Builder(language_tag="nb-NO")
    builder.paragraph("før\x00\x0b\x1b\ufffe\ud800etter\r\nny linje")
    builder.table([("a\x0c", "b\x7f")], header=("x\x01", "y"))
    document, text = read(builder.finish())
    assert "føretter\nny linje" in text
    assert [c.text for c in document.tables[0].rows[1].cells] == ["a", "b"]


def make_any() -> Register:
    from iprmodel.model import Council, LocalizedText

    return Register(
        councils=(Council(id="x", formal_name=LocalizedText(nb="X interkommunalt politisk råd")),)
    )


def test_required_styles_exist_in_output(register: Register, read: Read) -> None:
    """A document we made is itself a valid letterhead (the how-to relies on it)."""
    document, _ = read(export(register, "agreement"))
    names = {s.name for s in document.styles}
    assert set(REQUIRED_STYLES) <= names


def test_minutes_are_for_held_meetings_and_all_day_dates_have_no_clock() -> None:
    """Ringerike's minutes are of the held two-day gathering, dated without midnight times."""
    from iprmodel import examples

    data = DocxExporter().export(
        examples.load("ringeriksregionen"), ExportRequest(document="minutes", locale="nb")
    )
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)

    assert "Strategisamling" in text
    assert "mandag 12.01.2026 \u2013 tirsdag 13.01.2026" in text
    assert "kl. 00.00" not in text


def test_illustrative_meeting_says_so() -> None:
    """A meeting from a generated plan is marked as illustrative in its notice."""
    from iprmodel import examples

    data = DocxExporter().export(
        examples.load("hallingdal"),
        ExportRequest(document="notice", scope="meeting:hallingtinget-2026-2", locale="nn"),
    )
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)

    assert "Illustrerande dato" in text
