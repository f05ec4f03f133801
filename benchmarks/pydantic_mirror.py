# SPDX-License-Identifier: MIT
"""A pydantic v2 mirror of the canonical JSON shape, for bench_json.py only.

pydantic is not a dependency of iprmodel; install it to run this benchmark
(``pip install pydantic``). The mirror is built from the model classes, so it has the
same fields, and it checks the same things as :func:`iprmodel.serialization.loads`:

* strict types (``"3"`` is not ``3``), unknown keys refused, the ``format`` tag;
* the tagged unions as pydantic discriminated unions on ``kind``;
* patterns and lengths for ids and texts, minimum counts, aware datetimes (naive is
  an error), amounts as strings or integers (never floats) with at most two decimals,
  fractions as strings, sets without repeats;
* the model's own checks where pydantic has no native form (start before end,
  nb or nn given, orgnr check digit, unique ids ...): the mirror calls the *same*
  functions the attrs classes use;
* every reference resolves (:func:`iprmodel.serialization.check_references`);
* no key appears twice in an object: pydantic's JSON parser keeps the last value
  silently, so the plain data the reference check needs is parsed with the loader's
  own :func:`iprmodel.serialization.parse_json`, which refuses repeated keys.

Native pydantic constraints run in pydantic-core (Rust); only what pydantic cannot
express runs in Python, which is the fair way to mirror a validator.
"""

from __future__ import annotations

import functools
import types
import typing
from datetime import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any, Literal

import attrs
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    create_model,
    model_validator,
)

from iprmodel.errors import LoadError
from iprmodel.model import PARTICIPANT_TAGS, VOTING_RULE_TAGS, Register
from iprmodel.model._fields import OSLO, SCHEMA, SLUG_MAX, TEXT_MAX
from iprmodel.serialization import TAG_KEY, check_references, parse_json

_CTRL = r"\x00-\x08\x0b-\x1f\x7f-\x9f"
_TEXT = StringConstraints(pattern=rf"^[^{_CTRL}]*$", max_length=TEXT_MAX)
_NON_BLANK = StringConstraints(
    pattern=rf"^[^{_CTRL}]*[^\s{_CTRL}][^{_CTRL}]*$", max_length=TEXT_MAX
)
_SLUG = StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=SLUG_MAX)
_TAGS: dict[type, str] = {**PARTICIPANT_TAGS, **VOTING_RULE_TAGS}
_STRICT = ConfigDict(strict=True, extra="forbid", frozen=True)


def _decimal(value: str | int) -> Decimal:
    return Decimal(value)


def _call(validator: Any, field: attrs.Attribute[Any]) -> AfterValidator:
    """Run an attrs validator of the model on the value (pydantic has no native form)."""

    def check(value: Any) -> Any:
        validator(None, field, value)
        return value

    return AfterValidator(check)


def _unique(value: list[Any]) -> frozenset[Any]:
    result = frozenset(value)
    if len(result) != len(value):
        raise ValueError("the list names the same value twice")
    return result


def _sorted_values(items: frozenset[Any]) -> list[str]:
    return sorted(item.value for item in items)


def _oslo(value: datetime) -> datetime:
    return value.astimezone(OSLO)


# Validators whose rule the annotations below already state natively.
_NATIVE = {
    "_validate_text",
    "_validate_required_text",
    "_validate_slug",
    "_validate_slugs",
    "_validate_date",
    "_positive_int.<locals>.check",
    "texts_field.<locals>.check",
}


def _python_checks(field: attrs.Attribute[Any]) -> list[Any]:
    """The model's validators of ``field`` that need Python, as pydantic validators."""
    found: list[Any] = []

    def walk(validator: Any) -> None:
        if validator is None:
            return
        if hasattr(validator, "_validators"):
            for item in validator._validators:
                walk(item)
            return
        if type(validator).__module__.startswith("attr"):
            return
        if validator.__qualname__ not in _NATIVE:
            found.append(_call(validator, field))

    walk(field.validator)
    return found


def _leaf(hint: Any, field: attrs.Attribute[Any]) -> Any:
    names = set()
    validator = field.validator
    for item in getattr(validator, "_validators", (validator,)):
        names.add(getattr(item, "__qualname__", ""))
    meta = field.metadata.get(SCHEMA, {})
    if hint is str:
        if names & {"_validate_slug", "_validate_slugs"}:
            return Annotated[str, _SLUG]
        if names & {"_validate_required_text", "texts_field.<locals>.check"}:
            return Annotated[str, _NON_BLANK]
        if "_validate_text" in names:
            return Annotated[str, _TEXT]
        if "pattern" in meta:
            return Annotated[str, StringConstraints(pattern=meta["pattern"])]
        return str
    if hint is int:
        return Annotated[int, Field(ge=meta["minimum"])] if "minimum" in meta else int
    if hint is Decimal:
        amount = Annotated[str, StringConstraints(pattern=r"^-?\d+(\.\d+)?$")] | int
        return Annotated[amount, AfterValidator(_decimal), PlainSerializer(str, return_type=str)]
    if hint is Fraction:
        return Annotated[
            str,
            StringConstraints(pattern=r"^\d+(/\d+|\.\d+)?$"),
            AfterValidator(Fraction),
            PlainSerializer(str, return_type=str),
        ]
    if hint is datetime:
        return Annotated[AwareDatetime, AfterValidator(_oslo)]
    if isinstance(hint, type) and attrs.has(hint):
        return _mirror(hint)
    return hint  # bool, date, enums: pydantic's strict handling matches ours


def _annotation(hint: Any, field: attrs.Attribute[Any]) -> Any:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        inner: Any
        if len(options) > 1:
            models = tuple(_mirror(o) for o in options)
            inner = Annotated[typing.Union[models], Field(discriminator=TAG_KEY)]  # noqa: UP007
        else:
            inner = _annotation(options[0], field)
        return inner | None if len(options) < len(args) else inner
    if origin is tuple:
        return tuple[_annotation(args[0], field), ...]  # type: ignore[misc]
    if origin is frozenset:
        # Written sorted, like serialization.dumps writes sets.
        return Annotated[
            list[_annotation(args[0], field)],  # type: ignore[misc]
            AfterValidator(_unique),
            PlainSerializer(_sorted_values, return_type=list[str]),
        ]
    return _leaf(hint, field)


@functools.cache
def _mirror(cls: type) -> type[BaseModel]:
    """The pydantic model mirroring the attrs class ``cls``."""
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    tag = _TAGS.get(cls)
    if tag is not None:
        fields[TAG_KEY] = (Literal[tag], ...)
    for field in attrs.fields(cls):
        annotation = _annotation(hints[field.name], field)
        checks = _python_checks(field)
        if checks:
            annotation = Annotated[annotation, *checks]
        if field.default is attrs.NOTHING:
            fields[field.name] = (annotation, ...)
        elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            factory = field.default.factory
            default = (
                Field(default=None) if field.default.takes_self else Field(default_factory=factory)
            )
            fields[field.name] = (annotation, default)
        else:
            fields[field.name] = (annotation, field.default)
    validators: dict[str, Any] = {}
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None:
        # The model's own cross-field checks, run on the pydantic instance.
        def after(self: BaseModel) -> BaseModel:
            post_init(self)
            return self

        validators["post_init"] = model_validator(mode="after")(after)
    return create_model(  # type: ignore[call-overload,no-any-return]
        f"Mirror{cls.__name__}", __config__=_STRICT, __validators__=validators, **fields
    )


@functools.cache
def register_model() -> type[BaseModel]:
    """The pydantic model of a whole canonical document (with its ``format`` tag)."""
    return create_model(  # type: ignore[call-overload,no-any-return]
        "MirrorDocument", __base__=_mirror(Register), format=(Literal[1], ...)
    )


def validate(data: bytes) -> BaseModel:
    """Validate canonical JSON bytes as the loader does: shape and constraints, then references.

    A root ``mode="before"`` validator would turn pydantic's JSON input into Python
    objects (where strict mode refuses ISO date strings), so the reference check runs
    beside it on the same bytes, as :func:`iprmodel.serialization.structure` does.
    """
    model = register_model().model_validate_json(data)
    plain = parse_json(data)  # refuses a repeated key, as the loader does
    problems = list(check_references({k: v for k, v in plain.items() if k != "format"}))
    if problems:
        raise LoadError(problems)
    return model
