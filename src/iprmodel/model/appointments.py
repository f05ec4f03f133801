# SPDX-License-Identifier: MIT
"""Appointments: a person's seat in a body, on behalf of a participant.

Koml. § 18-3 første ledd: each kommunestyre or fylkesting elects its own members and
deputies. Koml. § 7-2 fjerde ledd: the only eligibility condition is written consent.

>>> a = Appointment(id="gol-rr-1", person="ordforar-gol", body="regionradet",
...                 participant="gol", seat=SeatKind.MEMBER, office=Office.MAYOR)
>>> a.rights == frozenset({Right.ATTEND, Right.SPEAK, Right.PROPOSE, Right.VOTE})
True
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model._fields import (
    date_field,
    enum_field,
    id_field,
    optional_bool,
    optional_count,
    ordered,
    ref_field,
    to_frozenset,
)
from iprmodel.model.provenance import Source, sources_field
from iprmodel.model.roles import Office, Position, Right, SeatKind
from iprmodel.model.text import LocalizedText

_MEMBER_RIGHTS = frozenset(Right)


def _default_rights(inst: Any) -> frozenset[Right]:
    if inst.seat in (SeatKind.MEMBER, SeatKind.DEPUTY):
        return _MEMBER_RIGHTS
    return frozenset({Right.ATTEND, Right.SPEAK})


@attrs.frozen(kw_only=True)
class Appointment:
    """A person's seat in a body.

    ``deputy_order`` ranks deputies (1 is called first). ``rights`` default to the
    full rights of a member or deputy, and to attending and speaking otherwise.
    """

    id: str = id_field()
    person: str = ref_field("person")
    body: str = ref_field("body")
    participant: str | None = ref_field("participant", optional=True)
    seat: SeatKind = enum_field(SeatKind, default=SeatKind.MEMBER)
    deputy_order: int | None = optional_count(minimum=1)
    office: Office | None = enum_field(Office, optional=True)
    position: Position = enum_field(Position, default=Position.MEMBER)
    rights: frozenset[Right] = attrs.field(
        default=attrs.Factory(_default_rights, takes_self=True),
        converter=to_frozenset,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Right)),
    )
    valid_from: date | None = date_field()
    valid_to: date | None = date_field()
    #: Written consent to the election (koml. § 7-2 tredje ledd bokstav c); None: unknown.
    written_consent: bool | None = optional_bool()
    #: A role held in the council beyond the seat ("regionrådsleder").
    role: LocalizedText | None = None
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        ordered("valid_from", "valid_to")(self)
        if self.deputy_order is not None and self.seat is not SeatKind.DEPUTY:
            raise InvalidValue("deputy_order is only for deputies (seat 'deputy')")
