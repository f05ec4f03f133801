# SPDX-License-Identifier: MIT
"""JSON text to plain data, strictly: UTF-8 only, no NaN or Infinity, no key twice.

Canonical bytes (as :func:`iprmodel.serialization.dumps` writes them) are parsed by
orjson and checked by writing them again; anything else by the standard library's
parser with a check on every object.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from typing import Any, Final

import orjson

from iprmodel.errors import LoadError, Phrase, Problem
from iprmodel.serialization.converter import Unreadable
from iprmodel.serialization.problems import (
    MAX_PROBLEMS,
    Collector,
    _format_path,
    _join,
    _Path,
    _segment,
)

__all__ = ["MAX_DEPTH", "find_too_deep", "parse_json", "too_deep"]


# The characters no text may hold (model._fields.CONTROL_RE) reach a JSON document only
# as an escape (\uXXXX, \b, \f, \r; raw C0 controls are not JSON) or as the UTF-8 of
# DEL, a C1 control, U+FFFE/U+FFFF or a bidirectional control. A few scans of the bytes for these cost less than
# checking every text of a large document one by one.
_CONTROL_ESCAPE: Final = re.compile(rb"\\[ubfr]")
_C1_UTF8: Final = re.compile(rb"\xc2[\x80-\x9f]")
_NONCHARACTER_UTF8: Final = re.compile(rb"\xef\xbf[\xbe\xbf]")
_BIDI_UTF8: Final = re.compile(rb"\xe2(?:\x80[\xaa-\xae]|\x81[\xa6-\xa9])")


def _free_of_controls(raw: bytes) -> bool:
    """Whether no string in the valid JSON ``raw`` can hold a control character."""
    # Looking for one byte is several times faster than a pattern: patterns only
    # run where their first byte occurs at all.
    return not (
        b"\x7f" in raw
        or (b"\\" in raw and _CONTROL_ESCAPE.search(raw) is not None)
        or (b"\xc2" in raw and _C1_UTF8.search(raw) is not None)
        or (b"\xef" in raw and _NONCHARACTER_UTF8.search(raw) is not None)
        or (b"\xe2" in raw and _BIDI_UTF8.search(raw) is not None)
    )


def parse_json(text: bytes | str, *, max_problems: int = MAX_PROBLEMS) -> Any:
    """Parse JSON strictly: UTF-8 only, no key twice in an object, nesting bounded.

    A number no field can hold (``1e400``, ``NaN``, ``Infinity``, a whole number past
    64 bits) is kept as written, as an :class:`~iprmodel.serialization.converter.Unreadable`,
    so that loading names its path. Any key repeated is a problem (up to ``max_problems``).

    >>> parse_json(b'{"a": 1}')
    {'a': 1}
    >>> parse_json(b'{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    iprmodel.errors.LoadError: a: this key appears more than once in the same object; keep one
    """
    canonical = _parse_canonical(text) if isinstance(text, bytes) else None
    return canonical if canonical is not None else _parse_strict(text, max_problems=max_problems)


#: How deep lists and objects may nest. A register needs about a dozen levels; this
#: leaves room, and keeps every walk over the data far from Python's recursion limit.
MAX_DEPTH: Final = 100


def _parse_strict(text: bytes | str, *, max_problems: int = MAX_PROBLEMS) -> Any:
    long_digits = _has_long_digits(text)
    text = _utf8(text)
    repeated: list[_RepeatedKeys] = []

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) == len(pairs):
            return result
        marked = _RepeatedKeys(pairs)
        repeated.append(marked)
        return marked

    # A whole number out of range has at least 19 digits: without such a run of digits
    # anywhere, the parser's own int() is right for every number, and much faster.
    whole = _whole if long_digits else int
    try:
        data = json.loads(
            text,
            object_pairs_hook=pairs_hook,
            parse_constant=_constant,
            parse_int=whole,
            parse_float=_float,
        )
    except json.JSONDecodeError as error:
        raise LoadError(
            (
                Problem(
                    path="",
                    template="not valid JSON at line {line}, column {column}: {reason}",
                    params=(
                        ("line", error.lineno),
                        ("column", error.colno),
                        ("reason", _REASONS.get(error.msg, error.msg)),
                    ),
                ),
            )
        ) from None
    except RecursionError:
        # orjson reads deeper (1,024 levels) without recursing: then the path is known.
        try:
            data = orjson.loads(text)
        except orjson.JSONDecodeError:
            raise LoadError((too_deep(""),)) from None
        raise LoadError((too_deep(find_too_deep(data) or ""),)) from None
    # Loading walks the data only as deep as the model goes; reporting repeated keys
    # walks all of it, so only then must the depth be known to be safe.
    if repeated:
        deep = find_too_deep(data)
        if deep is not None:
            raise LoadError((too_deep(deep),))
        found = Collector(limit=max_problems)
        found.extend(_repeated_problems(data))
        raise found.error()
    return data


# The standard library parser's reasons, in words translated with the message; one
# not listed here (a newer Python's) is shown as it is.
_REASONS: Final = {
    "Expecting value": Phrase("a value is missing"),
    "Expecting property name enclosed in double quotes": Phrase(
        "a key in double quotes is missing (is there a comma too many?)"
    ),
    "Expecting ':' delimiter": Phrase("a colon (:) is missing after the key"),
    "Expecting ',' delimiter": Phrase("a comma is missing"),
    "Unterminated string starting at": Phrase("the text in quotes does not end"),
    "Invalid control character at": Phrase("text holds a control character; write it as \\uXXXX"),
    "Invalid \\escape": Phrase("a backslash starts no known escape; write \\\\ for a backslash"),
    "Invalid \\uXXXX escape": Phrase("a \\u escape needs four hexadecimal digits"),
    "Extra data": Phrase("more follows after the end of the document"),
}


def too_deep(path: str) -> Problem:
    """The problem of lists or objects nested deeper than :data:`MAX_DEPTH` at ``path``."""
    return Problem(
        path=path,
        template="nested more than {depth} levels deep; no register needs that many",
        params=(("depth", MAX_DEPTH),),
    )


def find_too_deep(data: object) -> str | None:
    """The path of the first list or object nested deeper than :data:`MAX_DEPTH`, if any.

    >>> find_too_deep({"a": [[1]]}) is None
    True
    >>> find_too_deep({"a": [[[]] * 1] * 1}) is None
    True
    """
    # Iterative, with the path built only for the one value found.
    stack: list[tuple[object, int, _Path]] = [(data, 0, None)]
    while stack:
        value, depth, path = stack.pop()
        if depth > MAX_DEPTH:
            text = _format_path(path)
            return text if len(text) <= 80 else text[:79] + "…"
        if isinstance(value, dict):
            stack.extend(
                (item, depth + 1, (path, key))
                for key, item in value.items()
                if isinstance(item, dict | list)
            )
        elif isinstance(value, list):
            stack.extend(
                (item, depth + 1, (path, (value, i)))
                for i, item in enumerate(value)
                if isinstance(item, dict | list)
            )
    return None


def _constant(name: str) -> Unreadable:
    return Unreadable(name, template="{value} is not a JSON number; write a number or a string")


def _float(text: str) -> float | Unreadable:
    value = float(text)
    if math.isfinite(value):
        return value
    return Unreadable(
        text, template="the number {value} is too large to read; write it as a string"
    )


# The whole numbers every JSON writer here (orjson) can write back: the canonical
# parser (orjson) refuses others itself, the standard library parser checks with this.
_WHOLE_MIN: Final = -(2**63)
_WHOLE_MAX: Final = 2**64 - 1


_LONG_DIGITS: Final = re.compile(r"\d{19}", re.ASCII)
# Every ASCII digit to "0", every other byte to " ": then a run is a plain substring.
_DIGITS_ONLY: Final = bytes(0x30 if 0x30 <= b <= 0x39 else 0x20 for b in range(256))


def _has_long_digits(text: bytes | str) -> bool:
    """Whether ``text`` holds a run of 19 digits (two passes in C for bytes)."""
    if isinstance(text, bytes):
        return b"0" * 19 in text.translate(_DIGITS_ONLY)
    return _LONG_DIGITS.search(text) is not None


def _whole(text: str) -> int | Unreadable:
    # Checked by length first: int() of thousands of digits is slow, then refused.
    if len(text) > 21 or not _WHOLE_MIN <= (value := int(text)) <= _WHOLE_MAX:
        return too_large(text)
    return value


def too_large(text: str) -> Unreadable:
    """A whole number past 64 bits, as written."""
    return Unreadable(
        text,
        template="the number {value} is too large: whole numbers must lie between {low} and {high}",
        low=_WHOLE_MIN,
        high=_WHOLE_MAX,
    )


def _parse_canonical(raw: bytes) -> Any | None:
    """The data of a document in canonical form (as :func:`dumps` writes it), else ``None``.

    orjson parses about twice as fast as the standard library but keeps the last of a
    repeated key silently. Writing the result again shows whether that happened: if it
    gives back the very bytes read, no key was dropped (and no other spelling was
    normalised), so the data is exactly what the strict parser would return.
    """
    # What dumps writes starts with "{" and ends with "}" and a newline: anything else
    # is read by the strict parser at once, without a first parse to throw away.
    if not (raw.startswith(b"{") and raw.endswith(b"}\n")):
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
    # Windows Notepad and Excel write one; neither JSON nor TOML is meant to start with it.
    if (
        content.startswith("\ufeff")
        if isinstance(content, str)
        else content.startswith(b"\xef\xbb\xbf")
    ):
        raise LoadError(
            (
                Problem(
                    path="",
                    template="the file starts with a byte order mark (BOM); save it as UTF-8"
                    " without BOM",
                ),
            )
        )
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
