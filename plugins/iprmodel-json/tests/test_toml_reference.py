# SPDX-License-Identifier: MIT
"""docs/reference/toml.md: generated, complete, and its example is a valid register."""

from __future__ import annotations

from pathlib import Path

from iprmodel_json.schema import build_schema
from iprmodel_json.toml_reference import EXAMPLE, render_toml_reference, table_headers

from iprmodel import serialization
from iprmodel.cli import main

PAGE = Path(__file__).resolve().parents[3] / "docs" / "reference" / "toml.md"


def test_toml_reference_page_is_up_to_date() -> None:
    """If this fails, regenerate it: ``python -c "from iprmodel_json.toml_reference import *;
    open('docs/reference/toml.md', 'w').write(render_toml_reference())"``.
    """
    assert PAGE.read_text(encoding="utf-8") == render_toml_reference()


def test_headers_follow_the_schema() -> None:
    headers = dict(table_headers(build_schema()))
    assert headers["councils.meetings.agenda"] == ["AgendaItem"]
    assert headers["participants"] == ["Municipality", "CountyAuthority"]
    # Every list of objects directly under a council has its header.
    council = build_schema()["$defs"]["Council"]["properties"]
    lists = {k for k, v in council.items() if v.get("type") == "array" and "$ref" in v["items"]}
    lists -= {"mandate", "related_cooperations"}  # localized texts, written inline
    assert {f"councils.{k}" for k in lists} <= set(headers)


def test_example_loads_round_trips_and_has_no_legal_errors(tmp_path: Path) -> None:
    register = serialization.loads_toml(EXAMPLE)
    assert serialization.loads(serialization.dumps(register)) == register
    meeting = register.councils[0].meetings[0]
    assert [item.number for item in meeting.agenda] == ["PS 1/2026"]
    path = tmp_path / "example.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    assert main(["validate", str(path)]) == 0  # 1 would mean legal errors
    assert "```toml\n" + EXAMPLE in PAGE.read_text(encoding="utf-8")
