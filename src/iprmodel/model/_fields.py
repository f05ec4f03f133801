# SPDX-License-Identifier: MIT
"""Field helpers shared by the model classes: local invariants as attrs validators.

Every helper returns an ``attrs.field`` so a class reads as a list of its fields.
Validators raise :class:`ValueError` or :class:`TypeError` whose message starts
with the field name; the serialization layer turns them into ``path: message``.
The ``metadata`` of a reference field names what it points at, so one walker
(:mod:`iprmodel.serialization`) can check every reference.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, TypeVar
from zoneinfo import ZoneInfo

import attrs
from stdnum.exceptions import ValidationError
from stdnum.no import orgnr as stdnum_orgnr

from iprmodel.errors import InvalidType, InvalidValue, Phrase

#: Every datetime in the model lives in this zone (meetings are held in Norway).
OSLO: Final = ZoneInfo("Europe/Oslo")

SLUG_RE: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUG_MAX: Final = 80
#: Upper bound on a single text field; protects exporters from pathological input.
TEXT_MAX: Final = 100_000
#: C0 controls except tab and newline, DEL, C1 controls, lone surrogates and the
#: non-characters U+FFFE/U+FFFF: they corrupt XML, iCalendar and UTF-8 output, so no
#: text may hold them.
#: What no text may hold: C0/C1 controls but tab and newline, surrogates, noncharacters,
#: and the bidirectional embeddings, overrides and isolates (U+202A-U+202E,
#: U+2066-U+2069), which reorder what a reader sees ("Trojan Source").
CONTROL_RE: Final = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)

T = TypeVar("T")

#: Metadata key naming the kind of object a reference field points at.
REF: Final = "iprmodel_ref"
#: Metadata key marking a list whose items' ids must be unique.
UNIQUE: Final = "iprmodel_unique_ids"
#: Metadata key for a JSON Schema fragment merged into the generated schema.
SCHEMA: Final = "iprmodel_schema"

#: Inline forms of the hottest validators, for the decoder generated from the model
#: (:mod:`iprmodel.codec`): a Python expression over ``{v}``, a value already of the
#: field's declared type, that is true only when the validator would accept it.
#: ``{controls}`` stands for the test that a text holds no character :data:`CONTROL_RE`
#: matches, left out when the whole document is known to hold none. Where the
#: expression is false the decoder calls the validator itself, so it may be stricter
#: than its validator, never looser. Each entry sits next to its validator so the two
#: change together.
FAST_CHECKS: Final[dict[Callable[..., None], str]] = {}
#: The same for a reference field when every reference is known to name an existing
#: object: its id passed the slug check, so only what else the validator checks is left.
RESOLVED_CHECKS: Final[dict[Callable[..., None], str]] = {}


def to_tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """Converter: any iterable to a tuple (typed, so callers may pass lists)."""
    return tuple(items)


def to_frozenset(items: Iterable[Any]) -> frozenset[Any]:
    """Converter: any iterable to a frozenset."""
    return frozenset(items)


def _name(attribute: attrs.Attribute[Any]) -> str:
    return attribute.name.lstrip("_")


def _kind(value: object) -> str:
    """A JSON-ish name for the type of ``value``, for messages."""
    return _KINDS.get(type(value), Phrase("a value of another kind"))


_KINDS: Final[dict[type, Phrase]] = {
    str: Phrase("text"),
    int: Phrase("a whole number"),
    float: Phrase("a decimal number"),
    bool: Phrase("true/false"),
    list: Phrase("a list"),
    tuple: Phrase("a list"),
    dict: Phrase("an object"),
    type(None): Phrase("nothing (null)"),
}


def check_text(value: str, what: str) -> None:
    """Raise :class:`~iprmodel.errors.InvalidValue` on a control character or too long text.

    >>> check_text("Ål\\tkommune", "name")
    >>> check_text("a\\x00b", "name")
    Traceback (most recent call last):
    ...
    iprmodel.errors.InvalidValue: name contains a control character (U+0000) at position 1
    """
    match = CONTROL_RE.search(value)
    if match is not None:
        raise InvalidValue(
            "{field} contains a control character ({char}) at position {position}",
            field=what,
            char=f"U+{ord(match.group()):04X}",
            position=match.start(),
        )
    if len(value) > TEXT_MAX:
        raise InvalidValue("{field} is longer than {limit} characters", field=what, limit=TEXT_MAX)


def _validate_text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # Hot path (every text of every record): the cheap checks first, names only on error.
    if type(value) is str:
        if len(value) <= TEXT_MAX and CONTROL_RE.search(value) is None:
            return
        check_text(value, _name(attribute))
    elif value is not None:
        raise InvalidType(
            "{field} must be text, got {got}", field=_name(attribute), got=_kind(value)
        )


FAST_CHECKS[_validate_text] = "({v} is None or len({v}) <= TEXT_MAX{controls})"


def _validate_required_text(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _validate_text(inst, attribute, value)
    if isinstance(value, str) and not value.strip():
        raise InvalidValue("{field} must not be empty", field=_name(attribute))


FAST_CHECKS[_validate_required_text] = "(len({v}) <= TEXT_MAX{controls} and {v}.strip() != '')"


# Ids repeat (every reference names one), so remember the ones already checked.
_KNOWN_SLUGS: set[str] = set()
_KNOWN_SLUGS_MAX: Final = 1_000_000


def _validate_slug(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is str and (
        value in _KNOWN_SLUGS or (len(value) <= SLUG_MAX and SLUG_RE.fullmatch(value))
    ):
        if len(_KNOWN_SLUGS) >= _KNOWN_SLUGS_MAX:
            _KNOWN_SLUGS.clear()
        _KNOWN_SLUGS.add(value)
        return
    if value is None:
        return
    if not isinstance(value, str):
        raise InvalidType(
            "{field} must be text, got {got}", field=_name(attribute), got=_kind(value)
        )
    if len(value) > SLUG_MAX or not SLUG_RE.fullmatch(value):
        raise InvalidValue(
            "{field} {value} is not a valid id: use lower-case letters a-z, digits and"
            " single hyphens, at most {limit} characters (e.g. 'hallingdal')",
            field=_name(attribute),
            value=repr(value[:SLUG_MAX]),
            limit=SLUG_MAX,
        )


# Only checked slugs are remembered, so membership alone accepts; None is "not given".
FAST_CHECKS[_validate_slug] = "({v} in _KNOWN_SLUGS or {v} is None)"
RESOLVED_CHECKS[_validate_slug] = "True"


def id_field() -> Any:
    """A required slug id: ``hallingdal``, ``ordforar-gol``."""
    return attrs.field(validator=_validate_slug, metadata={SCHEMA: {"pattern": SLUG_RE.pattern}})


def ref_field(kind: str, *, optional: bool = False) -> Any:
    """A reference by id to an object of ``kind`` (``"person"``, ``"body"``...)."""
    meta = {REF: kind, SCHEMA: {"pattern": SLUG_RE.pattern}}
    if optional:
        return attrs.field(default=None, validator=_validate_slug, metadata=meta)
    return attrs.field(validator=_validate_slug, metadata=meta)


def _validate_slugs(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple | frozenset):
        raise InvalidType("{field} must be a list of ids", field=_name(attribute))
    for item in value:
        _validate_slug(inst, attribute, item)
    if isinstance(value, tuple) and len(set(value)) != len(value):
        raise InvalidValue("{field} lists the same id twice", field=_name(attribute))


FAST_CHECKS[_validate_slugs] = "(_KNOWN_SLUGS.issuperset({v}) and len(set({v})) == len({v}))"
RESOLVED_CHECKS[_validate_slugs] = "len(set({v})) == len({v})"


def refs_field(kind: str) -> Any:
    """An ordered tuple of references, without repeats."""
    return attrs.field(
        factory=tuple,
        converter=to_tuple,
        validator=_validate_slugs,
        metadata={REF: kind},
    )


def text_field(*, default: object = attrs.NOTHING) -> Any:
    """Free text (may be empty); no control characters except tab and newline."""
    return attrs.field(default=default, validator=_validate_text)


def required_text() -> Any:
    """Non-empty free text."""
    return attrs.field(validator=_validate_required_text)


def optional_text() -> Any:
    """Free text or ``None``."""
    return attrs.field(default=None, validator=_validate_text)


def texts_field() -> Any:
    """A tuple of free-text strings."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        for i, item in enumerate(value):
            _validate_text(None, attribute, item)
            if isinstance(item, str) and not item.strip():
                raise InvalidValue("{field} must not be empty", field=f"{_name(attribute)}[{i}]")

    return attrs.field(factory=tuple, converter=to_tuple, validator=check)


def tuple_field() -> Any:
    """A tuple of model objects (lists are turned into tuples)."""
    return attrs.field(factory=tuple, converter=to_tuple)


def _positive_int(minimum: int) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidType(
                "{field} must be a whole number, got {got}",
                field=_name(attribute),
                got=_kind(value),
            )
        if value < minimum:
            raise InvalidValue(
                "{field} must be at least {minimum}, got {value}",
                field=_name(attribute),
                minimum=minimum,
                value=value,
            )

    FAST_CHECKS[check] = f"({{v}} is None or {{v}} >= {minimum})"
    return check


def count_field(*, minimum: int = 0, default: object = attrs.NOTHING) -> Any:
    """A whole number >= ``minimum``."""
    return attrs.field(
        default=default,
        validator=_positive_int(minimum),
        metadata={SCHEMA: {"minimum": minimum}},
    )


def optional_count(*, minimum: int = 0) -> Any:
    """A whole number >= ``minimum``, or ``None`` when unknown."""
    return attrs.field(
        default=None, validator=_positive_int(minimum), metadata={SCHEMA: {"minimum": minimum}}
    )


#: The names the :data:`FAST_CHECKS` expressions use.
FAST_NAMES: Final[dict[str, object]] = {
    "_KNOWN_SLUGS": _KNOWN_SLUGS,
    "TEXT_MAX": TEXT_MAX,
    "_control": CONTROL_RE.search,
}


def _validate_money(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Decimal):
        raise InvalidType(
            "{field} must be an amount in NOK, got {got}", field=_name(attribute), got=_kind(value)
        )
    if not value.is_finite() or value < 0:
        raise InvalidValue(
            "{field} must be an amount of 0 NOK or more, got {value}",
            field=_name(attribute),
            value=str(value),
        )
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise InvalidValue(
            "{field} has more than two decimals (øre): {value}",
            field=_name(attribute),
            value=str(value),
        )


def money_field(*, optional: bool = False) -> Any:
    """An amount in NOK as :class:`~decimal.Decimal` >= 0, at most two decimals."""
    if optional:
        return attrs.field(default=None, validator=_validate_money)
    return attrs.field(validator=_validate_money)


def _fraction_in(
    low: Fraction, high: Fraction, *, low_open: bool = False
) -> Callable[[object, attrs.Attribute[Any], object], None]:
    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            return
        if not isinstance(value, Fraction):
            raise InvalidType(
                "{field} must be a fraction such as '1/2', got {got}",
                field=_name(attribute),
                got=_kind(value),
            )
        if value < low or value > high or (low_open and value == low):
            raise InvalidValue(
                "{field} must be between {low} ({bound}) and {high}, got {value}",
                field=_name(attribute),
                low=str(low),
                bound=Phrase("exclusive") if low_open else Phrase("inclusive"),
                high=str(high),
                value=str(value),
            )

    return check


def fraction_field(
    *,
    default: object = attrs.NOTHING,
    low: Fraction = Fraction(0),
    high: Fraction = Fraction(1),
    low_open: bool = False,
) -> Any:
    """An exact fraction in ``[low, high]`` (shares, thresholds, FTE)."""
    return attrs.field(default=default, validator=_fraction_in(low, high, low_open=low_open))


def to_oslo(value: datetime) -> datetime:
    """Return an aware datetime in Europe/Oslo; naive datetimes are an error.

    >>> from datetime import timezone
    >>> to_oslo(datetime(2026, 3, 12, 9, 0, tzinfo=timezone.utc)).isoformat()
    '2026-03-12T10:00:00+01:00'
    >>> to_oslo(datetime(2026, 3, 12, 9, 0))
    Traceback (most recent call last):
    ...
    iprmodel.errors.InvalidValue: 2026-03-12T09:00:00 has no time zone; give a UTC offset (e.g. +01:00)
    """
    if not isinstance(value, datetime):
        raise InvalidType("expected a date and time, got {got}", got=_kind(value))
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidValue(
            "{value} has no time zone; give a UTC offset (e.g. +01:00)", value=value.isoformat()
        )
    # Through UTC even when already in Oslo: a wall time in the spring-forward gap
    # (02:30 on the last Sunday of March) becomes the real instant it denotes.
    try:
        return value.astimezone(UTC).astimezone(OSLO)
    except OverflowError:  # 9999-12-31T23:00-05:00 is in the year 10000 in Oslo
        raise InvalidValue(
            "{value} lies outside the years 1 to 9999 in Norwegian time", value=value.isoformat()
        ) from None


def to_oslo_or_none(value: datetime | None) -> datetime | None:
    """:func:`to_oslo`, letting ``None`` through."""
    return None if value is None else to_oslo(value)


def datetime_field(*, optional: bool = False) -> Any:
    """An aware datetime, stored in Europe/Oslo."""
    if optional:
        return attrs.field(default=None, converter=to_oslo_or_none)
    return attrs.field(converter=to_oslo)


def _validate_date(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidType(
            "{field} must be a date, got {got}", field=_name(attribute), got=_kind(value)
        )


def date_field(*, optional: bool = True) -> Any:
    """A calendar date (or ``None`` when ``optional``)."""
    if optional:
        return attrs.field(default=None, validator=_validate_date)
    return attrs.field(validator=_validate_date)


def ordered(first: str, second: str, *, strict: bool = False) -> Callable[[Any], None]:
    """Return a check that ``first <= second`` (or ``<``) when both are set."""

    def check(inst: Any) -> None:
        a, b = getattr(inst, first), getattr(inst, second)
        if a is None or b is None:
            return
        x, y = a, b
        # Two datetimes in the same zone compare by wall clock, ignoring fold: in the
        # autumn's repeated hour 02:52+02:00 would count as after 02:42+01:00. Without
        # fold the wall clock runs with time, so only then are instants needed.
        if isinstance(a, datetime) and (a.tzinfo is not b.tzinfo or a.fold or b.fold):
            x, y = a.timestamp(), b.timestamp()
        if (x >= y) if strict else (x > y):
            template = (
                "{first} ({a}) must be before {second} ({b})"
                if strict
                else "{first} ({a}) must be on or before {second} ({b})"
            )
            raise InvalidValue(template, first=first, a=str(a), second=second, b=str(b))

    return check


def enum_field(enum: type[Any], *, default: object = attrs.NOTHING, optional: bool = False) -> Any:
    """A member of ``enum`` (or ``None`` when ``optional``)."""
    validator: Any = attrs.validators.instance_of(enum)
    if optional:
        return attrs.field(default=None, validator=attrs.validators.optional(validator))
    return attrs.field(default=default, validator=validator)


def enum_set_field(enum: type[Any]) -> Any:
    """A frozenset of members of ``enum``; serialised sorted."""
    return attrs.field(
        factory=frozenset,
        converter=to_frozenset,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(enum)),
    )


def bool_field(*, default: object = attrs.NOTHING) -> Any:
    """A strict boolean."""
    return attrs.field(default=default, validator=attrs.validators.instance_of(bool))


def optional_bool() -> Any:
    """``True``, ``False`` or ``None`` (unknown)."""
    return attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(bool))
    )


def _validate_orgnr(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise InvalidType("{field} must be text, got {got}", field="orgnr", got=_kind(value))
    try:
        compact = stdnum_orgnr.validate(value)
    except ValidationError:
        error = InvalidValue(
            "orgnr {value} is not a valid Norwegian organisation number"
            " (nine digits with a correct check digit)",
            value=repr(value),
        )
    else:
        if compact == value:
            return
        error = InvalidValue(
            "orgnr must be written as nine digits without spaces: {value}", value=repr(compact)
        )
    # Checked on the whole object: the path names the field, as a type error's does.
    error.at = attribute.name
    raise error


def orgnr_field() -> Any:
    """An organisation number (organisasjonsnummer), checked with python-stdnum."""
    return attrs.field(
        default=None, validator=_validate_orgnr, metadata={SCHEMA: {"pattern": r"^[0-9]{9}$"}}
    )


def _unique_ids(_inst: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    seen: set[str] = set()
    for index, item in enumerate(value):
        item_id = getattr(item, "id", None)
        if item_id is None:
            continue
        if item_id in seen:
            error = InvalidValue("the id {id} is used by an earlier entry too", id=repr(item_id))
            error.at = f"{attribute.name}[{index}].id"
            raise error
        seen.add(item_id)


def unique_tuple() -> Any:
    """A tuple of objects with ids, no id twice (checked by the loader with the rest)."""
    return attrs.field(
        factory=tuple, converter=to_tuple, validator=_unique_ids, metadata={UNIQUE: True}
    )
