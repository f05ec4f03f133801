# SPDX-License-Identifier: MIT
"""THE ELECTION BLOCK: today's flertallsvalg, kept verbatim from ``rules/voting.py``.

Everything election-specific of the decision evaluation sits here and only here:
:func:`draw_lots`, :func:`_ballot`, :func:`_ranked`, :func:`_election` (moved unchanged),
and :func:`election_votes` (the ``ElectionRule`` branch at the top of ``evaluate``, moved
unchanged into a function). :func:`iprmodel.rules.decisions.evaluate.evaluate` calls
:func:`election_votes` and :func:`_election` and nothing else of this module, so the
``rules/elections/`` package replaces this module by swapping those two calls (and the
``draw_lots`` import of :mod:`~iprmodel.rules.decisions.majority`).

>>> draw_lots(7, ["b", "a"]) == draw_lots(7, ["a", "b"])
True
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence

from iprmodel.errors import InvalidValue
from iprmodel.model import ElectionRule, RecordedOutcome, Tally, Vote, VoteChoice
from iprmodel.rules._text import N_, Message
from iprmodel.rules.decisions.outcome import ELECTION_REF as _ELECTION_REF
from iprmodel.rules.decisions.outcome import DecidedBy, VoteRecordError
from iprmodel.rules.decisions.outcome import Decision as _Decision

__all__ = ["draw_lots", "election_votes"]


def draw_lots(seed: int, options: Sequence[str]) -> str:
    """Pick one of ``options`` by lot, deterministically from ``seed``.

    The options are sorted first, so their order does not matter.

    >>> draw_lots(7, ["b", "a"]) == draw_lots(7, ["a", "b"])
    True
    """
    if not options:
        raise InvalidValue("there is nothing to draw lots between")
    ordered = sorted(options)
    payload = "\x00".join((str(seed), *ordered))
    digest = hashlib.sha256(payload.encode()).digest()
    return ordered[int.from_bytes(digest[:8], "big") % len(ordered)]


def election_votes(
    votes: Sequence[Vote] | Tally | Mapping[str, int],
) -> tuple[Sequence[Vote] | Mapping[str, int] | Tally, Tally]:
    """The first ballot as :func:`_election` takes it, and its tally (the old ``evaluate`` branch)."""
    per_person = None if isinstance(votes, Tally | Mapping) else tuple(votes)
    if per_person is not None:
        first: Sequence[Vote] | Mapping[str, int] | Tally = per_person
        counts, blank = _ballot(per_person)
        tally = Tally(votes_for=sum(counts.values()), votes_against=0, blank=blank)
    elif isinstance(votes, Tally):
        first = tally = votes
    else:
        first = votes
        counts, blank = _ballot(votes)
        tally = Tally(votes_for=sum(counts.values()), votes_against=0, blank=0)
    return first, tally


def _ballot(votes: Sequence[Vote] | Mapping[str, int]) -> tuple[Counter[str], int]:
    """Votes per candidate and blank votes of one election ballot."""
    if isinstance(votes, Mapping):
        counts: Counter[str] = Counter()
        for candidate, number in votes.items():
            if isinstance(number, bool) or not isinstance(number, int) or number < 0:
                raise VoteRecordError(
                    "votes for {candidate} must be a whole number of 0 or more", candidate=candidate
                )
            counts[candidate] = number
        return counts, 0
    counts = Counter()
    blank = 0
    seen: set[str] = set()
    for vote in votes:
        if vote.person in seen:
            raise VoteRecordError("{person} voted more than once", person=vote.person)
        seen.add(vote.person)
        if vote.choice is VoteChoice.BLANK:
            blank += 1
        elif vote.choice is VoteChoice.FOR and vote.candidate is not None:
            counts[vote.candidate] += 1
        else:
            raise VoteRecordError(
                "in an election each vote names a candidate or is blank; {person}'s does not",
                person=vote.person,
            )
    return counts, blank


def _ranked(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    return tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _election(
    rule: ElectionRule,
    first: Sequence[Vote] | Mapping[str, int] | Tally,
    second: Sequence[Vote] | Mapping[str, int] | None,
    *,
    seed: int | None,
) -> _Decision:
    refs = (_ELECTION_REF,)
    no_casting = Message.of(N_("The chair's casting vote does not apply to elections."))
    if isinstance(first, Tally):
        # One candidate put to the vote: elected with more than half of the votes cast.
        cast = first.votes_for + first.votes_against
        elected = 2 * first.votes_for > cast
        reasons = (
            Message.of(
                N_("The candidate got {votes_for} of {cast} votes cast and needed more than half."),
                votes_for=first.votes_for,
                cast=cast,
            ),
            no_casting,
        )
        return _Decision(
            result=RecordedOutcome.ADOPTED if elected else RecordedOutcome.REJECTED,
            decided_by=DecidedBy.ELECTION,
            reasons=reasons,
            references=refs,
        )
    counts, blank = _ballot(first)
    cast = sum(counts.values())
    ranked = _ranked(counts)
    reasons_list: list[Message] = []
    if blank:
        reasons_list.append(
            Message.of(N_("{blank} blank votes are not counted among the votes cast."), blank=blank)
        )
    if ranked and 2 * ranked[0][1] > cast:
        winner, number = ranked[0]
        reasons_list.append(
            Message.of(
                N_("{candidate} got {count} of {cast} votes cast, more than half, and is elected."),
                candidate=winner,
                count=number,
                cast=cast,
            )
        )
        return _Decision(
            result=RecordedOutcome.ADOPTED,
            decided_by=DecidedBy.ELECTION,
            reasons=(*reasons_list, no_casting),
            references=refs,
            elected=winner,
            candidates=ranked,
        )
    reasons_list.append(
        Message.of(
            N_("No candidate got more than half of the {cast} votes cast; a new ballot is held."),
            cast=cast,
        )
    )
    if not rule.second_ballot or second is None:
        reasons_list.append(Message.of(N_("The second ballot is not recorded yet.")))
        return _Decision(
            result=None,
            decided_by=DecidedBy.PENDING,
            reasons=(*reasons_list, no_casting),
            references=refs,
            candidates=ranked,
        )
    counts2, _blank = _ballot(second)
    ranked2 = _ranked(counts2)
    if not ranked2 or ranked2[0][1] == 0:
        reasons_list.append(Message.of(N_("Nobody got a vote in the second ballot.")))
        return _Decision(
            result=RecordedOutcome.REJECTED,
            decided_by=DecidedBy.SECOND_BALLOT,
            reasons=(*reasons_list, no_casting),
            references=refs,
            candidates=ranked2,
        )
    top = ranked2[0][1]
    leaders = [candidate for candidate, number in ranked2 if number == top]
    if len(leaders) == 1:
        reasons_list.append(
            Message.of(
                N_("In the second ballot {candidate} got the most votes ({count}) and is elected."),
                candidate=leaders[0],
                count=top,
            )
        )
        return _Decision(
            result=RecordedOutcome.ADOPTED,
            decided_by=DecidedBy.SECOND_BALLOT,
            reasons=(*reasons_list, no_casting),
            references=refs,
            elected=leaders[0],
            candidates=ranked2,
        )
    tied = Message.of(
        N_("In the second ballot {candidates} are tied with {count} votes each."),
        candidates=tuple(leaders),
        count=top,
    )
    if seed is None:
        return _Decision(
            result=None,
            decided_by=DecidedBy.PENDING,
            reasons=(
                *reasons_list,
                tied,
                Message.of(N_("Lots must be drawn between them; no draw is recorded.")),
                no_casting,
            ),
            references=refs,
            candidates=ranked2,
        )
    winner = draw_lots(seed, leaders)
    return _Decision(
        result=RecordedOutcome.ADOPTED,
        decided_by=DecidedBy.LOT,
        reasons=(
            *reasons_list,
            tied,
            Message.of(
                N_("Lots were drawn (seed {seed}) and {candidate} is elected."),
                seed=seed,
                candidate=winner,
            ),
            no_casting,
        ),
        references=refs,
        elected=winner,
        candidates=ranked2,
    )
