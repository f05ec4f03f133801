# SPDX-License-Identifier: MIT
"""Meeting planning: count, spacing, holidays, blackouts, DST, clashes, determinism."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import holidays
import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iprmodel.model import (
    Appointment,
    Body,
    BodyKind,
    Council,
    CountRange,
    LocalizedText,
    Meeting,
    MeetingStatus,
    Person,
    Register,
)
from iprmodel.model._fields import OSLO
from iprmodel.schedule import (
    CountPolicy,
    Period,
    PlanningError,
    PlanOptions,
    SkipReason,
    default_blackouts,
    easter_sunday,
    format_plan,
    plan_year,
)

LOCALEDIR = Path(__file__).parents[2] / "src" / "iprmodel" / "l10n" / "locale"


def _meeting(mid: str, body: str, start: datetime, hours: int = 4) -> Meeting:
    return Meeting(
        id=mid,
        body=body,
        number=1,
        start=start,
        end=start + timedelta(hours=hours),
        modified=datetime(2025, 12, 1, tzinfo=OSLO),
        status=MeetingStatus.CONVENED,
    )


def _body(bid: str, low: int | None, high: int | None, kind: BodyKind) -> Body:
    return Body(
        id=bid,
        kind=kind,
        name=LocalizedText(nn=bid.capitalize()),
        meetings_per_year=None if low is None or high is None else CountRange(min=low, max=high),
    )


def _register(*, hallingting_meeting: datetime | None = None) -> Register:
    """Hallingdal-like: the mayor of Gol sits in Regionrådet and Hallingtinget;
    the mayor of Jevnaker sits in Hadeland's and Ringerike's representantskap."""
    hallingdal = Council(
        id="hallingdal",
        formal_name=LocalizedText(nn="Hallingdal interkommunale politiske råd"),
        bodies=(
            _body("regionradet", 8, 10, BodyKind.COUNCIL_BOARD),
            _body("hallingtinget", 2, 2, BodyKind.REPRESENTANTSKAP),
            _body("forum", None, None, BodyKind.FORUM),
        ),
        appointments=(
            Appointment(id="a1", person="ordforar-gol", body="regionradet", participant="gol"),
            Appointment(id="a2", person="ordforar-gol", body="hallingtinget", participant="gol"),
            Appointment(id="a3", person="ordforar-al", body="regionradet", participant="al"),
        ),
        meetings=(
            ()
            if hallingting_meeting is None
            else (_meeting("hallingtinget-2026-1", "hallingtinget", hallingting_meeting),)
        ),
    )
    hadeland = Council(
        id="hadeland",
        formal_name=LocalizedText(nb="Hadeland interkommunale politiske råd"),
        bodies=(_body("representantskap", 5, 5, BodyKind.REPRESENTANTSKAP),),
        appointments=(
            Appointment(
                id="h1", person="ordforer-jevnaker", body="representantskap", participant="j"
            ),
        ),
    )
    ringerike = Council(
        id="ringerike",
        formal_name=LocalizedText(nb="Ringeriksregionen interkommunale politiske råd"),
        bodies=(_body("representantskap", 4, 4, BodyKind.REPRESENTANTSKAP),),
        appointments=(
            Appointment(
                id="r1", person="ordforer-jevnaker", body="representantskap", participant="j"
            ),
        ),
        meetings=(
            # Planned in the afternoon of the Thursday Hadeland's plan would pick first.
            _meeting(
                "ringerike-rs-2026-1", "representantskap", datetime(2026, 2, 5, 13, 0, tzinfo=OSLO)
            ),
        ),
    )
    return Register(
        persons=(
            Person(id="ordforar-gol", name="Ordførar i Gol", placeholder=True),
            Person(id="ordforar-al", name="Ordførar i Ål", placeholder=True),
            Person(id="ordforer-jevnaker", name="Ordfører i Jevnaker", placeholder=True),
        ),
        councils=(hallingdal, hadeland, ringerike),
    )


def _only(day: date, year: int) -> tuple[Period, ...]:
    """Blackouts covering every day of ``year`` except ``day``."""
    periods = []
    if day > date(year, 1, 1):
        periods.append(
            Period(start=date(year, 1, 1), end=day - timedelta(days=1), reason="Easter week")
        )
    if day < date(year, 12, 31):
        periods.append(
            Period(start=day + timedelta(days=1), end=date(year, 12, 31), reason="Easter week")
        )
    return tuple(periods)


def test_count_follows_the_body_rules_and_policy() -> None:
    """8-10 meetings: max by default, min and rounded-up midpoint on request; no rule: 4."""
    register = _register()
    plans = {
        policy: plan_year(
            register,
            body="regionradet",
            year=2026,
            options=PlanOptions(count_policy=policy),
        )
        for policy in CountPolicy
    }

    assert [len(plans[p].proposals) for p in CountPolicy] == [8, 9, 10]
    assert len(plan_year(register, body="hallingtinget", year=2026).proposals) == 2
    assert len(plan_year(register, body="forum", year=2026).proposals) == 4
    assert (
        len(
            plan_year(
                register, body="regionradet", year=2026, options=PlanOptions(count=6)
            ).proposals
        )
        == 6
    )


def test_spacing_weekday_time_and_ids() -> None:
    """Meetings fall on the weekday and time asked for, spread through the year."""
    plan = plan_year(register := _register(), body="regionradet", year=2026)
    starts = [m.start for m in plan.proposals]

    assert plan.council == "hallingdal"
    assert [m.number for m in plan.proposals] == list(range(1, 11))
    assert [m.id for m in plan.proposals] == [f"regionradet-2026-{n}" for n in range(1, 11)]
    assert all(s.weekday() == 3 and s.time() == time(10, 0) for s in starts)
    assert all(m.end - m.start == timedelta(hours=4) for m in plan.proposals)
    assert all(m.illustrative and m.status is MeetingStatus.PLANNED for m in plan.proposals)
    assert all(m.modified == datetime(2026, 1, 1, tzinfo=OSLO) for m in plan.proposals)
    gaps = [(b - a).days for a, b in itertools.pairwise(starts)]
    assert min(gaps) >= 14
    # Spread: one meeting in each half of the year at least, none more than ~2 months apart.
    assert starts[0].month <= 2
    assert starts[-1].month >= 11
    assert max(gaps) <= 63
    del register

    friday = plan_year(
        _register(),
        body="hallingtinget",
        year=2026,
        options=PlanOptions(weekday=4, start=time(9, 30), duration=timedelta(hours=6)),
    )
    assert [(m.start.weekday(), m.start.time(), m.end.time()) for m in friday.proposals] == [
        (4, time(9, 30), time(15, 30))
    ] * 2
    # Hallingtinget meets twice: once in spring, once in autumn.
    assert [m.start.month for m in friday.proposals] in ([3, 9], [4, 9], [3, 10], [4, 10])


def test_holidays_are_skipped_with_their_names() -> None:
    """Skjærtorsdag is passed over and named; no proposal is on a public holiday."""
    plan = plan_year(_register(), body="hallingtinget", year=2026)
    no = holidays.country_holidays("NO", language="no", years=2026)

    holiday_skips = [s for s in plan.skipped if s.reason is SkipReason.HOLIDAY]
    assert [(s.day, dict(s.params)["name"]) for s in holiday_skips] == [
        (date(2026, 4, 2), "Skjærtorsdag")
    ]
    assert not any(m.start.date() in no for m in plan.proposals)
    assert "2026-04-02 (møte 1): heilagdag: Skjærtorsdag" in format_plan(plan, "nn")
    assert "2026-04-02 (møte 1): helligdag: Skjærtorsdag" in format_plan(plan, "nb")
    assert "2026-04-02 (meeting 1): public holiday: Maundy Thursday" in format_plan(plan, "en")

    ascension = plan_year(
        _register(),
        body="forum",
        year=2026,
        options=PlanOptions(count=1, blackouts=_only(date(2026, 5, 14), 2026)),
    )
    assert ascension.proposals == ()
    assert ascension.unplaced == 1
    assert "2026-05-14 (møte uten dato): helligdag: Kristi himmelfartsdag" in format_plan(
        ascension, "nb"
    )


def test_blackouts_are_skipped_with_their_reason() -> None:
    """Default and council-defined blackouts are never used, and each skip says which."""
    municipal_election = Period(
        start=date(2026, 9, 14),
        end=date(2026, 10, 16),
        reason=LocalizedText(nb="kommunevalg", nn="kommuneval", en="municipal election"),
    )
    plan = plan_year(
        _register(),
        body="regionradet",
        year=2026,
        options=PlanOptions(blackouts=(municipal_election,), autumn_week=41),
    )
    periods = (*default_blackouts(2026, autumn_week=41), municipal_election)

    assert not any(m.start.date() in p for m in plan.proposals for p in periods)
    reasons = {s.period for s in plan.skipped if s.reason is SkipReason.BLACKOUT}
    assert municipal_election in reasons
    assert any(p is not None and p.reason == "summer holiday (July)" for p in reasons)
    nn = format_plan(plan, "nn")
    assert "møtefri periode: kommuneval" in nn
    assert "møtefri periode: sommarferie (juli)" in nn
    assert "blackout: municipal election" in format_plan(plan, "en")


def test_default_blackouts() -> None:
    """Christmas/New Year at both ends, Easter week, July and the school holiday weeks."""
    periods = default_blackouts(2027, winter_week=9, autumn_week=None)

    assert [(p.start, p.end, p.reason) for p in periods] == [
        (date(2027, 1, 1), date(2027, 1, 3), "Christmas and New Year"),
        (date(2027, 3, 1), date(2027, 3, 7), "winter school holiday (week {week})"),
        (date(2027, 3, 22), date(2027, 3, 29), "Easter week"),
        (date(2027, 7, 1), date(2027, 7, 31), "summer holiday (July)"),
        (date(2027, 12, 20), date(2027, 12, 31), "Christmas and New Year"),
    ]
    with pytest.raises(PlanningError, match="week 53 does not exist in 2027"):
        default_blackouts(2027, winter_week=53)
    with pytest.raises(PlanningError, match="ends"):
        Period(start=date(2026, 2, 1), end=date(2026, 1, 1), reason="x")


def test_easter_matches_holidays() -> None:
    """Our Easter Sunday is holidays' Første påskedag in every year it knows."""
    for year in range(1901, 2101, 7):
        no = holidays.country_holidays("NO", language="no", years=year)
        assert no.get(easter_sunday(year)) == "Første påskedag"


def test_dst_skipped_and_ambiguous_hours() -> None:
    """02:30 does not exist on the spring day and happens twice on the autumn day."""
    night = time(2, 30)
    for day, text in (
        (date(2026, 3, 29), "the clock jumps past 02:30 that day (summer time starts)"),
        (date(2026, 10, 25), "02:30 happens twice that day (summer time ends)"),
    ):
        # Each day is the only one left, so it is tried, refused for the clock, and the
        # meeting stays unplaced; the refusal is on record with the right reason.
        plan = plan_year(
            _register(),
            body="forum",
            year=2026,
            options=PlanOptions(
                count=1,
                weekday=6,
                start=night,
                standard_blackouts=False,
                blackouts=_only(day, 2026),
            ),
        )
        assert plan.proposals == ()
        assert plan.unplaced == 1
        assert "No free date was found for 1 more meeting." in format_plan(plan, "en")
        assert [
            (s.day, s.reason, s.template.format(**dict(s.params)))
            for s in plan.skipped
            if s.reason is SkipReason.CLOCK_CHANGE
        ] == [(day, SkipReason.CLOCK_CHANGE, text)]
        assert f"{day.isoformat()} (meeting without a date): {text}" in format_plan(plan, "en")


def test_dst_day_meeting_keeps_its_real_length() -> None:
    """A meeting across the spring change lasts its duration in real time, not wall time."""
    day = date(2026, 3, 29)
    plan = plan_year(
        _register(),
        body="forum",
        year=2026,
        options=PlanOptions(
            count=1,
            weekday=6,
            start=time(1, 0),
            standard_blackouts=False,
            blackouts=_only(day, 2026),
        ),
    )
    (meeting,) = plan.proposals

    assert meeting.start.isoformat() == "2026-03-29T01:00:00+01:00"
    assert meeting.end.isoformat() == "2026-03-29T06:00:00+02:00"
    assert meeting.end.astimezone(UTC) - meeting.start.astimezone(UTC) == timedelta(hours=4)


def test_summer_and_winter_offsets() -> None:
    """10:00 local is +01:00 in winter and +02:00 in summer."""
    plan = plan_year(_register(), body="regionradet", year=2026)
    offsets = {m.start.month: m.start.utcoffset() for m in plan.proposals}

    assert offsets[min(offsets)] == timedelta(hours=1)
    assert offsets[6] == timedelta(hours=2) if 6 in offsets else True
    assert all(
        o == (timedelta(hours=2) if 4 <= month <= 9 else timedelta(hours=1))
        for month, o in offsets.items()
    )


def test_conflict_with_the_mayors_other_meeting() -> None:
    """Regionrådet avoids the day Hallingtinget meets, because Gol's mayor sits in both."""
    free = plan_year(_register(), body="regionradet", year=2026)
    clash_day = free.proposals[2].start  # the date the plan would pick
    register = _register(hallingting_meeting=clash_day.replace(hour=11))
    plan = plan_year(register, body="regionradet", year=2026)

    conflicts = [s for s in plan.skipped if s.reason is SkipReason.CONFLICT]
    assert [(s.day, dict(s.params)) for s in conflicts] == [
        (
            clash_day.date(),
            {"person": "Ordførar i Gol", "meeting": "hallingtinget-2026-1"},
        )
    ]
    assert clash_day.date() not in {m.start.date() for m in plan.proposals}
    assert "Ordførar i Gol har møtet hallingtinget-2026-1 då" in format_plan(plan, "nn")


def test_conflict_margin_and_cancelled_meetings() -> None:
    """A meeting ending well before is no conflict; a cancelled one never is."""
    free = plan_year(_register(), body="regionradet", year=2026)
    day = free.proposals[2].start
    early = _register(hallingting_meeting=day.replace(hour=6))  # 06-10: inside the 2 h margin
    assert any(
        s.reason is SkipReason.CONFLICT
        for s in plan_year(early, body="regionradet", year=2026).skipped
    )
    relaxed = plan_year(
        early, body="regionradet", year=2026, options=PlanOptions(conflict_margin=timedelta(0))
    )
    assert relaxed.proposals == free.proposals

    council = early.councils[0]
    cancelled = Register(
        persons=early.persons,
        councils=(
            Council(
                id=council.id,
                formal_name=council.formal_name,
                bodies=council.bodies,
                appointments=council.appointments,
                meetings=tuple(
                    Meeting(
                        id=m.id,
                        body=m.body,
                        number=m.number,
                        start=m.start,
                        end=m.end,
                        modified=m.modified,
                        status=MeetingStatus.CANCELLED,
                    )
                    for m in council.meetings
                ),
            ),
            *early.councils[1:],
        ),
    )
    assert plan_year(cancelled, body="regionradet", year=2026).proposals == free.proposals


def test_conflict_across_councils() -> None:
    """Jevnaker's mayor: Hadeland's plan avoids Ringerike's meeting, in another council."""
    plan = plan_year(_register(), council="hadeland", body="representantskap", year=2026)

    conflicts = [s for s in plan.skipped if s.reason is SkipReason.CONFLICT]
    assert [(s.day, dict(s.params)["meeting"]) for s in conflicts] == [
        (date(2026, 2, 5), "ringerike-rs-2026-1")
    ]
    assert date(2026, 2, 5) not in {m.start.date() for m in plan.proposals}


def test_ambiguous_and_unknown_bodies() -> None:
    """Errors name what is wrong and what is known."""
    register = _register()
    with pytest.raises(PlanningError, match="several councils \\(hadeland, ringerike\\)"):
        plan_year(register, body="representantskap", year=2026)
    with pytest.raises(
        PlanningError, match="no body with id 'styret'; known: forum, hallingtinget"
    ):
        plan_year(register, body="styret", year=2026)
    with pytest.raises(PlanningError, match="no council with id 'x'"):
        plan_year(register, council="x", body="forum", year=2026)
    with pytest.raises(PlanningError, match="year must be from 1901 to 2100, got 2101"):
        plan_year(register, body="forum", year=2101)
    with pytest.raises(PlanningError, match="weekday"):
        PlanOptions(weekday=7)
    with pytest.raises(PlanningError, match="count"):
        PlanOptions(count=0)


def test_deterministic() -> None:
    """The same register and options give the same plan and the same text."""
    first = plan_year(_register(), body="regionradet", year=2027)
    second = plan_year(_register(), body="regionradet", year=2027)

    assert first == second
    assert format_plan(first, "nb") == format_plan(second, "nb")


def test_format_plan_in_every_locale() -> None:
    """Weekdays and months come out in the locale's words."""
    plan = plan_year(_register(), body="hallingtinget", year=2026)
    assert "1. torsdag 26. mars 2026, kl. 10:00–14:00" in format_plan(plan, "nb")
    assert "1. torsdag 26. mars 2026, kl. 10:00–14:00" in format_plan(plan, "nn")
    assert "1. Thursday 26 March 2026, 10:00–14:00" in format_plan(plan, "en")
    assert format_plan(plan, "nb").startswith("Møteplan 2026 for Hallingtinget: 2 møter\n")
    assert format_plan(plan, "nn").startswith("Møteplan 2026 for Hallingtinget: 2 møte\n")


@settings(max_examples=40, deadline=None)
@given(
    year=st.integers(1901, 2100),
    weekday=st.integers(0, 6),
    count=st.integers(1, 24),
    hour=st.integers(0, 22),
)
def test_plan_stays_inside_its_year(year: int, weekday: int, count: int, hour: int) -> None:
    """Every proposal is in the year, on the weekday, off holidays and blackouts."""
    options = PlanOptions(count=count, weekday=weekday, start=time(hour, 0))
    plan = plan_year(_register(), body="forum", year=year, options=options)
    no = holidays.country_holidays("NO", language="no", years=year)
    blackouts = default_blackouts(year)

    assert len(plan.proposals) + plan.unplaced == count
    for meeting in plan.proposals:
        day = meeting.start.date()
        assert day.year == year
        assert day.weekday() == weekday
        assert day not in no
        assert not any(day in p for p in blackouts)
        assert meeting.start.hour == hour
    assert all(s.day.year == year for s in plan.skipped)
    assert [m.number for m in plan.proposals] == list(range(1, len(plan.proposals) + 1))


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_catalog_complete_and_compiled(locale: str) -> None:
    """Every planning message is translated, and the .mo matches the .po."""
    folder = LOCALEDIR / locale / "LC_MESSAGES"
    po = polib.pofile(str(folder / "iprmodel_schedule.po"))
    mo = polib.mofile(str(folder / "iprmodel_schedule.mo"))

    for entry in po:
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.values()), entry.msgid
        else:
            assert entry.msgstr, entry.msgid
    assert {(e.msgid, e.msgstr) for e in po if not e.msgid_plural} == {
        (e.msgid, e.msgstr) for e in mo if not e.msgid_plural
    }
    source = (Path(__file__).parents[2] / "src/iprmodel/schedule/planning.py").read_text()
    for entry in po:
        assert entry.msgid in source, entry.msgid  # no stale entries
