# SPDX-License-Identifier: MIT
"""The JSON Schema (draft 2020-12) of the canonical format, generated from the model.

:func:`build_schema` walks :class:`iprmodel.model.Register` with :func:`attrs.fields`
and :func:`typing.get_type_hints`, mirroring the converter in
:mod:`iprmodel.serialization` rule by rule, so the schema cannot drift from what the
loader reads:

* strict primitives: a string is never a number, ``true`` is never ``1``;
* the tagged unions (participants, voting rules) are ``oneOf`` with a ``const`` tag
  under :data:`~iprmodel.serialization.TAG_KEY`;
* enums are the list of their values; dates, aware date-times, amounts (a string or
  an integer, never a binary float) and fractions have patterns;
* fields with a default may be left out (the writer omits them), the others are
  required; unknown keys are refused (``additionalProperties: false``);
* constraints come from each field's ``iprmodel_schema`` metadata and from the
  field's validators (:data:`VALIDATOR_SCHEMAS`); a validator the generator does not
  know stops it, so a new rule in the model cannot be silently left out.

The generated schema ships in the package (:data:`SCHEMA_FILE`) and a test
regenerates it and compares. Some rules cannot be written in JSON Schema at all;
:data:`NOT_EXPRESSIBLE` lists them (the loader still enforces them).

>>> schema = build_schema()
>>> schema["properties"]["format"]
{'const': 1, 'description': 'The format version; this release writes 1.', 'type': 'integer'}
>>> schema["$defs"]["Municipality"]["properties"]["kind"]
{'const': 'municipality'}
>>> schema_bytes() == SCHEMA_FILE.read_bytes()
True
"""

from __future__ import annotations

import enum
import functools
import inspect
import re
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Final

import attrs
import orjson

from iprmodel.model import PARTICIPANT_TAGS, VOTING_RULE_TAGS, Register
from iprmodel.model._fields import SCHEMA, SLUG_MAX, TEXT_MAX
from iprmodel.model.provenance import URL_RE
from iprmodel.serialization import FORMAT_VERSION, TAG_KEY, converter

__all__ = [
    "DIALECT",
    "NOT_EXPRESSIBLE",
    "NO_CONTROL",
    "SCHEMA_FILE",
    "VALIDATOR_SCHEMAS",
    "build_schema",
    "load_schema",
    "schema_bytes",
    "shipped_bytes",
]

#: The JSON Schema dialect of the generated schema.
DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
#: The schema as shipped in the package.
SCHEMA_FILE: Final = Path(__file__).with_name("iprmodel.schema.json")

# Text may hold tab and newline but no other control character (they corrupt XML
# and iCalendar) and no bidirectional control; see iprmodel.model._fields.check_text.
NO_CONTROL: Final = (
    "^[^\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*$"
)
_TEXT: Final[dict[str, Any]] = {"maxLength": TEXT_MAX, "pattern": NO_CONTROL}
_NON_BLANK: Final[dict[str, Any]] = {**_TEXT, "allOf": [{"pattern": "\\S"}]}
_SLUG: Final[dict[str, Any]] = {"maxLength": SLUG_MAX}
# [0-9] rather than \d: in JSON Schema (ECMA 262) and Python alike it means ASCII digits.
_DATE: Final[dict[str, Any]] = {
    "type": "string",
    "format": "date",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
}
_DATETIME: Final[dict[str, Any]] = {
    "type": "string",
    "format": "date-time",
    "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$",
}
_DECIMAL: Final[dict[str, Any]] = {
    "anyOf": [
        {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"},
        {"type": "integer"},
    ]
}
_MONEY: Final[dict[str, Any]] = {
    "anyOf": [
        {"type": "string", "pattern": "^[0-9]+(\\.[0-9]{1,2})?$"},
        {"type": "integer", "minimum": 0},
    ]
}
_FRACTION: Final[dict[str, Any]] = {
    "type": "string",
    "pattern": "^[0-9]+(/0*[1-9][0-9]*|\\.[0-9]+)?$",
}

# What each validator of the model adds to the schema: (for the value, for the list).
# Keyed by the validator's qualified name inside iprmodel.model. ``None`` means the
# rule is already in the type or in iprmodel_schema metadata, or cannot be expressed
# (then it is listed in NOT_EXPRESSIBLE).
_Rule = tuple[dict[str, Any], dict[str, Any]] | None
#: Validators of the model and the schema keywords they become.
VALIDATOR_SCHEMAS: Final[dict[str, _Rule]] = {
    "_validate_text": (_TEXT, {}),
    "_validate_required_text": (_NON_BLANK, {}),
    "texts_field.<locals>.check": (_NON_BLANK, {}),
    "_validate_slug": (_SLUG, {}),
    "_validate_slugs": ({**_SLUG, "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$"}, {"uniqueItems": True}),
    "_validate_money": (_MONEY, {}),
    "_validate_orgnr": None,  # the pattern is metadata; the check digit is not expressible
    "_validate_date": None,
    "_positive_int.<locals>.check": None,  # minimum is metadata
    "_fraction_in.<locals>.check": None,  # a range on a string is not expressible
    "_numbers_validator.<locals>.check": None,  # digits per kind: see NOT_EXPRESSIBLE
    "_unique_ids": None,
    "_check_agenda": None,
    "_unique_case_kinds": None,
    "_validate_url": ({**_TEXT, "allOf": [{"pattern": URL_RE.pattern}]}, {}),
    "_check_exemption": (_TEXT, {}),  # only on a closed item: see NOT_EXPRESSIBLE
}

#: Rules the loader enforces that JSON Schema cannot state (documented in the reference).
NOT_EXPRESSIBLE: Final[tuple[str, ...]] = (
    "References: an id that names no object (`no person has the id ...`).",
    "Ids unique within their list (`councils has two entries with id ...`), "
    "agenda orders unique, one decision rule per case kind.",
    "Circles of bodies: a body that reports to itself, or bodies that report to or "
    "are created by each other in a circle.",
    "Order of two fields: `valid_from` on or before `valid_to`, a meeting's `start` "
    "before its `end`, `start_year` before `end_year`, `min` before `max`.",
    "The check digit of an organisation number (`orgnr`, python-stdnum).",
    "Overlapping validity periods of official numbers; four digits for a "
    "kommunenummer and two for a fylkesnummer.",
    "Ranges of fractions (shares and thresholds between 0 and 1) and of "
    "`fte_percent` (more than 0, at most 100), which are strings.",
    "Cross-field rules: offices that do not fit the number of seats, "
    "`deputy_order` only on deputies, exactly one of `funder` and `funder_group`, "
    "an all-day meeting at midnight, at least one case kind in a decision rule, "
    "an agenda item's `exemption` only with its `closed_basis`.",
    "An election's parts fit its method: `lists` (each with `votes` and no `deputies` "
    "in forholdsvalg) or one or two `ballots` with one seat in flertallsvalg; list and "
    "candidate names unique within an election or ballot.",
    "Numbers written with a decimal point: JSON Schema counts `1.0` as an integer, "
    "the loader does not.",
    "A date-time without seconds (`2026-03-12T10:00+01:00`) is read by the loader but "
    "is not RFC 3339, so the schema refuses it; the writer always writes seconds.",
    "A carriage return in text (Windows line ends, text pasted from Word) is read as a "
    "newline; the schema, which describes what the writer writes, refuses it.",
)

# Class-level rules that fields alone cannot carry but JSON Schema can.
_CLASS_RULES: Final[dict[str, dict[str, Any]]] = {
    # LocalizedText: give the text in Bokmål or Nynorsk.
    "LocalizedText": {
        "anyOf": [
            {"required": ["nb"], "properties": {"nb": {"pattern": "\\S"}}},
            {"required": ["nn"], "properties": {"nn": {"pattern": "\\S"}}},
        ]
    },
}


def _tags() -> dict[type, str]:
    return {**PARTICIPANT_TAGS, **VOTING_RULE_TAGS}


def _description(obj: object) -> str | None:
    doc = inspect.getdoc(obj)
    if not doc:
        return None
    return doc.split("\n\n", 1)[0].replace("\n", " ")


_ATTR_DOC_RE: Final = re.compile(r"^\s*#:\s?(.*)$")
_FIELD_RE: Final = re.compile(r"^\s*([a-z_][a-z0-9_]*)\s*:")


@functools.cache
def _field_docs(cls: type) -> dict[str, str]:
    """The ``#:`` comments above the fields of ``cls`` (Sphinx attribute docs)."""
    try:
        lines = inspect.getsource(cls).splitlines()
    except (OSError, TypeError):  # pragma: no cover - no source (frozen app)
        return {}
    docs: dict[str, str] = {}
    pending: list[str] = []
    for line in lines:
        match = _ATTR_DOC_RE.match(line)
        if match:
            pending.append(match.group(1).strip())
            continue
        field = _FIELD_RE.match(line)
        if field and pending:
            docs[field.group(1)] = " ".join(pending)
        pending = []
    return docs


def _validators(validator: object) -> Iterator[object]:
    """The plain functions inside an attrs validator (``and_``, ``optional`` ...)."""
    if validator is None:
        return
    inner = getattr(validator, "_validators", None)
    if inner is not None:  # attrs.validators.and_
        for item in inner:
            yield from _validators(item)
        return
    wrapped = getattr(validator, "validator", None)
    if wrapped is not None and type(validator).__name__ == "_OptionalValidator":
        yield from _validators(wrapped)
        return
    if type(validator).__module__.startswith("attr"):
        return  # instance_of, deep_iterable ...: the type already says it
    yield validator


def _field_rules(field: attrs.Attribute[Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Schema keywords for a field's values and for its list, from validators and metadata."""
    leaf: dict[str, Any] = {}
    array: dict[str, Any] = {}
    for function in _validators(field.validator):
        name = getattr(function, "__qualname__", repr(function))
        module = getattr(function, "__module__", "")
        if not module.startswith("iprmodel.model") or name not in VALIDATOR_SCHEMAS:
            msg = (
                f"{field.name}: validator {module}.{name} is unknown to the schema generator;"
                " add it to VALIDATOR_SCHEMAS"
            )
            raise TypeError(msg)
        rule = VALIDATOR_SCHEMAS[name]
        if rule is not None:
            leaf.update(rule[0])
            array.update(rule[1])
    leaf.update(field.metadata.get(SCHEMA, {}))
    return leaf, array


def _default(field: attrs.Attribute[Any], hint: Any) -> tuple[bool, Any]:
    """Whether the field has a default, and its plain-data value (``...`` if computed)."""
    default: Any = field.default
    if default is attrs.NOTHING:
        return False, None
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            return True, ...
        default = default.factory()
    plain = orjson.loads(orjson.dumps(converter.unstructure(default, hint)))
    return True, plain


class _Builder:
    """Collects ``$defs`` while walking the model."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.owners: dict[str, object] = {}
        self.tags = _tags()

    def _name(self, owner: type) -> str:
        name = owner.__name__
        known = self.owners.setdefault(name, owner)
        if known is not owner:
            msg = f"two model types are both called {name}"
            raise TypeError(msg)
        return name

    def ref(self, cls: type) -> dict[str, Any]:
        name = self._name(cls)
        if name not in self.defs:
            self.defs[name] = {}  # reserve first: classes may refer to themselves
            self.defs[name] = self.class_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def enum_ref(self, enum_type: type[enum.Enum]) -> dict[str, Any]:
        name = self._name(enum_type)
        if name not in self.defs:
            schema: dict[str, Any] = {
                "type": "string",
                "enum": [member.value for member in enum_type],
            }
            description = _description(enum_type)
            if description:
                schema["description"] = description
            self.defs[name] = schema
        return {"$ref": f"#/$defs/{name}"}

    def class_schema(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        docs = _field_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        tag = self.tags.get(cls)
        if tag is not None:
            properties[TAG_KEY] = {"const": tag}
            required.append(TAG_KEY)
        for field in attrs.fields(cls):
            if not field.init:
                continue
            key = field.name  # the converter writes attribute names (no aliases)
            if key in properties:
                msg = f"{cls.__name__}.{key} clashes with the union tag {TAG_KEY!r}"
                raise TypeError(msg)
            hint = hints[field.name]
            leaf, array = _field_rules(field)
            schema = self.type_schema(hint, leaf, array)
            has_default, default = _default(field, hint)
            if not has_default:
                required.append(key)
            elif default is not ...:
                schema = {**schema, "default": default}
            if field.name in docs:
                schema = {**schema, "description": docs[field.name]}
            properties[key] = schema
        result: dict[str, Any] = {"type": "object"}
        description = _description(cls)
        if description:
            result["description"] = description
        result["properties"] = properties
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        result.update(_CLASS_RULES.get(cls.__name__, {}))
        return result

    def type_schema(self, hint: Any, leaf: dict[str, Any], array: dict[str, Any]) -> dict[str, Any]:
        origin = typing.get_origin(hint)
        args = typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            options = [arg for arg in args if arg is not type(None)]
            if len(options) < len(args):  # Optional: the loader takes null
                inner = options[0] if len(options) == 1 else typing.Union[tuple(options)]  # noqa: UP007
                return {"anyOf": [self.type_schema(inner, leaf, array), {"type": "null"}]}
            if all(option in self.tags for option in options):
                return {"oneOf": [self.ref(option) for option in options]}
            msg = f"untagged union {hint!r}"
            raise TypeError(msg)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": self.type_schema(args[0], leaf, {}), **array}
        if origin is frozenset:
            # The writer sorts sets; the loader refuses a value listed twice.
            return {
                "type": "array",
                "items": self.type_schema(args[0], leaf, {}),
                "uniqueItems": True,
                **array,
            }
        return self.scalar_schema(hint, leaf)

    def scalar_schema(self, hint: Any, leaf: dict[str, Any]) -> dict[str, Any]:
        if isinstance(hint, type) and attrs.has(hint):
            return self.ref(hint)
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return self.enum_ref(hint)
        simple: dict[Any, Callable[[], dict[str, Any]]] = {
            str: lambda: {"type": "string", **leaf},
            bool: lambda: {"type": "boolean"},
            int: lambda: {"type": "integer", **leaf},
            date: lambda: dict(_DATE),
            datetime: lambda: dict(_DATETIME),
            Decimal: lambda: dict(leaf) if "anyOf" in leaf else dict(_DECIMAL),
            Fraction: lambda: dict(_FRACTION),
        }
        if hint in simple:
            return simple[hint]()
        msg = f"no JSON Schema for {hint!r}; teach iprmodel_json.schema about it"
        raise TypeError(msg)


def build_schema() -> dict[str, Any]:
    """The JSON Schema of the canonical format, built from the model now."""
    builder = _Builder()
    root = builder.class_schema(Register)
    defs = dict(sorted(builder.defs.items()))
    properties = {
        "format": {
            "const": FORMAT_VERSION,
            "description": f"The format version; this release writes {FORMAT_VERSION}.",
            "type": "integer",
        },
        **root["properties"],
    }
    return {
        "$schema": DIALECT,
        "$id": f"urn:iprmodel:format:{FORMAT_VERSION}",
        "title": f"iprmodel register, format {FORMAT_VERSION}",
        "description": root.get("description", ""),
        "type": "object",
        "properties": properties,
        "required": ["format", *root.get("required", [])],
        "additionalProperties": False,
        "$defs": defs,
    }


def schema_bytes(schema: dict[str, Any] | None = None) -> bytes:
    """The schema as the shipped file's bytes: sorted keys, two-space indent, final newline."""
    return orjson.dumps(
        build_schema() if schema is None else schema,
        option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE,
    )


@functools.cache
def _shipped() -> bytes:
    return SCHEMA_FILE.read_bytes()


def load_schema() -> dict[str, Any]:
    """The shipped schema, parsed."""
    data: dict[str, Any] = orjson.loads(_shipped())
    return data


def shipped_bytes() -> bytes:
    """The shipped schema file's bytes."""
    return _shipped()
