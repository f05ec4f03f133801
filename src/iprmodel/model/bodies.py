# SPDX-License-Identifier: MIT
"""Bodies (organ) of a council and the rules that shape them.

Koml. § 18-3: every council has a *representantskap*, its supreme body, where every
participant has at least one member and at least as many deputies as members; the
term is four years unless the agreement says otherwise. The representantskap may
create other bodies (arbeidsutval, styre). IPR bodies are folkevalde organ
(koml. § 5-1 andre ledd bokstav i), so chapter 11 (meetings, quorum) applies.

>>> from fractions import Fraction
>>> from iprmodel.model.text import LocalizedText
>>> rr = Body(
...     id="regionradet", kind=BodyKind.COUNCIL_BOARD,
...     name=LocalizedText(nn="Regionrådet for Hallingdal"),
...     composition=(Delegation(members=1, deputies=1, member_offices=(Office.MAYOR,),
...                             deputy_offices=(Office.DEPUTY_MAYOR,)),),
...     meetings_per_year=CountRange(min=8, max=10),
... )
>>> rr.rule_for(CaseKind.FUND_ALLOCATION)
MajorityRule(threshold=Fraction(1, 2), strict=True, base=<VoteBase.VOTES_CAST: 'votes_cast'>, tie_break=<TieBreak.CHAIR: 'chair'>)
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model._fields import (
    count_field,
    enum_field,
    enum_set_field,
    id_field,
    optional_count,
    ordered,
    ref_field,
    refs_field,
    to_tuple,
    tuple_field,
)
from iprmodel.model.meetings import CaseKind
from iprmodel.model.provenance import Source, sources_field
from iprmodel.model.roles import Office, Right
from iprmodel.model.text import LocalizedText
from iprmodel.model.voting import MajorityRule, QuorumRule, VotingRule


class BodyKind(enum.Enum):
    """The kind of body."""

    REPRESENTANTSKAP = "representantskap"  # koml. § 18-3, mandatory supreme body
    COUNCIL_BOARD = "council_board"  # regionråd / styre
    WORKING_COMMITTEE = "working_committee"  # arbeidsutval
    CHIEF_EXECUTIVES_COMMITTEE = "chief_executives_committee"  # rådmannsutval / KDU
    EXPERT_TEAM = "expert_team"  # fagteam
    PROJECT_GROUP = "project_group"
    COMMITTEE = "committee"  # utval for a particular task (e.g. ansettelsesutval)
    FORUM = "forum"


class Power(enum.Enum):
    """What a body may do (myndigheit)."""

    ADOPT_BUDGET = "adopt_budget"  # koml. § 14-8
    ADOPT_ACCOUNTS = "adopt_accounts"
    ADOPT_ANNUAL_REPORT = "adopt_annual_report"
    ADOPT_PLANS = "adopt_plans"  # strategisk plan / handlingsplan
    CREATE_BODIES = "create_bodies"  # koml. § 18-3 fjerde ledd
    ELECT_MEMBERS = "elect_members"
    ELECT_CHAIR = "elect_chair"
    AMEND_AGREEMENT = "amend_agreement"  # non-core clauses, koml. § 18-4 tredje ledd
    URGENT_DECISIONS = "urgent_decisions"  # hastefullmakt, koml. § 11-8
    MANAGE_FUNDS = "manage_funds"
    ISSUE_STATEMENTS = "issue_statements"  # uttale på vegner av regionen
    INITIATE_PROJECTS = "initiate_projects"
    STEER_PROJECTS = "steer_projects"  # styringsgruppe
    PREPARE_CASES = "prepare_cases"  # førebu / utgreie saker
    RECOMMEND = "recommend"  # innstille
    EXECUTE_DECISIONS = "execute_decisions"  # effektuere vedtak
    INTERNAL_DECISIONS = "internal_decisions"  # enkeltvedtak om interne forhold, § 18-1 (2)
    GRANT_SCHEMES = "grant_schemes"  # forvalte tilskotsordningar, § 18-1 (2)
    INDIVIDUAL_DECISIONS = "individual_decisions"  # other enkeltvedtak: not allowed, § 18-1 (2)


class ChairSelection(enum.Enum):
    """How the chair is chosen (koml. § 18-3 første ledd)."""

    ELECTED = "elected"  # vald av organet sjølv
    ROTATING = "rotating"  # rullerer mellom deltakarane
    BY_AGREEMENT = "by_agreement"  # fastsett i avtalen
    EX_OFFICIO = "ex_officio"


@attrs.frozen(kw_only=True)
class CountRange:
    """An inclusive range of counts, e.g. 8-10 meetings a year."""

    min: int = count_field()
    max: int = count_field()

    def __attrs_post_init__(self) -> None:
        ordered("min", "max")(self)

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.min <= value <= self.max


def _offices_fit(inst: Any) -> None:
    if len(inst.member_offices) > inst.members:
        raise InvalidValue(
            "member_offices lists {offices} offices for {members} members",
            offices=len(inst.member_offices),
            members=inst.members,
        )
    if inst.deputies is not None and len(inst.deputy_offices) > inst.deputies:
        raise InvalidValue(
            "deputy_offices lists {offices} offices for {deputies} deputies",
            offices=len(inst.deputy_offices),
            deputies=inst.deputies,
        )


@attrs.frozen(kw_only=True)
class Delegation:
    """How many members and deputies a participant sends, and which offices they hold.

    ``participant`` ``None`` means the rule applies to every member participant.
    ``deputies`` ``None`` means the source does not say.
    """

    participant: str | None = ref_field("participant", optional=True)
    members: int = count_field(minimum=0)
    deputies: int | None = optional_count()
    member_offices: tuple[Office, ...] = tuple_field()
    deputy_offices: tuple[Office, ...] = tuple_field()

    def __attrs_post_init__(self) -> None:
        _offices_fit(self)


@attrs.frozen(kw_only=True)
class ObserverSeat:
    """Observers from a participant or organisation, and their rights."""

    participant: str | None = ref_field("participant", optional=True)
    organisation: str | None = ref_field("organisation", optional=True)
    count: int = count_field(minimum=1)
    offices: tuple[Office, ...] = tuple_field()
    rights: frozenset[Right] = enum_set_field(Right)
    description: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class ExOfficioSeat:
    """Who attends by virtue of their position (chief executives, the general manager)."""

    office: Office = enum_field(Office)
    #: ``None``: one from every member participant.
    participant: str | None = ref_field("participant", optional=True)
    #: A staff role instead of an office at a participant (e.g. dagleg leiar).
    staff_role: LocalizedText | None = None
    rights: frozenset[Right] = enum_set_field(Right)


@attrs.frozen(kw_only=True)
class ChairRule:
    """How the chair and deputy chair are chosen and for how long."""

    selection: ChairSelection = enum_field(ChairSelection, default=ChairSelection.ELECTED)
    term_years: int | None = optional_count(minimum=1)
    #: Participant ids in rotation order, when ``selection`` is ``rotating``.
    rotation: tuple[str, ...] = refs_field("participant")


@attrs.frozen(kw_only=True)
class DecisionRule:
    """The voting rule for the listed case kinds."""

    case_kinds: frozenset[CaseKind] = enum_set_field(CaseKind)
    rule: VotingRule

    def __attrs_post_init__(self) -> None:
        if not self.case_kinds:
            raise InvalidValue("case_kinds must name at least one kind of case")


def _unique_case_kinds(_inst: object, _attribute: object, value: tuple[DecisionRule, ...]) -> None:
    seen: set[CaseKind] = set()
    for rule in value:
        if not isinstance(rule, DecisionRule):
            return
        twice = seen & rule.case_kinds
        if twice:
            names = ", ".join(sorted(kind.value for kind in twice))
            raise InvalidValue("decision_rules give more than one rule for: {kinds}", kinds=names)
        seen |= rule.case_kinds


@attrs.frozen(kw_only=True)
class Body:
    """A body (organ) of a council: representantskap, regionråd, arbeidsutval..."""

    id: str = id_field()
    kind: BodyKind = enum_field(BodyKind)
    name: LocalizedText
    #: What people call it ("Hallingtinget").
    everyday_name: LocalizedText | None = None
    #: The body that created this one (koml. § 18-3 fjerde ledd), if any.
    created_by: str | None = ref_field("body", optional=True)
    #: Bodies this one reports to or prepares cases for.
    reports_to: tuple[str, ...] = refs_field("body")
    composition: tuple[Delegation, ...] = tuple_field()
    observers: tuple[ObserverSeat, ...] = tuple_field()
    ex_officio: tuple[ExOfficioSeat, ...] = tuple_field()
    chair: ChairRule = attrs.field(factory=ChairRule)
    meetings_per_year: CountRange | None = None
    cases_per_year: CountRange | None = None
    powers: frozenset[Power] = enum_set_field(Power)
    default_rule: VotingRule = attrs.field(factory=MajorityRule)
    decision_rules: tuple[DecisionRule, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=_unique_case_kinds
    )
    quorum: QuorumRule = attrs.field(factory=QuorumRule)
    #: Term in years (valperiode); koml. § 18-3 says four unless agreed otherwise.
    term_years: int = count_field(minimum=1, default=4)
    #: Whether it is a governing body (styringsorgan) rather than an administrative one.
    political: bool = attrs.field(default=True, validator=attrs.validators.instance_of(bool))
    description: LocalizedText | None = None
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None
    #: The body that elects this one's chair, deputy chair, members and deputies; the
    #: representantskap for the council's other governing bodies (koml. § 18-3 fjerde ledd).
    elected_by: str | None = ref_field("body", optional=True)

    def rule_for(self, kind: CaseKind) -> VotingRule:
        """The voting rule for a case of ``kind``."""
        for decision_rule in self.decision_rules:
            if kind in decision_rule.case_kinds:
                return decision_rule.rule
        return self.default_rule
