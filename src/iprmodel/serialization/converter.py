# SPDX-License-Identifier: MIT
"""The one converter between the model and plain data (dicts, lists, strings, numbers).

Strict primitive hooks (``3`` is not ``"3"``, naive datetimes are errors, money is never
a binary float), sorted sets, enums as their value strings, and tagged unions
(participants, voting rules) carrying their ``kind``. Everything else in the package
(the fast decoder and encoder, reference checks, messages) follows these hooks.

>>> converter.structure("2023-01-01", date)
datetime.date(2023, 1, 1)
"""

from __future__ import annotations

import enum
import operator
import re
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Final

import cattrs
import orjson
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.preconf.orjson import make_converter
from cattrs.strategies import configure_tagged_union

from iprmodel.errors import InvalidValue, Phrase
from iprmodel.model import PARTICIPANT_TAGS, VOTING_RULE_TAGS
from iprmodel.model._fields import OSLO, to_oslo

__all__ = ["TAG_KEY", "converter"]

#: The key that carries the tag of a tagged union (participants, voting rules).
TAG_KEY: Final = "kind"
_DATE_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_DATETIME_RE: Final = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$",
    re.ASCII,  # \d must not accept other scripts' digits
)
_DECIMAL_RE: Final = re.compile(r"^-?\d+(\.\d+)?$", re.ASCII)
_FRACTION_RE: Final = re.compile(r"^\d+(/\d+|\.\d+)?$", re.ASCII)


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
