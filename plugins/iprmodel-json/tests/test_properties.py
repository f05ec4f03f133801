# SPDX-License-Identifier: MIT
"""Properties over hypothesis-generated registers (one test: generating is the slow part)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jsonschema
import orjson
from hypothesis import HealthCheck, given, settings
from iprmodel_json import JsonExporter, PopoloExporter

from iprmodel.exporters import ExportRequest
from iprmodel.model import Register
from iprmodel.serialization import dumps, loads
from iprmodel.testing import strategies


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(register=strategies.registers())
def test_generated_registers(
    register: Register,
    schema_validator: jsonschema.Draft202012Validator,
    popolo_errors: Callable[..., list[Any]],
) -> None:
    """For any valid register:

    * the ``json`` bytes load back to the same register and the same bytes;
    * they are valid against the shipped JSON Schema;
    * every object of the ``popolo`` export is valid against its Popolo schema.
    """
    data = JsonExporter().export(register, ExportRequest())
    assert loads(data) == register
    assert dumps(loads(data)) == data

    errors = [
        f"{e.json_path}: {e.message}" for e in schema_validator.iter_errors(orjson.loads(data))
    ]
    assert errors == []

    popolo = orjson.loads(PopoloExporter().export(register, ExportRequest()))
    assert popolo_errors(popolo) == []
