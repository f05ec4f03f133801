# SPDX-License-Identifier: MIT
"""The ``ics`` exporter: meeting feeds (RFC 5545) people subscribe to.

What the feed promises a calendar client (formats.md § 1 has the evidence):

* one VEVENT per meeting with a UID derived from stable ids
  (``<meeting-id>@<council-id>.iprmodel``), so an updated feed updates events and
  never duplicates them;
* DTSTAMP and LAST-MODIFIED from ``Meeting.modified`` and SEQUENCE from
  ``Meeting.revision``: the same register gives the same bytes, and a moved
  meeting keeps its UID and raises its SEQUENCE;
* no METHOD (a feed is no invitation; METHOD:PUBLISH would also forbid ATTENDEE);
* DTSTART/DTEND with ``TZID=Europe/Oslo`` and one compact RRULE-based VTIMEZONE;
* a cancelled meeting stays in the feed, ``STATUS:CANCELLED`` with "AVLYST: " in
  front of its SUMMARY, so clients strike it through instead of silently losing it;
* attendees only when asked for (option ``attendees``), and then e-mail addresses
  only from ``Person.contact.email``: a public feed publishes no addresses.

Scopes (``ExportRequest.scope``): ``None`` (every meeting), ``council:ID``,
``body:ID`` or ``body:COUNCIL/ID``, ``participant:ID`` (every meeting of a body the
participant sends people to), ``person:ID`` (every meeting of the person's
appointments; as a deputy or observer the event is optional and does not block
time). Options: ``attendees`` (true/false), ``refresh`` (an ISO 8601 duration,
default ``PT12H``), ``url`` (the feed's own address, for SOURCE/URL).

>>> from datetime import datetime
>>> from iprmodel.model import Body, BodyKind, Council, LocalizedText, Meeting, Register
>>> from iprmodel.model._fields import OSLO
>>> council = Council(
...     id="demo", formal_name=LocalizedText(nb="Demo interkommunalt politisk råd"),
...     bodies=(Body(id="radet", kind=BodyKind.COUNCIL_BOARD, name=LocalizedText(nb="Rådet")),),
...     meetings=(Meeting(id="radet-2026-1", body="radet", number=1,
...                       start=datetime(2026, 3, 12, 10, tzinfo=OSLO),
...                       end=datetime(2026, 3, 12, 14, tzinfo=OSLO),
...                       modified=datetime(2026, 1, 5, 9, tzinfo=OSLO)),))
>>> from iprmodel.exporters import ExportRequest
>>> feed = ICalExporter().export(Register(councils=(council,)), ExportRequest(locale="nb"))
>>> event = feed.decode().split("BEGIN:VEVENT")[1]
>>> for line in event.splitlines():
...     if line.startswith(("UID", "DTSTART", "SUMMARY", "STATUS", "SEQUENCE")):
...         print(line)
UID:radet-2026-1@demo.iprmodel
SEQUENCE:0
DTSTART;TZID=Europe/Oslo:20260312T100000
STATUS:TENTATIVE
SUMMARY:Rådet\\, møte 1/2026
"""

from __future__ import annotations

import functools
import gettext
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import ClassVar, Final

import attrs

from iprmodel.errors import ExportError
from iprmodel.exporters import ExportRequest
from iprmodel.l10n import label, translator
from iprmodel.model import (
    Appointment,
    Body,
    BodyKind,
    Council,
    Meeting,
    MeetingKind,
    MeetingMode,
    MeetingStatus,
    ParticipationRole,
    Person,
    Position,
    Register,
    SeatKind,
)
from iprmodel.model._fields import OSLO
from iprmodel.model.participants import WrittenStandard
from iprmodel.model.text import Locale
from iprmodel_ical.content import escape_text, fold, param
from iprmodel_ical.timezone import TZID, VTIMEZONE

__all__ = [
    "DOMAIN",
    "LOCALEDIR",
    "PRODID",
    "SCOPE_FORMS",
    "ICalExporter",
    "IcalExportError",
    "uid_for",
]

#: The gettext domain of this plugin's words (summaries, agenda heading, feed names).
DOMAIN: Final = "iprmodel_ical"
#: Where this plugin's catalogs live.
LOCALEDIR: Final = Path(__file__).parent / "locale"


class IcalExportError(ExportError):
    """An :class:`~iprmodel.errors.ExportError` whose template is in the ``iprmodel_ical`` catalog."""

    domain: ClassVar[str] = DOMAIN
    localedir: ClassVar[Path | None] = LOCALEDIR


#: The product identifier; fixed, so the bytes do not change with the version.
PRODID: Final = "-//iprmodel//iprmodel-ical//NO"
#: The scope forms ``ExportRequest.scope`` accepts.
SCOPE_FORMS: Final = (
    "council:ID",
    "body:ID",
    "body:COUNCIL/ID",
    "participant:ID",
    "person:ID",
)

_STATUS: Final = {
    MeetingStatus.PLANNED: "TENTATIVE",
    MeetingStatus.CONVENED: "CONFIRMED",
    MeetingStatus.HELD: "CONFIRMED",
    MeetingStatus.CANCELLED: "CANCELLED",
    MeetingStatus.POSTPONED: "TENTATIVE",
}
_ROLE_ORDER: Final = {"CHAIR": 0, "REQ-PARTICIPANT": 1, "OPT-PARTICIPANT": 2, "NON-PARTICIPANT": 3}
_URL: Final = re.compile(r"^https?://[^\s\"<>\\^`{|}\x00-\x1f\x7f]+$")
_EMAIL: Final = re.compile(
    r"^[^@\s\"<>:;,()\[\]\\\x00-\x1f\x7f]+@[^@\s\"<>:;,()\[\]\\\x00-\x1f\x7f]+$"
)
_DURATION: Final = re.compile(r"^P(?:\d+W|\d+D(?:T\d+H)?|T\d+H(?:\d+M)?|T\d+M)$")
_DEFAULT_REFRESH: Final = "PT12H"


def uid_for(council_id: str, meeting_id: str) -> str:
    """The UID of a meeting's event: stable as long as the ids are.

    >>> uid_for("hallingdal", "regionradet-2026-3")
    'regionradet-2026-3@hallingdal.iprmodel'
    """
    return f"{meeting_id}@{council_id}.iprmodel"


def _stamp(value: datetime) -> str:
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


def _second_pass(local: datetime) -> bool:
    """Whether ``local`` is in the second pass of the autumn hour that happens twice."""
    return bool(local.fold) and local.utcoffset() != local.replace(fold=0).utcoffset()


def _times(start: datetime, end: datetime) -> tuple[str, str]:
    """DTSTART and DTEND with the Oslo TZID, or both in UTC where local time cannot say it.

    In the autumn hour that happens twice, TZID resolves to the first occurrence
    (RFC 5545 § 3.3.5), so a meeting touching the second one is written in UTC.
    Both ends change together: some readers (recurring-ical-events) re-zone a UTC
    start to the end's time zone and lose the second pass.
    """
    # astimezone normalises a time given in the spring gap to a real local time.
    local_start = start.astimezone(UTC).astimezone(OSLO)
    local_end = end.astimezone(UTC).astimezone(OSLO)
    if _second_pass(local_start) or _second_pass(local_end):
        return f"DTSTART:{_stamp(local_start)}\r\n", f"DTEND:{_stamp(local_end)}\r\n"
    return (
        f"DTSTART;TZID={TZID}:{_local(local_start)}\r\n",
        f"DTEND;TZID={TZID}:{_local(local_end)}\r\n",
    )


@attrs.frozen(kw_only=True)
class _Role:
    """How the feed's subject takes part in a meeting (person scope only)."""

    optional: bool
    kind: str  # member, chair, deputy, observer, ex_officio


@attrs.frozen(kw_only=True)
class _Words:
    """Everything locale-dependent, looked up once per export."""

    locale: Locale
    gettext: Callable[[str], str]
    ngettext: Callable[[str, str, int], str]
    body_kinds: dict[BodyKind, str]
    meeting_kinds: dict[MeetingKind, str]


@functools.cache
def _words(locale: Locale) -> _Words:
    catalog: gettext.NullTranslations = translator(locale, DOMAIN, LOCALEDIR)
    return _Words(
        locale=locale,
        gettext=catalog.gettext,
        ngettext=catalog.ngettext,
        body_kinds={kind: label(kind, locale) for kind in BodyKind},
        meeting_kinds={kind: label(kind, locale) for kind in MeetingKind},
    )


def _active(appointment: Appointment, day: date) -> bool:
    return (appointment.valid_from is None or appointment.valid_from <= day) and (
        appointment.valid_to is None or day <= appointment.valid_to
    )


def _bodies_of(meeting: Meeting) -> tuple[str, ...]:
    return (meeting.body, *meeting.joint_bodies) if meeting.joint_bodies else (meeting.body,)


@attrs.frozen(kw_only=True)
class _Selection:
    """The meetings a scope selects, with the subject's role where it matters."""

    name: str
    councils: tuple[Council, ...]
    items: tuple[tuple[Council, Meeting, _Role | None], ...]


class ICalExporter:
    """Meeting feeds as iCalendar (``.ics``, ``text/calendar``)."""

    name: Final = "ics"
    suffix: Final = ".ics"
    media_type: Final = "text/calendar"
    #: The ``--option`` keys it reads: attendees (yes/no), refresh (a duration), url.
    options: Final = ("attendees", "refresh", "url")

    def export(self, register: Register, request: ExportRequest) -> bytes:
        """The feed for ``request.scope`` in ``register``, as UTF-8 bytes with CRLF.

        Raises:
            ExportError: The scope is malformed or names an unknown council, body,
                participant or person, or the ``refresh`` option is no duration.
        """
        refresh = request.option("refresh") or _DEFAULT_REFRESH
        if not _DURATION.fullmatch(refresh):
            raise IcalExportError(
                "refresh must be a duration such as PT12H or P1D, got {value}",
                value=repr(refresh),
            )
        locale_hint = request.locale
        selection = _select(register, request.scope, locale_hint)
        locale = locale_hint or _default_locale(selection.councils)
        words = _words(locale)
        persons = {p.id: p for p in register.persons}
        attendees = request.flag("attendees")

        out: list[str] = [
            "BEGIN:VCALENDAR\r\n",
            "VERSION:2.0\r\n",
            f"PRODID:{PRODID}\r\n",
            "CALSCALE:GREGORIAN\r\n",
        ]
        name = escape_text(_feed_name(selection, register, words))
        out.append(fold(f"NAME:{name}"))
        out.append(fold(f"X-WR-CALNAME:{name}"))
        # No X-WR-TIMEZONE: every time carries a TZID or is UTC, and readers that
        # honour it (x-wr-timezone, used by recurring-ical-events) re-zone UTC times
        # and lose the second pass of the autumn hour.
        out.append(f"REFRESH-INTERVAL;VALUE=DURATION:{refresh}\r\n")
        out.append(f"X-PUBLISHED-TTL:{refresh}\r\n")
        url = request.option("url")
        if url and _URL.fullmatch(url):
            out.append(fold(f"URL:{url}"))
            out.append(fold(f"SOURCE;VALUE=URI:{url}"))
        out.append(VTIMEZONE)

        bodies = {(c.id, b.id): b for c in selection.councils for b in c.bodies}
        appointments: dict[tuple[str, str], list[Appointment]] = {}
        if attendees:
            for council in selection.councils:
                for appointment in council.appointments:
                    appointments.setdefault((council.id, appointment.body), []).append(appointment)
        ordered = sorted(
            selection.items,
            key=lambda item: (item[1].start.astimezone(UTC), item[0].id, item[1].id),
        )
        # In a feed spanning councils, "Representantskapet, møte 1/2026" is ambiguous.
        several = len({council.id for council, _, _ in selection.items}) > 1
        for council, meeting, role in ordered:
            out.extend(
                _event(
                    council,
                    meeting,
                    role,
                    bodies=bodies,
                    words=words,
                    persons=persons,
                    appointments=appointments if attendees else None,
                    name_council=several,
                )
            )
        out.append("END:VCALENDAR\r\n")
        return "".join(out).encode()


def _default_locale(councils: Iterable[Council]) -> Locale:
    """The councils' own written standard when they agree (Hallingdal: nn), else nb."""
    standards = {c.written_standard for c in councils}
    if standards == {WrittenStandard.NYNORSK}:
        return "nn"
    return "nb"


def _council_name(council: Council, locale: Locale) -> str:
    name = council.everyday_name or council.short_name or council.formal_name
    return name.get(locale)


def _feed_name(selection: _Selection, register: Register, words: _Words) -> str:
    if selection.name:
        return selection.name
    if len(register.councils) == 1:
        return words.gettext("Meetings: {name}").format(
            name=_council_name(register.councils[0], words.locale)
        )
    count = len(register.councils)
    return words.ngettext(
        "Meetings in {count} council", "Meetings in {count} councils", count
    ).format(count=count)


def _select(register: Register, scope: str | None, locale: Locale | None) -> _Selection:
    """Resolve ``scope`` to meetings; unknown forms and ids raise :class:`ExportError`."""
    if scope is None or not scope.strip():
        return _Selection(
            name="",
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
        return _select_council(register, ident, locale)
    if kind == "body":
        return _select_body(register, ident, locale)
    if kind == "participant":
        return _select_participant(register, ident, locale)
    return _select_person(register, ident, locale)


def _name_words(locale: Locale | None, councils: Iterable[Council]) -> _Words:
    return _words(locale or _default_locale(councils))


def _select_council(register: Register, ident: str, locale: Locale | None) -> _Selection:
    council = register.council(ident)
    if council is None:
        raise IcalExportError(
            "no council with id {id}; known: {known}",
            id=repr(ident),
            known=", ".join(c.id for c in register.councils) or "-",
        )
    words = _name_words(locale, (council,))
    return _Selection(
        name=words.gettext("Meetings: {name}").format(name=_council_name(council, words.locale)),
        councils=(council,),
        items=tuple((council, m, None) for m in council.meetings),
    )


def _select_body(register: Register, ident: str, locale: Locale | None) -> _Selection:
    council_id, slash, body_id = ident.rpartition("/")
    if slash:
        council = register.council(council_id)
        candidates: tuple[Council, ...] = () if council is None else (council,)
        if council is None:
            raise IcalExportError(
                "no council with id {id}; known: {known}",
                id=repr(council_id),
                known=", ".join(c.id for c in register.councils) or "-",
            )
    else:
        candidates = register.councils
    found = [(c, b) for c in candidates for b in c.bodies if b.id == body_id]
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
    council, body = found[0]
    words = _name_words(locale, (council,))
    return _Selection(
        name=words.gettext("Meetings: {name}").format(name=_body_name(body, words.locale)),
        councils=(council,),
        items=tuple((council, m, None) for m in council.meetings if body.id in _bodies_of(m)),
    )


def _represents(council: Council, body: Body, participant: str, day: date) -> bool:
    """Whether ``participant`` has a seat in ``body`` on ``day`` (delegation or observer)."""
    member = None
    for delegation in body.composition:
        if delegation.participant == participant:
            return True
        if delegation.participant is None and (delegation.members or delegation.deputies):
            if member is None:
                member = any(
                    p.participant == participant
                    and p.role is ParticipationRole.MEMBER
                    and p.active_on(day)
                    for p in council.participations
                )
            if member:
                return True
    return any(seat.participant == participant for seat in body.observers)


def _select_participant(register: Register, ident: str, locale: Locale | None) -> _Selection:
    participant = register.participant(ident)
    if participant is None:
        raise IcalExportError("no participant with id {id}", id=repr(ident))
    items: list[tuple[Council, Meeting, _Role | None]] = []
    councils: list[Council] = []
    for council in register.councils:
        bodies = {b.id: b for b in council.bodies}
        appointed = [a for a in council.appointments if a.participant == ident]
        chosen = [
            m
            for m in council.meetings
            if any((a.body in _bodies_of(m) and _active(a, m.start.date())) for a in appointed)
            or any(
                b in bodies and _represents(council, bodies[b], ident, m.start.date())
                for b in _bodies_of(m)
            )
        ]
        if chosen:
            councils.append(council)
            items.extend((council, m, None) for m in chosen)
    words = _name_words(locale, councils)
    return _Selection(
        name=words.gettext("Meetings: {name}").format(name=participant.name.get(words.locale)),
        councils=tuple(councils) or register.councils,
        items=tuple(items),
    )


def _role(appointment: Appointment) -> _Role:
    if appointment.seat is SeatKind.MEMBER:
        kind = "chair" if appointment.position is Position.CHAIR else "member"
        return _Role(optional=False, kind=kind)
    if appointment.seat is SeatKind.EX_OFFICIO:
        # Chief executives and the general manager attend every meeting: busy time.
        return _Role(optional=False, kind="ex_officio")
    return _Role(optional=True, kind=appointment.seat.value)


def _select_person(register: Register, ident: str, locale: Locale | None) -> _Selection:
    person = register.person(ident)
    if person is None:
        raise IcalExportError("no person with id {id}", id=repr(ident))
    items: list[tuple[Council, Meeting, _Role | None]] = []
    councils: list[Council] = []
    for council in register.councils:
        mine = [a for a in council.appointments if a.person == ident]
        if not mine:
            continue
        chosen = 0
        for meeting in council.meetings:
            day = meeting.start.date()
            bodies = _bodies_of(meeting)
            roles = [_role(a) for a in mine if a.body in bodies and _active(a, day)]
            if roles:
                # A member seat wins over a deputy seat (joint meetings of two bodies).
                items.append((council, meeting, min(roles, key=lambda r: (r.optional, r.kind))))
                chosen += 1
        if chosen:
            councils.append(council)
    words = _name_words(locale, councils)
    return _Selection(
        name=words.gettext("Meetings for {name}").format(name=person.name),
        councils=tuple(councils) or register.councils,
        items=tuple(items),
    )


def _body_name(body: Body, locale: Locale) -> str:
    return (body.everyday_name or body.name).get(locale)


def _summary(
    council: Council,
    meeting: Meeting,
    role: _Role | None,
    bodies: dict[tuple[str, str], Body],
    words: _Words,
    *,
    name_council: bool = False,
) -> str:
    _ = words.gettext
    names = []
    for body_id in _bodies_of(meeting):
        body = bodies.get((council.id, body_id))
        names.append(body_id if body is None else _body_name(body, words.locale))
    text = _("{body}, meeting {number}/{year}").format(
        body=" + ".join(names), number=meeting.number, year=meeting.start.year
    )
    if meeting.title:
        text = f"{text}: {meeting.title}"
    if name_council:
        text = f"{_council_name(council, words.locale)}: {text}"
    if role is not None and role.kind == "ex_officio":
        text = _("{summary} (by virtue of office)").format(summary=text)
    elif role is not None and role.optional:
        template = "{summary} (as observer)" if role.kind == "observer" else "{summary} (as deputy)"
        text = _(template).format(summary=text)
    if meeting.status is MeetingStatus.CANCELLED:
        text = _("CANCELLED: ") + text
    elif meeting.status is MeetingStatus.POSTPONED:
        text = _("POSTPONED: ") + text
    return text


def _description(meeting: Meeting, words: _Words) -> str:
    _ = words.gettext
    lines: list[str] = []
    if meeting.illustrative:
        lines.append(_("Illustrative date from a generated meeting plan, not a decided date."))
    location = meeting.location
    if (
        location is not None
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
                        number=item.number, basis=label(item.closed_basis, words.locale)
                    )
                )
            else:
                lines.append(f"{item.number} {item.title}")
    return "\n".join(lines)


def _attendee_lines(
    council: Council,
    meeting: Meeting,
    persons: dict[str, Person],
    appointments: dict[tuple[str, str], list[Appointment]],
) -> list[str]:
    day = meeting.start.date()
    chosen: dict[str, tuple[int, str, str]] = {}
    for body_id in _bodies_of(meeting):
        for appointment in appointments.get((council.id, body_id), ()):
            if not _active(appointment, day):
                continue
            person = persons.get(appointment.person)
            email = person.contact.email if person and person.contact else None
            if person is None or email is None or not _EMAIL.fullmatch(email.strip()):
                continue  # a CAL-ADDRESS must be a URI a client can write to
            if appointment.position is Position.CHAIR and appointment.seat is SeatKind.MEMBER:
                role = "CHAIR"
            elif appointment.position is Position.SECRETARY:
                role = "NON-PARTICIPANT"
            elif appointment.seat is SeatKind.MEMBER:
                role = "REQ-PARTICIPANT"
            else:
                role = "OPT-PARTICIPANT"
            rank = _ROLE_ORDER[role]
            if person.id not in chosen or rank < chosen[person.id][0]:
                chosen[person.id] = (rank, role, email.strip())
    lines = []
    for person_id, (_rank, role, email) in sorted(
        chosen.items(), key=lambda kv: (kv[1][0], persons[kv[0]].name, kv[0])
    ):
        name = param(persons[person_id].name)
        lines.append(
            fold(f"ATTENDEE;CN={name};CUTYPE=INDIVIDUAL;ROLE={role};RSVP=FALSE:mailto:{email}")
        )
    return lines


def _event(
    council: Council,
    meeting: Meeting,
    role: _Role | None,
    *,
    bodies: dict[tuple[str, str], Body],
    words: _Words,
    persons: dict[str, Person],
    appointments: dict[tuple[str, str], list[Appointment]] | None,
    name_council: bool = False,
) -> Iterator[str]:
    stamp = _stamp(meeting.modified)
    yield "BEGIN:VEVENT\r\n"
    yield fold("UID:" + uid_for(council.id, meeting.id))
    yield f"DTSTAMP:{stamp}\r\n"
    yield f"LAST-MODIFIED:{stamp}\r\n"
    yield f"SEQUENCE:{meeting.revision}\r\n"
    if meeting.all_day:
        yield f"DTSTART;VALUE=DATE:{_day(meeting.start.date())}\r\n"
        yield f"DTEND;VALUE=DATE:{_day(meeting.end.date())}\r\n"
    else:
        yield from _times(meeting.start, meeting.end)
    status = "TENTATIVE" if meeting.illustrative else _STATUS[meeting.status]
    if meeting.status is MeetingStatus.CANCELLED:
        status = "CANCELLED"
    yield f"STATUS:{status}\r\n"
    summary = _summary(council, meeting, role, bodies, words, name_council=name_council)
    yield fold("SUMMARY:" + escape_text(summary))
    location = meeting.location
    if location is not None:
        parts = [p for p in (location.place, location.address) if p]
        if not parts and location.remote_url:
            parts = [location.remote_url]
        if parts:
            yield fold("LOCATION:" + escape_text(", ".join(parts)))
    description = _description(meeting, words)
    if description:
        yield fold("DESCRIPTION:" + escape_text(description))
    if meeting.url and _URL.fullmatch(meeting.url):
        yield fold(f"URL:{meeting.url}")
    body = bodies.get((council.id, meeting.body))
    categories = [words.meeting_kinds[meeting.kind]]
    if body is not None:
        categories.insert(0, words.body_kinds[body.kind])
    yield fold("CATEGORIES:" + ",".join(escape_text(c) for c in categories))
    yield "CLASS:PUBLIC\r\n"
    if role is not None and role.optional:
        # Optional for this person: shown, but the time is not blocked.
        yield "TRANSP:TRANSPARENT\r\n"
        yield f"X-IPRMODEL-ROLE:{role.kind}\r\n"
    else:
        yield "TRANSP:OPAQUE\r\n"
        if role is not None:
            yield f"X-IPRMODEL-ROLE:{role.kind}\r\n"
    if appointments is not None:
        yield from _attendee_lines(council, meeting, persons, appointments)
    yield "END:VEVENT\r\n"
