# SPDX-License-Identifier: MIT
"""A small, fully populated register for the Word plugin's tests, and read-back helpers."""

from __future__ import annotations

import io
import subprocess
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

import docx
import pytest

from iprmodel.model import (
    ActionPlan,
    Adoption,
    AgendaItem,
    Agreement,
    AgreementKind,
    Appointment,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    CaseKind,
    Clause,
    ClauseTopic,
    ClosedBasis,
    Council,
    Delegation,
    Evaluation,
    EvaluationRule,
    Funding,
    LocalizedText,
    Location,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Municipality,
    Office,
    Participation,
    Person,
    Position,
    Power,
    RecordedOutcome,
    Register,
    SeatKind,
    Tally,
    Task,
    TaskEvaluation,
    TaskMode,
    TaskStatus,
    Theme,
    Vote,
    VoteChoice,
    WrittenStandard,
)

OSLO = ZoneInfo("Europe/Oslo")


def at(day: date, hour: int) -> datetime:
    """An Oslo time on ``day``."""
    return datetime(day.year, day.month, day.day, hour, tzinfo=OSLO)


def _people(prefix: str, count: int) -> tuple[Person, ...]:
    return tuple(
        Person(id=f"{prefix}-{i}", name=f"{prefix.title()} Person {i}") for i in range(1, count + 1)
    )


def make_register(
    *, written: WrittenStandard | None = None, text: str = "Saksframlegg"
) -> Register:
    """Two municipalities; every document kind has something to show.

    ``text`` is put into titles, proposals and clause texts (for untrusted-text tests).
    """
    gol = Municipality(id="gol", name=LocalizedText(nn="Gol kommune"), orgnr="964952612")
    fla = Municipality(id="fla", name=LocalizedText(nn="Flå kommune"), orgnr="964951462")
    persons = _people("medlem", 4) + _people("vara", 4)
    rep = Body(
        id="rep",
        kind=BodyKind.REPRESENTANTSKAP,
        name=LocalizedText(nb="Representantskapet", nn="Representantskapet"),
        composition=(Delegation(members=2, deputies=2, member_offices=(Office.MAYOR,)),),
        powers=frozenset({Power.ADOPT_BUDGET, Power.CREATE_BODIES}),
    )
    appointments = []
    for index, (party, members) in enumerate((("gol", (1, 2)), ("fla", (3, 4)))):
        for number in members:
            appointments.append(
                Appointment(
                    id=f"m{number}",
                    person=f"medlem-{number}",
                    body="rep",
                    participant=party,
                    seat=SeatKind.MEMBER,
                    position=Position.CHAIR if number == 1 else Position.MEMBER,
                )
            )
            appointments.append(
                Appointment(
                    id=f"v{number}",
                    person=f"vara-{number}",
                    body="rep",
                    participant=party,
                    seat=SeatKind.DEPUTY,
                    deputy_order=number - 2 * index,
                )
            )
    day = date(2026, 3, 12)
    agenda = (
        AgendaItem(
            id="s1",
            order=1,
            number="PS 1/2026",
            title=f"Budsjett 2027 {text}",
            kind=CaseKind.BUDGET,
            proposal=f"Forslag {text}",
            decision="Budsjettet vert vedteke.",
            tally=Tally(votes_for=3, votes_against=1),
            outcome=RecordedOutcome.ADOPTED,
        ),
        AgendaItem(
            id="s2",
            order=2,
            number="PS 2/2026",
            title="Uttale om samferdsel",
            kind=CaseKind.STATEMENT,
            proposal="Rådet gir uttale.",
            votes=(
                Vote(person="medlem-1", choice=VoteChoice.FOR),
                Vote(person="vara-3", choice=VoteChoice.AGAINST),
                Vote(person="medlem-4", choice=VoteChoice.AGAINST),
            ),
            outcome=RecordedOutcome.REJECTED,
            disqualified=("medlem-2",),
        ),
        AgendaItem(
            id="s3",
            order=3,
            number="PS 3/2026",
            title="Lønn til dagleg leiar Kari Hemmeleg",
            kind=CaseKind.DECISION,
            closed_basis=ClosedBasis.EMPLOYEE,
            proposal="Løna vert sett til hemmeleg beløp.",
            decision="Hemmeleg vedtak.",
            tally=Tally(votes_for=4, votes_against=0),
            outcome=RecordedOutcome.ADOPTED,
        ),
    )
    meeting = Meeting(
        id="rep-2026-1",
        body="rep",
        number=1,
        start=at(day, 10),
        end=at(day, 14),
        modified=datetime(2026, 3, 1, 9, 30, tzinfo=OSLO),
        status=MeetingStatus.HELD,
        mode=MeetingMode.HYBRID,
        location=Location(
            place="Rådhuset", address="Sentrum 1", remote_url="https://meet.example.no/rep-1"
        ),
        agenda=agenda,
        attendance=(
            Attendance(person="medlem-1", status=AttendanceStatus.PRESENT),
            Attendance(person="medlem-2", status=AttendanceStatus.PRESENT),
            Attendance(person="medlem-3", status=AttendanceStatus.EXCUSED),
            Attendance(person="vara-3", status=AttendanceStatus.PRESENT, substitute_for="medlem-3"),
            Attendance(person="medlem-4", status=AttendanceStatus.PRESENT),
        ),
    )
    themes = (
        Theme(id="samferdsel", title=LocalizedText(nn="Samferdsel")),
        Theme(id="naering", title=LocalizedText(nn="Næringsutvikling")),
    )
    tasks = (
        Task(
            id="t1",
            title=LocalizedText(nn="Breiband til alle"),
            theme="samferdsel",
            mode=TaskMode.COORDINATES,
            lead="gol",
            partners=("fla",),
            status=TaskStatus.ONGOING,
            due=date(2026, 12, 31),
            budget=Decimal("250000"),
            funding=(Funding(funder="gol", amount=Decimal("200000")),),
            resourced=True,
        ),
        Task(
            id="t2",
            title=LocalizedText(nn="Næringshage"),
            theme="naering",
            mode=TaskMode.EXECUTES,
            status=TaskStatus.PLANNED,
            resourced=False,
        ),
    )
    plan = ActionPlan(
        id="hp-2026",
        title=LocalizedText(nn="Handlingsplan 2026"),
        start_year=2026,
        end_year=2026,
        themes=("samferdsel", "naering"),
        tasks=tasks,
        evaluation_rule=EvaluationRule(drop_unresourced=True),
        evaluations=(
            Evaluation(
                year=2026,
                dated=date(2026, 12, 10),
                tasks=(TaskEvaluation(task="t1", status=TaskStatus.DONE),),
                trends=(LocalizedText(nn="Fleire pendlar over kommunegrensene"),),
                next_priorities=(LocalizedText(nn="Fiber i grendene"),),
            ),
        ),
    )
    agreement = Agreement(
        id="avtale",
        kind=AgreementKind.COOPERATION,
        title=LocalizedText(nn="Samarbeidsavtale for Testrådet"),
        parties=("gol", "fla"),
        dated=date(2025, 6, 1),
        clauses=(
            Clause(
                number="1",
                heading=LocalizedText(nn="Namn"),
                text=LocalizedText(nn=f"Namnet er Testrådet IPR. {text}\n\nAndre ledd."),
                topics=frozenset({ClauseTopic.NAME}),
            ),
            Clause(
                number="2",
                heading=LocalizedText(nn="Føremål"),
                text=LocalizedText(nn="Rådet skal samarbeide."),
                topics=frozenset({ClauseTopic.PURPOSE}),
            ),
        ),
        adoptions=(Adoption(party="gol", date=date(2025, 6, 19), case_number="PS 33/25"),),
    )
    council = Council(
        id="test",
        formal_name=LocalizedText(
            nb="Testrådet interkommunalt politisk råd", nn="Testrådet interkommunalt politisk råd"
        ),
        written_standard=written,
        legal_entity=False,
        office_municipality="gol",
        participations=(
            Participation(
                participant="gol", ownership_share=Fraction(3, 5), withdrawal_notice_months=12
            ),
            Participation(
                participant="fla", ownership_share=Fraction(2, 5), withdrawal_notice_months=12
            ),
        ),
        themes=themes,
        bodies=(rep,),
        appointments=tuple(appointments),
        meetings=(meeting,),
        agreements=(agreement,),
        action_plans=(plan,),
    )
    return Register(participants=(gol, fla), persons=persons, councils=(council,))


@pytest.fixture
def register() -> Register:
    """The test register, written in Nynorsk."""
    return make_register(written=WrittenStandard.NYNORSK)


def open_docx(data: bytes) -> docx.document.Document:
    """Read a document back with python-docx."""
    return docx.Document(io.BytesIO(data))


def all_text(document: docx.document.Document) -> str:
    """Paragraph and table text, in body order."""
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


@pytest.fixture(scope="session")
def build_register() -> object:
    """The register factory (for variants: another written standard, untrusted text)."""
    return make_register


@pytest.fixture
def read() -> object:
    """``read(data) -> (python-docx Document, all its text)``."""

    def read_back(data: bytes) -> tuple[docx.document.Document, str]:
        document = open_docx(data)
        return document, all_text(document)

    return read_back


def pdf_texts(files: dict[str, bytes], folder: Path) -> dict[str, str]:
    """``name -> pdftotext -layout`` of each ``.docx``, after one LibreOffice call
    (with a throw-away profile) converts them all to PDF."""
    from iprmodel.testing import require_tool

    soffice = require_tool("soffice", "LibreOffice renders the .docx files")
    pdftotext = require_tool("pdftotext", "poppler-utils reads the PDFs")
    paths = []
    for name, data in files.items():
        path = folder / f"{name}.docx"
        path.write_bytes(data)
        paths.append(path)
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, paths),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    result = {}
    for path in paths:
        pdf = path.with_suffix(".pdf")
        assert pdf.exists(), f"LibreOffice did not convert {path.name}"
        result[path.stem] = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
    return result


@pytest.fixture(scope="session")
def to_pdf_text() -> object:
    """:func:`pdf_texts`, for tests (``to_pdf_text(files, folder)``)."""
    return pdf_texts
