# SPDX-License-Identifier: MIT
"""``iprmodel export --format fiks/einnsyn -o DIR/``: one valid file per message."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path

import orjson
import pytest

from iprmodel.cli import EXIT_OK, EXIT_UNUSABLE, main

Errors = Callable[[Mapping[str, bytes]], list[tuple[str, str, str]]]


def _written(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_fiks_folder_validates(tmp_path: Path, fiks_errors: Errors) -> None:
    """The documented command writes every message, each valid against its schema."""
    status = main(
        [
            "export",
            "example:hallingdal",
            "--format",
            "fiks",
            "--option",
            "avsender=gol",
            "-o",
            f"{tmp_path}/",
        ]
    )
    written = _written(tmp_path / "hallingdal-fiks")

    assert status == EXIT_OK
    assert len(written) == 19
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.-]*\.json", name) for name in written)
    assert fiks_errors(written) == []


def test_the_issues_command_needs_no_option(tmp_path: Path, fiks_errors: Errors) -> None:
    """``iprmodel export example:hallingdal --format fiks -o out/``: the council sends."""
    assert main(["export", "example:hallingdal", "--format", "fiks", "-o", f"{tmp_path}/"]) == 0
    written = _written(tmp_path / "hallingdal-fiks")

    assert len(written) == 19
    assert fiks_errors(written) == []


def test_einnsyn_folder_validates(tmp_path: Path, einnsyn_errors: Errors) -> None:
    """``--format einnsyn -o DIR/`` needs no option and writes valid records."""
    assert main(["export", "example:hallingdal", "--format", "einnsyn", "-o", f"{tmp_path}/"]) == 0
    written = _written(tmp_path / "hallingdal-einnsyn")

    assert "hallingdal.regionradet.enhet.json" in written
    assert einnsyn_errors(written) == []


def test_one_file_gets_the_bundle(tmp_path: Path) -> None:
    """``-o FILE`` writes every message in one object keyed by file name."""
    target = tmp_path / "einnsyn.json"
    assert main(["export", "example:hallingdal", "--format", "einnsyn", "-o", str(target)]) == 0

    bundle = orjson.loads(target.read_bytes())
    assert "hallingdal.regionradet-2026-1.moetemappe.json" in bundle


@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("nb", "medlemmer med organisasjonsnummer: al, fla, gol"),
        ("nn", "medlemmer med organisasjonsnummer: al, fla, gol"),
        ("en", "members with an organisation number: al, fla, gol"),
    ],
)
def test_missing_sender_exits_2_naming_what_to_add(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], locale: str, words: str
) -> None:
    """No orgnr, no office municipality, no --option avsender: exit 2, ``path: message``."""
    example = resources.files("iprmodel.examples").joinpath("hallingdal.toml").read_text("utf-8")
    assert 'orgnr = "975576469"\n' in example
    source = tmp_path / "hallingdal.toml"
    source.write_text(example.replace('orgnr = "975576469"\n', ""), encoding="utf-8")
    status = main(
        [
            "--locale",
            locale,
            "export",
            str(source),
            "--format",
            "fiks",
            "-o",
            f"{tmp_path}/",
        ]
    )

    assert status == EXIT_UNUSABLE
    err = capsys.readouterr().err
    assert "councils[hallingdal].office_municipality: " in err
    assert words in err
    assert "Traceback" not in err


@pytest.mark.parametrize("fmt", ["fiks", "einnsyn"])
def test_outline_only_register_writes_nothing_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """Innlandet's councils are all in outline: exit 0, no folder, each council named."""
    status = main(
        ["--locale", "en", "export", "example:innlandet", "--format", fmt, "-o", f"{tmp_path}/"]
    )

    assert status == EXIT_OK
    captured = capsys.readouterr()
    assert f"{fmt}: nothing to write; no file written" in captured.out
    for council in ("hadeland", "nord-gudbrandsdal", "nord-osterdal"):
        assert f"councils[{council}]: kept in outline" in captured.err
    assert list(tmp_path.iterdir()) == []


def test_a_rerun_leaves_no_stale_message(tmp_path: Path) -> None:
    """Messages of a meeting no longer in the register are removed; other files stay."""
    folder = tmp_path / "hallingdal-fiks"
    folder.mkdir()
    (folder / "hallingdal.old-meeting.einnsyn.vedtak.send.json").write_text("{}")
    (folder / "README.txt").write_text("mine")
    assert main(["export", "example:hallingdal", "--format", "fiks", "-o", f"{tmp_path}/"]) == 0

    names = {p.name for p in folder.iterdir()}
    assert "hallingdal.old-meeting.einnsyn.vedtak.send.json" not in names
    assert "README.txt" in names
    assert len(names) == 20
