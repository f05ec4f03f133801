# SPDX-License-Identifier: MIT
"""LocalizedText: nb or nn required; get() falls back between the written standards."""

from __future__ import annotations

import pytest

from iprmodel.errors import InvalidValue
from iprmodel.model import LocalizedText


@pytest.mark.parametrize(
    ("text", "locale", "expected"),
    [
        (LocalizedText(nb="Gran kommune", nn="Gran kommune (nn)"), "nn", "Gran kommune (nn)"),
        (LocalizedText(nb="Gran kommune"), "nn", "Gran kommune"),
        (LocalizedText(nn="Gol kommune"), "nb", "Gol kommune"),
        (LocalizedText(nn="Gol kommune"), "en", "Gol kommune"),
        (LocalizedText(nb="Hamar", nn="Hamar nn"), "en", "Hamar"),
        (LocalizedText(nb="Hamar", en="Hamar municipality"), "en", "Hamar municipality"),
    ],
)
def test_get_falls_back(text: LocalizedText, locale: str, expected: str) -> None:
    """nn falls back to nb and back; en falls back to nb, then nn."""
    assert expected == text.get(locale)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs", [{}, {"nb": "", "nn": ""}, {"nb": "  ", "nn": "\t\n"}, {"en": "Only English"}]
)
def test_needs_nb_or_nn(kwargs: dict[str, str]) -> None:
    """A text with neither Bokmål nor Nynorsk content is refused."""
    with pytest.raises(InvalidValue, match="give the text in Bokmål"):
        LocalizedText(**kwargs)


def test_rejects_control_characters_naming_the_variant() -> None:
    """The message names which variant holds the control character, and where."""
    with pytest.raises(InvalidValue) as caught:
        LocalizedText(nb="Gran", nn="Gr\x1ban")

    assert str(caught.value) == "nn contains a control character (U+001B) at position 2"
