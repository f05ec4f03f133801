# SPDX-License-Identifier: MIT
"""Independent parsers read the same meetings from our feeds.

icalendar, recurring-ical-events, ``ical`` (Home Assistant's parser) and vobject
in-process; ical.js (Thunderbird's parser) through node; libical (Evolution's
library) through the system Python's GObject bindings, whose restriction check
is what flags METHOD/ATTENDEE mistakes. CI installs node, ``ical.js@2.2.1`` (npm,
into ``plugins/iprmodel-ical/tests/node_modules`` or ``$ICALJS_DIR``) and
``gir1.2-ical-3.0`` + ``python3-gi`` (apt); locally those tests skip when absent.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import recurring_ical_events
import vobject
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar
from iprmodel_ical import ICalExporter, uid_for

from iprmodel import examples
from iprmodel.exporters import ExportRequest
from iprmodel.model import MeetingStatus, Register
from iprmodel.testing import in_ci, require_tool

Triple = tuple[str, str, str]
HERE = Path(__file__).parent


def _start_key(value: date | datetime) -> str:
    if isinstance(value, datetime):
        assert value.tzinfo is not None, "a floating time in the feed"
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def expected(register: Register) -> set[Triple]:
    """(UID, UTC start or date, STATUS) straight from the model."""
    status = {
        MeetingStatus.PLANNED: "TENTATIVE",
        MeetingStatus.CONVENED: "CONFIRMED",
        MeetingStatus.HELD: "CONFIRMED",
        MeetingStatus.CANCELLED: "CANCELLED",
        MeetingStatus.POSTPONED: "TENTATIVE",
    }
    return {
        (
            uid_for(c.id, m.id),
            _start_key(m.start.date() if m.all_day else m.start),
            "TENTATIVE"
            if m.illustrative and m.status is not MeetingStatus.CANCELLED
            else status[m.status],
        )
        for c in register.councils
        for m in c.meetings
    }


def by_icalendar(feed: bytes) -> set[Triple]:
    cal = Calendar.from_ical(feed)
    assert cal.get_missing_tzids() == set()
    return {
        (str(ev["UID"]), _start_key(ev.decoded("DTSTART")), str(ev["STATUS"]))
        for ev in cal.walk("VEVENT")
    }


def by_recurring_ical_events(feed: bytes) -> set[Triple]:
    cal = Calendar.from_ical(feed)
    events = recurring_ical_events.of(cal).between(date(1990, 1, 1), date(2100, 1, 1))
    return {(str(ev["UID"]), _start_key(ev["DTSTART"].dt), str(ev["STATUS"])) for ev in events}


def by_ical(feed: bytes) -> set[Triple]:
    cal = IcsCalendarStream.calendar_from_ics(feed.decode())
    return {
        (str(ev.uid), _start_key(ev.dtstart), str(ev.status.value if ev.status else ""))
        for ev in cal.events
    }


def by_vobject(feed: bytes) -> set[Triple]:
    cal = vobject.readOne(feed.decode())
    return {
        (ev.uid.value, _start_key(ev.dtstart.value), ev.status.value)
        for ev in cal.contents.get("vevent", [])
    }


PARSERS: dict[str, Callable[[bytes], set[Triple]]] = {
    "icalendar": by_icalendar,
    "recurring-ical-events": by_recurring_ical_events,
    "ical": by_ical,
    "vobject": by_vobject,
}


def _registers(corner: Register) -> list[tuple[str, Register]]:
    return [("corner", corner), ("hallingdal", examples.load("hallingdal"))]


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_python_parsers_agree(parser: str, register: Register) -> None:
    """Each parser finds exactly the meetings in the model, at the same instants."""
    for name, source in _registers(register):
        for options in ({}, {"attendees": "true"}):
            feed = ICalExporter().export(source, ExportRequest(options=options))

            assert PARSERS[parser](feed) == expected(source), name


def _icaljs_dir() -> Path | None:
    configured = os.environ.get("ICALJS_DIR")
    folder = Path(configured) if configured else HERE / "node_modules"
    return folder if (folder / "ical.js" / "package.json").is_file() else None


ICALJS_SCRIPT = """
import ICAL from 'ical.js';
import fs from 'node:fs';
const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(0, 'utf8')));
for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
const out = [];
for (const ve of comp.getAllSubcomponents('vevent')) {
  const ev = new ICAL.Event(ve);
  const start = ev.startDate.isDate
    ? ev.startDate.toString()
    : ev.startDate.toJSDate().toISOString().replace('.000Z', 'Z');
  out.push([ev.uid, start, ve.getFirstPropertyValue('status'), ev.summary, ev.description]);
}
console.log(JSON.stringify(out));
"""


def by_icaljs(feed: bytes) -> list[list[str]]:
    node = require_tool("node", "ical.js runs on node")
    folder = _icaljs_dir()
    if folder is None:
        reason = (
            "ical.js is not installed (npm install ical.js@2.2.1 in plugins/iprmodel-ical/tests)"
        )
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    # Code given with --eval resolves bare imports from the working directory.
    result = subprocess.run(
        [node, "--input-type=module", "--eval", ICALJS_SCRIPT],
        input=feed,
        capture_output=True,
        cwd=folder.parent,
        check=True,
        timeout=60,
    )
    rows: list[list[str]] = json.loads(result.stdout)
    return rows


@pytest.mark.external
def test_icaljs_agrees(register: Register) -> None:
    """Thunderbird's parser resolves our VTIMEZONE to the same instants, text intact."""
    for _name, source in _registers(register):
        feed = ICalExporter().export(source, ExportRequest(options={"attendees": "1"}))
        rows = by_icaljs(feed)

        assert {(r[0], r[1], r[2]) for r in rows} == expected(source)
    summaries = {r[0]: r[3] for r in by_icaljs(ICalExporter().export(register, ExportRequest()))}
    # The fixture register has two councils, so each summary names its council.
    expected_summary = "AVLYST: Regionrådet for Hallingdal: Regionrådet, møte 2/2026"
    assert summaries["regionradet-2026-2@hallingdal.iprmodel"] == expected_summary


LIBICAL_SCRIPT = """
import sys, gi
gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib as I
comp = I.Component.new_from_string(sys.stdin.read())
comp.check_restrictions()
errors = []
def walk(c):
    p = c.get_first_property(I.PropertyKind.XLICERROR_PROPERTY)
    while p is not None:
        errors.append(p.get_xlicerror())
        p = c.get_next_property(I.PropertyKind.XLICERROR_PROPERTY)
    s = c.get_first_component(I.ComponentKind.ANY_COMPONENT)
    while s is not None:
        walk(s)
        s = c.get_next_component(I.ComponentKind.ANY_COMPONENT)
walk(comp)
n = 0
s = comp.get_first_component(I.ComponentKind.VEVENT_COMPONENT)
while s is not None:
    n += 1
    s = comp.get_next_component(I.ComponentKind.VEVENT_COMPONENT)
print(n)
print("\\n".join(errors))
"""


def _python_with_libical() -> str:
    """A Python that has GObject introspection and libical (usually /usr/bin/python3)."""
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate is None or not Path(candidate).exists():
            continue
        probe = subprocess.run(
            [
                candidate,
                "-c",
                "import gi; gi.require_version('ICalGLib', '3.0');"
                " from gi.repository import ICalGLib",
            ],
            capture_output=True,
            check=False,
            timeout=60,
        )
        if probe.returncode == 0:
            return candidate
    reason = "libical via GObject introspection is missing (apt: gir1.2-ical-3.0 python3-gi)"
    if in_ci():
        pytest.fail(reason)
    pytest.skip(reason)


def libical_errors(feed: bytes) -> tuple[int, list[str]]:
    """How many VEVENTs libical parsed, and every X-LIC-ERROR after the restriction check."""
    python = _python_with_libical()
    result = subprocess.run(
        [python, "-c", LIBICAL_SCRIPT],
        input=feed,
        capture_output=True,
        check=True,
        timeout=60,
    )
    count, *errors = result.stdout.decode().splitlines()
    return int(count), [e for e in errors if e]


@pytest.mark.external
def test_libical_restriction_check_passes(register: Register) -> None:
    """No X-LIC-ERROR: values parse and RFC 5545/iTIP restrictions hold, attendees or not."""
    for _name, source in _registers(register):
        for options in ({}, {"attendees": "1"}):
            feed = ICalExporter().export(source, ExportRequest(options=options))
            count, errors = libical_errors(feed)

            assert errors == []
            assert count == len(expected(source))


@pytest.mark.external
def test_libical_check_catches_a_broken_feed() -> None:
    """The check is real: METHOD:PUBLISH with an ATTENDEE and no ORGANIZER fails it."""
    broken = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nMETHOD:PUBLISH\r\n"
        b"BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:s\r\n"
        b"DTSTART:20260101T100000Z\r\nATTENDEE:mailto:a@example.no\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    _count, errors = libical_errors(broken)

    assert any("ATTENDEE" in e for e in errors)
    assert any("ORGANIZER" in e for e in errors)
