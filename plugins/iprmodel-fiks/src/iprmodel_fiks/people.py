# SPDX-License-Identifier: MIT
"""Who: members of a body in order, whom a voter represents, the sender, the case officer.

:class:`Index` is built once per export, so no function scans the register per item.

>>> from iprmodel import examples
>>> register = examples.load("hallingdal")
>>> index = Index.of(register)
>>> [m["funksjon"] for m in members(index, register.councils[0], "regionradet", "nn")][:2]
['medlem', 'medlem']
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

import attrs

from iprmodel.exporters import ExportRequest
from iprmodel.l10n import label
from iprmodel.model import (
    Appointment,
    Council,
    Municipality,
    Organisation,
    Position,
    Register,
    SeatKind,
    StaffRole,
)
from iprmodel.model.text import Locale
from iprmodel_fiks.common import FiksExportError, body_name, locale_of
from iprmodel_fiks.provenance import FiksExportWarning

__all__ = [
    "Index",
    "Sending",
    "function",
    "members",
    "representing",
    "saksansvarlig",
    "seat_on",
    "sender",
    "sender_on",
    "sending",
]

_SEAT_ORDER: Final = {SeatKind.MEMBER: 0, SeatKind.DEPUTY: 1, SeatKind.OBSERVER: 2}
_POSITION_ORDER: Final = {Position.CHAIR: 0, Position.DEPUTY_CHAIR: 1}


@attrs.frozen(kw_only=True)
class Index:
    """Look-ups built once per export: names by id, a body's appointments in order.

    Build it with :meth:`of`; the exporters pass it down so no function scans the
    register per item.
    """

    persons: dict[str, str]
    parties: dict[str, Any]
    seats: dict[tuple[str, str], list[Appointment]]
    held_by: dict[tuple[str, str, str], list[Appointment]]
    officers: dict[str, str | None]

    @classmethod
    def of(cls, register: Register) -> Index:
        """The index of ``register``."""
        persons = {p.id: p.name for p in register.persons}
        seats: dict[tuple[str, str], list[tuple[int, Appointment]]] = {}
        officers: dict[str, str | None] = {}
        for council in register.councils:
            for index, a in enumerate(council.appointments):
                seats.setdefault((council.id, a.body), []).append((index, a))
            officers[council.id] = next(
                (
                    persons[m.person]
                    for m in council.staff
                    if m.role is StaffRole.GENERAL_MANAGER and m.person in persons
                ),
                None,
            )
        ordered = {
            key: [a for _, a in sorted(pairs, key=_appointment_key)] for key, pairs in seats.items()
        }
        held_by: dict[tuple[str, str, str], list[Appointment]] = {}
        for (council_id, body), appointments in ordered.items():
            for a in appointments:
                held_by.setdefault((council_id, body, a.person), []).append(a)
        return cls(
            persons=persons,
            parties={p.id: p for p in (*register.organisations, *register.participants)},
            seats=ordered,
            held_by=held_by,
            officers=officers,
        )

    def party_name(self, party: str | None, locale: Locale) -> str | None:
        """The name of a participant or organisation in ``locale``."""
        if party is None:
            return None
        found = self.parties.get(party)
        return found.name.get(locale) if found is not None else party

    def person_name(self, person: str) -> str:
        """A person's name (the id if the person is unknown)."""
        return self.persons.get(person, person)

    def body_appointments(self, council: Council, body: str) -> list[Appointment]:
        """The body's appointments in order: members (chair first), deputies by rank, others."""
        return self.seats.get((council.id, body), [])


def function(appointment: Appointment, locale: Locale) -> str:
    """``funksjon``: the council's own word for the role, else position or seat."""
    if appointment.role is not None:
        return appointment.role.get(locale)
    if appointment.position is not Position.MEMBER:
        return label(appointment.position, locale)
    return label(appointment.seat, locale)


def _appointment_key(pair: tuple[int, Appointment]) -> tuple[int, int, int, int]:
    index, a = pair
    return (
        _SEAT_ORDER.get(a.seat, 3),
        _POSITION_ORDER.get(a.position, 2),
        a.deputy_order or 0,
        index,
    )


def members(index: Index, council: Council, body: str, locale: Locale) -> list[dict[str, Any]]:
    """The body's ``Utvalgsmedlem`` list in order (``rekkefoelge`` from 1).

    ``epost`` is left out: the messages to eInnsyn are public, and the register's
    contact details are never published.
    """
    out = []
    for order, appointment in enumerate(index.body_appointments(council, body), start=1):
        member: dict[str, Any] = {
            "medlemsId": appointment.id,
            "navn": index.person_name(appointment.person),
            "rekkefoelge": order,
            "funksjon": function(appointment, locale),
        }
        represents = index.party_name(appointment.participant, locale)
        if represents is not None:
            member["representerer"] = represents
        if appointment.valid_from is not None:
            member["fraDato"] = appointment.valid_from.isoformat()
        if appointment.valid_to is not None:
            member["tilDato"] = appointment.valid_to.isoformat()
        out.append(member)
    return out


def seat_on(
    index: Index, council: Council, body: str, person: str, day: date
) -> Appointment | None:
    """The appointment ``person`` held in ``body`` on ``day`` (members before deputies)."""
    for appointment in index.held_by.get((council.id, body, person), ()):
        if appointment.valid_from is not None and day < appointment.valid_from:
            continue
        if appointment.valid_to is not None and day > appointment.valid_to:
            continue
        return appointment
    return None


def representing(
    index: Index, council: Council, body: str, person: str, day: date, locale: Locale
) -> str:
    """Whom a voter represents: the participant of their seat, else the body."""
    appointment = seat_on(index, council, body, person, day)
    name = index.party_name(appointment.participant if appointment else None, locale)
    return name if name is not None else body_name(council.body(body), body, locale)


def sender(
    index: Index, council: Council, request: ExportRequest, day: date | None
) -> dict[str, str]:
    """``avsender``: the organisation that sends the messages, with its numbers.

    ``--option avsender=ID`` names it (a participant or organisation of the register);
    otherwise it is the council itself where it has an organisation number of its own
    (``Council.orgnr``: the unit whose meetings are published), else its kontorkommune
    (``office_municipality``). Its organisasjonsnummer is required; the kommunenummer
    (valid on ``day``) is added where the register knows it: a municipality's own, or
    for the council the kontorkommune's.
    """
    return sender_on(sending(index, council, request), day)


#: What :func:`sending` finds: the municipality whose kommunenummer goes with the
#: sender (``None`` for none) and the fields that hold on every day.
Sending = tuple[Municipality | None, dict[str, str]]


def sending(index: Index, council: Council, request: ExportRequest) -> Sending:
    """The sender of :func:`sender`, found and checked once per council; a council
    sending under its own number marked as assumed is warned about here.

    :func:`sender_on` adds the kommunenummer valid on a meeting's day.
    """
    chosen = request.option("avsender")
    locale = locale_of(request, council)
    if chosen is None and council.orgnr is not None:
        if council.assumption is not None:
            # The number routes the messages: one marked as assumed must be checked first.
            request.warn(
                FiksExportWarning(
                    "councils[{council}].orgnr: the messages are sent as {orgnr}, which the "
                    "register marks as assumed; confirm it in Enhetsregisteret before sending",
                    council=council.id,
                    orgnr=council.orgnr,
                )
            )
        out = {"navn": council.formal_name.get(locale), "organisasjonsnummer": council.orgnr}
        office = index.parties.get(council.office_municipality or "")
        return (office if isinstance(office, Municipality) else None), out
    chosen = chosen or council.office_municipality
    path = f"councils[{council.id}].office_municipality"
    if chosen is None:
        # No public source may name the host (Hallingdal's does not): list who could be.
        members = {p.participant for p in council.participations}
        known = [p.id for p in index.parties.values() if p.id in members and p.orgnr is not None]
        raise FiksExportError(
            "{path}: the Fiks messages to eInnsyn need a sender (avsender) with an "
            "organisation number, and the register gives the council none of its own "
            "(orgnr) and does not say which municipality hosts it; add orgnr or "
            "office_municipality from a source, or name the sender with --option "
            "avsender=ID (members with an organisation number: {known})",
            path=path,
            known=", ".join(sorted(known)) or "-",
        )
    party = index.parties.get(chosen)
    if party is None:
        raise FiksExportError(
            "{path}: no participant or organisation has the id {id}",
            path="avsender",
            id=repr(chosen),
        )
    where = "organisations" if isinstance(party, Organisation) else "participants"
    if party.orgnr is None:
        raise FiksExportError(
            "{path}: the sender (avsender) needs an organisation number; add orgnr",
            path=f"{where}[{party.id}].orgnr",
        )
    out = {"navn": party.name.get(locale), "organisasjonsnummer": party.orgnr}
    return (party if isinstance(party, Municipality) else None), out


def sender_on(found: Sending, day: date | None) -> dict[str, str]:
    """:func:`sending`'s ``avsender`` with the kommunenummer valid on ``day`` (the
    current one without a day), where the register knows it."""
    municipality, fields = found
    number = None if municipality is None else _number(municipality, day)
    # In sorted key order, as the meeting messages are written without sorting.
    return fields if number is None else {"kommunenummer": number, **fields}


def _number(municipality: Municipality, day: date | None) -> str | None:
    return municipality.number_on(day) if day is not None else _current(municipality)


def _current(municipality: Municipality) -> str | None:
    open_ended = [n.value for n in municipality.numbers if n.valid_to is None]
    return open_ended[-1] if open_ended else None


def saksansvarlig(index: Index, council: Council) -> str:
    """``saksansvarlig``: the secretariat's general manager (dagleg leiar), by name.

    The register records no case officer per case; Fiks requires one, and the
    secretariat's leader prepares every case of a council (interpretation). A council
    without one in ``staff`` stops the export.
    """
    officer = index.officers.get(council.id)
    if officer is None:
        raise FiksExportError(
            "{path}: Fiks needs a case officer (saksansvarlig) for every case; add the "
            "secretariat's general manager (role general_manager) to the staff",
            path=f"councils[{council.id}].staff",
        )
    return officer
