# SPDX-License-Identifier: MIT
"""Kommuneloven chapter 11: meetings, minutes, urgent decisions, quorum and votes.

* § 11-4 first paragraph a–e: what the minutes of a held meeting record;
* § 11-7 third paragraph: a meeting that must be closed cannot be remote;
* § 11-8 first paragraph: an urgent decision is reported to the next meeting of the
  body it was taken for;
* § 11-9: a body's quorum rule is not weaker than the act's (first paragraph), and a
  majority rule other than the act's is reported (second paragraph, interpretation); the
  recorded outcome agrees with the votes under the body's rule; a tie by
  totals without the chair's vote is undetermined; an election is never decided by the
  chair's casting vote; a consensus rule is the council's own (info).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Final

from iprmodel.model import (
    CaseKind,
    ClosedBasis,
    ConsensusRule,
    ElectionRule,
    MajorityRule,
    Meeting,
    MeetingMode,
    MeetingStatus,
    RecordedOutcome,
)
from iprmodel.rules import chapter07
from iprmodel.rules._text import Message
from iprmodel.rules.context import Context, params_of
from iprmodel.rules.decisions import BlankVoteError, DecidedBy, VoteRecordError, rule_for_item
from iprmodel.rules.decisions.counting import ACT_QUORUM, weaker_than_act
from iprmodel.rules.decisions.items import _evaluate_item
from iprmodel.rules.findings import Finding
from iprmodel.rules.registry import rule

__all__ = ["CHECKS"]

_NO_DECISION_KINDS: Final = frozenset({CaseKind.ORIENTATION, CaseKind.URGENT_DECISION_REPORT})
_MUST_CLOSE: Final = frozenset({ClosedBasis.EMPLOYEE, ClosedBasis.CONFIDENTIAL})


def meetings(ctx: Context) -> Iterator[Finding]:
    """Remote closed items, the minutes of held meetings, and each item's votes."""
    for meeting in ctx.council.meetings:
        path = f"{ctx.path}.meetings[{meeting.id}]"
        if meeting.status is MeetingStatus.CANCELLED:
            continue
        if meeting.mode in (MeetingMode.REMOTE, MeetingMode.HYBRID):
            for item in meeting.agenda:
                if item.closed_basis in _MUST_CLOSE:
                    yield rule("IPR-11-7-REMOTE-CLOSED").at(
                        f"{path}.agenda[{item.id}]",
                        "remote",
                        number=item.number,
                        basis=item.closed_basis,
                    )
        if meeting.status is MeetingStatus.HELD:
            yield from _minutes(meeting, path)
        yield from _votes(ctx, meeting, path)


def _votes(ctx: Context, meeting: Meeting, path: str) -> Iterator[Finding]:
    body = ctx.bodies.get(meeting.body)
    if body is None:
        return
    voting = None
    for item in meeting.agenda:
        here = f"{path}.agenda[{item.id}]"
        if item.casting_vote and (
            item.kind is CaseKind.ELECTION
            or item.election is not None
            or isinstance(rule_for_item(body, meeting, item), ElectionRule)
        ):
            yield rule("IPR-11-9-CASTING-VOTE").at(
                f"{here}.casting_vote", "election", number=item.number
            )
        if not item.votes and item.tally is None and item.election is None:
            continue
        if voting is None:
            # An unknown membership is reported for each item below, with the item's path.
            voting = ctx.seats_in(meeting) or ctx.seats.get(body.id, ())
        try:
            outcome = _evaluate_item(ctx.council, body, meeting, item, voting)
        except BlankVoteError as error:
            yield rule("IPR-8-1-BLANK").at(
                here,
                "blank",
                number=item.number,
                count=int(str(error.params.get("count", 0))),
            )
            continue
        except VoteRecordError as error:
            yield rule("IPR-11-9-VOTES").at(
                here,
                "invalid",
                number=item.number,
                problem=Message.of(error.template, **params_of(error.params)),
            )
            continue
        if outcome is not None and outcome.election is not None:
            yield from chapter07.recorded_election(item, outcome, here)
        if outcome is None or item.outcome is None:
            continue
        if outcome.result is None:
            tally = outcome.tally
            if (
                outcome.decided_by is DecidedBy.PENDING
                and not isinstance(outcome.rule, ElectionRule)
                and tally.votes_for == tally.votes_against
            ):
                yield rule("IPR-11-9-CHAIR-VOTE").at(
                    here,
                    "tie",
                    number=item.number,
                    recorded=item.outcome,
                    votes_for=tally.votes_for,
                    votes_against=tally.votes_against,
                )
            continue
        if outcome.result is item.outcome:
            continue
        quorum_issue = RecordedOutcome.NOT_QUORATE in (outcome.result, item.outcome)
        seats = voting if not isinstance(voting, tuple) else None
        yield rule("IPR-11-9-QUORUM" if quorum_issue else "IPR-11-9-OUTCOME").at(
            f"{here}.outcome",
            "contradiction",
            # The quorum's base is the seats the agreement sets: say so when that decides.
            interpretation=bool(
                quorum_issue and seats is not None and seats.filled not in (0, seats.members)
            ),
            number=item.number,
            recorded=item.outcome,
            evaluated=outcome.result,
            why=outcome.reasons[-1] if outcome.reasons else "",
        )


def _minutes(meeting: Meeting, path: str) -> Iterator[Finding]:
    location = meeting.location
    if meeting.mode is not MeetingMode.WRITTEN and (
        location is None or not (location.place or location.address or location.remote_url)
    ):
        yield rule("IPR-11-4-TIME-PLACE").at(f"{path}.location", "missing")
    if not meeting.attendance:
        yield rule("IPR-11-4-ATTENDANCE").at(f"{path}.attendance", "missing")
    if not meeting.agenda:
        yield rule("IPR-11-4-MATTERS").at(f"{path}.agenda", "missing")
    for item in meeting.agenda:
        here = f"{path}.agenda[{item.id}]"
        if item.kind in _NO_DECISION_KINDS:
            continue
        named = item.election is not None and bool(item.election.elected)
        if item.decision is None and item.outcome is None and not named:
            yield rule("IPR-11-4-DECISIONS").at(here, "missing", number=item.number)
        elif (
            item.outcome is None
            and not item.votes
            and item.tally is None
            and (item.election is None)
        ):
            yield rule("IPR-11-4-VOTE-RESULTS").at(here, "missing", number=item.number)


def urgent_reports(ctx: Context) -> Iterator[Finding]:
    """§ 11-8 first paragraph: the next meeting of the body gets a report of the urgent decision."""
    by_body: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in ctx.council.meetings:
        if meeting.status not in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
            for body_id in dict.fromkeys((meeting.body, *meeting.joint_bodies)):
                by_body[body_id].append(meeting)
    for meetings_of in by_body.values():
        meetings_of.sort(key=lambda m: m.start)
    for meeting in ctx.council.meetings:
        for item in meeting.agenda:
            if item.urgent_for is None or item.outcome is not RecordedOutcome.ADOPTED:
                continue
            later = [m for m in by_body.get(item.urgent_for, ()) if m.start > meeting.start]
            if not later or later[0].status is not MeetingStatus.HELD:
                continue  # not held yet: the report can still be added
            nxt = later[0]
            if any(i.kind is CaseKind.URGENT_DECISION_REPORT for i in nxt.agenda):
                continue
            body = ctx.bodies.get(item.urgent_for)
            yield rule("IPR-11-8-REPORT").at(
                f"{ctx.path}.meetings[{meeting.id}].agenda[{item.id}]",
                "missing",
                number=item.number,
                body=body.name if body is not None else item.urgent_for,
                meeting=nxt.id,
            )


def consensus_rules(ctx: Context) -> Iterator[Finding]:
    """§ 11-9 second paragraph: a consensus rule is the council's own (info)."""
    for body in ctx.council.bodies:
        kinds = tuple(
            kind
            for decision in body.decision_rules
            if isinstance(decision.rule, ConsensusRule)
            for kind in sorted(decision.case_kinds, key=lambda k: k.value)
        )
        if kinds or isinstance(body.default_rule, ConsensusRule):
            yield rule("IPR-11-9-CONSENSUS").at(
                f"{ctx.path}.bodies[{body.id}].decision_rules",
                "own",
                body=body.name,
                kinds=kinds or (CaseKind.DECISION,),
            )


#: Kinds whose majority the act itself leaves to the agreement, or that are elections.
_OWN_MAJORITY_ALLOWED: Final = frozenset(
    {CaseKind.AGREEMENT_AMENDMENT, CaseKind.CORE_AGREEMENT_AMENDMENT, CaseKind.ELECTION}
)
#: The act's rule: more than half of the votes cast, the chair's vote deciding a tie.
_ACT_MAJORITY: Final = MajorityRule()


def majority_rules(ctx: Context) -> Iterator[Finding]:
    """§ 11-9 second paragraph: a majority rule other than the act's (interpretation)."""
    for body in ctx.council.bodies:
        if not body.political:
            continue
        for decision in body.decision_rules:
            ordinary = sorted(decision.case_kinds - _OWN_MAJORITY_ALLOWED, key=lambda k: k.value)
            if ordinary and _own_majority(decision.rule):
                yield rule("IPR-11-9-MAJORITY-RULE").at(
                    f"{ctx.path}.bodies[{body.id}].decision_rules",
                    "own",
                    body=body.name,
                    kinds=tuple(ordinary),
                )
        if _own_majority(body.default_rule):
            yield rule("IPR-11-9-MAJORITY-RULE").at(
                f"{ctx.path}.bodies[{body.id}].default_rule", "default", body=body.name
            )


def _own_majority(found: object) -> bool:
    # Consensus is reported on its own (IPR-11-9-CONSENSUS); every other rule but the
    # act's majority (a qualified majority, unanimity, an election's rule) is the body's own.
    return not isinstance(found, ConsensusRule) and found != _ACT_MAJORITY


def quorum_rules(ctx: Context) -> Iterator[Finding]:
    """§ 11-9 first paragraph: a body's quorum rule cannot be weaker than the act's."""
    for body in ctx.council.bodies:
        if not body.political or not weaker_than_act(body.quorum):
            continue
        found = rule("IPR-11-9-QUORUM-RULE")
        path = f"{ctx.path}.bodies[{body.id}].quorum"
        if body.quorum.fraction < ACT_QUORUM.fraction:
            yield found.at(path, "weaker", body=body.name, fraction=body.quorum.fraction)
        else:
            yield found.at(path, "present", body=body.name)


def meetings_per_year(ctx: Context) -> Iterator[Finding]:
    """The body's own rule: the number of meetings in a calendar year."""
    counted: dict[str, Counter[int]] = defaultdict(Counter)
    for meeting in ctx.council.meetings:
        if meeting.status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED):
            continue
        for body_id in dict.fromkeys((meeting.body, *meeting.joint_bodies)):
            counted[body_id][meeting.start.year] += 1
    for body in ctx.council.bodies:
        allowed = body.meetings_per_year
        if allowed is None:
            continue
        for year, count in sorted(counted.get(body.id, Counter()).items()):
            if count in allowed:
                continue
            yield rule("IPR-OWN-MEETINGS-PER-YEAR").at(
                f"{ctx.path}.bodies[{body.id}].meetings_per_year",
                "count",
                body=body.name,
                count=count,
                year=str(year),
                low=allowed.min,
                high=allowed.max,
            )


CHECKS: Final = (
    meetings,
    urgent_reports,
    consensus_rules,
    majority_rules,
    quorum_rules,
    meetings_per_year,
)
