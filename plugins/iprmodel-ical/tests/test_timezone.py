# SPDX-License-Identifier: MIT
"""The compact Europe/Oslo VTIMEZONE agrees with the tz database, 2020-2060."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone
from iprmodel_ical import VTIMEZONE

OSLO = ZoneInfo("Europe/Oslo")


def _transitions(year: int) -> list[datetime]:
    """The UTC instants where Oslo's offset changes in ``year``, found by bisection."""
    found = []
    hour = datetime(year, 1, 1, tzinfo=UTC)
    end = datetime(year + 1, 1, 1, tzinfo=UTC)
    previous = hour.astimezone(OSLO).utcoffset()
    while hour < end:
        hour += timedelta(hours=1)
        offset = hour.astimezone(OSLO).utcoffset()
        if offset != previous:
            found.append(hour)
            previous = offset
    return found


def test_one_standard_one_daylight_with_rrules() -> None:
    """Exactly one STANDARD and one DAYLIGHT, each with an RRULE, no RDATE or COMMENT."""
    tz = Timezone.from_ical(VTIMEZONE)

    assert [c.name for c in tz.subcomponents] == ["DAYLIGHT", "STANDARD"]
    assert all("RRULE" in c and "RDATE" not in c for c in tz.subcomponents)
    assert "COMMENT" not in tz


def test_matches_zoneinfo_2020_to_2060() -> None:
    """Every month, and one hour either side of every transition, 2020-2060."""
    tz = Timezone.from_ical(VTIMEZONE).to_tz()
    instants = [
        datetime(y, m, d, h, tzinfo=UTC)
        for y in range(2020, 2061)
        for m in range(1, 13)
        for d, h in ((1, 0), (15, 12))
    ]
    transitions = [t for y in range(2020, 2061) for t in _transitions(y)]
    assert len(transitions) == 82  # two a year; fails if Norway stops changing clocks
    for t in transitions:
        instants += [t - timedelta(hours=1), t, t + timedelta(minutes=30), t + timedelta(hours=1)]

    for instant in instants:
        assert instant.astimezone(tz).utcoffset() == instant.astimezone(OSLO).utcoffset(), instant


def test_feed_has_no_missing_time_zones() -> None:
    """icalendar finds every TZID used in a feed defined in it."""
    from iprmodel_ical import ICalExporter

    from iprmodel import examples
    from iprmodel.exporters import ExportRequest

    feed = ICalExporter().export(examples.load("all"), ExportRequest())
    cal = Calendar.from_ical(feed)

    assert cal.get_missing_tzids() == set()
    assert len(cal.walk("VTIMEZONE")) == 1
