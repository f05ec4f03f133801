# SPDX-License-Identifier: MIT
"""The command line against unlucky and hostile use: outputs, sources, messages (issue 14)."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
from pathlib import Path

import orjson
import pytest

from iprmodel import serialization
from iprmodel.cli import main
from iprmodel.examples import load as load_example

# Kept, so that the tests can be run against another checkout of the sources.
_PYTHONPATH = {key: os.environ[key] for key in ("PYTHONPATH",) if key in os.environ}


def run(*args: str, stdin: bytes = b"") -> tuple[int, str, str]:
    """Run the command in a subprocess, as a user would."""
    result = subprocess.run(
        [sys.executable, "-m", "iprmodel", *args, "--locale", "en"],
        input=stdin,
        capture_output=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8", **_PYTHONPATH},
    )
    return result.returncode, result.stdout.decode(), result.stderr.decode()


# -- --format and -o ----------------------------------------------------------------


@pytest.mark.parametrize("formats", ["", ",", " , ", "json,", "json,,ics", "json,json"])
def test_empty_or_repeated_format_names_are_refused(tmp_path: Path, formats: str) -> None:
    status, _, err = run("export", "example:hadeland", "--format", formats, "-o", f"{tmp_path}/")

    assert status == 2
    assert "--format" in err
    assert list(tmp_path.iterdir()) == []


def test_empty_output_is_refused(tmp_path: Path) -> None:
    status, _, err = run("export", "example:hadeland", "--format", "json", "-o", "")

    assert status == 2
    assert "-o needs a file" in err


def test_formats_with_the_same_suffix_get_their_own_names(tmp_path: Path) -> None:
    status, out, err = run(
        "export", "example:hadeland", "--format", "json,popolo,ics", "-o", f"{tmp_path}/"
    )

    assert status == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "hadeland-json.json",
        "hadeland-popolo.json",
        "hadeland.ics",
    ]
    assert serialization.loads((tmp_path / "hadeland-json.json").read_bytes()) == load_example(
        "hadeland"
    )
    assert "memberships" in orjson.loads((tmp_path / "hadeland-popolo.json").read_bytes())
    assert out.count("wrote ") == 3


def test_a_format_that_cannot_run_stops_before_anything_is_written(tmp_path: Path) -> None:
    old = tmp_path / "hadeland.json"
    old.write_bytes(b"the previous export")

    status, _, err = run(
        "export",
        "example:hadeland",
        "--format",
        "json,ics",
        "--option",
        "attendees=maybe",  # ics reads it, and refuses the value
        "-o",
        f"{tmp_path}/",
    )

    assert status == 2
    assert "attendees" in err
    assert old.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hadeland.json"]


def test_output_through_a_symlink_writes_the_target(tmp_path: Path) -> None:
    """Decided and documented: the file the link points to is replaced; the link stays."""
    real = tmp_path / "published" / "hadeland.ics"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "calendar.ics"
    link.symlink_to(real)

    assert main(["export", "example:hadeland", "--format", "ics", "-o", str(link)]) == 0

    assert link.is_symlink()
    assert real.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert sorted(p.name for p in real.parent.iterdir()) == ["hadeland.ics"]


def test_a_full_disk_names_the_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "hadeland.json"
    target.write_bytes(b"the previous export")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    status = main(["export", "example:hadeland", "--format", "json", "-o", str(target)])

    assert status == 2
    # The reason in the user's language (Bokmål by default), not the system's English.
    assert f"{target}: disken er full" in capsys.readouterr().err
    assert target.read_bytes() == b"the previous export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hadeland.json"]


# -- sources ------------------------------------------------------------------------


def test_dash_reads_json_from_standard_input() -> None:
    text = serialization.dumps(load_example("hadeland"))

    status, out, err = run("validate", "-", stdin=text)

    assert status == 0, out + err


def test_dash_reads_toml_with_input_format(tmp_path: Path) -> None:
    toml = (
        b'format = 1\n[[participants]]\nkind = "municipality"\nid = "gol"\nname = { nn = "Gol" }\n'
    )

    assert run("validate", "-", "--input-format", "toml", stdin=toml)[0] == 0
    status, out, _ = run("validate", "-", stdin=toml)  # JSON by default
    assert status == 2
    assert "not valid JSON" in out

    status, out, err = run(
        "export",
        "-",
        "--input-format",
        "toml",
        "--format",
        "json",
        "-o",
        f"{tmp_path}/",
        stdin=toml,
    )
    assert status == 0, out + err
    assert (tmp_path / "register.json").is_file()


def test_dev_null_is_an_empty_file_not_a_missing_one() -> None:
    status, out, err = run("validate", os.devnull)

    assert status == 2
    assert "no such file" not in out + err
    assert "not valid JSON at line 1, column 1" in out


def test_a_fifo_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "register.json"
    os.mkfifo(fifo)
    text = serialization.dumps(load_example("hadeland"))

    def feed() -> None:
        with fifo.open("wb") as stream:
            stream.write(text)

    writer = threading.Thread(target=feed)
    writer.start()
    status, out, err = run("validate", str(fifo))
    writer.join(timeout=10)

    assert status == 0, out + err


# -- messages that cannot be forged ------------------------------------------------------

_FORGED = "x\nSummary: 0 errors, 0 warnings, 0 notes\x1b[2J\u202e"
_SHOWN = "x\\u000aSummary: 0 errors, 0 warnings, 0 notes\\u001b[2J\\u202e"


def _hostile_register(tmp_path: Path) -> Path:
    data = serialization.unstructure(load_example("hadeland"))
    data["persons"][0][_FORGED] = 1
    path = tmp_path / "hostile.json"
    path.write_bytes(orjson.dumps(data))
    return path


@pytest.mark.parametrize("command", ["validate", "export", "plan"])
def test_input_text_in_messages_is_escaped(tmp_path: Path, command: str) -> None:
    path = _hostile_register(tmp_path)
    extra = {
        "validate": (),
        "export": ("--format", "json", "-o", f"{tmp_path}/"),
        "plan": ("--body", "x", "--year", "2027"),
    }[command]

    status, out, err = run(command, str(path), *extra)

    assert status == 2
    assert _SHOWN in out + err
    assert "\x1b" not in out + err
    assert "\u202e" not in out + err
    assert not any(line.startswith("Summary: 0 errors") for line in (out + err).splitlines())


def test_vote_messages_are_escaped_and_repeated_keys_refused(tmp_path: Path) -> None:
    vote = tmp_path / "vote.json"
    vote.write_text(
        orjson.dumps({"rule": {"kind": "majority"}, "votes": {}, "members": 3, _FORGED: 1}).decode()
    )

    status, _, err = run("vote", str(vote))

    assert status == 2
    assert _SHOWN in err
    assert "\x1b" not in err

    vote.write_text('{"rule": {"kind": "majority"}, "votes": {}, "members": 3, "members": 30}')
    status, _, err = run("vote", str(vote))
    assert status == 2
    assert "members: this key appears more than once in the same object; keep one" in err


def test_vote_reads_a_pipe_and_refuses_a_folder(tmp_path: Path) -> None:
    """``vote`` reads its FILE from a pipe (``<(...)``, a FIFO) as ``validate`` does; a
    folder is no such file."""
    fifo = tmp_path / "vote.fifo"
    os.mkfifo(fifo)
    vote = {"rule": {"kind": "majority"}, "votes": {"for": 3, "against": 1}, "members": 5}
    writer = threading.Thread(target=fifo.write_bytes, args=(orjson.dumps(vote),))
    writer.start()
    status, out, _ = run("vote", str(fifo))
    writer.join()
    assert status == 0
    assert out.startswith("Result: adopted")

    status, _, err = run("vote", str(tmp_path))
    assert status == 2
    assert "no such file" in err


def test_export_to_dev_stdout_is_only_the_data() -> None:
    """``-o /dev/stdout`` writes the file into the stream and nothing else: no "wrote"
    line follows the data a pipe reader parses."""
    status, out, _ = run("export", "example:hallingdal", "--format", "json", "-o", "/dev/stdout")
    assert status == 0
    assert orjson.loads(out)["format"] == 1


def test_a_missing_source_name_is_escaped() -> None:
    status, _, err = run("validate", "nowhere\x1b[31m.json")

    assert status == 2
    assert "nowhere\\u001b[31m.json: no such file" in err
