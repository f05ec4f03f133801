# SPDX-License-Identifier: MIT
"""The JSON Schema: generated from the model, shipped, and in agreement with the loader."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import orjson
import pytest
from iprmodel_json import schema as schema_module
from iprmodel_json.reference import render_format_reference
from iprmodel_json.schema import SCHEMA_FILE, build_schema, schema_bytes

from iprmodel import examples
from iprmodel.errors import LoadError
from iprmodel.model import Register
from iprmodel.serialization import dumps, loads

CORPUS = Path(__file__).parent / "corpus"
CASES: dict[str, dict[str, Any]] = json.loads((CORPUS / "cases.json").read_text(encoding="utf-8"))


def plain(register: Register) -> Any:
    """What a consumer of the file sees: the canonical bytes, parsed."""
    return orjson.loads(dumps(register))


def test_shipped_schema_is_up_to_date() -> None:
    """Regenerating from the model gives the shipped file, byte for byte.

    If this fails, the model changed: run
    ``python -c "from iprmodel_json.schema import *; SCHEMA_FILE.write_bytes(schema_bytes())"``
    and regenerate docs/reference/format.md.
    """
    assert schema_bytes() == SCHEMA_FILE.read_bytes()


def test_schema_is_valid_draft_2020_12() -> None:
    """The schema itself passes the 2020-12 metaschema."""
    jsonschema.Draft202012Validator.check_schema(build_schema())


def test_format_checks_are_real(schema_validator: jsonschema.Draft202012Validator) -> None:
    """date and date-time formats are checked, not silently passed (needs rfc3339-validator)."""
    checker = schema_validator.format_checker
    assert checker is not None
    assert not checker.conforms("2026-02-30", "date")
    assert not checker.conforms("2026-03-12T10:00:00", "date-time")
    assert checker.conforms("2026-03-12T10:00:00+01:00", "date-time")


def test_every_class_and_enum_has_a_definition() -> None:
    """Each attrs class and enum reachable from Register has its own $defs entry."""
    defs = build_schema()["$defs"]
    seen: set[str] = set()

    def walk(cls: type) -> None:
        if cls.__name__ in seen:
            return
        seen.add(cls.__name__)
        for field in attrs.fields(cls):
            for name in _type_names(field.type):
                if name in {"Participant", "VotingRule"}:
                    continue
                obj = _model_type(name)
                if obj is not None and attrs.has(obj):
                    walk(obj)

    walk(Register)
    seen.discard("Register")
    assert seen <= set(defs)
    assert defs["Body"]["additionalProperties"] is False
    assert defs["Body"]["required"] == ["id", "kind", "name"]


def _type_names(annotation: object) -> list[str]:
    import re

    return re.findall(r"[A-Z][A-Za-z]+", str(annotation))


def _model_type(name: str) -> Any:
    import iprmodel.model as model

    return getattr(model, name, None)


def test_tagged_unions_are_one_of_with_const_tags() -> None:
    """Participants and voting rules: oneOf over classes that each pin their ``kind``."""
    schema = build_schema()
    participants = schema["properties"]["participants"]["items"]
    assert participants == {
        "oneOf": [{"$ref": "#/$defs/Municipality"}, {"$ref": "#/$defs/CountyAuthority"}]
    }
    majority = schema["$defs"]["MajorityRule"]
    assert majority["properties"]["kind"] == {"const": "majority"}
    assert "kind" in majority["required"]


def test_unknown_validator_stops_the_generator(monkeypatch: pytest.MonkeyPatch) -> None:
    """A model rule the generator does not know is an error, not a silent gap."""
    monkeypatch.delitem(schema_module.VALIDATOR_SCHEMAS, "_validate_money")
    with pytest.raises(TypeError, match="_validate_money is unknown to the schema generator"):
        build_schema()


@pytest.mark.parametrize("name", examples.names())
def test_examples_validate(name: str, schema_validator: jsonschema.Draft202012Validator) -> None:
    """Every example, as written by the exporter, is valid against the schema."""
    errors = list(schema_validator.iter_errors(plain(examples.load(name))))
    assert errors == []


def test_corpus_base_document_is_valid(schema_validator: jsonschema.Draft202012Validator) -> None:
    """The document the broken cases are made from passes both checks."""
    raw = (CORPUS / "valid.json").read_bytes()
    loads(raw)
    assert list(schema_validator.iter_errors(orjson.loads(raw))) == []


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_documents(name: str, schema_validator: jsonschema.Draft202012Validator) -> None:
    """The loader refuses every broken document with ``path: message``; so does the
    schema wherever JSON Schema can state the rule, and the cases it cannot are
    exactly the documented ones."""
    case = CASES[name]
    raw = (CORPUS / f"{name}.json").read_bytes()

    with pytest.raises(LoadError) as caught:
        loads(raw)
    problems = caught.value.problems
    assert any(
        problem.path == case["path"] and case["message"] in problem.message()
        for problem in problems
    ), [problem.line() for problem in problems]

    schema_rejects = not schema_validator.is_valid(orjson.loads(raw))
    assert schema_rejects == case["schema"]


def test_every_schema_gap_is_documented() -> None:
    """Each corpus case the schema lets through names a rule listed in NOT_EXPRESSIBLE."""
    listed = " ".join(schema_module.NOT_EXPRESSIBLE)
    gaps = [case["why"] for case in CASES.values() if not case["schema"]]
    assert len(gaps) >= 5
    for why in gaps:
        assert why in listed


def test_format_reference_page_is_up_to_date() -> None:
    """docs/reference/format.md is what the generator makes from the shipped schema.

    If this fails, regenerate it: ``python -c "from iprmodel_json.reference import *;
    open('docs/reference/format.md', 'w').write(render_format_reference())"``.
    """
    page = Path(__file__).resolve().parents[3] / "docs" / "reference" / "format.md"
    assert page.read_text(encoding="utf-8") == render_format_reference()


def test_format_reference_covers_every_definition() -> None:
    """Each class and code list of the schema has its own section."""
    page = render_format_reference()
    for name in build_schema()["$defs"]:
        assert f"\n### {name}\n" in page
