# SPDX-License-Identifier: MIT
"""What a client-by-client review of the feeds found (issue 12, part 3), one test each."""

from __future__ import annotations

import re
from datetime import datetime

import attrs
import pytest
from icalendar import Calendar
from iprmodel_ical import FeedIndex, ICalExporter
from iprmodel_ical.events import mailto

from iprmodel import examples
from iprmodel.errors import ExportError
from iprmodel.exporters import ExportRequest
from iprmodel.model import Register
from iprmodel.model._fields import OSLO
from iprmodel.model.persons import Contact

from .test_exporter import Export, _events, _prop, _replace_meeting


def test_cancelled_meeting_blocks_no_time(register: Register, export_text: Export) -> None:
    """Outlook takes busy time from TRANSP: a cancelled meeting is TRANSPARENT and FREE."""
    event = _events(export_text(register))["regionradet-2026-2@hallingdal.iprmodel"]

    assert "STATUS:CANCELLED" in event
    assert _prop(event, "TRANSP") == ["TRANSP:TRANSPARENT"]
    assert _prop(event, "X-MICROSOFT-CDO-BUSYSTATUS") == ["X-MICROSOFT-CDO-BUSYSTATUS:FREE"]


def test_tentative_meeting_is_shown_as_tentative(register: Register, export_text: Export) -> None:
    """STATUS:TENTATIVE, and Outlook's own busy status says tentative too; confirmed is busy."""
    events = _events(export_text(register))
    postponed = events["regionradet-2026-3@hallingdal.iprmodel"]
    confirmed = events["regionradet-2026-1@hallingdal.iprmodel"]

    assert "STATUS:TENTATIVE" in postponed
    assert "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE" in postponed
    assert "X-MICROSOFT-CDO-BUSYSTATUS:BUSY" in confirmed


def test_line_and_paragraph_separators_become_line_breaks(
    register: Register, export_text: Export
) -> None:
    """U+2028/U+2029 would make one client drop the whole property."""
    changed = _replace_meeting(
        register, "hallingtinget-2026-1", title="Budsjett\u20282027\u2029del 2"
    )
    feed = export_text(changed)
    event = Calendar.from_ical(feed.encode()).walk("VEVENT")
    summary = next(str(e["SUMMARY"]) for e in event if "hallingtinget-2026-1@" in str(e["UID"]))

    assert "\u2028" not in feed
    assert "\u2029" not in feed
    assert summary.endswith("Budsjett\n2027\ndel 2")


def test_first_pass_of_the_repeated_hour_is_in_utc(register: Register, export_text: Export) -> None:
    """02:30 CEST on the autumn day is ambiguous as a TZID time: written as 00:30 UTC."""
    first = _replace_meeting(
        register, "regionradet-2026-4", start=datetime(2026, 10, 25, 2, 30, tzinfo=OSLO, fold=0)
    )
    event = _events(export_text(first))["regionradet-2026-4@hallingdal.iprmodel"]

    assert _prop(event, "DTSTART") == ["DTSTART:20261025T003000Z"]
    assert _prop(event, "DTEND") == ["DTEND:20261025T040000Z"]


@pytest.mark.parametrize("year", [1995, 2101])
def test_years_outside_the_time_zone_rules_are_in_utc(
    register: Register, export_text: Export, year: int
) -> None:
    """The VTIMEZONE holds the EU rules (Norway since 1996): other years are written in UTC."""
    moved = _replace_meeting(
        register,
        "hallingtinget-2026-1",
        start=datetime(year, 7, 1, 10, tzinfo=OSLO),
        end=datetime(year, 7, 1, 12, tzinfo=OSLO),
    )
    event = _events(export_text(moved))["hallingtinget-2026-1@hallingdal.iprmodel"]

    assert _prop(event, "DTSTART") == [f"DTSTART:{year}0701T080000Z"]


def test_sequence_beyond_integer_range_is_refused(register: Register) -> None:
    """SEQUENCE is a 32-bit INTEGER: a larger revision is an error naming the meeting."""
    big = _replace_meeting(register, "regionradet-2026-1", revision=2**31)

    with pytest.raises(ExportError, match="hallingdal/regionradet-2026-1"):
        ICalExporter().export(big, ExportRequest())
    assert ICalExporter().export(
        _replace_meeting(register, "regionradet-2026-1", revision=2**31 - 1), ExportRequest()
    )


def test_calendar_names_are_unique_and_say_whose() -> None:
    """Every feed of a register has its own name; a body's names its council."""
    register = examples.load("all")
    index = FeedIndex.of(register)
    names = {}
    for scope in index.scopes(persons=True):
        feed = ICalExporter().export(register, ExportRequest(scope=scope, locale="nb"))
        name = Calendar.from_ical(feed)["X-WR-CALNAME"]
        names.setdefault(str(name), []).append(scope)

    assert {n: s for n, s in names.items() if len(s) > 1} == {}
    assert "Møter: Hadeland IPR – Representantskapet" in names


def test_no_doubled_council_name() -> None:
    """A body named after its council is not prefixed with the council again."""
    feed = ICalExporter().export(
        examples.load("all"), ExportRequest(scope="body:hallingdal/regionradet")
    )
    summaries = [
        line
        for line in feed.decode().replace("\r\n ", "").split("\r\n")
        if line.startswith("SUMMARY:")
    ]

    assert summaries
    assert all(s.count("Hallingdal") == 1 for s in summaries)


def test_one_uid_one_event_across_feeds() -> None:
    """Under one UID and SEQUENCE, SUMMARY and TRANSP are the same in every feed."""
    register = examples.load("all")
    seen: dict[str, tuple[str, ...]] = {}
    for scope in FeedIndex.of(register).scopes(persons=True):
        feed = ICalExporter().export(register, ExportRequest(scope=scope)).decode()
        for uid, event in _events(feed).items():
            key = tuple(
                line
                for line in event.split("\r\n")
                if line.startswith(("SUMMARY", "TRANSP", "SEQUENCE"))
            )
            assert seen.setdefault(uid, key) == key, (scope, uid)
    # A deputy's copies exist, under UIDs of their own.
    assert any(re.search(r"-\d+\.[a-z0-9-]+@", uid) for uid in seen)


def test_organizer_and_rfc6068_addresses(register: Register, export_text: Export) -> None:
    """With attendees: ORGANIZER is the secretariat; non-ASCII addresses are encoded."""
    persons = tuple(
        attrs.evolve(p, contact=Contact(email="ordfører@bø.example"))
        if p.id == "gol-ordforar"
        else p
        for p in register.persons
    )
    council = attrs.evolve(
        register.councils[0],
        staff=(*register.councils[0].staff, _staff("fylkesordforar")),
    )
    changed = attrs.evolve(register, persons=persons, councils=(council, *register.councils[1:]))
    event = _events(export_text(changed, options={"attendees": "true"}))[
        "regionradet-2026-1@hallingdal.iprmodel"
    ]

    assert _prop(event, "ORGANIZER") == [
        "ORGANIZER;CN=Regionrådet for Hallingdal:mailto:fylke@buskerud.example"
    ]
    assert any(
        line.endswith(":mailto:ordf%C3%B8rer@xn--b-5ga.example")
        for line in _prop(event, "ATTENDEE")
    )
    assert "ORGANIZER" not in export_text(changed)


def _staff(person: str) -> object:
    from iprmodel.model import StaffMember, StaffRole

    return StaffMember(person=person, role=StaffRole.GENERAL_MANAGER)


def test_mailto_refuses_what_is_no_address() -> None:
    """Only an addr-spec becomes a URI; URI delimiters in the local part are encoded."""
    assert mailto("a&b=c?@example.no") == "mailto:a%26b%3Dc%3F@example.no"
    assert mailto("two@@example.no") is None
    assert mailto("x@" + "a" * 64 + ".no") is None  # a label longer than 63: no IDNA


def test_remote_links_can_be_left_out(register: Register, export_text: Export) -> None:
    """remote_links=false: no join link in DESCRIPTION or LOCATION; on by default."""
    assert "meet.example" in export_text(register)
    without = export_text(register, options={"remote_links": "false"})

    assert "meet.example" not in without
    assert "Ål kulturhus" in without


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"url": "webcal://hallingdal.example/a.ics"}, "url must be"),
        ({"url": "hallingdal.example/a.ics"}, "url must be"),
        ({"refresh": "PT0H"}, "longer than zero"),
        ({"refresh": "P0D"}, "longer than zero"),
        ({"remote_links": "maybe"}, "yes or no"),
    ],
)
def test_options_that_cannot_apply_are_refused(
    register: Register, options: dict[str, str], message: str
) -> None:
    """An option given but impossible is an error, never silently ignored."""
    with pytest.raises(ExportError, match=message):
        ICalExporter().export(register, ExportRequest(options=options))


def test_index_matches_a_plain_scan() -> None:
    """The one-pass index selects, for every body, what a scan of every meeting selects."""
    register = examples.load("all")
    index = FeedIndex.of(register)
    for council in register.councils:
        for body in council.bodies:
            scanned = {m.id for m in council.meetings if body.id in (m.body, *m.joint_bodies)}
            selected = {m.id for _c, m, _r in index.select(f"body:{council.id}/{body.id}").items}
            assert selected == scanned
    assert re.fullmatch(r"all|council:.*|body:.*|participant:.*", index.scopes()[-1])


def _scan_participant(register: Register, ident: str) -> set[str]:
    """The participant scope by brute force: every meeting of every council, checked."""
    chosen = set()
    for council in register.councils:
        bodies = {b.id: b for b in council.bodies}
        for meeting in council.meetings:
            day = meeting.start.date()
            for body_id in (meeting.body, *meeting.joint_bodies):
                body = bodies[body_id]
                seated = any(d.participant == ident for d in body.composition) or any(
                    s.participant == ident for s in body.observers
                )
                appointed = any(
                    a.participant == ident
                    and a.body == body_id
                    and (a.valid_from is None or a.valid_from <= day)
                    and (a.valid_to is None or day <= a.valid_to)
                    for a in council.appointments
                )
                member = any(
                    d.participant is None and (d.members or d.deputies) for d in body.composition
                ) and any(
                    p.participant == ident and p.role.value == "member" and p.active_on(day)
                    for p in council.participations
                )
                if seated or appointed or member:
                    chosen.add(f"{council.id}/{meeting.id}")
    return chosen


def _scan_person(register: Register, ident: str) -> set[str]:
    return {
        f"{c.id}/{m.id}"
        for c in register.councils
        for m in c.meetings
        for a in c.appointments
        if a.person == ident
        and a.body in (m.body, *m.joint_bodies)
        and (a.valid_from is None or a.valid_from <= m.start.date())
        and (a.valid_to is None or m.start.date() <= a.valid_to)
    }


@pytest.mark.parametrize("source", ["corner", "all"])
def test_index_matches_a_brute_force_scan(register: Register, source: str) -> None:
    """Participant and person scopes from the index equal a scan of every meeting."""
    chosen = register if source == "corner" else examples.load("all")
    index = FeedIndex(chosen)
    for participant in chosen.participants:
        selected = {
            f"{c.id}/{m.id}" for c, m, _r in index.select(f"participant:{participant.id}").items
        }
        assert selected == _scan_participant(chosen, participant.id), participant.id
    for person in chosen.persons:
        selected = {f"{c.id}/{m.id}" for c, m, _r in index.select(f"person:{person.id}").items}
        assert selected == _scan_person(chosen, person.id), person.id
