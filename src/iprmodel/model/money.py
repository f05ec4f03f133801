# SPDX-License-Identifier: MIT
"""Money: budgets, contributions, cost-sharing keys, funds, projects and their funders.

Amounts are NOK as :class:`~decimal.Decimal` >= 0. The representantskap adopts the
annual budget within the frames the participants' councils set (koml. § 14-8).

>>> from decimal import Decimal
>>> Funding(funder="husbanken", amount=Decimal("200000")).amount
Decimal('200000')
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model._fields import (
    count_field,
    date_field,
    enum_field,
    fraction_field,
    id_field,
    money_field,
    optional_count,
    ordered,
    ref_field,
    refs_field,
    tuple_field,
)
from iprmodel.model.provenance import Source, sources_field
from iprmodel.model.text import LocalizedText


class Recurrence(enum.Enum):
    """Whether an amount is paid once or every year."""

    ONCE = "once"
    YEARLY = "yearly"


class CostSharing(enum.Enum):
    """How participants share costs (fordelingsnøkkel)."""

    EQUAL = "equal"
    PER_CAPITA = "per_capita"
    MIXED = "mixed"  # a fixed equal part, the rest per capita


class BudgetLineKind(enum.Enum):
    """Income or expense."""

    INCOME = "income"
    EXPENSE = "expense"


class ProjectKind(enum.Enum):
    """Project, programme or a funded position."""

    PROJECT = "project"
    PROGRAMME = "programme"
    POSITION = "position"  # e.g. klimakoordinator


class ProjectStatus(enum.Enum):
    """Where a project stands."""

    PLANNED = "planned"
    ONGOING = "ongoing"
    COMPLETED = "completed"


@attrs.frozen(kw_only=True)
class Funding:
    """Money from one funder. ``amount`` ``None`` means the source names no figure."""

    #: A participant or organisation id; ``None`` when ``funder_group`` describes it.
    funder: str | None = ref_field("party", optional=True)
    #: Several funders at once, e.g. every member municipality ("frå kommunane").
    funder_group: LocalizedText | None = None
    amount: Decimal | None = money_field(optional=True)
    recurrence: Recurrence = enum_field(Recurrence, default=Recurrence.ONCE)
    years: int | None = optional_count(minimum=1)

    def __attrs_post_init__(self) -> None:
        if (self.funder is None) == (self.funder_group is None):
            raise InvalidValue(
                "give exactly one of funder (an id) and funder_group (a description)"
            )


@attrs.frozen(kw_only=True)
class CostKey:
    """A cost-sharing key; ``fixed_share`` is the equal part of a mixed key."""

    method: CostSharing = enum_field(CostSharing, default=CostSharing.EQUAL)
    fixed_share: Fraction | None = fraction_field(default=None)


@attrs.frozen(kw_only=True)
class BudgetLine:
    """One line of a budget."""

    label: LocalizedText
    kind: BudgetLineKind = enum_field(BudgetLineKind, default=BudgetLineKind.EXPENSE)
    amount: Decimal = money_field()


@attrs.frozen(kw_only=True)
class Contribution:
    """A participant's contribution (tilskot) to the budget."""

    participant: str = ref_field("participant")
    amount: Decimal = money_field()


@attrs.frozen(kw_only=True)
class Budget:
    """The annual budget adopted by the representantskap (koml. § 14-8)."""

    id: str = id_field()
    year: int = count_field(minimum=1900)
    lines: tuple[BudgetLine, ...] = tuple_field()
    contributions: tuple[Contribution, ...] = tuple_field()
    cost_key: CostKey | None = None
    adopted: date | None = date_field()
    adopted_by: str | None = ref_field("body", optional=True)
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class YearAmount:
    """An amount for one year."""

    year: int = count_field(minimum=1900)
    amount: Decimal = money_field()


@attrs.frozen(kw_only=True)
class Fund:
    """A fund the council disposes of, and the body that manages it."""

    id: str = id_field()
    name: LocalizedText
    managed_by: str | None = ref_field("body", optional=True)
    purpose: LocalizedText | None = None
    #: Amounts allocated or available per year.
    amounts: tuple[YearAmount, ...] = tuple_field()
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class Project:
    """A project, programme or funded position, with its funders."""

    id: str = id_field()
    name: LocalizedText
    kind: ProjectKind = enum_field(ProjectKind, default=ProjectKind.PROJECT)
    status: ProjectStatus = enum_field(ProjectStatus, default=ProjectStatus.ONGOING)
    themes: tuple[str, ...] = refs_field("theme")
    start: date | None = date_field()
    end: date | None = date_field()
    #: Duration in years where the source gives only that ("3 år").
    duration_years: int | None = optional_count(minimum=1)
    budget: Decimal | None = money_field(optional=True)
    funding: tuple[Funding, ...] = tuple_field()
    goals: tuple[LocalizedText, ...] = tuple_field()
    description: LocalizedText | None = None
    #: The body acting as steering group, if any.
    steering_body: str | None = ref_field("body", optional=True)
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        ordered("start", "end")(self)
