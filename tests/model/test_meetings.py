# SPDX-License-Identifier: MIT
"""Meetings: start before end, the all-day midnight rule, agenda order, Oslo time."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from iprmodel.errors import InvalidValue
from iprmodel.model import AgendaItem, ClosedBasis, Meeting, Tally
from iprmodel.model._fields import OSLO


def _meeting(**changes: Any) -> Meeting:
    values: dict[str, Any] = {
        "id": "hallingtinget-2026-1",
        "body": "hallingtinget",
        "number": 1,
        "start": datetime(2026, 4, 23, 10, 0, tzinfo=OSLO),
        "end": datetime(2026, 4, 23, 15, 0, tzinfo=OSLO),
        "modified": datetime(2026, 1, 5, 12, 0, tzinfo=OSLO),
    }
    return Meeting(**{**values, **changes})


def test_start_must_be_before_end() -> None:
    """A meeting that ends when it starts (or earlier) is refused."""
    with pytest.raises(InvalidValue, match="must be before end"):
        _meeting(end=datetime(2026, 4, 23, 10, 0, tzinfo=OSLO))


def test_times_are_compared_as_instants() -> None:
    """08:30 UTC is 10:30 in Oslo in April: after a 10:00 Oslo start."""
    meeting = _meeting(end=datetime(2026, 4, 23, 8, 30, tzinfo=UTC))

    assert meeting.end.isoformat() == "2026-04-23T10:30:00+02:00"


def test_naive_start_is_refused() -> None:
    """A naive datetime has no zone and is refused."""
    with pytest.raises(InvalidValue, match="has no time zone"):
        _meeting(start=datetime(2026, 4, 23, 10, 0))


def test_all_day_meeting_runs_midnight_to_midnight() -> None:
    """An all-day meeting starts and ends at Oslo midnight."""
    meeting = _meeting(
        all_day=True,
        start=datetime(2026, 4, 23, tzinfo=OSLO),
        end=datetime(2026, 4, 25, tzinfo=OSLO),
    )

    assert (meeting.all_day, (meeting.end - meeting.start).days) == (True, 2)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (datetime(2026, 4, 23, 9, 0, tzinfo=OSLO), datetime(2026, 4, 24, tzinfo=OSLO)),
        (datetime(2026, 4, 23, tzinfo=OSLO), datetime(2026, 4, 23, 16, 0, tzinfo=OSLO)),
        # Midnight UTC is 02:00 in Oslo in summer: not an Oslo midnight.
        (
            datetime(2026, 4, 23, tzinfo=UTC),
            datetime(2026, 4, 24, tzinfo=UTC),
        ),
    ],
)
def test_all_day_meeting_not_at_midnight_is_refused(start: datetime, end: datetime) -> None:
    """all_day with a start or end other than Oslo midnight is refused."""
    with pytest.raises(InvalidValue, match="must start and end at midnight"):
        _meeting(all_day=True, start=start, end=end)


def test_agenda_orders_are_unique() -> None:
    """Two agenda items with the same order are refused."""
    items = (
        AgendaItem(id="ps-1", order=1, number="PS 1/2026", title="Budsjett"),
        AgendaItem(id="ps-2", order=1, number="PS 2/2026", title="Rekneskap"),
    )

    with pytest.raises(InvalidValue, match="same order"):
        _meeting(agenda=items)


@pytest.mark.parametrize(("field", "value"), [("number", 0), ("revision", -1)])
def test_counts_have_minimums(field: str, value: int) -> None:
    """Meeting numbers start at 1; revisions at 0."""
    with pytest.raises(InvalidValue, match=f"{field} must be at least"):
        _meeting(**{field: value})


def test_agenda_item_title_required() -> None:
    """An agenda item needs a non-blank title and number."""
    with pytest.raises(InvalidValue, match="title must not be empty"):
        AgendaItem(id="ps-1", order=1, number="PS 1/2026", title=" ")


def test_an_exemption_only_on_a_closed_item() -> None:
    """The offentleglova exemption (unntak frå innsyn) goes with a koml. § 11-5 basis:
    on an open item it would be shown nowhere, so it is refused at the field."""
    with pytest.raises(InvalidValue, match="the item is not closed") as refused:
        AgendaItem(id="ps-1", order=1, number="PS 1/2026", title="Lønn", exemption="offl. § 25")
    assert refused.value.at == "exemption"
    closed = AgendaItem(
        id="ps-1",
        order=1,
        number="PS 1/2026",
        title="Lønn",
        closed_basis=ClosedBasis.EMPLOYEE,
        exemption="offl. § 25 første ledd",
    )
    assert closed.exemption == "offl. § 25 første ledd"


def test_tally_counts_are_not_negative() -> None:
    """Vote counts are whole numbers >= 0."""
    with pytest.raises(InvalidValue, match="votes_against must be at least 0"):
        Tally(votes_for=3, votes_against=-1)


def test_meeting_in_the_repeated_autumn_hour_is_ordered_by_instant() -> None:
    """02:52 summer time is before 02:42 winter time on the night clocks go back."""
    start = datetime(2023, 10, 29, 2, 52, tzinfo=OSLO)  # fold=0: +02:00, 00:52 UTC
    end = datetime(2023, 10, 29, 2, 42, fold=1, tzinfo=OSLO)  # +01:00, 01:42 UTC

    meeting = Meeting(id="m", body="b", number=1, start=start, end=end, modified=start)

    assert meeting.end.astimezone(UTC) > meeting.start.astimezone(UTC)
    with pytest.raises(InvalidValue, match="must be before"):
        Meeting(id="m", body="b", number=1, start=end, end=start, modified=start)
