# SPDX-License-Identifier: MIT
"""Flertallsvalg (koml. § 7-8): one person, more than half of the votes cast.

"Ved flertallsvalg er den personen valgt som har fått mer enn halvparten av de
avgitte stemmene. Hvis ingen får mer enn halvparten av stemmene, holdes en ny
avstemning. Den som får flest stemmer ved den nye avstemningen, blir valgt. Hvis to
eller flere kandidater får like mange stemmer, avgjøres valget ved loddtrekning."

The chair's casting vote (koml. § 11-9 andre ledd) never applies, whatever a council's
own rule says. Blank votes are allowed in elections (koml. § 8-1 andre ledd) and count
among "de avgitte stemmene": a member who votes blank has cast a vote, as the same act
says of quorum ("avgitt stemme", § 11-9 første ledd). The act does not say so in as
many words, so the message calls it an interpretation (docs/explanation/elections.md).

>>> result = majority_election({"Kari": 3, "Ola": 3}, {"Kari": 4, "Ola": 2})
>>> result.decided_by.value, result.elected[0].name
('second_ballot', 'Kari')
>>> from iprmodel.model import Ballot, CandidateVotes
>>> blank = Ballot(counts=(CandidateVotes(candidate="Kari", votes=5),), blank=5)
>>> majority_election(blank).status.value  # 5 of 10 is not more than half
'pending'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TypeAlias

from iprmodel.model import Ballot, ElectionMethod, Tally, Vote, VoteChoice
from iprmodel.rules._text import N_, Message, Ref
from iprmodel.rules.elections.result import (
    Elected,
    ElectionDecision,
    ElectionResult,
    ElectionStatus,
    draw_lots,
    record_error,
)

#: One ballot as recorded: each person's vote, or the votes per candidate.
BallotVotes: TypeAlias = "Sequence[Vote] | Mapping[str, int] | Ballot"

REFERENCE = Ref(section="7-8")
_NO_CASTING = Message.of(N_("The chair's casting vote does not apply to elections."))
_NEW_BALLOT_PENDING = Message.of(N_("The second ballot is not recorded yet."))
_NEW_BALLOT = Message.of(N_("Nobody got more than half of the votes cast; a new ballot is held."))


def count_ballot(votes: BallotVotes) -> tuple[Counter[str], int]:
    """Votes per candidate and blank votes of one ballot.

    Raises:
        VoteRecordError: A person voted twice, a vote names no candidate, or a count is
            not a whole number of 0 or more.

    >>> count_ballot({"Kari": 2, "Ola": 1})
    (Counter({'Kari': 2, 'Ola': 1}), 0)
    """
    if isinstance(votes, Ballot):
        return Counter({count.candidate: count.votes for count in votes.counts}), votes.blank
    if isinstance(votes, Mapping):
        counts: Counter[str] = Counter()
        for candidate, number in votes.items():
            if isinstance(number, bool) or not isinstance(number, int) or number < 0:
                raise record_error(
                    "votes for {candidate} must be a whole number of 0 or more", candidate=candidate
                )
            counts[candidate] = number
        return counts, 0
    counts = Counter()
    blank = 0
    seen: set[str] = set()
    for vote in votes:
        if vote.person in seen:
            raise record_error("{person} voted more than once", person=vote.person)
        seen.add(vote.person)
        if vote.choice is VoteChoice.BLANK:
            blank += 1
        elif vote.choice is VoteChoice.FOR and vote.candidate is not None:
            counts[vote.candidate] += 1
        else:
            raise record_error(
                "in an election each vote names a candidate or is blank; {person}'s does not",
                person=vote.person,
            )
    return counts, blank


def ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    """(candidate, votes), most votes first, then by name."""
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _result(
    status: ElectionStatus,
    decided_by: ElectionDecision,
    reasons: Sequence[Message],
    *,
    winner: str | None = None,
    candidates: tuple[tuple[str, int], ...] = (),
    blank: int = 0,
) -> ElectionResult:
    return ElectionResult(
        method=ElectionMethod.MAJORITY,
        status=status,
        decided_by=decided_by,
        elected=() if winner is None else (Elected(name=winner),),
        candidates=candidates,
        blank=blank,
        reasons=(*reasons, _NO_CASTING),
        references=(REFERENCE,),
    )


def _single(tally: Tally) -> ElectionResult:
    """One candidate put to the vote: elected with more than half of the votes cast.

    Without that majority § 7-8 holds a new ballot; it is not yet recorded here.
    """
    cast = tally.votes_for + tally.votes_against + tally.blank
    reasons = [_blank_counted(tally.blank)] if tally.blank else []
    reasons.append(
        Message.of(
            N_("The candidate got {votes_for} of {cast} votes cast and needed more than half."),
            votes_for=tally.votes_for,
            cast=cast,
        )
    )
    if 2 * tally.votes_for > cast:
        return _result(
            ElectionStatus.ELECTED, ElectionDecision.FIRST_BALLOT, reasons, blank=tally.blank
        )
    reasons.append(_NEW_BALLOT)
    reasons.append(_NEW_BALLOT_PENDING)
    return _result(ElectionStatus.PENDING, ElectionDecision.PENDING, reasons, blank=tally.blank)


def _blank_counted(blank: int) -> Message:
    return Message.of(
        N_(
            "{blank} blank votes count among the votes cast (interpretation of"
            ' "de avgitte stemmene", koml. § 7-8, with § 8-1 andre ledd).'
        ),
        blank=blank,
    )


def majority_election(
    first: BallotVotes | Tally,
    second: BallotVotes | None = None,
    *,
    seed: int | None = None,
    second_ballot: bool = True,
) -> ElectionResult:
    """Count a flertallsvalg (koml. § 7-8) from its first and, if held, second ballot.

    Args:
        first: The first ballot: each person's vote, votes per candidate, a
            :class:`~iprmodel.model.Ballot`, or a :class:`~iprmodel.model.Tally` when one
            candidate was put to the vote.
        second: The new ballot, when one was held.
        seed: Seed for drawing lots on a tie in the new ballot (deterministic).
        second_ballot: ``False`` when the rule holds no new ballot.

    Returns:
        The :class:`~iprmodel.rules.elections.ElectionResult`; ``PENDING`` while the new
        ballot or a needed draw is not recorded.
    """
    if isinstance(first, Tally):
        return _single(first)
    counts, blank = count_ballot(first)
    cast = sum(counts.values()) + blank
    ranking = ranked(counts)
    reasons: list[Message] = [_blank_counted(blank)] if blank else []
    if ranking and 2 * ranking[0][1] > cast:
        winner, number = ranking[0]
        if second is not None:
            # § 7-8 holds a new ballot only without a majority: the record contradicts itself.
            raise record_error(
                "a second ballot is recorded, but {candidate} got more than half of the"
                " votes cast in the first ballot and was elected there (koml. § 7-8)",
                candidate=winner,
            )
        reasons.append(
            Message.of(
                N_("{candidate} got {count} of {cast} votes cast, more than half, and is elected."),
                candidate=winner,
                count=number,
                cast=cast,
            )
        )
        return _result(
            ElectionStatus.ELECTED,
            ElectionDecision.FIRST_BALLOT,
            reasons,
            winner=winner,
            candidates=ranking,
            blank=blank,
        )
    reasons.append(
        Message.of(
            N_("No candidate got more than half of the {cast} votes cast; a new ballot is held."),
            cast=cast,
        )
    )
    if not second_ballot or second is None:
        reasons.append(_NEW_BALLOT_PENDING)
        return _result(
            ElectionStatus.PENDING,
            ElectionDecision.PENDING,
            reasons,
            candidates=ranking,
            blank=blank,
        )
    counts2, blank2 = count_ballot(second)
    ranking2 = ranked(counts2)
    if not ranking2 or ranking2[0][1] == 0:
        reasons.append(Message.of(N_("Nobody got a vote in the second ballot.")))
        return _result(
            ElectionStatus.NOBODY_ELECTED,
            ElectionDecision.SECOND_BALLOT,
            reasons,
            candidates=ranking2,
            blank=blank2,
        )
    top = ranking2[0][1]
    leaders = [candidate for candidate, number in ranking2 if number == top]
    if len(leaders) == 1:
        reasons.append(
            Message.of(
                N_("In the second ballot {candidate} got the most votes ({count}) and is elected."),
                candidate=leaders[0],
                count=top,
            )
        )
        return _result(
            ElectionStatus.ELECTED,
            ElectionDecision.SECOND_BALLOT,
            reasons,
            winner=leaders[0],
            candidates=ranking2,
            blank=blank2,
        )
    reasons.append(
        Message.of(
            N_("In the second ballot {candidates} are tied with {count} votes each."),
            candidates=tuple(leaders),
            count=top,
        )
    )
    if seed is None:
        reasons.append(Message.of(N_("Lots must be drawn between them; no draw is recorded.")))
        return _result(
            ElectionStatus.PENDING,
            ElectionDecision.PENDING,
            reasons,
            candidates=ranking2,
            blank=blank2,
        )
    winner = draw_lots(seed, leaders)
    reasons.append(
        Message.of(
            N_("Lots were drawn (seed {seed}) and {candidate} is elected."),
            seed=seed,
            candidate=winner,
        )
    )
    return _result(
        ElectionStatus.ELECTED,
        ElectionDecision.LOT,
        reasons,
        winner=winner,
        candidates=ranking2,
        blank=blank2,
    )


__all__ = ["BallotVotes", "count_ballot", "majority_election", "ranked"]
