# SPDX-License-Identifier: MIT
"""Avtalevalg (koml. § 7-7): an agreed slate, adopted unanimously.

* § 7-4 første ledd: members are elected by forholdsvalg when at least one member
  demands it; only otherwise by avtalevalg.
* § 7-7 andre ledd: the slate (innstilling) holds as many names as members to elect,
  says which party or group each represents, may name up to two more deputies than
  members per party or group, and is adopted unanimously.
* § 7-7 tredje ledd: four or more members: each gender at least 40 % in the organ;
  three or fewer: both genders. Fourth paragraph: the same for the deputies.

A slate that is not adopted unanimously elects nobody. For an IPR, which seats make
"the organ" is not settled (../reference/kommuneloven.md § 3): we take the seats
of this election, as each electing council fills its own (interpretation).

>>> from iprmodel.model import Candidate, Election, ElectionList, ElectionMethod
>>> slate = ElectionList(name="Ap", candidates=(Candidate(name="Kari"),))
>>> result = agreed_election(Election(method=ElectionMethod.AGREED, seats=1,
...                                   lists=(slate,), votes_for=10, votes_against=1))
>>> result.status.value, result.decided_by.value
('nobody_elected', 'not_unanimous')
"""

from __future__ import annotations

from collections.abc import Sequence

from iprmodel.model import Election, ElectionMethod, Gender
from iprmodel.rules._text import N_, Message, Ref, Word
from iprmodel.rules.elections.balance import required, shortfall
from iprmodel.rules.elections.result import (
    Elected,
    ElectionDecision,
    ElectionResult,
    ElectionStatus,
    ListSeats,
)

_DEMAND = Ref(section="7-4", paragraph=1)
_SLATE = Ref(section="7-7", paragraph=2)
_BALANCE = Ref(section="7-7", paragraph=3)
_DEPUTIES = Ref(section="7-7", paragraph=4)


def _nobody(
    decided_by: ElectionDecision, reasons: list[Message], refs: list[Ref]
) -> ElectionResult:
    return ElectionResult(
        method=ElectionMethod.AGREED,
        status=ElectionStatus.PENDING
        if decided_by is ElectionDecision.PENDING
        else ElectionStatus.NOBODY_ELECTED,
        decided_by=decided_by,
        reasons=(*reasons, Message.of(N_("Nobody is elected by avtalevalg."))),
        references=tuple(refs),
    )


def _balance(
    what: Word, genders: Sequence[Gender | None], seats: int, reasons: list[Message]
) -> bool:
    """Whether ``genders`` meet § 7-7 tredje ledd for ``seats``; explain when not."""
    if not required(seats):
        return True
    if None in genders:
        reasons.append(
            Message.of(
                N_(
                    "Not every {what} on the slate has a recorded gender, so the gender"
                    " balance could not be checked."
                ),
                what=what,
            )
        )
        return True
    missing = shortfall(genders, seats)
    if missing is None:
        return True
    gender, have = missing
    reasons.append(
        Message.of(
            N_(
                "The slate gives the under-represented gender ({gender}) {have} of {seats}"
                " {what} places; at least {needed} are required, so the necessary candidates"
                " of that gender must be put in (interpretation: the seats of this election"
                " are the organ)."
            ),
            gender=gender,
            have=have,
            seats=seats,
            what=what,
            needed=required(seats),
        )
    )
    return False


def agreed_election(election: Election) -> ElectionResult:
    """Count an avtalevalg (koml. § 7-7): the slate elects only if adopted unanimously.

    Returns:
        The :class:`~iprmodel.rules.elections.ElectionResult`: the slate's members and
        deputies, or nobody with the reason (a member demanded forholdsvalg, someone
        voted against, the slate breaks § 7-7).
    """
    if election.proportional_demanded:
        return _nobody(
            ElectionDecision.NOT_UNANIMOUS,
            [
                Message.of(
                    N_(
                        "A member demanded forholdsvalg, so the members must be elected by"
                        " forholdsvalg, not by avtalevalg."
                    )
                )
            ],
            [_DEMAND],
        )
    if election.votes_against:
        return _nobody(
            ElectionDecision.NOT_UNANIMOUS,
            [
                Message.of(
                    N_(
                        "The slate must be adopted unanimously, but {against} voted against;"
                        " the members must then be elected by forholdsvalg."
                    ),
                    against=election.votes_against,
                )
            ],
            [_SLATE, _DEMAND],
        )
    if not election.votes_for:
        return _nobody(
            ElectionDecision.PENDING,
            [Message.of(N_("The vote on the slate is not recorded yet."))],
            [_SLATE],
        )
    reasons: list[Message] = []
    members = sum(len(item.candidates) for item in election.lists)
    lawful = True
    if members != election.seats:
        reasons.append(
            Message.of(
                N_("The slate names {names} members, but {seats} are to be elected."),
                names=members,
                seats=election.seats,
            )
        )
        lawful = False
    for item in election.lists:
        if len(item.deputies) > len(item.candidates) + 2:
            reasons.append(
                Message.of(
                    N_(
                        "The slate names {deputies} deputies for {list}, more than two more"
                        " than its {members} members."
                    ),
                    deputies=len(item.deputies),
                    list=item.name,
                    members=len(item.candidates),
                )
            )
            lawful = False
    refs = [_SLATE]
    genders = [c.gender for item in election.lists for c in item.candidates]
    deputy_genders = [c.gender for item in election.lists for c in item.deputies]
    balanced = _balance(Word(N_("member")), genders, election.seats, reasons)
    balanced &= _balance(Word(N_("deputy")), deputy_genders, len(deputy_genders), reasons)
    if not balanced:
        refs.extend((_BALANCE, _DEPUTIES))
    if not (lawful and balanced):
        return _nobody(ElectionDecision.INVALID_SLATE, reasons, refs)
    reasons.insert(
        0,
        Message.of(
            N_("The slate was adopted unanimously ({votes} votes for, none against)."),
            votes=election.votes_for,
        ),
    )
    return ElectionResult(
        method=ElectionMethod.AGREED,
        status=ElectionStatus.ELECTED,
        decided_by=ElectionDecision.UNANIMOUS,
        elected=tuple(
            Elected.of(c, list_name=item.name, rank=n, moved_up=False)
            for item in election.lists
            for n, c in enumerate(item.candidates, start=1)
        ),
        deputies=tuple(
            Elected.of(c, list_name=item.name, rank=n, moved_up=False)
            for item in election.lists
            for n, c in enumerate(item.deputies, start=1)
        ),
        lists=tuple(
            ListSeats(
                name=item.name,
                votes=item.votes,
                seats=len(item.candidates),
                deputies=len(item.deputies),
            )
            for item in election.lists
        ),
        reasons=tuple(reasons),
        references=tuple(refs),
    )


__all__ = ["agreed_election"]
