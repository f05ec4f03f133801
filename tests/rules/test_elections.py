# SPDX-License-Identifier: MIT
"""Elections worked out from the wording of koml. §§ 7-4 to 7-8 (as enacted, LTI 2018-06-22-83).

Each case names the sentence of the act it follows.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from iprmodel.model import (
    Ballot,
    Candidate,
    CandidateVotes,
    Election,
    ElectionList,
    ElectionMethod,
    ElectionRule,
    Gender,
    VoteChoice,
)
from iprmodel.rules import ElectionDecision, ElectionStatus, count_election
from iprmodel.rules.elections import draw_lots
from iprmodel.rules.voting import DecidedBy, VoteRecordError, evaluate

M, F = Gender.MALE, Gender.FEMALE


def names(prefix: str, *genders: Gender | None) -> tuple[Candidate, ...]:
    return tuple(Candidate(name=f"{prefix}{i}", gender=g) for i, g in enumerate(genders, 1))


def lst(name: str, votes: int, *genders: Gender | None) -> ElectionList:
    return ElectionList(name=name, votes=votes, candidates=names(name, *genders))


def proportional(seats: int, *lists: ElectionList) -> Election:
    return Election(method=ElectionMethod.PROPORTIONAL, seats=seats, lists=lists)


def seats_of(result) -> dict[str, int]:
    return {share.name: share.seats for share in result.lists}


def elected(result) -> list[str]:
    return [p.name for p in result.elected]


# -- forholdsvalg, § 7-6 ----------------------------------------------------------------


def test_four_seats_three_lists_by_divisors_1_2_3():
    """§ 7-6 første ledd: quotients 10, 6, 5, 4 beat 3.3 and 3: A 2, B 1, C 1."""
    result = count_election(
        proportional(4, lst("A", 10, M, F, M), lst("B", 6, F, M), lst("C", 4, M, F))
    )
    assert seats_of(result) == {"A": 2, "B": 1, "C": 1}
    assert result.decided_by is ElectionDecision.DIVISORS
    # § 7-6 andre ledd: members in list order.
    assert elected(result) == ["A1", "A2", "B1", "C1"]
    # § 7-6 femte ledd: two more deputies than members, as far as the list has names.
    assert [(p.list, p.name, p.rank) for p in result.deputies] == [
        ("A", "A3", 1),
        ("B", "B2", 1),
        ("C", "C2", 1),
    ]
    assert "koml. § 7-6 første ledd" in result.reference_texts("nb")


def test_equal_quotients_go_to_the_list_with_most_votes():
    """§ 7-6 første ledd andre punktum: A 9/3 = 3 ties C 3/1; A has more votes."""
    result = count_election(
        proportional(4, lst("A", 9, M, F, M, F), lst("B", 5, F, M), lst("C", 3, F, M))
    )
    assert seats_of(result) == {"A": 3, "B": 1, "C": 0}
    assert any("same quotient" in text for text in result.explain("en"))


def test_equal_quotients_and_votes_are_settled_by_lot():
    """§ 7-6 første ledd tredje punktum: equal votes too, then lot (deterministic seed)."""
    election = proportional(1, lst("A", 5, M), lst("B", 5, F))
    pending = count_election(election)
    assert pending.status is ElectionStatus.PENDING
    assert "Lots must be drawn" in pending.explain("en")[0] or any(
        "lots must be drawn" in t for t in pending.explain("en")
    )
    drawn = count_election(election, seed=11)
    winner = draw_lots(11, ["A", "B"])
    assert seats_of(drawn)[winner] == 1
    assert drawn.decided_by is ElectionDecision.LOT


def test_no_lot_when_every_tied_list_gets_a_seat():
    """Two lists tied for the last two seats both get one: nothing to draw."""
    result = count_election(proportional(2, lst("A", 5, M), lst("B", 5, F)))
    assert seats_of(result) == {"A": 1, "B": 1}
    assert result.decided_by is ElectionDecision.DIVISORS


def test_under_represented_gender_moves_up_on_a_three_seat_list():
    """§ 7-6 tredje ledd: three members must include both genders; A4 moves up."""
    result = count_election(proportional(3, lst("A", 10, M, M, M, F, M)))
    assert elected(result) == ["A1", "A2", "A4"]
    assert [p.moved_up for p in result.elected] == [False, False, True]
    # The one who gave way is the first deputy.
    assert [p.name for p in result.deputies][:1] == ["A3"]
    assert "koml. § 7-6 tredje ledd" in result.reference_texts("nb")


def test_forty_percent_on_a_five_seat_list():
    """§ 7-6 tredje ledd: five members need two of each gender."""
    result = count_election(proportional(5, lst("A", 10, M, M, M, M, F, F, M)))
    assert elected(result) == ["A1", "A2", "A3", "A5", "A6"]


def test_one_seat_asks_no_gender_balance():
    result = count_election(proportional(1, lst("A", 10, M, F)))
    assert elected(result) == ["A1"]
    assert not any(p.moved_up for p in result.elected)


def test_a_list_short_of_one_gender_is_named():
    result = count_election(proportional(2, lst("A", 10, M, M, M)))
    assert any("too few candidates" in t for t in result.explain("en"))


def test_list_rule_of_7_5_is_noted():
    """§ 7-5 andre ledd: four or more to elect, each gender 40 % of a list's names."""
    result = count_election(proportional(4, lst("A", 10, M, M, M, M, F), lst("B", 2, F, M)))
    assert any("gender rule for lists" in t for t in result.explain("en"))
    assert "koml. § 7-5 andre ledd" in result.reference_texts("nb")


def test_a_list_out_of_names_gets_no_more_seats():
    result = count_election(proportional(3, lst("A", 10, M), lst("B", 1, F, M)))
    assert seats_of(result) == {"A": 1, "B": 2}


def test_unknown_genders_are_said_not_guessed():
    result = count_election(proportional(2, lst("A", 10, M, None, F, M, F)))
    assert sum("recorded gender" in t for t in result.explain("en")) == 1


def test_no_votes_elects_nobody():
    result = count_election(proportional(2, lst("A", 0, M), lst("B", 0, F)))
    assert result.status is ElectionStatus.NOBODY_ELECTED


def test_more_ballots_than_members_is_an_error():
    with pytest.raises(VoteRecordError):
        count_election(proportional(2, lst("A", 10, M)), members=9)


# -- avtalevalg, § 7-7 ------------------------------------------------------------------


def slate(seats: int, *lists: ElectionList, votes_for: int | None = 9, against: int = 0, **kw):
    return Election(
        method=ElectionMethod.AGREED,
        seats=seats,
        lists=lists,
        votes_for=votes_for,
        votes_against=against,
        **kw,
    )


SLATE = (
    ElectionList(name="Ap", candidates=names("Ap", F, M), deputies=names("ApV", M, F)),
    ElectionList(name="H", candidates=names("H", M, F), deputies=names("HV", F)),
)


def test_unanimous_slate_elects_its_names_in_order():
    result = count_election(slate(4, *SLATE))
    assert result.decided_by is ElectionDecision.UNANIMOUS
    assert elected(result) == ["Ap1", "Ap2", "H1", "H2"]
    assert [(p.list, p.rank) for p in result.deputies] == [("Ap", 1), ("Ap", 2), ("H", 1)]


def test_one_dissenter_elects_nobody_and_says_why():
    """§ 7-7 andre ledd siste punktum: the slate is adopted unanimously, or not at all."""
    result = count_election(slate(4, *SLATE, votes_for=8, against=1))
    assert result.status is ElectionStatus.NOBODY_ELECTED
    assert result.decided_by is ElectionDecision.NOT_UNANIMOUS
    assert result.elected == ()
    text = " ".join(result.explain("nb"))
    assert "enstemmig" in text
    assert "forholdsvalg" in text
    assert "koml. § 7-4 første ledd" in result.reference_texts("nb")


def test_a_demand_for_forholdsvalg_rules_out_avtalevalg():
    """§ 7-4 første ledd: forholdsvalg when at least one member demands it."""
    result = count_election(slate(4, *SLATE, proportional_demanded=True))
    assert result.decided_by is ElectionDecision.NOT_UNANIMOUS


def test_slate_with_wrong_number_of_names_elects_nobody():
    result = count_election(slate(5, *SLATE))
    assert result.decided_by is ElectionDecision.INVALID_SLATE


def test_slate_gender_balance_of_the_organ():
    """§ 7-7 tredje ledd: four members need 40 % (two) of each gender in the organ."""
    men = (ElectionList(name="X", candidates=names("X", M, M, M, F)),)
    result = count_election(slate(4, *men))
    assert result.decided_by is ElectionDecision.INVALID_SLATE
    assert "koml. § 7-7 tredje ledd" in result.reference_texts("nb")


def test_slate_vote_not_recorded_is_pending():
    result = count_election(slate(4, *SLATE, votes_for=None))
    assert result.status is ElectionStatus.PENDING


# -- flertallsvalg, § 7-8 -----------------------------------------------------------------


def ballot(blank: int = 0, **counts: int) -> Ballot:
    return Ballot(
        counts=tuple(CandidateVotes(candidate=c, votes=n) for c, n in counts.items()), blank=blank
    )


def majority(*ballots: Ballot) -> Election:
    return Election(method=ElectionMethod.MAJORITY, ballots=ballots)


def test_more_than_half_in_the_first_ballot():
    result = count_election(majority(ballot(Kari=5, Ola=4)))
    assert elected(result) == ["Kari"]
    assert result.decided_by is ElectionDecision.FIRST_BALLOT


def test_blank_votes_are_votes_cast():
    """§ 8-1 andre ledd allows blank votes; they are "avgitte stemmer" (§ 7-8).

    4 of 10 votes cast is not more than half, so a new ballot is held; 6 of 10 is.
    """
    result = count_election(majority(ballot(blank=3, Kari=4, Ola=3)))
    assert result.status is ElectionStatus.PENDING
    assert "3 blank votes count among the votes cast" in result.explain("en")[0]
    assert elected(count_election(majority(ballot(blank=1, Kari=6, Ola=3)))) == ["Kari"]


def test_no_majority_goes_to_a_second_ballot():
    """§ 7-8 andre and tredje punktum: a new ballot, where most votes wins."""
    first = ballot(Kari=4, Ola=3, Per=2)
    assert count_election(majority(first)).status is ElectionStatus.PENDING
    result = count_election(majority(first, ballot(Kari=4, Ola=5)))
    assert elected(result) == ["Ola"]
    assert result.decided_by is ElectionDecision.SECOND_BALLOT


def test_tie_in_the_second_ballot_goes_to_lot():
    """§ 7-8 fjerde punktum: equal votes, lot; never the chair's vote."""
    election = majority(ballot(Kari=4, Ola=4), ballot(Kari=4, Ola=4))
    assert count_election(election).status is ElectionStatus.PENDING
    result = count_election(election, seed=3)
    assert elected(result) == [draw_lots(3, ["Kari", "Ola"])]
    assert result.decided_by is ElectionDecision.LOT
    assert "The chair's casting vote does not apply to elections." in result.explain("en")


def test_voting_evaluate_still_counts_flertallsvalg_and_ignores_the_chair():
    """The public rules.voting API delegates to rules.elections, with today's answers."""
    outcome = evaluate(
        ElectionRule(),
        {"Kari": 3, "Ola": 3},
        members=6,
        chair_vote=VoteChoice.FOR,
        second_ballot={"Kari": 3, "Ola": 3},
        seed=5,
    )
    assert outcome.decided_by is DecidedBy.LOT
    assert outcome.elected == draw_lots(5, ["Kari", "Ola"])
    from iprmodel.rules.voting import draw_lots as voting_draw_lots

    assert voting_draw_lots is draw_lots


# -- properties ---------------------------------------------------------------------------


@st.composite
def contests(draw):
    seats = draw(st.integers(1, 7))
    count = draw(st.integers(1, 4))
    votes = draw(st.lists(st.integers(1, 60), min_size=count, max_size=count))
    lists = tuple(
        ElectionList(
            name=f"L{i}",
            votes=v,
            candidates=tuple(
                Candidate(name=f"L{i}-{j}", gender=draw(st.sampled_from(Gender)))
                for j in range(seats + 2)
            ),
        )
        for i, v in enumerate(votes)
    )
    return proportional(seats, *lists)


@given(contests(), st.integers(0, 1000))
def test_seats_sum_to_the_number_to_elect(election, seed):
    result = count_election(election, seed=seed)
    assert sum(s.seats for s in result.lists) == election.seats == len(result.elected)


@given(contests(), st.integers(0, 1000), st.integers(0, 3), st.integers(1, 30))
def test_more_votes_never_lose_a_seat(election, seed, which, extra):
    index = which % len(election.lists)
    target = election.lists[index]
    more = target.__class__(
        name=target.name, votes=target.votes + extra, candidates=target.candidates
    )
    richer = proportional(
        election.seats, *(more if i == index else item for i, item in enumerate(election.lists))
    )
    before = seats_of(count_election(election, seed=seed))[target.name]
    after = seats_of(count_election(richer, seed=seed))[target.name]
    assert after >= before


@given(contests(), st.integers(0, 1000), st.randoms())
def test_same_input_same_result_in_any_list_order(election, seed, random):
    first = count_election(election, seed=seed)
    assert count_election(election, seed=seed) == first
    shuffled = list(election.lists)
    random.shuffle(shuffled)
    again = count_election(proportional(election.seats, *shuffled), seed=seed)
    assert seats_of(again) == seats_of(first)


# -- the vote file and the command line --------------------------------------------------

import json  # noqa: E402

from iprmodel.cli import main  # noqa: E402

FOUR_SEATS = {
    "election": {
        "method": "proportional",
        "seats": 4,
        "lists": [
            {
                "name": "A",
                "votes": 10,
                "candidates": [
                    {"name": "Anne", "gender": "female"},
                    {"name": "Arne", "gender": "male"},
                    {"name": "Asta", "gender": "female"},
                ],
            },
            {
                "name": "B",
                "votes": 6,
                "candidates": [
                    {"name": "Bjørn", "gender": "male"},
                    {"name": "Berit", "gender": "female"},
                ],
            },
            {
                "name": "C",
                "votes": 4,
                "candidates": [
                    {"name": "Cecilie", "gender": "female"},
                    {"name": "Carl", "gender": "male"},
                ],
            },
        ],
    },
    "members": 20,
}
DISSENT = {
    "election": {
        "method": "agreed",
        "seats": 1,
        "lists": [{"name": "Ap", "candidates": [{"name": "Kari"}]}],
        "votes_for": 8,
        "votes_against": 1,
    }
}


def vote(tmp_path, capsys, data, *args):
    path = tmp_path / "vote.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    status = main(["vote", str(path), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        (
            "nb",
            (
                "Resultat: valgt",
                "Valgmåte: forholdsvalg",
                "Plass 1 går til liste A",
                "§ 7-6 første ledd",
            ),
        ),
        (
            "nn",
            (
                "Resultat: vald",
                "Valmåte: forholdsval",
                "Plass 1 går til liste A",
                "§ 7-6 første ledd",
            ),
        ),
        (
            "en",
            (
                "Result: elected",
                "Method: proportional",
                "Seat 1 goes to list A",
                "§ 7-6 first paragraph",
            ),
        ),
    ],
)
def test_vote_prints_the_seat_distribution(tmp_path, capsys, locale, words):
    status, out, _ = vote(tmp_path, capsys, FOUR_SEATS, "--locale", locale)
    assert status == 0
    for word in words:
        assert word in out
    assert "A: 2. Arne" in out
    assert "C: 1. Cecilie" in out


@pytest.mark.parametrize(
    ("locale", "word"), [("nb", "enstemmig"), ("nn", "samrøystes"), ("en", "unanimously")]
)
def test_vote_json_says_why_nobody_is_elected(tmp_path, capsys, locale, word):
    status, out, _ = vote(tmp_path, capsys, DISSENT, "--format", "json", "--locale", locale)
    assert status == 0
    document = json.loads(out)
    assert document["kind"] == "election"
    assert document["result"] == "nobody_elected"
    assert document["decided_by"] == "not_unanimous"
    assert document["elected"] == []
    assert any(word in reason for reason in document["reasons"])
    assert document["references"]


def test_vote_json_for_todays_files(tmp_path, capsys):
    data = {"rule": {"kind": "majority"}, "votes": {"for": 5, "against": 3}, "members": 9}
    status, out, _ = vote(tmp_path, capsys, data, "--format", "json", "--locale", "en")
    document = json.loads(out)
    assert status == 0
    assert document["kind"] == "vote"
    assert document["result"] == "adopted"
    assert document["tally"] == {"for": 5, "against": 3, "blank": 0}


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"election": {"method": "proportional", "seats": 2}}, "election"),
        ({"election": {"method": "lottery"}}, "election.method"),
        ({**FOUR_SEATS, "chair": "for"}, "chair"),
        ({"election": {**FOUR_SEATS["election"], "seats": "four"}}, "election.seats"),
    ],
)
def test_bad_election_files_name_the_place(tmp_path, capsys, data, where):
    status, _out, err = vote(tmp_path, capsys, data, "--locale", "en")
    assert status == 2
    assert f"{where}:" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_every_election_message_is_translated(locale):
    """The rules catalog holds every message of rules/elections (its own test scans rules/*.py)."""
    import ast
    from pathlib import Path

    import polib

    import iprmodel.rules.elections as package
    from iprmodel.l10n import LOCALEDIR

    msgids = set()
    for path in Path(package.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                first = node.args[0]
                if name in {"N_", "record_error"} and isinstance(first, ast.Constant):
                    msgids.add(first.value)
    po = polib.pofile(str(LOCALEDIR / locale / "LC_MESSAGES" / "iprmodel_rules.po"))
    translated = {entry.msgid for entry in po if entry.msgstr}
    assert msgids - translated == set()
