# SPDX-License-Identifier: MIT
"""The shared field rules: slugs, text, money, fractions, datetimes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction

import pytest

from iprmodel.errors import InvalidType, InvalidValue
from iprmodel.model import (
    BudgetLine,
    CostKey,
    LocalizedText,
    MajorityRule,
    Person,
    QuorumRule,
)
from iprmodel.model._fields import OSLO, SLUG_MAX, TEXT_MAX, to_oslo

LABEL = LocalizedText(nb="Lønn")


@pytest.mark.parametrize("slug", ["hallingdal", "ordforar-gol", "a", "2024-1", "a" * SLUG_MAX])
def test_good_slugs(slug: str) -> None:
    """Lower-case a-z, digits and single hyphens make an id."""
    assert slug == Person(id=slug, name="X").id


@pytest.mark.parametrize(
    "slug",
    ["Hallingdal", "ordførar", "a--b", "-a", "a-", "a b", "", "a_b", "a" * (SLUG_MAX + 1), "a\n"],
)
def test_bad_slugs(slug: str) -> None:
    """Capitals, non-ASCII letters, double/edge hyphens, spaces and overlong ids are refused."""
    with pytest.raises(InvalidValue, match="is not a valid id"):
        Person(id=slug, name="X")


def test_required_text_must_not_be_blank() -> None:
    """A name of only whitespace is refused."""
    with pytest.raises(InvalidValue, match="name must not be empty"):
        Person(id="x", name=" \t\n")


def test_text_length_is_bounded() -> None:
    """Text longer than TEXT_MAX is refused, protecting exporters."""
    with pytest.raises(InvalidValue, match="longer than"):
        Person(id="x", name="a" * (TEXT_MAX + 1))


@pytest.mark.parametrize("amount", ["0", "1250.50", "200000", "0.01", "1.5"])
def test_money_accepted(amount: str) -> None:
    """NOK >= 0 with at most two decimals."""
    assert Decimal(amount) == BudgetLine(label=LABEL, amount=Decimal(amount)).amount


@pytest.mark.parametrize(
    ("amount", "error"),
    [
        (Decimal("-0.01"), "0 NOK or more"),
        (Decimal("1.005"), "more than two decimals"),
        (Decimal("NaN"), "0 NOK or more"),
        (Decimal("Infinity"), "0 NOK or more"),
        (1250.5, "must be an amount in NOK, got a decimal number"),
        (1250, "must be an amount in NOK, got a whole number"),
    ],
)
def test_money_refused(amount: object, error: str) -> None:
    """Negative, sub-øre, non-finite and non-Decimal amounts are refused."""
    with pytest.raises(InvalidValue, match=error):
        BudgetLine(label=LABEL, amount=amount)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("threshold", "ok"),
    [
        (Fraction(1, 2), True),
        (Fraction(2, 3), True),
        (Fraction(1), True),
        (Fraction(0), False),
        (Fraction(3, 2), False),
        (Fraction(-1, 2), False),
    ],
)
def test_majority_threshold_in_half_open_unit_interval(threshold: Fraction, ok: bool) -> None:
    """A majority threshold lies in (0, 1]."""
    if ok:
        assert threshold == MajorityRule(threshold=threshold).threshold
    else:
        with pytest.raises(InvalidValue, match="must be between 0 \\(exclusive\\) and 1"):
            MajorityRule(threshold=threshold)


def test_fraction_type_is_strict() -> None:
    """A float is not a fraction: 0.5 would hide binary rounding."""
    with pytest.raises(InvalidType, match="must be a fraction"):
        QuorumRule(fraction=0.5)  # type: ignore[arg-type]


def test_fixed_share_may_be_zero() -> None:
    """A cost key's fixed share is in the closed interval [0, 1]."""
    assert Fraction(0) == CostKey(fixed_share=Fraction(0)).fixed_share


def test_to_oslo_converts_any_zone() -> None:
    """An aware datetime in any zone becomes the same instant in Europe/Oslo."""
    new_york = timezone(timedelta(hours=-5))
    converted = to_oslo(datetime(2026, 10, 25, 0, 30, tzinfo=new_york))

    assert (
        converted.isoformat(),
        converted.tzinfo.key,  # type: ignore[union-attr]
    ) == ("2026-10-25T06:30:00+01:00", "Europe/Oslo")


def test_to_oslo_refuses_naive() -> None:
    """A naive datetime is an error: the model never guesses a zone."""
    with pytest.raises(InvalidValue, match="has no time zone"):
        to_oslo(datetime(2026, 3, 29, 2, 30))


def test_to_oslo_keeps_the_instant_across_the_autumn_change() -> None:
    """Both 02:30s of the night summer time ends stay distinct instants."""
    first = to_oslo(datetime(2026, 10, 25, 0, 30, tzinfo=UTC))
    second = to_oslo(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))

    assert (
        first.isoformat()[11:16] + first.isoformat()[19:],
        second.isoformat()[11:16] + second.isoformat()[19:],
    ) == ("02:30+02:00", "02:30+01:00")
    assert timedelta(hours=1) == second - first.astimezone(UTC)


def test_to_oslo_normalises_imaginary_times() -> None:
    """02:30 in the spring-forward gap is normalised to a real Oslo time."""
    value = to_oslo(datetime(2026, 3, 29, 2, 30, tzinfo=OSLO))

    assert value == value.astimezone(UTC).astimezone(OSLO)
    assert value.strftime("%H:%M") == "03:30"
