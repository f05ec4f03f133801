# SPDX-License-Identifier: MIT
"""Council and register: unique ids, participations, staff FTE, look-ups."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from iprmodel.errors import InvalidValue
from iprmodel.model import (
    Body,
    BodyKind,
    Council,
    LocalizedText,
    Municipality,
    Participation,
    ParticipationRole,
    Person,
    Register,
    StaffMember,
)

NAME = LocalizedText(nb="Hadeland interkommunale politiske råd")


def test_council_bodies_need_unique_ids() -> None:
    """Two bodies with one id are refused."""
    body = Body(id="rs", kind=BodyKind.REPRESENTANTSKAP, name=LocalizedText(nb="RS"))

    with pytest.raises(InvalidValue, match="the id 'rs' is used by an earlier entry too"):
        Council(id="hadeland", formal_name=NAME, bodies=(body, body))


def test_register_persons_need_unique_ids() -> None:
    """Two persons with one id are refused."""
    person = Person(id="ola", name="Ola")

    with pytest.raises(InvalidValue, match="the id 'ola' is used by an earlier entry too"):
        Register(persons=(person, person))


def test_lookups() -> None:
    """Register.council/participant/person and Council.body find by id or return None."""
    gran = Municipality(id="gran", name=LocalizedText(nb="Gran"))
    body = Body(id="rs", kind=BodyKind.REPRESENTANTSKAP, name=LocalizedText(nb="RS"))
    council = Council(id="hadeland", formal_name=NAME, bodies=(body,))
    register = Register(participants=(gran,), councils=(council,))

    assert (council, gran, None, body, None) == (
        register.council("hadeland"),
        register.participant("gran"),
        register.person("gran"),
        council.body("rs"),
        council.body("au"),
    )


def test_members_on_a_day() -> None:
    """Only member participations in force on the day count; observers never do."""
    council = Council(
        id="hadeland",
        formal_name=NAME,
        participations=(
            Participation(participant="gran"),
            Participation(participant="lunner", valid_to=date(2024, 12, 31)),
            Participation(participant="innlandet", role=ParticipationRole.OBSERVER),
        ),
    )

    assert (
        council.members_on(date(2024, 6, 1)),
        council.members_on(date(2025, 6, 1)),
    ) == (("gran", "lunner"), ("gran",))


def test_participation_shares_in_range() -> None:
    """An ownership share above 1 is refused."""
    with pytest.raises(InvalidValue, match="ownership_share must be between"):
        Participation(participant="gran", ownership_share=Fraction(4, 3))


@pytest.mark.parametrize("fte", [Decimal(0), Decimal(-10), Decimal("100.5"), Decimal("NaN")])
def test_staff_fte_in_percent(fte: Decimal) -> None:
    """FTE is more than 0 and at most 100 percent."""
    with pytest.raises(InvalidValue, match="fte_percent must be more than 0 and at most 100"):
        StaffMember(person="dagleg-leiar", fte_percent=fte)


def test_staff_fte_full_time() -> None:
    """100 % is a full-time position."""
    assert Decimal(100) == StaffMember(person="dagleg-leiar", fte_percent=Decimal(100)).fte_percent
