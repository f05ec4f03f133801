# SPDX-License-Identifier: MIT
"""The ``json`` exporter: canonical bytes that load back byte for byte, and clear errors."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from iprmodel_json import JsonExporter
from iprmodel_json.canonical import JsonExportError
from iprmodel_json.schema import SCHEMA_FILE

from iprmodel import examples
from iprmodel.errors import ExportError, FormatVersionError, LoadError
from iprmodel.exporters import ExportRequest, Registry
from iprmodel.l10n import LOCALEDIR, translator
from iprmodel.model import Register
from iprmodel.serialization import dumps, load, loads

EXAMPLES = examples.names()


def export(register: Register, **request: object) -> bytes:
    """Export through the registry, as the command line does."""
    return Registry().load("json").export(register, ExportRequest(**request))  # type: ignore[arg-type]


@pytest.mark.parametrize("name", EXAMPLES)
def test_file_round_trip_is_byte_identical(name: str, tmp_path: Path) -> None:
    """export -> file -> load -> export gives the same bytes (the `iprmodel export` loop)."""
    first = tmp_path / "all.json"
    first.write_bytes(export(examples.load(name)))
    again = export(load(first))

    assert first.read_bytes() == again
    assert dumps(load(first)) == first.read_bytes()


def test_canonical_form() -> None:
    """Sorted keys, two-space indent, the format tag, UTF-8 (not \\u escapes), final newline."""
    data = export(examples.load("hallingdal"))
    text = data.decode("utf-8")

    assert text.startswith('{\n  "councils": [\n')
    assert '\n  "format": 1,\n' in text
    assert text.endswith("}\n")
    assert "å" in text
    assert "\\u00e5" not in text
    assert list(orjson.loads(data)) == sorted(orjson.loads(data))


def test_compact_option() -> None:
    """``compact`` drops the indentation, not the content."""
    register = examples.load("hallingdal")
    compact = export(register, options={"compact": "yes"})

    assert b"\n" not in compact.rstrip(b"\n")
    assert orjson.loads(compact) == orjson.loads(export(register))
    assert loads(compact) == register


def test_schema_document_is_the_shipped_schema() -> None:
    """``document="schema"`` gives the shipped JSON Schema, whatever the register."""
    assert export(Register(), document="schema") == SCHEMA_FILE.read_bytes()
    assert orjson.loads(export(Register(), document="schema"))["$schema"].endswith("2020-12/schema")


def test_unknown_document_names_the_choices() -> None:
    """An unknown document kind is an ExportError listing the ones that exist."""
    with pytest.raises(ExportError, match="has no document 'minutes'; it makes: register, schema"):
        JsonExporter().export(Register(), ExportRequest(document="minutes", locale="en"))


def test_scope_council_keeps_one_council() -> None:
    """``council:ID`` keeps that council and every participant and person."""
    register = examples.load("all")
    council = register.councils[0]
    narrowed = loads(export(register, scope=f"council:{council.id}"))

    assert narrowed.councils == (council,)
    assert narrowed.participants == register.participants
    assert narrowed.persons == register.persons


@pytest.mark.parametrize(
    ("scope", "message"),
    [
        ("council:atlantis", "no council has the id 'atlantis'; the data has: "),
        ("body:regionradet", "cannot be narrowed to 'body:regionradet'; use council:ID"),
    ],
)
def test_bad_scope_is_a_clear_error(scope: str, message: str) -> None:
    """A scope the exporter cannot honour is refused, naming what it can do."""
    with pytest.raises(ExportError, match=message):
        JsonExporter().export(examples.load("all"), ExportRequest(scope=scope, locale="en"))


def test_errors_in_nynorsk() -> None:
    """The plugin's errors name its own catalog, so the command line shows them in nn."""
    with pytest.raises(JsonExportError) as caught:
        JsonExporter().export(Register(), ExportRequest(scope="person:x", locale="nn"))

    error = caught.value
    catalog = translator("nn", error.domain, error.localedir or LOCALEDIR)
    assert error.message(catalog.gettext) == (
        "json-eksporten kan ikkje avgrensast til 'person:x'; bruk council:ID eller inga avgrensing"
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (b'{"format": 1,\n "persons": [\n  {"id": "a", }\n ]\n}', "line 3, column"),
        (b'{"format": 1', "line 1, column 13"),
        (b"", "line 1, column 1"),
        (b'{"format": 1}\n\n{}', "line 3, column 1"),
    ],
)
def test_syntax_errors_name_line_and_column(text: bytes, line: str) -> None:
    """Broken JSON: one problem naming the line and column, no traceback."""
    with pytest.raises(LoadError) as caught:
        loads(text)

    assert len(caught.value.problems) == 1
    assert f"not valid JSON at {line}" in str(caught.value)


def test_not_utf8_is_a_clear_error() -> None:
    """Latin-1 bytes are reported, not a UnicodeDecodeError."""
    with pytest.raises(LoadError, match="not UTF-8 text"):
        loads('{"format": 1, "persons": [{"id": "a", "name": "Ål"}]}'.encode("latin-1"))


def test_structural_errors_are_path_message_lines() -> None:
    """Every structural problem at once, each as one ``path: message`` line."""
    data = b"""{"format": 1,
      "persons": [{"id": "ola", "name": 3}, {"id": "kari", "name": "Kari", "sex": "f"}],
      "participants": [{"kind": "city", "id": "gol", "name": {"nn": "Gol"}}]}"""
    with pytest.raises(LoadError) as caught:
        loads(data)

    lines = str(caught.value).splitlines()
    assert "persons[ola].name: expected text, got 3" in lines
    assert any(line.startswith("persons[kari].sex: unknown key; allowed here: ") for line in lines)
    assert any(line.startswith("participants[gol].kind: expected one of ") for line in lines)
    assert len(lines) == 3


def test_newer_format_names_both_versions() -> None:
    """A document from a newer iprmodel is refused, naming its version and ours."""
    with pytest.raises(FormatVersionError) as caught:
        loads(b'{"format": 7, "persons": []}')

    assert str(caught.value) == (
        "format: the data is in format 7, written by a newer iprmodel;"
        " this version reads formats 1 to 1: upgrade iprmodel"
    )
