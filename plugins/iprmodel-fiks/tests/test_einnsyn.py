# SPDX-License-Identifier: MIT
"""The ``einnsyn`` format: write payloads valid against eInnsyn's OpenAPI schemas."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from iprmodel_fiks import EinnsynExporter

from iprmodel import examples
from iprmodel.exporters import ExportRequest
from iprmodel.model import Register
from iprmodel.testing import strategies
from iprmodel.testing.synthetic import national

Errors = Callable[[Mapping[str, bytes]], list[tuple[str, str, str]]]


def files(register: Register, request: ExportRequest | None = None) -> dict[str, bytes]:
    return EinnsynExporter().files(register, request or ExportRequest())


def records(register: Register, request: ExportRequest | None = None) -> dict[str, Any]:
    return {name: orjson.loads(data) for name, data in files(register, request).items()}


@pytest.mark.parametrize("name", examples.names())
@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_examples_validate(name: str, locale: str, einnsyn_errors: Errors) -> None:
    """Every record of every example is a valid write payload, in every locale."""
    register = examples.load(name)
    written = files(register, ExportRequest(locale=locale))

    # One Enhet per body of a council not kept in outline.
    bodies = sum(len(c.bodies) for c in register.councils if not c.outline)
    assert sum(n.endswith(".enhet.json") for n in written) == bodies
    assert einnsyn_errors(written) == []


def test_synthetic_register_validates(einnsyn_errors: Errors) -> None:
    """The synthetic national register's records are valid."""
    written = files(national(0.01))

    assert len(written) > 50
    assert einnsyn_errors(written) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(register=strategies.registers())
def test_generated_registers_validate_or_stop(register: Register, einnsyn_errors: Errors) -> None:
    """Any generated register gives valid records (none for councils kept in outline)."""
    written = files(register)
    assert not any(
        n.startswith(f"{c.id}.") for c in register.councils if c.outline for n in written
    )
    assert einnsyn_errors(written) == []


def test_enhet_names() -> None:
    """The body as an Enhet of type UTVALG with its names from the model."""
    enhet = records(examples.load("hallingdal"))["hallingdal.regionradet.enhet.json"]

    assert enhet["enhetstype"] == "UTVALG"
    assert enhet["navnNynorsk"] == "Regionrådet for Hallingdal"
    assert "navnEngelsk" not in enhet  # the register has no English name: left out
    assert "entity" not in enhet
    assert "id" not in enhet


def test_moetemappe_mapping() -> None:
    """Meeting, cases, decisions and per-member votes as eInnsyn records."""
    mappe = records(examples.load("hallingdal"))["hallingdal.regionradet-2026-1.moetemappe.json"]

    assert mappe["moetedato"] == "2026-01-22T09:00:00+01:00"
    assert mappe["moetenummer"] == "1/2026"
    saker = mappe["moetesak"]
    assert [(s["moetesaksaar"], s["moetesakssekvensnummer"]) for s in saker][:2] == [
        (2026, 1),
        (2026, 2),
    ]
    voted = saker[1]["vedtak"]
    assert {v["stemme"] for v in voted["votering"]} <= {"Ja", "Nei", "Blankt"}
    assert voted["votering"][0]["moetedeltaker"]["moetedeltakerNavn"].startswith("Ordførar")
    assert voted["behandlingsprotokoll"]["tekstInnhold"].startswith("vedteke, ")
    assert saker[3]["moetesakstype"] == "orientering"


def test_closed_item_only_what_offentleglova_allows() -> None:
    """A closed item: number, type and legal basis; no title, proposal, decision or votes."""
    mappe = records(examples.load("hallingdal"), ExportRequest(locale="nb"))[
        "hallingdal.regionradet-2026-1.moetemappe.json"
    ]
    closed = mappe["moetesak"][4]

    assert closed["offentligTittel"].startswith("Unntatt offentlighet: koml. § 11-5 andre ledd")
    assert closed["offentligTittelSensitiv"] == closed["offentligTittel"]
    assert "innstilling" not in closed
    assert "votering" not in closed["vedtak"]
    assert "behandlingsprotokoll" not in closed["vedtak"]
    assert "Lønsvurdering" not in orjson.dumps(mappe).decode()


def test_deterministic_system_ids() -> None:
    """The same register gives the same bytes; systemId is a version-5 UUID of our ids."""
    first = files(examples.load("all"))
    assert first == files(examples.load("all"))
    mappe = orjson.loads(first["hallingdal.regionradet-2026-1.moetemappe.json"])
    assert mappe["systemId"][14] == "5"
    assert len({s["systemId"] for s in mappe["moetesak"]}) == len(mappe["moetesak"])
