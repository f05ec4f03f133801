# SPDX-License-Identifier: MIT
"""Strategic plans, action plans (handlingsplan), their tasks and annual evaluations.

Ringeriksregionen evaluates its action plan every year on status and achievement,
trends and direction, and further priorities; tasks without resources leave the
shared regional priorities (strategy note, January 2026).

>>> TaskMode.COORDINATES.value
'coordinates'
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal

import attrs

from iprmodel.model._fields import (
    bool_field,
    count_field,
    date_field,
    enum_field,
    enum_set_field,
    id_field,
    money_field,
    optional_bool,
    optional_count,
    ordered,
    ref_field,
    refs_field,
    texts_field,
    tuple_field,
    unique_tuple,
)
from iprmodel.model.money import Funding
from iprmodel.model.provenance import Source, sources_field
from iprmodel.model.text import LocalizedText


class TaskMode(enum.Enum):
    """The council's role in a task."""

    COORDINATES = "coordinates"  # koordinerer
    EXECUTES = "executes"  # utfører
    TAKES_PART = "takes_part"  # deltar
    FOLLOWS_UP = "follows_up"  # følger opp
    ORGANISES = "organises"  # arrangerer
    INFLUENCES = "influences"  # påvirkningsarbeid


class TaskStatus(enum.Enum):
    """Where a task stands."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    DONE = "done"
    POSTPONED = "postponed"
    DROPPED = "dropped"


class Achievement(enum.Enum):
    """How far a task reached its goal (måloppnåing)."""

    MET = "met"
    PARTLY_MET = "partly_met"
    NOT_MET = "not_met"
    NOT_ASSESSED = "not_assessed"


class EvaluationAspect(enum.Enum):
    """What an annual evaluation reports on."""

    STATUS_AND_ACHIEVEMENT = "status_and_achievement"
    TRENDS = "trends"
    NEXT_PRIORITIES = "next_priorities"
    RESOURCES = "resources"


@attrs.frozen(kw_only=True)
class Theme:
    """A focus area (satsingsområde / tema)."""

    id: str = id_field()
    title: LocalizedText
    description: LocalizedText | None = None
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class Task:
    """A task (tiltak / oppgåve) in an action plan."""

    id: str = id_field()
    title: LocalizedText
    theme: str | None = ref_field("theme", optional=True)
    mode: TaskMode | None = enum_field(TaskMode, optional=True)
    #: The participant or organisation leading it.
    lead: str | None = ref_field("party", optional=True)
    #: Participants or organisations taking part.
    partners: tuple[str, ...] = refs_field("party")
    #: Partners named only in text (not modelled as organisations).
    partner_names: tuple[str, ...] = texts_field()
    status: TaskStatus = enum_field(TaskStatus, default=TaskStatus.PLANNED)
    due: date | None = date_field()
    budget: Decimal | None = money_field(optional=True)
    funding: tuple[Funding, ...] = tuple_field()
    #: Whether the task has resources (ressursmessig forankra); None: not assessed.
    resourced: bool | None = optional_bool()
    description: LocalizedText | None = None
    #: The project that carries the task, if any.
    project: str | None = ref_field("project", optional=True)
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class TaskEvaluation:
    """One task's status and achievement in an annual evaluation."""

    task: str = ref_field("task")
    status: TaskStatus = enum_field(TaskStatus)
    achievement: Achievement = enum_field(Achievement, default=Achievement.NOT_ASSESSED)
    comment: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class Evaluation:
    """The annual evaluation (årleg evaluering) of an action plan."""

    year: int = count_field(minimum=1900)
    dated: date | None = date_field()
    tasks: tuple[TaskEvaluation, ...] = tuple_field()
    trends: tuple[LocalizedText, ...] = tuple_field()
    next_priorities: tuple[LocalizedText, ...] = tuple_field()


@attrs.frozen(kw_only=True)
class EvaluationRule:
    """How often a plan is evaluated, what is reported, and what happens to unfunded tasks."""

    every_years: int = count_field(minimum=1, default=1)
    aspects: frozenset[EvaluationAspect] = enum_set_field(EvaluationAspect)
    #: Tasks without resources leave the shared priorities.
    drop_unresourced: bool = bool_field(default=False)


@attrs.frozen(kw_only=True)
class ActionPlan:
    """A handlingsplan for one or more years."""

    id: str = id_field()
    title: LocalizedText
    start_year: int = count_field(minimum=1900)
    end_year: int = count_field(minimum=1900)
    strategic_plan: str | None = ref_field("plan", optional=True)
    themes: tuple[str, ...] = refs_field("theme")
    tasks: tuple[Task, ...] = unique_tuple()
    evaluations: tuple[Evaluation, ...] = tuple_field()
    evaluation_rule: EvaluationRule | None = None
    adopted: date | None = date_field()
    note: LocalizedText | None = None
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        ordered("start_year", "end_year")(self)


@attrs.frozen(kw_only=True)
class StrategicPlan:
    """A strategic plan or road map, with an optional long-term horizon (e.g. 2040)."""

    id: str = id_field()
    title: LocalizedText
    start_year: int | None = optional_count(minimum=1900)
    end_year: int | None = optional_count(minimum=1900)
    horizon_year: int | None = optional_count(minimum=1900)
    themes: tuple[str, ...] = refs_field("theme")
    goals: tuple[LocalizedText, ...] = tuple_field()
    evaluation_rule: EvaluationRule | None = None
    adopted: date | None = date_field()
    note: LocalizedText | None = None
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        ordered("start_year", "end_year")(self)
