# SPDX-License-Identifier: MIT
"""TOML text to the plain data of the canonical JSON shape."""

from __future__ import annotations

import math
import re
import tomllib
from datetime import date, datetime, time
from typing import Any, Final

from iprmodel.errors import LoadError, Problem
from iprmodel.serialization.converter import TomlDate, Unreadable
from iprmodel.serialization.json import (
    _WHOLE_MAX,
    _WHOLE_MIN,
    MAX_DEPTH,
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
    text = _utf8(content)
    long_key = _LONG_KEY.search(text)
    if long_key is not None:
        shown = long_key.group("key")
        raise LoadError((too_deep(shown if len(shown) <= 80 else shown[:79] + "…"),))
    try:
        data = tomllib.loads(text)
    except RecursionError:
        raise LoadError((too_deep(""),)) from None
    except tomllib.TOMLDecodeError as error:
        raise LoadError(
            (
                Problem(
                    path="", template="not valid TOML: {reason}", params=(("reason", str(error)),)
                ),
            )
        ) from None
    except ValueError:  # int() of a whole number of more than 4,300 digits
        raise LoadError(
            (
                Problem(
                    path="",
                    template="not valid TOML: a whole number is too large: whole numbers must"
                    " lie between {low} and {high}",
                    params=(("low", _WHOLE_MIN), ("high", _WHOLE_MAX)),
                ),
            )
        ) from None
    deep = find_too_deep(data)
    if deep is not None:
        raise LoadError((too_deep(deep),))
    plain: dict[str, Any] = _from_toml(data)
    return plain


# A key of more than MAX_DEPTH + 1 dotted parts nests too deep, and costs tomllib time and
# memory quadratic in its parts (it keeps every prefix): 100,000 parts took 20 GB. Such a
# key is found first, in a key's places: at the start of a line or a table header, or
# after "{" or "," in an inline table. Possessive, so a near miss costs no backtracking.
_PART: Final = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_LONG_KEY: Final = re.compile(
    rf"(?:^|[{{,])[ \t]*+\[{{0,2}}[ \t]*+(?P<key>(?:{_PART}[ \t]*+\.[ \t]*+){{{MAX_DEPTH + 1},}}+{_PART})",
    re.MULTILINE,
)


def _from_toml(value: Any) -> Any:
    # Nesting is at most MAX_DEPTH here (checked above), far below the recursion limit.
    if type(value) is int and not _WHOLE_MIN <= value <= _WHOLE_MAX:
        # A hexadecimal, octal or binary number has no limit on its digits, but str() has.
        return too_large(str(value) if value.bit_length() < 10_000 else f"{value:#x}")
    if type(value) is float and not math.isfinite(value):
        return Unreadable(repr(value), template="{value} is not a number a register can hold")
    if isinstance(value, dict):
        return {key: _from_toml(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_from_toml(item) for item in value]
    if isinstance(value, datetime | date | time):
        return TomlDate(value.isoformat())
    return value
