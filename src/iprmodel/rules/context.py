# SPDX-License-Identifier: MIT
"""What the checks of one council share: the :class:`Context`, indexed once per council.

Every chapter module (:mod:`~iprmodel.rules.chapter18` …) is a list of functions
``Context -> Iterator[Finding]``; :mod:`iprmodel.rules.law` runs them in order.
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterable, Iterator
from fractions import Fraction

import attrs

from iprmodel.model import (
    STATUTORY_TOPICS,
    AgendaItem,
    Agreement,
    Appointment,
    Body,
    BodyKind,
    CaseKind,
    ClauseTopic,
    Council,
    CountyAuthority,
    Meeting,
    MeetingStatus,
    Municipality,
    Participation,
    ParticipationRole,
    Person,
    RecordedOutcome,
    Register,
    Tally,
)
from iprmodel.model.text import LocalizedText
from iprmodel.rules.decisions import MeetingSeats, VoteRecordError, fixed_seats, meeting_seats

__all__ = [
    "CORE_LETTERS",
    "Context",
    "adopted_outside_representantskap",
    "current_members",
    "current_participations",
    "letters",
    "params_of",
    "percent",
    "voted",
]

CORE_LETTERS = {topic: topic.statutory_letter or "" for topic in STATUTORY_TOPICS}


@attrs.frozen(kw_only=True)
class Context:
    """What the checks of one council need, indexed once."""

    register: Register
    council: Council
    path: str
    #: Current member participants, in participation order.
    members: tuple[str, ...]
    participants: dict[str, Municipality | CountyAuthority]
    representantskap: tuple[Body, ...]
    cooperation: tuple[Agreement, ...]
    appointments_by_body: dict[str, tuple[Appointment, ...]]
    persons: dict[str, Person]
    bodies: dict[str, Body]
    #: Voting seats by body (members and deputies with a vote).
    seats: dict[str, tuple[Appointment, ...]]
    # Caches filled as the checks ask (the context lives for one council's checks only).
    _meeting_seats: dict[str, MeetingSeats | None] = attrs.field(factory=dict)
    _fixed: dict[tuple[str, tuple[str, ...]], int | None] = attrs.field(factory=dict)

    def name(self, participant: str) -> LocalizedText | str:
        """A participant's name for messages (its id when unknown)."""
        found = self.participants.get(participant)
        return found.name if found is not None else participant

    def names(self, participants: Iterable[str]) -> tuple[LocalizedText | str, ...]:
        """Names of several participants."""
        return tuple(self.name(p) for p in participants)

    def person_name(self, person: str) -> str:
        """A person's name for messages (the id when unknown)."""
        found = self.persons.get(person)
        return found.name if found is not None else person

    def covered(self, topic: ClauseTopic) -> bool | None:
        """Whether a cooperation agreement has a clause on ``topic``; ``None``: text incomplete."""
        if any(a.covers(topic) for a in self.cooperation):
            return True
        return False if any(a.text_complete for a in self.cooperation) else None

    def seats_in(self, meeting: Meeting) -> MeetingSeats | None:
        """Who can vote in ``meeting`` (once per meeting); ``None`` when the membership is unknown."""
        if meeting.id not in self._meeting_seats:
            body = self.bodies.get(meeting.body)
            found = None
            if body is not None:
                seats_set = None
                if body.composition:
                    participants = self.council.members_on(meeting.start.date())
                    key = (body.id, participants)
                    if key not in self._fixed:
                        self._fixed[key] = fixed_seats(body, participants)
                    seats_set = self._fixed[key]
                with contextlib.suppress(VoteRecordError):
                    found = meeting_seats(
                        body, meeting, self.seats.get(body.id, ()), seats_set=seats_set
                    )
            self._meeting_seats[meeting.id] = found
        return self._meeting_seats[meeting.id]


def current_participations(council: Council) -> tuple[Participation, ...]:
    """Member participations in force (no end date); all of them if every one has ended."""
    member = [p for p in council.participations if p.role is ParticipationRole.MEMBER]
    return tuple([p for p in member if p.valid_to is None] or member)


def current_members(council: Council) -> tuple[str, ...]:
    """Ids of the current member participants, in participation order."""
    return tuple(dict.fromkeys(p.participant for p in current_participations(council)))


def letters(topics: Iterable[ClauseTopic]) -> tuple[str, ...]:
    """The § 18-4 fourth-paragraph letters of ``topics``, sorted."""
    return tuple(sorted(CORE_LETTERS[t] for t in topics if t in CORE_LETTERS))


def voted(tally: Tally) -> int:
    """Members who voted in ``tally`` (at least 1, as a stand-in for an unknown membership)."""
    return max(tally.votes_for + tally.votes_against + tally.blank, 1)


def params_of(params: dict[str, object]) -> dict[str, str | int]:
    """An error's parameters as message parameters."""
    return {
        k: v if isinstance(v, int) and not isinstance(v, bool) else str(v)
        for k, v in params.items()
    }


def percent(value: Fraction) -> str:
    """A share as a percentage for messages ("33.33")."""
    share = value * 100
    if share.denominator == 1:
        return str(share.numerator)
    return f"{float(share):.2f}"


def adopted_outside_representantskap(
    ctx: Context, kinds: Collection[CaseKind]
) -> Iterator[tuple[str, Body, AgendaItem]]:
    """Items of ``kinds`` recorded as adopted in a meeting of a body other than the
    representantskap (cancelled meetings left out), with their paths.

    The act reserves some decisions to the representantskap itself: the budget, accounts
    and annual report (koml. § 14-8 første ledd) and amendments of the agreement
    (§ 18-4 tredje ledd).
    """
    for meeting in ctx.council.meetings:
        body = ctx.bodies.get(meeting.body)
        if body is None or body.kind is BodyKind.REPRESENTANTSKAP:
            continue
        if meeting.status is MeetingStatus.CANCELLED:
            continue
        for item in meeting.agenda:
            if item.kind in kinds and item.outcome is RecordedOutcome.ADOPTED:
                yield f"{ctx.path}.meetings[{meeting.id}].agenda[{item.id}]", body, item
