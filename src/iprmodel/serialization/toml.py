# SPDX-License-Identifier: MIT
"""TOML text to the plain data of the canonical JSON shape."""

from __future__ import annotations

import math
import tomllib
from datetime import date, datetime, time
from typing import Any

from iprmodel.errors import LoadError, Problem
from iprmodel.serialization.converter import TomlDate, Unreadable
from iprmodel.serialization.json import (
    _WHOLE_MAX,
    _WHOLE_MIN,
    _utf8,
    find_too_deep,
    too_deep,
    too_large,
)

__all__ = ["parse_toml"]


def parse_toml(content: bytes | str) -> dict[str, Any]:
    """Parse TOML into the plain data of the canonical JSON shape.

    TOML has native dates and times; they become the ISO strings JSON uses, marked
    (:class:`~iprmodel.serialization.converter.TomlDate`) so that a date where text is
    expected is refused, not silently turned into text. A TOML local date-time (no
    offset) becomes a naive string, which loading rejects. ``nan``, ``inf`` and whole
    numbers past 64 bits are kept as written, for loading to name their path.

    >>> parse_toml('established = 2023-01-01')
    {'established': '2023-01-01'}
    """
    try:
        data = tomllib.loads(_utf8(content))
    except RecursionError:
        raise LoadError((too_deep(""),)) from None
    except (tomllib.TOMLDecodeError, ValueError) as error:  # ValueError: an int of 4,300+ digits
        raise LoadError(
            (
                Problem(
                    path="", template="not valid TOML: {reason}", params=(("reason", str(error)),)
                ),
            )
        ) from None
    deep = find_too_deep(data)
    if deep is not None:
        raise LoadError((too_deep(deep),))
    plain: dict[str, Any] = _from_toml(data)
    return plain


def _from_toml(value: Any) -> Any:
    # Nesting is at most MAX_DEPTH here (checked above), far below the recursion limit.
    if type(value) is int and not _WHOLE_MIN <= value <= _WHOLE_MAX:
        return too_large(str(value))
    if type(value) is float and not math.isfinite(value):
        return Unreadable(repr(value), template="{value} is not a number a register can hold")
    if isinstance(value, dict):
        return {key: _from_toml(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_from_toml(item) for item in value]
    if isinstance(value, datetime | date | time):
        return TomlDate(value.isoformat())
    return value
