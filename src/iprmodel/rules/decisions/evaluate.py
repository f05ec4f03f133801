# SPDX-License-Identifier: MIT
"""Evaluate a vote under a voting rule: :func:`evaluate`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from iprmodel.errors import InvalidValue
from iprmodel.model import (
    ConsensusRule,
    ElectionRule,
    MajorityRule,
    QuorumRule,
    RecordedOutcome,
    Tally,
    UnanimityRule,
    Vote,
    VoteChoice,
    VotingRule,
)
from iprmodel.rules.decisions import election_block
from iprmodel.rules.decisions.consensus import consensus, unanimity
from iprmodel.rules.decisions.counting import check_counts, count
from iprmodel.rules.decisions.counting import quorum as quorum_of
from iprmodel.rules.decisions.majority import majority
from iprmodel.rules.decisions.outcome import (
    QUORUM_REF,
    DecidedBy,
    Outcome,
    VoteRecordError,
    blank_error,
)

__all__ = ["evaluate"]


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
    hiring: bool = False,
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
        hiring: The matter is a hiring decision (vedtak om ansettelse): blank votes are
            allowed, as in elections (koml. § 8-1 andre ledd), and are not counted among
            the votes cast.

    Returns:
        The :class:`Outcome`.

    Raises:
        BlankVoteError: A blank vote in a matter that is neither an election nor a
            hiring decision.
        VoteRecordError: The numbers cannot be right (more votes than members...).
    """
    per_person = None if isinstance(votes, Tally | Mapping) else tuple(votes)
    if isinstance(rule, ElectionRule):
        # Elections are counted by rules/elections (flertallsvalg, koml. § 7-8).
        first, tally = election_block.election_votes(votes)
    else:
        if isinstance(votes, Mapping):
            raise VoteRecordError("votes per candidate are only for elections")
        tally = votes if isinstance(votes, Tally) else count(per_person or ())
    voted = check_counts(tally, members, present)
    if chair_vote is VoteChoice.FOR and not tally.votes_for:
        raise VoteRecordError("the chair is recorded as voting for, but no vote for was counted")
    if chair_vote is VoteChoice.AGAINST and not tally.votes_against:
        raise VoteRecordError(
            "the chair is recorded as voting against, but no vote against was counted"
        )
    blank_allowed = hiring or isinstance(rule, ElectionRule)
    if not blank_allowed and tally.blank:
        raise blank_error(tally.blank)
    quorate, quorum_reason = quorum_of(
        quorum, members=members, present=voted if present is None else present, voted=voted
    )
    quorum_refs = (QUORUM_REF,) if quorum is not None else ()
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
        decision = majority(
            rule,
            tally,
            members=members,
            present=voted if present is None else present,
            chair_vote=chair_vote,
            seed=seed,
            blank_allowed=hiring,
        )
    elif isinstance(rule, ConsensusRule):
        decision = consensus(rule, tally, per_person, delegations, blank_allowed=hiring)
    elif isinstance(rule, UnanimityRule):
        decision = unanimity(rule, tally, members=members, blank_allowed=hiring)
    elif isinstance(rule, ElectionRule):
        decision = election_block.election(rule, first, second_ballot, seed=seed)
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
