# SPDX-License-Identifier: MIT
"""Every model class is frozen, slotted and keyword-only, and every one has a strategy."""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iprmodel import model
from iprmodel.testing import strategies

MODEL_CLASSES = sorted(
    (obj for name in model.__all__ if attrs.has(obj := getattr(model, name))),
    key=lambda cls: cls.__name__,
)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def test_there_are_model_classes() -> None:
    """The list below is not empty by accident."""
    assert len(MODEL_CLASSES) > 40


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_frozen_slotted_kw_only(cls: type) -> None:
    """``@attrs.frozen(kw_only=True)``: immutable, no __dict__, keyword arguments only."""
    props = attrs.inspect(cls)

    assert (props.is_frozen, props.is_slotted, props.kw_only.value) == (True, True, "yes")
    assert "__dict__" not in dir(cls)


def test_instances_cannot_be_changed() -> None:
    """Assigning to a field of a model object raises FrozenInstanceError."""
    text = model.LocalizedText(nb="Gran kommune")

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        text.nb = "Lunner kommune"  # type: ignore[misc]


def test_positional_arguments_are_refused() -> None:
    """Keyword-only: LocalizedText("Gran") is a TypeError."""
    with pytest.raises(TypeError):
        model.LocalizedText("Gran kommune")  # type: ignore[misc]


# Classes whose strategy has a different (plural) name than the snake-case rule gives.
_STRATEGY_NAMES = {
    "Attendance": "attendances",
    "Body": "bodies",
    "CountyAuthority": "county_authorities",
    "Delegation": "delegations",
    "Evaluation": "evaluations",
    "Tally": "tallies",
    "CandidateVotes": "candidate_votes",
    "Funding": "fundings",
    "LocalizedText": "localized_texts",
    "Municipality": "municipalities",
    "OfficialNumber": "official_numbers",
    "Person": "persons",
    "Register": "registers",
    "StaffMember": "staff_members",
}
# Voting rules share one strategy (the union), as do the decision rules of a body.
_SHARED = {
    "MajorityRule": "voting_rules",
    "ConsensusRule": "voting_rules",
    "UnanimityRule": "voting_rules",
    "ElectionRule": "voting_rules",
    "DecisionRule": "decision_rules",
}


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda cls: cls.__name__)
def test_every_class_has_a_strategy(cls: type) -> None:
    """iprmodel.testing.strategies covers every model class (plural snake case)."""
    name = _SHARED.get(cls.__name__) or _STRATEGY_NAMES.get(cls.__name__)
    name = name or _snake(cls.__name__) + "s"

    assert callable(getattr(strategies, name, None)), name


def _strategy_for(cls: type) -> st.SearchStrategy[object]:
    name = _SHARED.get(cls.__name__) or _STRATEGY_NAMES.get(cls.__name__)
    factory = getattr(strategies, name or _snake(cls.__name__) + "s")
    drawn: st.SearchStrategy[object] = factory()
    if name in ("decision_rules", "official_numbers"):  # tuples, possibly empty
        return drawn.filter(bool).flatmap(st.sampled_from)
    return drawn


@pytest.mark.parametrize(
    "cls",
    [cls for cls in MODEL_CLASSES if cls is not model.Register],
    ids=lambda cls: cls.__name__,
)
@settings(max_examples=5)
@given(data=st.data())
def test_strategies_draw_valid_instances(cls: type, data: st.DataObject) -> None:
    """Each class strategy draws instances that passed the class's own validators."""
    value = data.draw(_strategy_for(cls))

    assert isinstance(value, model.VotingRule if cls.__name__ in _VOTING else cls)


_VOTING = {"MajorityRule", "ConsensusRule", "UnanimityRule", "ElectionRule"}
