# SPDX-License-Identifier: MIT
"""The national meeting feed (every meeting, ~12,000 at scale 1) against idiomatic icalendar.

* ``ical.feed``: :class:`iprmodel_ical.ICalExporter` on the whole national register,
  against the same feed built the idiomatic way with icalendar 7: ``Event.new(...)`` per
  meeting with the same properties and texts (UID, DTSTAMP, LAST-MODIFIED, SEQUENCE,
  DTSTART/DTEND in Europe/Oslo, STATUS, SUMMARY, LOCATION, DESCRIPTION, URL,
  CATEGORIES), added to a ``Calendar.new(...)`` with the same compact VTIMEZONE, then
  ``Calendar.to_ical()``. Target: ratio at most 0.25 (at least 4x faster).

At scale 1 the two outputs are also read back with icalendar, and the (UID, UTC start,
STATUS) sets must be equal, so the speed is not bought by leaving things out.
"""

from __future__ import annotations

from datetime import UTC, timedelta

from harness import Case
from icalendar import Calendar, Event, Timezone
from iprmodel_ical import VTIMEZONE, ICalExporter
from iprmodel_ical.events import STATUS, EventWriter
from iprmodel_ical.words import words as plugin_words

from iprmodel.exporters import ExportRequest
from iprmodel.model import MeetingStatus, Register
from iprmodel.testing.synthetic import national


def idiomatic_icalendar(register: Register) -> bytes:
    """The feed the way icalendar's documentation builds one, same content as ours."""
    words = plugin_words("nb")
    texts = EventWriter(
        words={c.id: words for c in register.councils},
        several=len(register.councils) > 1,
        persons={},
        attendees=False,
        remote_links=True,
    )
    cal = Calendar.new(name="Møter", prodid="-//iprmodel//baseline//NO", uid="baseline")
    cal.add("REFRESH-INTERVAL", timedelta(hours=12), parameters={"VALUE": "DURATION"})
    cal.add("X-PUBLISHED-TTL", "PT12H")
    cal.add_component(Timezone.from_ical(VTIMEZONE))
    for council in register.councils:
        bodies = {(council.id, b.id): b for b in council.bodies}
        for meeting in council.meetings:
            body = bodies.get((council.id, meeting.body))
            location = meeting.location
            place = (
                ", ".join(p for p in (location.place, location.address) if p) if location else ""
            )
            event = Event.new(
                uid=f"{meeting.id}@{council.id}.iprmodel",
                stamp=meeting.modified.astimezone(UTC),
                last_modified=meeting.modified.astimezone(UTC),
                sequence=meeting.revision,
                start=meeting.start,
                end=meeting.end,
                summary=texts._summary(council, meeting, None, words),
                location=place or None,
                description=texts._description(meeting, words) or None,
                status="TENTATIVE"
                if meeting.illustrative and meeting.status is not MeetingStatus.CANCELLED
                else STATUS[meeting.status],
                url=meeting.url,
                categories=([words.body_kinds[body.kind]] if body else [])
                + [words.meeting_kinds[meeting.kind]],
            )
            cal.add_component(event)
    return cal.to_ical()


def _triples(feed: bytes) -> set[tuple[str, str, str]]:
    cal = Calendar.from_ical(feed)
    return {
        (str(e["UID"]), e.decoded("DTSTART").astimezone(UTC).isoformat(), str(e["STATUS"]))
        for e in cal.walk("VEVENT")
    }


def cases(scale: float, quick: bool) -> list[Case]:
    """The ``ical.feed`` case at ``scale``."""
    register = national(scale)
    exporter = ICalExporter()
    request = ExportRequest(locale="nb")
    if scale == 1 and not quick:
        ours, theirs = exporter.export(register, request), idiomatic_icalendar(register)
        if _triples(ours) != _triples(theirs):
            msg = "ical.feed: our feed and the icalendar baseline disagree on the meetings"
            raise AssertionError(msg)
    return [
        Case(
            name="ical.feed",
            run=lambda: exporter.export(register, request),
            baseline="icalendar Event.new + Calendar.to_ical",
            baseline_run=lambda: idiomatic_icalendar(register),
        )
    ]
