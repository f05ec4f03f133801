# SPDX-License-Identifier: MIT
"""Election cases worked out from the words of kommuneloven chapter 7, case by case.

An independent review: the expected answers were written from the act (koml. §§ 7-4 to
7-8, § 8-1 andre ledd, § 11-9) before the counting code was read. Each case cites the
paragraph and ledd whose words decide it; "interpretation" marks a case the act does
not settle in so many words (see docs/explanation/elections.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from iprmodel.model import (
    Ballot,
    Candidate,
    CandidateVotes,
    Election,
    ElectionList,
    ElectionMethod,
    Gender,
    Tally,
)
from iprmodel.rules.elections import (
    ElectionDecision,
    ElectionResult,
    ElectionStatus,
    count_election,
    majority_election,
)
from iprmodel.rules.voting import VoteRecordError

M, F = Gender.MALE, Gender.FEMALE


def _list(name: str, votes: int, genders: str) -> ElectionList:
    """A list named ``name`` whose candidates ``name1``, ``name2`` ... have ``genders``."""
    people = tuple(
        Candidate(name=f"{name}{i}", gender=M if g == "M" else F)
        for i, g in enumerate(genders, start=1)
    )
    return ElectionList(name=name, votes=votes, candidates=people)


def prop(seats: int, *lists: tuple[str, int, str]) -> Election:
    return Election(
        method=ElectionMethod.PROPORTIONAL,
        seats=seats,
        lists=tuple(_list(*item) for item in lists),
    )


def agreed(
    seats: int,
    parts: tuple[tuple[str, str, str], ...],
    *,
    against: int = 0,
    demanded: bool = False,
) -> Election:
    """An avtalevalg: per part (name, member genders, deputy genders)."""
    lists = tuple(
        ElectionList(
            name=name,
            candidates=tuple(
                Candidate(name=f"{name}{i}", gender=M if g == "M" else F)
                for i, g in enumerate(members, start=1)
            ),
            deputies=tuple(
                Candidate(name=f"{name}v{i}", gender=M if g == "M" else F)
                for i, g in enumerate(deputies, start=1)
            ),
        )
        for name, members, deputies in parts
    )
    return Election(
        method=ElectionMethod.AGREED,
        seats=seats,
        lists=lists,
        votes_for=9 - against,
        votes_against=against,
        proportional_demanded=demanded,
    )


def major(*ballots: tuple[dict[str, int], int]) -> Election:
    """A flertallsvalg: per ballot the votes per candidate and the blank votes."""
    return Election(
        method=ElectionMethod.MAJORITY,
        ballots=tuple(
            Ballot(
                counts=tuple(CandidateVotes(candidate=n, votes=v) for n, v in counts.items()),
                blank=blank,
            )
            for counts, blank in ballots
        ),
    )


def seats_of(result: ElectionResult) -> dict[str, int]:
    return {item.name: item.seats for item in result.lists}


def members(result: ElectionResult) -> list[str]:
    return [person.name for person in result.elected]


def deputies(result: ElectionResult, list_name: str | None = None) -> list[str]:
    return [p.name for p in result.deputies if list_name is None or p.list == list_name]


@dataclass(frozen=True)
class Case:
    name: str
    law: str  # the paragraph and ledd whose words decide the case
    election: Election
    check: Callable[[ElectionResult], bool]
    seed: int | None = 1


CASES = [
    # --- forholdsvalg: seats by divisors 1, 2, 3 ... -------------------------------------
    Case(
        "P1 divisors 1,2,3 (d'Hondt, not Sainte-Laguë): 9/4/2 votes, 5 seats -> 4/1/0",
        "koml. § 7-6 første ledd",
        prop(5, ("A", 9, "MFMFMF"), ("B", 4, "FMFM"), ("C", 2, "MF")),
        lambda r: seats_of(r) == {"A": 4, "B": 1, "C": 0},
    ),
    Case(
        "P2 three-way equal quotient 2.0 goes by most votes: 6/4/2, 5 seats -> 3/2/0",
        "koml. § 7-6 første ledd (equal quotients: most votes first)",
        prop(5, ("A", 6, "MFMF"), ("B", 4, "FMFM"), ("C", 2, "MF")),
        lambda r: seats_of(r) == {"A": 3, "B": 2, "C": 0},
    ),
    Case(
        "P3 equal quotient 5.0 (A/2 = B/1): the list with more votes, A, wins",
        "koml. § 7-6 første ledd (equal quotients: most votes first)",
        prop(3, ("A", 10, "MFM"), ("B", 5, "FM")),
        lambda r: seats_of(r) == {"A": 2, "B": 1},
    ),
    Case(
        "P4 equal quotient and equal votes: lot, and the result says so",
        "koml. § 7-6 første ledd (then lot)",
        prop(1, ("A", 5, "MF"), ("B", 5, "FM")),
        lambda r: r.decided_by is ElectionDecision.LOT and sum(seats_of(r).values()) == 1,
    ),
    Case(
        "P5 equal votes and no seed: the draw is still to be made (pending)",
        "koml. § 7-6 første ledd (lot)",
        prop(1, ("A", 5, "MF"), ("B", 5, "FM")),
        lambda r: r.status is ElectionStatus.PENDING,
        seed=None,
    ),
    Case(
        "P6 one seat: the larger list takes it",
        "koml. § 7-6 første ledd",
        prop(1, ("A", 4, "MF"), ("B", 3, "FM")),
        lambda r: seats_of(r) == {"A": 1, "B": 0} and members(r) == ["A1"],
    ),
    Case(
        "P7 a list with too few candidates: its surplus seat goes on by the quotients",
        "koml. § 7-6 første ledd (interpretation: a list cannot take more seats than names)",
        prop(3, ("A", 10, "F"), ("B", 2, "MFM")),
        lambda r: seats_of(r) == {"A": 1, "B": 2} and members(r) == ["A1", "B1", "B2"],
    ),
    Case(
        "P8 members are taken in the list's order",
        "koml. § 7-6 andre ledd",
        prop(3, ("A", 8, "FMFM"), ("B", 3, "MF")),
        lambda r: [p.name for p in r.elected if p.list == "A"] == ["A1", "A2"],
    ),
    Case(
        "P9 a list with more than twice as many names as seats is noted; the count goes on",
        "koml. § 7-5 (at most twice as many names as members to elect)",
        prop(1, ("A", 5, "MFM"), ("B", 4, "FM")),
        lambda r: (
            members(r) == ["A1"]
            and any("at most twice as many names" in line for line in r.explain("en"))
            and not any("List B" in line for line in r.explain("en"))
        ),
    ),
    # --- forholdsvalg: gender per list -------------------------------------------------
    Case(
        "G1 one seat on a list: no gender requirement",
        "koml. § 7-6 tredje ledd (applies to 2 or more members from a list)",
        prop(2, ("A", 5, "MF"), ("B", 4, "MF")),
        lambda r: members(r) == ["A1", "B1"] and not any(p.moved_up for p in r.elected),
    ),
    Case(
        "G2 two seats, top two men: the first woman moves up past A2",
        "koml. § 7-6 tredje ledd (2-3 members: both genders)",
        prop(2, ("A", 5, "MMF")),
        lambda r: members(r) == ["A1", "A3"] and r.elected[1].moved_up,
    ),
    Case(
        "G3 three seats, MMMF: the woman replaces A3",
        "koml. § 7-6 tredje ledd (2-3 members: both genders)",
        prop(3, ("A", 5, "MMMF")),
        lambda r: members(r) == ["A1", "A2", "A4"],
    ),
    Case(
        "G4 four seats need 2 of each (40 % of 4 = 1.6 -> 2): MMMMFF -> A1 A2 A5 A6",
        "koml. § 7-6 tredje ledd (4 or more: each gender at least 40 %)",
        prop(4, ("A", 5, "MMMMFF")),
        lambda r: members(r) == ["A1", "A2", "A5", "A6"],
    ),
    Case(
        "G5 five seats need 2 of each (40 % of 5 = 2): FFFFFMM -> A1 A2 A3 A6 A7",
        "koml. § 7-6 tredje ledd (4 or more: each gender at least 40 %)",
        prop(5, ("A", 5, "FFFFFMM")),
        lambda r: members(r) == ["A1", "A2", "A3", "A6", "A7"],
    ),
    Case(
        "G6 six seats need 3 of each (40 % of 6 = 2.4 -> 3)",
        "koml. § 7-6 tredje ledd (4 or more: each gender at least 40 %)",
        prop(6, ("A", 5, "MMMMMMFFF")),
        lambda r: members(r) == ["A1", "A2", "A3", "A7", "A8", "A9"],
    ),
    Case(
        "G7 already balanced in list order: nobody moves",
        "koml. § 7-6 tredje ledd",
        prop(4, ("A", 5, "MFMFMM")),
        lambda r: members(r) == ["A1", "A2", "A3", "A4"] and not any(p.moved_up for p in r.elected),
    ),
    Case(
        "G8 the gender rule is per list: A=MM B=FF is not balanced by the other list",
        "koml. § 7-6 tredje ledd (members from the list)",
        prop(4, ("A", 6, "MMF"), ("B", 6, "FFM")),
        lambda r: sorted(members(r)) == ["A1", "A3", "B1", "B3"],
    ),
    Case(
        "G9 no candidate of the other gender on the list: list order stands",
        "koml. § 7-6 tredje ledd ('så langt det er mulig': interpretation)",
        prop(2, ("A", 5, "MMM")),
        lambda r: members(r) == ["A1", "A2"],
    ),
    # --- forholdsvalg: deputies --------------------------------------------------------
    Case(
        "D1 a list gets as many deputies as members, plus two, in list order",
        "koml. § 7-6 (deputies: as many as members and two more)",
        prop(2, ("A", 5, "MFMFMFMF")),
        lambda r: (
            deputies(r, "A") == ["A3", "A4", "A5", "A6"]
            and {x.name: x.deputies for x in r.lists} == {"A": 4}
        ),
    ),
    Case(
        "D2 a short list gives only the names it has left",
        "koml. § 7-6 (deputies from the list's remaining names)",
        prop(2, ("A", 5, "MFM")),
        lambda r: deputies(r, "A") == ["A3"],
    ),
    Case(
        "D3 a list that wins no seat gets no deputies",
        "koml. § 7-6 (interpretation: 'as many as members, plus two' needs a member)",
        prop(1, ("A", 5, "MF"), ("B", 1, "FM")),
        lambda r: deputies(r, "B") == [],
    ),
    Case(
        "D4 the candidate passed over for gender balance is first deputy",
        "koml. § 7-6 tredje ledd and deputies in list order",
        prop(2, ("A", 5, "MMFMF")),
        lambda r: members(r) == ["A1", "A3"] and deputies(r, "A")[:1] == ["A2"],
    ),
    Case(
        "D5 deputies are numbered 1, 2, ... within the list (the order they are called in)",
        "koml. § 7-10 første ledd",
        prop(1, ("A", 5, "MFMF")),
        lambda r: [p.rank for p in r.deputies] == [1, 2, 3],
    ),
    Case(
        "D6 deputies are balanced the same way, and the step says it is the deputies",
        "koml. § 7-6 tredje ledd, applied to deputies (interpretation: 'tilsvarende')",
        prop(2, ("A", 5, "MFMMMMFF")),
        lambda r: (
            deputies(r, "A") == ["A3", "A4", "A7", "A8"]
            and any("among the deputies" in line for line in r.explain("en"))
        ),
    ),
    # --- avtalevalg --------------------------------------------------------------------
    Case(
        "A1 a balanced slate adopted unanimously elects",
        "koml. § 7-7 første ledd (unanimity) and tredje ledd",
        agreed(3, (("A", "MF", "MF"), ("B", "M", "FM"))),
        lambda r: r.decided_by is ElectionDecision.UNANIMOUS and len(r.elected) == 3,
    ),
    Case(
        "A2 one vote against: no avtalevalg",
        "koml. § 7-7 første ledd (unanimous decision)",
        agreed(3, (("A", "MF", "MF"), ("B", "M", "FM")), against=1),
        lambda r: r.decided_by is ElectionDecision.NOT_UNANIMOUS and not r.elected,
    ),
    Case(
        "A3 five members, four men: below 40 % (needs 2 women)",
        "koml. § 7-7 tredje ledd (4 or more: each gender at least 40 % of the organ)",
        agreed(5, (("A", "MMM", "FFM"), ("B", "MF", "FM"))),
        lambda r: r.decided_by is ElectionDecision.INVALID_SLATE and not r.elected,
    ),
    Case(
        "A4 three members, all women: both genders required",
        "koml. § 7-7 tredje ledd (3 or fewer: both genders)",
        agreed(3, (("A", "FF", "MF"), ("B", "F", "MF"))),
        lambda r: r.decided_by is ElectionDecision.INVALID_SLATE,
    ),
    Case(
        "A5 gender is judged over the whole organ, not per party",
        "koml. § 7-7 tredje ledd (the organ as a whole)",
        agreed(4, (("A", "MM", "FF"), ("B", "FF", "MM"))),
        lambda r: r.decided_by is ElectionDecision.UNANIMOUS,
    ),
    Case(
        "A6 the deputies must be balanced too",
        "koml. § 7-7 tredje ledd (the same for deputies)",
        agreed(4, (("A", "MF", "MM"), ("B", "MF", "MM"))),
        lambda r: r.decided_by is ElectionDecision.INVALID_SLATE,
    ),
    Case(
        "A7 an organ of one member: no gender requirement",
        "koml. § 7-7 tredje ledd (interpretation: 'both genders' needs two seats)",
        agreed(1, (("A", "M", "M"),)),
        lambda r: r.decided_by is ElectionDecision.UNANIMOUS,
    ),
    Case(
        "A8 one member demanded forholdsvalg: no avtalevalg",
        "koml. § 7-4 første ledd (forholdsvalg if one member demands it)",
        agreed(3, (("A", "MF", "MF"), ("B", "M", "FM")), demanded=True),
        lambda r: not r.elected and r.status is not ElectionStatus.ELECTED,
    ),
    # --- flertallsvalg -----------------------------------------------------------------
    Case(
        "F1 5 of 9 votes is more than half: elected on the first ballot",
        "koml. § 7-8 første ledd",
        major(({"Kari": 5, "Ola": 4}, 0)),
        lambda r: members(r) == ["Kari"] and r.decided_by is ElectionDecision.FIRST_BALLOT,
    ),
    Case(
        "F2 exactly half (5 of 10) is not more than half: a new ballot, not lot, not chair",
        "koml. § 7-8 første ledd; § 11-9 andre ledd (casting vote not in elections)",
        major(({"Kari": 5, "Ola": 5}, 0)),
        lambda r: r.status is ElectionStatus.PENDING and not r.elected,
    ),
    Case(
        "F3 no majority on the first ballot, most votes on the second is elected",
        "koml. § 7-8 første ledd (new ballot: most votes)",
        major(({"Kari": 4, "Ola": 4, "Per": 1}, 0), ({"Kari": 5, "Ola": 4}, 0)),
        lambda r: members(r) == ["Kari"] and r.decided_by is ElectionDecision.SECOND_BALLOT,
    ),
    Case(
        "F4 a tie on the second ballot is settled by lot, never by the chair",
        "koml. § 7-8 første ledd (lot); § 11-9 andre ledd",
        major(({"Kari": 4, "Ola": 4}, 1), ({"Kari": 4, "Ola": 4}, 1)),
        lambda r: r.decided_by is ElectionDecision.LOT and members(r) in (["Kari"], ["Ola"]),
    ),
    Case(
        "F5 the second ballot needs no majority: 3 votes against 2 and 4 blank elects",
        "koml. § 7-8 første ledd (most votes in the new ballot)",
        major(({"Kari": 3, "Ola": 2}, 4), ({"Kari": 3, "Ola": 2}, 4)),
        lambda r: members(r) == ["Kari"],
    ),
    Case(
        "F6 blank votes are votes cast: 5 for Kari, 4 Ola, 1 blank is not > half of 10",
        "koml. § 7-8 første ledd ('de avgitte stemmene'); § 8-1 andre ledd (blank allowed)",
        major(({"Kari": 5, "Ola": 4}, 1)),
        lambda r: r.status is ElectionStatus.PENDING and not r.elected,
    ),
    Case(
        "F8 all votes blank in the new ballot: nobody is elected",
        "koml. § 7-8 første ledd ('den som får flest stemmer': there is none)",
        major(({"Kari": 0, "Ola": 0}, 9), ({"Kari": 0, "Ola": 0}, 9)),
        lambda r: r.status is ElectionStatus.NOBODY_ELECTED and not r.elected,
    ),
    Case(
        "F7 one candidate, more blank votes than votes for: not elected on the first ballot",
        "koml. § 7-8 første ledd ('de avgitte stemmene')",
        major(({"Kari": 3}, 4)),
        lambda r: not r.elected,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.name.split()[0] for case in CASES])
def test_law_case(case: Case) -> None:
    result = count_election(case.election, seed=case.seed)
    assert case.check(result), (case.name, case.law, result)


def test_every_case_cites_the_act() -> None:
    assert len(CASES) >= 25
    assert all(case.law.startswith("koml. §") for case in CASES)


def test_single_candidate_without_majority_goes_to_a_new_ballot() -> None:
    """Koml. § 7-8 første ledd: no majority means a new ballot, not "nobody elected".

    One candidate put to the vote (for / against / blank): 4 for of 9 cast.
    """
    result = majority_election(Tally(votes_for=4, votes_against=2, blank=3))
    assert result.status is ElectionStatus.PENDING
    assert "4 of 9 votes cast" in result.explain("en")[1]
    elected = majority_election(Tally(votes_for=5, votes_against=2, blank=2))
    assert elected.status is ElectionStatus.ELECTED


def test_the_blank_reading_is_called_an_interpretation_in_every_language() -> None:
    result = count_election(major(({"Kari": 5, "Ola": 4}, 1)))
    for locale in ("nb", "nn", "en"):
        first = result.explain(locale)[0]
        assert "7-8" in first
        assert "8-1" in first
    assert "interpretation" in result.explain("en")[0]


def test_the_tie_break_is_explained_before_the_seat_it_decides() -> None:
    """Koml. § 7-6 første ledd: the equal-quotient rule is the reason for that seat."""
    result = count_election(prop(5, ("A", 6, "MFMF"), ("B", 4, "FMFM"), ("C", 2, "MF")))
    steps = result.explain("en")
    tie = steps.index(
        "Lists A, B, C have the same quotient; the seat goes to the list with the most votes."
    )
    assert steps[tie + 1] == "Seat 4 goes to list A: the highest quotient, 6 / 3."


def test_a_second_ballot_after_a_first_ballot_majority_is_a_record_error() -> None:
    """Koml. § 7-8 første ledd: a new ballot is held only when nobody got a majority."""
    election = major(({"Kari": 6, "Ola": 3}, 0), ({"Kari": 4, "Ola": 5}, 0))
    with pytest.raises(VoteRecordError, match="Kari got more than half"):
        count_election(election)
