# SPDX-License-Identifier: MIT
"""Which meetings a feed holds: one pass over the register, then a lookup per scope.

:class:`FeedIndex` reads every council once and files each meeting under the scopes
that hold it: the whole register, its council, each body taking part (joint meetings
too), each participant with a seat in one of those bodies on the meeting day, and
each person with an appointment to one of them that day (with the person's role).
After that a scope's feed never scans the other meetings, which is what a web server
answering for one body of a national register needs.

Scopes: ``None`` (every meeting), ``council:ID``, ``body:ID`` or ``body:COUNCIL/ID``,
``participant:ID``, ``person:ID``.

>>> from iprmodel import examples
>>> index = FeedIndex.of(examples.load("hallingdal"))
>>> selection = index.select("body:regionradet")
>>> selection.scope, len(selection.items) == len(index.select("body:hallingdal/regionradet").items)
('body:hallingdal/regionradet', True)
>>> index.scopes()[:3]
('all', 'council:hallingdal', 'body:hallingdal/hallingtinget')
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import ClassVar, Final

import attrs

from iprmodel.errors import ExportError
from iprmodel.model import (
    Appointment,
    Body,
    Council,
    Meeting,
    ParticipationRole,
    Person,
    Position,
    Register,
    SeatKind,
)
from iprmodel.model.participants import Participant
from iprmodel.model.text import Locale
from iprmodel_ical.words import (
    DOMAIN,
    LOCALEDIR,
    Words,
    body_label,
    council_label,
    default_locale,
    names_council,
)

__all__ = ["SCOPE_FORMS", "FeedIndex", "IcalExportError", "Item", "Role", "Selection"]

#: The scope forms ``ExportRequest.scope`` accepts.
SCOPE_FORMS: Final = (
    "council:ID",
    "body:ID",
    "body:COUNCIL/ID",
    "participant:ID",
    "person:ID",
)


class IcalExportError(ExportError):
    """An :class:`~iprmodel.errors.ExportError` whose template is in the ``iprmodel_ical`` catalog."""

    domain: ClassVar[str] = DOMAIN
    localedir: ClassVar[Path | None] = LOCALEDIR


@attrs.frozen(kw_only=True)
class Role:
    """How the subject of a person feed takes part in a meeting."""

    person: str
    optional: bool
    kind: str  # member, chair, deputy, observer, ex_officio

    @property
    def own_copy(self) -> bool:
        """Whether the event differs from the public one (summary or busy time)."""
        return self.optional or self.kind == "ex_officio"


Item = tuple[Council, Meeting, Role | None]


@attrs.frozen(kw_only=True)
class Selection:
    """The meetings of one scope, and what the calendar is called."""

    scope: str  # canonical: "all", "council:ID", "body:COUNCIL/ID", "participant:ID", "person:ID"
    councils: tuple[Council, ...]
    items: tuple[Item, ...]
    subject: Council | tuple[Council, Body] | Participant | Person | None = None

    def name(self, words: Words, register_councils: int) -> str:
        """The calendar's name, unique among a register's feeds ("Hadeland IPR – Representantskapet")."""
        _ = words.gettext
        locale = words.locale
        kind = self.scope.partition(":")[0]
        subject = self.subject
        if kind == "all":
            if len(self.councils) == 1 and register_councils == 1:
                return _("Meetings: {name}").format(name=council_label(self.councils[0], locale))
            return words.ngettext(
                "Meetings in {count} council", "Meetings in {count} councils", register_councils
            ).format(count=register_councils)
        if isinstance(subject, Council):
            return _("Meetings: {name}").format(name=council_label(subject, locale))
        if isinstance(subject, tuple):
            council, body = subject
            owner, name = council_label(council, locale), body_label(body, locale)
            whose = name if names_council(council, name, locale) else f"{owner} – {name}"
            return _("Meetings: {name}").format(name=whose)
        if isinstance(subject, Person):
            return _("Meetings for {name}").format(name=subject.name)
        assert subject is not None
        return _("Meetings: {name}").format(name=subject.name.get(locale))


def _active(appointment: Appointment, day: date) -> bool:
    return (appointment.valid_from is None or appointment.valid_from <= day) and (
        appointment.valid_to is None or day <= appointment.valid_to
    )


def bodies_of(meeting: Meeting) -> tuple[str, ...]:
    """The body of a meeting and the bodies meeting jointly with it."""
    return (meeting.body, *meeting.joint_bodies) if meeting.joint_bodies else (meeting.body,)


def role_of(appointment: Appointment) -> Role:
    """The role an appointment gives its person in a meeting of its body."""
    if appointment.seat is SeatKind.MEMBER:
        kind = "chair" if appointment.position is Position.CHAIR else "member"
        return Role(person=appointment.person, optional=False, kind=kind)
    if appointment.seat is SeatKind.EX_OFFICIO:
        # Chief executives and the general manager attend every meeting: busy time.
        return Role(person=appointment.person, optional=False, kind="ex_officio")
    return Role(person=appointment.person, optional=True, kind=appointment.seat.value)


def _seated(body: Body) -> tuple[frozenset[str], bool]:
    """Participants named by a delegation or observer seat; whether every member has a seat."""
    named = {d.participant for d in body.composition if d.participant is not None}
    named |= {s.participant for s in body.observers if s.participant is not None}
    every_member = any(
        d.participant is None and (d.members or d.deputies) for d in body.composition
    )
    return frozenset(named), every_member


class FeedIndex:
    """Every scope of a register and its meetings, built in one pass (see the module)."""

    _last: ClassVar[tuple[Register, FeedIndex] | None] = None
    _lock: ClassVar = threading.Lock()

    def __init__(self, register: Register) -> None:
        self.register = register
        self._councils = {c.id: c for c in register.councils}
        self._participants = {p.id: p for p in register.participants}
        self._persons = {p.id: p for p in register.persons}
        self._bodies: dict[str, list[tuple[Council, Body]]] = {}
        self._by_body: dict[tuple[str, str], list[Item]] = {}
        self._by_participant: dict[str, list[Item]] = {}
        self._participant_councils: dict[str, list[Council]] = {}
        self._by_person: dict[str, list[Item]] = {}
        self._person_councils: dict[str, list[Council]] = {}
        for council in register.councils:
            self._file(council)

    @classmethod
    def of(cls, register: Register) -> FeedIndex:
        """The index of ``register``, reused while the same register object is asked for."""
        last = cls._last
        if last is not None and last[0] is register:
            return last[1]
        index = cls(register)
        with cls._lock:
            cls._last = (register, index)
        return index

    def _file(self, council: Council) -> None:
        bodies = {b.id: b for b in council.bodies}
        for body in council.bodies:
            self._bodies.setdefault(body.id, []).append((council, body))
            self._by_body[(council.id, body.id)] = []
        seated = {b.id: _seated(b) for b in council.bodies}
        appointments: dict[str, list[Appointment]] = {}
        for appointment in council.appointments:
            appointments.setdefault(appointment.body, []).append(appointment)
        members = [p for p in council.participations if p.role is ParticipationRole.MEMBER]
        participants_here: set[str] = set()
        persons_here: set[str] = set()
        for meeting in council.meetings:
            day = meeting.start.date()
            present: set[str] = set()
            roles: dict[str, list[Role]] = {}
            every_member = False
            for body_id in bodies_of(meeting):
                if body_id in bodies:
                    self._by_body[(council.id, body_id)].append((council, meeting, None))
                    named, everyone = seated[body_id]
                    present |= named
                    every_member = every_member or everyone
                for appointment in appointments.get(body_id, ()):
                    if _active(appointment, day):
                        if appointment.participant is not None:
                            present.add(appointment.participant)
                        roles.setdefault(appointment.person, []).append(role_of(appointment))
            if every_member:
                present |= {p.participant for p in members if p.active_on(day)}
            for participant in present:
                self._by_participant.setdefault(participant, []).append((council, meeting, None))
                participants_here.add(participant)
            for person, found in roles.items():
                # A member seat wins over a deputy seat (joint meetings of two bodies).
                role = min(found, key=lambda r: (r.optional, r.kind))
                self._by_person.setdefault(person, []).append((council, meeting, role))
                persons_here.add(person)
        for participant in participants_here:
            self._participant_councils.setdefault(participant, []).append(council)
        for person in persons_here:
            self._person_councils.setdefault(person, []).append(council)

    def scopes(self, *, persons: bool = False) -> tuple[str, ...]:
        """Every scope with a feed: all, each council, body, participant (and person)."""
        out = ["all"]
        for council in self.register.councils:
            out.append(f"council:{council.id}")
            out.extend(f"body:{council.id}/{body.id}" for body in council.bodies)
        taking_part = {p.participant for c in self.register.councils for p in c.participations}
        out.extend(
            f"participant:{p.id}"
            for p in self.register.participants
            if p.id in taking_part or p.id in self._by_participant
        )
        if persons:
            out.extend(f"person:{p.id}" for p in self.register.persons if p.id in self._by_person)
        return tuple(out)

    def select(self, scope: str | None) -> Selection:
        """The meetings of ``scope``; unknown forms and ids raise :class:`IcalExportError`."""
        register = self.register
        if scope is None or not scope.strip() or scope.strip() == "all":
            return Selection(
                scope="all",
                councils=register.councils,
                items=tuple((c, m, None) for c in register.councils for m in c.meetings),
            )
        kind, sep, ident = scope.strip().partition(":")
        if not sep or not ident or kind not in {"council", "body", "participant", "person"}:
            raise IcalExportError(
                "unknown scope {scope}; use one of: {forms}",
                scope=repr(scope),
                forms=", ".join(SCOPE_FORMS),
            )
        if kind == "council":
            council = self._council(ident)
            return Selection(
                scope=f"council:{council.id}",
                councils=(council,),
                items=tuple((council, m, None) for m in council.meetings),
                subject=council,
            )
        if kind == "body":
            council, body = self._body(ident)
            return Selection(
                scope=f"body:{council.id}/{body.id}",
                councils=(council,),
                items=tuple(self._by_body[(council.id, body.id)]),
                subject=(council, body),
            )
        if kind == "participant":
            participant = self._participants.get(ident)
            if participant is None:
                raise IcalExportError("no participant with id {id}", id=repr(ident))
            return Selection(
                scope=f"participant:{ident}",
                councils=tuple(self._participant_councils.get(ident, ())) or register.councils,
                items=tuple(self._by_participant.get(ident, ())),
                subject=participant,
            )
        person = self._persons.get(ident)
        if person is None:
            raise IcalExportError("no person with id {id}", id=repr(ident))
        return Selection(
            scope=f"person:{ident}",
            councils=tuple(self._person_councils.get(ident, ())) or register.councils,
            items=tuple(self._by_person.get(ident, ())),
            subject=person,
        )

    def _council(self, ident: str) -> Council:
        council = self._councils.get(ident)
        if council is None:
            raise IcalExportError(
                "no council with id {id}; known: {known}",
                id=repr(ident),
                known=", ".join(c.id for c in self.register.councils) or "-",
            )
        return council

    def _body(self, ident: str) -> tuple[Council, Body]:
        council_id, slash, body_id = ident.rpartition("/")
        if slash:
            council = self._council(council_id)
            found = [(council, b) for b in council.bodies if b.id == body_id]
            candidates: Iterable[Council] = (council,)
        else:
            found = self._bodies.get(body_id, [])
            candidates = self.register.councils
        if not found:
            known = sorted({b.id for c in candidates for b in c.bodies})
            raise IcalExportError(
                "no body with id {id}; known: {known}",
                id=repr(body_id),
                known=", ".join(known) or "-",
            )
        if len(found) > 1:
            raise IcalExportError(
                "body {id} exists in several councils ({councils}); write body:COUNCIL/{id}",
                id=body_id,
                councils=", ".join(c.id for c, _ in found),
            )
        return found[0]


def feed_locale(locale: Locale | None, councils: Iterable[Council]) -> Locale:
    """The locale asked for, else the written standard of ``councils``."""
    return locale or default_locale(councils)
