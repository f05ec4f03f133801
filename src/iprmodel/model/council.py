# SPDX-License-Identifier: MIT
"""The council (interkommunalt politisk råd, koml. kapittel 18): the aggregate root.

A council has participations (who takes part, and how), themes, bodies with their
appointments and meetings, staff, the arenas it runs or joins, agreements, plans,
money and history. Everything inside refers to other things by id.

>>> c = Council(id="demo", formal_name=LocalizedText(nb="Demo interkommunalt politisk råd"))
>>> c.body("representantskap") is None
True
"""

from __future__ import annotations

import enum
from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model._cycles import body_cycle_errors
from iprmodel.model._fields import (
    bool_field,
    count_field,
    date_field,
    enum_field,
    fraction_field,
    id_field,
    optional_bool,
    optional_count,
    optional_text,
    ordered,
    orgnr_field,
    ref_field,
    refs_field,
    tuple_field,
    unique_tuple,
)
from iprmodel.model.agreements import Agreement
from iprmodel.model.appointments import Appointment
from iprmodel.model.bodies import Body
from iprmodel.model.meetings import Meeting
from iprmodel.model.money import Budget, Fund, Project
from iprmodel.model.participants import WrittenStandard
from iprmodel.model.plans import ActionPlan, StrategicPlan, Theme
from iprmodel.model.provenance import DatePrecision, Source, sources_field
from iprmodel.model.text import LocalizedText


class ParticipationRole(enum.Enum):
    """How a participant takes part."""

    MEMBER = "member"  # deltakar
    OBSERVER = "observer"  # observatør
    PARTNER = "partner"  # samarbeidspartnar (e.g. a county under a partnership agreement)


class ArenaKind(enum.Enum):
    """Kinds of meeting places (møteplassar) a council runs or joins."""

    ASSEMBLY = "assembly"  # ting for formannskapa (Hadelandstinget)
    JOINT_EXECUTIVE_MEETING = "joint_executive_meeting"  # felles formannskapsmøte
    CONFERENCE = "conference"
    NETWORK = "network"  # kommunale nettverk
    FORUM = "forum"
    DIALOGUE = "dialogue"  # dialogmøte med naboregionar
    STANDING_MEETING = "standing_meeting"  # faste møte (Næringsforum ...)


class ArenaRole(enum.Enum):
    """The council's part in an arena."""

    ORGANISER = "organiser"
    CO_ORGANISER = "co_organiser"  # e.g. member of the programme committee
    PARTICIPANT = "participant"


class StaffRole(enum.Enum):
    """Staff roles in a council's secretariat."""

    GENERAL_MANAGER = "general_manager"  # dagleg leiar
    ADVISER = "adviser"  # rådgjevar
    PROJECT_MANAGER = "project_manager"  # prosjektleiar
    COORDINATOR = "coordinator"  # koordinator
    OTHER = "other"


class MilestoneKind(enum.Enum):
    """Kinds of events in a council's history."""

    FOUNDED = "founded"
    REORGANISED = "reorganised"
    RENAMED = "renamed"
    ACHIEVEMENT = "achievement"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Participation:
    """A participant's part in the council, from-to, with its shares (koml. § 18-2)."""

    participant: str = ref_field("participant")
    role: ParticipationRole = enum_field(ParticipationRole, default=ParticipationRole.MEMBER)
    valid_from: date | None = date_field()
    valid_to: date | None = date_field()
    #: Eigardel (koml. § 18-4 fjerde ledd f).
    ownership_share: Fraction | None = fraction_field(default=None)
    #: Ansvarsdel, when it differs from the ownership share.
    liability_share: Fraction | None = fraction_field(default=None)
    #: Notice of withdrawal in months (koml. § 18-4 fjerde ledd g).
    withdrawal_notice_months: int | None = optional_count()
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        ordered("valid_from", "valid_to")(self)

    def active_on(self, day: date) -> bool:
        """Whether the participation is in force on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


@attrs.frozen(kw_only=True)
class StaffMember:
    """A member of staff: role, FTE percentage and employer."""

    person: str = ref_field("person")
    role: StaffRole = enum_field(StaffRole, default=StaffRole.OTHER)
    title: LocalizedText | None = None
    #: Full-time equivalent in percent (0-100].
    fte_percent: Decimal | None = attrs.field(default=None)
    #: Participant or organisation that employs the person (arbeidsgjevar).
    employer: str | None = ref_field("party", optional=True)
    temporary: bool = bool_field(default=False)
    #: Bodies the person reports to.
    reports_to: tuple[str, ...] = refs_field("body")
    #: The post's duties and profile, as the council states them.
    description: LocalizedText | None = None
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        fte = self.fte_percent
        if fte is not None and (
            not isinstance(fte, Decimal) or not fte.is_finite() or not 0 < fte <= 100
        ):
            raise InvalidValue(
                "fte_percent must be more than 0 and at most 100, got {value}", value=str(fte)
            )


@attrs.frozen(kw_only=True)
class Arena:
    """A meeting place (møteplass) the council runs or takes part in."""

    id: str = id_field()
    name: LocalizedText
    kind: ArenaKind = enum_field(ArenaKind)
    role: ArenaRole = enum_field(ArenaRole, default=ArenaRole.ORGANISER)
    audience: LocalizedText | None = None
    description: LocalizedText | None = None
    #: Whether it is being discussed rather than running.
    planned: bool = bool_field(default=False)
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class HistoryEvent:
    """A milestone in the council's history (a predecessor, a reorganisation...).

    ``year`` is ``None`` when no source dates the event (a tender the county reports as
    cancelled, without saying when): the event is stated, its date is not.
    """

    year: int | None = optional_count(minimum=1000)
    dated: date | None = date_field()
    kind: MilestoneKind = enum_field(MilestoneKind, default=MilestoneKind.OTHER)
    name: LocalizedText
    description: LocalizedText | None = None
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class Council:
    """An interkommunalt politisk råd (koml. § 18-1).

    ``formal_name`` must contain "interkommunalt politisk råd" (koml. § 18-1 tredje
    ledd); that is a legal check (:mod:`iprmodel.rules.law`), not a loading error,
    because a draft council may not be named yet.
    """

    id: str = id_field()
    formal_name: LocalizedText
    short_name: LocalizedText | None = None
    everyday_name: LocalizedText | None = None
    established: date | None = date_field()
    established_precision: DatePrecision = enum_field(DatePrecision, default=DatePrecision.DAY)
    #: Eige rettssubjekt (koml. § 18-4 fjerde ledd b); None: the source does not say.
    legal_entity: bool | None = optional_bool()
    #: Kontorkommune: whose accounts hold the council's when it is no legal entity.
    office_municipality: str | None = ref_field("participant", optional=True)
    #: The council's own organisasjonsnummer in Enhetsregisteret, where it has one (a
    #: council that is no legal entity may be registered as an organisasjonsledd).
    orgnr: str | None = orgnr_field()
    #: The written standard the council writes in (Hallingdal writes Nynorsk); documents
    #: default to it. ``None``: follow the participants, else Bokmål.
    written_standard: WrittenStandard | None = enum_field(WrittenStandard, optional=True)
    website: str | None = optional_text()
    purpose: LocalizedText | None = None
    #: Main tasks (hovudoppgåver) and mandate, as the council states them.
    mandate: tuple[LocalizedText, ...] = tuple_field()
    participations: tuple[Participation, ...] = tuple_field()
    themes: tuple[Theme, ...] = unique_tuple()
    bodies: tuple[Body, ...] = unique_tuple()
    appointments: tuple[Appointment, ...] = unique_tuple()
    meetings: tuple[Meeting, ...] = unique_tuple()
    staff: tuple[StaffMember, ...] = tuple_field()
    arenas: tuple[Arena, ...] = unique_tuple()
    agreements: tuple[Agreement, ...] = unique_tuple()
    strategic_plans: tuple[StrategicPlan, ...] = unique_tuple()
    action_plans: tuple[ActionPlan, ...] = unique_tuple()
    budgets: tuple[Budget, ...] = unique_tuple()
    funds: tuple[Fund, ...] = unique_tuple()
    projects: tuple[Project, ...] = unique_tuple()
    #: Persons who keep the council's accounts, and who audit it: neither is eligible to
    #: its governing bodies (koml. § 7-3).
    accounts_keepers: tuple[str, ...] = refs_field("person")
    auditors: tuple[str, ...] = refs_field("person")
    history: tuple[HistoryEvent, ...] = tuple_field()
    #: Other intermunicipal cooperations the participants run (not bodies of this council).
    related_cooperations: tuple[LocalizedText, ...] = tuple_field()
    #: Default term of its bodies in years; koml. § 18-3 says four unless agreed otherwise.
    term_years: int = count_field(minimum=1, default=4)
    #: Only what a source states about a council not modelled in full (e.g. a county's
    #: view of the councils it works with); the law's checks do not run on it.
    outline: bool = bool_field(default=False)
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        links = [(b.id, b.reports_to, (b.created_by,) if b.created_by else ()) for b in self.bodies]
        for error in body_cycle_errors(links):
            raise error

    def body(self, body_id: str) -> Body | None:
        """The body with ``body_id``, or ``None``."""
        return next((b for b in self.bodies if b.id == body_id), None)

    def members_on(self, day: date) -> tuple[str, ...]:
        """Ids of member participants on ``day``."""
        return tuple(
            p.participant
            for p in self.participations
            if p.role is ParticipationRole.MEMBER and p.active_on(day)
        )
