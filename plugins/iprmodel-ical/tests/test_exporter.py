# SPDX-License-Identifier: MIT
"""The ``ics`` exporter: the shared contract, scopes, statuses, privacy and stability."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import attrs
import polib
import pytest
from icalendar import Calendar
from iprmodel_ical import ICalExporter

from iprmodel import dumps, examples, loads
from iprmodel.errors import ExportError
from iprmodel.exporters import ExportRequest
from iprmodel.model import Meeting, Register
from iprmodel.model._fields import OSLO
from iprmodel.testing import with_exemption
from iprmodel.testing.contract import ExporterContract

Export = Callable[..., str]
LOCALEDIR = Path(__file__).parents[1] / "src" / "iprmodel_ical" / "locale"


class TestIcsContract(ExporterContract):
    """The conformance tests every exporter passes (scopes are tested below, because
    a scope names ids the contract's generated registers do not have)."""

    exporter_name = "ics"
    requests = (
        ExportRequest(),
        ExportRequest(options={"attendees": "true"}),
        ExportRequest(options={"refresh": "P1D"}),
    )


def _events(feed: str) -> dict[str, str]:
    """UID -> unfolded VEVENT text."""
    unfolded = feed.replace("\r\n ", "")
    events = {}
    for block in unfolded.split("BEGIN:VEVENT\r\n")[1:]:
        body = block.split("END:VEVENT\r\n")[0]
        uid = re.search(r"^UID:(.*)$", body, re.M)
        assert uid is not None
        events[uid.group(1).strip()] = body
    return events


def _prop(event: str, name: str) -> list[str]:
    return [line for line in event.split("\r\n") if re.match(rf"{name}[;:]", line)]


def _replace_meeting(register: Register, meeting_id: str, **changes: object) -> Register:
    councils = []
    for council in register.councils:
        meetings = tuple(
            attrs.evolve(m, **changes) if m.id == meeting_id else m for m in council.meetings
        )
        councils.append(attrs.evolve(council, meetings=meetings))
    return attrs.evolve(register, councils=tuple(councils))


def test_hallingdal_feed_has_regionrad_and_hallingting() -> None:
    """The example feed: both bodies' meetings, Nynorsk by default, calendar headers once."""
    register = examples.load("hallingdal")
    feed = ICalExporter().export(register, ExportRequest()).decode()
    events = _events(feed)
    meetings = register.councils[0].meetings

    assert set(events) == {f"{m.id}@hallingdal.iprmodel" for m in meetings}
    assert any(uid.startswith("regionradet-") for uid in events)
    assert any(uid.startswith("hallingtinget-") for uid in events)
    assert "SUMMARY:Hallingtinget\\, møte 1/2026" in feed
    header = feed.split("BEGIN:VTIMEZONE")[0]
    for line in (
        "VERSION:2.0",
        "PRODID:-//iprmodel//iprmodel-ical//NO",
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
    ):
        assert header.count(line + "\r\n") == 1
    assert header.count("\r\nNAME:") == 1
    assert header.count("X-WR-CALNAME:") == 1
    assert "METHOD" not in feed
    assert feed.count("BEGIN:VTIMEZONE") == 1


def test_every_line_ends_with_crlf(register: Register) -> None:
    """No bare LF or CR anywhere; every physical line at most 75 octets."""
    data = ICalExporter().export(register, ExportRequest(options={"attendees": "1"}))

    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_scopes_on_hallingdal() -> None:
    """body:, person:, participant: and council: select the right meetings."""
    register = examples.load("hallingdal")
    exporter = ICalExporter()

    def uids(scope: str) -> set[str]:
        feed = exporter.export(register, ExportRequest(scope=scope)).decode()
        return {u.split("@")[0] for u in _events(feed)}

    everything = uids("council:hallingdal")
    regionrad = uids("body:regionradet")
    assert regionrad == {u for u in everything if u.startswith("regionradet-")}
    assert uids("body:hallingdal/hallingtinget") == {
        u for u in everything if u.startswith("hallingtinget-")
    }
    assert uids("person:gol-ordforar") == everything  # mayor in both bodies
    assert uids("participant:gol") == everything
    deputy = exporter.export(register, ExportRequest(scope="person:gol-varaordforar")).decode()
    for uid, event in _events(deputy).items():
        if uid.startswith("regionradet-"):
            assert "TRANSP:TRANSPARENT" in event
            assert "(som vara)" in event


def test_ex_officio_attendance_is_busy_time() -> None:
    """The general manager attends by virtue of office: busy, and not labelled a deputy."""
    register = examples.load("hallingdal")
    feed = ICalExporter().export(register, ExportRequest(scope="person:dagleg-leiar")).decode()
    events = _events(feed)

    assert events
    for event in events.values():
        assert "TRANSP:OPAQUE" in event
        assert "som vara" not in event
        assert "i kraft av still" in event.replace("\r\n ", "")


def test_person_scope_roles(register: Register, export_text: Export) -> None:
    """A deputy's and an observer's events are optional, do not block time and have own UIDs."""
    chair = _events(export_text(register, scope="person:gol-ordforar"))
    deputy = _events(export_text(register, scope="person:gol-vara", locale="nb"))
    observer = _events(export_text(register, scope="person:fylkesordforar", locale="en"))

    assert len(chair) == 6  # four Regionråd meetings, two Hallingting meetings
    cancelled = "regionradet-2026-2@hallingdal.iprmodel"
    assert all("TRANSP:OPAQUE" in e for uid, e in chair.items() if uid != cancelled)
    assert "TRANSP:TRANSPARENT" in chair[cancelled]
    assert "X-IPRMODEL-ROLE:chair" in chair["regionradet-2026-1@hallingdal.iprmodel"]
    assert "X-IPRMODEL-ROLE:member" in chair["hallingtinget-2026-1@hallingdal.iprmodel"]
    # The deputy's copy differs from the public event, so it has a UID of its own.
    assert set(deputy) == {
        f"regionradet-2026-{n}.gol-vara@hallingdal.iprmodel" for n in range(1, 5)
    }
    for event in deputy.values():
        assert "TRANSP:TRANSPARENT" in event
        assert "X-MICROSOFT-CDO-BUSYSTATUS:FREE" in event
        assert "X-IPRMODEL-ROLE:deputy" in event
    assert (
        "SUMMARY:Regionrådet for Hallingdal: Regionrådet\\, møte 1/2026 (som vara)"
        in deputy["regionradet-2026-1.gol-vara@hallingdal.iprmodel"]
    )
    assert (
        "SUMMARY:CANCELLED: Regionrådet for Hallingdal: Regionrådet\\, meeting 2/2026 (as observer)"
        in observer["regionradet-2026-2.fylkesordforar@hallingdal.iprmodel"]
    )


def test_participant_scope(register: Register, export_text: Export) -> None:
    """Delegations for every member, named delegations and observer seats all count."""
    al = set(_events(export_text(register, scope="participant:al")))
    buskerud = set(_events(export_text(register, scope="participant:buskerud")))

    hallingting = {
        "hallingtinget-2026-1@hallingdal.iprmodel",
        "hallingtinget-2026-2@hallingdal.iprmodel",
    }
    regionrad = {f"regionradet-2026-{n}@hallingdal.iprmodel" for n in range(1, 5)}
    # Ål: member of the council (Hallingtinget's delegation applies to every member)
    # and appointed to Regionrådet.
    assert al == hallingting | regionrad
    # Buskerud: an observer seat in Regionrådet only; not a member participant.
    assert buskerud == regionrad
    # Gol: also in Hadeland's council in this register, via its delegation rule.
    assert "rs-2026-1@hadeland.iprmodel" not in set(
        _events(export_text(register, scope="participant:gol"))
    )


@pytest.mark.parametrize(
    ("scope", "message"),
    [
        (
            "town:gol",
            "unknown scope 'town:gol'; use one of: council:ID, body:ID, body:COUNCIL/ID, participant:ID, person:ID",
        ),
        ("council", "unknown scope"),
        ("body:", "unknown scope"),
        ("council:nowhere", "no council with id 'nowhere'; known: hallingdal, hadeland"),
        (
            "body:regionradet",
            "body regionradet exists in several councils (hallingdal, hadeland); write body:COUNCIL/regionradet",
        ),
        ("body:hallingdal/styret", "no body with id 'styret'; known: hallingtinget, regionradet"),
        ("body:nowhere/styret", "no council with id 'nowhere'"),
        ("participant:oslo", "no participant with id 'oslo'"),
        ("person:nobody", "no person with id 'nobody'"),
    ],
)
def test_bad_scopes(register: Register, scope: str, message: str) -> None:
    """A bad scope is an ExportError naming the valid forms or the known ids."""
    with pytest.raises(ExportError) as caught:
        ICalExporter().export(register, ExportRequest(scope=scope))

    assert message in str(caught.value)


def test_bad_refresh_option(register: Register) -> None:
    """``refresh`` must be a duration."""
    with pytest.raises(ExportError, match="refresh must be a duration"):
        ICalExporter().export(register, ExportRequest(options={"refresh": "12 hours"}))


def test_status_and_prefixes(register: Register, export_text: Export) -> None:
    """planned/postponed/illustrative -> TENTATIVE, convened/held -> CONFIRMED, cancelled kept."""
    for locale, cancelled, postponed in (
        ("nb", "AVLYST: ", "UTSATT: "),
        ("nn", "AVLYST: ", "UTSETT: "),
        ("en", "CANCELLED: ", "POSTPONED: "),
    ):
        events = _events(export_text(register, scope="council:hallingdal", locale=locale))
        rr = "regionradet-2026-{}@hallingdal.iprmodel".format

        assert "STATUS:CONFIRMED" in events[rr(1)]
        assert "STATUS:CANCELLED" in events[rr(2)]
        assert _prop(events[rr(2)], "SUMMARY")[0].startswith("SUMMARY:" + cancelled)
        assert "STATUS:TENTATIVE" in events[rr(3)]
        assert _prop(events[rr(3)], "SUMMARY")[0].startswith("SUMMARY:" + postponed)
        assert "STATUS:CONFIRMED" in events["hallingtinget-2026-1@hallingdal.iprmodel"]
        illustrative = events["hallingtinget-2026-2@hallingdal.iprmodel"]
        assert "STATUS:TENTATIVE" in illustrative
        assert _prop(illustrative, "DESCRIPTION")


def test_default_locale_follows_the_council(register: Register, export_text: Export) -> None:
    """Hallingdal writes Nynorsk; a Bokmål council (Hadeland) gets Bokmål; mixed: nb."""
    assert "Sakliste:" in export_text(register, scope="council:hallingdal")
    assert "Saksliste:" in export_text(register, scope="council:hallingdal", locale="nb")
    assert "Agenda:" in export_text(register, scope="council:hallingdal", locale="en")
    assert "Møter: Hadeland" in export_text(register, scope="council:hadeland")
    assert "NAME:Møter i 2 råd" in export_text(register)
    assert "NAME:Møte: Regionrådet for Hallingdal" in export_text(
        register, scope="council:hallingdal"
    )


def test_description_location_url_categories(register: Register, export_text: Export) -> None:
    """Agenda with case numbers; a closed item shows its § 11-5 basis, never its title."""
    event = _events(export_text(register, scope="council:hallingdal", locale="nb"))[
        "regionradet-2026-1@hallingdal.iprmodel"
    ]
    parsed = Calendar.from_ical(export_text(register, locale="nb").encode())
    ev = next(e for e in parsed.walk("VEVENT") if str(e["UID"]).startswith("regionradet-2026-1@"))
    description = str(ev["DESCRIPTION"])

    assert description.startswith("Saksliste:\nPS 1/26 Godkjenning; innkalling\nPS 2/26 ")
    assert "11-5" in description
    assert "Kari Nordmann" not in event
    assert "Tilsetjing" not in event
    assert str(ev["LOCATION"]) == "Gol rådhus, Sentrumsvegen 10, 3550 Gol"
    assert str(ev["URL"]) == "https://hallingdal.example/moter/rr-1"
    assert [str(c) for c in ev["CATEGORIES"].cats] == ["regionråd", "ordinært møte"]
    hybrid = next(
        e for e in parsed.walk("VEVENT") if str(e["UID"]).startswith("regionradet-2026-3@")
    )
    assert "https://meet.example/rr3" in str(hybrid["DESCRIPTION"])


def test_an_exemption_follows_the_basis(register: Register, export_text: Export) -> None:
    """The agenda line of a closed item gives its offentleglova exemption after the
    koml. § 11-5 basis, where the register states one; never the item's title."""
    exempted = with_exemption(register, "offl. § 25 første ledd")
    parsed = Calendar.from_ical(export_text(exempted, locale="nb").encode())
    ev = next(e for e in parsed.walk("VEVENT") if str(e["UID"]).startswith("regionradet-2026-1@"))
    description = str(ev["DESCRIPTION"])

    assert "tjenesteforhold); offl. § 25 første ledd)" in description
    assert "Tilsetjing" not in description


def test_public_feed_has_no_email_addresses(register: Register, export_text: Export) -> None:
    """Without the attendees option: no ATTENDEE, no mailto, no address of any person."""
    emails = [p.contact.email for p in register.persons if p.contact and p.contact.email]
    for scope in (None, "council:hallingdal", "person:gol-ordforar", "participant:gol"):
        feed = export_text(register, scope=scope)

        assert "ATTENDEE" not in feed
        assert "mailto:" not in feed
        assert not any(email in feed for email in emails)


def test_attendees_when_asked(register: Register, export_text: Export) -> None:
    """CHAIR, REQ- and OPT-PARTICIPANT; only persons with an e-mail address; CN cleaned."""
    events = _events(
        export_text(register, scope="council:hallingdal", options={"attendees": "yes"})
    )
    attendees = _prop(events["regionradet-2026-1@hallingdal.iprmodel"], "ATTENDEE")

    assert attendees == [
        'ATTENDEE;CN="Ordførar Gol, Hallingdal";CUTYPE=INDIVIDUAL;ROLE=CHAIR;RSVP=FALSE:mailto:ordforar@gol.example',
        "ATTENDEE;CN=Fylkesordførar;CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT;RSVP=FALSE:mailto:fylke@buskerud.example",
        "ATTENDEE;CN=Vara Gol;CUTYPE=INDIVIDUAL;ROLE=OPT-PARTICIPANT;RSVP=FALSE:mailto:vara@gol.example",
    ]
    assert _prop(events["hallingtinget-2026-1@hallingdal.iprmodel"], "ATTENDEE") == [
        'ATTENDEE;CN="Ordførar Gol, Hallingdal";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:ordforar@gol.example'
    ]


def test_same_register_same_bytes(register: Register) -> None:
    """Regeneration, also after a save/load round trip, is byte-identical."""
    exporter = ICalExporter()
    request = ExportRequest(options={"attendees": "1"})
    first = exporter.export(register, request)

    assert exporter.export(register, request) == first
    assert exporter.export(loads(dumps(register)), request) == first
    hallingdal = examples.load("hallingdal")
    assert exporter.export(hallingdal, ExportRequest()) == exporter.export(
        examples.load("hallingdal"), ExportRequest()
    )


def test_moving_a_meeting_keeps_uid_and_raises_sequence(register: Register) -> None:
    """A moved meeting: same UID, higher SEQUENCE, new DTSTAMP; other events unchanged."""
    exporter = ICalExporter()
    before = _events(exporter.export(register, ExportRequest()).decode())
    moved = _replace_meeting(
        register,
        "hallingtinget-2026-1",
        start=datetime(2026, 4, 23, 10, tzinfo=OSLO),
        end=datetime(2026, 4, 23, 15, tzinfo=OSLO),
        revision=1,
        modified=datetime(2026, 3, 1, 12, tzinfo=OSLO),
    )
    after = _events(exporter.export(moved, ExportRequest()).decode())
    uid = "hallingtinget-2026-1@hallingdal.iprmodel"

    assert set(after) == set(before)
    assert "SEQUENCE:0" in before[uid]
    assert "SEQUENCE:1" in after[uid]
    assert "DTSTART;TZID=Europe/Oslo:20260423T100000" in after[uid]
    assert "DTSTAMP:20260301T110000Z" in after[uid]
    assert "LAST-MODIFIED:20260301T110000Z" in after[uid]
    assert all(after[u] == before[u] for u in before if u != uid)


def test_dst_days_and_all_day(register: Register, export_text: Export) -> None:
    """Local times on both DST days; the repeated autumn hour in UTC; all-day as DATE."""
    events = _events(export_text(register, scope="council:hallingdal"))
    rr = "regionradet-2026-{}@hallingdal.iprmodel".format

    assert _prop(events[rr(2)], "DTSTART") == ["DTSTART;TZID=Europe/Oslo:20260329T033000"]
    assert _prop(events[rr(3)], "DTSTART") == ["DTSTART;TZID=Europe/Oslo:20261025T013000"]
    # 02:30 CET (second pass) = 01:30 UTC; TZID would mean 02:30 CEST.
    assert _prop(events[rr(4)], "DTSTART") == ["DTSTART:20261025T013000Z"]
    assert _prop(events[rr(4)], "DTEND") == ["DTEND:20261025T040000Z"]
    day = events["hallingtinget-2026-2@hallingdal.iprmodel"]
    assert _prop(day, "DTSTART") == ["DTSTART;VALUE=DATE:20260611"]
    assert _prop(day, "DTEND") == ["DTEND;VALUE=DATE:20260612"]


def test_spring_gap_time_is_normalised(register: Register, export_text: Export) -> None:
    """A start given in the skipped spring hour is written as the real local time."""
    gap = _replace_meeting(
        register,
        "regionradet-2026-2",
        start=datetime(2026, 3, 29, 2, 30, tzinfo=OSLO),  # does not exist on the wall clock
    )
    event = _events(export_text(gap, scope="council:hallingdal"))[
        "regionradet-2026-2@hallingdal.iprmodel"
    ]

    assert _prop(event, "DTSTART") == ["DTSTART;TZID=Europe/Oslo:20260329T033000"]


def test_control_characters_never_reach_the_feed(register: Register, export_text: Export) -> None:
    """Even text that slipped past the model's validators is cleaned."""
    with attrs.validators.disabled():
        dirty = _replace_meeting(
            register, "hallingtinget-2026-1", title="Møte\x00 om\x0b; budsjett,\r\n2027\x1f"
        )
    feed = export_text(dirty, scope="council:hallingdal", options={"attendees": "1"})

    assert re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", feed.replace("\r\n", "")) is None
    assert "Hallingtinget\\, møte 1/2026: Møte om\\; budsjett\\,\\n2027" in feed.replace(
        "\r\n ", ""
    )


def test_joint_meeting_names_every_body(register: Register, export_text: Export) -> None:
    """A joint meeting appears in both bodies' feeds and names both."""
    joint = _replace_meeting(register, "hallingtinget-2026-1", joint_bodies=("regionradet",))
    feed = export_text(joint, scope="body:hallingdal/regionradet", locale="nn")

    unfolded = feed.replace("\r\n ", "")
    assert (
        "SUMMARY:Regionrådet for Hallingdal: Hallingtinget + Regionrådet\\, møte 1/2026" in unfolded
    )


def test_empty_feed_is_valid() -> None:
    """A register without meetings still gives a parseable calendar with its time zone."""
    feed = ICalExporter().export(Register(), ExportRequest())
    cal = Calendar.from_ical(feed)

    assert cal.walk("VEVENT") == []
    assert str(cal["X-WR-CALNAME"]) == "Møter i 0 råd"


def test_meetings_sorted_by_time(register: Register, export_text: Export) -> None:
    """Events come in time order, so diffs between feed versions stay small."""
    starts = [
        m.start
        for c in register.councils
        for m in sorted(c.meetings, key=lambda m: m.start.timestamp())
    ]
    uids = list(_events(export_text(register)))
    by_uid: dict[str, Meeting] = {
        f"{m.id}@{c.id}.iprmodel": m for c in register.councils for m in c.meetings
    }

    assert [by_uid[u].start.timestamp() for u in uids] == sorted(s.timestamp() for s in starts)
    assert timedelta(0) <= timedelta(seconds=1)


def test_cli_export(tmp_path: Path) -> None:
    """``iprmodel export example:hallingdal --format ics`` writes the feed, scopes work."""
    from iprmodel.cli import main

    out = tmp_path / "hallingdal.ics"
    assert main(["export", "example:hallingdal", "--format", "ics", "-o", str(out)]) == 0
    assert out.read_bytes() == ICalExporter().export(examples.load("hallingdal"), ExportRequest())
    scoped = tmp_path / "person.ics"
    assert (
        main(
            [
                "export",
                "example:hallingdal",
                "--format",
                "ics",
                "--scope",
                "body:regionradet",
                "-o",
                str(scoped),
            ]
        )
        == 0
    )
    assert b"hallingtinget-" not in scoped.read_bytes()
    assert (
        main(
            [
                "export",
                "example:hallingdal",
                "--format",
                "ics",
                "--scope",
                "town:x",
                "-o",
                str(tmp_path / "x.ics"),
            ]
        )
        == 2
    )


def _source_messages() -> set[str]:
    """Every literal message of the package: ``_()``/``gettext``/``ngettext`` calls and errors."""
    package = Path(__file__).parents[1] / "src" / "iprmodel_ical"
    found: set[str] = set()
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            first = node.args[0]
            if name in {"_", "gettext", "ngettext", "IcalExportError"} and isinstance(
                first, ast.Constant
            ):
                found.add(str(first.value))
            if isinstance(first, ast.IfExp):  # _(a if cond else b)
                found |= {
                    str(b.value) for b in (first.body, first.orelse) if isinstance(b, ast.Constant)
                }
    return found


@pytest.mark.parametrize("locale", ["nb", "nn", "en"])
def test_catalog_complete_and_compiled(locale: str) -> None:
    """Every message is translated, the .mo matches the .po, and no entry is missing or stale."""
    folder = LOCALEDIR / locale / "LC_MESSAGES"
    po = polib.pofile(str(folder / "iprmodel_ical.po"))
    mo = polib.mofile(str(folder / "iprmodel_ical.mo"))

    for entry in po:
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.values()), entry.msgid
        else:
            assert entry.msgstr, entry.msgid
    templates = {"{summary} (as observer)", "{summary} (as deputy)"}  # chosen, then translated
    assert {e.msgid for e in po} == _source_messages() | templates
    assert {(e.msgid, e.msgstr) for e in po} == {(e.msgid, e.msgstr) for e in mo}


def test_feed_across_councils_names_the_council() -> None:
    """Jevnaker sits in two councils: each event says which council's meeting it is."""
    feed = ICalExporter().export(
        examples.load("all"), ExportRequest(scope="participant:jevnaker", locale="nb")
    )
    summaries = [
        line
        for line in feed.decode().replace("\r\n ", "").split("\r\n")
        if line.startswith("SUMMARY:")
    ]

    assert any(line.startswith("SUMMARY:Hadeland IPR: ") for line in summaries)
    assert any(line.startswith("SUMMARY:Ringeriksregionen IPR: ") for line in summaries)
