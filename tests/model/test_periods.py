# SPDX-License-Identifier: MIT
"""Official numbers with validity periods."""

from __future__ import annotations

from datetime import date

import pytest

from iprmodel.errors import InvalidValue
from iprmodel.model import OfficialNumber, check_no_overlap, current_number, in_period, number_on

LUNNER = (
    OfficialNumber(value="3054", valid_from=date(2020, 1, 1), valid_to=date(2023, 12, 31)),
    OfficialNumber(value="3234", valid_from=date(2024, 1, 1)),
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2019, 12, 31), None),
        (date(2020, 1, 1), "3054"),
        (date(2023, 12, 31), "3054"),
        (date(2024, 1, 1), "3234"),
        (date(2040, 1, 1), "3234"),
    ],
)
def test_number_on(day: date, expected: str | None) -> None:
    """Lunner was 3054 until 2023 and 3234 from 2024 (both ends inclusive)."""
    assert expected == number_on(LUNNER, day)


def test_current_number_is_the_latest() -> None:
    """The current number is the one with the latest start, whatever the order."""
    assert (current_number(tuple(reversed(LUNNER))), current_number(())) == ("3234", None)


def test_start_after_end_is_refused() -> None:
    """valid_from after valid_to is an error naming both dates."""
    with pytest.raises(InvalidValue) as caught:
        OfficialNumber(value="3054", valid_from=date(2024, 1, 1), valid_to=date(2023, 12, 31))

    assert str(caught.value) == "valid_from (2024-01-01) must be on or before valid_to (2023-12-31)"


def test_one_day_period_is_fine() -> None:
    """valid_from == valid_to is a one-day period, not an error."""
    number = OfficialNumber(value="30", valid_from=date(2024, 1, 1), valid_to=date(2024, 1, 1))

    assert in_period(date(2024, 1, 1), number.valid_from, number.valid_to)


@pytest.mark.parametrize(
    "numbers",
    [
        (
            OfficialNumber(value="3054", valid_from=date(2020, 1, 1), valid_to=date(2024, 1, 1)),
            OfficialNumber(value="3234", valid_from=date(2024, 1, 1)),
        ),
        (
            OfficialNumber(value="3054", valid_from=date(2020, 1, 1)),
            OfficialNumber(value="3234", valid_from=date(2024, 1, 1)),
        ),
        (OfficialNumber(value="3054"), OfficialNumber(value="3234")),
    ],
    ids=["shared-day", "open-end", "both-unbounded"],
)
def test_overlapping_periods_are_refused(numbers: tuple[OfficialNumber, ...]) -> None:
    """Two numbers valid on the same day are an error."""
    with pytest.raises(InvalidValue, match="overlapping validity periods"):
        check_no_overlap(numbers, "kommunenummer")


def test_adjacent_periods_are_fine() -> None:
    """Lunner's two numbers meet at new year without overlapping."""
    check_no_overlap(LUNNER, "kommunenummer")
