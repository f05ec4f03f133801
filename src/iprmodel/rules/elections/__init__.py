# SPDX-License-Identifier: MIT
"""Elections (valg) to and in folkevalgte organer: koml. §§ 7-4 to 7-8 and § 7-10.

Members are elected by **forholdsvalg** when one member demands it, otherwise by
**avtalevalg**; the leader and deputy leader by **flertallsvalg** (koml. § 7-4).
:func:`count_election` counts an :class:`~iprmodel.model.Election` of any method and
returns an :class:`ElectionResult`: the status, what decided it, the seats per list,
the members and deputies elected in order (deputies are called in that order, koml.
§ 7-10 første ledd), and every step as a message with the paragraphs applied.

* :func:`proportional_election` — seats by divisors 1, 2, 3 ..., ties to the list
  with most votes, then lot; gender balance; deputies (§ 7-6).
* :func:`agreed_election` — the slate elects only when adopted unanimously (§ 7-7).
* :func:`majority_election` — more than half of the votes cast, a new ballot, lot on a
  tie; never the chair's casting vote (§ 7-8).

Lots are drawn deterministically from an injected ``seed`` (:func:`draw_lots`); with
no seed, a needed draw leaves the election ``PENDING``.

>>> from iprmodel.model import Ballot, CandidateVotes, Election, ElectionMethod
>>> first = Ballot(counts=(CandidateVotes(candidate="Kari", votes=6),
...                        CandidateVotes(candidate="Ola", votes=3)))
>>> result = count_election(Election(method=ElectionMethod.MAJORITY, ballots=(first,)))
>>> result.elected[0].name, result.decided_by.value
('Kari', 'first_ballot')
>>> print(result.explain("en")[0])
Kari got 6 of 9 votes cast, more than half, and is elected.
"""

from __future__ import annotations

from iprmodel.model import Election, ElectionMethod
from iprmodel.rules.elections.agreed import agreed_election
from iprmodel.rules.elections.majority import count_ballot, majority_election
from iprmodel.rules.elections.proportional import distribute, proportional_election
from iprmodel.rules.elections.result import (
    Elected,
    ElectionDecision,
    ElectionResult,
    ElectionStatus,
    ListSeats,
    draw_lots,
    record_error,
)


def _check_members(election: Election, members: int) -> None:
    """Raise when more votes are recorded than the electing body has members."""
    if election.method is ElectionMethod.MAJORITY:
        for number, ballot in enumerate(election.ballots, start=1):
            cast = sum(count.votes for count in ballot.counts) + ballot.blank
            if cast > members:
                raise record_error(
                    "ballot {ballot} has {voted} votes but the body has only {members} members",
                    ballot=number,
                    voted=cast,
                    members=members,
                )
        return
    if election.method is ElectionMethod.PROPORTIONAL:
        cast = sum(item.votes or 0 for item in election.lists)
    else:
        cast = (election.votes_for or 0) + election.votes_against
    if cast > members:
        raise record_error(
            "{voted} votes were cast but the body has only {members} members",
            voted=cast,
            members=members,
        )


def count_election(
    election: Election, *, seed: int | None = None, members: int | None = None
) -> ElectionResult:
    """Count ``election`` by its method (koml. §§ 7-6, 7-7, 7-8).

    Args:
        election: The election: method, lists or slate, or ballots.
        seed: Seed for drawing lots (deterministic); ``None`` leaves a needed draw open.
        members: The members of the electing body, to check the votes against.

    Raises:
        VoteRecordError: More votes than members.
    """
    if members is not None:
        _check_members(election, members)
    if election.method is ElectionMethod.PROPORTIONAL:
        return proportional_election(election, seed=seed)
    if election.method is ElectionMethod.AGREED:
        return agreed_election(election)
    first, *rest = election.ballots
    return majority_election(first, rest[0] if rest else None, seed=seed)


__all__ = [
    "Elected",
    "ElectionDecision",
    "ElectionResult",
    "ElectionStatus",
    "ListSeats",
    "agreed_election",
    "count_ballot",
    "count_election",
    "distribute",
    "draw_lots",
    "majority_election",
    "proportional_election",
]
