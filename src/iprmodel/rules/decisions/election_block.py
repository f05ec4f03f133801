# SPDX-License-Identifier: MIT
"""Where the decision evaluation hands an election to :mod:`iprmodel.rules.elections`.

:func:`iprmodel.rules.decisions.evaluate.evaluate` takes an
:class:`~iprmodel.model.ElectionRule` here and nowhere else: :func:`election_votes`
reads the first ballot and its tally, :func:`election` counts the flertallsvalg
(koml. § 7-8) with :func:`~iprmodel.rules.elections.majority_election` and turns its
:class:`~iprmodel.rules.elections.ElectionResult` into the decision an
:class:`~iprmodel.rules.decisions.outcome.Outcome` is made of. The chair's casting vote
never applies to elections.

>>> draw_lots(7, ["b", "a"]) == draw_lots(7, ["a", "b"])
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Final

from iprmodel.model import (
    Election,
    ElectionMethod,
    ElectionRule,
    QuorumRule,
    RecordedOutcome,
    Tally,
    Vote,
)
from iprmodel.rules.decisions.counting import check_counts
from iprmodel.rules.decisions.counting import quorum as quorum_of
from iprmodel.rules.decisions.outcome import QUORUM_REF, DecidedBy, Decision, Outcome
from iprmodel.rules.elections import (
    ElectionDecision,
    ElectionResult,
    ElectionStatus,
    count_ballot,
    count_election,
    draw_lots,
    majority_election,
)

__all__ = ["draw_lots", "election", "election_votes", "recorded_election", "votes_cast"]

_DECIDED: Final = {
    ElectionDecision.FIRST_BALLOT: DecidedBy.ELECTION,
    ElectionDecision.SECOND_BALLOT: DecidedBy.SECOND_BALLOT,
    ElectionDecision.LOT: DecidedBy.LOT,
    ElectionDecision.PENDING: DecidedBy.PENDING,
}
_RESULT: Final = {
    ElectionStatus.ELECTED: RecordedOutcome.ADOPTED,
    ElectionStatus.NOBODY_ELECTED: RecordedOutcome.REJECTED,
    ElectionStatus.PENDING: None,
}


def election_votes(
    votes: Sequence[Vote] | Tally | Mapping[str, int],
) -> tuple[Sequence[Vote] | Mapping[str, int] | Tally, Tally]:
    """The first ballot as :func:`election` takes it, and its tally for the quorum."""
    if isinstance(votes, Tally):
        return votes, votes
    if isinstance(votes, Mapping):
        counts, _blank = count_ballot(votes)
        return votes, Tally(votes_for=sum(counts.values()), votes_against=0, blank=0)
    per_person = tuple(votes)
    counts, blank = count_ballot(per_person)
    return per_person, Tally(votes_for=sum(counts.values()), votes_against=0, blank=blank)


def election(
    rule: ElectionRule,
    first: Sequence[Vote] | Mapping[str, int] | Tally,
    second: Sequence[Vote] | Mapping[str, int] | None,
    *,
    seed: int | None,
) -> Decision:
    """The flertallsvalg counted by :mod:`iprmodel.rules.elections`, as a decision."""
    result: ElectionResult = majority_election(
        first, second, seed=seed, second_ballot=rule.second_ballot
    )
    return Decision(
        result=_RESULT[result.status],
        decided_by=_DECIDED[result.decided_by],
        reasons=result.reasons,
        references=result.references,
        elected=result.elected[0].name if result.elected else None,
        candidates=result.candidates,
    )


_RECORDED_DECIDED: Final = {
    **_DECIDED,
    ElectionDecision.DIVISORS: DecidedBy.ELECTION,
    ElectionDecision.UNANIMOUS: DecidedBy.UNANIMITY,
    ElectionDecision.NOT_UNANIMOUS: DecidedBy.UNANIMITY,
    ElectionDecision.INVALID_SLATE: DecidedBy.UNANIMITY,
}


def votes_cast(election: Election) -> int:
    """The votes cast in ``election``: its first ballot, the list ballots, or the slate vote.

    Blank votes count: a member who votes blank has "avgitt stemme" (koml. § 11-9 første
    ledd, § 8-1 andre ledd).
    """
    if election.method is ElectionMethod.MAJORITY:
        first = election.ballots[0]
        return sum(count.votes for count in first.counts) + first.blank
    if election.method is ElectionMethod.PROPORTIONAL:
        return sum(item.votes or 0 for item in election.lists)
    return (election.votes_for or 0) + election.votes_against


def recorded_election(
    election: Election,
    *,
    members: int,
    present: int | None,
    quorum: QuorumRule | None,
    seed: int | None,
) -> Outcome:
    """An item's recorded election counted (koml. §§ 7-6 to 7-8) under the quorum (§ 11-9).

    The quorum applies to elections as to any decision: at least half of the members
    present and voting (koml. § 11-9 første ledd).

    Raises:
        VoteRecordError: More votes than members (or than members present).
    """
    result = count_election(election, seed=seed, members=members)
    cast = votes_cast(election)
    tally = Tally(votes_for=cast, votes_against=0)
    voted = check_counts(tally, members, present)
    quorate, reason = quorum_of(
        quorum, members=members, present=voted if present is None else present, voted=voted
    )
    quorum_refs = (QUORUM_REF,) if quorum is not None else ()
    if not quorate:
        return Outcome(
            result=RecordedOutcome.NOT_QUORATE,
            tally=tally,
            decided_by=DecidedBy.QUORUM,
            rule=ElectionRule(),
            quorate=False,
            reasons=(reason,) if reason else (),
            references=quorum_refs,
            election=result,
        )
    return Outcome(
        result=_RESULT[result.status],
        tally=tally,
        decided_by=_RECORDED_DECIDED[result.decided_by],
        rule=ElectionRule(),
        quorate=True,
        reasons=((reason,) if reason else ()) + result.reasons,
        references=quorum_refs + result.references,
        elected=result.elected[0].name if len(result.elected) == 1 else None,
        candidates=result.candidates,
        election=result,
    )
