# SPDX-License-Identifier: MIT
"""The one converter between the model and plain data (dicts, lists, strings, numbers).

Only this module knows the plain-data shape. It is:

* **lossless**: ``structure(unstructure(x)) == x`` for every register;
* **strict**: ``3`` is not ``"3"``, unknown keys are rejected, naive datetimes are errors;
* **versioned**: the top-level ``format`` key names the format version; a newer or
  unknown version gets a clear message, and older versions are migrated;
* **deterministic**: keys sorted, sets sorted, datetimes in Europe/Oslo with their offset;
* **thorough**: a bad document gets *every* problem at once, each as ``path: message``,
  including references to ids that do not exist.

>>> from iprmodel.model import LocalizedText, Municipality, Register
>>> register = Register(participants=(Municipality(id="gol", name=LocalizedText(nn="Gol")),))
>>> data = unstructure(register)
>>> data["participants"]
[{'id': 'gol', 'name': {'nn': 'Gol'}, 'kind': 'municipality'}]
>>> structure(data) == register
True
>>> structure({"format": 1, "persons": [{"id": "x", "name": 3}]})
Traceback (most recent call last):
...
iprmodel.errors.LoadError: persons[x].name: expected text, got 3
"""

from __future__ import annotations

import enum
import functools
import json
import operator
import re
import tomllib
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs
import cattrs
import orjson
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)
from cattrs.preconf.orjson import make_converter
from cattrs.strategies import configure_tagged_union

from iprmodel.codec import Decoder, Encoder
from iprmodel.errors import FormatVersionError, InvalidValue, LoadError, Phrase, Problem
from iprmodel.model import (
    PARTICIPANT_TAGS,
    VOTING_RULE_TAGS,
    Council,
    Register,
)
from iprmodel.model._fields import OSLO, REF, UNIQUE, to_oslo
from iprmodel.model.register import FORMAT_VERSION

__all__ = [
    "FORMAT_VERSION",
    "TAG_KEY",
    "converter",
    "dumps",
    "load",
    "loads",
    "loads_toml",
    "parse_json",
    "parse_toml",
    "structure",
    "unstructure",
]

T = TypeVar("T")

#: The key that carries the tag of a tagged union (participants, voting rules).
TAG_KEY: Final = "kind"
_DATE_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_DATETIME_RE: Final = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$",
    re.ASCII,  # \d must not accept other scripts' digits
)
_DECIMAL_RE: Final = re.compile(r"^-?\d+(\.\d+)?$", re.ASCII)
_FRACTION_RE: Final = re.compile(r"^\d+(/\d+|\.\d+)?$", re.ASCII)

#: Migrations from an older format version to the next: ``{1: migrate_1_to_2}``.
MIGRATIONS: Final[dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {}


def _show(value: object, limit: int = 60) -> str:
    """A short JSON rendering of ``value`` for messages."""
    try:
        text = orjson.dumps(value, default=str).decode()
    except TypeError:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _expected(expected: str, value: object) -> InvalidValue:
    return InvalidValue(
        "expected {expected}, got {got}", expected=Phrase(expected), got=_show(value)
    )


# -- strict primitive hooks ----------------------------------------------------------


def _str(value: object, _: type) -> str:
    if type(value) is not str:
        raise _expected("text", value)
    return value


def _int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _expected("an integer", value)
    return value


def _bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _expected("true or false", value)
    return value


def _date(value: object, _: type) -> date:
    if type(value) is not str or not _DATE_RE.fullmatch(value):
        raise _expected("a date as YYYY-MM-DD", value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidValue("{value} is not a valid date", value=_show(value)) from None


def _datetime(value: object, _: type) -> datetime:
    if type(value) is not str or not _DATETIME_RE.fullmatch(value):
        raise _expected("a date and time as YYYY-MM-DDTHH:MM:SS+01:00", value)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidValue("{value} is not a valid date and time", value=_show(value)) from None
    return to_oslo(parsed)


def _decimal(value: object, _: type) -> Decimal:
    # A JSON float is binary and inexact: money must come as a string or an integer.
    if type(value) is int:
        return Decimal(value)
    if type(value) is not str or not _DECIMAL_RE.fullmatch(value):
        raise _expected('an amount as a string such as "200000" or "1250.50"', value)
    try:
        return Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        raise _expected("an amount", value) from None


def _fraction(value: object, _: type) -> Fraction:
    if type(value) is not str or not _FRACTION_RE.fullmatch(value):
        raise _expected('a fraction as a string such as "1/2" or "0.25"', value)
    try:
        return Fraction(value)
    except ZeroDivisionError:
        raise InvalidValue("{value} divides by zero", value=_show(value)) from None


def _enum_hook(enum_type: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in enum_type}
    choices = ", ".join(sorted(str(v) for v in by_value))

    def structure_enum(value: object, _: type) -> enum.Enum:
        if type(value) is str and value in by_value:
            return by_value[value]
        raise InvalidValue(
            "expected one of {choices}; got {got}", choices=choices, got=_show(value)
        )

    return structure_enum


# ``member.value`` goes through a descriptor; the plain attribute is several times faster
# and this runs for every enum of every record written.
_enum_value: Final[Callable[[enum.Enum], Any]] = operator.attrgetter("_value_")


def _is_simple_optional(type_: Any) -> bool:
    """``X | None`` with a single ``X`` (tagged unions keep their own hooks)."""
    if typing.get_origin(type_) not in (typing.Union, types.UnionType):
        return False
    args = typing.get_args(type_)
    return len(args) == 2 and types.NoneType in args


def _is_homogeneous_tuple(type_: Any) -> bool:
    args = typing.get_args(type_)
    return typing.get_origin(type_) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_frozenset(type_: Any) -> bool:
    return typing.get_origin(type_) is frozenset


def _make_converter() -> cattrs.Converter:
    conv = make_converter(forbid_extra_keys=True, omit_if_default=True, detailed_validation=True)
    conv.register_structure_hook(str, _str)
    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(bool, _bool)
    conv.register_structure_hook(date, _date)
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_structure_hook(datetime, _datetime)
    conv.register_unstructure_hook(datetime, lambda d: d.astimezone(OSLO).isoformat())
    conv.register_structure_hook(time, lambda v, _: time.fromisoformat(_str(v, str)))
    conv.register_unstructure_hook(time, time.isoformat)
    conv.register_structure_hook(Decimal, _decimal)
    # Fixed-point always: str(Decimal("2E+5")) would be "2E+5", which is no amount.
    conv.register_unstructure_hook(Decimal, lambda amount: format(amount, "f"))
    conv.register_structure_hook(Fraction, _fraction)
    conv.register_unstructure_hook(Fraction, str)
    conv.register_structure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda t: _enum_hook(t),
    )
    # Plain data holds the stable value strings, never enum objects (orjson could write
    # them, but sorting sets and comparing plain data need the strings).
    conv.register_unstructure_hook_factory(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum),
        lambda t: _enum_value,
    )

    # Sets come out sorted so the same register always gives the same bytes.
    def unstructure_frozenset(type_: Any) -> Callable[[frozenset[Any]], list[Any]]:
        (item_type,) = typing.get_args(type_) or (Any,)
        return lambda items: sorted(conv.unstructure(item, item_type) for item in items)

    conv.register_unstructure_hook_factory(_is_frozenset, unstructure_frozenset)

    # Lists are written for every record: resolve the item hook once, and skip the call
    # altogether for items that are already plain (ids, texts).
    def unstructure_tuple(type_: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        (item_type, _) = typing.get_args(type_)
        if item_type in (str, int, bool):
            return list
        item_hook = conv.get_unstructure_hook(item_type)
        return lambda items: [item_hook(item) for item in items]

    conv.register_unstructure_hook_factory(_is_homogeneous_tuple, unstructure_tuple)

    # A plain list where a set is expected must not hide duplicates.
    def structure_frozenset(type_: Any) -> Callable[[object, Any], frozenset[Any]]:
        (item_type,) = typing.get_args(type_) or (Any,)
        iterable_hook = conv.get_structure_hook(tuple[item_type, ...])  # type: ignore[valid-type]

        def structure_set(value: object, _: Any) -> frozenset[Any]:
            if type(value) is not list:
                raise _expected("a list", value)
            items = iterable_hook(value, tuple)
            result = frozenset(items)
            if len(result) != len(items):
                raise InvalidValue("the list names the same value twice")
            return result

        return structure_set

    conv.register_structure_hook_factory(_is_frozenset, structure_frozenset)

    def structure_tuple(type_: Any) -> Callable[[object, Any], tuple[Any, ...]]:
        base = homogenous_tuple_structure_factory(type_, conv)

        def structure_list(value: object, t: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _expected("a list", value)
            return base(value, t)  # type: ignore[no-any-return]

        return structure_list

    conv.register_structure_hook_factory(_is_homogeneous_tuple, structure_tuple)

    # cattrs' generic Optional hook dispatches on every call; resolve the inner hook once.
    def structure_optional(type_: Any) -> Callable[[object, Any], Any]:
        (inner,) = (arg for arg in typing.get_args(type_) if arg is not types.NoneType)
        inner_hook = conv.get_structure_hook(inner)
        return lambda value, _: None if value is None else inner_hook(value, inner)

    conv.register_structure_hook_factory(_is_simple_optional, structure_optional)

    def unstructure_optional(type_: Any) -> Callable[[Any], Any]:
        (inner,) = (arg for arg in typing.get_args(type_) if arg is not types.NoneType)
        inner_hook = conv.get_unstructure_hook(inner)
        return lambda value: None if value is None else inner_hook(value)

    conv.register_unstructure_hook_factory(_is_simple_optional, unstructure_optional)

    def tags(mapping: Mapping[type, str]) -> Callable[[type], str]:
        return lambda cls: mapping[cls]

    participant: Any = typing.Union[tuple(PARTICIPANT_TAGS)]  # noqa: UP007 - built at run time
    voting_rule: Any = typing.Union[tuple(VOTING_RULE_TAGS)]  # noqa: UP007
    configure_tagged_union(
        participant, conv, tag_generator=tags(PARTICIPANT_TAGS), tag_name=TAG_KEY
    )
    configure_tagged_union(
        voting_rule, conv, tag_generator=tags(VOTING_RULE_TAGS), tag_name=TAG_KEY
    )
    # configure_tagged_union covers the bare union only; an optional union field
    # (Agreement.non_core_amendment_rule) must carry the tag too.
    for union in (participant, voting_rule):
        _register_optional(conv, union)
    return conv


def _register_optional(conv: cattrs.Converter, union: Any) -> None:
    structure_union = conv.get_structure_hook(union)
    unstructure_union = conv.get_unstructure_hook(union)
    optional: Any = typing.Optional[union]  # noqa: UP045 - built at run time
    conv.register_unstructure_hook(
        optional, lambda value: None if value is None else unstructure_union(value)
    )
    conv.register_structure_hook(
        optional, lambda value, _: None if value is None else structure_union(value, union)
    )


#: The converter. Use :func:`structure` / :func:`unstructure` rather than calling it
#: directly: they add the format tag, reference checks and readable errors.
converter: Final = _make_converter()
# The tag of every member of a tagged union (participants, voting rules).
_TAGS: Final = {**PARTICIPANT_TAGS, **VOTING_RULE_TAGS}


@functools.cache
def _decoder(*, clean: bool = False) -> Decoder:
    # Most documents are valid: they are read by code generated from the model and
    # this converter's hooks, and only one it gives up on is read with the converter.
    return Decoder(
        converter,
        tags=_TAGS,
        tag_key=TAG_KEY,
        scopes={Council: ((*_COUNCIL_KINDS, "task"), _council_ids)},
        root_index=_global_ids,
        clean=clean,
    )


@functools.cache
def _encoder(*, native: tuple[type, ...] = ()) -> Encoder:
    # What the converter writes, generated as one function per class.
    return Encoder(converter, tags=_TAGS, tag_key=TAG_KEY, native=native)


# orjson writes these as the converter does (ISO 8601; every datetime in the model is
# already in Europe/Oslo), only faster: dumps leaves them to it.
_ORJSON_NATIVE: Final = (date, datetime)


# -- the public functions ------------------------------------------------------------


def unstructure(register: Register) -> dict[str, Any]:
    """Turn a register into plain data, with the ``format`` version tag first."""
    data: dict[str, Any] = _encoder().unstructure(register, Register)
    return {"format": FORMAT_VERSION, **data}


def structure(data: object) -> Register:
    """Turn plain data into a register, or raise :class:`~iprmodel.errors.LoadError`.

    Every structural problem and every dangling reference is reported at once.
    """
    return _structure(data, clean=False)


def _structure(data: object, *, clean: bool) -> Register:
    if not isinstance(data, dict):
        raise LoadError((Problem(path="", template="expected an object with a 'format' key"),))
    payload = _migrate(data)
    try:
        fast: Register = _decoder(clean=clean).structure(payload, Register)
    except Exception:
        pass
    else:
        return fast
    problems = list(check_references(payload))
    try:
        register: Register = converter.structure(payload, Register)
    except (ClassValidationError, IterableValidationError) as error:
        problems[:0] = _problems(error, "", payload)
    except (TypeError, ValueError) as error:
        problems.insert(0, _problem(error, "", None))
    if problems:
        # The same duplicate id may be found by the model and by the reference walk.
        raise LoadError(dict.fromkeys(problems))
    return register


def dumps(register: Register, *, indent: bool = True) -> bytes:
    """The canonical JSON bytes of ``register``: sorted keys, UTF-8, final newline.

    The same register always gives the same bytes.
    """
    option = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    if indent:
        option |= orjson.OPT_INDENT_2
    data = _encoder(native=_ORJSON_NATIVE).unstructure(register, Register)
    return orjson.dumps({"format": FORMAT_VERSION, **data}, option=option, default=_other)


def _other(value: object) -> Any:
    # orjson writes date and datetime itself but not their subclasses (pendulum,
    # pandas.Timestamp): those are written by the converter's hooks.
    if isinstance(value, date):
        return converter.unstructure(value)
    raise TypeError(type(value).__name__)


def loads(text: bytes | str) -> Register:
    """Parse canonical JSON into a register; syntax errors name line and column.

    A key repeated inside one object is an error, not a silent overwrite (orjson and
    most parsers keep the last value): see :func:`parse_json`. Canonical bytes (what
    :func:`dumps` writes) take a faster path with the same answers; see "How loading
    stays strict and fast" in the docs.
    """
    if isinstance(text, bytes):
        canonical = _parse_canonical(text)
        if canonical is not None:
            return _structure(canonical, clean=_free_of_controls(text))
    return structure(_parse_strict(text))


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


def load(path: str | Path) -> Register:
    """Load a register from a ``.json`` or hand-written ``.toml`` file."""
    file = Path(path)
    try:
        content = file.read_bytes()
    except OSError as error:
        raise LoadError(
            (
                Problem(
                    path=str(file),
                    template="cannot read the file: {reason}",
                    params=(("reason", error.strerror or str(error)),),
                ),
            )
        ) from None
    if file.suffix.lower() == ".toml":
        return loads_toml(content)
    return loads(content)


def loads_toml(content: bytes | str) -> Register:
    """Parse a TOML register (the same shape as JSON; dates may be TOML dates)."""
    return structure(parse_toml(content))


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


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("format")
    if "format" not in data:
        raise FormatVersionError(
            (
                Problem(
                    path="format",
                    template=(
                        'missing: add the format version at the top: "format": {version}'
                        " in JSON, format = {version} in TOML"
                    ),
                    params=(("version", FORMAT_VERSION),),
                ),
            )
        )
    if type(version) is not int or version < 1:
        raise FormatVersionError(
            (
                Problem(
                    path="format",
                    template="expected a format version number such as {version}, got {got}",
                    params=(("version", FORMAT_VERSION), ("got", _show(version))),
                ),
            )
        )
    if version > FORMAT_VERSION:
        raise FormatVersionError(
            (
                Problem(
                    path="format",
                    template="the data is in format {got}, written by a newer iprmodel; this version reads formats 1 to {version}: upgrade iprmodel",
                    params=(("got", version), ("version", FORMAT_VERSION)),
                ),
            )
        )
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return {key: value for key, value in data.items() if key != "format"}


# -- errors as path: message -----------------------------------------------------------


def _segment(raw: object, index: int) -> str:
    # Name list items by their id where they have one: councils[hallingdal] reads better
    # than councils[3] for a secretary looking for the mistake.
    if isinstance(raw, list) and 0 <= index < len(raw):
        item = raw[index]
        if isinstance(item, dict):
            item_id = item.get("id")
            if isinstance(item_id, str) and item_id and "]" not in item_id and len(item_id) < 81:
                return f"[{item_id}]"
    return f"[{index}]"


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def _problems(error: BaseException, path: str, raw: object) -> Iterator[Problem]:
    if isinstance(error, IterableValidationError):
        with_notes, without = error.group_exceptions()
        for exc, note in with_notes:
            index = note.index if isinstance(note.index, int) else -1
            sub = raw[index] if isinstance(raw, list) and 0 <= index < len(raw) else None
            yield from _problems(exc, path + _segment(raw, index), sub)
        for exc in without:
            yield _problem(exc, path, raw)
    elif isinstance(error, ClassValidationError):
        class_notes, class_without = error.group_exceptions()
        for exc, attribute_note in class_notes:
            sub = raw.get(attribute_note.name) if isinstance(raw, dict) else None
            yield from _problems(exc, _join(path, attribute_note.name), sub)
        for exc in class_without:
            if isinstance(exc, ForbiddenExtraKeysError):
                allowed = ", ".join(sorted(_field_names(exc.cl)))
                for key in sorted(exc.extra_fields):
                    yield Problem(
                        path=_join(path, key),
                        template="unknown key; allowed here: {allowed}",
                        params=(("allowed", allowed),),
                    )
            else:
                yield _problem(exc, path, raw)
    else:
        yield _problem(error, path, raw)


def _field_names(cls: type) -> list[str]:
    try:
        return [field.alias for field in attrs.fields(cls)]
    except (TypeError, attrs.exceptions.NotAnAttrsClassError):
        return []


def _problem(error: BaseException, path: str, raw: object) -> Problem:
    if isinstance(error, InvalidValue):
        where = _join(path, error.at) if error.at else path
        return Problem(path=where, template=error.template, params=tuple(error.params.items()))
    if isinstance(error, KeyError):
        if isinstance(raw, dict) and error.args and raw.get(TAG_KEY) == error.args[0]:
            tags = PARTICIPANT_TAGS if path.startswith("participants") else VOTING_RULE_TAGS
            return Problem(
                path=_join(path, TAG_KEY),
                template="expected one of {choices}; got {got}",
                params=(
                    ("choices", ", ".join(sorted(tags.values()))),
                    ("got", _show(error.args[0])),
                ),
            )
        if isinstance(raw, dict) and TAG_KEY not in raw and error.args == (TAG_KEY,):
            return Problem(path=_join(path, TAG_KEY), template="required field missing")
        return Problem(path=path, template="required field missing")
    message = str(error)
    if "tag" in message.lower() or isinstance(error, cattrs.errors.StructureHandlerNotFoundError):
        return Problem(
            path=path, template="cannot read this value: {reason}", params=(("reason", message),)
        )
    return Problem(path=path, template="{reason}", params=(("reason", message),))


# -- references ------------------------------------------------------------------------

# Which ids a reference kind may point at. "party" is anyone who can sign or fund.
_GLOBAL_KINDS: Final = {
    "participant": ("participants",),
    "person": ("persons",),
    "organisation": ("organisations",),
    "party": ("participants", "organisations"),
    "council": ("councils",),
}
_COUNCIL_KINDS: Final = {
    "body": ("bodies",),
    "meeting": ("meetings",),
    "theme": ("themes",),
    "plan": ("strategic_plans",),
    "project": ("projects",),
    "fund": ("funds",),
    "appointment": ("appointments",),
}


# The words for each kind of reference, so "no {kind} has the id" reads in nb and nn too.
_REF_WORDS: Final = {
    "participant": Phrase("participant"),
    "person": Phrase("person"),
    "organisation": Phrase("organisation"),
    "party": Phrase("participant or organisation"),
    "council": Phrase("council"),
    "body": Phrase("body"),
    "meeting": Phrase("meeting"),
    "theme": Phrase("theme"),
    "plan": Phrase("strategic plan"),
    "project": Phrase("project"),
    "fund": Phrase("fund"),
    "appointment": Phrase("appointment"),
    "task": Phrase("task"),
}


def _ids(items: object) -> frozenset[str]:
    if not isinstance(items, list):
        return frozenset()
    return frozenset(
        item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)
    )


def _council_ids(council: dict[str, Any]) -> dict[str, frozenset[str]]:
    index = {
        kind: frozenset().union(*(_ids(council.get(key)) for key in keys))
        for kind, keys in _COUNCIL_KINDS.items()
    }
    tasks: set[str] = set()
    plans = council.get("action_plans")
    if isinstance(plans, list):
        for plan in plans:
            if isinstance(plan, dict):
                tasks |= _ids(plan.get("tasks"))
    index["task"] = frozenset(tasks)
    return index


def _global_ids(data: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    return {
        kind: frozenset().union(*(_ids(data.get(key)) for key in keys))
        for kind, keys in _GLOBAL_KINDS.items()
    }


def check_references(data: Mapping[str, Any]) -> Iterator[Problem]:
    """Every reference in plain ``data`` (a register without its format tag) that names no object."""
    index = _global_ids(data)
    problems: list[Problem] = []
    _walk(Register, data, None, index, problems)
    return iter(problems)


# A path is built only when a problem is found: until then it is a linked chain of
# (parent, part) pairs, part being a field name or a (list, index) pair.
_Path = tuple[Any, Any] | None


def _format_path(path: _Path) -> str:
    parts = []
    while path is not None:
        path, part = path
        parts.append(part)
    text = ""
    for part in reversed(parts):
        text = _join(text, part) if isinstance(part, str) else text + _segment(*part)
    return text


def _walk(
    cls: type,
    raw: object,
    path: _Path,
    index: dict[str, frozenset[str]],
    problems: list[Problem],
) -> None:
    if not isinstance(raw, dict):
        return
    if cls is Council:
        index = {**index, **_council_ids(raw)}
    for name in _unique_fields(cls):
        _check_unique(raw.get(name), (path, name), problems)
    for name, kind, children in _plan(cls):
        value = raw.get(name)
        if value is None:
            continue
        here = (path, name)
        if kind is not None:
            _check_ref(kind, value, here, index, problems)
        elif children is not None:
            if type(value) is list:
                for i, item in enumerate(value):
                    target = _pick(children, item)
                    if target is not None:
                        _walk(target, item, (here, (value, i)), index, problems)
            else:
                target = _pick(children, value)
                if target is not None:
                    _walk(target, value, here, index, problems)


def _check_unique(items: object, path: _Path, problems: list[Problem]) -> None:
    # The model checks this too, but only once everything else in the object loaded;
    # here a duplicate is reported together with the other problems.
    if type(items) is not list:
        return
    seen: set[str] = set()
    for i, item in enumerate(items):
        item_id = item.get("id") if type(item) is dict else None
        if type(item_id) is not str:
            continue
        if item_id in seen:
            problems.append(
                Problem(
                    path=f"{_format_path(path)}[{i}].id",
                    template="the id {id} is used by an earlier entry too",
                    params=(("id", repr(item_id)),),
                )
            )
        seen.add(item_id)


@functools.cache
def _unique_fields(cls: type) -> tuple[str, ...]:
    return tuple(field.alias for field in attrs.fields(cls) if field.metadata.get(UNIQUE))


def _check_ref(
    kind: str,
    value: object,
    path: _Path,
    index: dict[str, frozenset[str]],
    problems: list[Problem],
) -> None:
    known = index.get(kind, frozenset())
    values = value if type(value) is list else (value,)
    for i, item in enumerate(values):
        if type(item) is str and item not in known:
            where = _format_path(path) + (f"[{i}]" if type(value) is list else "")
            problems.append(
                Problem(
                    path=where,
                    template="no {kind} has the id {id}",
                    params=(("kind", _REF_WORDS.get(kind, Phrase(kind))), ("id", _show(item))),
                )
            )


def _pick(children: tuple[type, ...], raw: object) -> type | None:
    if len(children) == 1:
        return children[0]
    if isinstance(raw, dict):
        tag = raw.get(TAG_KEY)
        for cls in children:
            if _TAGS.get(cls) == tag:
                return cls
    return None


_Plan = tuple[tuple[str, str | None, tuple[type, ...] | None], ...]


@functools.cache
def _plan(cls: type) -> _Plan:
    """For each field of ``cls`` that holds or leads to references: (name, ref kind, classes)."""
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, str | None, tuple[type, ...] | None]] = []
    for field in attrs.fields(cls):
        kind = field.metadata.get(REF)
        if kind is not None:
            plan.append((field.alias, kind, None))
            continue
        classes = tuple(c for c in _attrs_classes(hints[field.name]) if _leads_to_refs(c))
        if classes:
            plan.append((field.alias, None, classes))
    return tuple(plan)


def _attrs_classes(type_: Any) -> Iterator[type]:
    if isinstance(type_, type) and attrs.has(type_):
        yield type_
        return
    if typing.get_origin(type_) in (typing.Union, types.UnionType, tuple, frozenset):
        for arg in typing.get_args(type_):
            if arg is not Ellipsis:
                yield from _attrs_classes(arg)


@functools.cache
def _leads_to_refs(cls: type) -> bool:
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if REF in field.metadata:
            return True
        if any(c is not cls and _leads_to_refs(c) for c in _attrs_classes(hints[field.name])):
            return True
    return False
