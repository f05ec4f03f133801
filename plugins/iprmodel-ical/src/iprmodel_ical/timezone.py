# SPDX-License-Identifier: MIT
"""The one VTIMEZONE every feed carries: Europe/Oslo as two RRULE-based rules.

Outlook shifts events by an hour when a VTIMEZONE lists transitions as long RDATE
lists (what ``icalendar``'s ``add_missing_timezones`` writes) or is missing, and it
wants exactly one STANDARD and one DAYLIGHT. Norway follows the EU rule since 1996:
summer time from the last Sunday of March at 02:00 (CET) to the last Sunday of
October at 03:00 (CEST). The tests check this definition against the tz database
for every month and every transition from 2020 to 2060, so they fail if the rules
change (the EU has discussed abolishing the clock change).

>>> print(VTIMEZONE_LINES[0], VTIMEZONE_LINES[1], sep="\\n")
BEGIN:VTIMEZONE
TZID:Europe/Oslo
"""

from __future__ import annotations

from typing import Final

__all__ = ["TZID", "VTIMEZONE", "VTIMEZONE_LINES"]

#: The time zone of every DTSTART/DTEND in a feed.
TZID: Final = "Europe/Oslo"

#: The content lines of the VTIMEZONE component, without line endings.
VTIMEZONE_LINES: Final = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    f"X-LIC-LOCATION:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)

#: The VTIMEZONE component as text with CRLF line endings.
VTIMEZONE: Final = "".join(line + "\r\n" for line in VTIMEZONE_LINES)
