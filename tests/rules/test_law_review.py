# SPDX-License-Identifier: MIT
"""A municipal lawyer's review of iprmodel's legal answers (koml. = LOV-2018-06-22-83).

Each case was worked out from the act's words (../shared/reference/kommuneloven.md,
sections 1-4) before the code was run; its docstring cites the paragraph and ledd and
states the legal answer in one sentence. Vote cases go through :func:`evaluate` and
:func:`count_election`; register cases change the lawful register of conftest.py in one
respect and go through :func:`check` (the same as ``iprmodel validate``).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import attrs
import pytest

from iprmodel.model import (
    Adopter,
    Adoption,
    Amendment,
    Appointment,
    Attendance,
    AttendanceStatus,
    Ballot,
    CandidateVotes,
    CaseKind,
    Clause,
    ClauseTopic,
    ConsensusRule,
    CountyAuthority,
    DecisionRule,
    Delegation,
    Election,
    ElectionMethod,
    ElectionRule,
    Gender,
    LocalizedText,
    MajorityRule,
    MeetingMode,
    Participation,
    Person,
    QuorumRule,
    RecordedOutcome,
    Register,
    SeatKind,
    Tally,
    TieBreak,
    UnanimityRule,
    Vote,
    VoteChoice,
)
from iprmodel.rules.decisions import (
    BlankVoteError,
    DecidedBy,
    VoteRecordError,
    evaluate,
    evaluate_item,
)
from iprmodel.rules.decisions.items import NON_CORE_AMENDMENT_RULE
from iprmodel.rules.elections import ElectionStatus, count_election
from iprmodel.rules.findings import Finding, Severity
from iprmodel.rules.law import check

F, A, B = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.BLANK
ADOPTED, REJECTED = RecordedOutcome.ADOPTED, RecordedOutcome.REJECTED
NOT_QUORATE = RecordedOutcome.NOT_QUORATE
MEMBERS = ("gol-member-1", "gol-member-2", "hol-member-1", "hol-member-2")


# --- builders: one change to the lawful register ----------------------------------------


def _council(r: Register, **changes: object) -> Register:
    return attrs.evolve(r, councils=(attrs.evolve(r.councils[0], **changes),))


def _item(r: Register, **changes: object) -> Register:
    council = r.councils[0]
    meeting = council.meetings[-1]
    item = attrs.evolve(meeting.agenda[0], **changes)
    return _council(r, meetings=(attrs.evolve(meeting, agenda=(item,)),))


def _meeting(r: Register, **changes: object) -> Register:
    council = r.councils[0]
    return _council(r, meetings=(attrs.evolve(council.meetings[-1], **changes),))


def _votes(*pairs: tuple[str, VoteChoice]) -> tuple[Vote, ...]:
    return tuple(Vote(person=p, choice=c) for p, c in pairs)


def _with_deputy(r: Register, deputy: str, *, absent: str | None = None) -> Register:
    """``deputy`` attends (no substitute recorded); ``absent``, if given, is absent."""
    attendance = tuple(
        Attendance(person=a.person, status=AttendanceStatus.ABSENT) if a.person == absent else a
        for a in r.councils[0].meetings[-1].attendance
    )
    present = Attendance(person=deputy, status=AttendanceStatus.PRESENT)
    return _meeting(r, attendance=(*attendance, present))


def _codes(r: Register, code: str) -> list[Finding]:
    return [f for f in check(r) if f.code == code]


def _amend(r: Register, topic: ClauseTopic, **changes: object) -> Register:
    council = r.councils[0]
    agreement = council.agreements[0]
    clause = Clause(number="9", topics=frozenset({topic}), text=LocalizedText(nb="Føremål."))
    amendment = Amendment(id="endring-1", clauses=("9",), **changes)  # type: ignore[arg-type]
    agreement = attrs.evolve(
        agreement, clauses=(*agreement.clauses, clause), amendments=(amendment,)
    )
    return _council(r, agreements=(agreement,))


def _delegation(r: Register, participant: str, genders: str, seat: SeatKind) -> Register:
    """Replace ``participant``'s appointments of ``seat`` by persons of ``genders``."""
    council = r.councils[0]
    kept = tuple(
        a for a in council.appointments if not (a.participant == participant and a.seat is seat)
    )
    persons = tuple(
        Person(
            id=f"{participant}-{seat.value}-x{n}",
            name=f"{participant} {seat.value} x{n}",
            gender=Gender.FEMALE if g == "f" else Gender.MALE,
        )
        for n, g in enumerate(genders, start=1)
    )
    added = tuple(
        Appointment(
            id=p.id,
            person=p.id,
            body="representantskap",
            participant=participant,
            seat=seat,
            deputy_order=n if seat is SeatKind.DEPUTY else None,
            valid_from=date(2023, 10, 1),
            written_consent=True,
        )
        for n, p in enumerate(persons, start=1)
    )
    r = attrs.evolve(r, persons=(*r.persons, *persons))
    body = attrs.evolve(
        council.bodies[0],
        composition=(Delegation(members=len(genders) or 1, deputies=len(genders) or 1),),
    )
    return _council(r, appointments=kept + added, bodies=(body, *council.bodies[1:]))


# --- § 11-9 første ledd: the quorum ----------------------------------------------------


def test_five_of_nine_voting_is_quorate():
    """§ 11-9 første ledd: half of 9 is 4.5, so 5 voting members make a quorum; 3-2 adopts."""
    outcome = evaluate(MajorityRule(), Tally(votes_for=3, votes_against=2), members=9)
    assert outcome.quorate
    assert outcome.result is ADOPTED


def test_four_of_nine_voting_is_not_quorate_even_if_unanimous():
    """§ 11-9 første ledd: 4 is less than half of 9; no valid decision, even 4-0."""
    outcome = evaluate(MajorityRule(), Tally(votes_for=4, votes_against=0), members=9)
    assert outcome.result is NOT_QUORATE
    assert outcome.decided_by is DecidedBy.QUORUM


def test_fewer_than_half_present_is_not_quorate():
    """§ 11-9 første ledd: 4 of 10 present and voting is below half: no decision."""
    outcome = evaluate(MajorityRule(), Tally(votes_for=3, votes_against=1), members=10, present=4)
    assert outcome.result is NOT_QUORATE


def test_present_but_not_voting_does_not_make_the_quorum():
    """§ 11-9 første ledd: 'til stede ... og har avgitt stemme'; 6 of 10 present, 4 voted."""
    outcome = evaluate(MajorityRule(), Tally(votes_for=4, votes_against=0), members=10, present=6)
    assert outcome.result is NOT_QUORATE


def test_zero_votes_cast_is_no_decision():
    """§ 11-9 første ledd: nobody voted, so nobody 'har avgitt stemme': not quorate."""
    outcome = evaluate(MajorityRule(), Tally(votes_for=0, votes_against=0), members=5)
    assert outcome.result is NOT_QUORATE


def test_blank_voters_count_for_the_quorum_in_an_election():
    """§ 11-9 første ledd with § 8-1 andre ledd: a blank vote in an election is a vote cast.

    3 of 6 members vote, one of them blank: half have voted, so the election is quorate;
    Kari has 2 of 3 votes cast, more than half (§ 7-8), and is elected.
    """
    ballot = (
        Vote(person="a", choice=F, candidate="kari"),
        Vote(person="b", choice=F, candidate="kari"),
        Vote(person="c", choice=B),
    )
    outcome = evaluate(ElectionRule(), ballot, members=6)
    assert outcome.quorate
    assert outcome.elected == "kari"


def test_disqualified_member_is_not_present_but_stays_in_the_base(good):
    """§ 11-9 første ledd, § 11-10: an inhabil member does not count as present; the base
    stays the body's 4 members. 3 others vote 2-1: 3 of 4 have voted, adopted."""
    r = _item(
        good,
        disqualified=("hol-member-2",),
        votes=_votes(("gol-member-1", F), ("gol-member-2", F), ("hol-member-1", A)),
        outcome=ADOPTED,
    )
    assert not _codes(r, "IPR-11-9-QUORUM")
    assert not _codes(r, "IPR-11-9-OUTCOME")


def test_three_disqualified_of_four_leaves_no_quorum(good):
    """§ 11-9 første ledd, § 11-10: with 3 of 4 inhabil, one vote is less than half of 4;
    an item recorded as adopted is wrong (no valid decision)."""
    r = _item(
        good,
        disqualified=("gol-member-2", "hol-member-1", "hol-member-2"),
        votes=_votes(("gol-member-1", F)),
        outcome=ADOPTED,
    )
    assert [f.severity for f in _codes(r, "IPR-11-9-QUORUM")] == [Severity.ERROR]


def test_excused_members_count_like_absent_ones(good):
    """§ 11-9 første ledd, § 11-11: 2 of 4 excused, the other 2 vote 2-0: exactly half
    voted, quorate and adopted."""
    r = _item(
        good,
        excused=("hol-member-1", "hol-member-2"),
        votes=_votes(("gol-member-1", F), ("gol-member-2", F)),
        outcome=ADOPTED,
    )
    assert not _codes(r, "IPR-11-9-QUORUM")
    assert not _codes(r, "IPR-11-9-OUTCOME")


def test_a_deputy_standing_in_for_a_disqualified_member_restores_the_count(good):
    """§ 11-9 første ledd, § 7-10: a deputy who meets for an inhabil member is present in
    the seat; with 4 voting the item is quorate and 3-1 adopts."""
    council = good.councils[0]
    meeting = council.meetings[-1]
    attendance = (
        *meeting.attendance,
        Attendance(
            person="gol-deputy-1", status=AttendanceStatus.PRESENT, substitute_for="gol-member-2"
        ),
    )
    r = _meeting(good, attendance=attendance)
    r = _item(
        r,
        disqualified=("gol-member-2",),
        votes=_votes(
            ("gol-member-1", F), ("gol-deputy-1", F), ("hol-member-1", F), ("hol-member-2", A)
        ),
        outcome=ADOPTED,
    )
    assert not [f for f in check(r) if f.severity is Severity.ERROR]


# --- § 11-9 andre ledd: majority and the casting vote ----------------------------------


def test_five_against_four_adopts():
    """§ 11-9 andre ledd: 5 of 9 votes cast is a majority of the votes cast."""
    assert evaluate(MajorityRule(), Tally(votes_for=5, votes_against=4), members=9).adopted


def test_four_against_five_is_rejected():
    """§ 11-9 andre ledd: 4 of 9 votes cast is no majority: not adopted."""
    outcome = evaluate(MajorityRule(), Tally(votes_for=4, votes_against=5), members=9)
    assert outcome.result is REJECTED


def test_tie_with_the_chair_against_is_rejected_by_the_casting_vote():
    """§ 11-9 andre ledd andre punktum: 3-3 and the chair voted against: not adopted."""
    outcome = evaluate(MajorityRule(), Tally(votes_for=3, votes_against=3), members=6, chair_vote=A)
    assert outcome.result is REJECTED
    assert outcome.decided_by is DecidedBy.CASTING_VOTE


def test_tie_recorded_by_totals_is_undetermined_not_rejected():
    """§ 11-9 andre ledd: 3-3 with no record of the chair's vote: the answer is unknown."""
    outcome = evaluate(MajorityRule(), Tally(votes_for=3, votes_against=3), members=6)
    assert outcome.result is None
    assert outcome.decided_by is DecidedBy.PENDING


def test_tie_where_chair_voted_for_recorded_as_rejected_is_an_error(good):
    """§ 11-9 andre ledd: 2-2 with the chair (gol-member-1) for: adopted; minutes saying
    rejected contradict the votes."""
    r = _item(
        good,
        votes=_votes(
            ("gol-member-1", F), ("gol-member-2", A), ("hol-member-1", F), ("hol-member-2", A)
        ),
        outcome=REJECTED,
    )
    assert [f.severity for f in _codes(r, "IPR-11-9-OUTCOME")] == [Severity.ERROR]


def test_blank_in_an_ordinary_matter_is_refused():
    """§ 8-1 andre ledd: blank votes are allowed only in elections and hiring decisions."""
    with pytest.raises(BlankVoteError):
        evaluate(MajorityRule(), Tally(votes_for=3, votes_against=1, blank=1), members=5)


def test_blank_in_an_ordinary_matter_is_reported(good):
    """§ 8-1 andre ledd: the register check reports the blank vote of an ordinary decision."""
    r = _item(
        good,
        votes=_votes(
            ("gol-member-1", F), ("gol-member-2", F), ("hol-member-1", F), ("hol-member-2", B)
        ),
    )
    assert _codes(r, "IPR-8-1-BLANK")


def test_blank_votes_in_a_hiring_decision_are_an_interpretation():
    """§ 8-1 andre ledd, § 11-9 andre ledd: blank is allowed in a hiring decision; whether
    it counts among 'de avgitte stemmene' is not settled, and the answer says so."""
    outcome = evaluate(
        MajorityRule(), Tally(votes_for=3, votes_against=2, blank=1), members=6, hiring=True
    )
    assert outcome.result is ADOPTED
    assert any("interpretation" in text for text in outcome.explain("en"))
    assert any("tolkning" in text for text in outcome.explain("nb"))
    assert any("tolking" in text for text in outcome.explain("nn"))


def test_a_member_voting_twice_is_a_record_error(good):
    """§ 11-9 andre ledd: one member, one vote; a member recorded twice cannot be right."""
    r = _item(
        good,
        votes=_votes(
            ("gol-member-1", F), ("gol-member-1", F), ("hol-member-1", A), ("hol-member-2", A)
        ),
    )
    assert _codes(r, "IPR-11-9-VOTES")


def test_a_vote_by_a_non_member_is_an_error(good):
    """§ 11-9, § 8-1: only members (and deputies meeting for them) vote; a person with no
    seat who votes is an error."""
    r = attrs.evolve(
        good, persons=(*good.persons, Person(id="outsider", name="Ein utanforståande"))
    )
    r = _item(
        r, votes=(*good.councils[0].meetings[-1].agenda[0].votes, Vote(person="outsider", choice=F))
    )
    assert _codes(r, "IPR-DATA-VOTER")


def test_a_deputy_voting_while_every_member_is_present_is_an_error(good):
    """§ 11-9 første ledd with § 7-10 første ledd, § 18-3 første ledd: a deputy votes only
    in place of a member who does not meet. With all four members present and the deputy
    voting in place of a member who did not vote, a seat is voted by the wrong person."""
    r = _with_deputy(good, "gol-deputy-1")
    r = _item(
        r,
        votes=_votes(
            ("gol-member-1", F), ("gol-deputy-1", F), ("hol-member-1", F), ("hol-member-2", F)
        ),
    )
    assert [f.severity for f in _codes(r, "IPR-7-10-DEPUTY-VOTE")] == [Severity.ERROR]


def test_a_deputy_voting_for_an_absent_member_is_lawful(good):
    """§ 7-10 første ledd: gol-member-2 is absent and the deputy from Gol votes in the
    seat, with no substitute recorded: lawful, no finding."""
    r = _with_deputy(good, "gol-deputy-1", absent="gol-member-2")
    r = _item(
        r,
        votes=_votes(
            ("gol-member-1", F), ("gol-deputy-1", F), ("hol-member-1", F), ("hol-member-2", F)
        ),
    )
    assert not _codes(r, "IPR-7-10-DEPUTY-VOTE")


def test_a_deputy_of_another_participant_cannot_fill_an_absent_seat(good):
    """§ 7-10 første ledd with § 18-3 første ledd: Gol's member is absent, but a deputy
    from Hol votes while both Hol members vote: Hol has no seat free."""
    r = _with_deputy(good, "hol-deputy-1", absent="gol-member-2")
    r = _item(
        r,
        votes=_votes(
            ("gol-member-1", F), ("hol-deputy-1", F), ("hol-member-1", F), ("hol-member-2", F)
        ),
    )
    assert _codes(r, "IPR-7-10-DEPUTY-VOTE")


# --- § 11-8 fjerde ledd: written procedure ---------------------------------------------


def test_written_procedure_needs_every_member_not_every_answer():
    """§ 11-8 fjerde ledd: 'samtlige medlemmer'; 8 of 9 agree, one silent: not adopted."""
    outcome = evaluate(UnanimityRule(written=True), Tally(votes_for=8, votes_against=0), members=9)
    assert outcome.result is REJECTED


def test_written_meeting_recorded_adopted_with_a_member_silent_is_an_error(good):
    """§ 11-8 fjerde ledd: a matter dealt with in writing, 3 of 4 agreeing, is not adopted."""
    r = _meeting(good, mode=MeetingMode.WRITTEN)
    r = _item(
        r,
        votes=_votes(("gol-member-1", F), ("gol-member-2", F), ("hol-member-1", F)),
        outcome=ADOPTED,
    )
    assert _codes(r, "IPR-11-9-OUTCOME")


def test_written_meeting_with_every_member_agreeing_is_adopted(good):
    """§ 11-8 fjerde ledd: all 4 members agree in writing: adopted, no finding."""
    r = _meeting(good, mode=MeetingMode.WRITTEN)
    assert not _codes(r, "IPR-11-9-OUTCOME")
    assert not _codes(r, "IPR-11-9-QUORUM")


# --- § 18-4: amendments of the cooperation agreement ------------------------------------


@pytest.mark.parametrize(
    ("votes_for", "votes_against", "adopted"),
    [(6, 3, True), (2, 1, True), (5, 3, False), (3, 2, False), (7, 3, True), (4, 2, True)],
    ids=["6-of-9", "2-of-3", "5-of-8", "3-of-5", "7-of-10", "4-of-6"],
)
def test_two_thirds_of_votes_cast_at_the_boundary(votes_for, votes_against, adopted):
    """§ 18-4 tredje ledd: 'minst to tredjedeler av de avgitte stemmene'; exactly 2/3
    (6 of 9, 2 of 3, 4 of 6) is enough, 5 of 8 (62.5 %) and 3 of 5 are not; no rounding."""
    outcome = evaluate(
        NON_CORE_AMENDMENT_RULE,
        Tally(votes_for=votes_for, votes_against=votes_against),
        members=votes_for + votes_against,
    )
    assert outcome.adopted is adopted


def test_two_thirds_has_no_casting_vote():
    """§ 18-4 tredje ledd, § 11-9 andre ledd: 4-4 is short of 2/3; the chair's vote does not
    lift a special majority: not adopted."""
    outcome = evaluate(
        NON_CORE_AMENDMENT_RULE, Tally(votes_for=4, votes_against=4), members=8, chair_vote=F
    )
    assert outcome.result is REJECTED


def test_core_item_amended_by_the_representantskap_alone_is_an_error(good):
    """§ 18-4 andre ledd with fjerde ledd a: the name is a core item; only every
    participant's council can change it, whatever the representantskap's vote."""
    r = _amend(
        good,
        ClauseTopic.NAME,
        adopted_by=Adopter.REPRESENTANTSKAP,
        tally=Tally(votes_for=4, votes_against=0),
    )
    assert [f.severity for f in _codes(r, "IPR-18-4-AMENDMENT")] == [Severity.ERROR]


def test_core_item_adopted_by_one_council_of_two_is_an_error(good):
    """§ 18-4 andre ledd: every participant's council adopts a core change; one is not enough."""
    r = _amend(
        good,
        ClauseTopic.SEATS,
        adoptions=(Adoption(party="gol", date=date(2026, 2, 1)),),
    )
    assert _codes(r, "IPR-18-4-AMENDMENT")


def test_core_item_adopted_by_every_council_is_lawful(good):
    """§ 18-4 andre ledd: both councils adopted the change of item c: lawful."""
    r = _amend(
        good,
        ClauseTopic.SEATS,
        adoptions=tuple(Adoption(party=p, date=date(2026, 2, 1)) for p in ("gol", "hol")),
    )
    assert not _codes(r, "IPR-18-4-AMENDMENT")


def test_non_core_amendment_with_exactly_two_thirds_in_the_representantskap_is_lawful(good):
    """§ 18-4 tredje ledd: a purpose clause changed by the representantskap, 2 of 3 votes
    cast (one member did not vote): exactly 2/3, lawful... but 3 of 4 seats voting."""
    r = _amend(
        good,
        ClauseTopic.PURPOSE,
        adopted_by=Adopter.REPRESENTANTSKAP,
        tally=Tally(votes_for=2, votes_against=1),
    )
    assert not _codes(r, "IPR-18-4-AMENDMENT")


def test_non_core_amendment_voted_by_too_few_members_is_not_quorate(good):
    """§ 18-4 tredje ledd with § 11-9 første ledd: 1-0 with 1 of 4 members voting is no
    decision of the representantskap at all."""
    r = _amend(
        good,
        ClauseTopic.PURPOSE,
        adopted_by=Adopter.REPRESENTANTSKAP,
        tally=Tally(votes_for=1, votes_against=0),
    )
    assert _codes(r, "IPR-18-4-AMENDMENT")


# --- §§ 18-1 to 18-3: the council, shares, representantskap -----------------------------


def test_name_check_ignores_case(good):
    """§ 18-1 tredje ledd: 'Interkommunalt Politisk Råd for Demo' contains the words."""
    council = good.councils[0]
    r = _council(good, formal_name=LocalizedText(nb="Interkommunalt Politisk Råd for Demo"))
    assert not _codes(r, "IPR-18-1-NAME")
    assert council  # the lawful register is unchanged


def test_everyday_name_without_the_words_is_an_error(good):
    """§ 18-1 tredje ledd: 'Regionrådet for Demo' lacks the words: an error."""
    r = _council(good, formal_name=LocalizedText(nb="Regionrådet for Demo"))
    assert [f.severity for f in _codes(r, "IPR-18-1-NAME")] == [Severity.ERROR]


def test_one_participant_is_not_a_council(good):
    """§ 18-1 første ledd: 'to eller flere' participants; one is an error."""
    council = good.councils[0]
    r = _council(good, participations=council.participations[:1])
    assert _codes(r, "IPR-18-1-PARTICIPANTS")


def test_thirds_add_up_to_the_whole_without_rounding(good):
    """§ 18-2 første ledd, § 18-4 fjerde ledd f: three shares of 1/3 are 100 % exactly."""
    r = attrs.evolve(
        good, participants=(*good.participants, attrs.evolve(good.participants[0], id="hemsedal"))
    )
    r = _council(
        r,
        participations=tuple(
            Participation(participant=p, ownership_share=Fraction(1, 3))
            for p in ("gol", "hol", "hemsedal")
        ),
    )
    assert not _codes(r, "IPR-18-2-SHARES")


def test_shares_short_of_the_whole_are_an_error(good):
    """§ 18-4 fjerde ledd f: 50 % and 40 % leave 10 % of the council unowned: error."""
    r = _council(
        good,
        participations=(
            Participation(participant="gol", ownership_share=Fraction(1, 2)),
            Participation(participant="hol", ownership_share=Fraction(2, 5)),
        ),
    )
    assert _codes(r, "IPR-18-2-SHARES")


def test_participant_without_a_member_is_an_error(good):
    """§ 18-3 første ledd: every participant has at least one member."""
    council = good.councils[0]
    body = attrs.evolve(
        council.bodies[0],
        composition=(
            Delegation(participant="gol", members=2, deputies=2),
            Delegation(participant="hol", members=0, deputies=0),
        ),
    )
    r = _council(good, bodies=(body,))
    assert _codes(r, "IPR-18-3-MEMBERS")


def test_fewer_deputies_than_members_is_an_error(good):
    """§ 18-3 første ledd: 'minst like mange varamedlemmer som medlemmer'; 2 members and
    1 deputy is an error."""
    council = good.councils[0]
    body = attrs.evolve(council.bodies[0], composition=(Delegation(members=2, deputies=1),))
    r = _council(good, bodies=(body,))
    assert _codes(r, "IPR-18-3-DEPUTIES")


def test_term_other_than_four_years_needs_the_agreement(good):
    """§ 18-3 tredje ledd: four years 'hvis ikke annet er avtalt'; 2 years with no clause
    on the term is an error, with a clause it is lawful."""
    council = good.councils[0]
    body = attrs.evolve(council.bodies[0], term_years=2)
    r = _council(good, bodies=(body,))
    assert _codes(r, "IPR-18-3-TERM")
    agreement = council.agreements[0]
    clause = Clause(
        number="10", topics=frozenset({ClauseTopic.TERM}), text=LocalizedText(nb="To år.")
    )
    r = _council(r, agreements=(attrs.evolve(agreement, clauses=(*agreement.clauses, clause)),))
    assert not _codes(r, "IPR-18-3-TERM")


# --- § 7-3: excluded persons -------------------------------------------------------------


def test_the_councils_auditor_cannot_sit_in_the_representantskap(good):
    """§ 7-3 femte ledd: whoever audits the council is not eligible to its bodies."""
    r = _council(good, auditors=("hol-member-2",))
    assert [f.severity for f in _codes(r, "IPR-7-3-ACCOUNTS")] == [Severity.ERROR]


def test_the_councils_accountant_cannot_be_a_deputy_either(good):
    """§ 7-3 femte ledd: the accounts keeper is not eligible, also not as a deputy."""
    r = _council(good, accounts_keepers=("gol-deputy-1",))
    assert _codes(r, "IPR-7-3-ACCOUNTS")


# --- §§ 7-5 to 7-7: gender balance per delegation (interpretation, section 3) -----------


@pytest.mark.parametrize(
    ("genders", "fires"),
    [
        ("m", False),
        ("mm", True),
        ("mf", False),
        ("mmm", True),
        ("mmf", False),
        ("mmmf", True),
        ("mmff", False),
        ("mmmff", False),
        ("mmmmf", True),
    ],
)
def test_gender_balance_per_delegation(good, genders, fires):
    """§§ 7-5 to 7-7 as section 3 reads them (interpretation): one member, no rule; two or
    three, both genders; four or more, each gender at least 40 % (2 of 5 is exactly 40 %)."""
    r = _delegation(good, "gol", genders, SeatKind.MEMBER)
    found = _codes(r, "IPR-7-7-GENDER")
    assert bool(found) is fires
    assert all(f.severity is Severity.WARNING for f in found)


def test_gender_of_deputies_is_checked_on_its_own(good):
    """§ 7-7 tredje ledd ('tilsvarende for varamedlemmene'): two male deputies for one
    participant: both genders should be represented (interpretation per delegation)."""
    r = _delegation(good, "hol", "mm", SeatKind.DEPUTY)
    assert _codes(r, "IPR-7-7-GENDER")


# --- §§ 7-6 to 7-8: elections -----------------------------------------------------------


def _ballot(blank: int = 0, **counts: int) -> Ballot:
    return Ballot(
        counts=tuple(CandidateVotes(candidate=n, votes=v) for n, v in counts.items()), blank=blank
    )


def test_flertallsvalg_more_than_half_on_the_first_ballot():
    """§ 7-8: Kari 5 of 9 votes cast is more than half: elected on the first ballot."""
    result = count_election(
        Election(method=ElectionMethod.MAJORITY, ballots=(_ballot(Kari=5, Ola=4),))
    )
    assert result.status is ElectionStatus.ELECTED
    assert [e.name for e in result.elected] == ["Kari"]


def test_flertallsvalg_exactly_half_goes_to_a_new_ballot():
    """§ 7-8: 4 of 8 is not 'mer enn halvparten': a new ballot is needed."""
    result = count_election(
        Election(method=ElectionMethod.MAJORITY, ballots=(_ballot(Kari=4, Ola=3, Per=1),))
    )
    assert result.status is ElectionStatus.PENDING


def test_flertallsvalg_tie_on_the_new_ballot_is_drawn_by_lot_not_by_the_chair():
    """§ 7-8, § 11-9 andre ledd ('i andre saker enn valg'): 4-4 on the second ballot is
    decided by lot; with no draw recorded the result is open."""
    election = Election(
        method=ElectionMethod.MAJORITY,
        ballots=(_ballot(Kari=4, Ola=4), _ballot(Kari=4, Ola=4)),
    )
    assert count_election(election).status is ElectionStatus.PENDING
    drawn = count_election(election, seed=7)
    assert drawn.status is ElectionStatus.ELECTED
    assert drawn.decided_by.value == "lot"


def test_flertallsvalg_all_blank_elects_nobody():
    """§ 7-8 with § 8-1 andre ledd: 5 blank votes and none for a candidate: nobody has
    more than half, and nobody can be elected by them."""
    result = count_election(
        Election(method=ElectionMethod.MAJORITY, ballots=(_ballot(blank=5, Kari=0),))
    )
    assert result.status is not ElectionStatus.ELECTED
    assert not result.elected


def test_casting_vote_recorded_in_an_election_is_an_error(good):
    """§ 11-9 andre ledd: the chair's vote decides ties 'i andre saker enn valg' only."""
    r = _item(good, kind=CaseKind.ELECTION, casting_vote=True)
    assert _codes(r, "IPR-11-9-CASTING-VOTE")


def test_forholdsvalg_equal_quotients_go_to_the_list_with_more_votes():
    """§ 7-6 andre ledd: 2 seats, A 6 votes, B 3: quotients A 6, 3 and B 3; the tie for the
    second seat goes to A, which has more votes. A gets both seats."""
    from iprmodel.model import Candidate, ElectionList

    def lst(name: str, votes: int) -> ElectionList:
        people = tuple(
            Candidate(name=f"{name}{i}", gender=Gender.FEMALE if i % 2 else Gender.MALE)
            for i in range(1, 4)
        )
        return ElectionList(name=name, votes=votes, candidates=people)

    result = count_election(
        Election(method=ElectionMethod.PROPORTIONAL, seats=2, lists=(lst("A", 6), lst("B", 3)))
    )
    assert {s.name: s.seats for s in result.lists} == {"A": 2, "B": 0}


def test_avtalevalg_with_one_vote_against_is_no_avtalevalg():
    """§ 7-7 første ledd: avtalevalg needs a unanimous decision; 8-1 elects nobody by it."""
    from iprmodel.model import Candidate, ElectionList

    slate = ElectionList(
        name="Semje",
        candidates=(
            Candidate(name="Kari", gender=Gender.FEMALE),
            Candidate(name="Ola", gender=Gender.MALE),
        ),
        deputies=(
            Candidate(name="Siri", gender=Gender.FEMALE),
            Candidate(name="Per", gender=Gender.MALE),
        ),
    )
    result = count_election(
        Election(
            method=ElectionMethod.AGREED, seats=2, lists=(slate,), votes_for=8, votes_against=1
        )
    )
    assert result.status is not ElectionStatus.ELECTED


def test_an_item_with_no_votes_recorded_gives_no_answer(good):
    """§ 11-4 første ledd e: without recorded votes the outcome cannot be evaluated;
    iprmodel gives no answer rather than a guess."""
    council = good.councils[0]
    meeting = council.meetings[-1]
    item = attrs.evolve(meeting.agenda[0], votes=(), tally=None)
    assert evaluate_item(council, meeting, item) is None


def test_more_votes_than_members_is_a_record_error():
    """§ 11-9: 6 votes in a body of 5 members cannot be right."""
    with pytest.raises(VoteRecordError):
        evaluate(MajorityRule(), Tally(votes_for=4, votes_against=2), members=5)


# --- found in this review: fixed ----------------------------------------------------------


def test_a_body_quorum_below_half_is_unlawful_and_the_act_applies(good):
    """§ 11-9 første ledd: 'kan bare treffe vedtak hvis minst halvparten'; a body rule of
    1/3 cannot lower it. 1 of 4 members voting is no decision, whatever the rule says."""
    council = good.councils[0]
    body = attrs.evolve(council.bodies[0], quorum=QuorumRule(fraction=Fraction(1, 3)))
    r = _council(good, bodies=(body,))
    assert [f.severity for f in _codes(r, "IPR-11-9-QUORUM-RULE")] == [Severity.ERROR]
    r = _item(r, votes=_votes(("gol-member-1", F)), outcome=ADOPTED)
    assert _codes(r, "IPR-11-9-QUORUM")


def test_a_body_quorum_counting_members_present_without_voting_is_unlawful(good):
    """§ 11-9 første ledd: the members must have been present 'og har avgitt stemme'."""
    council = good.councils[0]
    body = attrs.evolve(council.bodies[0], quorum=QuorumRule(must_vote=False))
    r = _council(good, bodies=(body,))
    assert _codes(r, "IPR-11-9-QUORUM-RULE")


def test_a_stricter_body_quorum_is_the_bodys_own_and_lawful(good):
    """§ 11-9 første ledd sets a minimum: a quorum of 2/3 is stricter and not a finding."""
    council = good.councils[0]
    body = attrs.evolve(council.bodies[0], quorum=QuorumRule(fraction=Fraction(2, 3)))
    assert not _codes(_council(good, bodies=(body,)), "IPR-11-9-QUORUM-RULE")


def test_amendment_quorum_counts_appointed_members_when_no_composition_is_recorded(good):
    """§ 18-4 tredje ledd with § 11-9 første ledd: with no composition recorded but four
    members appointed on the day, a 1-0 vote is not quorate: the amendment is not adopted."""
    council = good.councils[0]
    r = _council(good, bodies=(attrs.evolve(council.bodies[0], composition=()),))
    r = _amend(
        r,
        ClauseTopic.PURPOSE,
        adopted_by=Adopter.REPRESENTANTSKAP,
        tally=Tally(votes_for=1, votes_against=0),
        date=date(2026, 4, 23),
    )
    assert _codes(r, "IPR-18-4-AMENDMENT")


def test_amendment_quorum_unknown_is_said_not_guessed(good):
    """§ 18-4 tredje ledd with § 11-9 første ledd: no composition and no date, so the
    membership at the vote is unknown: the answer says the quorum cannot be checked."""
    council = good.councils[0]
    r = _council(good, bodies=(attrs.evolve(council.bodies[0], composition=()),))
    r = _amend(
        r,
        ClauseTopic.PURPOSE,
        adopted_by=Adopter.REPRESENTANTSKAP,
        tally=Tally(votes_for=1, votes_against=0),
    )
    unknown = _codes(r, "IPR-18-4-AMENDMENT-UNKNOWN")
    assert [f.severity for f in unknown] == [Severity.WARNING]
    assert "quorate" in unknown[0].english()


def test_a_participant_with_seats_but_nobody_appointed_is_reported(good):
    """§ 18-3 første ledd: the composition gives Hol two seats, but no member appointed by
    Hol is recorded: every participant must have (elected) at least one member."""
    council = good.councils[0]
    kept = tuple(
        a
        for a in council.appointments
        if not (a.participant == "hol" and a.seat is SeatKind.MEMBER)
    )
    found = _codes(_council(good, appointments=kept), "IPR-18-3-MEMBERS")
    assert [f.severity for f in found] == [Severity.WARNING]


def test_fewer_deputies_appointed_than_members_is_reported(good):
    """§ 18-3 første ledd: Gol has appointed 2 members but only 1 deputy, though the
    composition is lawful: it must elect at least as many deputies as members."""
    council = good.councils[0]
    kept = tuple(a for a in council.appointments if a.id != "gol-deputy-2")
    found = _codes(_council(good, appointments=kept), "IPR-18-3-DEPUTIES")
    assert [f.severity for f in found] == [Severity.WARNING]


def _rules(r: Register, **changes: object) -> Register:
    council = r.councils[0]
    return _council(r, bodies=(attrs.evolve(council.bodies[0], **changes),))


def test_a_default_rule_without_the_chairs_casting_vote_departs_from_the_act(good):
    """§ 11-9 andre ledd: in a tie 'i andre saker enn valg' the chair's vote decides; a
    default rule with no tie-break departs from the act (a warning, interpretation)."""
    r = _rules(good, default_rule=MajorityRule(tie_break=TieBreak.NONE))
    found = _codes(r, "IPR-11-9-MAJORITY-RULE")
    assert [f.severity for f in found] == [Severity.WARNING]
    assert found[0].interpretation


def test_two_thirds_for_fund_allocations_departs_from_the_act(good):
    """§ 11-9 andre ledd: 'flertall av de avgitte stemmene, hvis ikke annet følger av
    lov'; a 2/3 rule for fund allocations is the body's own (a warning)."""
    decision = DecisionRule(
        case_kinds=frozenset({CaseKind.FUND_ALLOCATION}),
        rule=MajorityRule(threshold=Fraction(2, 3), strict=False),
    )
    assert _codes(_rules(good, decision_rules=(decision,)), "IPR-11-9-MAJORITY-RULE")


def test_an_agreements_own_majority_for_amendments_is_lawful(good):
    """§ 18-4 tredje ledd: 'hvis ikke annet er fastsatt i avtalen'; a 3/4 rule for
    amendments is the agreement's lawful choice: no finding."""
    decision = DecisionRule(
        case_kinds=frozenset({CaseKind.AGREEMENT_AMENDMENT}),
        rule=MajorityRule(threshold=Fraction(3, 4), strict=False),
    )
    assert not _codes(_rules(good, decision_rules=(decision,)), "IPR-11-9-MAJORITY-RULE")


def test_the_acts_own_majority_is_quiet(good):
    """§ 11-9 andre ledd: the default rule is the act's; no finding on the lawful register."""
    assert not _codes(good, "IPR-11-9-MAJORITY-RULE")


# --- more regression cases from the act's words -------------------------------------------


@pytest.mark.parametrize(
    ("members", "voted", "quorate"),
    [
        (1, 1, True),
        (2, 1, True),
        (3, 1, False),
        (3, 2, True),
        (7, 3, False),
        (7, 4, True),
        (10, 4, False),
        (10, 5, True),
        (15, 7, False),
        (15, 8, True),
    ],
)
def test_quorum_boundaries(members, voted, quorate):
    """§ 11-9 første ledd: 'minst halvparten' of the members, no rounding down: 7 members
    need 4, 10 need 5, 15 need 8; exactly half is enough."""
    outcome = evaluate(MajorityRule(), Tally(votes_for=voted, votes_against=0), members=members)
    assert outcome.quorate is quorate


def test_a_tie_in_a_hiring_decision_is_decided_by_the_chair():
    """§ 11-9 andre ledd: a hiring decision is not an election; 2-2 with the chair for hires."""
    outcome = evaluate(
        MajorityRule(), Tally(votes_for=2, votes_against=2), members=4, chair_vote=F, hiring=True
    )
    assert outcome.result is ADOPTED
    assert outcome.decided_by is DecidedBy.CASTING_VOTE


def test_a_member_present_who_does_not_vote_breaches_the_duty_to_vote(good):
    """§ 8-1 andre ledd: a member present when the matter is put to the vote must vote."""
    r = _item(
        good,
        votes=_votes(("gol-member-1", F), ("gol-member-2", F), ("hol-member-1", F)),
    )
    assert [f.severity for f in _codes(r, "IPR-8-1-DUTY")] == [Severity.WARNING]


def test_a_vote_by_a_member_recorded_absent_is_an_error(good):
    """§ 11-9 første ledd: only those present vote; a vote by an absent member cannot be."""
    council = good.councils[0]
    attendance = tuple(
        Attendance(person=a.person, status=AttendanceStatus.ABSENT)
        if a.person == "hol-member-2"
        else a
        for a in council.meetings[-1].attendance
    )
    assert _codes(_meeting(good, attendance=attendance), "IPR-DATA-VOTER")


def test_the_agreement_may_reserve_every_amendment_to_the_councils(good):
    """§ 18-4 tredje ledd: 'avtalen kan fastsette at endringer ... vedtas av
    deltakerne'; then a representantskap vote alone does not amend a purpose clause."""
    r = _amend(
        good,
        ClauseTopic.PURPOSE,
        adopted_by=Adopter.REPRESENTANTSKAP,
        tally=Tally(votes_for=4, votes_against=0),
    )
    agreement = r.councils[0].agreements[0]
    r = _council(
        r,
        agreements=(attrs.evolve(agreement, non_core_amendments_by=Adopter.PARTICIPANT_COUNCIL),),
    )
    assert _codes(r, "IPR-18-4-AMENDMENT")


@pytest.mark.parametrize(
    ("votes_for", "votes_against", "lawful"), [(3, 1, True), (2, 1, False)], ids=["3/4", "2/3"]
)
def test_the_agreements_own_majority_for_amendments_is_applied(
    good, votes_for, votes_against, lawful
):
    """§ 18-4 tredje ledd: 'hvis ikke annet er fastsatt i avtalen'; with 3/4 in the
    agreement, 3 of 4 votes cast amend, 2 of 3 (enough under the act's 2/3) do not."""
    r = _amend(
        good,
        ClauseTopic.PURPOSE,
        adopted_by=Adopter.REPRESENTANTSKAP,
        tally=Tally(votes_for=votes_for, votes_against=votes_against),
    )
    agreement = r.councils[0].agreements[0]
    three_quarters = MajorityRule(threshold=Fraction(3, 4), strict=False, tie_break=TieBreak.NONE)
    r = _council(r, agreements=(attrs.evolve(agreement, non_core_amendment_rule=three_quarters),))
    assert bool(_codes(r, "IPR-18-4-AMENDMENT")) is not lawful


def test_a_county_authority_may_take_part_beside_a_municipality(good):
    """§ 18-1 første ledd: 'kommuner eller fylkeskommuner'; Gol and Buskerud fylkeskommune
    make a lawful pair of participants."""
    county = CountyAuthority(id="hol", name=LocalizedText(nb="Buskerud fylkeskommune"))
    r = attrs.evolve(good, participants=(good.participants[0], county))
    assert not _codes(r, "IPR-18-1-PARTICIPANTS")


def test_refused_written_consent_is_an_error(good):
    """§ 7-2 tredje ledd c with fjerde ledd: written consent is the condition of election."""
    council = good.councils[0]
    appointments = tuple(
        attrs.evolve(a, written_consent=False) if a.id == "hol-member-1" else a
        for a in council.appointments
    )
    found = _codes(_council(good, appointments=appointments), "IPR-7-2-CONSENT")
    assert [f.severity for f in found] == [Severity.ERROR]


def test_second_ballot_most_votes_wins_even_below_half():
    """§ 7-8: on the new ballot 'den som får flest stemmer' is elected; Kari 3 of 9 votes
    cast (4 blank) beats Ola 2."""
    election = Election(
        method=ElectionMethod.MAJORITY,
        ballots=(_ballot(blank=1, Kari=4, Ola=4), _ballot(blank=4, Kari=3, Ola=2)),
    )
    result = count_election(election)
    assert [e.name for e in result.elected] == ["Kari"]


def test_forholdsvalg_a_list_with_two_seats_must_give_both_genders():
    """§ 7-6 tredje ledd: a list winning two or three seats must have both genders; A wins
    2 seats with two men on top and a woman third, so the woman moves up."""
    from iprmodel.model import Candidate, ElectionList

    a = ElectionList(
        name="A",
        votes=6,
        candidates=(
            Candidate(name="Ola", gender=Gender.MALE),
            Candidate(name="Per", gender=Gender.MALE),
            Candidate(name="Kari", gender=Gender.FEMALE),
        ),
    )
    b = ElectionList(name="B", votes=1, candidates=(Candidate(name="Siri", gender=Gender.FEMALE),))
    result = count_election(Election(method=ElectionMethod.PROPORTIONAL, seats=2, lists=(a, b)))
    assert sorted(e.name for e in result.elected) == ["Kari", "Ola"]


def test_a_deputy_may_vote_in_a_seat_left_vacant(good):
    """§ 7-10 første ledd: Gol's second member has left (appointment ended) and no new
    member is recorded; the composition still gives Gol two seats, so the deputy who
    votes in the vacant seat beside Gol's remaining member is lawful."""
    council = good.councils[0]
    appointments = tuple(
        attrs.evolve(a, valid_to=date(2026, 1, 31)) if a.id == "gol-member-2" else a
        for a in council.appointments
    )
    r = _council(good, appointments=appointments)
    attendance = tuple(
        a for a in r.councils[0].meetings[-1].attendance if a.person != "gol-member-2"
    )
    r = _meeting(r, attendance=attendance)
    r = _with_deputy(r, "gol-deputy-1")
    r = _item(
        r,
        votes=_votes(
            ("gol-member-1", F), ("gol-deputy-1", F), ("hol-member-1", F), ("hol-member-2", F)
        ),
    )
    assert not _codes(r, "IPR-7-10-DEPUTY-VOTE")


def test_unanimity_for_ordinary_decisions_departs_from_the_act(good):
    """§ 11-9 andre ledd: requiring every member for ordinary decisions is the body's own
    rule, not the act's majority of the votes cast (a warning, interpretation)."""
    assert _codes(_rules(good, default_rule=UnanimityRule()), "IPR-11-9-MAJORITY-RULE")


def test_a_consensus_rule_is_reported_once_as_a_note(good):
    """§ 11-9 andre ledd: a consensus rule is noted by IPR-11-9-CONSENSUS only."""
    r = _rules(good, default_rule=ConsensusRule())
    assert not _codes(r, "IPR-11-9-MAJORITY-RULE")
    assert _codes(r, "IPR-11-9-CONSENSUS")
