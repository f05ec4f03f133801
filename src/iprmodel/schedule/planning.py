# SPDX-License-Identifier: MIT
"""Meeting planning (møteplan): propose a year's meetings for a body from its rules.

A body's rules say how often it meets (``Body.meetings_per_year``: Hadeland's
representantskap five times, Hallingtinget twice, Regionrådet for Hallingdal 8-10).
:func:`plan_year` spreads that many meetings evenly across the year on a preferred
weekday and time, and moves a meeting off a date when

* the date is a Norwegian public holiday (lov om helligdager og helligdagsfred § 2,
  and 1 and 17 May; taken from :mod:`holidays`),
* it falls in a blackout period (Christmas and New Year, July, the winter and autumn
  school holiday weeks, Easter week, or periods the council adds),
* a person appointed to the body has another meeting then, in any body of any
  council in the register (the mayor of Gol in Regionrådet and in Hallingtinget;
  Jevnaker's mayor in both Hadeland and Ringeriksregionen), or
* it is too close to another proposed meeting of the same plan.

Every date passed over is kept in :attr:`MeetingPlan.skipped` with its reason, so a
secretariat can see why the plan looks as it does. The result is a pure function of
the register and the options: no clock, no randomness. Proposed meetings are marked
``illustrative`` (they are not decided dates) and are numbered 1..N within the year
(koml. § 11-2 leaves the meeting plan to the body itself).

>>> from iprmodel.model import Body, BodyKind, Council, CountRange, LocalizedText, Register
>>> body = Body(id="radet", kind=BodyKind.COUNCIL_BOARD, name=LocalizedText(nb="Rådet"),
...             meetings_per_year=CountRange(min=2, max=2))
>>> register = Register(councils=(Council(
...     id="demo", formal_name=LocalizedText(nb="Demo interkommunalt politisk råd"),
...     bodies=(body,)),))
>>> plan = plan_year(register, body="radet", year=2026)
>>> [m.start.isoformat() for m in plan.proposals]
['2026-03-26T10:00:00+01:00', '2026-09-24T10:00:00+02:00']
>>> print(format_plan(plan, "nn"))
Møteplan 2026 for Rådet: 2 møte
1. torsdag 26. mars 2026, kl. 10:00–14:00
2. torsdag 24. september 2026, kl. 10:00–14:00
<BLANKLINE>
Datoar som vart hoppa over:
2026-04-02 (møte 1): heilagdag: Skjærtorsdag
2026-10-01 (møte 2): møtefri periode: haustferie (veke 40)
<BLANKLINE>
Datoane er eit forslag; organet vedtek sjølv møteplanen sin.
<BLANKLINE>
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, ClassVar, Final

import attrs
import holidays
from holidays.countries.norway import Norway

from iprmodel.errors import TemplatedError
from iprmodel.l10n import LOCALEDIR, translator
from iprmodel.l10n.dates import long_date
from iprmodel.model import (
    Appointment,
    Body,
    Council,
    LocalizedText,
    Meeting,
    MeetingStatus,
    Register,
)
from iprmodel.model._fields import OSLO, SLUG_MAX
from iprmodel.model.text import Locale

__all__ = [
    "DOMAIN",
    "CountPolicy",
    "MeetingPlan",
    "Period",
    "PlanOptions",
    "PlanningError",
    "SkipReason",
    "SkippedDate",
    "default_blackouts",
    "easter_sunday",
    "format_plan",
    "plan_year",
]

#: The gettext domain of the planning words (``iprmodel_schedule.po`` in the core catalogs).
DOMAIN: Final = "iprmodel_schedule"


class PlanningError(TemplatedError, LookupError):
    """The plan cannot be made: unknown or ambiguous council or body, or a bad option.

    ``template`` is an English message template with named ``params``, translated in
    the ``iprmodel_schedule`` catalog.
    """

    domain: ClassVar[str] = "iprmodel_schedule"


class CountPolicy(enum.Enum):
    """Which count to plan for when the rules give a range (8-10 meetings a year)."""

    MIN = "min"
    MIDPOINT = "midpoint"  # rounded up
    MAX = "max"


class SkipReason(enum.Enum):
    """Why a date was passed over."""

    HOLIDAY = "holiday"
    BLACKOUT = "blackout"
    CONFLICT = "conflict"
    TOO_CLOSE = "too_close"
    CLOCK_CHANGE = "clock_change"


def _check_date(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise PlanningError("{field} must be a date", field=attribute.name)


@attrs.frozen(kw_only=True)
class Period:
    """A blackout period (inclusive dates) in which no meeting is put, with its reason.

    ``reason`` is either an English message template from the planning catalog
    (translated when shown) or a :class:`~iprmodel.model.LocalizedText` the council
    wrote itself. ``params`` fill the template.

    >>> Period(start=date(2026, 7, 1), end=date(2026, 7, 31), reason="summer holiday (July)")
    ... # doctest: +ELLIPSIS
    Period(start=datetime.date(2026, 7, 1), end=datetime.date(2026, 7, 31), ...)
    """

    start: date = attrs.field(validator=_check_date)
    end: date = attrs.field(validator=_check_date)
    reason: str | LocalizedText
    params: tuple[tuple[str, str], ...] = ()

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise PlanningError(
                "blackout period ends ({end}) before it starts ({start})",
                start=self.start.isoformat(),
                end=self.end.isoformat(),
            )

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def easter_sunday(year: int) -> date:
    """Easter Sunday (første påskedag) in the Gregorian calendar.

    The anonymous Gregorian algorithm (Meeus/Jones/Butcher); the movable public
    holidays hang on it, and so does Easter week.

    >>> easter_sunday(2026)
    datetime.date(2026, 4, 5)
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 90) // 25
    day = (h + weekday_shift - 7 * m + 33 * month + 19) % 32
    return date(year, month, day)


def default_blackouts(
    year: int, *, winter_week: int | None = 8, autumn_week: int | None = 40
) -> tuple[Period, ...]:
    """The usual periods without meetings in ``year``.

    Christmas and New Year (20 December to 3 January), July (fellesferie), Easter
    week (Monday before Easter to Easter Monday) and the winter and autumn school
    holiday weeks (ISO week numbers; ``None`` leaves one out). School holiday weeks
    differ between counties, so they are parameters.

    >>> [(p.start.isoformat(), p.end.isoformat()) for p in default_blackouts(2026)][:3]
    [('2026-01-01', '2026-01-03'), ('2026-02-16', '2026-02-22'), ('2026-03-30', '2026-04-06')]
    """
    sunday = easter_sunday(year)
    periods = [
        Period(start=date(year, 1, 1), end=date(year, 1, 3), reason="Christmas and New Year"),
        Period(
            start=sunday - timedelta(days=6),
            end=sunday + timedelta(days=1),
            reason="Easter week",
        ),
        Period(start=date(year, 7, 1), end=date(year, 7, 31), reason="summer holiday (July)"),
        Period(start=date(year, 12, 20), end=date(year, 12, 31), reason="Christmas and New Year"),
    ]
    for week, template in (
        (winter_week, "winter school holiday (week {week})"),
        (autumn_week, "autumn school holiday (week {week})"),
    ):
        if week is None:
            continue
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            raise PlanningError(
                "week {week} does not exist in {year}", week=week, year=year
            ) from None
        periods.append(
            Period(
                start=monday,
                end=monday + timedelta(days=6),
                reason=template,
                params=(("week", str(week)),),
            )
        )
    return tuple(sorted(periods, key=lambda p: (p.start, p.end)))


def _check_weekday(_inst: object, _attribute: object, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 6:
        raise PlanningError("weekday must be 0 (Monday) to 6 (Sunday), got {value}", value=value)


def _check_count(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 52:
        raise PlanningError(
            "{field} must be a whole number from 1 to 52, got {value}",
            field=attribute.name,
            value=value,
        )


def _check_duration(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, timedelta) or value < timedelta(0) or value > timedelta(hours=24):
        raise PlanningError("{field} must be between 0 and 24 hours", field=attribute.name)


@attrs.frozen(kw_only=True)
class PlanOptions:
    """How to plan: count, weekday, time, blackouts and conflict margins.

    Args:
        count: Meetings to plan; ``None`` takes it from ``Body.meetings_per_year``.
        count_policy: Which count to take when the rules give a range. The default,
            the maximum, plans every meeting the rules allow: cancelling a planned
            meeting is easier than finding a free date for an extra one.
        fallback_count: The count when the body has no rule (four: one a quarter).
        weekday: Preferred weekday, 0 Monday to 6 Sunday (default Thursday).
        start: Local start time in Europe/Oslo.
        duration: Length of a meeting.
        winter_week: ISO week of the winter school holiday (``None``: none).
        autumn_week: ISO week of the autumn school holiday (``None``: none).
        standard_blackouts: Whether to use :func:`default_blackouts` at all.
        blackouts: Further periods the council defines.
        min_gap_days: Least number of days between two proposed meetings.
        conflict_margin: Time kept free before and after a person's other meetings
            (travel between towns).
    """

    count: int | None = attrs.field(default=None, validator=_check_count)
    count_policy: CountPolicy = attrs.field(
        default=CountPolicy.MAX, validator=attrs.validators.instance_of(CountPolicy)
    )
    fallback_count: int = attrs.field(default=4, validator=_check_count)
    weekday: int = attrs.field(default=3, validator=_check_weekday)
    start: time = attrs.field(default=time(10, 0), validator=attrs.validators.instance_of(time))
    duration: timedelta = attrs.field(default=timedelta(hours=4), validator=_check_duration)
    winter_week: int | None = 8
    autumn_week: int | None = 40
    standard_blackouts: bool = True
    blackouts: tuple[Period, ...] = attrs.field(default=(), converter=tuple)
    min_gap_days: int = attrs.field(default=14, validator=attrs.validators.ge(0))
    conflict_margin: timedelta = attrs.field(default=timedelta(hours=2), validator=_check_duration)


@attrs.frozen(kw_only=True)
class SkippedDate:
    """A date passed over while placing meeting ``number``, and why.

    ``number`` is 0 for a meeting no date could be found for at all.

    ``template`` is an English message template of the planning catalog and
    ``params`` fill it; ``period`` is the blackout period for ``blackout``.
    """

    day: date
    number: int
    reason: SkipReason
    template: str
    params: tuple[tuple[str, str], ...] = ()
    period: Period | None = None


@attrs.frozen(kw_only=True)
class MeetingPlan:
    """A proposed year of meetings for one body.

    ``proposals`` are :class:`~iprmodel.model.Meeting` objects marked
    ``illustrative``, numbered in date order; ``unplaced`` counts the meetings for
    which no date was left.
    """

    council: str
    body: str
    body_name: LocalizedText
    year: int
    count: int
    proposals: tuple[Meeting, ...]
    skipped: tuple[SkippedDate, ...]
    unplaced: int = 0


def _find_body(register: Register, council: str | None, body: str) -> tuple[Council, Body]:
    if council is not None:
        found = register.council(council)
        if found is None:
            raise PlanningError(
                "no council with id {id}; known: {known}",
                id=repr(council),
                known=", ".join(c.id for c in register.councils) or "-",
            )
        candidates = [found]
    else:
        candidates = list(register.councils)
    matches = [(c, b) for c in candidates for b in c.bodies if b.id == body]
    if not matches:
        known = sorted({b.id for c in candidates for b in c.bodies})
        raise PlanningError(
            "no body with id {id}; known: {known}", id=repr(body), known=", ".join(known) or "-"
        )
    if len(matches) > 1:
        raise PlanningError(
            "body {id} exists in several councils ({councils}); name the council",
            id=repr(body),
            councils=", ".join(c.id for c, _ in matches),
        )
    return matches[0]


def _count(body: Body, options: PlanOptions) -> int:
    if options.count is not None:
        return options.count
    rule = body.meetings_per_year
    if rule is None or rule.max == 0:
        return options.fallback_count
    if options.count_policy is CountPolicy.MIN:
        return max(rule.min, 1)
    if options.count_policy is CountPolicy.MIDPOINT:
        return max(-(-(rule.min + rule.max) // 2), 1)
    return rule.max


def _active(appointment: Appointment, start: date, end: date) -> bool:
    return (appointment.valid_from is None or appointment.valid_from <= end) and (
        appointment.valid_to is None or start <= appointment.valid_to
    )


def _busy_times(
    register: Register, council: Council, body: Body, year: int
) -> list[tuple[datetime, datetime, str, str]]:
    """(start, end, person, meeting id) of the other meetings the body's people attend."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    people = sorted(
        {a.person for a in council.appointments if a.body == body.id and _active(a, first, last)}
    )
    busy: list[tuple[datetime, datetime, str, str]] = []
    if not people:
        return busy
    wanted = set(people)
    for other in register.councils:
        seats: dict[str, list[Appointment]] = {}
        for appointment in other.appointments:
            if appointment.person in wanted:
                seats.setdefault(appointment.body, []).append(appointment)
        if not seats:
            continue
        for meeting in other.meetings:
            if meeting.status is MeetingStatus.CANCELLED:
                continue
            bodies = (meeting.body, *meeting.joint_bodies)
            if other.id == council.id and body.id in bodies:
                continue  # the body's own meetings are what the plan replaces
            day = meeting.start.date()
            for body_id in bodies:
                for appointment in seats.get(body_id, ()):
                    if _active(appointment, day, day):
                        # In UTC: arithmetic and comparison on Oslo wall times go wrong around DST.
                        busy.append(
                            (
                                meeting.start.astimezone(UTC),
                                meeting.end.astimezone(UTC),
                                appointment.person,
                                meeting.id,
                            )
                        )
    busy.sort(key=lambda b: (b[0], b[1], b[2], b[3]))
    return busy


def _meeting_id(body: str, year: int, number: int) -> str:
    candidate = f"{body}-{year}-{number}"
    if len(candidate) <= SLUG_MAX:
        return candidate
    # Long body ids: keep a readable prefix and a stable digest so ids stay unique.
    digest = hashlib.sha256(body.encode()).hexdigest()[:8]
    head = body[: SLUG_MAX - len(f"-{digest}-{year}-{number}")].rstrip("-")
    return f"{head}-{digest}-{year}-{number}"


def _local(day: date, at: time) -> tuple[datetime | None, str]:
    """The aware start on ``day`` at ``at``; ``None`` and a reason if the clock skips it."""
    naive = datetime.combine(day, at)
    first = naive.replace(tzinfo=OSLO, fold=0)
    second = naive.replace(tzinfo=OSLO, fold=1)
    if first.utcoffset() == second.utcoffset():
        return first, ""
    # The offsets differ: the time is either skipped (spring) or happens twice (autumn).
    round_trip = first.astimezone(UTC).astimezone(OSLO)
    if round_trip.replace(tzinfo=None) != naive:
        return None, "the clock jumps past {time} that day (summer time starts)"
    return None, "{time} happens twice that day (summer time ends)"


def _candidates(year: int, weekday: int, target: date) -> list[date]:
    """Every ``weekday`` in ``year``, nearest to ``target`` first (earlier on a tie)."""
    first = date(year, 1, 1)
    first += timedelta(days=(weekday - first.weekday()) % 7)
    days = []
    day = first
    while day.year == year:
        days.append(day)
        day += timedelta(days=7)
    return sorted(days, key=lambda d: (abs((d - target).days), d))


def plan_year(
    register: Register,
    *,
    council: str | None = None,
    body: str,
    year: int,
    options: PlanOptions | None = None,
) -> MeetingPlan:
    """Propose ``year``'s meetings for ``body``.

    Args:
        register: Where the body, its appointments and everyone's other meetings are.
        council: The council's id; needed only when ``body`` is not unique.
        body: The body's id.
        year: The calendar year to plan (1901-2100, the years :mod:`holidays` knows).
        options: How to plan; :class:`PlanOptions` has the defaults.

    Returns:
        The plan: proposed meetings, every date passed over with its reason, and
        the numbers of meetings no date could be found for.

    Raises:
        PlanningError: The council or body is unknown or ambiguous, or the year is
            out of range.
    """
    options = options or PlanOptions()
    # holidays knows Norway's public holidays for these years only; outside them a
    # plan would silently ignore every holiday.
    first, last = Norway.start_year, Norway.end_year
    if isinstance(year, bool) or not isinstance(year, int) or not first <= year <= last:
        raise PlanningError(
            "year must be from {first} to {last}, got {year}", first=first, last=last, year=year
        )
    found_council, found_body = _find_body(register, council, body)
    count = _count(found_body, options)
    year_days = (date(year + 1, 1, 1) - date(year, 1, 1)).days
    if count > year_days:
        # At most one meeting a day is proposed: a larger count (a typing error in
        # meetings_per_year) would try every day of the year for each meeting.
        raise PlanningError(
            "{count} meetings a year cannot be planned: at most one a day, {days} this year",
            count=count,
            days=year_days,
        )
    public_holidays = holidays.country_holidays("NO", language="no", years=year)
    blackouts = (
        default_blackouts(year, winter_week=options.winter_week, autumn_week=options.autumn_week)
        if options.standard_blackouts
        else ()
    ) + tuple(options.blackouts)
    busy = _busy_times(register, found_council, found_body, year)
    persons = {p.id: p.name for p in register.persons}
    modified = datetime(year, 1, 1, tzinfo=OSLO)  # fixed from the year: same input, same plan

    chosen: dict[int, datetime] = {}
    skipped: list[SkippedDate] = []
    unplaced: list[int] = []
    for number in range(1, count + 1):
        # Evenly spread targets: the middle of each of ``count`` equal slices of the year.
        target = date(year, 1, 1) + timedelta(days=((2 * number - 1) * year_days) // (2 * count))
        tried: list[SkippedDate] = []
        placed: datetime | None = None
        for day in _candidates(year, options.weekday, target):
            reason = _why_not(
                day,
                number,
                options=options,
                public_holidays=public_holidays,
                blackouts=blackouts,
                busy=busy,
                persons=persons,
                chosen=chosen,
            )
            if isinstance(reason, datetime):
                placed = reason
                break
            tried.append(reason)
        if placed is None:
            unplaced.append(number)
            # Every candidate failed. Keep the telling reasons (holiday, clash, clock
            # change), numbered 0; the many blackout and spacing refusals would drown them.
            skipped.extend(
                attrs.evolve(s, number=0)
                for s in tried
                if s.reason not in (SkipReason.BLACKOUT, SkipReason.TOO_CLOSE)
            )
            continue
        chosen[number] = placed
        skipped.extend(tried)

    # Number the proposals in date order; a pushed-back meeting may overtake the next.
    order = sorted(chosen, key=lambda n: chosen[n])
    renumber = {slot: index for index, slot in enumerate(order, 1)}
    proposals = []
    for slot in order:
        start = chosen[slot]
        index = renumber[slot]
        end = (start.astimezone(UTC) + options.duration).astimezone(OSLO)
        proposals.append(
            Meeting(
                id=_meeting_id(found_body.id, year, index),
                body=found_body.id,
                number=index,
                start=start,
                end=end if end > start else start + timedelta(minutes=1),
                modified=modified,
                status=MeetingStatus.PLANNED,
                illustrative=True,
            )
        )
    renumber[0] = 0
    skipped = [attrs.evolve(s, number=renumber[s.number]) for s in skipped]
    return MeetingPlan(
        council=found_council.id,
        body=found_body.id,
        body_name=found_body.everyday_name or found_body.name,
        year=year,
        count=count,
        proposals=tuple(proposals),
        skipped=tuple(sorted(skipped, key=lambda s: (s.number or count + 1, s.day))),
        unplaced=len(unplaced),
    )


def _why_not(
    day: date,
    number: int,
    *,
    options: PlanOptions,
    public_holidays: holidays.HolidayBase,
    blackouts: Iterable[Period],
    busy: list[tuple[datetime, datetime, str, str]],
    persons: dict[str, str],
    chosen: dict[int, datetime],
) -> datetime | SkippedDate:
    """The meeting's start on ``day``, or why ``day`` will not do."""
    name = public_holidays.get(day)
    if name is not None:
        return SkippedDate(
            day=day,
            number=number,
            reason=SkipReason.HOLIDAY,
            template="public holiday: {name}",
            params=(("name", str(name)),),
        )
    for period in blackouts:
        if day in period:
            return SkippedDate(
                day=day,
                number=number,
                reason=SkipReason.BLACKOUT,
                template="blackout: {reason}",
                params=(("reason", _english(period)),),
                period=period,
            )
    start, clock = _local(day, options.start)
    if start is None:
        return SkippedDate(
            day=day,
            number=number,
            reason=SkipReason.CLOCK_CHANGE,
            template=clock,
            params=(("time", options.start.strftime("%H:%M")),),
        )
    end = (start.astimezone(UTC) + options.duration).astimezone(OSLO)
    for other_number, other in sorted(chosen.items()):
        if abs((other.date() - day).days) < options.min_gap_days:
            return SkippedDate(
                day=day,
                number=number,
                reason=SkipReason.TOO_CLOSE,
                template="less than {days} days from proposed meeting {other}",
                params=(("days", str(options.min_gap_days)), ("other", str(other_number))),
            )
    margin = options.conflict_margin
    start_utc, end_utc = start.astimezone(UTC), end.astimezone(UTC)
    for busy_start, busy_end, person, meeting_id in busy:
        if busy_start - margin < end_utc and start_utc < busy_end + margin:
            return SkippedDate(
                day=day,
                number=number,
                reason=SkipReason.CONFLICT,
                template="{person} has meeting {meeting} then",
                params=(("person", persons.get(person, person)), ("meeting", meeting_id)),
            )
    return start


def _english(period: Period) -> str:
    if isinstance(period.reason, LocalizedText):
        return period.reason.get("en")
    return period.reason.format(**dict(period.params))


def _holiday_name(day: date, norwegian: str, locale: Locale) -> str:
    if locale != "en":
        return norwegian
    english = holidays.country_holidays("NO", language="en_US", years=day.year).get(day)
    return str(english) if english else norwegian


def _reason_text(skip: SkippedDate, locale: Locale) -> str:
    _ = translator(locale, DOMAIN, LOCALEDIR).gettext
    params = dict(skip.params)
    if skip.reason is SkipReason.HOLIDAY:
        params["name"] = _holiday_name(skip.day, params.get("name", ""), locale)
    if skip.period is not None:
        period = skip.period
        if isinstance(period.reason, LocalizedText):
            params["reason"] = period.reason.get(locale)
        else:
            params["reason"] = _(period.reason).format(**dict(period.params))
    return _(skip.template).format(**params)


def format_plan(plan: MeetingPlan, locale: Locale) -> str:
    """The plan as text for people, in ``locale`` (``nb``, ``nn`` or ``en``).

    One line per proposed meeting, then every date passed over with its reason.
    """
    _ = translator(locale, DOMAIN, LOCALEDIR).gettext
    ngettext = translator(locale, DOMAIN, LOCALEDIR).ngettext
    lines = [
        ngettext(
            "Meeting plan {year} for {body}: {count} meeting",
            "Meeting plan {year} for {body}: {count} meetings",
            len(plan.proposals),
        ).format(year=plan.year, body=plan.body_name.get(locale), count=len(plan.proposals))
    ]
    for meeting in plan.proposals:
        lines.append(
            _("{number}. {day}, {start}–{end}").format(
                number=meeting.number,
                day=long_date(meeting.start.date(), locale),
                start=meeting.start.strftime("%H:%M"),
                end=meeting.end.strftime("%H:%M"),
            )
        )
    if plan.unplaced:
        lines.append(
            ngettext(
                "No free date was found for {count} more meeting.",
                "No free date was found for {count} more meetings.",
                plan.unplaced,
            ).format(count=plan.unplaced)
        )
    if plan.skipped:
        lines.append("")
        lines.append(_("Dates passed over:"))
        for skip in plan.skipped:
            template = (
                _("{day} (meeting {number}): {reason}")
                if skip.number
                else _("{day} (meeting without a date): {reason}")
            )
            lines.append(
                template.format(
                    day=skip.day.isoformat(), number=skip.number, reason=_reason_text(skip, locale)
                )
            )
    lines.append("")
    lines.append(_("These dates are a proposal; the body decides its own meeting plan."))
    return "\n".join(lines) + "\n"
