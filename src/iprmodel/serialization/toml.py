# SPDX-License-Identifier: MIT
"""TOML text to the plain data of the canonical JSON shape."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, time
from typing import Any

from iprmodel.errors import LoadError, Problem
from iprmodel.serialization.json import _WHOLE_MAX, _WHOLE_MIN, _too_large, _utf8

__all__ = ["parse_toml"]


def parse_toml(content: bytes | str) -> dict[str, Any]:
    """Parse TOML into the plain data of the canonical JSON shape.

    TOML has native dates and times; they become the ISO strings JSON uses. A TOML
    local date-time (no offset) becomes a naive string, which loading rejects.

    >>> parse_toml('established = 2023-01-01')
    {'established': '2023-01-01'}
    """
    try:
        data = tomllib.loads(_utf8(content))
    except (tomllib.TOMLDecodeError, ValueError) as error:  # ValueError: an int of 4,300+ digits
        raise LoadError(
            (
                Problem(
                    path="", template="not valid TOML: {reason}", params=(("reason", str(error)),)
                ),
            )
        ) from None
    plain: dict[str, Any] = _from_toml(data)
    return plain


def _from_toml(value: Any) -> Any:
    if type(value) is int and not _WHOLE_MIN <= value <= _WHOLE_MAX:
        raise LoadError((_too_large(str(value)),))
    if isinstance(value, dict):
        return {key: _from_toml(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_from_toml(item) for item in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value
