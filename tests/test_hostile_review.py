# SPDX-License-Identifier: MIT
"""Defects a second hostile review found: each test failed before its fix."""

from __future__ import annotations

import contextlib
import copy
import io
import os
import resource
import stat
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import orjson
import pytest

from iprmodel import files, serialization
from iprmodel.cli import main
from iprmodel.errors import LoadError
from iprmodel.examples import load as load_example


def _plain() -> dict[str, Any]:
    return copy.deepcopy(serialization.unstructure(load_example("hadeland")))


def _lines(data: dict[str, Any]) -> list[str]:
    with pytest.raises(LoadError) as caught:
        serialization.loads(orjson.dumps(data))
    return [problem.line() for problem in caught.value.problems]


# -- outputs that are not regular files ------------------------------------------------


def _read_fifo(fifo: Path, into: list[bytes]) -> threading.Thread:
    def read() -> None:
        with fifo.open("rb") as stream:
            into.append(stream.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    return reader


def test_a_fifo_is_written_into_not_replaced_by_a_file(tmp_path: Path) -> None:
    """Renaming over a pipe or a device (/dev/null, /dev/stdout) would replace it by a file."""
    fifo = tmp_path / "feed.ics"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = _read_fifo(fifo, received)

    assert files.write_atomic(fifo, b"BEGIN:VCALENDAR")
    reader.join(timeout=10)

    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received == [b"BEGIN:VCALENDAR"]
    assert [p.name for p in tmp_path.iterdir()] == ["feed.ics"]


def test_export_into_a_fifo_through_a_symlink(tmp_path: Path) -> None:
    """As -o /dev/stdout is: a link to a pipe, which has no file name to resolve to."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "calendar.ics"
    link.symlink_to(fifo)
    received: list[bytes] = []
    reader = _read_fifo(fifo, received)

    assert main(["export", "example:hadeland", "--format", "ics", "-o", str(link)]) == 0
    reader.join(timeout=10)

    assert link.is_symlink()
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert received[0].startswith(b"BEGIN:VCALENDAR")


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc")
def test_export_through_a_link_to_a_pipe_without_a_name(tmp_path: Path) -> None:
    """/dev/stdout links to /proc/self/fd/1, which resolves to no file ("pipe:[123]")."""
    read_end, write_end = os.pipe()
    link = tmp_path / "calendar.ics"
    link.symlink_to(f"/proc/self/fd/{write_end}")
    try:
        status = main(["export", "example:hadeland", "--format", "ics", "-o", str(link)])
        os.close(write_end)
        with os.fdopen(read_end, "rb") as stream:
            received = stream.read()
    finally:
        with contextlib.suppress(OSError):
            os.close(write_end)

    assert status == 0
    assert received.startswith(b"BEGIN:VCALENDAR")
    assert link.is_symlink()


def test_a_folder_is_not_replaced(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError) as caught:
        files.write_atomic(tmp_path, b"x")
    assert caught.value.filename == str(tmp_path)


def test_a_symlink_loop_is_an_error_not_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "a.ics"
    loop.symlink_to(tmp_path / "b.ics")
    (tmp_path / "b.ics").symlink_to(loop)

    status = main(
        ["--locale", "en", "export", "example:hadeland", "--format", "ics", "-o", str(loop)]
    )

    assert status == 2
    assert f"{loop}: the symbolic links form a loop" in capsys.readouterr().err
    assert loop.is_symlink()


# -- dates a register cannot hold --------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "9999-12-31T20:00:00-05:00",  # past the year 9999 in Oslo
        "0001-01-01T00:30:00+01:00",  # before the year 1 in UTC
    ],
)
def test_a_time_past_the_calendar_is_named(written: str) -> None:
    data = _plain()
    meeting = data["councils"][0]["meetings"][0]
    meeting["start"] = written

    lines = _lines(data)

    assert lines == [
        f"councils[hadeland].meetings[{meeting['id']}].start: {written} lies outside the"
        " years 1 to 9999 in Norwegian time"
    ]


@pytest.mark.parametrize("field", ["start", "modified"])
def test_a_time_more_precise_than_a_microsecond_is_refused(field: str) -> None:
    """Python keeps six decimals and drops the rest: that would be silent data loss."""
    data = _plain()
    meeting = data["councils"][0]["meetings"][0]
    meeting[field] = meeting[field].replace("+", ".1234567+", 1)

    lines = _lines(data)

    assert lines == [
        f'councils[hadeland].meetings[{meeting["id"]}].{field}: "{meeting[field]}" has more'
        " than six decimals of a second; a register keeps times to the microsecond"
    ]


def test_zeros_past_the_microsecond_lose_nothing() -> None:
    """.NET writes seven decimals ("o" format): trailing zeros are read."""
    data = _plain()
    meeting = data["councils"][0]["meetings"][0]
    expected = serialization.structure(copy.deepcopy(data))
    meeting["start"] = meeting["start"].replace("+", ".0000000+", 1)

    assert serialization.loads(orjson.dumps(data)) == expected


# -- messages that cannot be forged --------------------------------------------------------

_FORGED = "x\x1b[31m\nSummary: 0 errors"
_SHOWN = "x\\u001b[31m\\u000aSummary: 0 errors"
_INIT = ["--locale", "en", "init", "--name", "Test interkommunalt politisk råd"]
_MEMBERS = ["--member", "3201", "--member", "3203"]


def _clean(text: str) -> bool:
    return "\x1b" not in text and not any(line.startswith("Summary") for line in text.splitlines())


def test_init_shows_the_output_path_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)

    assert main([*_INIT, *_MEMBERS, "-o", _FORGED]) == 0
    assert main([*_INIT, *_MEMBERS, "-o", _FORGED]) == 2
    assert main([*_INIT, *_MEMBERS, "-o", f"{_FORGED}/register.toml"]) == 2

    out, err = capsys.readouterr()
    assert out == f"wrote {_SHOWN}\n"
    assert err == (f"{_SHOWN} exists; give --force to overwrite it\n{_SHOWN}: no such folder\n")


def test_init_refuses_a_name_the_register_cannot_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file written must load: a name with ESC would be refused by validate."""
    target = tmp_path / "register.toml"

    status = main(["--locale", "en", "init", "--name", "Råd\x1b[2J", *_MEMBERS, "-o", str(target)])

    assert status == 2
    assert capsys.readouterr().err == (
        "--name contains a control character (U+001B) at position 3\n"
    )
    assert not target.exists()


def test_an_internal_error_is_shown_escaped(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A defect whose message quotes the input must not write the input raw either."""
    import iprmodel.cli as cli

    def broken(*_args: object) -> int:
        raise RuntimeError(_FORGED)

    monkeypatch.setitem(cli._COMMANDS, "examples", broken)
    monkeypatch.delenv("IPRMODEL_DEBUG", raising=False)

    assert main(["--locale", "en", "examples"]) == 70
    err = capsys.readouterr().err
    assert f"RuntimeError: {_SHOWN}" in err
    assert _clean(err)


def test_an_error_message_that_forgot_to_escape_is_escaped(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A plugin's error may quote input raw: colours and bidi marks still stay out."""
    import iprmodel.cli as cli
    from iprmodel.errors import IprModelError

    def broken(*_args: object) -> int:
        raise IprModelError("no council named \x1b[2J\u202eabc")

    monkeypatch.setitem(cli._COMMANDS, "examples", broken)

    assert main(["--locale", "en", "examples"]) == 2
    assert capsys.readouterr().err == "no council named \\u001b[2J\\u202eabc\n"


@pytest.mark.parametrize(
    "hidden",
    ["\u200b", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\ufff9", "\U000e0041", "\u3164"],
)
def test_invisible_characters_in_a_key_are_shown(hidden: str) -> None:
    """'name\u200b: unknown key' reads as 'name: unknown key', which the secretary cannot fix."""
    data = _plain()
    data["persons"][0]["name" + hidden] = "x"

    lines = _lines(data)

    assert lines[0].startswith(f"persons[{data['persons'][0]['id']}].name\\")
    assert hidden not in lines[0]


# -- TOML and JSON text that cost too much or said too little ----------------------------


def _validate_capped(path: Path) -> subprocess.CompletedProcess[bytes]:
    """``iprmodel validate`` with 2 GB of address space and a minute of CPU at most.

    Limits, not timings: a bounded loader needs a small part of either, an unbounded
    one (quadratic in the length of a key) meets them at once and fails.
    """

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
        resource.setrlimit(resource.RLIMIT_CPU, (60, 60))

    return subprocess.run(
        [sys.executable, "-m", "iprmodel", "--locale", "en", "validate", str(path)],
        capture_output=True,
        check=False,
        preexec_fn=limit,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


@pytest.mark.parametrize("line", ["{key} = 1", "[{key}]", "[[{key}]]", "x = {{ {key} = 1 }}"])
def test_a_toml_key_of_many_parts_costs_little(tmp_path: Path, line: str) -> None:
    """tomllib keeps every prefix of a dotted key: 50,000 parts would take ~20 GB."""
    path = tmp_path / "register.toml"
    path.write_text("format = 1\n" + line.format(key=".".join(["a"] * 50_000)) + "\n")

    result = _validate_capped(path)

    assert result.returncode == 2, result.stderr.decode()
    assert "nested more than 100 levels deep" in result.stdout.decode()


def test_a_long_toml_key_within_the_depth_is_read() -> None:
    """Quoted parts with dots in them, and a hundred parts, are still a key."""
    key = ".".join(['"a.b"'] + ["c"] * 99)
    data = serialization.parse_toml(f"format = 1\n{key} = 1\n")
    inner: Any = data["a.b"]
    for _ in range(98):
        inner = inner["c"]
    assert inner == {"c": 1}


@pytest.mark.parametrize("written", ["0x" + "f" * 100_000, "9" * 5_000])
def test_a_toml_number_of_thousands_of_digits_is_named(written: str) -> None:
    with pytest.raises(LoadError) as caught:
        serialization.loads_toml(f"format = {written}\n")

    (problem,) = caught.value.problems
    assert "set_int_max_str_digits" not in problem.line()
    assert "too large: whole numbers must lie between" in problem.line()


@pytest.mark.parametrize("load", [serialization.loads, serialization.loads_toml])
def test_a_byte_order_mark_is_named(load: Any) -> None:
    """Windows Notepad writes one: say what it is and what to do."""
    with pytest.raises(LoadError) as caught:
        load(
            b"\xef\xbb\xbf" + b"format = 1"
            if load is serialization.loads_toml
            else b"\xef\xbb\xbf{}"
        )

    assert [p.line() for p in caught.value.problems] == [
        "the file starts with a byte order mark (BOM); save it as UTF-8 without BOM"
    ]


def test_validate_json_output_holds_no_raw_bidi_override(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Machines read the same path; a terminal showing the output is not reordered."""
    path = tmp_path / "register.json"
    key = "x\u202e\U000e0041\u200b"
    path.write_bytes(orjson.dumps({"format": 1, key: 1}))

    assert main(["--locale", "en", "validate", "--format", "json", str(path)]) == 2

    out = capsys.readouterr().out
    assert not any(char in out for char in key[1:])
    assert orjson.loads(out)["problems"][0]["path"] == key


def test_vote_and_publish_show_paths_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(_FORGED).write_text("{")

    assert main(["--locale", "en", "vote", _FORGED]) == 2
    assert main(["--locale", "en", "vote", _FORGED + "x"]) == 2
    assert main(["--locale", "en", "publish", "example:hadeland", "-o", _FORGED + "-site"]) == 0

    out, err = capsys.readouterr()
    assert f"{_SHOWN}x: no such file" in err
    assert out.startswith(f"{_SHOWN}-site: ")
    assert _clean(out)
    assert _clean(err)


# -- sources without end -------------------------------------------------------------------


def test_an_endless_source_is_refused_at_the_limit(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """/dev/zero (or a file of gigabytes) is read up to the limit, not until memory runs out."""
    monkeypatch.setattr(serialization, "MAX_INPUT_BYTES", 1 << 20)

    assert main(["--locale", "en", "validate", "/dev/zero"]) == 2

    assert "the file is larger than 1 MB; no register is that large" in capsys.readouterr().out


def test_a_vote_file_past_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(serialization, "MAX_INPUT_BYTES", 1 << 20)
    vote = tmp_path / "vote.json"
    vote.write_bytes(b" " * (1 << 20) + b"{}")

    assert main(["--locale", "en", "vote", str(vote)]) == 2

    assert "the file is larger than 1 MB; no register is that large" in capsys.readouterr().err


def test_standard_input_is_read_up_to_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serialization, "MAX_INPUT_BYTES", 10)
    read = serialization.read_limited

    assert read(io.BytesIO(b"0123456789")) == b"0123456789"
    with pytest.raises(LoadError):
        read(io.BytesIO(b"0123456789a"))


def test_running_out_of_memory_is_said_in_words(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import iprmodel.cli as cli

    def greedy(*_args: object) -> int:
        raise MemoryError

    monkeypatch.setitem(cli._COMMANDS, "examples", greedy)

    assert main(["--locale", "en", "examples"]) == 2
    assert capsys.readouterr().err == "not enough memory to finish; the input is too large\n"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (b"", "a value is missing"),
        (b'{"format": 1,}', "a key in double quotes is missing (is there a comma too many?)"),
        (b'{"format" 1}', "a colon (:) is missing after the key"),
        (b'{"format": 1 "x": 2}', "a comma is missing"),
        (b'{"format": "1', "the text in quotes does not end"),
        (b'{"format": "\\q"}', "a backslash starts no known escape; write \\\\ for a backslash"),
        (b'{"format": 1} {}', "more follows after the end of the document"),
    ],
)
def test_json_syntax_errors_are_said_in_the_users_language(text: bytes, reason: str) -> None:
    """The reason was the standard library's English ("Expecting value") in nb and nn too."""
    from iprmodel.l10n import translator

    with pytest.raises(LoadError) as caught:
        serialization.loads(text)

    (problem,) = caught.value.problems
    assert problem.line().endswith(": " + reason)
    norwegian = problem.line(translator("nn").gettext)
    assert norwegian.startswith("ugyldig JSON")
    assert reason not in norwegian


@pytest.mark.parametrize(
    "text",
    [
        b'{"format": 1, "' + b"k" * 1_000_000 + b'": 1}',
        b'{"format": 1, "' + b"k" * 1_000_000 + b'": 1, "' + b"k" * 1_000_000 + b'": 1}',
        b'{"format": 1, "persons": [{"id": "a", "name": "b", "' + b"k" * 1_000_000 + b'": 1}]}',
    ],
)
def test_a_key_of_megabytes_is_shown_short(text: bytes) -> None:
    """The message of an unknown or repeated key was as long as the key."""
    with pytest.raises(LoadError) as caught:
        serialization.loads(text)

    (problem,) = caught.value.problems
    assert len(problem.line()) < 300
    assert "k" * 79 + "…:" in problem.line()


def test_a_long_toml_key_is_shown_short() -> None:
    with pytest.raises(LoadError) as caught:
        serialization.loads_toml("format = 1\n" + "k" * 1_000_000 + " = 1\n")

    assert len(caught.value.problems[0].line()) < 300


# -- planning ------------------------------------------------------------------------------


def test_planning_more_meetings_than_days_is_refused_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A million tried every day of the year for each meeting (hours); a thousand, as here,
    took a second and listed 2,500 lines of meetings that could not be placed."""
    data = _plain()
    body = data["councils"][0]["bodies"][0]
    body["meetings_per_year"] = {"min": 1_000, "max": 1_000}
    path = tmp_path / "register.json"
    path.write_bytes(orjson.dumps(data))

    status = main(["--locale", "nn", "plan", str(path), "--body", body["id"], "--year", "2027"])

    assert status == 2
    assert capsys.readouterr().err == (
        "1000 møte i året kan ikkje planleggjast: høgst eitt om dagen, 365 dette året\n"
    )


# -- a file where a folder belongs -------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        ["export", "example:hadeland", "--format", "ics", "-o", "{file}/"],
        ["export", "example:hadeland", "--format", "ics,json", "-o", "{file}/"],
        ["publish", "example:hadeland", "-o", "{file}"],
    ],
)
def test_a_file_given_as_the_output_folder_is_named(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Was "cannot write or read …: it exists already", which says nothing of the mistake."""
    file = tmp_path / "site"
    file.write_bytes(b"mine")

    status = main(["--locale", "en", *(part.format(file=file) for part in command)])

    assert status == 2
    assert capsys.readouterr().err == f"{file} is not a folder\n"
    assert file.read_bytes() == b"mine"
