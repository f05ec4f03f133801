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
from collections.abc import Iterable, Iterator
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
    Participation,
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


def _rank(role: Role) -> tuple[bool, str]:
    return role.optional, role.kind


@attrs.frozen(kw_only=True)
class _Seats:
    """Where one participant has a seat in one council's bodies."""

    named: frozenset[str]  # bodies whose delegation or observer seat names it
    appointed: dict[str, tuple[Appointment, ...]]  # body -> appointments on its behalf
    every_member: frozenset[str]  # bodies with a delegation for every member participant
    memberships: tuple[Participation, ...]  # its member participations in the council

    def bodies(self) -> set[str]:
        return set(self.named) | set(self.appointed) | set(self.every_member)

    def present(self, meeting: Meeting) -> bool:
        day = meeting.start.date()
        for body in bodies_of(meeting):
            if body in self.named:
                return True
            if any(_active(a, day) for a in self.appointed.get(body, ())):
                return True
            if body in self.every_member and any(p.active_on(day) for p in self.memberships):
                return True
        return False


class FeedIndex:
    """Every scope of a register, indexed once (see the module).

    Meetings are filed by body in one pass; a participant's or a person's scope is
    resolved from their seats and appointments through those lists, so it reads only
    the meetings of the bodies they sit in.
    """

    _last: ClassVar[tuple[Register, FeedIndex] | None] = None
    _lock: ClassVar = threading.Lock()

    def __init__(self, register: Register) -> None:
        self.register = register
        self._councils = {c.id: c for c in register.councils}
        self._participants = {p.id: p for p in register.participants}
        self._persons = {p.id: p for p in register.persons}
        self._bodies: dict[str, list[tuple[Council, Body]]] = {}
        self._by_body: dict[tuple[str, str], list[Item]] = {}
        self._seats: dict[str, dict[str, _Seats]] = {}  # participant -> council id -> seats
        # person -> council id -> body -> (appointment, role)
        self._appointed: dict[str, dict[str, dict[str, list[tuple[Appointment, Role]]]]] = {}
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
        by_body: dict[str, list[Item]] = {}
        for body in council.bodies:
            self._bodies.setdefault(body.id, []).append((council, body))
            by_body[body.id] = self._by_body[(council.id, body.id)] = []
        for meeting in council.meetings:
            item = (council, meeting, None)
            for body_id in bodies_of(meeting):
                found = by_body.get(body_id)
                if found is not None:
                    found.append(item)
        named: dict[str, set[str]] = {}
        every_member: set[str] = set()
        for body in council.bodies:
            for delegation in body.composition:
                if delegation.participant is not None:
                    named.setdefault(delegation.participant, set()).add(body.id)
                elif delegation.members or delegation.deputies:
                    every_member.add(body.id)
            for seat in body.observers:
                if seat.participant is not None:
                    named.setdefault(seat.participant, set()).add(body.id)
        appointed: dict[str, dict[str, list[Appointment]]] = {}
        for appointment in council.appointments:
            if appointment.participant is not None:
                appointed.setdefault(appointment.participant, {}).setdefault(
                    appointment.body, []
                ).append(appointment)
            bodies = self._appointed.setdefault(appointment.person, {}).setdefault(council.id, {})
            bodies.setdefault(appointment.body, []).append((appointment, role_of(appointment)))
        members: dict[str, list[Participation]] = {}
        for participation in council.participations:
            if participation.role is ParticipationRole.MEMBER:
                members.setdefault(participation.participant, []).append(participation)
        candidates = set(named) | set(appointed) | (set(members) if every_member else set())
        for participant in sorted(candidates):
            memberships = tuple(members.get(participant, ()))
            self._seats.setdefault(participant, {})[council.id] = _Seats(
                named=frozenset(named.get(participant, ())),
                appointed={b: tuple(a) for b, a in appointed.get(participant, {}).items()},
                every_member=frozenset(every_member) if memberships else frozenset(),
                memberships=memberships,
            )

    def _meetings(self, council: Council, bodies: Iterable[str]) -> Iterator[Meeting]:
        """The meetings of ``bodies`` in ``council``, each once (joint meetings)."""
        seen: set[str] = set()
        for body in bodies:
            for _council, meeting, _role in self._by_body.get((council.id, body), ()):
                if meeting.id not in seen:
                    seen.add(meeting.id)
                    yield meeting

    def _participant_items(self, ident: str) -> tuple[list[Item], list[Council]]:
        items: list[Item] = []
        councils: list[Council] = []
        for council_id, seats in self._seats.get(ident, {}).items():
            council = self._councils[council_id]
            chosen: list[Item] = [
                (council, m, None)
                for m in self._meetings(council, sorted(seats.bodies()))
                if seats.present(m)
            ]
            if chosen:
                councils.append(council)
                items.extend(chosen)
        return items, councils

    def _person_items(self, ident: str) -> tuple[list[Item], list[Council]]:
        items: list[Item] = []
        councils: list[Council] = []
        for council_id, bodies in self._appointed.get(ident, {}).items():
            council = self._councils[council_id]
            chosen = 0
            for meeting in self._meetings(council, bodies):
                day = meeting.start.date()
                roles = [
                    role
                    for body in bodies_of(meeting)
                    for appointment, role in bodies.get(body, ())
                    if _active(appointment, day)
                ]
                if roles:
                    # A member seat wins over a deputy seat (joint meetings of two bodies).
                    role = roles[0] if len(roles) == 1 else min(roles, key=_rank)
                    items.append((council, meeting, role))
                    chosen += 1
            if chosen:
                councils.append(council)
        return items, councils

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
            if p.id in taking_part or p.id in self._seats
        )
        if persons:
            out.extend(f"person:{p.id}" for p in self.register.persons if p.id in self._appointed)
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
            items, councils = self._participant_items(ident)
            return Selection(
                scope=f"participant:{ident}",
                councils=tuple(councils) or register.councils,
                items=tuple(items),
                subject=participant,
            )
        person = self._persons.get(ident)
        if person is None:
            raise IcalExportError("no person with id {id}", id=repr(ident))
        items, councils = self._person_items(ident)
        return Selection(
            scope=f"person:{ident}",
            councils=tuple(councils) or register.councils,
            items=tuple(items),
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
