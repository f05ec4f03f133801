# SPDX-License-Identifier: MIT
"""Evaluate a vote under a voting rule (avstemning, vedtaksførleik, fleirtal).

The law, as encoded here:

* **Quorum** (vedtaksførhet, koml. § 11-9 første ledd): at least half of the members
  must be present *and have voted* in the matter (:class:`~iprmodel.model.QuorumRule`).
* **Majority** (koml. § 11-9 andre ledd): a decision needs a majority of the votes cast;
  when for and against are equal the meeting chair's vote decides
  (:class:`~iprmodel.model.MajorityRule`, threshold and base configurable: 2/3 of votes
  cast for non-core agreement amendments, koml. § 18-4 tredje ledd).
* **Elections** (flertallsvalg, koml. § 7-8): a candidate needs more than half of the
  votes cast; otherwise a second ballot is held where the most votes win; a tie there
  is decided by lot. The chair's casting vote never applies to elections.
* **Blank votes** are allowed only in elections (koml. § 8-1 andre ledd). In any other
  matter :func:`evaluate` raises :class:`BlankVoteError`: a blank vote there is an error
  in the record, not an outcome. In elections blank votes count among the votes cast
  (our reading of "de avgitte stemmene", koml. § 7-8; see docs/rules.md).
* **Consensus** (the agreement's konsensusprinsipp): nobody votes against; by
  participants, every participant's delegation has a vote for and none against.
* **Unanimity** (written procedure, koml. § 11-8 fjerde ledd): every member agrees.

Lots are drawn deterministically from an injected ``seed`` (SHA-256 of the seed and the
sorted options), so the same input always gives the same outcome. Without a seed, a
needed draw leaves the outcome undecided (``result`` ``None``).

>>> from fractions import Fraction
>>> from iprmodel.model import MajorityRule, Tally, VoteChoice
>>> outcome = evaluate(MajorityRule(), Tally(votes_for=8, votes_against=8),
...                    members=16, chair_vote=VoteChoice.FOR)
>>> outcome.result.value, outcome.decided_by.value
('adopted', 'casting_vote')
>>> two_thirds = MajorityRule(threshold=Fraction(2, 3), strict=False)
>>> evaluate(two_thirds, Tally(votes_for=10, votes_against=5), members=16).result.value
'adopted'
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from fractions import Fraction
from typing import ClassVar, Final

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model import (
    AgendaItem,
    Appointment,
    AttendanceStatus,
    Body,
    BodyKind,
    CaseKind,
    ConsensusRule,
    ConsensusUnit,
    Council,
    ElectionRule,
    MajorityRule,
    Meeting,
    MeetingMode,
    Position,
    QuorumRule,
    RecordedOutcome,
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
from iprmodel.model.text import Locale
from iprmodel.rules._text import N_, Message, Ref, Word
from iprmodel.rules.elections import (
    ElectionDecision,
    ElectionResult,
    ElectionStatus,
    count_ballot,
    draw_lots,
    majority_election,
)

__all__ = [
    "BlankVoteError",
    "DecidedBy",
    "MeetingSeats",
    "Outcome",
    "VoteRecordError",
    "draw_lots",
    "evaluate",
    "evaluate_item",
    "meeting_seats",
    "members_on",
    "rule_for_item",
    "seat_index",
]

_QUORUM_REF = Ref(section="11-9", paragraph=1)
_MAJORITY_REF = Ref(section="11-9", paragraph=2)
_BLANK_REF = Ref(section="8-1", paragraph=2)
_WRITTEN_REF = Ref(section="11-8", paragraph=4)


class DecidedBy(enum.Enum):
    """What settled the outcome."""

    QUORUM = "quorum"  # not quorate: no decision
    MAJORITY = "majority"
    CASTING_VOTE = "casting_vote"  # møteleiaren si dobbeltstemme
    TIE = "tie"  # tied and no tie-break: not adopted
    LOT = "lot"  # loddtrekning
    CONSENSUS = "consensus"
    UNANIMITY = "unanimity"
    ELECTION = "election"  # more than half of votes cast in the first ballot
    SECOND_BALLOT = "second_ballot"
    PENDING = "pending"  # a second ballot or a draw is still needed


class VoteRecordError(InvalidValue):
    """The recorded votes cannot be right (more votes than members, a person voting twice...)."""

    # Its templates live in the rules catalog, so the command line translates them there.
    domain: ClassVar[str] = "iprmodel_rules"


class BlankVoteError(VoteRecordError):
    """A blank vote in a matter that is not an election (koml. § 8-1 andre ledd)."""


@attrs.frozen(kw_only=True)
class Outcome:
    """The evaluated outcome of a vote.

    ``result`` is ``None`` when the matter is not decided yet: an election needs a second
    ballot, or lots must be drawn and no seed was given. ``reasons`` are message
    templates with parameters; :meth:`explain` renders them.
    """

    result: RecordedOutcome | None
    tally: Tally
    decided_by: DecidedBy
    rule: VotingRule
    quorate: bool
    reasons: tuple[Message, ...] = ()
    references: tuple[Ref, ...] = ()
    #: In elections: the person elected, if decided.
    elected: str | None = None
    #: In elections: (candidate, votes) of the deciding ballot, most votes first.
    candidates: tuple[tuple[str, int], ...] = ()

    @property
    def adopted(self) -> bool:
        """Whether the proposal was adopted (or a candidate elected)."""
        return self.result is RecordedOutcome.ADOPTED

    def explain(self, locale: Locale) -> tuple[str, ...]:
        """The reasons, one sentence each, in ``locale``."""
        return tuple(reason.render(locale) for reason in self.reasons)

    def reference_texts(self, locale: Locale) -> tuple[str, ...]:
        """The paragraphs applied, in the words of ``locale``."""
        return tuple(ref.render(locale) for ref in self.references)


# -- counting -------------------------------------------------------------------------


def _count(votes: Sequence[Vote]) -> Tally:
    seen: set[str] = set()
    counts: Counter[VoteChoice] = Counter()
    for vote in votes:
        if vote.person in seen:
            raise VoteRecordError("{person} voted more than once", person=vote.person)
        seen.add(vote.person)
        counts[vote.choice] += 1
    return Tally(
        votes_for=counts[VoteChoice.FOR],
        votes_against=counts[VoteChoice.AGAINST],
        blank=counts[VoteChoice.BLANK],
    )


def _check_counts(tally: Tally, members: int, present: int | None) -> int:
    """The number of members who voted; raise when the numbers cannot be right."""
    if isinstance(members, bool) or not isinstance(members, int) or members < 1:
        raise VoteRecordError(
            "members must be a whole number of at least 1, got {value}", value=members
        )
    voted = tally.votes_for + tally.votes_against + tally.blank
    if voted > members:
        raise VoteRecordError(
            "{voted} votes were cast but the body has only {members} members",
            voted=voted,
            members=members,
        )
    if present is not None:
        if present > members:
            raise VoteRecordError(
                "{present} members present but the body has only {members} members",
                present=present,
                members=members,
            )
        if voted > present:
            raise VoteRecordError(
                "{voted} votes were cast but only {present} members were present",
                voted=voted,
                present=present,
            )
    return voted


def _needed(fraction: Fraction, total: int, *, strict: bool) -> int:
    """The smallest count that reaches ``fraction`` of ``total`` ("more than" if strict)."""
    quotient, remainder = divmod(fraction.numerator * total, fraction.denominator)
    if strict:
        return quotient + 1
    return quotient + (1 if remainder else 0)


def _quorum(
    quorum: QuorumRule | None, *, members: int, present: int, voted: int
) -> tuple[bool, Message | None]:
    if quorum is None:
        return True, None
    counted = voted if quorum.must_vote else present
    needed = _needed(quorum.fraction, members, strict=not quorum.inclusive)
    ok = counted >= needed
    if quorum.must_vote:
        template = (
            N_("{voted} of {members} members voted; {needed} must vote for a quorum.")
            if ok
            else N_(
                "Only {voted} of {members} members voted; {needed} must vote for a quorum,"
                " so no valid decision was made."
            )
        )
        return ok, Message.of(template, voted=counted, members=members, needed=needed)
    template = (
        N_("{present} of {members} members were present; {needed} are needed for a quorum.")
        if ok
        else N_(
            "Only {present} of {members} members were present; {needed} are needed for a"
            " quorum, so no valid decision was made."
        )
    )
    return ok, Message.of(template, present=counted, members=members, needed=needed)


# -- the rules ----------------------------------------------------------------------------

_BASE_WORDS: dict[VoteBase, Word] = {
    VoteBase.VOTES_CAST: Word(N_("the votes cast")),
    VoteBase.MEMBERS_PRESENT: Word(N_("the members present")),
    VoteBase.ALL_MEMBERS: Word(N_("all members")),
}


@attrs.frozen(kw_only=True)
class _Decision:
    result: RecordedOutcome | None
    decided_by: DecidedBy
    reasons: tuple[Message, ...]
    references: tuple[Ref, ...] = ()
    elected: str | None = None
    candidates: tuple[tuple[str, int], ...] = ()


def _majority(
    rule: MajorityRule,
    tally: Tally,
    *,
    members: int,
    present: int,
    chair_vote: VoteChoice | None,
    seed: int | None,
) -> _Decision:
    if tally.blank:
        raise _blank_error(tally.blank)
    if rule.base is VoteBase.VOTES_CAST:
        base = tally.votes_for + tally.votes_against
    elif rule.base is VoteBase.MEMBERS_PRESENT:
        base = present
    else:
        base = members
    counted = Message.of(
        N_("{votes_for} voted for and {votes_against} against."),
        votes_for=tally.votes_for,
        votes_against=tally.votes_against,
    )
    refs = (_MAJORITY_REF,)
    if base == 0:
        return _Decision(
            result=RecordedOutcome.REJECTED,
            decided_by=DecidedBy.MAJORITY,
            reasons=(counted, Message.of(N_("No votes were cast, so nothing was adopted."))),
            references=refs,
        )
    # Integer cross-multiplication: votes_for / base against threshold, exactly.
    lhs = tally.votes_for * rule.threshold.denominator
    rhs = rule.threshold.numerator * base
    needed = _needed(rule.threshold, base, strict=rule.strict)
    need = Message.of(
        N_(
            "The proposal needs more than {threshold} of {base} ({count}), that is at least"
            " {needed} votes for; it got {votes_for}."
        )
        if rule.strict
        else N_(
            "The proposal needs at least {threshold} of {base} ({count}), that is at least"
            " {needed} votes for; it got {votes_for}."
        ),
        threshold=rule.threshold,
        base=_BASE_WORDS[rule.base],
        count=base,
        needed=needed,
        votes_for=tally.votes_for,
    )
    tied = rule.strict and lhs == rhs
    if not tied:
        adopted = lhs > rhs if rule.strict else lhs >= rhs
        return _Decision(
            result=RecordedOutcome.ADOPTED if adopted else RecordedOutcome.REJECTED,
            decided_by=DecidedBy.MAJORITY,
            reasons=(counted, need),
            references=refs,
        )
    tie = Message.of(
        N_("The votes are tied: exactly {threshold} of {base}."),
        threshold=rule.threshold,
        base=_BASE_WORDS[rule.base],
    )
    if rule.tie_break is TieBreak.CHAIR:
        if chair_vote is VoteChoice.FOR:
            return _Decision(
                result=RecordedOutcome.ADOPTED,
                decided_by=DecidedBy.CASTING_VOTE,
                reasons=(
                    counted,
                    tie,
                    Message.of(
                        N_(
                            "The meeting chair voted for, and the chair's vote decides a tie:"
                            " the proposal is adopted."
                        )
                    ),
                ),
                references=refs,
            )
        if chair_vote is VoteChoice.AGAINST:
            return _Decision(
                result=RecordedOutcome.REJECTED,
                decided_by=DecidedBy.CASTING_VOTE,
                reasons=(
                    counted,
                    tie,
                    Message.of(
                        N_(
                            "The meeting chair voted against, and the chair's vote decides a"
                            " tie: the proposal is not adopted."
                        )
                    ),
                ),
                references=refs,
            )
        return _Decision(
            result=RecordedOutcome.REJECTED,
            decided_by=DecidedBy.TIE,
            reasons=(
                counted,
                tie,
                Message.of(
                    N_(
                        "The meeting chair's vote is not recorded, so the tie is not broken"
                        " and the proposal has no majority: not adopted. Record how the"
                        " chair voted."
                    )
                ),
            ),
            references=refs,
        )
    if rule.tie_break is TieBreak.LOT:
        if seed is None:
            return _Decision(
                result=None,
                decided_by=DecidedBy.PENDING,
                reasons=(
                    counted,
                    tie,
                    Message.of(N_("Lots must be drawn to break the tie; no draw is recorded.")),
                ),
                references=refs,
            )
        drawn = draw_lots(seed, [RecordedOutcome.ADOPTED.value, RecordedOutcome.REJECTED.value])
        result = RecordedOutcome(drawn)
        return _Decision(
            result=result,
            decided_by=DecidedBy.LOT,
            reasons=(
                counted,
                tie,
                Message.of(
                    N_("Lots were drawn (seed {seed}): the proposal is adopted.")
                    if result is RecordedOutcome.ADOPTED
                    else N_("Lots were drawn (seed {seed}): the proposal is not adopted."),
                    seed=seed,
                ),
            ),
            references=refs,
        )
    return _Decision(
        result=RecordedOutcome.REJECTED,
        decided_by=DecidedBy.TIE,
        reasons=(
            counted,
            tie,
            Message.of(N_("This rule does not break ties, so the proposal is not adopted.")),
        ),
        references=refs,
    )


def _consensus(
    rule: ConsensusRule,
    tally: Tally,
    votes: Sequence[Vote] | None,
    delegations: Mapping[str, str] | None,
) -> _Decision:
    if tally.blank:
        raise _blank_error(tally.blank)
    if rule.unit is ConsensusUnit.MEMBERS:
        if tally.votes_against:
            reason = Message.of(
                N_("Consensus is broken: {votes_against} voted against."),
                votes_against=tally.votes_against,
            )
            return _Decision(
                result=RecordedOutcome.REJECTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
            )
        if not tally.votes_for:
            reason = Message.of(N_("Nobody voted for, so there is no consensus."))
            return _Decision(
                result=RecordedOutcome.REJECTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
            )
        reason = Message.of(
            N_("Consensus: {votes_for} voted for and nobody against."), votes_for=tally.votes_for
        )
        return _Decision(
            result=RecordedOutcome.ADOPTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
        )
    if (votes is None or delegations is None) and tally.votes_against:
        reason = Message.of(
            N_("Consensus is broken: {votes_against} voted against."),
            votes_against=tally.votes_against,
        )
        return _Decision(
            result=RecordedOutcome.REJECTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
        )
    if votes is None or delegations is None:
        raise VoteRecordError(
            "consensus by participants needs each person's vote and the participant they"
            " represent (delegations), not only a tally"
        )
    favour: set[str] = set()
    against: set[str] = set()
    for vote in votes:
        participant = delegations.get(vote.person)
        if participant is None:
            raise VoteRecordError(
                "{person} voted but represents no participant in this body", person=vote.person
            )
        (favour if vote.choice is VoteChoice.FOR else against).add(participant)
    participants = set(delegations.values())
    if against:
        reason = Message.of(
            N_(
                "Consensus among the participants is broken: someone from {participants} voted against."
            ),
            participants=tuple(sorted(against)),
        )
        return _Decision(
            result=RecordedOutcome.REJECTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
        )
    silent = participants - favour
    if silent:
        reason = Message.of(
            N_(
                "Consensus among the participants is missing: nobody from {participants} voted for."
            ),
            participants=tuple(sorted(silent)),
        )
        return _Decision(
            result=RecordedOutcome.REJECTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
        )
    reason = Message.of(
        N_("Consensus: every participant ({count}) voted for and none against."),
        count=len(participants),
    )
    return _Decision(
        result=RecordedOutcome.ADOPTED, decided_by=DecidedBy.CONSENSUS, reasons=(reason,)
    )


def _unanimity(rule: UnanimityRule, tally: Tally, *, members: int) -> _Decision:
    if tally.blank:
        raise _blank_error(tally.blank)
    refs = (_WRITTEN_REF,) if rule.written else ()
    adopted = tally.votes_for == members
    reasons = [
        Message.of(
            N_("Unanimity: all {members} members agreed.")
            if adopted
            else N_("Unanimity is missing: {votes_for} of {members} members agreed."),
            members=members,
            votes_for=tally.votes_for,
        )
    ]
    if rule.written:
        reasons.append(
            Message.of(
                N_("A matter decided in writing needs every member to agree to the proposal.")
            )
        )
    return _Decision(
        result=RecordedOutcome.ADOPTED if adopted else RecordedOutcome.REJECTED,
        decided_by=DecidedBy.UNANIMITY,
        reasons=tuple(reasons),
        references=refs,
    )


_ELECTION_DECIDED: Final = {
    ElectionDecision.FIRST_BALLOT: DecidedBy.ELECTION,
    ElectionDecision.SECOND_BALLOT: DecidedBy.SECOND_BALLOT,
    ElectionDecision.LOT: DecidedBy.LOT,
    ElectionDecision.PENDING: DecidedBy.PENDING,
}
_ELECTION_RESULT: Final = {
    ElectionStatus.ELECTED: RecordedOutcome.ADOPTED,
    ElectionStatus.NOBODY_ELECTED: RecordedOutcome.REJECTED,
    ElectionStatus.PENDING: None,
}


def _election(result: ElectionResult) -> _Decision:
    """A flertallsvalg counted by :mod:`iprmodel.rules.elections` (koml. § 7-8)."""
    return _Decision(
        result=_ELECTION_RESULT[result.status],
        decided_by=_ELECTION_DECIDED[result.decided_by],
        reasons=result.reasons,
        references=result.references,
        elected=result.elected[0].name if result.elected else None,
        candidates=result.candidates,
    )


def _blank_error(count: int) -> BlankVoteError:
    return BlankVoteError(
        "{count} blank vote(s) in a matter that is not an election; blank votes are allowed"
        " only in elections (koml. § 8-1 second paragraph): record them as for or against",
        count=count,
    )


def evaluate(
    rule: VotingRule,
    votes: Sequence[Vote] | Tally | Mapping[str, int],
    *,
    members: int,
    present: int | None = None,
    chair_vote: VoteChoice | None = None,
    delegations: Mapping[str, str] | None = None,
    quorum: QuorumRule | None = QuorumRule(),  # noqa: B008 - frozen, so safe to share
    seed: int | None = None,
    second_ballot: Sequence[Vote] | Mapping[str, int] | None = None,
) -> Outcome:
    """Evaluate ``votes`` under ``rule``.

    Args:
        rule: The voting rule (majority, consensus, unanimity or election).
        votes: Each person's vote, or a :class:`~iprmodel.model.Tally`; in elections
            also a mapping of candidate to votes.
        members: The number of members of the body (seats with a vote).
        present: Members present; ``None`` means those who voted.
        chair_vote: How the meeting chair voted (breaks a tie under ``TieBreak.CHAIR``);
            ``None`` when unknown or the chair did not vote.
        delegations: Person -> participant, for consensus by participants.
        quorum: The quorum rule (koml. § 11-9 første ledd); ``None`` skips the quorum,
            for when the membership is not known.
        seed: Seed for drawing lots (deterministic).
        second_ballot: In elections: the votes of the second ballot, when one was held.

    Returns:
        The :class:`Outcome`.

    Raises:
        BlankVoteError: A blank vote in a matter that is not an election.
        VoteRecordError: The numbers cannot be right (more votes than members...).
    """
    per_person = None if isinstance(votes, Tally | Mapping) else tuple(votes)
    if isinstance(rule, ElectionRule):
        if per_person is not None:
            first: Sequence[Vote] | Mapping[str, int] | Tally = per_person
            counts, blank = count_ballot(per_person)
            tally = Tally(votes_for=sum(counts.values()), votes_against=0, blank=blank)
        elif isinstance(votes, Tally):
            first = tally = votes
        else:
            first = votes
            counts, blank = count_ballot(votes)
            tally = Tally(votes_for=sum(counts.values()), votes_against=0, blank=0)
    else:
        if isinstance(votes, Mapping):
            raise VoteRecordError("votes per candidate are only for elections")
        tally = votes if isinstance(votes, Tally) else _count(per_person or ())
    voted = _check_counts(tally, members, present)
    if chair_vote is VoteChoice.FOR and not tally.votes_for:
        raise VoteRecordError("the chair is recorded as voting for, but no vote for was counted")
    if chair_vote is VoteChoice.AGAINST and not tally.votes_against:
        raise VoteRecordError(
            "the chair is recorded as voting against, but no vote against was counted"
        )
    if not isinstance(rule, ElectionRule) and tally.blank:
        raise _blank_error(tally.blank)
    quorate, quorum_reason = _quorum(
        quorum, members=members, present=voted if present is None else present, voted=voted
    )
    quorum_refs = (_QUORUM_REF,) if quorum is not None else ()
    if not quorate:
        return Outcome(
            result=RecordedOutcome.NOT_QUORATE,
            tally=tally,
            decided_by=DecidedBy.QUORUM,
            rule=rule,
            quorate=False,
            reasons=(quorum_reason,) if quorum_reason else (),
            references=quorum_refs,
        )
    if isinstance(rule, MajorityRule):
        decision = _majority(
            rule,
            tally,
            members=members,
            present=voted if present is None else present,
            chair_vote=chair_vote,
            seed=seed,
        )
    elif isinstance(rule, ConsensusRule):
        decision = _consensus(rule, tally, per_person, delegations)
    elif isinstance(rule, UnanimityRule):
        decision = _unanimity(rule, tally, members=members)
    elif isinstance(rule, ElectionRule):
        decision = _election(
            majority_election(first, second_ballot, seed=seed, second_ballot=rule.second_ballot)
        )
    else:  # pragma: no cover - the union is closed
        raise InvalidValue("unknown voting rule {rule}", rule=type(rule).__name__)
    return Outcome(
        result=decision.result,
        tally=tally,
        decided_by=decision.decided_by,
        rule=rule,
        quorate=True,
        reasons=((quorum_reason,) if quorum_reason else ()) + decision.reasons,
        references=quorum_refs + decision.references,
        elected=decision.elected,
        candidates=decision.candidates,
    )


# -- agenda items -------------------------------------------------------------------------


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

    Members are the body's member appointments valid on the meeting day (or
    ``meeting.expected_members``); present are the attendees with a vote, less those
    disqualified or excused in the item; the chair is the present appointee holding the
    chair (else the deputy chair). Returns ``None`` when the item has no recorded votes.

    Raises:
        VoteRecordError: The votes cannot be right, or the body's membership is unknown.
    """
    if not item.votes and item.tally is None:
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


@attrs.frozen(kw_only=True)
class MeetingSeats:
    """Who can vote in a meeting: computed once per meeting, shared by its items."""

    members: int
    #: Persons with a voting seat (member or deputy) on the meeting day.
    voters: frozenset[str]
    #: Of those, the ones recorded present; ``None`` when no attendance is recorded.
    attending: frozenset[str] | None
    #: The chair, else the deputy chair, who is present (or anyone holding it if unknown).
    chairs: tuple[str, ...]
    delegations: dict[str, str]


def meeting_seats(body: Body, meeting: Meeting, body_seats: Sequence[Appointment]) -> MeetingSeats:
    """The voting seats of ``body`` on the day of ``meeting``.

    Raises:
        VoteRecordError: The body's membership on that day is unknown.
    """
    day = meeting.start.date()
    seats = [a for a in body_seats if _valid_on(a, day)]
    members = meeting.expected_members or sum(1 for a in seats if a.seat is SeatKind.MEMBER)
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
    chairs: tuple[str, ...] = ()
    for position in (Position.CHAIR, Position.DEPUTY_CHAIR):
        found = tuple(
            a.person
            for a in seats
            if a.position is position and (attending is None or a.person in attending)
        )
        if found:
            chairs = found[:1]
            break
    delegations = {a.person: a.participant for a in seats if a.participant is not None}
    return MeetingSeats(
        members=members,
        voters=voters,
        attending=attending,
        chairs=chairs,
        delegations=delegations,
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
    if not item.votes and item.tally is None:
        return None
    rule = rule_for_item(body, meeting, item)
    seats = (
        body_seats
        if isinstance(body_seats, MeetingSeats)
        else meeting_seats(body, meeting, body_seats)
    )
    members = seats.members
    present = None
    if seats.attending is not None:
        attending = seats.attending
        if item.disqualified or item.excused:
            attending = attending - set(item.disqualified) - set(item.excused)
        present = min(len(attending), members)
    chair_vote = None
    if item.votes and seats.chairs:
        chair = seats.chairs[0]
        chair_vote = next((v.choice for v in item.votes if v.person == chair), None)
    votes: Sequence[Vote] | Tally = item.votes or item.tally or Tally(votes_for=0, votes_against=0)
    written = isinstance(rule, UnanimityRule) and rule.written
    return evaluate(
        rule,
        votes,
        members=members,
        present=present,
        chair_vote=None if chair_vote is VoteChoice.BLANK else chair_vote,
        delegations=seats.delegations,
        quorum=None if written else body.quorum,
        seed=seed,
    )
