# SPDX-License-Identifier: MIT
"""An agreement of the register itself (a county's membership agreements, a
bygdevekstavtale) is written as a record of what the register holds: never as a draft
cooperation agreement with a § 18-4 checklist, never with its summary shown as its text."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from iprmodel_docx import DocxExporter
from iprmodel_docx.words import NotWritten

from iprmodel import examples
from iprmodel.cli import main
from iprmodel.errors import ExportError
from iprmodel.exporters import ExportRequest, ExportWarning
from iprmodel.model import Adoption, Register


def _export(register: Register, **request: Any) -> bytes:
    return DocxExporter().export(register, ExportRequest(document="agreement", **request))


@pytest.fixture(scope="module")
def innlandet() -> Register:
    return examples.load("innlandet")


def test_outline_register_writes_its_first_agreement_as_a_record(
    innlandet: Register, read: Any
) -> None:
    document, text = read(_export(innlandet))
    assert (
        document.paragraphs[0].text
        == "Fylkeskommunalt medlemskap i de interkommunale politiske rådene"
    )
    # What it is, and that the summary is not the agreement's text.
    assert "ikke ført under ett bestemt råd, så den er ikke kontrollert mot koml. § 18-4" in text
    assert "Registeret har et sammendrag, ikke teksten i avtalen." in text
    assert "Sjekkliste" not in text
    assert "forslag" not in text
    rows = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    # The fylkesting adopted it (koml. § 5-1), on the day the source gives.
    assert rows[1] == ["Innlandet fylkeskommune", "Fylkestinget", "vedtatt 12.02.2025"]
    # The assumption is marked and explained; the source is listed.
    assert "(antatt, se merknad 1)" in text
    assert "Antatt, ikke bekreftet av en kilde: Én oppføring står for avtalene" in text
    assert "Kilder" in text
    assert "Innlandet fylkeskommune: Fylkeskommunalt medlemskap" in text


def test_scope_picks_a_record_in_nynorsk_with_its_period_and_parties(
    innlandet: Register, read: Any
) -> None:
    data = _export(innlandet, scope="agreement:bygdevekstavtale-sor-osterdal", locale="nn")
    document, text = read(data)
    assert "Periode: 01.01.2025–31.12.2028 (anteke, sjå merknad 1)" in text
    assert "Samandrag" in text
    assert "Registeret har ikkje ført noko vedtak" in text
    parties = [row.cells[0].text for row in document.tables[0].rows][1:]
    assert parties == [
        "Kommunal- og distriktsdepartementet",
        "Trysil kommune",
        "Åmot kommune",
        "Engerdal kommune",
        "Våler kommune",
    ]
    assert data == _export(innlandet, scope="agreement:bygdevekstavtale-sor-osterdal", locale="nn")


@pytest.mark.parametrize(
    ("scope", "words"),
    [
        ("agreement:", "--scope agreement: needs the id of an agreement"),
        ("agreement:nope", "no agreement with the id 'nope'; the register holds: fylkes"),
    ],
)
def test_a_bad_agreement_scope_says_what_is_wrong(
    innlandet: Register, scope: str, words: str
) -> None:
    with pytest.raises(ExportError) as caught:
        _export(innlandet, scope=scope)
    assert caught.value.message().startswith(words)


def test_other_documents_are_refused_naming_the_agreements(innlandet: Register) -> None:
    for kind in ("action-plan", "notice", "minutes"):
        with pytest.raises(ExportError) as caught:
            DocxExporter().export(innlandet, ExportRequest(document=kind))
        message = caught.value.message()
        assert "outline" in message
        assert "--scope agreement:ID" in message
        assert "fylkeskommunalt-medlemskap-2025, bygdevekstavtale-sor-osterdal" in message


def test_a_council_in_full_keeps_its_own_agreement_by_default(
    innlandet: Register, read: Any
) -> None:
    hallingdal = examples.load("hallingdal")
    register = attrs.evolve(
        hallingdal,
        participants=(*hallingdal.participants, innlandet.participant("innlandet")),
        agreements=innlandet.agreements[:1],
    )
    _, text = read(_export(register))
    assert "Sjekkliste: koml. § 18-4 fjerde ledd" in text  # the council's own draft
    scoped = read(_export(register, scope="agreement:fylkeskommunalt-medlemskap-2025"))[1]
    assert "ikke kontrollert mot koml. § 18-4 her" in scoped


def test_an_adoption_by_a_municipality_names_the_municipal_council(
    innlandet: Register, read: Any
) -> None:
    deal = innlandet.agreements[1]
    adopted = attrs.evolve(
        deal, adoptions=(Adoption(party="trysil", date=date(2025, 3, 1), case_number="25/12"),)
    )
    register = attrs.evolve(innlandet, agreements=(adopted,))
    document, _ = read(_export(register, locale="en"))
    rows = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert rows[1] == ["Trysil kommune", "Municipal council", "adopted 1 March 2025, case 25/12"]


def test_a_folder_gets_every_document_the_register_has(innlandet: Register) -> None:
    """``files`` (``-o DIR/`` without ``--document``): each kind that can be written, the
    others named in a warning with the refusal's reason."""
    warned: list[ExportWarning] = []
    hallingdal = examples.load("hallingdal")
    written = DocxExporter().files(hallingdal, ExportRequest(on_warning=warned.append))

    assert sorted(written) == ["agreement.docx", "minutes.docx", "notice.docx"]
    assert written["notice.docx"] == DocxExporter().export(
        hallingdal, ExportRequest(document="notice")
    )
    left_out = [w.message() for w in warned if isinstance(w, NotWritten)]
    assert [m.split(":")[0] for m in left_out] == ["action-plan, evaluation"]
    assert "has no action plan" in left_out[0]

    warned.clear()
    records = DocxExporter().files(innlandet, ExportRequest(on_warning=warned.append))
    assert sorted(records) == [
        "agreement-bygdevekstavtale-sor-osterdal.docx",
        "agreement-fylkeskommunalt-medlemskap-2025.docx",
    ]
    # One warning per reason, naming the kinds it left out.
    assert [w.message().split(": not written")[0] for w in warned if isinstance(w, NotWritten)] == [
        "action-plan, evaluation, notice, minutes"
    ]
    # The ministry, a party to the bygdevekstavtale, has no organisation number here.
    assert [w.message() for w in warned if not isinstance(w, NotWritten)] == [
        "agreement: the organisation number of a party is not in the register;"
        " the document shows a marker"
    ]
    # A council in full beside the register's own agreements: both kinds of agreement.
    mixed = attrs.evolve(hallingdal, agreements=innlandet.agreements[1:])
    assert "agreement-bygdevekstavtale-sor-osterdal.docx" in DocxExporter().files(
        mixed, ExportRequest()
    )
    assert "agreement.docx" in DocxExporter().files(mixed, ExportRequest())


def test_the_command_line_writes_the_folder_or_asks_for_a_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "example:innlandet", "--format", "docx", "-o", f"{tmp_path}/"]) == 0
    assert sorted(p.name for p in (tmp_path / "innlandet-docx").iterdir()) == [
        "agreement-bygdevekstavtale-sor-osterdal.docx",
        "agreement-fylkeskommunalt-medlemskap-2025.docx",
    ]
    target = tmp_path / "one.docx"
    status = main(
        ["--locale", "en", "export", "example:innlandet", "--format", "docx", "-o", str(target)]
    )
    assert status == 2
    assert "choose one with --document" in capsys.readouterr().err
    assert not target.exists()


def test_several_councils_get_their_documents_by_council() -> None:
    warned: list[ExportWarning] = []
    written = DocxExporter().files(examples.load("all"), ExportRequest(on_warning=warned.append))
    # Each warning says whose document it is about.
    assert warned
    assert all(
        w.message().split(":")[0]
        in {"hadeland", "hallingdal", "hamarregionen", "ringeriksregionen"}
        for w in warned
    )
    assert {"hallingdal.agreement.docx", "hadeland.action-plan.docx"} <= set(written)
    assert all(
        name.split(".")[0] in {c.id for c in examples.load("all").councils}
        or name.startswith("agreement-")
        for name in written
    )
