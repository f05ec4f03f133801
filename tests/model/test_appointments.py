# SPDX-License-Identifier: MIT
"""Appointments: default rights by seat; deputy_order only for deputies."""

from __future__ import annotations

from datetime import date

import pytest

from iprmodel.errors import InvalidValue
from iprmodel.model import Appointment, Right, SeatKind

ALL_RIGHTS = frozenset({Right.ATTEND, Right.SPEAK, Right.PROPOSE, Right.VOTE})


def _appointment(**changes: object) -> Appointment:
    return Appointment(
        id="gol-rr-1",
        person="ordforar-gol",
        body="regionradet",
        participant="gol",
        **changes,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("seat", "expected"),
    [
        (SeatKind.MEMBER, ALL_RIGHTS),
        (SeatKind.DEPUTY, ALL_RIGHTS),
        (SeatKind.OBSERVER, frozenset({Right.ATTEND, Right.SPEAK})),
        (SeatKind.EX_OFFICIO, frozenset({Right.ATTEND, Right.SPEAK})),
    ],
)
def test_default_rights_follow_the_seat(seat: SeatKind, expected: frozenset[Right]) -> None:
    """Members and deputies may vote; observers and ex officio attend and speak."""
    assert expected == _appointment(seat=seat).rights


def test_explicit_rights_win() -> None:
    """Rights given explicitly replace the default (an observer without speaking right)."""
    appointment = _appointment(seat=SeatKind.OBSERVER, rights=[Right.ATTEND])

    assert frozenset({Right.ATTEND}) == appointment.rights


def test_deputy_order_for_deputies() -> None:
    """A deputy may be ranked."""
    assert _appointment(seat=SeatKind.DEPUTY, deputy_order=2).deputy_order == 2


@pytest.mark.parametrize("seat", [SeatKind.MEMBER, SeatKind.OBSERVER, SeatKind.EX_OFFICIO])
def test_deputy_order_only_for_deputies(seat: SeatKind) -> None:
    """deputy_order on a non-deputy seat is refused."""
    with pytest.raises(InvalidValue, match="deputy_order is only for deputies"):
        _appointment(seat=seat, deputy_order=1)


def test_deputy_order_starts_at_one() -> None:
    """Deputy order 0 is refused."""
    with pytest.raises(InvalidValue, match="deputy_order must be at least 1"):
        _appointment(seat=SeatKind.DEPUTY, deputy_order=0)


def test_period_ordered() -> None:
    """An appointment cannot end before it starts."""
    with pytest.raises(InvalidValue, match="valid_from"):
        _appointment(valid_from=date(2027, 1, 1), valid_to=date(2023, 10, 1))
