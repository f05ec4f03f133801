# SPDX-License-Identifier: MIT
"""JSON text to plain data, strictly: UTF-8 only, no NaN or Infinity, no key twice.

Canonical bytes (as :func:`iprmodel.serialization.dumps` writes them) are parsed by
orjson and checked by writing them again; anything else by the standard library's
parser with a check on every object.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Final

import orjson

from iprmodel.errors import LoadError, Problem
from iprmodel.serialization.problems import _join, _segment

__all__ = ["parse_json"]


# The characters no text may hold (model._fields.CONTROL_RE) reach a JSON document only
# as an escape (\uXXXX, \b, \f, \r; raw C0 controls are not JSON) or as the UTF-8 of
# DEL, a C1 control or U+FFFE/U+FFFF. A few scans of the bytes for these cost less than
# checking every text of a large document one by one.
_CONTROL_ESCAPE: Final = re.compile(rb"\\[ubfr]")
_C1_UTF8: Final = re.compile(rb"\xc2[\x80-\x9f]")
_NONCHARACTER_UTF8: Final = re.compile(rb"\xef\xbf[\xbe\xbf]")


def _free_of_controls(raw: bytes) -> bool:
    """Whether no string in the valid JSON ``raw`` can hold a control character."""
    # Looking for one byte is several times faster than a pattern: patterns only
    # run where their first byte occurs at all.
    return not (
        b"\x7f" in raw
        or (b"\\" in raw and _CONTROL_ESCAPE.search(raw) is not None)
        or (b"\xc2" in raw and _C1_UTF8.search(raw) is not None)
        or (b"\xef" in raw and _NONCHARACTER_UTF8.search(raw) is not None)
    )


def parse_json(text: bytes | str) -> Any:
    """Parse JSON strictly: UTF-8 only, no NaN or Infinity, no key twice in an object.

    >>> parse_json(b'{"a": 1}')
    {'a': 1}
    >>> parse_json(b'{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    iprmodel.errors.LoadError: a: this key appears more than once in the same object; keep one
    """
    canonical = _parse_canonical(text) if isinstance(text, bytes) else None
    return canonical if canonical is not None else _parse_strict(text)


def _parse_strict(text: bytes | str) -> Any:
    text = _utf8(text)
    repeated: list[_RepeatedKeys] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        marked = _RepeatedKeys(pairs)
        repeated.append(marked)
        return marked

    def no_constant(name: str) -> Any:
        raise ValueError(name)

    try:
        data = json.loads(
            text, object_pairs_hook=pairs_hook, parse_constant=no_constant, parse_int=_whole
        )
    except _TooLarge as error:
        raise LoadError((_too_large(error.text),)) from None
    except json.JSONDecodeError as error:
        raise LoadError(
            (
                Problem(
                    path="",
                    template="not valid JSON at line {line}, column {column}: {reason}",
                    params=(("line", error.lineno), ("column", error.colno), ("reason", error.msg)),
                ),
            )
        ) from None
    except ValueError as error:
        raise LoadError(
            (
                Problem(
                    path="",
                    template="{value} is not a JSON number; write a number or a string",
                    params=(("value", str(error)),),
                ),
            )
        ) from None
    if repeated:
        raise LoadError(tuple(_repeated_problems(data)))
    return data


# The whole numbers every JSON writer here (orjson) can write back: the canonical
# parser (orjson) refuses others itself, the standard library parser checks with this.
_WHOLE_MIN: Final = -(2**63)
_WHOLE_MAX: Final = 2**64 - 1


class _TooLarge(Exception):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text if len(text) <= 30 else text[:29] + "…"


def _whole(text: str) -> int:
    # Checked by length first: int() of thousands of digits is slow, then refused.
    if len(text) > 21 or not _WHOLE_MIN <= (value := int(text)) <= _WHOLE_MAX:
        raise _TooLarge(text)
    return value


def _too_large(text: str) -> Problem:
    return Problem(
        path="",
        template="the number {value} is too large: whole numbers must lie between {low} and {high}",
        params=(("value", text), ("low", _WHOLE_MIN), ("high", _WHOLE_MAX)),
    )


def _parse_canonical(raw: bytes) -> Any | None:
    """The data of a document in canonical form (as :func:`dumps` writes it), else ``None``.

    orjson parses about twice as fast as the standard library but keeps the last of a
    repeated key silently. Writing the result again shows whether that happened: if it
    gives back the very bytes read, no key was dropped (and no other spelling was
    normalised), so the data is exactly what the strict parser would return.
    """
    if not raw.startswith(b"{"):
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None  # the strict parser gives the message
    # Keys come back in the order read, so a canonical document, whose keys are
    # sorted, is written again without sorting.
    option = orjson.OPT_APPEND_NEWLINE
    if raw.startswith(b"{\n"):
        option |= orjson.OPT_INDENT_2
    try:
        again = orjson.dumps(data, option=option)
    except orjson.JSONEncodeError:  # pragma: no cover - what orjson reads it can write
        return None
    return data if again == raw else None


class _RepeatedKeys(dict[str, Any]):
    """An object in which a key appeared more than once (the keys are kept to report)."""

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        twice: set[str] = set()
        for key, _ in pairs:
            (twice if key in seen else seen).add(key)
        self.twice = sorted(twice)


def _repeated_problems(value: Any, path: str = "") -> Iterator[Problem]:
    if isinstance(value, _RepeatedKeys):
        for key in value.twice:
            yield Problem(
                path=_join(path, key),
                template="this key appears more than once in the same object; keep one",
            )
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _repeated_problems(item, _join(path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _repeated_problems(item, path + _segment(value, i))


def _utf8(content: bytes | str) -> str:
    if isinstance(content, str):
        return content
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise LoadError(
            (
                Problem(
                    path="",
                    template="the file is not UTF-8 text (byte {position})",
                    params=(("position", error.start),),
                ),
            )
        ) from None
