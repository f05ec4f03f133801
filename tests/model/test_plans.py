# SPDX-License-Identifier: MIT
"""Plans: years ordered, partner names non-empty, evaluation rules."""

from __future__ import annotations

import pytest

from iprmodel.errors import InvalidValue
from iprmodel.model import ActionPlan, EvaluationRule, LocalizedText, StrategicPlan, Task

TITLE = LocalizedText(nb="Handlingsplan 2025")


def test_action_plan_years_ordered() -> None:
    """An action plan cannot end before it starts."""
    with pytest.raises(InvalidValue, match="start_year \\(2026\\) must be on or before end_year"):
        ActionPlan(id="hp", title=TITLE, start_year=2026, end_year=2025)


def test_single_year_action_plan() -> None:
    """Hadeland's 2025 plan covers one year."""
    plan = ActionPlan(id="hp-2025", title=TITLE, start_year=2025, end_year=2025)

    assert (plan.start_year, plan.end_year) == (2025, 2025)


def test_strategic_plan_may_be_open() -> None:
    """A strategic plan may give only a horizon (Ringerike 2040)."""
    plan = StrategicPlan(id="strategi", title=TITLE, horizon_year=2040)

    assert (plan.start_year, plan.end_year, plan.horizon_year) == (None, None, 2040)


def test_task_partner_names_not_blank() -> None:
    """Partners named in text must have a name; the message names the position."""
    with pytest.raises(InvalidValue) as caught:
        Task(id="t", title=TITLE, partner_names=("NAV", " "))

    assert str(caught.value) == "partner_names[1] must not be empty"


def test_evaluation_every_year_by_default() -> None:
    """Ringerike evaluates every year; at least every one year."""
    assert EvaluationRule().every_years == 1
    with pytest.raises(InvalidValue, match="every_years must be at least 1"):
        EvaluationRule(every_years=0)
