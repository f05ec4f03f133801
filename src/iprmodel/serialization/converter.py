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

import contextvars
import enum
import itertools
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
from cattrs.errors import IterableValidationError, IterableValidationNote
from cattrs.preconf.orjson import make_converter
from cattrs.strategies import configure_tagged_union

from iprmodel.errors import InvalidValue, Phrase
from iprmodel.model import PARTICIPANT_TAGS, VOTING_RULE_TAGS
from iprmodel.model._fields import OSLO, to_oslo

__all__ = ["BUDGET", "TAG_KEY", "Budget", "TomlDate", "Unreadable", "converter"]

#: The key that carries the tag of a tagged union (participants, voting rules).
TAG_KEY: Final = "kind"
_DATE_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_DATETIME_RE: Final = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$",
    re.ASCII,  # \d must not accept other scripts' digits
)
_TIME_RE: Final = re.compile(r"^\d{2}:\d{2}(:\d{2}(\.\d+)?)?$", re.ASCII)
# Python keeps six decimals of a second and drops the rest without a word: a digit other
# than 0 past the sixth would be lost (.NET's seven, "…:00.0000000+01:00", are all zeros).
_PAST_MICROSECONDS: Final = re.compile(r"\.\d{6}\d*[1-9]", re.ASCII)
_DECIMAL_RE: Final = re.compile(r"^-?\d+(\.\d+)?$", re.ASCII)
_FRACTION_RE: Final = re.compile(r"^\d+(/\d+|\.\d+)?$", re.ASCII)


class Unreadable:
    """A number as written in the input that no field can hold: ``1e400``, ``NaN``, ``10**400``.

    The parsers put it where the number was, so the problem names its path and the
    number as written; every hook refuses it with its own message.
    """

    __slots__ = ("params", "template", "text")

    def __init__(self, text: str, *, template: str, **params: object) -> None:
        self.text = text if len(text) <= 30 else text[:29] + "…"
        self.template = template
        self.params = {"value": self.text, **params}

    def __repr__(self) -> str:
        return self.text


# How much of a list or object a message shows: enough to recognise, never the
# whole of a large (or deeply nested) value.
_PREVIEW_ITEMS: Final = 8
_PREVIEW_DEPTH: Final = 4


def _preview(value: object, depth: int) -> object:
    if isinstance(value, list):
        if depth >= _PREVIEW_DEPTH:
            return ["…"] if value else []
        items = [_preview(item, depth + 1) for item in value[:_PREVIEW_ITEMS]]
        return [*items, "…"] if len(value) > _PREVIEW_ITEMS else items
    if isinstance(value, dict):
        if depth >= _PREVIEW_DEPTH:
            return {"…": "…"} if value else {}
        shown = {
            str(key): _preview(item, depth + 1)
            for key, item in itertools.islice(value.items(), _PREVIEW_ITEMS)
        }
        if len(value) > _PREVIEW_ITEMS:
            shown["…"] = "…"
        return shown
    return value


def _show(value: object, limit: int = 60) -> str:
    """A short JSON rendering of ``value`` for messages (numbers as written)."""
    if isinstance(value, Unreadable):
        return value.text
    try:
        text = orjson.dumps(_preview(value, 0), default=repr).decode()
    except TypeError:  # pragma: no cover - everything a parser returns can be written
        text = "…"
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _expected(expected: str, value: object) -> InvalidValue:
    if isinstance(value, Unreadable):
        return InvalidValue(value.template, **value.params)
    return InvalidValue(
        "expected {expected}, got {got}", expected=Phrase(expected), got=_show(value)
    )


# -- strict primitive hooks ----------------------------------------------------------


class TomlDate(str):
    """A TOML date or time as its ISO text: good where a date is expected, not as text."""

    __slots__ = ()


def _str(value: object, _: type) -> str:
    if type(value) is not str:
        if isinstance(value, TomlDate):
            raise InvalidValue(
                "expected text, got the date or time {value}; put it in quotes to make it text",
                value=str(value),
            )
        raise _expected("text", value)
    if "\r" in value:
        # Text pasted from Word or written on Windows: lines end in LF in the model.
        return value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _time(value: object, _: type) -> time:
    if type(value) not in (str, TomlDate) or not _TIME_RE.fullmatch(str(value)):
        raise _expected("a time as HH:MM or HH:MM:SS", value)
    _whole_microseconds(value)
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        raise InvalidValue("{value} is not a valid time", value=_show(value)) from None


def _whole_microseconds(value: object) -> None:
    if _PAST_MICROSECONDS.search(str(value)):
        raise InvalidValue(
            "{value} has more than six decimals of a second; a register keeps times to the"
            " microsecond",
            value=_show(value),
        )


def _int(value: object, _: type) -> int:
    if type(value) is not int:
        raise _expected("an integer", value)
    return value


def _bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise _expected("true or false", value)
    return value


def _date(value: object, _: type) -> date:
    if type(value) not in (str, TomlDate) or not _DATE_RE.fullmatch(str(value)):
        raise _expected("a date as YYYY-MM-DD", value)
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InvalidValue("{value} is not a valid date", value=_show(value)) from None


def _datetime(value: object, _: type) -> datetime:
    if type(value) not in (str, TomlDate) or not _DATETIME_RE.fullmatch(str(value)):
        raise _expected("a date and time as YYYY-MM-DDTHH:MM:SS+01:00", value)
    _whole_microseconds(value)
    try:
        parsed = datetime.fromisoformat(str(value))
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


class Budget:
    """How many more failing list items the converter reads before it stops.

    A document with a million bad list items must not cost a million exceptions: once
    the budget is spent, each list stops at its next bad item (the problems found so far
    are reported, and that more were not looked for).
    """

    __slots__ = ("left", "stopped")

    def __init__(self, left: int) -> None:
        self.left = left
        self.stopped = False


#: The budget of the structuring under way; none: every problem is collected.
BUDGET: Final[contextvars.ContextVar[Budget | None]] = contextvars.ContextVar(
    "iprmodel_problem_budget", default=None
)


def _structure_items(
    value: list[Any], item_hook: Callable[[Any, Any], Any], item_type: Any, type_: Any
) -> tuple[Any, ...]:
    """Structure every item, collecting failures as cattrs does, within the budget."""
    budget = BUDGET.get()
    errors: list[Exception] = []
    result = []
    for index, item in enumerate(value):
        try:
            result.append(item_hook(item, item_type))
        except Exception as error:
            error.__notes__ = [
                *getattr(error, "__notes__", []),
                IterableValidationNote(f"Structuring {type_} @ index {index}", index, item_type),
            ]
            error.__traceback__ = None  # frames and their locals are not needed to report
            errors.append(error)
            if budget is not None:
                budget.left -= 1
                if budget.left <= 0:
                    budget.stopped |= index + 1 < len(value)
                    break
    if errors:
        raise IterableValidationError(f"While structuring {type_!r}", errors, type_)
    return tuple(result)


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
    conv.register_structure_hook(time, _time)
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
        (item_type, _) = typing.get_args(type_)
        try:
            item_hook = conv.get_structure_hook(item_type)
        except RecursionError:  # pragma: no cover - a recursive type: bind late
            item_hook = conv.structure

        def structure_list(value: object, t: Any) -> tuple[Any, ...]:
            if type(value) is not list:
                raise _expected("a list", value)
            return _structure_items(value, item_hook, item_type, type_)

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
