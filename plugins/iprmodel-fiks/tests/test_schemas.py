# SPDX-License-Identifier: MIT
"""The schema copies are the official ones, and the validators built on them are real."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

SCHEMAS = Path(__file__).parent / "schemas"
SHARED = Path(__file__).resolve().parents[4] / "shared" / "reference"
_ORIGIN = {"fiks": "fiks-politisk-behandling-v1", "einnsyn": "einnsyn-api"}


def test_schemas_are_the_reference_copies() -> None:
    """Every copy in tests/schemas is byte-identical to ../shared's, where that folder exists."""
    if not SHARED.is_dir():
        pytest.skip("../shared/reference is not beside this clone")
    copies = [p for p in sorted(SCHEMAS.glob("*/*")) if p.is_file()]
    assert len(copies) == 14
    for copy in copies:
        original = SHARED / _ORIGIN[copy.parent.name] / copy.name
        assert (
            hashlib.sha256(copy.read_bytes()).digest()
            == hashlib.sha256(original.read_bytes()).digest()
        ), copy.name


def test_fiks_validators_catch_mistakes(
    fiks_validators: dict[str, jsonschema.Draft202012Validator],
) -> None:
    """$refs between schema files resolve, required fields and formats are checked."""
    vedtak = fiks_validators["einnsyn.vedtak.send"]
    assert not vedtak.is_valid({"moete": {"moeteid": "m"}, "utvalg": {}, "avsender": {}})
    good = {
        "moete": {"moeteid": "m", "moetedato": "2026-03-12T10:00:00+01:00"},
        "utvalg": {"utvalgId": "u", "utvalgNavn": "U"},
        "avsender": {"organisasjonsnummer": "964952612"},
    }
    assert vedtak.is_valid(good)
    assert not vedtak.is_valid({**good, "moete": {"moeteid": "m", "moetedato": "12. mars"}})
    # A $ref into felles.saksnummer: the sequence number must be an integer.
    sak = {
        "referanseEksternNoekkel": {"fagsystem": "f", "noekkel": "n"},
        "utvalgetsSaksnummer": {"saksaar": 2026, "sakssekvensnummer": "1"},
        "tittel": "t",
        "vedtaksdato": "2026-03-12",
        "saksansvarlig": "s",
    }
    assert not vedtak.is_valid({**good, "vedtak": [sak]})
    sak["utvalgetsSaksnummer"] = {"saksaar": 2026, "sakssekvensnummer": 1}
    assert vedtak.is_valid({**good, "vedtak": [sak]})


def test_einnsyn_validator_honours_read_only(einnsyn_validator: Callable[[str], Any]) -> None:
    """Write payloads must leave read-only fields out, and need not carry them."""
    mappe = einnsyn_validator("Moetemappe.Moetemappe")
    good = {
        "moetenummer": "1/2026",
        "utvalg": "Regionrådet",
        "moetedato": "2026-03-12T10:00:00+01:00",
        "offentligTittel": "Regionrådet, møte 1",
        "offentligTittelSensitiv": "Regionrådet, møte 1",
    }
    assert mappe.is_valid(good)  # no id, entity, deleted, utvalgObjekt: all read-only
    assert not mappe.is_valid({**good, "entity": "Moetemappe"})
    assert not mappe.is_valid({**good, "id": "mm_1"})
    assert not mappe.is_valid({k: v for k, v in good.items() if k != "moetenummer"})
    assert not mappe.is_valid({**good, "moetedato": "12. mars"})
    sak = {"moetesakstype": "politisk", "offentligTittel": "t", "offentligTittelSensitiv": "t"}
    assert mappe.is_valid({**good, "moetesak": [sak]})
    assert not mappe.is_valid({**good, "moetesak": [{**sak, "moetesakstype": "vedtak"}]})
    vote = {"moetedeltaker": {"moetedeltakerNavn": "A"}, "stemme": "Ja"}
    vedtak = {
        "vedtakstekst": {"tekstInnhold": "v", "tekstFormat": "text/plain"},
        "dato": "2026-03-12",
    }
    assert mappe.is_valid({**good, "moetesak": [{**sak, "vedtak": {**vedtak, "votering": [vote]}}]})
    bad_vote = {**vote, "stemme": "Kanskje"}
    assert not mappe.is_valid(
        {**good, "moetesak": [{**sak, "vedtak": {**vedtak, "votering": [bad_vote]}}]}
    )
