# SPDX-License-Identifier: MIT
"""Bodies: count ranges, delegations, decision rules and Body.rule_for."""

from __future__ import annotations

import pytest

from iprmodel.errors import InvalidValue
from iprmodel.model import (
    Body,
    BodyKind,
    CaseKind,
    ConsensusRule,
    CountRange,
    DecisionRule,
    Delegation,
    LocalizedText,
    MajorityRule,
    Office,
    TieBreak,
    UnanimityRule,
)

NAME = LocalizedText(nn="Regionrådet for Hallingdal")


def test_count_range_contains() -> None:
    """8-10 meetings a year contains 8 and 10, not 7 or 11."""
    meetings = CountRange(min=8, max=10)

    assert [n in meetings for n in (7, 8, 10, 11)] == [False, True, True, False]


def test_count_range_min_above_max_is_refused() -> None:
    """min > max is an error naming both."""
    with pytest.raises(InvalidValue) as caught:
        CountRange(min=10, max=8)

    assert str(caught.value) == "min (10) must be on or before max (8)"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"members": 1, "member_offices": (Office.MAYOR, Office.DEPUTY_MAYOR)},
            "member_offices lists 2 offices for 1 members",
        ),
        (
            {"members": 1, "deputies": 0, "deputy_offices": (Office.DEPUTY_MAYOR,)},
            "deputy_offices lists 1 offices for 0 deputies",
        ),
    ],
)
def test_delegation_offices_must_fit_seats(kwargs: dict[str, object], message: str) -> None:
    """A delegation cannot name more offices than it has members or deputies."""
    with pytest.raises(InvalidValue) as caught:
        Delegation(**kwargs)  # type: ignore[arg-type]

    assert message == str(caught.value)


def test_delegation_with_unknown_deputies_may_list_deputy_offices() -> None:
    """deputies None means the source does not say; offices are still recorded."""
    delegation = Delegation(members=1, deputy_offices=(Office.DEPUTY_MAYOR,))

    assert (delegation.deputies, delegation.deputy_offices) == (None, (Office.DEPUTY_MAYOR,))


def test_decision_rule_needs_a_case_kind() -> None:
    """A decision rule that names no kind of case is refused."""
    with pytest.raises(InvalidValue, match="at least one kind of case"):
        DecisionRule(case_kinds=frozenset(), rule=ConsensusRule())


def test_decision_rules_may_not_overlap() -> None:
    """Two rules for the same case kind are ambiguous and refused, naming the kind."""
    rules = (
        DecisionRule(case_kinds=frozenset({CaseKind.FUND_ALLOCATION}), rule=ConsensusRule()),
        DecisionRule(
            case_kinds=frozenset({CaseKind.BUDGET, CaseKind.FUND_ALLOCATION}),
            rule=UnanimityRule(),
        ),
    )

    with pytest.raises(InvalidValue) as caught:
        Body(id="rr", kind=BodyKind.COUNCIL_BOARD, name=NAME, decision_rules=rules)

    assert str(caught.value) == "decision_rules give more than one rule for: fund_allocation"


def test_rule_for_picks_the_case_kind_rule_and_falls_back_to_default() -> None:
    """Hallingdal: fund allocation by consensus, everything else by majority with casting vote."""
    majority = MajorityRule(tie_break=TieBreak.CHAIR)
    body = Body(
        id="regionradet",
        kind=BodyKind.COUNCIL_BOARD,
        name=NAME,
        default_rule=majority,
        decision_rules=(
            DecisionRule(case_kinds=frozenset({CaseKind.FUND_ALLOCATION}), rule=ConsensusRule()),
        ),
    )

    assert (ConsensusRule(), majority, majority) == (
        body.rule_for(CaseKind.FUND_ALLOCATION),
        body.rule_for(CaseKind.DECISION),
        body.rule_for(CaseKind.ELECTION),
    )


def test_body_defaults_follow_the_law() -> None:
    """Four-year term (koml. § 18-3), simple majority, half the members for a quorum."""
    body = Body(id="rs", kind=BodyKind.REPRESENTANTSKAP, name=NAME)

    assert (4, MajorityRule(), "1/2", True) == (
        body.term_years,
        body.default_rule,
        str(body.quorum.fraction),
        body.quorum.inclusive,
    )


@pytest.mark.parametrize("term", [0, -4, True])
def test_term_years_at_least_one(term: object) -> None:
    """A term of office is a whole number of years, at least one."""
    with pytest.raises(InvalidValue):
        Body(id="rs", kind=BodyKind.REPRESENTANTSKAP, name=NAME, term_years=term)  # type: ignore[arg-type]
