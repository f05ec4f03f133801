# SPDX-License-Identifier: MIT
"""The TOML format page (``docs/reference/toml.md``), generated from the same schema.

A hand-written TOML register has exactly the shape of the canonical JSON document;
this page shows how that shape is written in TOML: which ``[[...]]`` table headers
exist, what each holds, and a complete small example (:data:`EXAMPLE`, which a test
loads and validates).

>>> page = render_toml_reference()
>>> "| `[[councils.meetings.agenda]]` | [AgendaItem](format.md#agendaitem) |" in page
True
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from iprmodel_json.schema import load_schema

__all__ = ["EXAMPLE", "render_toml_reference", "table_headers"]

#: A complete small register in TOML: two participants, a council with a representantskap,
#: a person and an appointment, a meeting with its agenda, and a cooperation agreement.
#: Every value is illustrative (made up to show the format), not a fact about a council.
EXAMPLE: Final = """\
format = 1

[[participants]]
kind = "municipality"
id = "alver"
name = { nb = "Alver kommune", nn = "Alver kommune" }
numbers = [{ value = "4631", valid_from = 2024-01-01 }]
written_standard = "nn"

[[participants]]
kind = "municipality"
id = "austrheim"
name = { nn = "Austrheim kommune" }
numbers = [{ value = "4632", valid_from = 2024-01-01 }]
written_standard = "nn"

[[persons]]
id = "ordforar-alver"
name = "Ordførar i Alver"
placeholder = true

[[councils]]
id = "eksempelradet"
formal_name = { nn = "Eksempelrådet interkommunalt politisk råd" }
written_standard = "nn"
established = 2025-01-01
participations = [{ participant = "alver" }, { participant = "austrheim" }]

[[councils.bodies]]
id = "representantskap"
kind = "representantskap"
name = { nn = "Representantskapet" }
composition = [{ members = 1, deputies = 1 }]

[[councils.appointments]]
id = "rep-alver-ordforar"
person = "ordforar-alver"
body = "representantskap"
participant = "alver"
office = "mayor"

[[councils.meetings]]
id = "representantskap-2026-1"
body = "representantskap"
number = 1
title = "Representantskapet, vårmøte"
start = 2026-03-12T10:00:00+01:00
end = 2026-03-12T14:00:00+01:00
modified = 2026-02-20T09:00:00+01:00
illustrative = true

[[councils.meetings.agenda]]
id = "rs-2026-1"
order = 1
number = "PS 1/2026"
title = "Godkjenning av innkalling og sakliste"

[[councils.agreements]]
id = "samarbeidsavtale"
kind = "cooperation"
title = { nn = "Samarbeidsavtale" }
parties = ["alver", "austrheim"]

[[councils.agreements.clauses]]
number = "1"
heading = { nn = "Namnet på rådet" }
text = { nn = "Namnet er Eksempelrådet interkommunalt politisk råd." }
topics = ["name"]
"""


def _refs(schema: dict[str, Any]) -> list[str]:
    """The object definitions a property's items (or value) can be."""
    if "$ref" in schema:
        return [schema["$ref"].rsplit("/", 1)[-1]]
    found: list[str] = []
    for key in ("oneOf", "anyOf"):
        for option in schema.get(key, []):
            found += _refs(option)
    return found


def table_headers(schema: dict[str, Any] | None = None) -> Iterator[tuple[str, list[str]]]:
    """Every ``[[...]]`` header of a register, with the object(s) its entries are.

    A list of objects is an array of tables; its entries' own lists of objects nest
    under its name (``councils.meetings.agenda``). Localized texts and other small
    objects are written inline (``name = { nb = "..." }``) and are not listed.
    """
    schema = load_schema() if schema is None else schema
    defs = schema["$defs"]

    def walk(
        prefix: str, properties: dict[str, Any], seen: tuple[str, ...]
    ) -> Iterator[tuple[str, list[str]]]:
        for key, value in sorted(properties.items()):
            if value.get("type") != "array":
                continue
            names = [n for n in _refs(value["items"]) if "properties" in defs[n]]
            if not names or names == ["LocalizedText"] or set(names) & set(seen):
                continue
            path = f"{prefix}{key}"
            yield path, names
            nested: dict[str, Any] = {}
            for name in names:
                nested.update(defs[name]["properties"])
            yield from walk(f"{path}.", nested, (*seen, *names))

    yield from walk("", schema["properties"], ())


def render_toml_reference(schema: dict[str, Any] | None = None) -> str:
    """The Markdown (MyST) page on writing a register in TOML."""
    schema = load_schema() if schema is None else schema
    lines = [
        "# TOML format",
        "",
        "<!-- Generated from the JSON Schema by iprmodel_json.toml_reference.render_toml_reference;"
        " do not edit by hand. -->",
        "",
        "A register can be written by hand in [TOML](https://toml.io/en/v1.0.0). It has exactly",
        "the keys, types and defaults of the [canonical JSON format](format.md), which",
        "describes every object; `iprmodel validate FILE.toml` checks it, `iprmodel export",
        "FILE.toml --format json -o FILE.json` turns it into canonical JSON, and",
        "`iprmodel init` writes a first one for a new council. Differences from JSON:",
        "",
        "- Dates may be TOML dates (`valid_from = 2024-01-01`) and times TOML offset",
        "  date-times (`start = 2026-03-12T10:00:00+01:00`); a date-time without an offset is",
        "  refused, as in JSON. Quoted strings in the same form work too.",
        "- Comments (`# ...`) are allowed and are not kept: exporting to JSON drops them.",
        "- A list of objects is written as an array of tables, one `[[header]]` per entry;",
        "  small objects (a localized text, a count range) fit on one line as an inline",
        '  table: `name = { nb = "Gran kommune", nn = "Gran kommune" }`. Both spellings',
        '  mean the same, so `participations = [{ participant = "gran" }]` is as good as',
        "  a `[[councils.participations]]` table.",
        "- An array of tables nests under the last header above it: a",
        "  `[[councils.meetings.agenda]]` entry belongs to the `[[councils.meetings]]` entry",
        "  just before it, which belongs to the `[[councils]]` entry before that.",
        "",
        "## Table headers",
        "",
        "Every array of tables a register can have, and the object each entry is:",
        "",
        "| header | entries are | |",
        "| --- | --- | --- |",
    ]
    for path, names in table_headers(schema):
        kinds = " or ".join(f"[{n}](format.md#{n.lower()})" for n in names)
        note = "set `kind`" if len(names) > 1 else ""
        lines.append(f"| `[[{path}]]` | {kinds} | {note} |")
    lines += [
        "",
        "## A complete small example",
        "",
        "Two municipalities, a council with its representantskap, one appointment, a",
        "meeting with one agenda item and the first clause of the cooperation agreement.",
        "The values are illustrative; a test loads this example and validates it.",
        "",
        "```toml",
        EXAMPLE.rstrip("\n"),
        "```",
    ]
    return "\n".join(lines) + "\n"
