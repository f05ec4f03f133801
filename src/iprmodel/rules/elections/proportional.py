# SPDX-License-Identifier: MIT
"""Forholdsvalg: the seat distribution of koml. § 7-6 (lists by § 7-5).

* First paragraph: seats go to the lists by the ballots each got, with divisors 1, 2,
  3, 4 ...; equal quotients give the seat to the list with the most votes, and equal
  votes are settled by lot.
* Second paragraph: a list's members are picked in the order of the list.
* Third paragraph: a list with four or more members gives each gender at least 40 %,
  a list with two or three both genders; the under-represented gender moves up.
* § 7-5: a list holds at most twice as many names as members to elect, and (andre
  ledd) both genders in the shares of the third paragraph; a list breaking either is
  noted and the count goes on.
* Fifth paragraph: each list gets deputies, as far as possible two more than its
  members, picked the same way.

Where the act is silent we say so in the steps ("interpretation"): a list that has
run out of names gets no more seats, and a list without members gets no deputies.

>>> from iprmodel.model import Candidate, Election, ElectionList, ElectionMethod
>>> names = lambda *ns: tuple(Candidate(name=n) for n in ns)
>>> election = Election(method=ElectionMethod.PROPORTIONAL, seats=3, lists=(
...     ElectionList(name="A", votes=6, candidates=names("A1", "A2", "A3")),
...     ElectionList(name="B", votes=4, candidates=names("B1", "B2")),
... ))
>>> [(s.name, s.seats) for s in proportional_election(election).lists]
[('A', 2), ('B', 1)]
"""

from __future__ import annotations

from fractions import Fraction

from iprmodel.model import Election, ElectionList, ElectionMethod, Gender
from iprmodel.rules._text import N_, Message, Ref
from iprmodel.rules.elections.balance import pick, required
from iprmodel.rules.elections.result import (
    Elected,
    ElectionDecision,
    ElectionResult,
    ElectionStatus,
    ListSeats,
    draw_lots,
)

_DIVISORS = Ref(section="7-6", paragraph=1)
_ORDER = Ref(section="7-6", paragraph=2)
_BALANCE = Ref(section="7-6", paragraph=3)
_DEPUTIES = Ref(section="7-6", paragraph=5)
_LISTS = Ref(section="7-5", paragraph=2)
# The ledd of the length rule was not confirmed (../reference/kommuneloven.md § 2.10).
_LENGTH = Ref(section="7-5")


def distribute(
    lists: tuple[ElectionList, ...], seats: int, *, seed: int | None = None
) -> tuple[dict[str, int], list[Message], bool, bool]:
    """Seats per list by divisors 1, 2, 3 ... (koml. § 7-6 første ledd).

    Returns the seats per list name, the steps, whether a needed draw is missing, and
    whether lots were drawn.

    >>> from iprmodel.model import Candidate, ElectionList
    >>> a = ElectionList(name="A", votes=5, candidates=(Candidate(name="a"),) * 2)
    >>> distribute((a,), 2)[0]
    {'A': 2}
    """
    won = {item.name: 0 for item in lists}
    steps: list[Message] = []
    drawn = False
    for seat in range(1, seats + 1):
        votes = {item.name: item.votes or 0 for item in lists}
        open_ = [item.name for item in lists if won[item.name] < len(item.candidates)]
        if not open_ or not any(votes[name] for name in open_):
            break
        quotient = {name: Fraction(votes[name], won[name] + 1) for name in open_}
        best = max(quotient.values())
        tied = sorted(name for name in open_ if quotient[name] == best)
        most = max(votes[name] for name in tied)
        group = [name for name in tied if votes[name] == most]
        if len(group) > seats - seat + 1:
            # More lists with equal quotients and votes than seats left: only lot decides.
            if seed is None:
                steps.append(
                    Message.of(
                        N_(
                            "Lists {lists} have the same quotient and the same number of"
                            " votes; lots must be drawn for seat {seat}, and no draw is"
                            " recorded."
                        ),
                        lists=tuple(group),
                        seat=seat,
                    )
                )
                return won, steps, True, drawn
            winner = draw_lots(seed, group)
            drawn = True
            steps.append(
                Message.of(
                    N_(
                        "Lists {lists} have the same quotient and the same number of votes;"
                        " lots were drawn (seed {seed}) and seat {seat} goes to list {list}."
                    ),
                    lists=tuple(group),
                    seed=seed,
                    seat=seat,
                    list=winner,
                )
            )
        else:
            winner = group[0]
            if len(tied) > len(group):
                # Said before the seat it explains, as a secretary reads the steps.
                steps.append(
                    Message.of(
                        N_(
                            "Lists {lists} have the same quotient; the seat goes to the list"
                            " with the most votes."
                        ),
                        lists=tuple(tied),
                    )
                )
            steps.append(
                Message.of(
                    N_(
                        "Seat {seat} goes to list {list}: the highest quotient, {votes} / {divisor}."
                    ),
                    seat=seat,
                    list=winner,
                    votes=votes[winner],
                    divisor=won[winner] + 1,
                )
            )
        won[winner] += 1
    return won, steps, False, drawn


def _pick(
    item: ElectionList,
    indices: list[int],
    count: int,
    steps: list[Message],
    *,
    deputies: bool = False,
) -> tuple[list[int], list[int]]:
    """Pick ``count`` of the list's remaining names; return (picked, moved up) indices.

    ``deputies`` says the pick is of deputies, so the steps say which group moved.
    """
    names = [item.candidates[i] for i in indices]
    chosen = pick(names, count)
    unknown = Message.of(
        N_(
            "Not every candidate on list {list} has a recorded gender, so the gender"
            " balance could not be checked."
        ),
        list=item.name,
    )
    # Said once per list, though members and deputies are both picked.
    if chosen.unknown and required(count) and unknown not in steps:
        steps.append(unknown)
    if chosen.moved_up:
        moved = (
            N_(
                "On list {list} {candidates} move up among the deputies so that the deputies"
                " meet the gender balance."
            )
            if deputies
            else N_(
                "On list {list} {candidates} move up so that the list meets the gender balance."
            )
        )
        steps.append(
            Message.of(
                moved, list=item.name, candidates=tuple(names[i].name for i in chosen.moved_up)
            )
        )
    if chosen.short is not None:
        short = (
            N_(
                "List {list} has too few remaining candidates of the under-represented gender"
                " ({gender}) to balance its deputies."
            )
            if deputies
            else N_(
                "List {list} has too few candidates of the under-represented gender"
                " ({gender}) to meet the gender balance."
            )
        )
        steps.append(Message.of(short, list=item.name, gender=chosen.short))
    return [indices[i] for i in chosen.chosen], [indices[i] for i in chosen.moved_up]


def _list_length(election: Election) -> list[Message]:
    """Lists with more than twice as many names as members to elect (koml. § 7-5)."""
    limit = 2 * election.seats
    return [
        Message.of(
            N_(
                "List {list} has {count} names, but a list may hold at most twice as many"
                " names as members to elect ({limit}); the count goes on with the list as"
                " given."
            ),
            list=item.name,
            count=len(item.candidates),
            limit=limit,
        )
        for item in election.lists
        if len(item.candidates) > limit
    ]


def _list_rule(election: Election) -> list[Message]:
    """Lists that break koml. § 7-5 andre ledd (a note: the count goes on)."""
    notes: list[Message] = []
    if election.seats < 2:
        return notes
    for item in election.lists:
        genders = [c.gender for c in item.candidates]
        if not genders or None in genders:
            continue
        needed = required(len(genders)) if election.seats >= 4 else 1
        if min(genders.count(gender) for gender in Gender) < needed:
            notes.append(
                Message.of(
                    N_(
                        "List {list} does not meet the gender rule for lists: with {seats} to"
                        " elect, each gender needs at least {needed} of its {count} names."
                    ),
                    list=item.name,
                    seats=election.seats,
                    needed=needed,
                    count=len(genders),
                )
            )
    return notes


def proportional_election(election: Election, *, seed: int | None = None) -> ElectionResult:
    """Count a forholdsvalg (koml. § 7-6): seats per list, members and deputies.

    Args:
        election: An election with method ``proportional``.
        seed: Seed for drawing lots between lists with equal quotients and votes.

    Returns:
        The :class:`~iprmodel.rules.elections.ElectionResult`; ``PENDING`` when a draw
        is needed and no seed is given (the seats decided so far are shown).
    """
    steps = _list_length(election)
    references = [_LENGTH] if steps else []
    gender_notes = _list_rule(election)
    if gender_notes:
        references.append(_LISTS)
    steps.extend(gender_notes)
    references.extend((_DIVISORS, _ORDER))
    won, distribution, missing_draw, drawn = distribute(election.lists, election.seats, seed=seed)
    steps.extend(distribution)
    elected: list[Elected] = []
    deputies: list[Elected] = []
    shares: list[ListSeats] = []
    balance_steps_before = len(steps)
    for item in election.lists:
        seats = won[item.name]
        members, rose = _pick(item, list(range(len(item.candidates))), seats, steps)
        rest = [i for i in range(len(item.candidates)) if i not in members]
        # Koml. § 7-6 femte ledd: "så langt det er mulig" two more deputies than members.
        count = min(seats + 2, len(rest)) if seats else 0
        called, rose_deputies = (
            _pick(item, rest, count, steps, deputies=True) if count else ([], [])
        )
        elected.extend(
            Elected.of(item.candidates[i], list_name=item.name, rank=n, moved_up=i in rose)
            for n, i in enumerate(members, start=1)
        )
        deputies.extend(
            Elected.of(item.candidates[i], list_name=item.name, rank=n, moved_up=i in rose_deputies)
            for n, i in enumerate(called, start=1)
        )
        shares.append(
            ListSeats(name=item.name, votes=item.votes, seats=seats, deputies=len(called))
        )
    if len(steps) > balance_steps_before:
        references.append(_BALANCE)
    references.append(_DEPUTIES)
    filled = sum(won.values())
    if any(share.seats == 0 and share.votes for share in shares):
        steps.append(
            Message.of(
                N_(
                    "A list without members gets no deputies (interpretation of koml. § 7-6"
                    " fifth paragraph)."
                )
            )
        )
    if missing_draw:
        status, decided_by = ElectionStatus.PENDING, ElectionDecision.PENDING
    elif filled == 0:
        steps.append(Message.of(N_("No list got any votes, so nobody is elected.")))
        status, decided_by = ElectionStatus.NOBODY_ELECTED, ElectionDecision.DIVISORS
    else:
        if filled < election.seats:
            steps.append(
                Message.of(
                    N_(
                        "Only {filled} of {seats} seats could be filled: the lists have no"
                        " more names (interpretation: a list out of names gets no more seats)."
                    ),
                    filled=filled,
                    seats=election.seats,
                )
            )
        status = ElectionStatus.ELECTED
        decided_by = ElectionDecision.LOT if drawn else ElectionDecision.DIVISORS
    return ElectionResult(
        method=ElectionMethod.PROPORTIONAL,
        status=status,
        decided_by=decided_by,
        elected=tuple(elected),
        deputies=tuple(deputies),
        lists=tuple(shares),
        reasons=tuple(steps),
        references=tuple(references),
    )


__all__ = ["distribute", "proportional_election"]
