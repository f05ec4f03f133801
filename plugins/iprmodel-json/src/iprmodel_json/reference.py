# SPDX-License-Identifier: MIT
"""The format reference page (``docs/reference/format.md``), generated from the schema.

>>> page = render_format_reference()
>>> page.startswith("# Canonical JSON format")
True
>>> "### Meeting" in page
True
"""

from __future__ import annotations

import json
from typing import Any

from iprmodel_json.schema import NO_CONTROL, NOT_EXPRESSIBLE, load_schema

__all__ = ["render_format_reference"]

_DATE_TIME = "date-time"


def _code(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return "`" + str(text).replace("|", "\\|") + "`"


def _link(ref: str) -> str:
    name = ref.rsplit("/", 1)[-1]
    return f"[{name}](#{name.lower()})"


def _type(schema: dict[str, Any]) -> str:
    """A short human description of a schema's type."""
    if "$ref" in schema:
        return _link(schema["$ref"])
    if "const" in schema:
        return _code(schema["const"])
    if "oneOf" in schema:
        return " or ".join(_type(option) for option in schema["oneOf"])
    if "anyOf" in schema:
        options = schema["anyOf"]
        kinds = [option.get("type") for option in options]
        if kinds == ["string", "integer"]:
            return "amount: string or integer"
        return " or ".join(_type(option) for option in options)
    kind = schema.get("type")
    if kind == "array":
        unique = ", no repeats" if schema.get("uniqueItems") else ""
        return f"list of {_type(schema['items'])}{unique}"
    if kind == "string":
        fmt = schema.get("format")
        if fmt == "date":
            return "date `YYYY-MM-DD`"
        if fmt == _DATE_TIME:
            return "date-time with offset"
        return "string"
    if kind == "null":
        return "null"
    return str(kind)


def _constraints(schema: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for option in [schema, *schema.get("anyOf", []), *schema.get("oneOf", [])]:
        if "type" in option and option.get("type") == "array":
            found += _constraints(option["items"])
        if option.get("pattern") == NO_CONTROL:
            found.append("no control characters but tab and newline")
        elif "pattern" in option and option.get("format") not in {"date", _DATE_TIME}:
            found.append(f"pattern {_code(option['pattern'])}")
        for sub in option.get("allOf", []):
            if sub.get("pattern") == "\\S":
                found.append("not blank")
        if "maxLength" in option:
            found.append(f"at most {option['maxLength']:,} characters".replace(",", " "))
        if "minimum" in option:
            found.append(f"≥ {option['minimum']}")
    return list(dict.fromkeys(found))


def _row(name: str, schema: dict[str, Any], required: bool) -> str:
    default = (
        "required"
        if required
        else (_code(schema["default"]) if "default" in schema else "computed")
    )
    notes = _constraints(schema)
    if "description" in schema:
        notes.insert(0, schema["description"].replace("|", "\\|").replace("``", "`"))
    return f"| `{name}` | {_type(schema)} | {default} | {'; '.join(notes)} |"


def _object(name: str, schema: dict[str, Any]) -> list[str]:
    lines = [f"### {name}", ""]
    if "description" in schema:
        lines += [schema["description"].replace("``", "`"), ""]
    if "enum" in schema:
        values = ", ".join(_code(value) for value in schema["enum"])
        return [*lines, f"One of: {values}.", ""]
    if "anyOf" in schema:
        lines += ["Give at least one of `nb` and `nn` with some text.", ""]
    required = set(schema.get("required", []))
    lines += ["| key | type | default | notes |", "| --- | --- | --- | --- |"]
    lines += [
        _row(key, value, key in required) for key, value in schema.get("properties", {}).items()
    ]
    return [*lines, ""]


def render_format_reference(schema: dict[str, Any] | None = None) -> str:
    """The Markdown (MyST) page describing every object of the canonical format."""
    schema = load_schema() if schema is None else schema
    defs = schema["$defs"]
    lines = [
        "# Canonical JSON format",
        "",
        "<!-- Generated from the JSON Schema by iprmodel_json.reference.render_format_reference;"
        " do not edit by hand. -->",
        "",
        f"This page is generated from the JSON Schema ({_code(schema['$schema'])}) that the",
        "`iprmodel-json` plugin generates from the model and ships in its package; a test",
        "keeps it up to date. Get the schema itself with `iprmodel schema`, with",
        "`iprmodel export SOURCE --format json --document schema -o schema.json`, or in",
        "Python with `iprmodel_json.load_schema()`.",
        "",
        "A file is UTF-8 JSON with its keys sorted. Keys whose value equals the default are",
        "left out when writing; *required* keys must always be there; any other key is an",
        "error. Participants and voting rules carry their kind under `kind`.",
        "",
        "## The document",
        "",
        "| key | type | default | notes |",
        "| --- | --- | --- | --- |",
    ]
    required = set(schema["required"])
    lines += [_row(key, value, key in required) for key, value in schema["properties"].items()]
    lines += [
        "",
        "## What the schema cannot say",
        "",
        "The loader (`iprmodel validate`) also refuses these, which JSON Schema cannot express:",
        "",
        *(f"- {rule}" for rule in NOT_EXPRESSIBLE),
        "",
        "## Objects",
        "",
    ]
    classes = {name: value for name, value in defs.items() if "enum" not in value}
    enums = {name: value for name, value in defs.items() if "enum" in value}
    for name, value in classes.items():
        lines += _object(name, value)
    lines += ["## Code lists", ""]
    for name, value in enums.items():
        lines += _object(name, value)
    return "\n".join(lines).rstrip("\n") + "\n"
