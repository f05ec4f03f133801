# SPDX-License-Identifier: MIT
"""Meetings (møter), agenda items (saker), attendance and recorded votes.

Times are aware datetimes in Europe/Oslo; a naive time is an error. ``revision`` and
``modified`` change whenever a meeting changes, so calendar feeds can tell clients
(SEQUENCE, LAST-MODIFIED). Minutes content follows koml. § 11-4; closed items carry
their koml. § 11-5 basis.

>>> from datetime import datetime, time
>>> from iprmodel.model._fields import OSLO
>>> m = Meeting(
...     id="hallingtinget-2026-1", body="hallingtinget", number=1,
...     start=datetime(2026, 4, 23, 10, 0, tzinfo=OSLO),
...     end=datetime(2026, 4, 23, 15, 0, tzinfo=OSLO),
...     modified=datetime(2026, 1, 5, 12, 0, tzinfo=OSLO),
... )
>>> m.start.tzinfo.key
'Europe/Oslo'
"""

from __future__ import annotations

import enum
from datetime import datetime, time
from typing import Any

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model._fields import (
    UNIQUE,
    _unique_ids,
    _validate_text,
    bool_field,
    count_field,
    datetime_field,
    enum_field,
    id_field,
    optional_count,
    optional_text,
    ordered,
    ref_field,
    refs_field,
    required_text,
    to_tuple,
    tuple_field,
)
from iprmodel.model.elections import Election
from iprmodel.model.provenance import Source, sources_field
from iprmodel.model.text import LocalizedText


class MeetingMode(enum.Enum):
    """How a meeting is held (koml. § 11-7 fjernmøte, § 11-8 skriftleg)."""

    IN_PERSON = "in_person"
    REMOTE = "remote"
    HYBRID = "hybrid"
    WRITTEN = "written"


class MeetingKind(enum.Enum):
    """Ordinary, extraordinary or urgent (koml. § 11-8)."""

    ORDINARY = "ordinary"
    EXTRAORDINARY = "extraordinary"
    URGENT = "urgent"


class MeetingStatus(enum.Enum):
    """Where a meeting is in its life."""

    PLANNED = "planned"
    CONVENED = "convened"  # innkalt
    HELD = "held"
    CANCELLED = "cancelled"  # avlyst
    POSTPONED = "postponed"  # utsett


class CaseKind(enum.Enum):
    """What an agenda item is about; a body picks its voting rule from this."""

    DECISION = "decision"  # vedtakssak
    ORIENTATION = "orientation"  # orienteringssak
    ELECTION = "election"  # valsak
    BUDGET = "budget"
    ACCOUNTS = "accounts"
    ANNUAL_REPORT = "annual_report"
    PLAN = "plan"  # strategisk plan / handlingsplan
    FUND_ALLOCATION = "fund_allocation"  # fordeling av midlar
    STATEMENT = "statement"  # uttale
    AGREEMENT_AMENDMENT = "agreement_amendment"  # endring av ikkje-lovpålagde punkt
    CORE_AGREEMENT_AMENDMENT = "core_agreement_amendment"  # koml. § 18-4 a-h
    URGENT_DECISION_REPORT = "urgent_decision_report"  # melding om hastevedtak
    #: Vedtak om ansettelse: blank votes allowed, as in elections (koml. § 8-1 andre ledd).
    HIRING = "hiring"
    OTHER = "other"


class ClosedBasis(enum.Enum):
    """The koml. § 11-5 paragraph that closes an item (lukka møte)."""

    EMPLOYEE = "11-5(2)a"  # skal lukkast: arbeidstakar sitt tenesteforhold
    CONFIDENTIAL = "11-5(2)b"  # skal lukkast: lovpålagd teieplikt
    PRIVACY = "11-5(3)a"  # kan lukkast: personvern
    PUBLIC_INTEREST = "11-5(3)b"  # kan lukkast: tungtvegande offentlege interesser


class VoteChoice(enum.Enum):
    """A member's vote; blank only in elections (koml. § 8-1 andre ledd)."""

    FOR = "for"
    AGAINST = "against"
    BLANK = "blank"


class RecordedOutcome(enum.Enum):
    """The outcome written in the minutes."""

    ADOPTED = "adopted"
    REJECTED = "rejected"
    NOT_QUORATE = "not_quorate"


class AttendanceStatus(enum.Enum):
    """Who was there (koml. § 11-4 b, § 11-10, § 11-11)."""

    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"  # fritatt / meldt forfall


@attrs.frozen(kw_only=True)
class Location:
    """Where a meeting is held; ``remote_url`` for remote and hybrid meetings."""

    place: str | None = optional_text()
    address: str | None = optional_text()
    remote_url: str | None = optional_text()


@attrs.frozen(kw_only=True)
class Vote:
    """One person's vote, or one candidate's votes in an election."""

    person: str = ref_field("person")
    choice: VoteChoice = enum_field(VoteChoice)
    #: In elections: the person voted for (``choice`` is then ``for``) or ``None``.
    candidate: str | None = ref_field("person", optional=True)


@attrs.frozen(kw_only=True)
class Tally:
    """Counted votes where per-person votes were not recorded."""

    votes_for: int = count_field()
    votes_against: int = count_field()
    blank: int = count_field(default=0)


def _check_exemption(inst: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    _validate_text(inst, attribute, value)
    if value is not None and inst.closed_basis is None:
        # The exports show an exemption only beside the basis for closing the item.
        error = InvalidValue(
            "an exemption from public access is given, but the item is not closed; "
            "add its koml. § 11-5 basis (closed_basis) or leave the exemption out"
        )
        error.at = attribute.name
        raise error


@attrs.frozen(kw_only=True)
class AgendaItem:
    """A case (sak) on a meeting's agenda.

    ``order`` sorts the agenda; ``number`` is what people see ("PS 12/2026").
    """

    id: str = id_field()
    order: int = count_field(minimum=1)
    number: str = required_text()
    title: str = required_text()
    kind: CaseKind = enum_field(CaseKind, default=CaseKind.DECISION)
    closed_basis: ClosedBasis | None = enum_field(ClosedBasis, optional=True)
    proposal: str | None = optional_text()  # forslag til vedtak / innstilling
    decision: str | None = optional_text()  # vedtak
    votes: tuple[Vote, ...] = tuple_field()
    tally: Tally | None = None
    outcome: RecordedOutcome | None = enum_field(RecordedOutcome, optional=True)
    #: Persons declared disqualified (inhabil, koml. § 11-10).
    disqualified: tuple[str, ...] = refs_field("person")
    #: Persons excused from this item on personal grounds (koml. § 11-11).
    excused: tuple[str, ...] = refs_field("person")
    url: str | None = optional_text()
    #: The election held in this item (valg, koml. §§ 7-4 to 7-8), when it is one.
    election: Election | None = None
    #: Who chaired this item when not the meeting's chair (the chair disqualified):
    #: the deputy chair or an elected acting chair (koml. § 11-2 tredje ledd). Their
    #: vote decides a tie (koml. § 11-9 andre ledd).
    chaired_by: str | None = ref_field("person", optional=True)
    #: The minutes say the chair's casting vote (dobbeltstemme) decided the item.
    casting_vote: bool = bool_field(default=False)
    #: An urgent decision (hastevedtak, koml. § 11-8 første ledd) taken for this body,
    #: which must get a report of it at its next meeting.
    urgent_for: str | None = ref_field("body", optional=True)
    #: Why a closed item's documents are exempt from public access (unntak frå innsyn,
    #: offentleglova), as the secretariat states it: "offl. § 25 første ledd". Shown
    #: after its koml. § 11-5 basis wherever that is shown; only for a closed item.
    exemption: str | None = attrs.field(default=None, validator=_check_exemption)


@attrs.frozen(kw_only=True)
class Attendance:
    """One person's attendance; a substitute names whom they replaced."""

    person: str = ref_field("person")
    status: AttendanceStatus = enum_field(AttendanceStatus)
    substitute_for: str | None = ref_field("person", optional=True)


def _check_agenda(
    inst: object, attribute: attrs.Attribute[Any], value: tuple[AgendaItem, ...]
) -> None:
    _unique_ids(inst, attribute, value)
    orders = [item.order for item in value if isinstance(item, AgendaItem)]
    if len(set(orders)) != len(orders):
        raise InvalidValue("agenda has two items with the same order")


_start_before_end = ordered("start", "end", strict=True)


@attrs.frozen(kw_only=True)
class Meeting:
    """A meeting of a body (or of several bodies jointly).

    ``illustrative`` marks meetings that come from a generated plan rather than a
    source document: they are examples of how a year could look, not real dates.
    """

    id: str = id_field()
    body: str = ref_field("body")
    joint_bodies: tuple[str, ...] = refs_field("body")
    number: int = count_field(minimum=1)
    title: str | None = optional_text()
    start: datetime = datetime_field()
    end: datetime = datetime_field()
    all_day: bool = bool_field(default=False)
    location: Location | None = None
    mode: MeetingMode = enum_field(MeetingMode, default=MeetingMode.IN_PERSON)
    kind: MeetingKind = enum_field(MeetingKind, default=MeetingKind.ORDINARY)
    status: MeetingStatus = enum_field(MeetingStatus, default=MeetingStatus.PLANNED)
    revision: int = count_field(default=0)
    modified: datetime = datetime_field()
    agenda: tuple[AgendaItem, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=_check_agenda, metadata={UNIQUE: True}
    )
    attendance: tuple[Attendance, ...] = tuple_field()
    illustrative: bool = bool_field(default=False)
    url: str | None = optional_text()
    #: Number of members expected; ``None`` means derive it from appointments.
    expected_members: int | None = optional_count()
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None
    #: The acting chair (særskilt møteleiar) elected when chair and deputy chair are both
    #: absent (koml. § 11-2 tredje ledd).
    acting_chair: str | None = ref_field("person", optional=True)

    def __attrs_post_init__(self) -> None:
        _start_before_end(self)
        if self.all_day and (self.start.time(), self.end.time()) != (time(0), time(0)):
            raise InvalidValue("an all-day meeting must start and end at midnight")


__all__ = [
    "AgendaItem",
    "Attendance",
    "AttendanceStatus",
    "CaseKind",
    "ClosedBasis",
    "Location",
    "Meeting",
    "MeetingKind",
    "MeetingMode",
    "MeetingStatus",
    "RecordedOutcome",
    "Tally",
    "Vote",
    "VoteChoice",
]
