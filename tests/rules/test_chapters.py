# SPDX-License-Identifier: MIT
"""The checks of v2 stay quiet on lawful records (the table in test_law.py makes them fire)."""

from __future__ import annotations

from datetime import datetime, timedelta

import attrs

from iprmodel.model import (
    AgendaItem,
    Appointment,
    Body,
    BodyKind,
    CaseKind,
    ChairRule,
    ChairSelection,
    Clause,
    ClauseTopic,
    Meeting,
    MeetingStatus,
    Office,
    Power,
    RecordedOutcome,
    Register,
    Right,
    SeatKind,
)
from iprmodel.model._fields import OSLO
from iprmodel.model.text import LocalizedText
from iprmodel.rules.law import check


def _council(register: Register, **changes: object) -> Register:
    return attrs.evolve(register, councils=(attrs.evolve(register.councils[0], **changes),))


def _codes(register: Register) -> set[str]:
    return {f.code for f in check(register)}


def _board(**changes: object) -> Body:
    fields: dict[str, object] = {
        "id": "styret",
        "kind": BodyKind.COUNCIL_BOARD,
        "name": LocalizedText(nb="Styret"),
    } | changes
    return Body(**fields)  # type: ignore[arg-type]


def _meeting(
    id_: str, body: str, day: int, month: int, *agenda: AgendaItem, **kw: object
) -> Meeting:
    start = datetime(2026, month, day, 10, tzinfo=OSLO)
    return Meeting(
        id=id_,
        body=body,
        number=1,
        start=start,
        end=start + timedelta(hours=1),
        modified=start,
        agenda=agenda,
        **kw,
    )


def test_a_rotating_chair_on_an_agreement_clause_is_lawful(good):
    """§ 18-3 første ledd: the agreement may make the chair rotate between the participants."""
    c = good.councils[0]
    body = attrs.evolve(c.bodies[0], chair=ChairRule(selection=ChairSelection.ROTATING))
    agreement = c.agreements[0]
    clause = Clause(number="10", topics=frozenset({ClauseTopic.CHAIR}))
    agreement = attrs.evolve(agreement, clauses=(*agreement.clauses, clause))
    assert "IPR-18-3-CHAIR" not in _codes(_council(good, bodies=(body,), agreements=(agreement,)))


def test_a_body_created_and_elected_by_the_representantskap_is_lawful(good):
    """§ 18-3 fjerde ledd: the representantskap creates the board and elects it."""
    board = _board(
        created_by="representantskap",
        elected_by="representantskap",
        powers=frozenset({Power.MANAGE_FUNDS}),
    )
    assert "IPR-18-3-BODIES" not in _codes(_council(good, bodies=(*good.councils[0].bodies, board)))


def test_an_administrative_group_set_up_by_a_committee_is_no_governing_body(good):
    """A body marked not political (it only prepares) is outside § 18-3 fourth paragraph."""
    c = good.councils[0]
    group = _board(id="au", kind=BodyKind.WORKING_COMMITTEE)
    team = Body(
        id="team",
        kind=BodyKind.EXPERT_TEAM,
        name=LocalizedText(nb="Fagteam"),
        created_by="au",
        political=False,
    )
    assert "IPR-18-3-BODIES" not in _codes(_council(good, bodies=(*c.bodies, group, team)))


def _urgent(good: Register, *later_agenda: AgendaItem, status: MeetingStatus) -> Register:
    c = good.councils[0]
    board = _board(powers=frozenset({Power.URGENT_DECISIONS}))
    urgent = AgendaItem(
        id="hast",
        order=1,
        number="AU 1/2026",
        title="Hastesak",
        urgent_for="representantskap",
        outcome=RecordedOutcome.ADOPTED,
    )
    first = _meeting("styret-1", "styret", 1, 3, urgent)
    rs = c.meetings[0]
    rs = attrs.evolve(rs, status=status, agenda=(*rs.agenda, *later_agenda))
    return _council(good, bodies=(*c.bodies, board), meetings=(first, rs))


def test_an_urgent_decision_reported_to_the_next_meeting_is_lawful(good):
    """§ 11-8 første ledd: the report is on the next meeting's agenda."""
    report = AgendaItem(
        id="ms",
        order=2,
        number="RS 2/2026",
        title="Melding om hastevedtak",
        kind=CaseKind.URGENT_DECISION_REPORT,
    )
    assert "IPR-11-8-REPORT" not in _codes(_urgent(good, report, status=MeetingStatus.HELD))


def test_an_urgent_decision_before_a_meeting_not_yet_held_is_quiet(good):
    """The report can still be put on the agenda of a meeting that is only planned."""
    assert "IPR-11-8-REPORT" not in _codes(_urgent(good, status=MeetingStatus.PLANNED))


def test_a_chief_executive_with_speaking_rights_is_lawful(good):
    """§ 7-3: attending and speaking rights are fine; only a voting seat is excluded."""
    c = good.councils[0]
    ce = Appointment(
        id="kd",
        person="gol-deputy-2",
        body="representantskap",
        seat=SeatKind.EX_OFFICIO,
        office=Office.CHIEF_EXECUTIVE,
    )
    member = Appointment(
        id="kd2",
        person="hol-deputy-2",
        body="representantskap",
        participant="hol",
        seat=SeatKind.DEPUTY,
        office=Office.CHIEF_EXECUTIVE,
        rights=frozenset({Right.ATTEND, Right.SPEAK}),
    )
    others = tuple(a for a in c.appointments if a.id not in ("gol-deputy-2", "hol-deputy-2"))
    codes = _codes(_council(good, appointments=(*others, ce, member)))
    assert "IPR-7-3-EXCLUDED" not in codes


def test_an_accountant_who_holds_no_seat_is_quiet(good):
    """§ 7-3: the one who keeps the accounts may attend as staff; no seat, no finding."""
    assert "IPR-7-3-ACCOUNTS" not in _codes(_council(good, accounts_keepers=("nobody",)))


def test_the_representantskap_adopts_accounts_lawfully(good):
    """§ 14-8 første ledd: the power belongs to the representantskap."""
    c = good.councils[0]
    body = attrs.evolve(c.bodies[0], powers=frozenset({Power.ADOPT_ACCOUNTS, Power.ADOPT_BUDGET}))
    assert "IPR-14-8-BUDGET" not in _codes(_council(good, bodies=(body,)))


def test_a_working_committee_recommending_an_amendment_is_lawful(good):
    """§ 18-4 tredje ledd: a committee may prepare an amendment (no adopted outcome)."""
    c = good.councils[0]
    item = AgendaItem(
        id="au-1",
        order=1,
        number="AU 1/2026",
        title="Endring",
        kind=CaseKind.AGREEMENT_AMENDMENT,
        decision="Innstilling til RS.",
    )
    meeting = _meeting("styret-1", "styret", 1, 3, item)
    codes = _codes(_council(good, bodies=(*c.bodies, _board()), meetings=(meeting, *c.meetings)))
    assert "IPR-18-4-AMENDMENT" not in codes


def test_consensus_rules_of_the_hallingdal_example_still_decide():
    """Hallingdal's fund allocations by consensus: evaluated, and noted as its own rule."""
    from iprmodel import examples

    register = examples.load("hallingdal")
    notes = [f for f in check(register) if f.code == "IPR-11-9-CONSENSUS"]
    assert notes
    assert all(f.severity.value == "info" for f in notes)
    assert all(str(f.reference) == "koml. § 11-9 second paragraph" for f in notes)
    assert "egen regel" in notes[0].message("nb") or "eigen regel" in notes[0].message("nn")


def test_the_representantskap_adopting_the_accounts_in_a_meeting_is_lawful(good):
    """§ 14-8 første ledd: an accounts item adopted by the representantskap is quiet."""
    c = good.councils[0]
    meeting = c.meetings[0]
    item = attrs.evolve(meeting.agenda[0], kind=CaseKind.ACCOUNTS)
    register = _council(good, meetings=(attrs.evolve(meeting, agenda=(item,)),))
    assert "IPR-14-8-BUDGET" not in _codes(register)
