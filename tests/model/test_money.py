# SPDX-License-Identifier: MIT
"""Money: Funding names exactly one funder or group; amounts and years."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from iprmodel.errors import InvalidValue
from iprmodel.model import Budget, Funding, LocalizedText, Project, YearAmount

MUNICIPALITIES = LocalizedText(nn="Frå kommunane")


def test_funding_by_one_funder() -> None:
    """Husbanken's 200 000 is a funding by one funder id."""
    funding = Funding(funder="husbanken", amount=Decimal("200000"))

    assert ("husbanken", None, Decimal("200000")) == (
        funding.funder,
        funding.funder_group,
        funding.amount,
    )


def test_funding_by_a_group() -> None:
    """ "Frå kommunane" is a group description without an id."""
    assert Funding(funder_group=MUNICIPALITIES).funder_group == MUNICIPALITIES


@pytest.mark.parametrize(
    "kwargs", [{}, {"funder": "husbanken", "funder_group": MUNICIPALITIES}], ids=["none", "both"]
)
def test_funding_needs_exactly_one_of_funder_and_group(kwargs: dict[str, object]) -> None:
    """Neither or both of funder and funder_group is refused."""
    with pytest.raises(InvalidValue, match="exactly one of funder"):
        Funding(**kwargs)  # type: ignore[arg-type]


def test_funding_years_at_least_one() -> None:
    """A funding period in years starts at 1."""
    with pytest.raises(InvalidValue, match="years must be at least 1"):
        Funding(funder="husbanken", years=0)


def test_project_dates_ordered() -> None:
    """A project cannot end before it starts."""
    with pytest.raises(InvalidValue, match="start"):
        Project(
            id="p",
            name=LocalizedText(nb="Prosjekt"),
            start=date(2026, 1, 1),
            end=date(2025, 1, 1),
        )


@pytest.mark.parametrize("year", [1899, 0])
def test_years_are_plausible(year: int) -> None:
    """Budget and year amounts are for years from 1900."""
    with pytest.raises(InvalidValue, match="year must be at least 1900"):
        Budget(id="b", year=year)
    with pytest.raises(InvalidValue, match="year must be at least 1900"):
        YearAmount(year=year, amount=Decimal(0))
