# SPDX-License-Identifier: MIT
"""The ``iprmodel`` command as a secretary uses it: exit codes, messages, files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from iprmodel import examples, serialization
from iprmodel.cli import main

EXAMPLES = ("all", "hadeland", "hallingdal", "hamarregionen", "innlandet", "ringeriksregionen")


def run(*args: str) -> tuple[int, str, str]:
    """Run the command in a subprocess, as a user would."""
    result = subprocess.run(
        [sys.executable, "-m", "iprmodel", *args],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"},
    )
    return result.returncode, result.stdout, result.stderr


def test_examples_lists_the_six_names(capsys: pytest.CaptureFixture[str]) -> None:
    """`iprmodel examples` lists all, hadeland, hallingdal, hamarregionen, innlandet, ringeriksregionen."""
    assert main(["examples"]) == 0
    names = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert list(EXAMPLES) == names


def test_examples_describe_a_county_example_by_the_county(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Innlandet's example is the county's; the councils it names are shown as outlines."""
    assert main(["examples", "--locale", "nn"]) == 0
    lines = dict(line.split("\t") for line in capsys.readouterr().out.splitlines())
    assert lines["innlandet"].startswith("Innlandet fylkeskommune (råd i omriss: Hadeland")
    assert "omriss" not in lines["hadeland"]


@pytest.mark.parametrize("name", EXAMPLES)
def test_validate_examples_exit_zero(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every embedded example validates with exit status 0 (no legal errors)."""
    status = main(["validate", f"example:{name}"])
    output = capsys.readouterr()
    assert status == 0, output.out + output.err


def malformed_document(tmp_path: Path) -> Path:
    """A register with five kinds of mistakes: type, unknown key, dangling id, naive time, orgnr."""
    data = orjson.loads(serialization.dumps(examples.load("hallingdal")))
    council = data["councils"][0]
    body = council["bodies"][0]
    body["meetings_per_year"] = {"min": "tre", "max": 2}
    body["colour"] = "blue"
    council["participations"][0]["participant"] = "bergen"
    council["meetings"][0]["start"] = "2026-04-23T10:00:00"
    data["participants"][0]["orgnr"] = "964951463"
    path = tmp_path / "broken.json"
    path.write_bytes(orjson.dumps(data))
    return path


def test_malformed_file_exit_2_one_line_per_problem(tmp_path: Path) -> None:
    """Bad input gives exit 2 and one `path: message` line per problem, never a traceback."""
    status, out, err = run("validate", str(malformed_document(tmp_path)), "--locale", "en")
    text = out + err
    assert status == 2
    assert "Traceback" not in text
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line.startswith(("councils", "participants"))]
    assert any(
        line.endswith('meetings_per_year.min: expected an integer, got "tre"') for line in lines
    )
    assert any(".colour: unknown key" in line for line in lines)
    assert any('no participant has the id "bergen"' in line for line in lines)
    assert any(".start: " in line and "no time zone" in line for line in lines)
    assert any("orgnr '964951463'" in line for line in lines)


def test_messages_follow_the_locale(tmp_path: Path) -> None:
    """The same problem reads in Nynorsk with --locale nn and in English with --locale en."""
    path = malformed_document(tmp_path)
    _, out_en, err_en = run("validate", str(path), "--locale", "en")
    _, out_nn, err_nn = run("validate", str(path), "--locale", "nn")
    assert "expected an integer" in out_en + err_en
    assert "expected an integer" not in out_nn + err_nn


def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    """A JSON syntax error names its line and column."""
    path = tmp_path / "bad.json"
    path.write_text('{"format": 1,\n "persons": [}\n', encoding="utf-8")
    status, out, err = run("validate", str(path), "--locale", "en")
    assert status == 2
    assert "line 2" in out + err
    assert "Traceback" not in out + err


def test_missing_file_and_unknown_example() -> None:
    """A missing file or an unknown example is exit 2 with a message naming it."""
    status, _, err = run("validate", "nowhere.json", "--locale", "en")
    assert status == 2
    assert "nowhere.json" in err
    status, _, err = run("validate", "example:bergen", "--locale", "en")
    assert status == 2
    assert "hallingdal" in err


def test_unknown_format_lists_installed(tmp_path: Path) -> None:
    """An unknown export format lists the installed ones."""
    status, _, err = run(
        "export",
        "example:hallingdal",
        "--format",
        "pdf",
        "-o",
        str(tmp_path / "x"),
        "--locale",
        "en",
    )
    assert status == 2
    assert "pdf" in err
    assert "Traceback" not in err


def test_bad_option_syntax(tmp_path: Path) -> None:
    """--option needs KEY=VALUE."""
    status, _, err = run(
        "export",
        "example:hallingdal",
        "--format",
        "json",
        "--option",
        "oops",
        "-o",
        str(tmp_path / "x.json"),
        "--locale",
        "en",
    )
    assert status == 2
    assert "KEY=VALUE" in err


def test_export_json_round_trip_is_byte_identical(tmp_path: Path) -> None:
    """Export to JSON, export that file again: identical bytes; and it validates."""
    first, second = tmp_path / "all.json", tmp_path / "again.json"
    assert main(["export", "example:all", "--format", "json", "-o", str(first)]) == 0
    assert main(["export", str(first), "--format", "json", "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    assert main(["validate", str(first)]) == 0


def test_toml_source_is_read(tmp_path: Path) -> None:
    """A hand-written TOML file is a valid SOURCE."""
    path = tmp_path / "council.toml"
    path.write_text(
        'format = 1\n[[participants]]\nkind = "municipality"\nid = "gol"\nname = { nn = "Gol kommune" }\n',
        encoding="utf-8",
    )
    status, out, err = run("validate", str(path), "--locale", "en")
    assert status == 0, out + err


def test_formats_lists_the_plugins(capsys: pytest.CaptureFixture[str]) -> None:
    """`iprmodel formats` lists every installed exporter with suffix and media type."""
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    for name in ("docx", "ics", "json", "popolo"):
        assert name in out


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_no_representantskap_exits_1_citing_18_3(tmp_path: Path, locale: str) -> None:
    """A council without a representantskap is a legal error: exit 1, koml. § 18-3 named."""
    path = tmp_path / "council.toml"
    path.write_text(
        "format = 1\n"
        '[[participants]]\nkind = "municipality"\nid = "gol"\nname = { nn = "Gol kommune" }\n'
        '[[participants]]\nkind = "municipality"\nid = "hol"\nname = { nn = "Hol kommune" }\n'
        '[[councils]]\nid = "demo"\nformal_name = { nn = "Demo interkommunalt politisk råd" }\n'
        'participations = [{ participant = "gol" }, { participant = "hol" }]\n',
        encoding="utf-8",
    )
    status, out, err = run("validate", str(path), "--locale", locale)
    assert status == 1, out + err
    assert "18-3" in out
    assert "Traceback" not in out + err


def test_participant_without_members_exits_1(tmp_path: Path) -> None:
    """A representantskap that leaves a participant without a member is an error (§ 18-3)."""
    data = orjson.loads(serialization.dumps(examples.load("hallingdal")))
    council = data["councils"][0]
    body = next(b for b in council["bodies"] if b["kind"] == "representantskap")
    body["composition"] = [{"participant": "gol", "members": 5, "deputies": 5}]
    path = tmp_path / "hallingdal.json"
    path.write_bytes(orjson.dumps(data))
    status, out, err = run("validate", str(path), "--locale", "en", "--format", "json")
    assert status == 1, out + err
    findings = orjson.loads(out)
    codes = {f["code"] for f in findings["findings"] if f["severity"] == "error"}
    assert any("18-3" in code for code in codes)


def test_unknown_or_bad_option_is_refused(tmp_path: Path) -> None:
    """A mistyped option key or a flag that is neither yes nor no: exit 2, nothing written."""
    target = tmp_path / "x.ics"
    status, _, err = run(
        "export", "example:hallingdal", "--format", "ics", "--option", "attendee=yes",
        "-o", str(target), "--locale", "en",
    )  # fmt: skip
    assert status == 2
    assert "'attendee'" in err
    assert "attendees" in err
    status, _, err = run(
        "export", "example:hallingdal", "--format", "ics", "--option", "attendees=maybe",
        "-o", str(target), "--locale", "en",
    )  # fmt: skip
    assert status == 2
    assert "yes or no" in err
    assert not target.exists()


def test_folder_as_source_and_missing_output_folder(tmp_path: Path) -> None:
    """A folder is not a source; a mistyped output folder is not created silently."""
    status, _, err = run("validate", str(tmp_path), "--locale", "en")
    assert status == 2
    assert "is a folder" in err
    target = tmp_path / "nowhere" / "x.json"
    status, _, err = run(
        "export", "example:hadeland", "--format", "json", "-o", str(target), "--locale", "en"
    )
    assert status == 2
    assert "no such folder" in err
    assert not target.parent.exists()


def test_agreement_amendment_needs_two_thirds_in_representantskap(tmp_path: Path) -> None:
    """Koml. § 18-4 tredje ledd: 16 for and 12 against (57 %) does not amend the agreement."""
    data = orjson.loads(serialization.dumps(examples.load("hallingdal")))
    council = data["councils"][0]
    meeting = next(m for m in council["meetings"] if m["id"] == "hallingtinget-2026-1")
    meeting["agenda"].append(
        {
            "id": "ht-2026-endring",
            "order": 99,
            "number": "PS 99/2026",
            "title": "Endring i samarbeidsavtalen punkt 4",
            "kind": "agreement_amendment",
            "tally": {"votes_for": 16, "votes_against": 12},
            "outcome": "adopted",
        }
    )
    path = tmp_path / "amend.json"
    path.write_bytes(orjson.dumps(data))
    status, out, err = run("validate", str(path), "--locale", "en", "--format", "json")
    assert status == 1, out + err
    errors = [f for f in orjson.loads(out)["findings"] if f["severity"] == "error"]
    assert any("ht-2026-endring" in f["path"] for f in errors)


def test_argparse_words_follow_the_locale() -> None:
    status, out, _ = run("export", "--help", "--locale", "nn")
    assert status == 0
    assert out.startswith("bruk: iprmodel export")
    assert "vis denne hjelpeteksten og avslutt" in out
    assert "\nval:\n" in out
    status, _, err = run("--locale", "nb", "export")
    assert status == 2
    assert err.startswith("bruk: ")
    assert "iprmodel export: feil: disse argumentene mangler: SOURCE, --format" in err
    status, _, err = run("plan", "example:hallingdal", "--body", "x", "--year", "2027x")
    assert "feil: argument --year: venter et heltall, fikk '2027x'" in err
    status, _, err = run("--locale", "en", "nope")
    assert "error: argument COMMAND: invalid choice: 'nope' (choose from" in err


def test_locale_before_or_after_the_command() -> None:
    for args in (("--locale", "en", "examples"), ("examples", "--locale", "en")):
        status, out, _ = run(*args)
        assert status == 0
        assert out.startswith("all\t")
    # Given twice, the one after the command wins.
    status, _, err = run("--locale", "en", "validate", "nothing.json", "--locale", "nn")
    assert status == 2
    assert "nothing.json" in err
    assert "no such file" not in err


def test_reader_stopping_early_is_no_error() -> None:
    command = [sys.executable, "-m", "iprmodel", "export", "example:all", "--format", "json"]
    writer = subprocess.Popen([*command, "-o", "-"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert writer.stdout is not None
    writer.stdout.read(10)
    writer.stdout.close()  # like `| head -c 10`
    _, err = writer.communicate()
    assert writer.returncode in (0, 141)
    assert err == b""


@pytest.mark.parametrize(
    ("locale", "heading"), [("nb", "valg:"), ("nn", "val:"), ("en", "options:")]
)
def test_help_has_one_options_heading(
    capsys: pytest.CaptureFixture[str], locale: str, heading: str
) -> None:
    """--locale (shared by every command) sits with the command's own options."""
    assert main(["--locale", locale, "export", "--help"]) == 0
    text = capsys.readouterr().out
    assert text.splitlines().count(heading) == 1
    assert "--locale" in text.split(heading)[1]
