# SPDX-License-Identifier: MIT
"""Municipalities and county authorities: numbers, orgnr, county history."""

from __future__ import annotations

from datetime import date

import pytest

from iprmodel.errors import InvalidType, InvalidValue
from iprmodel.model import (
    CountyAffiliation,
    CountyAuthority,
    LocalizedText,
    Municipality,
    OfficialNumber,
)

GOL = LocalizedText(nn="Gol kommune")


def _number(value: str) -> tuple[OfficialNumber, ...]:
    return (OfficialNumber(value=value, valid_from=date(2024, 1, 1)),)


# Real organisation numbers from kommuneloven.md § 5.2 (Gol, Ål, Hamar, Ringsaker).
@pytest.mark.parametrize("orgnr", ["964952612", "864952992", "970540008", "864950582"])
def test_real_orgnr_is_accepted(orgnr: str) -> None:
    """Valid organisation numbers pass python-stdnum's check."""
    assert orgnr == Municipality(id="m", name=GOL, orgnr=orgnr).orgnr


@pytest.mark.parametrize(
    ("orgnr", "message"),
    [
        ("964952613", "is not a valid Norwegian organisation number"),
        ("96495261", "is not a valid Norwegian organisation number"),
        ("96495261X", "is not a valid Norwegian organisation number"),
        ("964 952 612", "must be written as nine digits without spaces"),
    ],
)
def test_bad_orgnr_is_refused(orgnr: str, message: str) -> None:
    """Wrong check digit, length, letters or spacing are refused."""
    with pytest.raises(InvalidValue, match=message):
        Municipality(id="m", name=GOL, orgnr=orgnr)


def test_orgnr_must_be_text() -> None:
    """An integer orgnr is a type error (leading zeros would be lost)."""
    with pytest.raises(InvalidType):
        Municipality(id="m", name=GOL, orgnr=964952612)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "value",
    [
        "332",
        "33245",
        "33a4",
        "",
        pytest.param("３３２４", id="fullwidth-digits"),
    ],
)
def test_kommunenummer_is_four_digits(value: str) -> None:
    """A kommunenummer has exactly four ASCII digits."""
    with pytest.raises(InvalidValue):
        Municipality(id="m", name=GOL, numbers=_number(value))


@pytest.mark.parametrize("value", ["3", "340", "3a"])
def test_fylkesnummer_is_two_digits(value: str) -> None:
    """A fylkesnummer has exactly two digits."""
    with pytest.raises(InvalidValue, match="fylkesnummer must be 2 digits"):
        CountyAuthority(id="f", name=LocalizedText(nb="Innlandet"), numbers=_number(value))


def test_county_number_is_accepted() -> None:
    """Innlandet is 34."""
    innlandet = CountyAuthority(
        id="innlandet", name=LocalizedText(nb="Innlandet"), numbers=_number("34")
    )

    assert innlandet.number_on(date(2025, 1, 1)) == "34"


def test_overlapping_kommunenummer_is_refused() -> None:
    """Two kommunenummer valid at once are an error."""
    numbers = (
        OfficialNumber(value="3041", valid_from=date(2020, 1, 1)),
        OfficialNumber(value="3324", valid_from=date(2024, 1, 1)),
    )

    with pytest.raises(InvalidValue, match="3041 and 3324 have overlapping"):
        Municipality(id="gol", name=GOL, numbers=numbers)


def test_county_affiliation_dates_ordered() -> None:
    """A county affiliation cannot end before it starts."""
    with pytest.raises(InvalidValue, match="valid_from"):
        CountyAffiliation(county="buskerud", valid_from=date(2024, 1, 1), valid_to=date(2020, 1, 1))


@pytest.mark.parametrize("population", [-1, True, 4.5, "4600"])
def test_population_is_a_whole_number_of_zero_or_more(population: object) -> None:
    """Population is a non-negative int (bool and float are not)."""
    with pytest.raises(InvalidValue):
        Municipality(id="gol", name=GOL, population=population)  # type: ignore[arg-type]
