# SPDX-License-Identifier: MIT
"""Kommuneloven chapter 18: the council, its participants, representantskap and agreement.

* § 18-1: participants, name, no enkeltvedtak beyond internal matters and grant schemes;
* § 18-2 with § 18-4 fourth paragraph f: ownership and liability shares;
* § 18-3: the representantskap, delegations, deputies, the chair, the term of office and
  the other governing bodies it creates and elects;
* § 18-4: the cooperation agreement, its content, adoption and amendments.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from fractions import Fraction
from typing import Final

from iprmodel.model import (
    STATUTORY_TOPICS,
    Adopter,
    Agreement,
    Appointment,
    Body,
    BodyKind,
    CaseKind,
    ChairSelection,
    ClauseTopic,
    CountyAuthority,
    MeetingStatus,
    Municipality,
    Power,
    SeatKind,
)
from iprmodel.rules._text import N_, Message, Word
from iprmodel.rules.context import (
    CORE_LETTERS,
    Context,
    adopted_outside_representantskap,
    current_participations,
    letters,
    params_of,
    percent,
    voted,
)
from iprmodel.rules.decisions import (
    NON_CORE_AMENDMENT_RULE,
    VoteRecordError,
    delegation,
    evaluate,
    fixed_seats,
    members_on,
)
from iprmodel.rules.decisions.counting import lawful_quorum
from iprmodel.rules.findings import Finding, Severity
from iprmodel.rules.registry import rule

__all__ = ["CHECKS"]

_EXACT_NAME: Final = "interkommunalt politisk råd"
# Any inflection of the three words (Nynorsk "interkommunale politiske råd", definite forms).
_INFLECTED_NAME: Final = re.compile(r"interkommunal\w*\s+politisk\w*\s+råd", re.IGNORECASE)


# -- § 18-1 ----------------------------------------------------------------------------


def participants(ctx: Context) -> Iterator[Finding]:
    """§ 18-1 first paragraph: at least two municipalities or county authorities."""
    valid = [
        p
        for p in ctx.members
        if isinstance(ctx.participants.get(p), Municipality | CountyAuthority)
    ]
    if len(valid) < 2:
        yield rule("IPR-18-1-PARTICIPANTS").at(
            f"{ctx.path}.participations", "few", count=len(valid)
        )


def name(ctx: Context) -> Iterator[Finding]:
    """§ 18-1 third paragraph: the formal name contains "interkommunalt politisk råd"."""
    formal = ctx.council.formal_name
    for locale in ("nb", "nn"):
        text = getattr(formal, locale)
        if not text.strip() or _EXACT_NAME in text.casefold():
            continue
        path = f"{ctx.path}.formal_name.{locale}"
        if _INFLECTED_NAME.search(text):
            yield rule("IPR-18-1-NAME-INFLECTED").at(path, "inflected", name=text)
        else:
            yield rule("IPR-18-1-NAME").at(path, "missing", name=text)


def powers(ctx: Context) -> Iterator[Finding]:
    """§ 18-1 second paragraph: enkeltvedtak only on internal matters and grant schemes."""
    for body in ctx.council.bodies:
        if Power.INDIVIDUAL_DECISIONS in body.powers:
            yield rule("IPR-18-1-ENKELTVEDTAK").at(
                f"{ctx.path}.bodies[{body.id}].powers", "power", body=body.name
            )


# -- § 18-2 and § 18-4 fourth paragraph f ---------------------------------------------


def shares(ctx: Context) -> Iterator[Finding]:
    """Ownership shares (§ 18-4 (4) f) and liability shares (§ 18-2 (1)) add up to 100 %."""
    rows = current_participations(ctx.council)
    for field, label, key in (
        ("ownership_share", Word(N_("ownership shares")), "ownership"),
        ("liability_share", Word(N_("liability shares")), "liability"),
    ):
        values = [(p, getattr(p, field)) for p in rows]
        given = [v for _, v in values if v is not None]
        if not given:
            continue
        if len(given) < len(values):
            missing = tuple(p.participant for p, v in values if v is None)
            yield rule("IPR-18-2-SHARES-PARTIAL").at(
                f"{ctx.path}.participations",
                "partial",
                what=label,
                participants=ctx.names(missing),
            )
            continue
        total = sum(given, Fraction(0))
        if total != 1:
            yield rule("IPR-18-2-SHARES").at(
                f"{ctx.path}.participations", key, total=percent(total)
            )


# -- § 18-3 ----------------------------------------------------------------------------


def representantskap(ctx: Context) -> Iterator[Finding]:
    """§ 18-3: the representantskap, its delegations, chair and term of office."""
    if not ctx.representantskap:
        yield rule("IPR-18-3-REPRESENTANTSKAP").at(f"{ctx.path}.bodies", "missing")
        return
    for body in ctx.representantskap:
        yield from _delegations(ctx, body)
        yield from _term(ctx, body)


def _delegations(ctx: Context, body: Body) -> Iterator[Finding]:
    path = f"{ctx.path}.bodies[{body.id}]"
    seats = [a for a in ctx.appointments_by_body.get(body.id, ()) if a.valid_to is None]
    if not body.composition and not seats:
        yield rule("IPR-18-3-MEMBERS-UNKNOWN").at(f"{path}.composition", "unknown", body=body.name)
        return
    for participant in ctx.members:
        found = delegation(body, participant)
        deputies: int | None
        if found is None and body.composition:
            members, deputies = 0, 0  # the composition is the rule, and it leaves them out
        elif found is None:
            members = sum(
                1 for a in seats if a.participant == participant and a.seat is SeatKind.MEMBER
            )
            deputies_count = sum(
                1 for a in seats if a.participant == participant and a.seat is SeatKind.DEPUTY
            )
            deputies = deputies_count or None
        else:
            members, deputies = found
        who = ctx.name(participant)
        if members < 1:
            yield rule("IPR-18-3-MEMBERS").at(
                f"{path}.composition", "none", participant=who, body=body.name
            )
            continue
        if deputies is None:
            yield rule("IPR-18-3-DEPUTIES-UNKNOWN").at(
                f"{path}.composition", "unknown", participant=who, body=body.name, members=members
            )
        elif deputies < members:
            yield rule("IPR-18-3-DEPUTIES").at(
                f"{path}.composition",
                "few",
                participant=who,
                body=body.name,
                members=members,
                deputies=deputies,
            )
        if found is not None and seats:
            yield from _elected(ctx, body, participant, members, seats)


def _elected(
    ctx: Context, body: Body, participant: str, seats_set: int, seats: list[Appointment]
) -> Iterator[Finding]:
    """§ 18-3 first paragraph against the appointments: the seats must be filled.

    The composition may be lawful while the participant has elected nobody, or fewer
    deputies than members. A warning, as appointments may be recorded late; a
    participant with no deputy recorded at all is left to ``IPR-18-3-DEPUTIES-UNKNOWN``.
    """
    mine = [a for a in seats if a.participant == participant]
    members = sum(1 for a in mine if a.seat is SeatKind.MEMBER)
    deputies = sum(1 for a in mine if a.seat is SeatKind.DEPUTY)
    who = ctx.name(participant)
    if not members:
        yield rule("IPR-18-3-MEMBERS").at(
            f"{ctx.path}.appointments",
            "vacant",
            severity=Severity.WARNING,
            participant=who,
            body=body.name,
            seats=seats_set,
        )
    elif 0 < deputies < members:
        yield rule("IPR-18-3-DEPUTIES").at(
            f"{ctx.path}.appointments",
            "elected",
            severity=Severity.WARNING,
            participant=who,
            body=body.name,
            members=members,
            deputies=deputies,
        )


def _term(ctx: Context, body: Body) -> Iterator[Finding]:
    if body.term_years == 4:
        return
    covered = ctx.covered(ClauseTopic.TERM)
    if covered:
        return
    yield rule("IPR-18-3-TERM").at(
        f"{ctx.path}.bodies[{body.id}].term_years",
        "term",
        severity=Severity.ERROR if covered is False else Severity.WARNING,
        body=body.name,
        years=body.term_years,
    )


def chair(ctx: Context) -> Iterator[Finding]:
    """§ 18-3 first paragraph: a chair that is not elected rests on an agreement clause."""
    for body in ctx.council.bodies:
        if not body.political or body.chair.selection not in (
            ChairSelection.ROTATING,
            ChairSelection.BY_AGREEMENT,
        ):
            continue
        covered = ctx.covered(ClauseTopic.CHAIR)
        if covered:
            continue
        yield rule("IPR-18-3-CHAIR").at(
            f"{ctx.path}.bodies[{body.id}].chair",
            "rotating" if body.chair.selection is ChairSelection.ROTATING else "agreed",
            severity=Severity.ERROR if covered is False else Severity.WARNING,
            body=body.name,
        )


#: Powers of a body that only prepares matters: it need not be a governing body.
_PREPARING: Final = frozenset({Power.PREPARE_CASES, Power.RECOMMEND})


def other_bodies(ctx: Context) -> Iterator[Finding]:
    """§ 18-3 fourth paragraph: the representantskap creates and elects other governing bodies."""
    for body in ctx.council.bodies:
        if body.kind is BodyKind.REPRESENTANTSKAP or not body.political:
            continue
        path = f"{ctx.path}.bodies[{body.id}]"
        governs = bool(body.powers - _PREPARING)
        severity = Severity.ERROR if governs else Severity.WARNING
        if body.created_by == body.id:
            yield rule("IPR-18-3-BODIES").at(f"{path}.created_by", "self_created", body=body.name)
        elif (creator := _other_body(ctx, body.created_by)) is not None:
            yield rule("IPR-18-3-BODIES").at(
                f"{path}.created_by",
                "created" if governs else "created_unclear",
                severity=severity,
                body=body.name,
                creator=creator.name,
            )
        if body.elected_by == body.id:
            yield rule("IPR-18-3-BODIES").at(f"{path}.elected_by", "self_elected", body=body.name)
        elif (elector := _other_body(ctx, body.elected_by)) is not None:
            yield rule("IPR-18-3-BODIES").at(
                f"{path}.elected_by", "elected", body=body.name, elector=elector.name
            )


def _other_body(ctx: Context, body_id: str | None) -> Body | None:
    """The body ``body_id`` when it is not the representantskap."""
    found = ctx.bodies.get(body_id) if body_id is not None else None
    return found if found is not None and found.kind is not BodyKind.REPRESENTANTSKAP else None


def deputies_stand_in(ctx: Context) -> Iterator[Finding]:
    """§ 18-3 first paragraph, § 7-10 first paragraph: a deputy replaces its own participant's member."""
    for meeting in ctx.council.meetings:
        if meeting.status is MeetingStatus.CANCELLED:
            continue
        if not any(entry.substitute_for for entry in meeting.attendance):
            continue
        day = meeting.start.date()
        bodies = (meeting.body, *meeting.joint_bodies)
        side: dict[str, str] = {}
        for body_id in bodies:
            for a in ctx.seats.get(body_id, ()):
                if a.participant is not None and _valid(a.valid_from, a.valid_to, day):
                    side.setdefault(a.person, a.participant)
        for i, entry in enumerate(meeting.attendance):
            if entry.substitute_for is None:
                continue
            mine, theirs = side.get(entry.person), side.get(entry.substitute_for)
            if mine is None or theirs is None or mine == theirs:
                continue
            yield rule("IPR-18-3-DEPUTY-PARTICIPANT").at(
                f"{ctx.path}.meetings[{meeting.id}].attendance[{i}].substitute_for",
                "other",
                deputy=ctx.person_name(entry.person),
                deputy_participant=ctx.name(mine),
                member=ctx.person_name(entry.substitute_for),
                member_participant=ctx.name(theirs),
                meeting=meeting.id,
            )


def _valid(start: date | None, end: date | None, day: date) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


# -- § 18-4 ----------------------------------------------------------------------------


def agreement(ctx: Context) -> Iterator[Finding]:
    """§ 18-4: a written agreement between all participants, adopted by every council."""
    if not ctx.cooperation:
        yield rule("IPR-18-4-AGREEMENT").at(f"{ctx.path}.agreements", "missing")
        return
    for found in ctx.cooperation:
        path = f"{ctx.path}.agreements[{found.id}]"
        yield from _content(found, path)
        if found.parties:
            missing = tuple(p for p in ctx.members if p not in set(found.parties))
            if missing:
                yield rule("IPR-18-4-PARTIES").at(
                    f"{path}.parties", "missing", participants=ctx.names(missing)
                )
        yield from _adoptions(ctx, found, path)
        yield from _amendments(ctx, found, path)


def _content(found: Agreement, path: str) -> Iterator[Finding]:
    missing = tuple(t for t in STATUTORY_TOPICS if not found.covers(t))
    # A clause tagged with a topic but without text covers nothing yet (the template
    # `iprmodel init` writes): the topic is claimed, not agreed.
    empty = tuple(
        t
        for t in STATUTORY_TOPICS
        if t not in missing and all(clause.text is None for clause in found.covers(t))
    )
    if empty:
        yield rule("IPR-18-4-CONTENT").at(
            f"{path}.clauses",
            "empty",
            severity=Severity.WARNING,
            letters=letters(empty),
            topics=empty,
        )
    if not missing:
        return
    yield rule("IPR-18-4-CONTENT").at(
        f"{path}.clauses",
        "missing" if found.text_complete else "incomplete",
        severity=Severity.ERROR if found.text_complete else Severity.WARNING,
        letters=letters(missing),
        topics=missing,
    )


def _adoptions(ctx: Context, found: Agreement, path: str) -> Iterator[Finding]:
    adoption_rule = rule("IPR-18-4-ADOPTION")
    if not found.adoptions:
        yield adoption_rule.at(f"{path}.adoptions", "unknown", severity=Severity.WARNING)
        return
    members = set(ctx.members)
    for i, adoption in enumerate(found.adoptions):
        if adoption.party in members and adoption.by is not Adopter.PARTICIPANT_COUNCIL:
            yield adoption_rule.at(
                f"{path}.adoptions[{i}]", "other", participant=ctx.name(adoption.party)
            )
    adopted = {a.party for a in found.adoptions if a.by is Adopter.PARTICIPANT_COUNCIL}
    missing = tuple(p for p in ctx.members if p not in adopted)
    if missing:
        yield adoption_rule.at(f"{path}.adoptions", "missing", participants=ctx.names(missing))


def _amendments(ctx: Context, found: Agreement, path: str) -> Iterator[Finding]:
    amendment_rule = rule("IPR-18-4-AMENDMENT")
    unknown_rule = rule("IPR-18-4-AMENDMENT-UNKNOWN")
    topics_of = {clause.number: clause.topics for clause in found.clauses}
    meetings = {m.id: m for m in ctx.council.meetings}
    for amendment in found.amendments:
        here = f"{path}.amendments[{amendment.id}]"
        if not amendment.clauses:
            yield unknown_rule.at(here, "clauses")
            continue
        unlisted = tuple(n for n in amendment.clauses if n not in topics_of)
        if unlisted:
            yield unknown_rule.at(f"{here}.clauses", "unlisted", clauses=unlisted)
        core = {t for n in amendment.clauses for t in topics_of.get(n, ()) if t in CORE_LETTERS}
        adopters = {a.party for a in amendment.adoptions if a.by is Adopter.PARTICIPANT_COUNCIL}
        missing = tuple(p for p in ctx.members if p not in adopters)
        if core or found.non_core_amendments_by is Adopter.PARTICIPANT_COUNCIL:
            if missing:
                yield amendment_rule.at(
                    here,
                    "core" if core else "councils",
                    letters=letters(core),
                    participants=ctx.names(missing),
                )
            continue
        if not missing:
            continue  # every council adopted it: always enough
        if amendment.adopted_by is not Adopter.REPRESENTANTSKAP:
            yield amendment_rule.at(here, "neither")
            continue
        meeting = meetings.get(amendment.meeting) if amendment.meeting else None
        body = ctx.bodies.get(meeting.body) if meeting is not None else None
        if body is not None and body.kind is not BodyKind.REPRESENTANTSKAP:
            yield amendment_rule.at(f"{here}.meeting", "body", body=body.name)
            continue
        if amendment.tally is None:
            yield unknown_rule.at(here, "tally")
            continue
        rule_of = found.non_core_amendment_rule or NON_CORE_AMENDMENT_RULE
        day = amendment.date or (meeting.start.date() if meeting is not None else None)
        size = _representantskap_size(ctx, day)
        if size is None:
            # The quorum cannot be checked; the majority still can (never a guess).
            yield unknown_rule.at(f"{here}.tally", "quorum")
        try:
            outcome = evaluate(
                rule_of,
                amendment.tally,
                members=size or voted(amendment.tally),
                quorum=lawful_quorum(ctx.representantskap[0].quorum) if size else None,
            )
        except VoteRecordError as error:
            yield amendment_rule.at(
                f"{here}.tally",
                "invalid",
                problem=Message.of(error.template, **params_of(error.params)),
            )
            continue
        if not outcome.adopted:
            yield amendment_rule.at(
                f"{here}.tally", "majority", why=outcome.reasons[-1] if outcome.reasons else ""
            )


def _representantskap_size(ctx: Context, day: date | None) -> int | None:
    """The members of the representantskap, for the quorum of a vote on ``day``.

    The seats its composition sets (koml. § 11-9 first paragraph), else its member
    appointments on ``day``; ``None`` when neither is known.
    """
    if not ctx.representantskap:
        return None
    body = ctx.representantskap[0]
    size = fixed_seats(body, ctx.members)
    if size is None and day is not None:
        size = len(members_on(ctx.council, body.id, day)) or None
    return size


_AMENDING: Final = (CaseKind.AGREEMENT_AMENDMENT, CaseKind.CORE_AGREEMENT_AMENDMENT)


def amending_bodies(ctx: Context) -> Iterator[Finding]:
    """§ 18-4 third paragraph: only the representantskap itself amends the agreement."""
    for path, body, item in adopted_outside_representantskap(ctx, _AMENDING):
        yield rule("IPR-18-4-AMENDMENT").at(path, "item", number=item.number, body=body.name)


CHECKS: Final = (
    participants,
    name,
    powers,
    shares,
    representantskap,
    chair,
    other_bodies,
    deputies_stand_in,
    agreement,
    amending_bodies,
)
