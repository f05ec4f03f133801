# SPDX-License-Identifier: MIT
"""Agenda items: which rule decides an item, who may vote, who chairs it, and its outcome."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from typing import Final

import attrs

from iprmodel.model import (
    AgendaItem,
    Appointment,
    AttendanceStatus,
    Body,
    BodyKind,
    CaseKind,
    Council,
    ElectionRule,
    MajorityRule,
    Meeting,
    MeetingMode,
    Position,
    Right,
    SeatKind,
    Tally,
    TieBreak,
    UnanimityRule,
    Vote,
    VoteBase,
    VoteChoice,
    VotingRule,
)
from iprmodel.rules._text import N_, Message
from iprmodel.rules.decisions.counting import lawful_quorum
from iprmodel.rules.decisions.election_block import recorded_election
from iprmodel.rules.decisions.evaluate import evaluate
from iprmodel.rules.decisions.outcome import Outcome, VoteRecordError

__all__ = [
    "NON_CORE_AMENDMENT_RULE",
    "MeetingSeats",
    "delegation",
    "evaluate_item",
    "fixed_seats",
    "meeting_seats",
    "members_on",
    "rule_for_item",
    "seat_index",
]


def _valid_on(appointment: Appointment, day: date) -> bool:
    return (appointment.valid_from is None or appointment.valid_from <= day) and (
        appointment.valid_to is None or day <= appointment.valid_to
    )


def members_on(council: Council, body_id: str, day: date) -> tuple[Appointment, ...]:
    """The member appointments (seat ``member``) of a body on ``day``."""
    return tuple(
        a
        for a in council.appointments
        if a.body == body_id and a.seat is SeatKind.MEMBER and _valid_on(a, day)
    )


def rule_for_item(body: Body, meeting: Meeting, item: AgendaItem) -> VotingRule:
    """The rule an item is decided by: the body's rule for its kind, with the law's overrides.

    A matter dealt with in writing needs every member (koml. § 11-8 fjerde ledd), and
    an election is always a flertallsvalg (koml. § 7-8), whatever the body's default.
    """
    rule = body.rule_for(item.kind)
    if meeting.mode is MeetingMode.WRITTEN:
        return UnanimityRule(written=True)
    if item.kind is CaseKind.ELECTION and not isinstance(rule, ElectionRule):
        return ElectionRule()
    explicit = any(item.kind in d.case_kinds for d in body.decision_rules)
    if (
        item.kind is CaseKind.AGREEMENT_AMENDMENT
        and body.kind is BodyKind.REPRESENTANTSKAP
        and not explicit
    ):
        # Koml. § 18-4 tredje ledd: at least 2/3 of the votes cast unless the agreement
        # says otherwise; the body's everyday majority does not apply.
        return NON_CORE_AMENDMENT_RULE
    return rule


#: The law's majority for amending clauses outside § 18-4 a-h in the representantskap.
NON_CORE_AMENDMENT_RULE: Final = MajorityRule(
    threshold=Fraction(2, 3), strict=False, base=VoteBase.VOTES_CAST, tie_break=TieBreak.NONE
)


def seat_index(council: Council) -> dict[str, tuple[Appointment, ...]]:
    """The appointments with a vote (members and deputies), by body id; build once per council."""
    index: dict[str, list[Appointment]] = {}
    for a in council.appointments:
        if a.seat in (SeatKind.MEMBER, SeatKind.DEPUTY) and Right.VOTE in a.rights:
            index.setdefault(a.body, []).append(a)
    return {body: tuple(seats) for body, seats in index.items()}


def evaluate_item(
    council: Council, meeting: Meeting, item: AgendaItem, *, seed: int | None = None
) -> Outcome | None:
    """Evaluate an agenda item's recorded votes under its body's rule for the item's kind.

    Members are ``meeting.expected_members``, else the member seats the body's
    composition sets for the participants on the meeting day, else its member
    appointments valid that day; present are the attendees with a vote, less those
    disqualified or excused in the item; the chair is whoever chairs the item
    (:meth:`MeetingSeats.chair_of`). A hiring decision allows blank votes. An item that
    records its election (``item.election``) is counted by its method (koml. §§ 7-6 to
    7-8) under the quorum; the outcome's ``election`` holds the count. Returns ``None``
    when the item has no recorded votes or election.

    Raises:
        VoteRecordError: The votes cannot be right, or the body's membership is unknown.
    """
    if not item.votes and item.tally is None and item.election is None:
        return None
    body = council.body(meeting.body)
    if body is None:
        raise VoteRecordError(
            N_("meeting {meeting} names no body of the council"), meeting=meeting.id
        )
    seats = tuple(
        a
        for a in council.appointments
        if a.body == body.id
        and a.seat in (SeatKind.MEMBER, SeatKind.DEPUTY)
        and Right.VOTE in a.rights
    )
    return _evaluate_item(council, body, meeting, item, seats, seed=seed)


def delegation(body: Body, participant: str) -> tuple[int, int | None] | None:
    """Members and deputies ``participant`` sends to ``body`` by its composition rule.

    Entries naming the participant win over entries for every participant (``None``);
    several entries add up. Returns ``None`` when no entry applies; deputies ``None``
    when an entry does not say.
    """
    specific = [d for d in body.composition if d.participant == participant]
    entries = specific or [d for d in body.composition if d.participant is None]
    if not entries:
        return None
    members = sum(d.members for d in entries)
    deputies = (
        None if any(d.deputies is None for d in entries) else sum(d.deputies or 0 for d in entries)
    )
    return members, deputies


def fixed_seats(body: Body, participants: Sequence[str]) -> int | None:
    """The member seats the composition sets for ``participants``; ``None`` if it does not say.

    This, not the seats filled on the day, is the base of the quorum (koml. § 11-9 første
    ledd; interpretation: an empty seat does not lower the quorum).
    """
    total = 0
    for participant in participants:
        rule = delegation(body, participant)
        if rule is None:
            return None
        total += rule[0]
    return total or None


@attrs.frozen(kw_only=True)
class MeetingSeats:
    """Who can vote in a meeting: computed once per meeting, shared by its items."""

    #: The members counted for the quorum: the meeting's expected members, else the seats
    #: the composition sets, else the member seats filled on the day.
    members: int
    #: Persons with a voting seat (member or deputy) on the meeting day.
    voters: frozenset[str]
    #: Of those, the ones recorded present; ``None`` when no attendance is recorded.
    attending: frozenset[str] | None
    #: The chair, then the deputy chair, who are present (anyone holding them if unknown).
    chairs: tuple[str, ...]
    delegations: dict[str, str]
    #: The member seats filled on the day.
    filled: int = 0
    #: Persons holding a member seat on the day.
    member_persons: frozenset[str] = frozenset()

    def chair_of(self, meeting: Meeting, item: AgendaItem) -> str | None:
        """Who chairs ``item``: the item's own chair, the acting chair, the chair, the deputy.

        A chair disqualified or excused in the item does not chair it (koml. § 11-2
        tredje ledd); the vote of whoever chairs decides a tie (koml. § 11-9 andre ledd).
        """
        if item.chaired_by is not None:
            return item.chaired_by
        if not item.disqualified and not item.excused:
            return meeting.acting_chair or (self.chairs[0] if self.chairs else None)
        away = {*item.disqualified, *item.excused}
        if meeting.acting_chair is not None and meeting.acting_chair not in away:
            return meeting.acting_chair
        return next((person for person in self.chairs if person not in away), None)


def meeting_seats(
    body: Body,
    meeting: Meeting,
    body_seats: Sequence[Appointment],
    *,
    seats_set: int | None = None,
) -> MeetingSeats:
    """The voting seats of ``body`` on the day of ``meeting``.

    ``seats_set`` is the number of member seats the composition sets
    (:func:`fixed_seats`); when given it is the quorum's base (unless more seats are
    filled, which only an inconsistent record shows).

    Raises:
        VoteRecordError: The body's membership on that day is unknown.
    """
    day = meeting.start.date()
    seats = [a for a in body_seats if _valid_on(a, day)]
    members_seated = [a.person for a in seats if a.seat is SeatKind.MEMBER]
    filled = len(members_seated)
    # More seats filled than the composition sets: the record is unsure, count them all.
    members = meeting.expected_members or max(seats_set or 0, filled)
    if not members:
        raise VoteRecordError(
            N_(
                "the number of members of {body} on {day} is not known: add its member"
                " appointments or the meeting's expected_members"
            ),
            body=body.id,
            day=day.isoformat(),
        )
    voters = frozenset(a.person for a in seats)
    attending = (
        frozenset(
            entry.person
            for entry in meeting.attendance
            if entry.status is AttendanceStatus.PRESENT and entry.person in voters
        )
        if meeting.attendance
        else None
    )
    chair: list[str] = []
    deputy: list[str] = []
    delegations: dict[str, str] = {}
    for a in seats:
        if a.participant is not None:
            delegations[a.person] = a.participant
        if a.position is Position.MEMBER or (attending is not None and a.person not in attending):
            continue
        if a.position is Position.CHAIR:
            chair.append(a.person)
        elif a.position is Position.DEPUTY_CHAIR:
            deputy.append(a.person)
    return MeetingSeats(
        members=members,
        voters=voters,
        attending=attending,
        chairs=tuple(dict.fromkeys(chair + deputy)),
        delegations=delegations,
        filled=filled,
        member_persons=frozenset(members_seated),
    )


def _evaluate_item(
    council: Council,
    body: Body,
    meeting: Meeting,
    item: AgendaItem,
    body_seats: Sequence[Appointment] | MeetingSeats,
    *,
    seed: int | None = None,
) -> Outcome | None:
    """:func:`evaluate_item` with the body's voting seats (or the meeting's) looked up."""
    if not item.votes and item.tally is None and item.election is None:
        return None
    rule = rule_for_item(body, meeting, item)
    seats = (
        body_seats
        if isinstance(body_seats, MeetingSeats)
        else meeting_seats(
            body,
            meeting,
            body_seats,
            seats_set=fixed_seats(body, council.members_on(meeting.start.date())),
        )
    )
    members = seats.members
    present = None
    if seats.attending is not None:
        attending = seats.attending
        if item.disqualified or item.excused:
            attending = attending - set(item.disqualified) - set(item.excused)
        present = min(len(attending), members)
    chair_vote = None
    chair = seats.chair_of(meeting, item)
    if item.votes and chair is not None:
        chair_vote = next((v.choice for v in item.votes if v.person == chair), None)
    written = isinstance(rule, UnanimityRule) and rule.written
    if item.election is not None:
        return recorded_election(
            item.election,
            members=members,
            present=present,
            quorum=None if written else lawful_quorum(body.quorum),
            seed=seed,
        )
    votes: Sequence[Vote] | Tally = item.votes or item.tally or Tally(votes_for=0, votes_against=0)
    outcome = evaluate(
        rule,
        votes,
        members=members,
        present=present,
        chair_vote=None if chair_vote is VoteChoice.BLANK else chair_vote,
        delegations=seats.delegations,
        quorum=None if written else lawful_quorum(body.quorum),
        seed=seed,
        hiring=item.kind is CaseKind.HIRING,
    )
    if seats.filled and members != seats.filled and meeting.expected_members is None:
        note = Message.of(
            N_(
                "The quorum is counted against the {seats} member seats the agreement sets,"
                " though {filled} are filled on the day: an empty seat does not lower the"
                " quorum (interpretation)."
            ),
            seats=members,
            filled=seats.filled,
        )
        outcome = attrs.evolve(outcome, reasons=(note, *outcome.reasons))
    return outcome
