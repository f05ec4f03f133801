# SPDX-License-Identifier: MIT
"""Agreements: the § 18-4 topics, validity periods, text in clauses and amendments."""

from __future__ import annotations

from datetime import date

import pytest

from iprmodel.errors import InvalidValue
from iprmodel.model import (
    STATUTORY_TOPICS,
    Agreement,
    AgreementKind,
    Amendment,
    Clause,
    ClauseTopic,
    LocalizedText,
)

TITLE = LocalizedText(nn="Samarbeidsavtale for Hallingdal")


def test_statutory_topics_are_the_letters_a_to_h() -> None:
    """Koml. § 18-4 fjerde ledd has items a-h, in order."""
    assert "".join(topic.statutory_letter or "" for topic in STATUTORY_TOPICS) == "abcdefgh"
    assert None is ClauseTopic.PURPOSE.statutory_letter


def test_covers_finds_clauses_by_topic() -> None:
    """Agreement.covers lists the clauses tagged with a topic."""
    seats = Clause(number="4", topics=frozenset({ClauseTopic.SEATS, ClauseTopic.BODIES}))
    name = Clause(number="1", topics=frozenset({ClauseTopic.NAME}))
    agreement = Agreement(
        id="avtale", kind=AgreementKind.COOPERATION, title=TITLE, clauses=(name, seats)
    )

    assert ((seats,), ()) == (
        agreement.covers(ClauseTopic.SEATS),
        agreement.covers(ClauseTopic.WITHDRAWAL),
    )


def test_validity_ordered() -> None:
    """An agreement cannot expire before it takes effect."""
    with pytest.raises(InvalidValue, match="valid_from"):
        Agreement(
            id="avtale",
            kind=AgreementKind.COOPERATION,
            title=TITLE,
            valid_from=date(2024, 1, 1),
            valid_to=date(2023, 1, 1),
        )


def test_clause_number_required() -> None:
    """A clause has a displayed number."""
    with pytest.raises(InvalidValue, match="number must not be empty"):
        Clause(number="")


def test_amendment_clause_numbers_reject_control_characters() -> None:
    """Amended clause numbers are text like any other and refuse control characters."""
    with pytest.raises(InvalidValue, match="control character"):
        Amendment(id="endring-2024", clauses=("3\x00",))
