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

from iprmodel.model import ElectionRule, RecordedOutcome, Tally, Vote
from iprmodel.rules.decisions.outcome import DecidedBy, Decision
from iprmodel.rules.elections import (
    ElectionDecision,
    ElectionResult,
    ElectionStatus,
    count_ballot,
    draw_lots,
    majority_election,
)

__all__ = ["draw_lots", "election", "election_votes"]

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
