# SPDX-License-Identifier: MIT
"""Cross-reference and date checks the loader cannot do.

The loader (:func:`iprmodel.serialization.structure`) checks that every reference
names an object. These checks look at *when*: who attends and votes in a meeting
without a seat in the body on that day, a substitute (varamedlem) standing in for
someone who is not a member, an appointment on behalf of a participant that does not
take part in the council, a person in two meetings at the same time, one organisation
number given to two entries, and an agreement of the register's own with no parties.

>>> from iprmodel.model import Register
>>> check(Register())
()
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from typing import Final

from iprmodel.model import (
    Appointment,
    AttendanceStatus,
    Council,
    MeetingStatus,
    Register,
    Right,
    SeatKind,
)
from iprmodel.model.text import LocalizedText
from iprmodel.rules._text import Ref
from iprmodel.rules.findings import Finding
from iprmodel.rules.registry import RULES, rule

__all__ = ["CODES", "check", "check_council"]

#: The codes :func:`check` can return (no paragraph: these are about the data itself).
CODES: Final[dict[str, Ref | None]] = {
    code: r.reference for code, r in RULES.items() if r.chapter == "DATA"
}
_NOT_APPOINTED: Final = rule("IPR-DATA-NOT-APPOINTED")
_VOTER: Final = rule("IPR-DATA-VOTER")
_SUBSTITUTE: Final = rule("IPR-DATA-SUBSTITUTE")
_PARTICIPANT: Final = rule("IPR-DATA-PARTICIPANT")
_OVERLAP: Final = rule("IPR-DATA-OVERLAP")
_ORGNR: Final = rule("IPR-DATA-ORGNR")
_PARTIES: Final = rule("IPR-DATA-PARTIES")


def _valid_on(appointment: Appointment, day: date) -> bool:
    return (appointment.valid_from is None or appointment.valid_from <= day) and (
        appointment.valid_to is None or day <= appointment.valid_to
    )


def check_council(
    council: Council, names: Mapping[str, str | LocalizedText] | None = None
) -> Iterator[Finding]:
    """The consistency findings of one council; ``names`` maps person and participant ids to names."""
    names = names or {}

    def who(ident: str) -> str | LocalizedText:
        return names.get(ident, ident)

    path = f"councils[{council.id}]"
    by_person_body: dict[tuple[str, str], list[Appointment]] = defaultdict(list)
    for appointment in council.appointments:
        by_person_body[(appointment.person, appointment.body)].append(appointment)
    staff = {member.person for member in council.staff}
    body_names: dict[str, str | LocalizedText] = {b.id: b.name for b in council.bodies}
    taking_part = {p.participant for p in council.participations}
    for appointment in council.appointments:
        if appointment.participant is not None and appointment.participant not in taking_part:
            yield _PARTICIPANT.at(
                f"{path}.appointments[{appointment.id}].participant",
                "outside",
                person=who(appointment.person),
                participant=who(appointment.participant),
            )

    def seats(person: str, bodies: tuple[str, ...], day: date) -> list[Appointment]:
        return [
            a
            for body in bodies
            for a in by_person_body.get((person, body), ())
            if _valid_on(a, day)
        ]

    for meeting in council.meetings:
        if meeting.status is MeetingStatus.CANCELLED:
            continue
        here = f"{path}.meetings[{meeting.id}]"
        body_name = body_names.get(meeting.body, meeting.body)
        day = meeting.start.date()
        bodies = (meeting.body, *meeting.joint_bodies)
        present: set[str] = set()
        for i, entry in enumerate(meeting.attendance):
            mine = seats(entry.person, bodies, day)
            if entry.status is AttendanceStatus.PRESENT:
                present.add(entry.person)
            if not mine and entry.person not in staff and entry.substitute_for is None:
                yield _NOT_APPOINTED.at(
                    f"{here}.attendance[{i}]",
                    "attends",
                    person=who(entry.person),
                    body=body_name,
                    day=day.isoformat(),
                )
            if entry.substitute_for is not None:
                replaced = [
                    a for a in seats(entry.substitute_for, bodies, day) if a.seat is SeatKind.MEMBER
                ]
                if not replaced:
                    yield _SUBSTITUTE.at(
                        f"{here}.attendance[{i}].substitute_for",
                        "member",
                        person=who(entry.person),
                        replaced=who(entry.substitute_for),
                        body=body_name,
                        day=day.isoformat(),
                    )
                elif not any(a.seat is SeatKind.DEPUTY for a in mine):
                    yield _SUBSTITUTE.at(
                        f"{here}.attendance[{i}]",
                        "deputy",
                        person=who(entry.person),
                        replaced=who(entry.substitute_for),
                        body=body_name,
                        day=day.isoformat(),
                    )
        for item in meeting.agenda:
            for vote in item.votes:
                voting = [a for a in seats(vote.person, bodies, day) if Right.VOTE in a.rights]
                if not voting:
                    yield _VOTER.at(
                        f"{here}.agenda[{item.id}].votes",
                        "seat",
                        person=who(vote.person),
                        number=item.number,
                        body=body_name,
                        day=day.isoformat(),
                    )
                elif meeting.attendance and vote.person not in present:
                    yield _VOTER.at(
                        f"{here}.agenda[{item.id}].votes",
                        "absent",
                        person=who(vote.person),
                        number=item.number,
                    )


def _overlaps(register: Register, names: Mapping[str, str | LocalizedText]) -> Iterator[Finding]:
    # Sort each person's meetings by start once: linear in the meetings after sorting.
    spans: dict[str, list[tuple[datetime, datetime, str, str]]] = defaultdict(list)
    for council in register.councils:
        for meeting in council.meetings:
            if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
                continue
            where = f"councils[{council.id}].meetings[{meeting.id}]"
            for entry in meeting.attendance:
                if entry.status is AttendanceStatus.PRESENT:
                    # UTC: Oslo wall times compare wrongly in the autumn's repeated hour.
                    spans[entry.person].append(
                        (
                            meeting.start.astimezone(UTC),
                            meeting.end.astimezone(UTC),
                            where,
                            meeting.id,
                        )
                    )
    for person in sorted(spans):
        meetings = sorted(spans[person])
        latest_end, latest_id = meetings[0][1], meetings[0][3]
        for start, end, where, meeting_id in meetings[1:]:
            if start < latest_end:
                yield _OVERLAP.at(
                    where,
                    "overlap",
                    person=names.get(person, person),
                    other=latest_id,
                )
            if end > latest_end:
                latest_end, latest_id = end, meeting_id


def _shared_numbers(register: Register) -> Iterator[Finding]:
    # Each later holder of a number is told the first one's path.
    first: dict[str, str] = {}
    holders = [
        *((f"participants[{p.id}]", p.orgnr) for p in register.participants),
        *((f"organisations[{o.id}]", o.orgnr) for o in register.organisations),
        *((f"councils[{c.id}]", c.orgnr) for c in register.councils),
    ]
    for where, number in holders:
        if number is None:
            continue
        if number in first:
            yield _ORGNR.at(f"{where}.orgnr", "shared", orgnr=number, other=first[number])
        else:
            first[number] = where


def check(register: Register) -> tuple[Finding, ...]:
    """Every consistency finding of ``register``."""
    names: dict[str, str | LocalizedText] = {p.id: p.name for p in register.persons}
    names.update({p.id: p.name for p in register.participants})
    findings = [f for council in register.councils for f in check_council(council, names)]
    findings.extend(_overlaps(register, names))
    findings.extend(_shared_numbers(register))
    findings.extend(
        _PARTIES.at(f"agreements[{a.id}].parties", "none", agreement=a.id)
        for a in register.agreements
        if not a.parties
    )
    return tuple(findings)
