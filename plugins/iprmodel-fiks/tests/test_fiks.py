# SPDX-License-Identifier: MIT
"""The ``fiks`` format: every payload valid against its official schema, the mapping kept."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from iprmodel_fiks import EinnsynExporter, FiksExporter, FiksExportError
from iprmodel_fiks.common import NAMESPACE, stable_uuid, stable_uuids

from iprmodel import examples
from iprmodel.exporters import ExportRequest
from iprmodel.model import Register
from iprmodel.testing import strategies, with_exemption
from iprmodel.testing.synthetic import national

Errors = Callable[[Mapping[str, bytes]], list[tuple[str, str, str]]]
SENT_BY_GOL = ExportRequest(options={"avsender": "gol"})


def sender_of(register: Register) -> str:
    """A participant with an organisation number, to send an example's messages."""
    return next(p.id for p in register.participants if p.orgnr)


def files(register: Register, request: ExportRequest = SENT_BY_GOL) -> dict[str, bytes]:
    return FiksExporter().files(register, request)


def payloads(register: Register, request: ExportRequest = SENT_BY_GOL) -> dict[str, Any]:
    return {name: orjson.loads(data) for name, data in files(register, request).items()}


@pytest.mark.parametrize("name", examples.names())
@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_examples_validate(name: str, locale: str, fiks_errors: Errors) -> None:
    """Every message of every example validates against its schema, in every locale."""
    register = examples.load(name)
    request = ExportRequest(locale=locale, options={"avsender": sender_of(register)})
    written = files(register, request)

    # One utvalg.hent.resultat per council not kept in outline.
    kept = [c for c in register.councils if not c.outline]
    assert sum(n.endswith(".utvalg.hent.resultat.json") for n in written) == len(kept)
    assert fiks_errors(written) == []


def test_every_message_type_is_written(fiks_errors: Errors) -> None:
    """Hallingdal's register gives all six message types, valid."""
    written = files(examples.load("hallingdal"))
    for kind in (
        "hallingdal.utvalg.hent.resultat.json",
        "hallingdal.regionradet.2026.moeteplan.hent.resultat.json",
        "hallingdal.einnsyn.moeteplan.send.json",
        "hallingdal.regionradet-2026-1.einnsyn.utvalgssaker.send.json",
        "hallingdal.regionradet-2026-1.einnsyn.vedtak.send.json",
        "hallingdal.regionradet-2026-1.rr-2026-ps-2.vedtakfrautvalg.send.json",
    ):
        assert kind in written
    assert fiks_errors(written) == []


@pytest.mark.parametrize("exporter", [FiksExporter(), EinnsynExporter()])
def test_export_holds_the_files(exporter: FiksExporter | EinnsynExporter) -> None:
    """``-o FILE`` (one object) and ``-o DIR/`` (one file each) carry the same documents,
    though the files are written one at a time as they are built."""
    register, request = national(0.01), ExportRequest(locale="nn")
    written = exporter.files(register, request)

    assert len(written) > 100
    assert orjson.loads(exporter.export(register, request)) == {
        name: orjson.loads(data) for name, data in written.items()
    }


def test_synthetic_register_validates(fiks_errors: Errors) -> None:
    """The synthetic national register (with office municipalities) needs no option."""
    written = files(national(0.01), ExportRequest())

    assert len(written) > 100
    assert fiks_errors(written) == []
    avsender = orjson.loads(next(v for k, v in written.items() if "einnsyn" in k))["avsender"]
    assert len(avsender["organisasjonsnummer"]) == 9
    assert len(avsender["kommunenummer"]) == 4


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(register=strategies.registers())
def test_generated_registers_validate_or_stop(register: Register, fiks_errors: Errors) -> None:
    """A generated register gives valid messages, or stops with ``path: message``."""
    try:
        written = FiksExporter().files(register, ExportRequest())
    except FiksExportError as error:
        path, sep, _ = error.message().partition(": ")
        assert sep
        assert path.startswith(("councils[", "participants[", "organisations[", "avsender"))
        return
    assert fiks_errors(written) == []


def test_members_in_order() -> None:
    """``medlem``: members first (chair first), deputies by rank; the participant represented."""
    plan = payloads(examples.load("hallingdal"))["hallingdal.einnsyn.moeteplan.send.json"]
    regionradet = next(u for u in plan["utvalg"] if u["utvalgId"] == "hallingdal/regionradet")
    members = regionradet["medlem"]

    assert [m["rekkefoelge"] for m in members] == list(range(1, len(members) + 1))
    assert members[0]["funksjon"] != "varamedlem"
    assert {"medlemsId", "navn", "rekkefoelge", "representerer", "funksjon"} <= set(members[0])
    seats = {a.id: a.seat.value for a in examples.load("hallingdal").councils[0].appointments}
    kinds = [seats[m["medlemsId"]] for m in members]
    assert kinds.index("deputy") > max(i for i, k in enumerate(kinds) if k == "member")
    assert all("epost" not in m for m in members)  # contact details are never published
    assert regionradet["moete"][0]["moeteid"] == "hallingdal/regionradet-2026-1"


def test_avsender_is_the_named_sender() -> None:
    """``avsender``: organisasjonsnummer and kommunenummer of the sender, from the register."""
    sent = payloads(examples.load("hallingdal"))["hallingdal.einnsyn.moeteplan.send.json"]

    assert sent["avsender"] == {
        "organisasjonsnummer": "964952612",
        "kommunenummer": "3324",
        "navn": "Gol kommune",
    }


def _without_orgnr(register: Register, office: str | None = None) -> Register:
    council = attrs.evolve(register.councils[0], orgnr=None, office_municipality=office)
    return attrs.evolve(register, councils=(council,))


def test_the_council_with_its_own_orgnr_sends_without_an_option(fiks_errors: Errors) -> None:
    """Hallingdal's council has its own Enhetsregisteret entry: it is the sender by default."""
    register = examples.load("hallingdal")
    written = files(register, ExportRequest())
    sent = orjson.loads(written["hallingdal.einnsyn.moeteplan.send.json"])

    assert sent["avsender"] == {
        "organisasjonsnummer": "975576469",
        "navn": "Hallingdal interkommunale politiske råd",
    }
    assert fiks_errors(written) == []
    # A kontorkommune adds its kommunenummer; --option avsender still overrides.
    council = attrs.evolve(register.councils[0], office_municipality="al")
    hosted = payloads(attrs.evolve(register, councils=(council,)), ExportRequest())
    assert hosted["hallingdal.einnsyn.moeteplan.send.json"]["avsender"]["kommunenummer"] == "3328"
    assert payloads(register)["hallingdal.einnsyn.moeteplan.send.json"]["avsender"]["navn"] == (
        "Gol kommune"
    )


def test_no_sender_stops_with_what_to_add() -> None:
    """With no orgnr of its own, no office municipality and no --option avsender, the
    export names what to add."""
    with pytest.raises(FiksExportError) as caught:
        files(_without_orgnr(examples.load("hallingdal")), ExportRequest())

    assert caught.value.message().startswith("councils[hallingdal].office_municipality: ")
    with pytest.raises(FiksExportError) as unknown:
        files(examples.load("hallingdal"), ExportRequest(options={"avsender": "nowhere"}))
    assert "'nowhere'" in unknown.value.message()


def test_closed_item_to_einnsyn_keeps_only_what_the_law_allows() -> None:
    """A closed item (koml. § 11-5) goes to eInnsyn without title, proposal, decision, votes."""
    sent = payloads(
        examples.load("hallingdal"), ExportRequest(locale="nb", options={"avsender": "gol"})
    )
    saker = sent["hallingdal.regionradet-2026-1.einnsyn.utvalgssaker.send.json"]["sak"]
    closed = next(s for s in saker if "skjerming" in s)

    assert closed["skjerming"]["skjermingshjemmel"].startswith("koml. § 11-5 andre ledd bokstav a")
    assert closed["skjerming"]["tilgangsrestriksjon"]["kodeverdi"] == "11-5(2)a"
    assert closed["tittel"].startswith("Unntatt offentlighet: koml. § 11-5")
    assert "forslagTilVedtak" not in closed
    vedtak = sent["hallingdal.regionradet-2026-1.einnsyn.vedtak.send.json"]["vedtak"]
    hidden = next(v for v in vedtak if "skjerming" in v)
    assert "vedtak" not in hidden
    assert "votering" not in hidden
    public = {k: v for k, v in sent.items() if ".einnsyn." in k}
    assert "Lønsvurderinga" not in orjson.dumps(public).decode()
    # The decision to the case-handling system is internal: full text, marked closed.
    internal = sent["hallingdal.regionradet-2026-1.rr-2026-ps-5.vedtakfrautvalg.send.json"]["sak"]
    assert internal["vedtak"]["tekstInnhold"].startswith("Lønsvurderinga")
    assert internal["skjerming"]["tilgangsrestriksjon"]["kodeverdi"] == "11-5(2)a"


def test_an_offentleglova_exemption_goes_with_the_basis(fiks_errors: Errors) -> None:
    """Where the register states the offentleglova exemption of a closed item, the
    public title and ``skjermingshjemmel`` carry it after the koml. § 11-5 basis."""
    register = with_exemption(examples.load("hallingdal"), "offl. § 25 første ledd")
    written = files(register, ExportRequest(locale="nb", options={"avsender": "gol"}))
    sent = {name: orjson.loads(data) for name, data in written.items()}
    saker = sent["hallingdal.regionradet-2026-1.einnsyn.utvalgssaker.send.json"]["sak"]
    closed = next(s for s in saker if "skjerming" in s)

    basis = (
        "koml. § 11-5 andre ledd bokstav a (arbeidstakers tjenesteforhold); offl. § 25 første ledd"
    )
    assert closed["skjerming"]["skjermingshjemmel"] == basis
    assert closed["skjerming"]["tilgangsrestriksjon"]["kodeverdi"] == "11-5(2)a"
    assert closed["tittel"] == f"Unntatt offentlighet: {basis}"
    assert fiks_errors(written) == []


def test_votes_per_member_and_tally() -> None:
    """Ja/Nei/Blankt per member where the register has votes; the tally in the status."""
    sent = payloads(examples.load("hallingdal"))
    vedtak = sent["hallingdal.regionradet-2026-1.einnsyn.vedtak.send.json"]["vedtak"]
    with_votes = next(v for v in vedtak if v.get("votering"))
    row = with_votes["votering"][0]

    assert set(row) == {"moetedeltaker", "representerer", "stemme"}
    assert set(row["stemme"]) == {"Ja", "Nei", "Blankt"}
    assert sum(v["valgt"] for v in row["stemme"].values()) == 1
    tally = sent["hallingdal.hallingtinget-2026-1.einnsyn.vedtak.send.json"]["vedtak"][3]
    assert "votering" not in tally
    assert tally["status"] == {
        "kodeverdi": "adopted",
        "kodebeskrivelse": "vedteke, 22 for, 6 mot, 0 blanke",
    }
    assert tally["utvalgetsSaksnummer"] == {"saksaar": 2026, "sakssekvensnummer": 4}


def test_unparsable_case_number_stops() -> None:
    """A case number not written N/YYYY stops the export at that item's number."""
    import attrs

    register = examples.load("hallingdal")
    council = register.councils[0]
    meeting = council.meetings[0]
    item = attrs.evolve(meeting.agenda[0], number="sak a")
    meeting = attrs.evolve(meeting, agenda=(item, *meeting.agenda[1:]))
    council = attrs.evolve(council, meetings=(meeting, *council.meetings[1:]))
    register = attrs.evolve(register, councils=(council,))
    with pytest.raises(FiksExportError) as caught:
        files(register)

    assert caught.value.message() == (
        f"councils[hallingdal].meetings[{meeting.id}].agenda[{item.id}].number: the case "
        "number 'sak a' has no sequence number and year; write it as N/YYYY, e.g. PS 12/2026"
    )


def test_deterministic_and_keys_stable() -> None:
    """Same register, same bytes; the external keys are name-based UUIDs of our ids."""
    first = files(examples.load("all"))
    assert first == files(examples.load("all"))
    sak = orjson.loads(first["hallingdal.regionradet-2026-1.einnsyn.utvalgssaker.send.json"])[
        "sak"
    ][0]
    assert sak["referanseEksternNoekkel"]["fagsystem"] == "iprmodel"
    assert sak["referanseEksternNoekkel"]["noekkel"][14] == "5"  # version 5


@given(parts=st.lists(st.text(), min_size=1, max_size=4), lasts=st.lists(st.text(), max_size=3))
def test_keys_are_uuid5_of_our_ids(parts: list[str], lasts: list[str]) -> None:
    """The keys (written per item from a hashed prefix) are RFC 9562 UUIDv5 of our ids,
    so a re-sent message updates the record it made before."""
    expected = str(uuid.uuid5(NAMESPACE, "/".join(parts)))
    assert stable_uuid(*parts) == expected
    assert stable_uuids(parts, lasts) == [
        str(uuid.uuid5(NAMESPACE, "/".join([*parts, last]))) for last in lasts
    ]


def test_scope_body() -> None:
    """``body:ID`` keeps that body's messages only."""
    written = files(
        examples.load("all"), ExportRequest(scope="body:regionradet", options={"avsender": "gol"})
    )
    plan = orjson.loads(written["hallingdal.utvalg.hent.resultat.json"])

    assert plan == {
        "utvalg": [
            {"utvalgId": "hallingdal/regionradet", "utvalgNavn": "Regionrådet for Hallingdal"}
        ]
    }
    assert not any("hallingtinget" in name for name in written)
    with pytest.raises(FiksExportError):
        files(examples.load("all"), ExportRequest(scope="person:x"))


def test_untrusted_text_stays_inside_its_string(fiks_errors: Errors) -> None:
    """Quotes, backslashes and newlines in a title stay data, not structure."""
    import attrs

    register = examples.load("hallingdal")
    council = register.councils[0]
    meeting = council.meetings[0]
    title = 'Sak "x" \\ </script>\nlinje 2'
    item = attrs.evolve(meeting.agenda[0], title=title)
    meeting = attrs.evolve(meeting, agenda=(item, *meeting.agenda[1:]))
    register = attrs.evolve(
        register, councils=(attrs.evolve(council, meetings=(meeting, *council.meetings[1:])),)
    )
    written = files(register)
    saker = orjson.loads(written[f"hallingdal.{meeting.id}.einnsyn.utvalgssaker.send.json"])["sak"]

    assert saker[0]["tittel"] == title
    assert fiks_errors(written) == []


def test_an_assumed_sender_number_is_warned_about() -> None:
    """The number routes the messages: one the register marks as assumed is flagged once."""
    from iprmodel.exporters import ExportWarning

    warned: list[ExportWarning] = []
    files(examples.load("hallingdal"), ExportRequest(on_warning=warned.append))
    assert [w.message() for w in warned] == [
        "councils[hallingdal].orgnr: the messages are sent as 975576469, which the register"
        " marks as assumed; confirm it in Enhetsregisteret before sending"
    ]
    warned.clear()
    files(
        examples.load("hallingdal"),
        ExportRequest(on_warning=warned.append, options={"avsender": "gol"}),
    )
    assert warned == []
