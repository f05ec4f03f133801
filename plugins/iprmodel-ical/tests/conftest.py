# SPDX-License-Identifier: MIT
"""Shared fixtures: a small register that exercises every corner of the feed."""

from __future__ import annotations

from datetime import datetime

import pytest
from iprmodel_ical import ICalExporter

from iprmodel.exporters import ExportRequest
from iprmodel.model import (
    AgendaItem,
    Appointment,
    Body,
    BodyKind,
    CaseKind,
    ClosedBasis,
    Council,
    Delegation,
    LocalizedText,
    Location,
    Meeting,
    MeetingKind,
    MeetingMode,
    MeetingStatus,
    Municipality,
    ObserverSeat,
    Participation,
    Person,
    Position,
    Register,
    SeatKind,
)
from iprmodel.model._fields import OSLO
from iprmodel.model.participants import WrittenStandard
from iprmodel.model.persons import Contact

MODIFIED = datetime(2026, 1, 5, 9, 0, tzinfo=OSLO)


def meeting(
    mid: str,
    body: str,
    number: int,
    start: datetime,
    end: datetime,
    **kwargs: object,
) -> Meeting:
    """A meeting with the fixed modification time unless given."""
    kwargs.setdefault("modified", MODIFIED)
    return Meeting(id=mid, body=body, number=number, start=start, end=end, **kwargs)  # type: ignore[arg-type]


def _at(*args: int) -> datetime:
    return datetime(*args, tzinfo=OSLO)  # type: ignore[misc]


def build_register() -> Register:
    """Two councils; the mayor of Gol chairs Regionrådet and sits in Hallingtinget."""
    hallingdal = Council(
        id="hallingdal",
        formal_name=LocalizedText(nn="Hallingdal interkommunale politiske råd"),
        everyday_name=LocalizedText(nn="Regionrådet for Hallingdal"),
        written_standard=WrittenStandard.NYNORSK,
        participations=(
            Participation(participant="gol"),
            Participation(participant="al"),
        ),
        bodies=(
            Body(
                id="hallingtinget",
                kind=BodyKind.REPRESENTANTSKAP,
                name=LocalizedText(nn="Representantskapet"),
                everyday_name=LocalizedText(nn="Hallingtinget"),
                composition=(Delegation(members=5, deputies=5),),
            ),
            Body(
                id="regionradet",
                kind=BodyKind.COUNCIL_BOARD,
                name=LocalizedText(nn="Regionrådet"),
                composition=(Delegation(participant="gol", members=1, deputies=1),),
                observers=(ObserverSeat(participant="buskerud", count=1),),
            ),
        ),
        appointments=(
            Appointment(
                id="gol-rr",
                person="gol-ordforar",
                body="regionradet",
                participant="gol",
                position=Position.CHAIR,
            ),
            Appointment(
                id="gol-ht", person="gol-ordforar", body="hallingtinget", participant="gol"
            ),
            Appointment(
                id="gol-rr-vara",
                person="gol-vara",
                body="regionradet",
                participant="gol",
                seat=SeatKind.DEPUTY,
                deputy_order=1,
            ),
            Appointment(
                id="al-rr",
                person="al-ordforar",
                body="regionradet",
                participant="al",
            ),
            Appointment(
                id="buskerud-obs",
                person="fylkesordforar",
                body="regionradet",
                participant="buskerud",
                seat=SeatKind.OBSERVER,
            ),
        ),
        meetings=(
            meeting(
                "regionradet-2026-1",
                "regionradet",
                1,
                _at(2026, 1, 22, 9),
                _at(2026, 1, 22, 15),
                status=MeetingStatus.HELD,
                revision=3,
                location=Location(place="Gol rådhus", address="Sentrumsvegen 10, 3550 Gol"),
                url="https://hallingdal.example/moter/rr-1",
                agenda=(
                    AgendaItem(id="s1", order=1, number="PS 1/26", title="Godkjenning; innkalling"),
                    AgendaItem(
                        id="s2",
                        order=2,
                        number="PS 2/26",
                        title="Tilsetjing av dagleg leiar Kari Nordmann",
                        kind=CaseKind.ELECTION,
                        closed_basis=ClosedBasis.EMPLOYEE,
                    ),
                ),
            ),
            meeting(
                "regionradet-2026-2",
                "regionradet",
                2,
                _at(2026, 3, 29, 3, 30),  # the day summer time starts
                _at(2026, 3, 29, 6, 0),
                status=MeetingStatus.CANCELLED,
                revision=1,
            ),
            meeting(
                "regionradet-2026-3",
                "regionradet",
                3,
                _at(2026, 10, 25, 1, 30),  # the day summer time ends
                _at(2026, 10, 25, 4, 0),
                status=MeetingStatus.POSTPONED,
                mode=MeetingMode.HYBRID,
                location=Location(place="Ål kulturhus", remote_url="https://meet.example/rr3"),
            ),
            meeting(
                "regionradet-2026-4",
                "regionradet",
                4,
                # 02:30 in the second, CET pass of the hour that happens twice.
                datetime(2026, 10, 25, 2, 30, tzinfo=OSLO, fold=1),
                _at(2026, 10, 25, 5, 0),
                status=MeetingStatus.CONVENED,
            ),
            meeting(
                "hallingtinget-2026-1",
                "hallingtinget",
                1,
                _at(2026, 4, 16, 10),
                _at(2026, 4, 16, 15),
                status=MeetingStatus.CONVENED,
                kind=MeetingKind.EXTRAORDINARY,
            ),
            meeting(
                "hallingtinget-2026-2",
                "hallingtinget",
                2,
                _at(2026, 6, 11),
                _at(2026, 6, 12),
                all_day=True,
                illustrative=True,
            ),
        ),
    )
    hadeland = Council(
        id="hadeland",
        formal_name=LocalizedText(nb="Hadeland interkommunale politiske råd"),
        participations=(Participation(participant="gol"),),
        bodies=(
            Body(
                id="regionradet",
                kind=BodyKind.REPRESENTANTSKAP,
                name=LocalizedText(nb="Representantskapet"),
            ),
        ),
        meetings=(
            meeting("rs-2026-1", "regionradet", 1, _at(2026, 2, 5, 10), _at(2026, 2, 5, 12)),
        ),
    )
    return Register(
        participants=(
            Municipality(id="gol", name=LocalizedText(nb="Gol kommune")),
            Municipality(id="al", name=LocalizedText(nb="Ål kommune")),
            Municipality(id="buskerud", name=LocalizedText(nb="Buskerud fylkeskommune")),
        ),
        persons=(
            Person(
                id="gol-ordforar",
                name='Ordførar "Gol", Hallingdal',
                contact=Contact(email="ordforar@gol.example"),
            ),
            Person(id="gol-vara", name="Vara Gol", contact=Contact(email="vara@gol.example")),
            Person(id="al-ordforar", name="Ordførar i Ål"),  # no e-mail address
            Person(
                id="fylkesordforar",
                name="Fylkesordførar",
                contact=Contact(email="fylke@buskerud.example"),
            ),
        ),
        councils=(hallingdal, hadeland),
    )


@pytest.fixture
def register() -> Register:
    """The corner-case register."""
    return build_register()


@pytest.fixture
def exporter() -> ICalExporter:
    """The exporter under test."""
    return ICalExporter()


def export(register: Register, **kwargs: object) -> str:
    """The feed as text."""
    return ICalExporter().export(register, ExportRequest(**kwargs)).decode()  # type: ignore[arg-type]


@pytest.fixture
def export_text() -> object:
    """``export_text(register, **request_fields) -> str``."""
    return export
