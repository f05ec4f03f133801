# SPDX-License-Identifier: MIT
"""A small, lawful register built in code; tests change one thing to make a check fire."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction

import pytest

from iprmodel.model import (
    STATUTORY_TOPICS,
    Adoption,
    AgendaItem,
    Agreement,
    AgreementKind,
    Appointment,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Clause,
    Council,
    CountRange,
    Delegation,
    Gender,
    LocalizedText,
    Location,
    Meeting,
    MeetingStatus,
    Municipality,
    Participation,
    Person,
    Position,
    RecordedOutcome,
    Register,
    SeatKind,
    Vote,
    VoteChoice,
)
from iprmodel.model._fields import OSLO

PLACES = ("gol", "hol")


def _appointments() -> tuple[tuple[Person, ...], tuple[Appointment, ...]]:
    persons: list[Person] = []
    appointments: list[Appointment] = []
    for place in PLACES:
        for seat, genders in ((SeatKind.MEMBER, "fm"), (SeatKind.DEPUTY, "mf")):
            for n, g in enumerate(genders, start=1):
                person_id = f"{place}-{seat.value}-{n}"
                persons.append(
                    Person(
                        id=person_id,
                        name=f"{place.title()} {seat.value} {n}",
                        gender=Gender.FEMALE if g == "f" else Gender.MALE,
                    )
                )
                appointments.append(
                    Appointment(
                        id=person_id,
                        person=person_id,
                        body="representantskap",
                        participant=place,
                        seat=seat,
                        deputy_order=n if seat is SeatKind.DEPUTY else None,
                        position=Position.CHAIR if person_id == "gol-member-1" else Position.MEMBER,
                        valid_from=date(2023, 10, 1),
                        written_consent=True,
                    )
                )
    return tuple(persons), tuple(appointments)


def good_register() -> Register:
    """Two municipalities, a lawful representantskap, agreement and one held meeting."""
    persons, appointments = _appointments()
    members = [a.person for a in appointments if a.seat is SeatKind.MEMBER]
    meeting = Meeting(
        id="rs-2026-1",
        body="representantskap",
        number=1,
        start=datetime(2026, 4, 23, 10, tzinfo=OSLO),
        end=datetime(2026, 4, 23, 14, tzinfo=OSLO),
        modified=datetime(2026, 4, 24, 9, tzinfo=OSLO),
        status=MeetingStatus.HELD,
        location=Location(place="Gol rådhus"),
        attendance=tuple(Attendance(person=p, status=AttendanceStatus.PRESENT) for p in members),
        agenda=(
            AgendaItem(
                id="ps-1",
                order=1,
                number="PS 1/2026",
                title="Årsbudsjett",
                decision="Budsjettet blir vedteke.",
                votes=tuple(Vote(person=p, choice=VoteChoice.FOR) for p in members),
                outcome=RecordedOutcome.ADOPTED,
            ),
        ),
    )
    council = Council(
        id="demo",
        formal_name=LocalizedText(nb="Demo interkommunalt politisk råd"),
        participations=tuple(
            Participation(participant=p, ownership_share=Fraction(1, 2)) for p in PLACES
        ),
        bodies=(
            Body(
                id="representantskap",
                kind=BodyKind.REPRESENTANTSKAP,
                name=LocalizedText(nb="Representantskapet"),
                composition=(Delegation(members=2, deputies=2),),
                meetings_per_year=CountRange(min=1, max=4),
            ),
        ),
        appointments=appointments,
        meetings=(meeting,),
        agreements=(
            Agreement(
                id="samarbeidsavtale",
                kind=AgreementKind.COOPERATION,
                title=LocalizedText(nb="Samarbeidsavtale"),
                parties=PLACES,
                clauses=tuple(
                    Clause(
                        number=str(i),
                        topics=frozenset({topic}),
                        text=LocalizedText(nb=f"Avtalen om {topic.value}."),
                    )
                    for i, topic in enumerate(STATUTORY_TOPICS, start=1)
                ),
                adoptions=tuple(Adoption(party=p, date=date(2023, 6, 1)) for p in PLACES),
                text_complete=True,
            ),
        ),
    )
    return Register(
        participants=tuple(
            Municipality(id=p, name=LocalizedText(nb=f"{p.title()} kommune")) for p in PLACES
        ),
        persons=persons,
        councils=(council,),
    )


@pytest.fixture
def good() -> Register:
    """The lawful register."""
    return good_register()
