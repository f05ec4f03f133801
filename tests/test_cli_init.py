# SPDX-License-Identifier: MIT
"""``iprmodel init``: a new secretariat's first file validates with warnings only."""

from __future__ import annotations

import tomllib
from pathlib import Path

import orjson
import pytest

from iprmodel import serialization
from iprmodel.cli import main
from iprmodel.cli_init import skeleton
from iprmodel.model.agreements import STATUTORY_TOPICS, ClauseTopic

NAME = "Nordhordland interkommunalt politisk råd"


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_init_then_validate_gives_warnings_only(
    tmp_path: Path, locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.toml"
    argv = ["init", "--name", NAME, "--member", "4631", "--member", "4632", "-o", str(path)]
    assert main([*argv, "--locale", locale]) == 0
    capsys.readouterr()
    assert main(["validate", str(path), "--format", "json", "--locale", locale]) == 0
    findings = orjson.loads(capsys.readouterr().out)["findings"]
    assert findings, "a fresh skeleton has open points"
    assert {f["severity"] for f in findings} == {"warning"}
    # Each warning names the next step: an instruction after the finding itself.
    assert all(f["message"].rstrip(".").count(".") >= 1 for f in findings)


def test_written_register_has_members_body_and_open_agreement(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    assert (
        main(["init", "--name", NAME, "--member", "4631", "--member", "46", "-o", str(path)]) == 0
    )
    register = serialization.load(path)
    council = register.councils[0]
    assert council.formal_name.get("nb") == NAME
    alver, vestland = register.participants
    assert (alver.id, alver.name.get("nn"), alver.numbers[0].value) == (
        "alver",
        "Alver kommune",
        "4631",
    )
    assert (vestland.name.get("nb"), vestland.written_standard.value) == (
        "Vestland fylkeskommune",
        "nn",
    )
    assert [p.participant for p in council.participations] == ["alver", "vestland"]
    assert [b.kind.value for b in council.bodies] == ["representantskap"]
    agreement = council.agreements[0]
    assert agreement.kind.value == "cooperation"
    assert not agreement.text_complete
    assert [next(iter(c.topics)) for c in agreement.clauses] == list(STATUTORY_TOPICS)
    assert all(c.text is None for c in agreement.clauses)  # open points, not invented text
    # Lossless: the canonical JSON of the file reads back to the same register.
    assert serialization.loads(serialization.dumps(register)) == register


def test_comments_say_what_to_fill_in_in_the_users_language() -> None:
    nb = skeleton(NAME, ["4631", "4632"], "nb")
    nn = skeleton(NAME, ["4631", "4632"], "nn")
    en = skeleton(NAME, ["4631", "4632"], "en")
    assert "# FYLL INN: organisasjonsnummeret fra Enhetsregisteret" in nb
    assert "# FYLL INN: organisasjonsnummeret frå Einingsregisteret" in nn
    assert "# FILL IN: the organisation number from Enhetsregisteret" in en
    assert 'formal_name = { nn = "Nordhordland interkommunalt politisk råd" }' in nn
    # The same data whatever the language of the comments.
    assert tomllib.loads(nb)["participants"] == tomllib.loads(en)["participants"]
    assert ClauseTopic.DISSOLUTION.statutory_letter == "h"
    assert "(koml. § 18-4 fourth paragraph h)" in en


def test_a_name_cannot_break_out_of_its_string() -> None:
    name = 'Råd "x"\n[[councils]]\nid = "forged" # interkommunalt politisk råd'
    data = tomllib.loads(skeleton(name, ["3446", "3234"], "en"))
    assert len(data["councils"]) == 1
    assert data["councils"][0]["formal_name"] == {"nb": name}


def test_shared_names_get_distinct_ids() -> None:
    data = tomllib.loads(skeleton(NAME, ["1515", "1818"], "en"))
    assert [p["id"] for p in data["participants"]] == ["heroy-1515", "heroy-1818"]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("nb", "9999 er ikke et kommunenummer i den innebygde tabellen for 2024 (357 kommuner)"),
        ("nn", "9999 er ikkje eit kommunenummer i den innebygde tabellen for 2024 (357 kommunar)"),
        (
            "en",
            "9999 is not a municipality number in the built-in table of 2024 (357 municipalities)",
        ),
    ],
)
def test_unknown_number_is_a_clear_error(
    tmp_path: Path, locale: str, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.toml"
    argv = ["init", "--name", NAME, "--member", "4631", "--member", "9999", "-o", str(path)]
    assert main([*argv, "--locale", locale]) == 2
    assert capsys.readouterr().err.strip() == expected
    assert not path.exists()


def test_refuses_to_overwrite_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.toml"
    path.write_text("mine", encoding="utf-8")
    argv = ["init", "--name", NAME, "--member", "4631", "--member", "4632", "-o", str(path)]
    assert main([*argv, "--locale", "en"]) == 2
    assert "exists; give --force" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "mine"
    assert main([*argv, "--force"]) == 0
    assert serialization.load(path).councils[0].formal_name.get("nb") == NAME


@pytest.mark.parametrize(
    ("members", "message"),
    [
        (["4631"], "at least two participants"),
        (["4631", "4631"], "--member 4631 is given twice"),
        (["4631", "03"], "give its municipality number 0301"),
        (["4631", "463"], "463 is not a municipality number (four digits)"),
    ],
)
def test_bad_member_lists(
    tmp_path: Path, members: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["init", "--name", NAME, "-o", str(tmp_path / "x.toml"), "--locale", "en"]
    for member in members:
        argv += ["--member", member]
    assert main(argv) == 2
    assert message in capsys.readouterr().err


def test_library_callers_get_the_package_errors() -> None:
    from iprmodel.cli_init import InitError
    from iprmodel.errors import IprModelError
    from iprmodel.municipalities import UnknownNumberError

    with pytest.raises(InitError, match="given twice"):
        skeleton(NAME, ["4631", "4631"], "en")
    with pytest.raises(UnknownNumberError) as caught:
        skeleton(NAME, ["4631", "5099"], "en")
    assert isinstance(caught.value, IprModelError)
