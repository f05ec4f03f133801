# SPDX-License-Identifier: MIT
"""Shared fixtures: validators over the official schemas, with real format checks.

``fiks_errors(files)`` and ``einnsyn_errors(files)`` take an exporter's ``files()``
(file name -> bytes) and return every schema violation as ``(file, path, message)``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jsonschema
import orjson
import pytest
import yaml
from iprmodel_fiks.fiks import MESSAGE_TYPES, PROTOCOL
from openapi_schema_validator import OAS30WriteValidator, oas30_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

HERE = Path(__file__).parent
SCHEMAS = HERE / "schemas"
#: The eInnsyn component schema of each kind of file (a write payload, readOnly honoured).
EINNSYN_SCHEMA_OF = {
    ".enhet.json": ("Enhet.EnhetUpdate",),
    ".moetemappe.json": ("Moetemappe.Moetemappe", "Moetemappe.MoetemappeCreate"),
}
_OPENAPI = "urn:einnsyn-openapi"

Errors = Callable[[Mapping[str, bytes]], list[tuple[str, str, str]]]


def message_type(file_name: str) -> str:
    """The Fiks message type a file name ends with."""
    found = [t for t in MESSAGE_TYPES if file_name.endswith(f".{t}.json")]
    assert len(found) == 1, file_name
    return found[0]


@pytest.fixture(scope="session")
def fiks_validators() -> dict[str, jsonschema.Draft202012Validator]:
    """A draft 2020-12 validator per message type; ``$ref``s resolve to the local copies."""
    resources = []
    for path in sorted((SCHEMAS / "fiks").glob("*.json")):
        contents = orjson.loads(path.read_bytes())
        assert contents["$id"] == path.name
        jsonschema.Draft202012Validator.check_schema(contents)
        resources.append((path.name, Resource(contents, DRAFT202012)))
    registry: Registry[Any] = Registry().with_resources(resources)
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    return {
        kind: jsonschema.Draft202012Validator(
            registry.contents(f"{PROTOCOL}.{kind}.schema.json"),
            registry=registry,
            format_checker=checker,
        )
        for kind in MESSAGE_TYPES
    }


@pytest.fixture(scope="session")
def fiks_errors(fiks_validators: dict[str, jsonschema.Draft202012Validator]) -> Errors:
    """Every violation of the Fiks schemas in a set of files."""

    def errors(files: Mapping[str, bytes]) -> list[tuple[str, str, str]]:
        found = []
        for name, data in files.items():
            validator = fiks_validators[message_type(name)]
            for error in validator.iter_errors(orjson.loads(data)):
                found.append((name, error.json_path, error.message))
        return found

    return errors


@pytest.fixture(scope="session")
def einnsyn_document() -> dict[str, Any]:
    """The eInnsyn OpenAPI document."""
    loaded: dict[str, Any] = yaml.safe_load(
        (SCHEMAS / "einnsyn" / "einnsyn.openapi.yml").read_text()
    )
    return loaded


@pytest.fixture(scope="session")
def einnsyn_validator(einnsyn_document: dict[str, Any]) -> Callable[[str], Any]:
    """``validator(component)``: an OAS 3.0 write validator of one component schema."""
    registry: Registry[Any] = Registry().with_resource(
        _OPENAPI, Resource.from_contents(einnsyn_document, default_specification=DRAFT202012)
    )

    def validator(component: str) -> Any:
        assert component in einnsyn_document["components"]["schemas"], component
        schema = {"$ref": f"{_OPENAPI}#/components/schemas/{component}"}
        return OAS30WriteValidator(schema, registry=registry, format_checker=oas30_format_checker)

    return validator


@pytest.fixture(scope="session")
def einnsyn_errors(einnsyn_validator: Callable[[str], Any]) -> Errors:
    """Every violation of the eInnsyn component schemas in a set of files."""
    validators = {
        suffix: [einnsyn_validator(c) for c in components]
        for suffix, components in EINNSYN_SCHEMA_OF.items()
    }

    def errors(files: Mapping[str, bytes]) -> list[tuple[str, str, str]]:
        found = []
        for name, data in files.items():
            suffix = next(s for s in validators if name.endswith(s))
            for validator in validators[suffix]:
                for error in validator.iter_errors(orjson.loads(data)):
                    found.append((name, error.json_path, error.message))
        return found

    return errors
