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
  front of its SUMMARY and ``TRANSP:TRANSPARENT``, so clients strike it through
  instead of silently losing it, and nobody's time is blocked by it;
* one UID, one event: a meeting reads the same in every feed of a register
  (:mod:`iprmodel_ical.events`);
* attendees only when asked for (option ``attendees``), and then e-mail addresses
  only from ``Person.contact.email``: a public feed publishes no addresses.

Scopes (``ExportRequest.scope``): ``None`` (every meeting), ``council:ID``,
``body:ID`` or ``body:COUNCIL/ID``, ``participant:ID`` (every meeting of a body the
participant sends people to), ``person:ID`` (every meeting of the person's
appointments; as a deputy or observer the event is optional and does not block
time). Options: ``attendees`` (true/false: ORGANIZER and ATTENDEE lines),
``refresh`` (a positive ISO 8601 duration, default ``PT12H``), ``url`` (the feed's
own ``https://`` address, for SOURCE/URL), ``remote_links`` (true/false, default
true: remote-meeting join links). An option that cannot apply is refused.

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

import re
from datetime import UTC
from typing import Final

from iprmodel.exporters import ExportRequest
from iprmodel.model import Register
from iprmodel.model.text import Locale
from iprmodel_ical.events import STATUS, URL, EventWriter, uid_for
from iprmodel_ical.scopes import SCOPE_FORMS, FeedIndex, IcalExportError, Selection, feed_locale
from iprmodel_ical.timezone import VTIMEZONE
from iprmodel_ical.words import DOMAIN, LOCALEDIR, words

__all__ = [
    "DOMAIN",
    "LOCALEDIR",
    "PRODID",
    "SCOPE_FORMS",
    "STATUS",
    "FeedWriter",
    "ICalExporter",
    "IcalExportError",
    "feed_options",
    "uid_for",
]

#: The product identifier; fixed, so the bytes do not change with the version.
PRODID: Final = "-//iprmodel//iprmodel-ical//NO"
_DURATION: Final = re.compile(r"^P(?:(\d+)W|(\d+)D(?:T(\d+)H)?|T(\d+)H(?:(\d+)M)?|T(\d+)M)$")
_DEFAULT_REFRESH: Final = "PT12H"


def feed_options(request: ExportRequest) -> tuple[str, str | None, bool, bool]:
    """(refresh, url, attendees, remote_links) from ``request``; refuses what cannot apply.

    Raises:
        ExportError: ``refresh`` is no positive duration, ``url`` is no ``http(s)``
            address (a ``webcal://`` link is for people, not the feed's own URL), or a
            yes/no option has another value.
    """
    refresh = request.option("refresh") or _DEFAULT_REFRESH
    match = _DURATION.fullmatch(refresh)
    if not match:
        raise IcalExportError(
            "refresh must be a duration such as PT12H or P1D, got {value}",
            value=repr(refresh),
        )
    if not any(int(part) for part in match.groups() if part):
        raise IcalExportError("refresh must be longer than zero, got {value}", value=repr(refresh))
    url = request.option("url")
    if url is not None and not URL.fullmatch(url):
        raise IcalExportError(
            "url must be the feed's own http:// or https:// address, got {value}",
            value=repr(url),
        )
    remote = request.option("remote_links")
    remote_links = True if remote is None else request.flag("remote_links")
    return refresh, url, request.flag("attendees"), remote_links


class FeedWriter:
    """Feeds of one register with one set of options; each event is written once.

    :func:`iprmodel_ical.site.publish` and :class:`iprmodel_ical.wsgi.FeedApp` keep one
    writer for all the feeds of a register, so a meeting in ten feeds costs one event.

    >>> from iprmodel import examples
    >>> writer = FeedWriter(examples.load("hallingdal"), ExportRequest())
    >>> writer.feed("council:hallingdal").count(b"BEGIN:VEVENT") > 0
    True
    """

    def __init__(self, register: Register, request: ExportRequest) -> None:
        self.refresh, self.url, attendees, remote_links = feed_options(request)
        self.register = register
        self.index = FeedIndex.of(register)
        self._locale: Locale | None = request.locale
        self.events = EventWriter(
            words={c.id: words(feed_locale(request.locale, (c,))) for c in register.councils},
            several=len(register.councils) > 1,
            persons={p.id: p for p in register.persons},
            attendees=attendees,
            remote_links=remote_links,
        )

    def feed(self, scope: str | None, *, url: str | None = None) -> bytes:
        """The feed of ``scope`` as UTF-8 bytes with CRLF; ``url`` is its own address."""
        return self.write(self.index.select(scope), url=url or self.url)

    def write(self, selection: Selection, *, url: str | None = None) -> bytes:
        """The feed of an already selected scope."""
        from iprmodel_ical.content import escape_text, fold

        locale = feed_locale(self._locale, selection.councils)
        name = escape_text(selection.name(words(locale), len(self.register.councils)))
        out: list[str] = [
            "BEGIN:VCALENDAR\r\n",
            "VERSION:2.0\r\n",
            f"PRODID:{PRODID}\r\n",
            "CALSCALE:GREGORIAN\r\n",
            fold(f"NAME:{name}"),
            fold(f"X-WR-CALNAME:{name}"),
            # No X-WR-TIMEZONE: every time carries a TZID or is UTC, and readers that
            # honour it (x-wr-timezone) re-zone UTC times and lose the autumn hour.
            f"REFRESH-INTERVAL;VALUE=DURATION:{self.refresh}\r\n",
            f"X-PUBLISHED-TTL:{self.refresh}\r\n",
        ]
        if url:
            out.append(fold(f"URL:{url}"))
            out.append(fold(f"SOURCE;VALUE=URI:{url}"))
        out.append(VTIMEZONE)
        event = self.events.event
        for council, meeting, role in sorted(
            selection.items,
            key=lambda item: (item[1].start.astimezone(UTC), item[0].id, item[1].id),
        ):
            out.append(event(council, meeting, role))
        out.append("END:VCALENDAR\r\n")
        return "".join(out).encode()


class ICalExporter:
    """Meeting feeds as iCalendar (``.ics``, ``text/calendar``)."""

    name: Final = "ics"
    suffix: Final = ".ics"
    media_type: Final = "text/calendar"
    #: The ``--option`` keys it reads.
    options: Final = ("attendees", "refresh", "url", "remote_links")

    def export(self, register: Register, request: ExportRequest) -> bytes:
        """The feed for ``request.scope`` in ``register``, as UTF-8 bytes with CRLF.

        Raises:
            ExportError: The scope is malformed or names an unknown council, body,
                participant or person, or an option cannot apply (see :func:`feed_options`).
        """
        return FeedWriter(register, request).feed(request.scope)
