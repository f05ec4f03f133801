# SPDX-License-Identifier: MIT
"""The ``popolo`` exporter: valid against Popolo's own schemas, with stable ids."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, datetime
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import orjson
import pytest
from iprmodel_json import PopoloExporter
from iprmodel_json.canonical import JsonExportError
from iprmodel_json.popolo import COLLECTIONS, MAX_SEATS

from iprmodel import examples
from iprmodel.exporters import ExportRequest
from iprmodel.model import (
    AgendaItem,
    Appointment,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    CaseKind,
    ConsensusRule,
    Council,
    DatePrecision,
    DecisionRule,
    Delegation,
    LocalizedText,
    Meeting,
    Municipality,
    OfficialNumber,
    Participation,
    Person,
    Position,
    RecordedOutcome,
    Register,
    SeatKind,
    Tally,
    Vote,
    VoteChoice,
    WrittenStandard,
)
from iprmodel.model._fields import OSLO
from iprmodel.testing import with_exemption

HERE = Path(__file__).parent
SHARED = HERE.resolve().parents[3] / "shared" / "reference" / "popolo-schemas"


def popolo(register: Register, **request: Any) -> dict[str, list[dict[str, Any]]]:
    document: dict[str, list[dict[str, Any]]] = orjson.loads(
        PopoloExporter().export(register, ExportRequest(**request))
    )
    return document


def by_id(document: dict[str, list[dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    return {obj["id"]: obj for items in document.values() for obj in items}


def voting_register() -> Register:
    """A small council with appointments, a held meeting, votes and a tally."""
    at = datetime(2026, 3, 12, 10, 0, tzinfo=OSLO)
    body = Body(
        id="regionradet",
        kind=BodyKind.COUNCIL_BOARD,
        name=LocalizedText(nb="Regionrådet", nn="Regionrådet for Hallingdal"),
        everyday_name=LocalizedText(nn="Hallingtinget"),
        composition=(Delegation(members=1, deputies=2),),
        decision_rules=(
            DecisionRule(case_kinds=frozenset({CaseKind.FUND_ALLOCATION}), rule=ConsensusRule()),
        ),
    )
    votes = (
        Vote(person="ordforar-gol", choice=VoteChoice.FOR),
        Vote(person="ordforar-al", choice=VoteChoice.AGAINST),
    )
    meeting = Meeting(
        id="rr-2026-1",
        body="regionradet",
        number=1,
        start=at,
        end=at.replace(hour=14),
        modified=datetime(2026, 1, 5, 12, 0, 0, 123456, tzinfo=OSLO),
        attendance=(
            Attendance(person="ordforar-gol", status=AttendanceStatus.PRESENT),
            Attendance(person="ordforar-al", status=AttendanceStatus.EXCUSED),
        ),
        agenda=(
            AgendaItem(
                id="sak-2",
                order=2,
                number="PS 2/2026",
                title="Fond",
                kind=CaseKind.FUND_ALLOCATION,
                proposal="Tildele 200 000",
                votes=votes,
                outcome=RecordedOutcome.REJECTED,
            ),
            AgendaItem(
                id="sak-1",
                order=1,
                number="PS 1/2026",
                title="Budsjett",
                tally=Tally(votes_for=5, votes_against=1),
                outcome=RecordedOutcome.ADOPTED,
            ),
            AgendaItem(
                id="sak-3",
                order=3,
                number="OS 1/2026",
                title="Orientering",
                kind=CaseKind.ORIENTATION,
            ),
        ),
    )
    return Register(
        participants=(
            Municipality(
                id="gol",
                name=LocalizedText(nn="Gol kommune", nb="Gol kommune", en="Gol municipality"),
                written_standard=WrittenStandard.NYNORSK,
                numbers=(
                    OfficialNumber(value="0617", valid_to=date(2019, 12, 31)),
                    OfficialNumber(value="3324", valid_from=date(2024, 1, 1)),
                ),
                orgnr="964952612",
                website="https://www.gol.kommune.no/",
            ),
            Municipality(
                id="al", name=LocalizedText(nn="Ål kommune"), website="www.aal.kommune.no"
            ),
        ),
        persons=(
            Person(id="ordforar-gol", name="Ordførar i Gol", placeholder=True),
            Person(id="ordforar-al", name="Ordførar i Ål", placeholder=True),
        ),
        councils=(
            Council(
                id="hallingdal",
                formal_name=LocalizedText(nn="Hallingdal interkommunale politiske råd"),
                established=date(1952, 1, 1),
                established_precision=DatePrecision.YEAR,
                written_standard=WrittenStandard.NYNORSK,
                website="https://www.hallingdal.no",
                participations=(
                    Participation(participant="gol", ownership_share=Fraction(1, 2)),
                    Participation(participant="al", valid_from=date(2024, 1, 1)),
                ),
                bodies=(body,),
                appointments=(
                    Appointment(
                        id="gol-rr-1",
                        person="ordforar-gol",
                        body="regionradet",
                        participant="gol",
                        position=Position.CHAIR,
                    ),
                    Appointment(
                        id="al-rr-1", person="ordforar-al", body="regionradet", participant="al"
                    ),
                    Appointment(
                        id="al-rr-vara",
                        person="ordforar-gol",
                        body="regionradet",
                        participant="al",
                        seat=SeatKind.DEPUTY,
                        deputy_order=2,
                    ),
                ),
                meetings=(meeting,),
            ),
        ),
    )


def test_schemas_are_the_reference_copies() -> None:
    """The copies in tests/ are byte-identical to ../shared's, where that folder exists."""
    if not SHARED.is_dir():
        pytest.skip("../shared/reference/popolo-schemas is not beside this clone")
    for path in sorted(SHARED.glob("*.json")):
        copy = HERE / "popolo_schemas" / path.name
        assert (
            hashlib.sha256(copy.read_bytes()).digest() == hashlib.sha256(path.read_bytes()).digest()
        )


def test_validators_catch_mistakes(
    popolo_validators: dict[str, jsonschema.Draft3Validator],
    popolo_errors: Callable[..., list[Any]],
) -> None:
    """The validators are real: refs resolve and formats are checked."""
    assert popolo_errors({"motions": [{"id": "m", "date": "12 March 2026"}]})
    assert not popolo_validators["count"].is_valid({"option": "yes"})
    assert not popolo_validators["organization"].is_valid({"identifiers": [{"scheme": "x"}]})
    assert not popolo_validators["organization"].is_valid({"sources": [{"url": "not a url"}]})
    assert not popolo_validators["motion"].is_valid({"date": "12 March 2026"})
    assert not popolo_validators["event"].is_valid({"start_date": "2026-03-12T10:00:00.5+01:00"})


@pytest.mark.parametrize("name", examples.names())
def test_examples_validate(name: str, popolo_errors: Callable[..., list[Any]]) -> None:
    """Every example's Popolo export is valid, object by object, against Popolo's schemas."""
    document = popolo(examples.load(name))

    assert sorted(document) == sorted(COLLECTIONS)
    assert document["organizations"]
    assert popolo_errors(document) == []


@pytest.mark.parametrize("name", examples.names())
def test_every_example_carries_its_sources(name: str) -> None:
    """Done when (#15): each example's council cites its documents in Popolo's ``sources``."""
    document = popolo(examples.load(name))
    councils = [o for o in document["organizations"] if o["classification"] == "council"]

    assert councils
    for council in councils:
        cited = council.get("sources", []) + council.get("+unlinked_sources", [])
        assert any(s.get("note", s.get("title")) not in ("website",) for s in cited), council["id"]
    # Every participant cites its documents: Links with a title, or titles without a URL.
    for org in document["organizations"]:
        if org["classification"] in ("municipality", "county_authority"):
            assert org.get("sources") or org.get("+unlinked_sources"), org["id"]
            assert all(link["note"] for link in org.get("sources", []))


def test_sources_and_assumptions_map_to_links_and_extensions(
    popolo_errors: Callable[..., list[Any]],
) -> None:
    """A source with a URL is a Link (title as note); one without is ``+unlinked_sources``."""
    from iprmodel.model import Source

    council = Council(
        id="demo",
        formal_name=LocalizedText(nb="Demo interkommunalt politisk råd"),
        sources=(
            Source(
                title="Samarbeidsavtale",
                url="https://example.org/avtale.pdf",
                dated=date(2024, 12, 1),
                date_precision=DatePrecision.MONTH,
                locator="punkt 3",
            ),
            Source(
                title="Presentasjon for representantskapet",
                dated=date(2025, 1, 1),
                date_precision=DatePrecision.YEAR,
            ),
        ),
        assumption=LocalizedText(nb="Navnet er vår lesning.", en="The name is our reading."),
    )
    document = popolo(Register(councils=(council,)), locale="en")
    (org,) = document["organizations"]

    assert org["sources"] == [
        {
            "url": "https://example.org/avtale.pdf",
            "note": "Samarbeidsavtale",
            "+date": "2024-12",
            "+locator": "punkt 3",
        }
    ]
    assert org["+unlinked_sources"] == [
        {"title": "Presentasjon for representantskapet", "date": "2025"}
    ]
    assert org["+assumption"] == "The name is our reading."
    assert popolo_errors(document) == []


def test_voting_register_validates(popolo_errors: Callable[..., list[Any]]) -> None:
    """Motions, vote events, counts and votes are valid too."""
    document = popolo(voting_register())

    assert document["vote_events"]
    assert popolo_errors(document) == []


@pytest.mark.parametrize("name", [*examples.names(), "voting"])
def test_ids_unique_and_references_resolve(name: str) -> None:
    """Ids are unique over the whole document and every ``*_id`` names an object in it."""
    register = voting_register() if name == "voting" else examples.load(name)
    document = popolo(register)
    ids = [obj["id"] for items in document.values() for obj in items]
    assert len(ids) == len(set(ids))
    known = set(ids)

    def refs(value: Any) -> list[str]:
        if isinstance(value, dict):
            found = [v for k, v in value.items() if k.endswith("_id") and isinstance(v, str)]
            found += [r for v in value.values() for r in refs(v)]
            if value.get("@type") in {"Organization", "Person"}:
                found.append(value["id"])
            return found
        if isinstance(value, list):
            return [r for item in value for r in refs(item)]
        return []

    assert set(refs(document)) <= known


def test_mapping() -> None:
    """The documented mapping, on one council."""
    objects = by_id(popolo(voting_register()))

    gol = objects["participant/gol"]
    assert gol["name"] == "Gol kommune"
    assert gol["classification"] == "municipality"
    current = next(i for i in gol["identifiers"] if i["identifier"] == "3324")
    assert current["scheme"] == "kommunenummer"
    assert current["+valid_from"] == "2024-01-01"
    assert "+valid_to" not in current  # the number in use now
    old = next(i for i in gol["identifiers"] if i["identifier"] == "0617")
    assert old["+valid_to"] == "2019-12-31"
    assert {"identifier": "964952612", "scheme": "organisasjonsnummer"} in gol["identifiers"]
    assert {"name": "Gol municipality", "note": "locale:en"} in gol["other_names"]
    assert gol["links"] == [{"url": "https://www.gol.kommune.no/", "note": "website"}]
    assert "links" not in objects["participant/al"]  # "www.aal.kommune.no" is not a URI

    council = objects["council/hallingdal"]
    assert council["founding_date"] == "1952"
    assert council["sources"] == [{"url": "https://www.hallingdal.no", "note": "website"}]

    body = objects["body/hallingdal/regionradet"]
    assert body["parent_id"] == "council/hallingdal"
    assert body["name"] == "Regionrådet for Hallingdal"  # the council writes Nynorsk
    assert {"name": "Hallingtinget", "note": "everyday name"} in body["other_names"]

    member = objects["membership/hallingdal/participant/gol/1"]
    assert member["member"] == {"@type": "Organization", "id": "participant/gol"}
    assert member["organization_id"] == "council/hallingdal"
    assert member["+ownership_share"] == "1/2"
    assert objects["membership/hallingdal/participant/al/1"]["start_date"] == "2024-01-01"

    chair = objects["membership/hallingdal/appointment/gol-rr-1"]
    assert chair["person_id"] == "person/ordforar-gol"
    assert chair["on_behalf_of_id"] == "participant/gol"
    assert chair["organization_id"] == "body/hallingdal/regionradet"
    assert chair["role"] == "chair"
    assert chair["post_id"] == "post/hallingdal/regionradet/participant/gol/member-1"
    deputy = objects["membership/hallingdal/appointment/al-rr-vara"]
    assert deputy["post_id"] == "post/hallingdal/regionradet/participant/al/deputy-2"

    posts = [key for key in objects if key.startswith("post/")]
    assert len(posts) == 6  # 2 participants x (1 member + 2 deputies)
    assert objects["post/hallingdal/regionradet/participant/al/deputy-2"]["label"] == (
        "varamedlem 2 for Ål kommune"
    )


def test_meetings_motions_and_votes() -> None:
    """Meetings become events with the agenda in ``+agenda_items``; votes become vote events."""
    objects = by_id(popolo(voting_register()))

    event = objects["event/hallingdal/rr-2026-1"]
    assert event["start_date"] == "2026-03-12T10:00:00+01:00"
    assert event["updated_at"] == "2026-01-05T12:00:00+01:00"  # no fractions in Popolo dates
    assert event["organization_id"] == "body/hallingdal/regionradet"
    assert event["attendees"] == [{"id": "person/ordforar-gol", "name": "Ordførar i Gol"}]
    assert [item["number"] for item in event["+agenda_items"]] == [
        "PS 1/2026",
        "PS 2/2026",
        "OS 1/2026",
    ]
    assert "motion_id" not in event["+agenda_items"][2]  # an orientation is no motion
    assert {"person_id": "person/ordforar-al", "status": "excused"} in event["+attendance"]

    motion = objects["motion/hallingdal/rr-2026-1/sak-2"]
    assert motion["legislative_session_id"] == "event/hallingdal/rr-2026-1"
    assert motion["text"] == "Tildele 200 000"
    assert motion["result"] == "fail"
    assert motion["requirement"] == "konsensus blant medlemene"
    assert "motion/hallingdal/rr-2026-1/sak-3" not in objects

    by_votes = objects["vote-event/hallingdal/rr-2026-1/sak-2"]
    assert by_votes["counts"] == [{"option": "no", "value": 1}, {"option": "yes", "value": 1}]
    assert {
        "vote_event_id": by_votes["id"],
        "voter_id": "person/ordforar-gol",
        "option": "yes",
    } in by_votes["votes"]
    by_tally = objects["vote-event/hallingdal/rr-2026-1/sak-1"]
    assert by_tally["counts"] == [{"option": "no", "value": 1}, {"option": "yes", "value": 5}]
    assert by_tally["result"] == "pass"
    assert objects["motion/hallingdal/rr-2026-1/sak-1"]["requirement"] == (
        "meir enn 1/2 av avgitte røyster; ved røystelikskap: møteleiaren si dobbeltstemme"
    )


def test_a_closed_item_shows_its_basis_and_exemption() -> None:
    """A closed item's agenda entry gives the koml. § 11-5 basis and, where the register
    states it, the offentleglova exemption in place of its title."""
    register = with_exemption(examples.load("hallingdal"), "offl. § 25 første ledd")
    event = by_id(popolo(register, locale="nn"))["event/hallingdal/regionradet-2026-1"]
    closed = next(i for i in event["+agenda_items"] if "closed_basis" in i)

    assert closed["closed_basis"] == "11-5(2)a"
    assert closed["title"].endswith("(tenesteforhold); offl. § 25 første ledd")


def test_locale_changes_names_and_labels() -> None:
    """``locale`` picks the written standard of names and labels."""
    nb = by_id(popolo(voting_register(), locale="nb"))
    en = by_id(popolo(voting_register(), locale="en"))

    assert nb["body/hallingdal/regionradet"]["name"] == "Regionrådet"
    assert en["participant/gol"]["name"] == "Gol municipality"
    assert en["post/hallingdal/regionradet/participant/al/deputy-2"]["label"] == (
        "deputy member 2 for Ål kommune"
    )


def test_sorted_and_deterministic() -> None:
    """Each collection is sorted by id; the same register gives the same bytes."""
    register = examples.load("all")
    first = PopoloExporter().export(register, ExportRequest())
    document = orjson.loads(first)

    for items in document.values():
        assert [obj["id"] for obj in items] == sorted(obj["id"] for obj in items)
    assert first == PopoloExporter().export(examples.load("all"), ExportRequest())


def test_scope_council() -> None:
    """``council:ID`` keeps one council's organisations, posts and events."""
    register = examples.load("all")
    council = register.councils[0].id
    objects = by_id(popolo(register, scope=f"council:{council}"))

    councils = [key for key in objects if key.startswith("council/")]
    assert councils == [f"council/{council}"]
    assert all(
        key.split("/")[1] == council for key in objects if key.startswith(("body/", "event/"))
    )


def test_untrusted_text_stays_inside_its_string() -> None:
    """Quotes, backslashes, newlines and XML specials in names stay data, not structure."""
    name = 'Gol "kommune" \\ <b>&amp;</b>\nlinje 2'
    register = Register(participants=(Municipality(id="gol", name=LocalizedText(nn=name)),))
    document = popolo(register)

    assert document["organizations"][0]["name"] == name


def test_a_body_of_absurdly_many_seats_is_refused_not_expanded() -> None:
    """2**62 members was a Post per seat: minutes of work and all the memory there is."""
    register = examples.load("hadeland")
    council = register.councils[0]
    body = council.bodies[0]
    # One over the limit, from one participant: without the limit, 100,001 Posts (a few
    # MB) are written and the test fails; 2**62 would have taken all the memory there is.
    huge = attrs.evolve(
        body.composition[0],
        participant=council.participations[0].participant,
        members=MAX_SEATS + 1,
        deputies=0,
    )
    body = attrs.evolve(body, composition=(huge, *body.composition[1:]))
    council = attrs.evolve(council, bodies=(body, *council.bodies[1:]))
    register = attrs.evolve(register, councils=(council, *register.councils[1:]))

    with pytest.raises(JsonExportError) as caught:
        PopoloExporter().export(register, ExportRequest(locale="en"))

    assert caught.value.message().startswith(f"councils[{council.id}].bodies[{body.id}]: ")
    assert "seats are more than one body can have (100000 at most)" in caught.value.message()
