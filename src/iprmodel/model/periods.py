# SPDX-License-Identifier: MIT
"""Validity periods and official numbers that change over time.

Official numbers are identifiers with validity periods because they change: the 2024
county split renumbered Lunner from 3054 to 3234 (kommunenummer, SSB classification 131).

>>> from datetime import date
>>> lunner = (
...     OfficialNumber(value="3054", valid_from=date(2020, 1, 1), valid_to=date(2023, 12, 31)),
...     OfficialNumber(value="3234", valid_from=date(2024, 1, 1)),
... )
>>> number_on(lunner, date(2023, 6, 1))
'3054'
>>> number_on(lunner, date(2026, 1, 1))
'3234'
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model._fields import date_field, ordered, required_text


def in_period(day: date, valid_from: date | None, valid_to: date | None) -> bool:
    """Whether ``day`` lies in the closed period (open ends are unbounded)."""
    return (valid_from is None or valid_from <= day) and (valid_to is None or day <= valid_to)


@attrs.frozen(kw_only=True)
class OfficialNumber:
    """An official number (kommunenummer, fylkesnummer) valid from-to (inclusive)."""

    value: str = required_text()
    valid_from: date | None = date_field()
    valid_to: date | None = date_field()

    def __attrs_post_init__(self) -> None:
        ordered("valid_from", "valid_to")(self)


def number_on(numbers: Iterable[OfficialNumber], day: date) -> str | None:
    """The number valid on ``day``, or ``None``."""
    for number in numbers:
        if in_period(day, number.valid_from, number.valid_to):
            return number.value
    return None


def current_number(numbers: tuple[OfficialNumber, ...]) -> str | None:
    """The number with the latest start (the one in use now), or ``None``."""
    if not numbers:
        return None
    return max(numbers, key=lambda n: n.valid_from or date.min).value


def check_no_overlap(numbers: tuple[OfficialNumber, ...], what: str) -> None:
    """Raise :class:`ValueError` when two validity periods overlap."""
    ordered_numbers = sorted(numbers, key=lambda n: n.valid_from or date.min)
    for before, after in itertools.pairwise(ordered_numbers):
        if before.valid_to is None or (
            after.valid_from is not None and after.valid_from <= before.valid_to
        ):
            raise InvalidValue(
                "{field}: {a} and {b} have overlapping validity periods",
                field=what,
                a=before.value,
                b=after.value,
            )
