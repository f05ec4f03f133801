# SPDX-License-Identifier: MIT
"""Shared fixtures: the schema validators, with real format checks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest
from iprmodel_json.schema import load_schema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

HERE = Path(__file__).parent
POPOLO_SCHEMAS = HERE / "popolo_schemas"
POPOLO_BASE = "http://www.popoloproject.com/schemas/"
#: The Popolo class (schema) of the objects in each collection of a Popolo export.
POPOLO_CLASS_OF = {
    "organizations": "organization",
    "persons": "person",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
    "motions": "motion",
    "vote_events": "vote_event",
}

PopoloErrors = Callable[[dict[str, list[dict[str, Any]]]], list[tuple[str, Any, str]]]


@pytest.fixture(scope="session")
def schema_validator() -> jsonschema.Draft202012Validator:
    """The shipped schema, checking formats (date, date-time) for real."""
    schema = load_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.fixture(scope="session")
def popolo_validators() -> dict[str, jsonschema.Draft3Validator]:
    """A draft-03 validator per Popolo class, resolving $refs to the local copies."""
    resources = []
    schemas = {}
    for path in sorted(POPOLO_SCHEMAS.glob("*.json")):
        contents = orjson.loads(path.read_bytes())
        assert contents["id"] == f"{POPOLO_BASE}{path.name}#"
        resources.append((f"{POPOLO_BASE}{path.name}", Resource(contents, DRAFT3)))
        schemas[path.stem] = contents
    registry: Registry[Any] = Registry().with_resources(resources)
    checker = jsonschema.Draft3Validator.FORMAT_CHECKER
    return {
        name: jsonschema.Draft3Validator(schema, registry=registry, format_checker=checker)
        for name, schema in schemas.items()
    }


@pytest.fixture(scope="session")
def popolo_errors(popolo_validators: dict[str, jsonschema.Draft3Validator]) -> PopoloErrors:
    """Every problem of a Popolo export, object by object, as (collection, id, message)."""

    def errors(document: dict[str, list[dict[str, Any]]]) -> list[tuple[str, Any, str]]:
        return [
            (collection, obj.get("id"), error.message)
            for collection, items in document.items()
            for obj in items
            for error in popolo_validators[POPOLO_CLASS_OF[collection]].iter_errors(obj)
        ]

    return errors
