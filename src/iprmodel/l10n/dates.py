# SPDX-License-Identifier: MIT
"""Dates and times in words, in Bokmål, Nynorsk and English.

One place for weekday and month names, so the meeting planner, the documents and the
calendar all write "torsdag 23. april 2026" the same way.

>>> from datetime import date
>>> long_date(date(2026, 4, 23), "nn")
'torsdag 23. april 2026'
>>> long_date(date(2026, 4, 23), "en")
'Thursday 23 April 2026'
>>> short_date(date(2026, 4, 23), "nb"), short_date(date(2026, 4, 23), "en")
('23.04.2026', '23 April 2026')
"""

from __future__ import annotations

from datetime import date
from typing import Final

from iprmodel.l10n import translator
from iprmodel.model.text import Locale

__all__ = ["long_date", "month_name", "short_date", "weekday_name"]


def N_(message: str) -> str:
    """Mark ``message`` for the catalog without translating it here."""
    return message


_WEEKDAYS: Final = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
_MONTHS: Final = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)


def weekday_name(day: date, locale: Locale) -> str:
    """The weekday of ``day``: "torsdag" (nb, nn; lower case) or "Thursday" (en)."""
    return translator(locale).gettext(_WEEKDAYS[day.weekday()])


def month_name(month: int, locale: Locale) -> str:
    """The name of ``month`` (1-12): "april" (nb, nn) or "April" (en)."""
    return translator(locale).gettext(_MONTHS[month - 1])


def long_date(day: date, locale: Locale) -> str:
    """Weekday, day, month and year, as a Norwegian or English reader writes it."""
    weekday, month = weekday_name(day, locale), month_name(day.month, locale)
    if locale == "en":
        return f"{weekday} {day.day} {month} {day.year}"
    return f"{weekday} {day.day}. {month} {day.year}"


def short_date(day: date, locale: Locale) -> str:
    """``23.04.2026`` (nb, nn) or ``23 April 2026`` (en)."""
    if locale == "en":
        return f"{day.day} {month_name(day.month, locale)} {day.year}"
    return f"{day.day:02d}.{day.month:02d}.{day.year}"
