# SPDX-License-Identifier: MIT
"""One VEVENT per meeting, written once and shared by every feed that holds it.

The same meeting reads the same in every public feed of a register (same UID, same
SUMMARY, same TRANSP): its words come from its own council's written standard (or
the locale asked for), and its summary names the council whenever the register has
more than one. A person's copy that differs (a deputy's meeting does not block time;
"by virtue of office") gets its own UID, ``‹meeting›.‹person›@‹council›.iprmodel``.

>>> from urllib.parse import unquote
>>> mailto("ordfører@bø.kommune.no")
'mailto:ordf%C3%B8rer@xn--b-5ga.kommune.no'
>>> mailto("not an address") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Final
from urllib.parse import quote

from iprmodel.l10n import access_basis
from iprmodel.model import (
    Appointment,
    Body,
    Council,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Person,
    Position,
    SeatKind,
    StaffRole,
)
from iprmodel.model._fields import OSLO
from iprmodel_ical.content import escape_text, fold, param
from iprmodel_ical.scopes import IcalExportError, Role, bodies_of
from iprmodel_ical.timezone import TZID
from iprmodel_ical.words import Words, body_label, council_label, names_council

__all__ = ["STATUS", "EventWriter", "mailto", "uid_for"]

STATUS: Final = {
    MeetingStatus.PLANNED: "TENTATIVE",
    MeetingStatus.CONVENED: "CONFIRMED",
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
    MeetingStatus.POSTPONED: "TENTATIVE",
}
# Outlook takes free/busy from its own property, not from STATUS.
_BUSY: Final = {"CONFIRMED": "BUSY", "TENTATIVE": "TENTATIVE", "CANCELLED": "FREE"}
_ROLE_ORDER: Final = {"CHAIR": 0, "REQ-PARTICIPANT": 1, "OPT-PARTICIPANT": 2, "NON-PARTICIPANT": 3}
URL: Final = re.compile(r"^https?://[^\s\"<>\\^`{|}\x00-\x1f\x7f]+$")
_EMAIL: Final = re.compile(
    r"^[^@\s\"<>:;,()\[\]\\\x00-\x1f\x7f]+@[^@\s\"<>:;,()\[\]\\\x00-\x1f\x7f]+$"
)
#: SEQUENCE is an RFC 5545 INTEGER (§ 3.3.8): a signed 32-bit number.
MAX_SEQUENCE: Final = 2**31 - 1
# The VTIMEZONE's rules are the EU's, in force in Norway from 1996; outside these
# years a TZID time would be read with the wrong offset, so such times are in UTC.
_TZ_YEARS: Final = range(1996, 2101)


def uid_for(council_id: str, meeting_id: str, person_id: str | None = None) -> str:
    """The UID of a meeting's event; a person's own copy adds the person.

    >>> uid_for("hallingdal", "regionradet-2026-3")
    'regionradet-2026-3@hallingdal.iprmodel'
    >>> uid_for("hallingdal", "regionradet-2026-3", "gol-vara")
    'regionradet-2026-3.gol-vara@hallingdal.iprmodel'
    """
    if person_id is not None:
        return f"{meeting_id}.{person_id}@{council_id}.iprmodel"
    return f"{meeting_id}@{council_id}.iprmodel"


def mailto(address: str) -> str | None:
    """A ``mailto:`` URI for ``address`` as RFC 6068 § 2 asks, or ``None`` if it is none.

    The local part is UTF-8 percent-encoded where a URI needs it, the domain written
    with IDNA A-labels (``xn--``).
    """
    address = address.strip()
    if not _EMAIL.fullmatch(address):
        return None
    local, _at, domain = address.rpartition("@")
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None
    return "mailto:" + quote(local, safe="!$'()*+") + "@" + ascii_domain


def stamp(value: datetime) -> str:
    """``value`` as an RFC 5545 UTC DATE-TIME (``20260312T090000Z``)."""
    utc = value.astimezone(UTC)
    return (
        f"{utc.year:04d}{utc.month:02d}{utc.day:02d}T"
        f"{utc.hour:02d}{utc.minute:02d}{utc.second:02d}Z"
    )


def _local(value: datetime) -> str:
    return (
        f"{value.year:04d}{value.month:02d}{value.day:02d}T"
        f"{value.hour:02d}{value.minute:02d}{value.second:02d}"
    )


def _day(value: date) -> str:
    return f"{value.year:04d}{value.month:02d}{value.day:02d}"


def _needs_utc(local: datetime) -> bool:
    """Whether a TZID time cannot say ``local``: the repeated autumn hour, or out of range."""
    other = local.replace(fold=1 - local.fold)
    return other.utcoffset() != local.utcoffset() or local.year not in _TZ_YEARS


def times(start: datetime, end: datetime) -> tuple[str, str]:
    """DTSTART and DTEND with the Oslo TZID, or both in UTC where local time cannot say it.

    In the autumn hour that happens twice, RFC 5545 § 3.3.5 resolves a TZID time to
    the first pass, but clients differ, so a meeting touching either pass is written
    in UTC. Both ends change together: some readers (recurring-ical-events) re-zone a
    UTC start to the end's time zone.
    """
    # astimezone normalises a time given in the spring gap to a real local time.
    local_start = start.astimezone(UTC).astimezone(OSLO)
    local_end = end.astimezone(UTC).astimezone(OSLO)
    if _needs_utc(local_start) or _needs_utc(local_end):
        return f"DTSTART:{stamp(local_start)}\r\n", f"DTEND:{stamp(local_end)}\r\n"
    return (
        f"DTSTART;TZID={TZID}:{_local(local_start)}\r\n",
        f"DTEND;TZID={TZID}:{_local(local_end)}\r\n",
    )


class EventWriter:
    """Writes events for one register and one set of options, each event once.

    Args:
        words: ``council id -> Words`` for each council's events.
        several: whether summaries name their council (the register has several).
        persons: the register's persons by id.
        attendees: write ORGANIZER and ATTENDEE lines.
        remote_links: write remote-meeting join links.
    """

    def __init__(
        self,
        *,
        words: dict[str, Words],
        several: bool,
        persons: dict[str, Person],
        attendees: bool,
        remote_links: bool,
    ) -> None:
        self._words = words
        self._several = several
        self._persons = persons
        self._attendees = attendees
        self._remote_links = remote_links
        self._cache: dict[tuple[str, str, Role | None], str] = {}
        self._bodies: dict[str, dict[str, Body]] = {}
        self._appointments: dict[str, dict[str, list[Appointment]]] = {}
        self._organizers: dict[str, str | None] = {}

    def event(self, council: Council, meeting: Meeting, role: Role | None) -> str:
        """The VEVENT of ``meeting`` (for the person of ``role``), CRLF-terminated."""
        if role is not None and not role.own_copy:
            role_key: Role | None = Role(person="", optional=False, kind=role.kind)
        else:
            role_key = role
        key = (council.id, meeting.id, role_key)
        text = self._cache.get(key)
        if text is None:
            text = self._cache[key] = "".join(self._lines(council, meeting, role))
        return text

    def _bodies_of(self, council: Council) -> dict[str, Body]:
        found = self._bodies.get(council.id)
        if found is None:
            found = self._bodies[council.id] = {b.id: b for b in council.bodies}
        return found

    def _lines(self, council: Council, meeting: Meeting, role: Role | None) -> Iterator[str]:
        words = self._words[council.id]
        if meeting.revision > MAX_SEQUENCE:
            raise IcalExportError(
                "meeting {id}: revision {revision} is above the largest SEQUENCE, {limit}",
                id=f"{council.id}/{meeting.id}",
                revision=meeting.revision,
                limit=MAX_SEQUENCE,
            )
        own = role is not None and role.own_copy
        at = stamp(meeting.modified)
        yield "BEGIN:VEVENT\r\n"
        yield fold("UID:" + uid_for(council.id, meeting.id, role.person if own and role else None))
        yield f"DTSTAMP:{at}\r\n"
        yield f"LAST-MODIFIED:{at}\r\n"
        yield f"SEQUENCE:{meeting.revision}\r\n"
        if meeting.all_day:
            yield f"DTSTART;VALUE=DATE:{_day(meeting.start.date())}\r\n"
            yield f"DTEND;VALUE=DATE:{_day(meeting.end.date())}\r\n"
        else:
            yield from times(meeting.start, meeting.end)
        status = "TENTATIVE" if meeting.illustrative else STATUS[meeting.status]
        if meeting.status is MeetingStatus.CANCELLED:
            status = "CANCELLED"
        yield f"STATUS:{status}\r\n"
        yield fold("SUMMARY:" + escape_text(self._summary(council, meeting, role, words)))
        location = meeting.location
        if location is not None:
            parts = [p for p in (location.place, location.address) if p]
            if not parts and location.remote_url and self._remote_links:
                parts = [location.remote_url]
            if parts:
                yield fold("LOCATION:" + escape_text(", ".join(parts)))
        description = self._description(meeting, words)
        if description:
            yield fold("DESCRIPTION:" + escape_text(description))
        if meeting.url and URL.fullmatch(meeting.url):
            yield fold(f"URL:{meeting.url}")
        body = self._bodies_of(council).get(meeting.body)
        categories = [words.meeting_kinds[meeting.kind]]
        if body is not None:
            categories.insert(0, words.body_kinds[body.kind])
        yield fold("CATEGORIES:" + ",".join(escape_text(c) for c in categories))
        yield "CLASS:PUBLIC\r\n"
        # Outlook takes busy time from TRANSP: a cancelled meeting, or one that is
        # optional for this person, is shown but blocks nothing.
        free = status == "CANCELLED" or (role is not None and role.optional)
        yield "TRANSP:TRANSPARENT\r\n" if free else "TRANSP:OPAQUE\r\n"
        yield f"X-MICROSOFT-CDO-BUSYSTATUS:{'FREE' if free else _BUSY[status]}\r\n"
        if role is not None:
            yield f"X-IPRMODEL-ROLE:{role.kind}\r\n"
        if self._attendees:
            organizer = self._organizer(council, words)
            if organizer:
                yield organizer
            yield from self._attendee_lines(council, meeting)
        yield "END:VEVENT\r\n"

    def _summary(self, council: Council, meeting: Meeting, role: Role | None, words: Words) -> str:
        _ = words.gettext
        bodies = self._bodies_of(council)
        names = []
        for body_id in bodies_of(meeting):
            body = bodies.get(body_id)
            names.append(body_id if body is None else body_label(body, words.locale))
        text = _("{body}, meeting {number}/{year}").format(
            body=" + ".join(names), number=meeting.number, year=meeting.start.year
        )
        if meeting.title:
            text = f"{text}: {meeting.title}"
        owner = council_label(council, words.locale)
        if self._several and not any(names_council(council, n, words.locale) for n in names):
            text = f"{owner}: {text}"
        if role is not None and role.kind == "ex_officio":
            text = _("{summary} (by virtue of office)").format(summary=text)
        elif role is not None and role.optional:
            template = (
                "{summary} (as observer)" if role.kind == "observer" else "{summary} (as deputy)"
            )
            text = _(template).format(summary=text)
        if meeting.status is MeetingStatus.CANCELLED:
            text = _("CANCELLED: ") + text
        elif meeting.status is MeetingStatus.POSTPONED:
            text = _("POSTPONED: ") + text
        return text

    def _description(self, meeting: Meeting, words: Words) -> str:
        _ = words.gettext
        lines: list[str] = []
        if meeting.illustrative:
            lines.append(_("Illustrative date from a generated meeting plan, not a decided date."))
        location = meeting.location
        if (
            self._remote_links
            and location is not None
            and location.remote_url
            and meeting.mode in (MeetingMode.REMOTE, MeetingMode.HYBRID)
        ):
            lines.append(_("Remote participation: {url}").format(url=location.remote_url))
        if meeting.agenda:
            if lines:
                lines.append("")
            lines.append(_("Agenda:"))
            for item in sorted(meeting.agenda, key=lambda i: i.order):
                if item.closed_basis is not None:
                    # Koml. § 11-5: the title of a closed item may itself reveal what is protected.
                    lines.append(
                        _("{number} closed item ({basis})").format(
                            number=item.number, basis=access_basis(item, words.locale)
                        )
                    )
                else:
                    lines.append(f"{item.number} {item.title}")
        return "\n".join(lines)

    def _organizer(self, council: Council, words: Words) -> str | None:
        """ORGANIZER: the secretariat, reached at its general manager's (or staff's) address."""
        if council.id in self._organizers:
            return self._organizers[council.id]
        staff = sorted(council.staff, key=lambda s: s.role is not StaffRole.GENERAL_MANAGER)
        line = None
        for member in staff:
            person = self._persons.get(member.person)
            email = person.contact.email if person and person.contact else None
            uri = mailto(email) if email else None
            if uri is not None:
                line = fold(f"ORGANIZER;CN={param(council_label(council, words.locale))}:{uri}")
                break
        self._organizers[council.id] = line
        return line

    def _appointments_of(self, council: Council) -> dict[str, list[Appointment]]:
        found = self._appointments.get(council.id)
        if found is None:
            found = self._appointments[council.id] = {}
            for appointment in council.appointments:
                found.setdefault(appointment.body, []).append(appointment)
        return found

    def _attendee_lines(self, council: Council, meeting: Meeting) -> list[str]:
        day = meeting.start.date()
        persons = self._persons
        appointments = self._appointments_of(council)
        chosen: dict[str, tuple[int, str, str]] = {}
        for body_id in bodies_of(meeting):
            for appointment in appointments.get(body_id, ()):
                if not (
                    (appointment.valid_from is None or appointment.valid_from <= day)
                    and (appointment.valid_to is None or day <= appointment.valid_to)
                ):
                    continue
                person = persons.get(appointment.person)
                email = person.contact.email if person and person.contact else None
                uri = mailto(email) if email else None
                if person is None or uri is None:
                    continue  # a CAL-ADDRESS must be a URI a client can write to
                if appointment.position is Position.CHAIR and appointment.seat is SeatKind.MEMBER:
                    kind = "CHAIR"
                elif appointment.position is Position.SECRETARY:
                    kind = "NON-PARTICIPANT"
                elif appointment.seat is SeatKind.MEMBER:
                    kind = "REQ-PARTICIPANT"
                else:
                    kind = "OPT-PARTICIPANT"
                rank = _ROLE_ORDER[kind]
                if person.id not in chosen or rank < chosen[person.id][0]:
                    chosen[person.id] = (rank, kind, uri)
        lines = []
        for person_id, (_rank, kind, uri) in sorted(
            chosen.items(), key=lambda kv: (kv[1][0], persons[kv[0]].name, kv[0])
        ):
            name = param(persons[person_id].name)
            lines.append(fold(f"ATTENDEE;CN={name};CUTYPE=INDIVIDUAL;ROLE={kind};RSVP=FALSE:{uri}"))
        return lines
