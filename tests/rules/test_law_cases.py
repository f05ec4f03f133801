# SPDX-License-Identifier: MIT
"""A municipal lawyer's table: cases worked out from the act's words before reading the code.

Each case cites the paragraph and ledd it rests on (koml. = LOV-2018-06-22-83, as enacted,
see ../shared/reference/kommuneloven.md). Register cases change the lawful register of
conftest.py in one respect and say whether a code fires (with its severity) or stays quiet;
vote cases evaluate a vote under the act's default rule.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from fractions import Fraction

import attrs
import pytest

from iprmodel.model import (
    Adopter,
    Adoption,
    AgendaItem,
    Amendment,
    Appointment,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Budget,
    CaseKind,
    ChairRule,
    ChairSelection,
    Clause,
    ClauseTopic,
    ClosedBasis,
    Delegation,
    LocalizedText,
    MajorityRule,
    Meeting,
    MeetingMode,
    Office,
    Participation,
    Position,
    Power,
    RecordedOutcome,
    Register,
    Right,
    SeatKind,
    Tally,
    UnanimityRule,
    Vote,
    VoteChoice,
)
from iprmodel.model._fields import OSLO
from iprmodel.rules.decisions import BlankVoteError, evaluate, evaluate_item
from iprmodel.rules.findings import Severity
from iprmodel.rules.law import check
from iprmodel.rules.registry import RULES

F, A, B = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.BLANK
E, W = Severity.ERROR, Severity.WARNING
QUIET = None

MEMBERS = ("gol-member-1", "gol-member-2", "hol-member-1", "hol-member-2")


# --- small builders ----------------------------------------------------------------


def council_with(r: Register, **changes: object) -> Register:
    return attrs.evolve(r, councils=(attrs.evolve(r.councils[0], **changes),))


def body_with(r: Register, **changes: object) -> Register:
    c = r.councils[0]
    return council_with(r, bodies=(attrs.evolve(c.bodies[0], **changes), *c.bodies[1:]))


def agreement_with(r: Register, **changes: object) -> Register:
    c = r.councils[0]
    return council_with(r, agreements=(attrs.evolve(c.agreements[0], **changes),))


def meeting_with(r: Register, **changes: object) -> Register:
    c = r.councils[0]
    return council_with(r, meetings=(*c.meetings[:-1], attrs.evolve(c.meetings[-1], **changes)))


def item_with(r: Register, **changes: object) -> Register:
    meeting = r.councils[0].meetings[-1]
    return meeting_with(r, agenda=(attrs.evolve(meeting.agenda[0], **changes),))


def votes(*choices: VoteChoice) -> tuple[Vote, ...]:
    return tuple(Vote(person=p, choice=c) for p, c in zip(MEMBERS, choices, strict=False))


def with_board(r: Register, **changes: object) -> Register:
    fields: dict[str, object] = {
        "id": "styret",
        "kind": BodyKind.WORKING_COMMITTEE,
        "name": LocalizedText(nb="Arbeidsutvalet"),
    } | changes
    return council_with(r, bodies=(*r.councils[0].bodies, Body(**fields)))  # type: ignore[arg-type]


def board_meeting(r: Register, *agenda: AgendaItem) -> Register:
    start = datetime(2026, 3, 1, 10, tzinfo=OSLO)
    meeting = Meeting(
        id="styret-1",
        body="styret",
        number=1,
        start=start,
        end=start + timedelta(hours=1),
        modified=start,
        agenda=agenda,
    )
    return council_with(r, meetings=(meeting, *r.councils[0].meetings))


def amended(r: Register, clause: str, **changes: object) -> Register:
    return agreement_with(r, amendments=(Amendment(id="e1", clauses=(clause,), **changes),))


def purpose_clause(r: Register) -> Register:
    agreement = r.councils[0].agreements[0]
    extra = Clause(number="9", topics=frozenset({ClauseTopic.PURPOSE}))
    return agreement_with(r, clauses=(*agreement.clauses, extra))


def appointment_with(r: Register, appointment_id: str, **changes: object) -> Register:
    c = r.councils[0]
    return council_with(
        r,
        appointments=tuple(
            attrs.evolve(a, **changes) if a.id == appointment_id else a for a in c.appointments
        ),
    )


def six_seats(r: Register) -> Register:
    """Three members and three deputies a participant: six voting seats."""
    return body_with(r, composition=(Delegation(members=3, deputies=3),))


def urgent(r: Register, *, reported: bool) -> Register:
    item = AgendaItem(
        id="hast",
        order=1,
        number="AU 1/2026",
        title="Hastesak",
        urgent_for="representantskap",
        outcome=RecordedOutcome.ADOPTED,
    )
    r = board_meeting(with_board(r, powers=frozenset({Power.URGENT_DECISIONS})), item)
    if reported:
        rs = r.councils[0].meetings[-1]
        report = AgendaItem(
            id="melding",
            order=2,
            number="PS 2/2026",
            title="Melding om hastevedtak",
            kind=CaseKind.URGENT_DECISION_REPORT,
        )
        r = meeting_with(r, agenda=(*rs.agenda, report))
    return r


def stand_in(r: Register, deputy: str) -> Register:
    meeting = r.councils[0].meetings[-1]
    attendance = (
        *tuple(
            Attendance(person=a.person, status=AttendanceStatus.ABSENT)
            if a.person == "gol-member-2"
            else a
            for a in meeting.attendance
        ),
        Attendance(person=deputy, status=AttendanceStatus.PRESENT, substitute_for="gol-member-2"),
    )
    item = meeting.agenda[0]
    new_votes = tuple(
        attrs.evolve(v, person=deputy) if v.person == "gol-member-2" else v for v in item.votes
    )
    return meeting_with(r, attendance=attendance, agenda=(attrs.evolve(item, votes=new_votes),))


def shares(*fractions: Fraction) -> Callable[[Register], Register]:
    return lambda r: council_with(
        r,
        participations=tuple(
            Participation(participant=p, ownership_share=s)
            for p, s in zip(("gol", "hol"), fractions, strict=True)
        ),
    )


# --- the register table ------------------------------------------------------------
# (case, paragraph, change, code, expected severity or QUIET)

REGISTER_CASES: list[tuple[str, str, Callable[[Register], Register], str, Severity | None]] = [
    (
        "quorum: 2 of 4 seats present and voting (exactly half)",
        "§ 11-9 første ledd: 'minst halvparten av medlemmene'",
        lambda r: item_with(r, votes=votes(F, F), outcome=RecordedOutcome.ADOPTED),
        "IPR-11-9-QUORUM",
        QUIET,
    ),
    (
        "quorum: 1 of 4 voted, recorded as adopted",
        "§ 11-9 første ledd",
        lambda r: item_with(r, votes=votes(F), outcome=RecordedOutcome.ADOPTED),
        "IPR-11-9-QUORUM",
        E,
    ),
    (
        "quorum base: agreement sets 6 seats a participant, 4 filled, all 4 vote",
        "§ 11-9 første ledd (interpretation: the seats the agreement sets)",
        lambda r: body_with(r, composition=(Delegation(members=3, deputies=3),)),
        "IPR-11-9-QUORUM",
        QUIET,
    ),
    (
        "quorum base: agreement sets 10 seats a participant (20), 4 vote",
        "§ 11-9 første ledd (interpretation)",
        lambda r: body_with(r, composition=(Delegation(members=10, deputies=10),)),
        "IPR-11-9-QUORUM",
        E,
    ),
    (
        "majority: 2 for, 1 against, 1 not voting; adopted",
        "§ 11-9 andre ledd første punktum: 'flertallet av de avgitte stemmene'",
        lambda r: item_with(r, votes=votes(F, F, A)),
        "IPR-11-9-OUTCOME",
        QUIET,
    ),
    (
        "majority: 1 for, 2 against, recorded as adopted",
        "§ 11-9 andre ledd første punktum",
        lambda r: item_with(r, votes=votes(F, A, A)),
        "IPR-11-9-OUTCOME",
        E,
    ),
    (
        "tie 2-2, the chair (gol-member-1) voted for; adopted",
        "§ 11-9 andre ledd andre punktum: 'møtelederens stemme avgjørende'",
        lambda r: item_with(r, votes=votes(F, F, A, A)),
        "IPR-11-9-OUTCOME",
        QUIET,
    ),
    (
        "tie 2-2, the chair voted against; recorded adopted",
        "§ 11-9 andre ledd andre punktum",
        lambda r: item_with(r, votes=votes(A, F, F, A)),
        "IPR-11-9-OUTCOME",
        E,
    ),
    (
        "tie, chair disqualified, deputy chair chairs and voted for: adopted",
        "§ 11-2 tredje ledd, § 11-9 andre ledd: the møteleder's vote",
        lambda r: item_with(
            appointment_with(r, "hol-member-1", position=Position.DEPUTY_CHAIR),
            votes=(
                *tuple(
                    Vote(person=p, choice=c) for p, c in zip(MEMBERS[1:], (A, F, F), strict=True)
                ),
            ),
            disqualified=("gol-member-1",),
        ),
        "IPR-11-9-OUTCOME",
        QUIET,
    ),
    (
        "tie, chair and deputy away, acting chair (hol-member-2) voted against: rejected",
        "§ 11-2 tredje ledd 'særskilt møteleder', § 11-9 andre ledd",
        lambda r: item_with(
            meeting_with(r, acting_chair="hol-member-2"),
            votes=votes(F, F, A, A),
            outcome=RecordedOutcome.REJECTED,
        ),
        "IPR-11-9-OUTCOME",
        QUIET,
    ),
    (
        "tie recorded by totals only",
        "§ 11-9 andre ledd: undetermined without the chair's vote",
        lambda r: item_with(r, votes=(), tally=Tally(votes_for=2, votes_against=2)),
        "IPR-11-9-CHAIR-VOTE",
        W,
    ),
    (
        "tie by totals only is not an outcome contradiction",
        "§ 11-9 andre ledd",
        lambda r: item_with(r, votes=(), tally=Tally(votes_for=2, votes_against=2)),
        "IPR-11-9-OUTCOME",
        QUIET,
    ),
    (
        "blank vote in an ordinary decision",
        "§ 8-1 andre ledd: 'plikter å stemme'; blank only 'ved valg og vedtak om ansettelse'",
        lambda r: item_with(r, votes=votes(F, F, F, B)),
        "IPR-8-1-BLANK",
        W,
    ),
    (
        "blank vote in a hiring decision",
        "§ 8-1 andre ledd andre punktum",
        lambda r: item_with(r, kind=CaseKind.HIRING, votes=votes(F, F, F, B)),
        "IPR-8-1-BLANK",
        QUIET,
    ),
    (
        "a member present who did not vote",
        "§ 8-1 andre ledd første punktum",
        lambda r: item_with(r, votes=votes(F, F, F)),
        "IPR-8-1-DUTY",
        W,
    ),
    (
        "election recorded as decided by the chair's double vote",
        "§ 11-9 andre ledd: 'I andre saker enn de som gjelder valg'",
        lambda r: item_with(r, kind=CaseKind.ELECTION, votes=(), casting_vote=True),
        "IPR-11-9-CASTING-VOTE",
        E,
    ),
    (
        "non-core amendment by the representantskap, 3 of 4 (>= 2/3)",
        "§ 18-4 tredje ledd: 'minst 2/3 av de avgitte stemmene'",
        lambda r: amended(
            purpose_clause(r),
            "9",
            adopted_by=Adopter.REPRESENTANTSKAP,
            tally=Tally(votes_for=3, votes_against=1),
        ),
        "IPR-18-4-AMENDMENT",
        QUIET,
    ),
    (
        "non-core amendment by the representantskap, exactly 2 of 3 votes cast",
        "§ 18-4 tredje ledd: 'minst 2/3'",
        lambda r: amended(
            purpose_clause(r),
            "9",
            adopted_by=Adopter.REPRESENTANTSKAP,
            tally=Tally(votes_for=2, votes_against=1),
        ),
        "IPR-18-4-AMENDMENT",
        QUIET,
    ),
    (
        "non-core amendment by a 6-seat representantskap, 3 for, 2 against (< 2/3)",
        "§ 18-4 tredje ledd andre punktum",
        lambda r: amended(
            purpose_clause(six_seats(r)),
            "9",
            adopted_by=Adopter.REPRESENTANTSKAP,
            tally=Tally(votes_for=3, votes_against=2),
        ),
        "IPR-18-4-AMENDMENT",
        E,
    ),
    (
        "non-core amendment, agreement sets a simple majority, 3 for 2 against",
        "§ 18-4 tredje ledd: 'hvis ikke noe annet er fastsatt i samarbeidsavtalen'",
        lambda r: agreement_with(
            amended(
                purpose_clause(six_seats(r)),
                "9",
                adopted_by=Adopter.REPRESENTANTSKAP,
                tally=Tally(votes_for=3, votes_against=2),
            ),
            non_core_amendment_rule=MajorityRule(),
        ),
        "IPR-18-4-AMENDMENT",
        QUIET,
    ),
    (
        "core amendment (item c, seats) adopted by the representantskap alone",
        "§ 18-4 andre ledd with fjerde ledd bokstav c",
        lambda r: amended(
            r, "3", adopted_by=Adopter.REPRESENTANTSKAP, tally=Tally(votes_for=4, votes_against=0)
        ),
        "IPR-18-4-AMENDMENT",
        E,
    ),
    (
        "core amendment (item c) adopted by every participant's council",
        "§ 18-4 andre ledd",
        lambda r: amended(r, "3", adoptions=(Adoption(party="gol"), Adoption(party="hol"))),
        "IPR-18-4-AMENDMENT",
        QUIET,
    ),
    (
        "core amendment adopted by one council only",
        "§ 18-4 andre ledd: 'De enkelte kommunestyrene ... i alle deltakerkommunene'",
        lambda r: amended(r, "3", adoptions=(Adoption(party="gol"),)),
        "IPR-18-4-AMENDMENT",
        E,
    ),
    (
        "amendment adopted by the working committee",
        "§ 18-4 tredje ledd: 'Representantskapet vedtar selv'",
        lambda r: board_meeting(
            with_board(r),
            AgendaItem(
                id="au-1",
                order=1,
                number="AU 1/2026",
                title="Endring av avtalen",
                kind=CaseKind.AGREEMENT_AMENDMENT,
                outcome=RecordedOutcome.ADOPTED,
            ),
        ),
        "IPR-18-4-AMENDMENT",
        E,
    ),
    (
        "a governing body created by the working committee",
        "§ 18-3 fjerde ledd: 'Representantskapet kan selv opprette andre organer'",
        lambda r: with_board(
            with_board(r),
            id="fond",
            kind=BodyKind.COUNCIL_BOARD,
            created_by="styret",
            powers=frozenset({Power.MANAGE_FUNDS}),
        ),
        "IPR-18-3-BODIES",
        E,
    ),
    (
        "a governing body created and elected by the representantskap",
        "§ 18-3 fjerde ledd",
        lambda r: with_board(r, created_by="representantskap", elected_by="representantskap"),
        "IPR-18-3-BODIES",
        QUIET,
    ),
    (
        "a body electing its own members",
        "§ 18-3 fjerde ledd andre punktum: 'Representantskapet velger selv'",
        lambda r: with_board(r, created_by="representantskap", elected_by="styret"),
        "IPR-18-3-BODIES",
        E,
    ),
    (
        "a rotating chair without an agreement clause",
        "§ 18-3 første ledd sjette punktum: 'kan fastsettes i samarbeidsavtalen'",
        lambda r: body_with(r, chair=ChairRule(selection=ChairSelection.ROTATING)),
        "IPR-18-3-CHAIR",
        E,
    ),
    (
        "a rotating chair on an agreement clause",
        "§ 18-3 første ledd",
        lambda r: agreement_with(
            body_with(r, chair=ChairRule(selection=ChairSelection.ROTATING)),
            clauses=(
                *r.councils[0].agreements[0].clauses,
                Clause(number="10", topics=frozenset({ClauseTopic.CHAIR})),
            ),
        ),
        "IPR-18-3-CHAIR",
        QUIET,
    ),
    (
        "a kommunedirektør holding a voting member seat",
        "§ 7-3 første ledd bokstav b, with § 7-2 første ledd bokstav f",
        lambda r: appointment_with(r, "hol-member-2", office=Office.CHIEF_EXECUTIVE),
        "IPR-7-3-EXCLUDED",
        E,
    ),
    (
        "a kommunedirektør with speaking rights only",
        "§ 7-3 første ledd: excludes election, not attendance",
        lambda r: council_with(
            r,
            appointments=(
                *r.councils[0].appointments,
                Appointment(
                    id="kd",
                    person="gol-deputy-2",
                    body="representantskap",
                    seat=SeatKind.EX_OFFICIO,
                    office=Office.CHIEF_EXECUTIVE,
                    rights=frozenset({Right.ATTEND, Right.SPEAK}),
                ),
            ),
        ),
        "IPR-7-3-EXCLUDED",
        QUIET,
    ),
    (
        "the council's auditor as a member",
        "§ 7-3 femte ledd andre punktum: 'foretar revisjon av interkommunalt politisk råd'",
        lambda r: council_with(r, auditors=("hol-member-1",)),
        "IPR-7-3-ACCOUNTS",
        E,
    ),
    (
        "annual budget adopted by the working committee",
        "§ 14-8 første ledd tredje punktum: 'skal treffes av representantskapet'",
        lambda r: council_with(
            with_board(r), budgets=(Budget(id="b", year=2026, adopted_by="styret"),)
        ),
        "IPR-14-8-BUDGET",
        E,
    ),
    (
        "annual budget adopted by the representantskap",
        "§ 14-8 første ledd",
        lambda r: council_with(
            r, budgets=(Budget(id="b", year=2026, adopted_by="representantskap"),)
        ),
        "IPR-14-8-BUDGET",
        QUIET,
    ),
    (
        "annual report adopted by the working committee in a meeting",
        "§ 14-8 første ledd tredje punktum: 'årsberetning'",
        lambda r: board_meeting(
            with_board(r),
            AgendaItem(
                id="au-2",
                order=1,
                number="AU 2/2026",
                title="Årsmelding",
                kind=CaseKind.ANNUAL_REPORT,
                outcome=RecordedOutcome.ADOPTED,
            ),
        ),
        "IPR-14-8-BUDGET",
        E,
    ),
    (
        "§ 11-8 urgent decision not reported to the next meeting",
        "§ 11-8 første ledd andre punktum: 'skal legges fram i det neste møtet'",
        lambda r: urgent(r, reported=False),
        "IPR-11-8-REPORT",
        E,
    ),
    (
        "§ 11-8 urgent decision reported",
        "§ 11-8 første ledd andre punktum",
        lambda r: urgent(r, reported=True),
        "IPR-11-8-REPORT",
        QUIET,
    ),
    (
        "must-close item (employee) in a remote meeting",
        "§ 11-7 tredje ledd, § 11-5 andre ledd",
        lambda r: item_with(
            meeting_with(r, mode=MeetingMode.REMOTE), closed_basis=ClosedBasis.EMPLOYEE
        ),
        "IPR-11-7-REMOTE-CLOSED",
        E,
    ),
    (
        "must-close item (confidential) in a hybrid meeting",
        "§ 11-7 tredje ledd, § 11-5 andre ledd andre punktum",
        lambda r: item_with(
            meeting_with(r, mode=MeetingMode.HYBRID), closed_basis=ClosedBasis.CONFIDENTIAL
        ),
        "IPR-11-7-REMOTE-CLOSED",
        E,
    ),
    (
        "may-close item (privacy) in a remote meeting",
        "§ 11-7 tredje ledd names only § 11-5 andre ledd",
        lambda r: item_with(
            meeting_with(r, mode=MeetingMode.REMOTE), closed_basis=ClosedBasis.PRIVACY
        ),
        "IPR-11-7-REMOTE-CLOSED",
        QUIET,
    ),
    (
        "name without 'interkommunalt politisk råd'",
        "§ 18-1 tredje ledd",
        lambda r: council_with(r, formal_name=LocalizedText(nb="Regionrådet for Demo")),
        "IPR-18-1-NAME",
        E,
    ),
    (
        "name starting 'Interkommunalt politisk råd for ...' (capital I)",
        "§ 18-1 tredje ledd",
        lambda r: council_with(
            r, formal_name=LocalizedText(nb="Interkommunalt politisk råd for Demo")
        ),
        "IPR-18-1-NAME",
        QUIET,
    ),
    (
        "ownership shares summing to 99 %",
        "§ 18-2 første ledd andre punktum, § 18-4 fjerde ledd bokstav f",
        shares(Fraction(50, 100), Fraction(49, 100)),
        "IPR-18-2-SHARES",
        E,
    ),
    (
        "ownership shares summing to 100 % in thirds",
        "§ 18-2 første ledd",
        shares(Fraction(1, 3), Fraction(2, 3)),
        "IPR-18-2-SHARES",
        QUIET,
    ),
    (
        "one participant",
        "§ 18-1 første ledd: 'To eller flere kommuner eller fylkeskommuner'",
        lambda r: council_with(r, participations=r.councils[0].participations[:1]),
        "IPR-18-1-PARTICIPANTS",
        E,
    ),
    (
        "a participant without a member",
        "§ 18-3 første ledd andre punktum: 'minst ett medlem'",
        lambda r: body_with(r, composition=(Delegation(participant="gol", members=2, deputies=2),)),
        "IPR-18-3-MEMBERS",
        E,
    ),
    (
        "fewer deputies than members",
        "§ 18-3 første ledd tredje punktum: 'minst like mange varamedlemmer'",
        lambda r: body_with(r, composition=(Delegation(members=2, deputies=1),)),
        "IPR-18-3-DEPUTIES",
        E,
    ),
    (
        "power to make enkeltvedtak in general",
        "§ 18-1 andre ledd første punktum",
        lambda r: body_with(r, powers=frozenset({Power.INDIVIDUAL_DECISIONS})),
        "IPR-18-1-ENKELTVEDTAK",
        E,
    ),
    (
        "power to administer grant schemes and internal matters",
        "§ 18-1 andre ledd andre punktum",
        lambda r: body_with(r, powers=frozenset({Power.GRANT_SCHEMES, Power.INTERNAL_DECISIONS})),
        "IPR-18-1-ENKELTVEDTAK",
        QUIET,
    ),
    (
        "power to issue statements (no enkeltvedtak)",
        "§ 18-1 andre ledd limits enkeltvedtak only",
        lambda r: body_with(r, powers=frozenset({Power.ISSUE_STATEMENTS, Power.MANAGE_FUNDS})),
        "IPR-18-1-ENKELTVEDTAK",
        QUIET,
    ),
    (
        "a deputy from the other participant stands in",
        "§ 18-3 første ledd tredje punktum: 'velger selv sine medlemmer og ... varamedlemmer'",
        lambda r: stand_in(r, "hol-deputy-1"),
        "IPR-18-3-DEPUTY-PARTICIPANT",
        E,
    ),
    (
        "a deputy from the same participant stands in",
        "§ 18-3 første ledd tredje punktum",
        lambda r: stand_in(r, "gol-deputy-1"),
        "IPR-18-3-DEPUTY-PARTICIPANT",
        QUIET,
    ),
]


@pytest.mark.parametrize(
    ("case", "paragraph", "change", "code", "expected"),
    REGISTER_CASES,
    ids=[c[0] for c in REGISTER_CASES],
)
def test_register_case(case, paragraph, change, code, expected, good):
    findings = [f for f in check(change(good)) if f.code == code]
    if expected is QUIET:
        assert not findings, f"{case} ({paragraph}): {findings[0].english()}"
    else:
        assert findings, f"{case} ({paragraph}): {code} should fire"
        assert {f.severity for f in findings} == {expected}, f"{case}: {findings}"


# --- votes evaluated directly ---------------------------------------------------------


def test_exactly_half_of_the_seats_voting_is_quorate():
    """§ 11-9 første ledd: 'minst halvparten' — 5 of 10 is enough."""
    outcome = evaluate(MajorityRule(), Tally(votes_for=3, votes_against=2), members=10)
    assert outcome.result is RecordedOutcome.ADOPTED


def test_present_but_not_voting_does_not_count_for_quorum():
    """§ 11-9 første ledd: present 'og avgitt stemme' — 5 present, 4 voted of 10."""
    outcome = evaluate(MajorityRule(), Tally(votes_for=3, votes_against=1), members=10, present=5)
    assert outcome.result is RecordedOutcome.NOT_QUORATE


def test_blank_votes_in_a_hiring_decision_are_allowed_and_not_cast():
    """§ 8-1 andre ledd: blank in 'vedtak om ansettelse'; 3 for, 2 against, 1 blank."""
    outcome = evaluate(
        MajorityRule(), Tally(votes_for=3, votes_against=2, blank=1), members=6, hiring=True
    )
    assert outcome.result is RecordedOutcome.ADOPTED


def test_blank_votes_in_an_ordinary_decision_are_refused():
    """§ 8-1 andre ledd: no blank vote outside elections and hiring."""
    with pytest.raises(BlankVoteError):
        evaluate(MajorityRule(), Tally(votes_for=3, votes_against=2, blank=1), members=6)


def test_tie_with_the_chair_voting_for_is_adopted():
    """§ 11-9 andre ledd andre punktum."""
    outcome = evaluate(MajorityRule(), Tally(votes_for=3, votes_against=3), members=6, chair_vote=F)
    assert outcome.result is RecordedOutcome.ADOPTED


def test_tie_by_totals_only_is_undetermined():
    """§ 11-9 andre ledd: without the chair's vote the tie is not decided."""
    assert evaluate(MajorityRule(), Tally(votes_for=3, votes_against=3), members=6).result is None


def test_written_procedure_with_one_member_not_agreeing_is_not_adopted():
    """§ 11-8 fjerde ledd: adopted only 'hvis samtlige medlemmer slutter seg til'."""
    outcome = evaluate(UnanimityRule(written=True), Tally(votes_for=3, votes_against=1), members=4)
    assert outcome.result is not RecordedOutcome.ADOPTED


def test_written_procedure_with_a_member_silent_is_not_adopted():
    """§ 11-8 fjerde ledd: 'samtlige medlemmer' — all members, not all who answered."""
    outcome = evaluate(UnanimityRule(written=True), Tally(votes_for=3, votes_against=0), members=4)
    assert outcome.result is not RecordedOutcome.ADOPTED


def test_written_procedure_with_every_member_agreeing_is_adopted():
    """§ 11-8 fjerde ledd."""
    outcome = evaluate(UnanimityRule(written=True), Tally(votes_for=4, votes_against=0), members=4)
    assert outcome.result is RecordedOutcome.ADOPTED


def test_deputy_chair_chairing_for_a_disqualified_chair_casts_the_deciding_vote(good):
    """§ 11-2 tredje ledd, § 11-9 andre ledd: the vote of whoever chairs the item decides."""
    r = appointment_with(good, "hol-member-1", position=Position.DEPUTY_CHAIR)
    r = item_with(
        r,
        votes=(
            Vote(person="gol-member-2", choice=A),
            Vote(person="hol-member-1", choice=F),
        ),
        disqualified=("gol-member-1",),
    )
    c = r.councils[0]
    # 3 seats can vote (the chair is disqualified); 2 voted, tie 1-1; quorum is 2 of 4.
    outcome = evaluate_item(c, c.meetings[-1], c.meetings[-1].agenda[0])
    assert outcome is not None
    assert outcome.result is RecordedOutcome.ADOPTED


def test_acting_chair_casts_the_deciding_vote(good):
    """§ 11-2 tredje ledd: 'særskilt møteleder'; hol-member-2 chairs and votes against."""
    r = item_with(meeting_with(good, acting_chair="hol-member-2"), votes=votes(F, F, A, A))
    c = r.councils[0]
    outcome = evaluate_item(c, c.meetings[-1], c.meetings[-1].agenda[0])
    assert outcome is not None
    assert outcome.result is RecordedOutcome.REJECTED


def test_an_amendment_short_of_two_thirds_fails_on_the_majority_not_the_count(good):
    """§ 18-4 tredje ledd: 3 of 5 votes cast is short of 2/3; the count itself is right."""
    r = amended(
        purpose_clause(six_seats(good)),
        "9",
        adopted_by=Adopter.REPRESENTANTSKAP,
        tally=Tally(votes_for=3, votes_against=2),
    )
    findings = [f for f in check(r) if f.code == "IPR-18-4-AMENDMENT"]
    assert [f.template for f in findings] == [RULES["IPR-18-4-AMENDMENT"].messages["majority"]]


# --- citations: each rule names its paragraph and ledd --------------------------------

CITATIONS = [
    ("IPR-8-1-BLANK", "koml. § 8-1 second paragraph"),
    ("IPR-8-1-DUTY", "koml. § 8-1 second paragraph"),
    ("IPR-14-8-BUDGET", "koml. § 14-8 first paragraph"),
    ("IPR-18-1-ENKELTVEDTAK", "koml. § 18-1 second paragraph"),
    ("IPR-18-3-BODIES", "koml. § 18-3 fourth paragraph"),
    ("IPR-18-3-CHAIR", "koml. § 18-3 first paragraph"),
    ("IPR-18-3-DEPUTY-PARTICIPANT", "koml. § 18-3 first paragraph"),
    ("IPR-11-7-REMOTE-CLOSED", "koml. § 11-7 third paragraph"),
    ("IPR-11-8-REPORT", "koml. § 11-8 first paragraph"),
    ("IPR-11-9-QUORUM", "koml. § 11-9 first paragraph"),
    # § 7-3 femte ledd andre punktum: the IPR's accountant and auditor.
    ("IPR-7-3-ACCOUNTS", "koml. § 7-3 fifth paragraph"),
    # § 7-3 første ledd bokstav b, reached through § 7-2 første ledd f.
    ("IPR-7-3-EXCLUDED", "koml. § 7-3 first paragraph (b)"),
    ("IPR-11-9-VOTES", "koml. § 11-9 first paragraph"),
]


@pytest.mark.parametrize(("code", "cited"), CITATIONS)
def test_rule_cites_paragraph_and_ledd(code, cited):
    assert RULES[code].reference is not None
    assert RULES[code].reference.render("en") == cited
