# SPDX-License-Identifier: MIT
"""An agenda item's recorded election is counted and checked (koml. §§ 7-4 to 7-8, § 11-9).

The good register's representantskap has four members, all present (tests/rules/conftest.py).
"""

from __future__ import annotations

import attrs
import pytest

from iprmodel.model import (
    Candidate,
    Clause,
    ClauseTopic,
    Election,
    ElectionList,
    ElectionMethod,
    LocalizedText,
    RecordedOutcome,
    Register,
)
from iprmodel.rules import evaluate_item
from iprmodel.rules.law import check
from tests.rules.test_law import _election, _leader, _slate, agreement_with


def _codes(register: Register) -> list[str]:
    return [f.code for f in check(register)]


def _findings(register: Register, code: str):
    return [f for f in check(register) if f.code == code]


def test_a_flertallsvalg_recorded_as_counted_is_quiet(good):
    """3 of 4 votes is more than half (§ 7-8): the recorded winner stands."""
    register = _election(good, _leader((3, 1), elected=("gol-member-1",)))
    assert check(register) == ()


def test_the_recorded_winner_may_be_named_by_name(good):
    register = _election(good, _leader((3, 1), elected=("gol-member-1",)))
    item = register.councils[0].meetings[0].agenda[0]
    outcome = evaluate_item(register.councils[0], register.councils[0].meetings[0], item)
    assert outcome is not None
    assert outcome.election is not None
    assert outcome.result is RecordedOutcome.ADOPTED
    assert [p.name for p in outcome.election.elected] == ["gol-member-1"]


def test_a_wrong_winner_names_the_count_and_its_reasons(good):
    (finding,) = _findings(
        _election(good, _leader((3, 1), elected=("hol-member-1",))), "IPR-7-4-ELECTED"
    )
    english = finding.message("en")
    assert "records hol-member-1 as elected" in english
    assert "elects gol-member-1" in english
    assert "3 of 4 votes cast" in english  # the count's own step (§ 7-8)
    assert finding.reference.render("en") == "koml. § 7-8"
    assert finding.path.endswith("agenda[ps-1].election.elected")
    assert "fører opp hol-member-1 som valgt" in finding.message("nb")


def test_a_second_ballot_winner_recorded_is_quiet(good):
    """No majority in the first ballot; most votes in the second wins (§ 7-8)."""
    register = _election(good, _leader((2, 2), (3, 1), elected=("gol-member-1",)))
    assert check(register) == ()


def test_a_tie_without_the_new_ballot_recorded_as_decided_is_a_warning(good):
    (finding,) = _findings(
        _election(good, _leader((2, 2), elected=("gol-member-1",))), "IPR-7-4-ELECTED"
    )
    assert finding.severity.value == "warning"
    assert "new ballot" in finding.message("en")


def test_the_casting_vote_in_a_recorded_election_is_a_finding(good):
    """Koml. § 11-9 andre ledd excludes elections from the chair's casting vote."""
    register = _election(good, _leader((2, 2), elected=("gol-member-1",)), casting_vote=True)
    assert "IPR-11-9-CASTING-VOTE" in _codes(register)


def test_the_quorum_applies_to_elections(good):
    """One vote of four members is not half present and voting (§ 11-9 første ledd)."""
    (finding,) = _findings(
        _election(good, _leader((1, 0), elected=("gol-member-1",))), "IPR-11-9-QUORUM"
    )
    assert "not quorate" in finding.message("en")
    assert finding.reference.render("en") == "koml. § 11-9 first paragraph"


def test_a_quorate_election_of_half_the_members_is_quiet(good):
    register = _election(good, _leader((2, 0), elected=("gol-member-1",)))
    assert check(register) == ()


def test_an_inquorate_election_recorded_as_adopted_contradicts_once(good):
    register = _election(good, _leader((1, 0), elected=()), outcome=RecordedOutcome.ADOPTED)
    assert _codes(register).count("IPR-11-9-QUORUM") == 1


def test_a_unanimous_avtalevalg_is_quiet(good):
    register = _election(good, _slate(elected=("gol-member-1", "hol-member-2")))
    assert check(register) == ()


def test_an_avtalevalg_with_a_vote_against_recorded_as_adopted(good):
    register = _election(good, _slate(votes_for=3, votes_against=1, elected=("gol-member-1",)))
    (finding,) = _findings(register, "IPR-7-7-AGREED")
    assert "1 voted against" in finding.message("en")
    assert finding.reference.render("en") == "koml. § 7-7 second paragraph"


def test_an_avtalevalg_after_a_demand_for_forholdsvalg_cites_7_4(good):
    register = _election(good, _slate(proportional_demanded=True), outcome=RecordedOutcome.ADOPTED)
    (finding,) = _findings(register, "IPR-7-7-AGREED")
    assert finding.reference.render("en") == "koml. § 7-4 first paragraph"


def test_an_avtalevalg_not_adopted_and_recorded_so_is_quiet(good):
    """Nobody elected by avtalevalg, and the minutes say so: nothing to report."""
    register = _election(
        good, _slate(votes_for=3, votes_against=1), outcome=RecordedOutcome.REJECTED
    )
    assert check(register) == ()


def _forholdsvalg(**changes: object) -> Election:
    a = ElectionList(
        name="A",
        votes=3,
        candidates=tuple(Candidate(name=f"A{n}") for n in range(1, 5)),
    )
    b = ElectionList(
        name="B",
        votes=1,
        candidates=tuple(Candidate(name=f"B{n}") for n in range(1, 4)),
    )
    return Election(method=ElectionMethod.PROPORTIONAL, seats=2, lists=(a, b), **changes)


def test_forholdsvalg_members_and_deputies_as_counted_are_quiet(good):
    """Divisors 1, 2 (§ 7-6 første ledd): A 3, B 1, A 1.5 — both seats go to A."""
    register = _election(
        good,
        _forholdsvalg(elected=("A2", "A1"), elected_deputies=("A3", "A4")),
    )
    assert check(register) == ()


def test_forholdsvalg_wrong_members(good):
    register = _election(good, _forholdsvalg(elected=("A1", "B1")))
    (finding,) = _findings(register, "IPR-7-4-ELECTED")
    assert finding.reference.render("en") == "koml. § 7-6"
    assert "elects A1, A2" in finding.message("en")


def test_forholdsvalg_deputies_out_of_order(good):
    """Deputies are called in the list's order (§ 7-6 femte ledd, § 7-10 første ledd)."""
    register = _election(good, _forholdsvalg(elected_deputies=("A4", "A3")))
    (finding,) = _findings(register, "IPR-7-4-ELECTED")
    assert finding.path.endswith("election.elected_deputies")
    assert "§ 7-10" in finding.message("en")


def test_an_election_item_with_nothing_recorded_is_a_minutes_warning(good):
    """A held meeting's election item with no result at all: § 11-4 første ledd."""
    register = _election(good, None, outcome=None)  # type: ignore[arg-type]
    assert "IPR-11-4-DECISIONS" in _codes(register)
    assert "IPR-7-4-ELECTED" not in _codes(register)


def test_an_election_recorded_without_who_was_elected_asks_for_the_decision(good):
    """The ballots are the vote results; who was elected is the decision (§ 11-4 d)."""
    register = _election(good, _leader((3, 1), elected=()), outcome=None)
    assert _codes(register) == ["IPR-11-4-DECISIONS"]
    named = _election(good, _leader((3, 1), elected=("gol-member-1",)), outcome=None)
    assert check(named) == ()


def test_too_many_votes_in_a_recorded_election_is_invalid(good):
    register = _election(good, _leader((5, 1), elected=("gol-member-1",)))
    assert "IPR-11-9-VOTES" in _codes(register)


@pytest.mark.parametrize("text", [None, LocalizedText(nb="Rådet heter Demo.")])
def test_a_topic_clause_without_text_is_an_open_clause(good, text):
    """§ 18-4 fjerde ledd a: a tagged clause with no text does not yet cover its item."""
    agreement = good.councils[0].agreements[0]
    clauses = tuple(
        attrs.evolve(c, text=text) if ClauseTopic.NAME in c.topics else c for c in agreement.clauses
    )
    findings = _findings(agreement_with(good, clauses=clauses), "IPR-18-4-CONTENT")
    if text is not None:
        assert findings == []
        return
    (finding,) = findings
    assert finding.severity.value == "warning"
    assert "(a)" in finding.message("en") or " a " in finding.message("en")
    assert "no text yet" in finding.message("en")


def test_a_second_clause_with_text_covers_the_topic(good):
    agreement = good.councils[0].agreements[0]
    clauses = (
        *tuple(
            attrs.evolve(c, text=None) if ClauseTopic.NAME in c.topics else c
            for c in agreement.clauses
        ),
        Clause(number="1 b", topics=frozenset({ClauseTopic.NAME}), text=LocalizedText(nb="Demo.")),
    )
    assert _findings(agreement_with(good, clauses=clauses), "IPR-18-4-CONTENT") == []
