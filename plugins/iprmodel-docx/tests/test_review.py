# SPDX-License-Identifier: MIT
"""What a council secretary checks on the rendered pages, in Bokmål and Nynorsk.

Every example's documents in both written standards are converted by LibreOffice once;
the tests read the PDF text (pdftotext) and, where layout is the point, the XML.
Each test names the defect it guards against, as found when reviewing the pages.
"""

from __future__ import annotations

import io
import itertools
import re
from typing import Any

import attrs
import docx
import polib
import pytest
from docx.oxml.ns import qn
from iprmodel_docx import DOCUMENT_KINDS, DocxExporter
from iprmodel_docx.words import DOMAIN, LOCALEDIR

from iprmodel import examples
from iprmodel.errors import ExportError
from iprmodel.exporters import ExportRequest
from iprmodel.model import (
    Appointment,
    Contact,
    LocalizedText,
    MeetingKind,
    Person,
    Register,
    SeatKind,
    StaffMember,
    StaffRole,
)

pytestmark = pytest.mark.external

EXAMPLES = tuple(name for name in examples.names() if name != "all")
LOCALES = ("nb", "nn")
#: Extra meetings (not the default choice) whose pages were reviewed.
MEETINGS = {
    "hallingdal-rr-minutes": ("hallingdal", "minutes", "meeting:regionradet-2026-1"),
    "hallingdal-rr-notice": ("hallingdal", "notice", "meeting:regionradet-2026-1"),
}


def _export(register: Register, kind: str, locale: str, scope: str | None = None) -> bytes | None:
    try:
        return DocxExporter().export(
            register, ExportRequest(document=kind, locale=locale, scope=scope)
        )
    except ExportError:
        return None  # refused: nothing to show (checked in test_libreoffice)


@pytest.fixture(scope="module")
def pages(
    tmp_path_factory: pytest.TempPathFactory, to_pdf_text: Any, build_register: Any
) -> dict[str, str]:
    """``"example-kind-locale" -> pdftotext -layout`` for every document that is written."""
    files: dict[str, bytes] = {}
    for name in EXAMPLES:
        register = examples.load(name)
        for kind in DOCUMENT_KINDS:
            for locale in LOCALES:
                if (data := _export(register, kind, locale)) is not None:
                    files[f"{name}-{kind}-{locale}"] = data
    for key, (name, kind, scope) in MEETINGS.items():
        for locale in LOCALES:
            data = _export(examples.load(name), kind, locale, scope)
            assert data is not None
            files[f"{key}-{locale}"] = data
    for locale in LOCALES:
        test_register = build_register()
        for kind in ("notice", "minutes"):
            data = _export(test_register, kind, locale)
            assert data is not None
            files[f"test-{kind}-{locale}"] = data
        acting = _with_acting_chair(test_register)
        data = _export(acting, "minutes", locale)
        assert data is not None
        files[f"test-acting-minutes-{locale}"] = data
        data = _export(_extraordinary(test_register), "notice", locale)
        assert data is not None
        files[f"test-extra-notice-{locale}"] = data
        data = _export(test_register, "action-plan", locale)
        assert data is not None
        files[f"test-action-plan-{locale}"] = data
    return to_pdf_text(files, tmp_path_factory.mktemp("review"))


def _with_acting_chair(register: Register) -> Register:
    """The test meeting chaired by an elected acting chair, its first case by another."""
    council = register.councils[0]
    meeting = council.meetings[0]
    agenda = (attrs.evolve(meeting.agenda[0], chaired_by="medlem-2"), *meeting.agenda[1:])
    meeting = attrs.evolve(meeting, acting_chair="medlem-4", agenda=agenda)
    council = attrs.evolve(council, meetings=(meeting, *council.meetings[1:]))
    return attrs.evolve(register, councils=(council, *register.councils[1:]))


def _extraordinary(register: Register) -> Register:
    """The test meeting as an extraordinary one, with an observer and a deputy whose
    appointments the register marks as assumptions."""
    council = register.councils[0]
    meeting = attrs.evolve(council.meetings[0], kind=MeetingKind.EXTRAORDINARY)
    guess = LocalizedText(nn="Utnemninga er lesen ut av ei pressemelding.")
    observer = Appointment(
        id="obs",
        person="observator",
        body="rep",
        seat=SeatKind.OBSERVER,
        assumption=LocalizedText(nn="Observatøren er anteken ut frå møtepraksis."),
    )
    appointments = (
        *(attrs.evolve(a, assumption=guess) if a.id == "v1" else a for a in council.appointments),
        observer,
    )
    manager = StaffMember(person="sekretar", role=StaffRole.GENERAL_MANAGER)
    council = attrs.evolve(
        council, meetings=(meeting,), appointments=appointments, staff=(manager,)
    )
    persons = (
        Person(id="observator", name="Olav Observatør"),
        Person(
            id="sekretar",
            name="Siri Sekretær",
            contact=Contact(email="post@testradet.no", phone="+47 32 00 00 00"),
        ),
    )
    return attrs.evolve(register, councils=(council,), persons=(*register.persons, *persons))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _page_of(text: str, needle: str) -> int:
    """The 1-based page (form feed separated) on which ``needle`` stands."""
    for number, page in enumerate(text.split("\f"), start=1):
        if needle in _flat(page):
            return number
    raise AssertionError(f"{needle!r} is not in the document")


def test_header_uses_the_short_name_instead_of_cutting_the_long_one(
    pages: dict[str, str],
) -> None:
    # Found: "Interkommunalt politisk råd for… – Samarbeidsavtale – UTKAST".
    for key, text in pages.items():
        first = text.strip().splitlines()[0]
        assert "råd for…" not in first, (key, first)
    assert (
        pages["ringeriksregionen-agreement-nb"]
        .lstrip()
        .startswith("Ringeriksregionen IPR – Samarbeidsavtale")
    )


def test_no_heading_repeats_itself_as_a_label(pages: dict[str, str]) -> None:
    # Found: "Sakliste / Sakliste: [ikkje fastsett]", "Saker / Saker: [ikkje fastsett]".
    for key, text in pages.items():
        for line, following in itertools.pairwise(text.splitlines()):
            heading = line.strip()
            if heading and following.strip().startswith(heading + ":"):
                pytest.fail(f"{key}: {heading!r} is followed by {following.strip()!r}")


def test_vote_noun_agrees_with_the_last_number(pages: dict[str, str]) -> None:
    # Found: "Vedteke med 5 mot 1 røyster."
    for key, text in pages.items():
        assert not re.search(r"mot 1 (røyster|stemmer)\b", _flat(text)), key
    assert "Vedteke med 5 mot 1 røyst." in _flat(pages["hallingdal-rr-minutes-nn"])
    assert "Vedtatt med 5 mot 1 stemme." in _flat(pages["hallingdal-rr-minutes-nb"])
    assert "Krev konsensus (ingen kan røyste imot)." in _flat(pages["hallingdal-rr-minutes-nn"])


def test_closed_item_states_its_basis_once_in_the_minutes(pages: dict[str, str]) -> None:
    # Found: the basis in the heading and again in "Lukka møte, heimel: ...".
    for locale in LOCALES:
        text = _flat(pages[f"hallingdal-rr-minutes-{locale}"])
        assert text.count("§ 11-5 andre ledd bokstav a") == 1, locale
    assert "PS 5/2026 Unnateke offentlegheit Sakstype" in _flat(pages["hallingdal-rr-minutes-nn"])


def test_a_heading_stays_on_the_page_of_its_table(pages: dict[str, str]) -> None:
    # Found: "Vedtak i deltakarane" and its lead-in alone at the foot of page 3.
    text = pages["hallingdal-agreement-nn"]
    assert _page_of(text, "Vedtak i deltakarane") == _page_of(text, "Flå kommune ikkje vedteke")


def test_a_task_row_is_never_split_across_pages(pages: dict[str, str]) -> None:
    # Found: the second half of a task's description alone on the next page.
    text = pages["hadeland-action-plan-nb"]
    assert _page_of(text, "Drøfte hva slags type arbeid") == _page_of(
        text, "gjøres innen dette området"
    )


def test_the_sender_is_named_as_what_they_are(pages: dict[str, str]) -> None:
    # Found: "For sekretariatet: Medlem Person 1, leiar" and "..., Daglig leder".
    assert "Innkalla av: Medlem Person 1, leiar" in _flat(pages["test-notice-nn"])
    assert "For sekretariatet: Medlem" not in _flat(pages["test-notice-nn"])
    assert "For sekretariatet: Ingunn Granaasen, daglig leder" in _flat(pages["hadeland-notice-nb"])


def test_representation_is_a_list_with_numbers_before_nouns(pages: dict[str, str]) -> None:
    # Found: "3.2. Gran kommune: medlemmer 3, varamedlemmer 3" as numbered subclauses.
    text = pages["hadeland-agreement-nb"]
    assert re.search(r"•\s+Gran kommune: 3 medlemmer og 3 varamedlemmer", text)
    assert "medlemmer 3" not in text
    assert re.search(
        r"•\s+Ringerike kommune: 3 medlemer og 3 varamedlemer",
        pages["ringeriksregionen-agreement-nn"],
    )


def test_a_plan_without_tasks_says_so_and_explains_no_roles(pages: dict[str, str]) -> None:
    # Found: a role legend above nothing at all.
    text = _flat(pages["ringeriksregionen-action-plan-nn"])
    assert "Planen har ingen tiltak i registeret enno." in text
    assert "Under kvart tema" not in text


def test_signature_blocks_have_no_grid_lines(build_register: Any) -> None:
    # Found: boxed signature blocks that look like a form.
    for kind in ("agreement", "minutes"):
        data = DocxExporter().export(build_register(), ExportRequest(document=kind))
        last = docx.Document(io.BytesIO(data)).tables[-1]._tbl
        borders = last.tblPr.find(qn("w:tblBorders"))
        assert borders is not None, kind
        assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}, kind


def test_paragraph_before_every_table_is_kept_with_it() -> None:
    for name in EXAMPLES:
        register = examples.load(name)
        for kind in DOCUMENT_KINDS:
            data = _export(register, kind, "nb")
            if data is None:
                continue
            body = docx.Document(io.BytesIO(data)).element.body
            children = list(body)
            for before, table in itertools.pairwise(children):
                if table.tag != qn("w:tbl") or before.tag != qn("w:p"):
                    continue
                if not "".join(t.text or "" for t in before.iter(qn("w:t"))).strip():
                    continue
                assert before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None, (name, kind)
            for row in body.iter(qn("w:tr")):
                assert row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None, (name, kind)


@pytest.mark.parametrize(
    ("locale", "wrong", "why"),
    [
        ("nb", r"\boppgave", "the plans call them tiltak"),
        ("nn", r"\boppgåve", "the plans call them tiltak"),
        ("nn", r"\bsaksliste|\bsakslist", "Nynorsk writes sakliste"),
        ("nn", r"\bmedlemmer\b|\bvedtatt\b|\bstemmer\b|\bikke\b", "Bokmål in Nynorsk"),
        ("nb", r"\bvedteke\b|\brøyst|\bikkje\b|\bmøteleiar", "Nynorsk in Bokmål"),
    ],
)
def test_catalog_terminology_is_consistent(locale: str, wrong: str, why: str) -> None:
    catalog = polib.pofile(str(LOCALEDIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"))
    bad = [e.msgstr for e in catalog if re.search(wrong, e.msgstr, re.IGNORECASE)]
    assert bad == [], why


# -- what stopped a secretary from sending the notice or the minutes the same day ----


def test_the_notice_gives_the_proposal_of_every_open_case(pages: dict[str, str]) -> None:
    # Found: the notice listed the cases but not their innstilling / forslag til vedtak,
    # which members need to prepare (the register holds it for every Hallingdal case).
    nn = _flat(pages["hallingdal-notice-nn"])
    assert (
        "PS 6/2026 Budsjett 2027 for Hallingdal interkommunale politiske råd "
        "Framlegg til vedtak: Hallingtinget vedtek budsjett for 2027 slik Regionrådet tilrår."
    ) in nn
    assert "Forslag til vedtak: Hallingtinget vedtek handlingsprogrammet for 2027." in _flat(
        pages["hallingdal-notice-nb"]
    )
    rr = _flat(pages["hallingdal-rr-notice-nn"])
    assert rr.count("PS 4/2026 Orientering frå dagleg leiar") == 1  # the agenda only
    assert "Framlegg til vedtak: Regionrådet sender uttale til NTP" in rr
    test = _flat(pages["test-notice-nn"])
    assert "Framlegg til vedtak: Forslag Saksframlegg" in test
    assert "hemmeleg" not in test.lower()  # a closed case shows neither title nor proposal


def test_a_notice_without_a_clock_time_asks_for_it(pages: dict[str, str]) -> None:
    # Found: "Tid: måndag 26.01.2026" with no time of day for the representantskap.
    assert "Tid: måndag 26.01.2026, klokkeslett: [ikkje fastsett]" in _flat(
        pages["ringeriksregionen-notice-nn"]
    )
    assert "Tid: mandag 26.01.2026, klokkeslett: [ikke fastsatt]" in _flat(
        pages["ringeriksregionen-notice-nb"]
    )
    assert "klokkeslett" not in pages["hallingdal-notice-nn"]  # it has its times


def test_the_notice_says_how_to_report_absence_and_disqualification(
    pages: dict[str, str],
) -> None:
    # Found: "melde forfall snarast" without where to, no word on gyldig forfall or on
    # telling the secretariat before the meeting of a possible inhabilitet.
    nn = _flat(pages["hallingdal-notice-nn"])
    assert "må melde gyldig forfall (koml. § 8-1 første ledd)" in nn
    assert "Varamedlemer møter berre når dei er kalla inn." in nn
    assert "Den som meiner seg ugild i ei sak, må seie frå før møtet (koml. § 11-10)." in nn
    assert "Meld forfall til: [ikkje fastsett]" in nn
    nb = _flat(pages["hadeland-notice-nb"])
    assert "Den som mener seg inhabil i en sak, må si fra før møtet (koml. § 11-10)." in nb
    assert "Meld forfall til: [ikke fastsatt]" in nb


def test_a_voting_rule_read_from_an_assumption_is_marked(pages: dict[str, str]) -> None:
    # Found: "Røysteregel: Krev konsensus …" as plain fact, while the note on the body
    # says the consensus is our reading of «Konsensusprinsippet».
    text = _flat(pages["hallingdal-minutes-nn"])
    assert "Røysteregel: Krev konsensus (ingen kan røyste imot). (anteke, sjå merknad 1)" in text
    assert "Stemmeregel: Krever konsensus" in _flat(pages["hallingdal-minutes-nb"])
    assert re.search(
        r"Stemmeregel: Krever konsensus[^.]*\. \(antatt, se merknad 1\)",
        _flat(pages["hallingdal-minutes-nb"]),
    )


def test_the_sender_and_the_date_sent_stay_together(pages: dict[str, str]) -> None:
    # Found: "Avsender / For sekretariatet: …" at the foot of page 1, "Sendt:" on page 2.
    for key, text in pages.items():
        if "-notice-" in key:
            sender = "Avsendar" if key.endswith("-nn") else "Avsender"
            sent = "Sendt:"
            assert _page_of(text, sender) == _page_of(text, sent), key


def test_a_party_without_an_organisation_number_shows_the_marker(pages: dict[str, str]) -> None:
    # Found: Innlandet fylkeskommune in Hamarregionen's parties table with an empty
    # organisation-number cell, which reads as if the number were not needed.
    assert re.search(
        r"Innlandet fylkeskommune \(anteke, sjå merknad \d\)\s+\[ikkje fastsett\]",
        pages["hamarregionen-agreement-nn"],
    )
    assert re.search(
        r"Innlandet fylkeskommune \(antatt, se merknad \d\)\s+\[ikke fastsatt\]",
        pages["hamarregionen-agreement-nb"],
    )


def test_a_title_that_names_the_role_is_in_the_documents_language(
    pages: dict[str, str],
) -> None:
    # Found: "For sekretariatet: Ingunn Granaasen, daglig leder" in the Nynorsk notice
    # (the register gives the title "Daglig leder" in Bokmål only).
    assert "For sekretariatet: Ingunn Granaasen, dagleg leiar" in _flat(pages["hadeland-notice-nn"])
    assert "For sekretariatet: Ingunn Granaasen, daglig leder" in _flat(pages["hadeland-notice-nb"])


def test_the_header_of_a_notice_or_minutes_keeps_the_date(pages: dict[str, str]) -> None:
    # Found: "Møteinnkalling – Representantskapsmøte: strategisk retning for…", the
    # meeting's own long title cut before its date.
    for key, text in pages.items():
        if "-notice-" in key or "-minutes-" in key:
            first = text.strip().splitlines()[0]
            assert "…" not in first, (key, first)
            assert re.search(r"\d\d\.\d\d\.\d{4}$", first.strip()), (key, first)
    first = pages["ringeriksregionen-notice-nn"].strip().splitlines()[0]
    assert first == "Ringeriksregionen IPR – Møteinnkalling – Representantskapet 26.01.2026"


def test_a_joint_meeting_names_every_body(pages: dict[str, str]) -> None:
    # Found: "Organ: Ordfører-/kommunedirektørutvalget" for the strategy gathering that
    # the register holds as a joint meeting with the chief executives' committee.
    assert (
        "Organ: Fellesmøte i Ordfører-/kommunedirektørutvalget og Kommunedirektørutvalget (KDU)"
        in _flat(pages["ringeriksregionen-minutes-nb"])
    )
    assert "Fellesmøte" not in pages["hallingdal-minutes-nn"]


def test_a_case_in_the_minutes_keeps_its_heading_with_its_content(pages: dict[str, str]) -> None:
    # Found: "PS 3/2026 Unnateke offentlegheit / Sakstype: vedtakssak" at the foot of
    # page 1 of the test minutes, its basis and vote on page 2.
    for locale in LOCALES:
        text = pages[f"test-minutes-{locale}"]
        heading = "PS 3/2026 Unnateke offentlegheit" if locale == "nn" else "PS 3/2026 Unntatt"
        basis = "heimel: koml. § 11-5" if locale == "nn" else "hjemmel: koml. § 11-5"
        assert _page_of(text, heading) == _page_of(text, basis), locale


def test_the_minutes_name_an_acting_chair_and_a_case_chair(pages: dict[str, str]) -> None:
    # Found: a meeting with an elected acting chair (koml. § 11-2 tredje ledd) and a case
    # chaired by another member named the regular chair, or a marker, as møteleiar.
    nn = _flat(pages["test-acting-minutes-nn"])
    assert "Møteleiar: Medlem Person 4 (særskilt møteleiar, koml. § 11-2 tredje ledd)" in nn
    assert "Møteleiar i saka: Medlem Person 2" in nn
    assert "Møteleiar Protokollførar Medlem Person 4" in nn  # the signature block
    nb = _flat(pages["test-acting-minutes-nb"])
    assert "Møteleder: Medlem Person 4 (særskilt møteleder, koml. § 11-2 tredje ledd)" in nb
    assert "Møteleder i saken: Medlem Person 2" in nb


def test_an_extraordinary_meeting_says_so(pages: dict[str, str]) -> None:
    # Found: the notice of an extraordinary meeting read like an ordinary one.
    assert "Møtetype: ekstraordinært møte" in _flat(pages["test-extra-notice-nn"])
    assert "Møtetype: ekstraordinært møte" in _flat(pages["test-extra-notice-nb"])
    assert "Møtetype" not in pages["test-notice-nn"]


def test_an_amount_never_parts_from_its_unit(pages: dict[str, str]) -> None:
    # Found: "Gol kommune 200 000" with "kr" alone on the next line of the table cell.
    for locale in LOCALES:
        text = pages[f"test-action-plan-{locale}"]
        assert re.search(r"\b200\s000\skr\b", text), locale  # on one line
        assert not re.search(r"^\s*kr\b", text, re.MULTILINE), locale


def test_deputies_and_observers_read_from_assumptions_are_marked(pages: dict[str, str]) -> None:
    # Found: members carried their assumption marker, deputies and observers did not.
    text = _flat(pages["test-extra-notice-nn"])
    assert re.search(r"Vara Person 1 \(anteke, sjå merknad \d\)", text)
    assert re.search(r"Olav Observatør – observatør \(anteke, sjå merknad \d\)", text)
    assert "Observatøren er anteken ut frå møtepraksis." in text


def test_absence_is_reported_to_the_secretariats_contact(pages: dict[str, str]) -> None:
    # The general manager's e-mail and telephone, when the register has them.
    text = _flat(pages["test-extra-notice-nn"])
    assert "Meld forfall til: post@testradet.no, +47 32 00 00 00" in text
    assert "For sekretariatet: Siri Sekretær, dagleg leiar" in text


def test_the_minutes_count_those_present_out_of_the_seats(pages: dict[str, str]) -> None:
    # Found: "Møtande medlemer og varamedlemer: 28" with no word of how many seats the
    # body has, so the quorum (koml. § 11-9 første ledd) could not be read off.
    assert "Møtande medlemer og varamedlemer: 28 av 30" in _flat(pages["hallingdal-minutes-nn"])
    assert "Møtende medlemmer og varamedlemmer: 28 av 30" in _flat(pages["hallingdal-minutes-nb"])
    assert "Møtande medlemer og varamedlemer: 4 av 4" in _flat(pages["test-minutes-nn"])
