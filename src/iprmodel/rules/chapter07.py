# SPDX-License-Identifier: MIT
"""Kommuneloven chapter 7: eligibility, exclusions and the gender balance of elections.

* § 7-2 third paragraph c with fourth paragraph: written consent to the election;
* § 7-3: officials excluded from election (a chief executive with a voting seat;
  whoever keeps the council's accounts or audits it);
* §§ 7-5 to 7-7: gender balance, per delegation (interpretation);
* § 7-10 first paragraph: a deputy votes only in the place of a member of the same
  participant who does not take part in the item;
* §§ 7-4 to 7-8, § 7-10: an agenda item's recorded election (``AgendaItem.election``)
  is counted, and the persons the minutes record as elected must be those the count
  elects (:func:`recorded_election`, called by the chapter 11 vote checks so that each
  item is evaluated once).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Final

from iprmodel.model import (
    AgendaItem,
    Appointment,
    AttendanceStatus,
    Body,
    ElectionMethod,
    Gender,
    Meeting,
    MeetingStatus,
    Office,
    RecordedOutcome,
    Right,
    SeatKind,
)
from iprmodel.rules._text import N_, Message, Word
from iprmodel.rules.context import Context
from iprmodel.rules.decisions import Outcome, delegation
from iprmodel.rules.elections import Elected, ElectionDecision, ElectionStatus
from iprmodel.rules.findings import Finding, Severity
from iprmodel.rules.registry import rule

__all__ = ["CHECKS", "recorded_election"]


def representantskap(ctx: Context) -> Iterator[Finding]:
    """Gender balance and written consent in the representantskap."""
    for body in ctx.representantskap:
        yield from _gender(ctx, body)
        yield from _consent(ctx, body)


def _gender(ctx: Context, body: Body) -> Iterator[Finding]:
    path = f"{ctx.path}.bodies[{body.id}]"
    seats = [a for a in ctx.appointments_by_body.get(body.id, ()) if a.valid_to is None]
    gender_rule = rule("IPR-7-7-GENDER")
    unknown = 0
    for participant in ctx.members:
        for seat, seat_word in (
            (SeatKind.MEMBER, N_("members")),
            (SeatKind.DEPUTY, N_("deputies")),
        ):
            genders = []
            for a in seats:
                if a.participant != participant or a.seat is not seat:
                    continue
                person = ctx.persons.get(a.person)
                genders.append(person.gender if person is not None else None)
            if None in genders:
                unknown += genders.count(None)
                continue
            count = len(genders)
            if count < 2:
                continue
            women = genders.count(Gender.FEMALE)
            fewest = min(women, count - women)
            if count <= 3 and fewest == 0:
                yield gender_rule.at(
                    path,
                    "one",
                    count=count,
                    seats=Word(seat_word),
                    participant=ctx.name(participant),
                    body=body.name,
                )
            elif count >= 4 and 5 * fewest < 2 * count:
                yield gender_rule.at(
                    path,
                    "few",
                    fewest=fewest,
                    count=count,
                    seats=Word(seat_word),
                    participant=ctx.name(participant),
                    body=body.name,
                )
    if unknown:
        yield rule("IPR-7-7-GENDER-UNKNOWN").at(path, "unknown", count=unknown, body=body.name)


def _consent(ctx: Context, body: Body) -> Iterator[Finding]:
    unknown = 0
    for a in ctx.appointments_by_body.get(body.id, ()):
        if a.seat not in (SeatKind.MEMBER, SeatKind.DEPUTY):
            continue
        if a.written_consent is None:
            unknown += 1
        elif not a.written_consent:
            yield rule("IPR-7-2-CONSENT").at(
                f"{ctx.path}.appointments[{a.id}]",
                "refused",
                person=ctx.person_name(a.person),
                body=body.name,
            )
    if unknown:
        yield rule("IPR-7-2-CONSENT-UNKNOWN").at(
            f"{ctx.path}.bodies[{body.id}]", "unknown", count=unknown, body=body.name
        )


_SEATS: Final = (SeatKind.MEMBER, SeatKind.DEPUTY)


def exclusions(ctx: Context) -> Iterator[Finding]:
    """§ 7-3: excluded officials hold no seat in the council's governing bodies."""
    keepers = set(ctx.council.accounts_keepers)
    auditors = set(ctx.council.auditors)
    for a in ctx.council.appointments:
        body = ctx.bodies.get(a.body)
        if body is None or not body.political or a.seat not in _SEATS:
            continue
        here = f"{ctx.path}.appointments[{a.id}]"
        who = ctx.person_name(a.person)
        if a.person in keepers:
            yield rule("IPR-7-3-ACCOUNTS").at(here, "accounts", person=who, body=body.name)
        elif a.person in auditors:
            yield rule("IPR-7-3-ACCOUNTS").at(here, "audit", person=who, body=body.name)
        elif a.office is Office.CHIEF_EXECUTIVE and Right.VOTE in a.rights:
            yield rule("IPR-7-3-EXCLUDED").at(
                f"{here}.rights", "voting", person=who, body=body.name
            )


def _on(appointment: Appointment, day: date) -> bool:
    return (appointment.valid_from is None or appointment.valid_from <= day) and (
        appointment.valid_to is None or day <= appointment.valid_to
    )


def deputy_votes(ctx: Context) -> Iterator[Finding]:
    """§ 7-10 first paragraph: a deputy votes only in the place of a member who is away.

    A varamedlem meets when a member of the same participant has forfall, or is
    disqualified or excused in the item (§§ 11-10, 11-11), or in a seat left vacant.
    Per item and participant, the deputies who vote can be no more than its seats (by
    the composition, or its members that day) less the members who take part. A
    participant whose member seats are not recorded is skipped: unknown, not wrong.
    """
    for meeting in ctx.council.meetings:
        if meeting.status is MeetingStatus.CANCELLED or not any(i.votes for i in meeting.agenda):
            continue
        yield from _deputy_votes_in(ctx, meeting)


def _deputy_votes_in(ctx: Context, meeting: Meeting) -> Iterator[Finding]:
    day = meeting.start.date()
    body = ctx.bodies.get(meeting.body)
    members_of: dict[str, set[str]] = {}
    deputy_of: dict[str, str] = {}
    for body_id in dict.fromkeys((meeting.body, *meeting.joint_bodies)):
        for a in ctx.seats.get(body_id, ()):
            if a.participant is None or not _on(a, day):
                continue
            if a.seat is SeatKind.MEMBER:
                members_of.setdefault(a.participant, set()).add(a.person)
            else:
                deputy_of.setdefault(a.person, a.participant)
    seated = set().union(*members_of.values()) if members_of else set()
    present = (
        {e.person for e in meeting.attendance if e.status is AttendanceStatus.PRESENT}
        if meeting.attendance
        else None
    )
    for item in meeting.agenda:
        voters = {vote.person for vote in item.votes}
        deputies = Counter(deputy_of[p] for p in voters if p in deputy_of and p not in seated)
        away_from_item = {*item.disqualified, *item.excused}
        for participant, count in sorted(deputies.items()):
            members = members_of.get(participant)
            if not members:
                continue
            taking_part = {
                m
                for m in members
                if m not in away_from_item and m in (voters if present is None else present)
            }
            # A seat left vacant (a member who left for good) may be met by a deputy too.
            by_rule = delegation(body, participant) if body is not None else None
            seats = max(len(members), by_rule[0] if by_rule else 0)
            away = seats - len(taking_part)
            if count > away:
                yield rule("IPR-7-10-DEPUTY-VOTE").at(
                    f"{ctx.path}.meetings[{meeting.id}].agenda[{item.id}].votes",
                    "extra",
                    count=count,
                    participant=ctx.name(participant),
                    number=item.number,
                    away=away,
                    seats=seats,
                )


def _names(people: tuple[Elected, ...]) -> tuple[str, ...]:
    return tuple(person.name for person in people) or ("–",)


def _matches(recorded: str, person: Elected) -> bool:
    return recorded in (person.name, person.person)


def _same_members(recorded: tuple[str, ...], counted: tuple[Elected, ...]) -> bool:
    """Whether the recorded names are the counted members, in any order."""
    left = list(counted)
    for name in recorded:
        found = next((p for p in left if _matches(name, p)), None)
        if found is None:
            return False
        left.remove(found)
    return not left


def _same_deputies(recorded: tuple[str, ...], counted: tuple[Elected, ...]) -> bool:
    """Whether the recorded deputies are the counted ones, each list's in its order.

    Deputies are called in the order of their list (koml. § 7-10 første ledd); the
    minutes may give the lists in any order.
    """
    if not _same_members(recorded, counted):
        return False
    placed = [next(p for p in counted if _matches(name, p)) for name in recorded]
    for list_name in {p.list for p in counted}:
        ranks = [p.rank for p in placed if p.list == list_name]
        if ranks != sorted(ranks):
            return False
    return True


_METHOD_KEY: Final = {
    ElectionMethod.PROPORTIONAL: "proportional",
    ElectionMethod.AGREED: "agreed",
    ElectionMethod.MAJORITY: "majority",
}


def _steps(reasons: tuple[Message, ...]) -> tuple[Message, ...]:
    return reasons or (Message.of(N_("Nobody is elected.")),)


def recorded_election(item: AgendaItem, outcome: Outcome, here: str) -> Iterator[Finding]:
    """§§ 7-4 to 7-8, § 11-9 første ledd: the minutes' result of ``item``'s election.

    ``outcome`` is the item's evaluated election (``outcome.election`` set). The minutes
    claim someone is elected when they name the elected or record the item as adopted.
    """
    election, result = item.election, outcome.election
    if election is None or result is None:
        return
    claims = bool(election.elected) or item.outcome is RecordedOutcome.ADOPTED
    recorded = election.elected or ("–",)
    if outcome.result is RecordedOutcome.NOT_QUORATE:
        if claims and item.outcome is not RecordedOutcome.ADOPTED:
            # An adopted outcome is reported by IPR-11-9-QUORUM's contradiction already.
            yield rule("IPR-11-9-QUORUM").at(
                f"{here}.election",
                "election",
                number=item.number,
                recorded=recorded,
                why=outcome.reasons[-1] if outcome.reasons else "",
            )
        return
    if not claims:
        return
    if result.decided_by is ElectionDecision.NOT_UNANIMOUS:
        if election.proportional_demanded:
            yield rule("IPR-7-7-AGREED").at(
                f"{here}.election.proportional_demanded", "demanded", number=item.number
            )
        else:
            yield rule("IPR-7-7-AGREED").at(
                f"{here}.election.votes_against",
                "against",
                number=item.number,
                against=election.votes_against,
            )
        return
    if result.status is ElectionStatus.PENDING:
        yield rule("IPR-7-4-ELECTED").at(
            f"{here}.election",
            "pending",
            severity=Severity.WARNING,
            number=item.number,
            why=_steps(result.reasons),
        )
        return
    elected_rule = rule("IPR-7-4-ELECTED")
    if election.elected and not _same_members(election.elected, result.elected):
        yield elected_rule.at(
            f"{here}.election.elected",
            _METHOD_KEY[election.method],
            number=item.number,
            recorded=election.elected,
            counted=_names(result.elected),
            why=_steps(result.reasons),
        )
    if election.elected_deputies and not _same_deputies(election.elected_deputies, result.deputies):
        yield elected_rule.at(
            f"{here}.election.elected_deputies",
            "agreed_deputies" if election.method is ElectionMethod.AGREED else "deputies",
            number=item.number,
            recorded=election.elected_deputies,
            counted=_names(result.deputies),
            why=_steps(result.reasons),
        )


CHECKS: Final = (representantskap, exclusions, deputy_votes)
