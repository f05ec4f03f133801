# SPDX-License-Identifier: MIT
"""Decisions in agenda items, from the law's wording: hiring, who chairs, ties, quorum base.

* koml. § 8-1 andre ledd: "Ved valg og ansettelser kan det stemmes blankt."
* koml. § 11-2 tredje ledd: the chair or deputy chair leads the meeting; if both are
  absent, an acting chair is elected.
* koml. § 11-9 andre ledd: "Ved stemmelikhet ... er møteleders stemme avgjørende."
* koml. § 11-9 første ledd: at least half of the members present and voting.
"""

from __future__ import annotations

import attrs
import pytest

from iprmodel.model import (
    Attendance,
    AttendanceStatus,
    CaseKind,
    Delegation,
    MajorityRule,
    Position,
    RecordedOutcome,
    Register,
    Tally,
    Vote,
    VoteChoice,
)
from iprmodel.rules.decisions import BlankVoteError, DecidedBy, evaluate, evaluate_item
from iprmodel.rules.findings import Severity
from iprmodel.rules.law import check

FOR, AGAINST, BLANK = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.BLANK


def _with(
    register: Register,
    *,
    meeting: dict | None = None,
    item: dict | None = None,
    council: dict | None = None,
) -> Register:
    c = register.councils[0]
    m = c.meetings[0]
    i = attrs.evolve(m.agenda[0], **(item or {}))
    m = attrs.evolve(m, agenda=(i,), **(meeting or {}))
    c = attrs.evolve(c, meetings=(m,), **(council or {}))
    return attrs.evolve(register, councils=(c,))


def _outcome(register: Register):
    c = register.councils[0]
    return evaluate_item(c, c.meetings[0], c.meetings[0].agenda[0])


def _votes(**choices: VoteChoice) -> tuple[Vote, ...]:
    return tuple(Vote(person=p.replace("_", "-"), choice=c) for p, c in choices.items())


def _deputy_chair(register: Register, person: str = "hol-member-1") -> Register:
    c = register.councils[0]
    appointments = tuple(
        attrs.evolve(a, position=Position.DEPUTY_CHAIR) if a.id == person else a
        for a in c.appointments
    )
    return _with(register, council={"appointments": appointments})


def _codes(register: Register) -> dict[str, set[Severity]]:
    found: dict[str, set[Severity]] = {}
    for f in check(register):
        found.setdefault(f.code, set()).add(f.severity)
    return found


# -- § 8-1 andre ledd: hiring decisions ---------------------------------------------


def test_blank_votes_are_allowed_in_a_hiring_decision():
    """Ved ansettelser kan det stemmes blankt: counted as not cast, the rest decide."""
    outcome = evaluate(
        MajorityRule(), Tally(votes_for=3, votes_against=1, blank=1), members=5, hiring=True
    )
    assert outcome.result is RecordedOutcome.ADOPTED
    assert "blank" in outcome.explain("en")[-2]
    with pytest.raises(BlankVoteError):
        evaluate(MajorityRule(), Tally(votes_for=3, votes_against=1, blank=1), members=5)


def test_a_hiring_item_with_a_blank_vote_is_lawful(good):
    """An agenda item of kind 'hiring' with a blank vote: no IPR-8-1-BLANK, adopted."""
    votes = _votes(gol_member_1=FOR, gol_member_2=FOR, hol_member_1=FOR, hol_member_2=BLANK)
    hiring = _with(good, item={"kind": CaseKind.HIRING, "votes": votes})
    assert _outcome(hiring).result is RecordedOutcome.ADOPTED
    assert "IPR-8-1-BLANK" not in _codes(hiring)
    decision = _with(good, item={"votes": votes})
    assert _codes(decision)["IPR-8-1-BLANK"] == {Severity.WARNING}


def test_the_blank_vote_message_does_not_ask_to_rewrite_the_minutes(good):
    """The minutes record what was done: the message explains the law, not 'record as for'."""
    decision = _with(
        good, item={"votes": (), "tally": Tally(votes_for=3, votes_against=0, blank=1)}
    )
    finding = next(f for f in check(decision) if f.code == "IPR-8-1-BLANK")
    for locale in ("en", "nb", "nn"):
        text = finding.message(locale)
        assert "Record each vote" not in text
        assert "Før hver stemme" not in text
    assert "ansettelser" in finding.message("nb")
    assert "tilsetjingar" in finding.message("nn")


# -- who has the casting vote ------------------------------------------------------


def _tie_with_chair_disqualified(good: Register, deputy_chair_vote: VoteChoice) -> Register:
    """gol-member-1 (chair) is disqualified; gol-deputy-1 stands in; 2 against 2."""
    register = _deputy_chair(good)
    meeting = register.councils[0].meetings[0]
    attendance = (
        *meeting.attendance,
        Attendance(person="gol-deputy-1", status=AttendanceStatus.PRESENT),
    )
    votes = _votes(
        gol_member_2=FOR,
        hol_member_1=deputy_chair_vote,
        hol_member_2=AGAINST,
        gol_deputy_1=FOR if deputy_chair_vote is AGAINST else AGAINST,
    )
    return _with(
        register,
        meeting={"attendance": attendance},
        item={"votes": votes, "disqualified": ("gol-member-1",)},
    )


@pytest.mark.parametrize(
    ("vote", "result"), [(FOR, RecordedOutcome.ADOPTED), (AGAINST, RecordedOutcome.REJECTED)]
)
def test_deputy_chair_decides_a_tie_when_the_chair_is_disqualified(good, vote, result):
    """§ 11-9 andre ledd with § 11-2 tredje ledd: the deputy chair chairs the item."""
    outcome = _outcome(_tie_with_chair_disqualified(good, vote))
    assert (outcome.result, outcome.decided_by) == (result, DecidedBy.CASTING_VOTE)


def test_elected_acting_chair_decides_a_tie(good):
    """Chair and deputy chair absent: the acting chair elected for the meeting decides."""
    register = _deputy_chair(good)
    meeting = register.councils[0].meetings[0]
    attendance = (
        *(
            attrs.evolve(a, status=AttendanceStatus.ABSENT)
            if a.person in ("gol-member-1", "hol-member-1")
            else a
            for a in meeting.attendance
        ),
        Attendance(
            person="gol-deputy-1", status=AttendanceStatus.PRESENT, substitute_for="gol-member-1"
        ),
        Attendance(
            person="hol-deputy-1", status=AttendanceStatus.PRESENT, substitute_for="hol-member-1"
        ),
    )
    votes = _votes(gol_member_2=FOR, hol_member_2=AGAINST, gol_deputy_1=AGAINST, hol_deputy_1=FOR)
    acting = _with(
        register,
        meeting={"attendance": attendance, "acting_chair": "hol-deputy-1"},
        item={"votes": votes},
    )
    outcome = _outcome(acting)
    assert (outcome.result, outcome.decided_by) == (RecordedOutcome.ADOPTED, DecidedBy.CASTING_VOTE)
    # Without the acting chair recorded nobody is known to chair: undetermined.
    unknown = _with(register, meeting={"attendance": attendance}, item={"votes": votes})
    assert _outcome(unknown).result is None


def test_item_chair_overrides_the_meeting_chair(good):
    """``chaired_by`` names whoever chaired the item; their vote decides the tie."""
    votes = _votes(gol_member_1=FOR, gol_member_2=FOR, hol_member_1=AGAINST, hol_member_2=AGAINST)
    by_chair = _with(good, item={"votes": votes})
    assert _outcome(by_chair).result is RecordedOutcome.ADOPTED
    by_other = _with(good, item={"votes": votes, "chaired_by": "hol-member-2"})
    assert _outcome(by_other).result is RecordedOutcome.REJECTED


# -- a tie by totals only -------------------------------------------------------------


def test_a_tie_by_totals_is_undetermined_and_only_warned(good):
    """Totals 2-2 without the chair's vote: no error contradicting the minutes, a warning."""
    for recorded in (RecordedOutcome.ADOPTED, RecordedOutcome.REJECTED):
        tie = _with(
            good,
            item={"votes": (), "tally": Tally(votes_for=2, votes_against=2), "outcome": recorded},
        )
        outcome = _outcome(tie)
        assert (outcome.result, outcome.decided_by) == (None, DecidedBy.PENDING)
        found = _codes(tie)
        assert found.get("IPR-11-9-CHAIR-VOTE") == {Severity.WARNING}
        assert "IPR-11-9-OUTCOME" not in found
        assert Severity.ERROR not in {s for v in found.values() for s in v}


def test_a_tie_with_the_chairs_vote_recorded_is_not_warned(good):
    votes = _votes(gol_member_1=AGAINST, gol_member_2=FOR, hol_member_1=FOR, hol_member_2=AGAINST)
    tie = _with(good, item={"votes": votes, "outcome": RecordedOutcome.REJECTED})
    assert "IPR-11-9-CHAIR-VOTE" not in _codes(tie)
    assert check(tie) == ()


# -- elections and the casting vote ------------------------------------------------


def test_casting_vote_recorded_in_a_decision_is_quiet(good):
    """The chair's double vote is lawful outside elections."""
    assert "IPR-11-9-CASTING-VOTE" not in _codes(_with(good, item={"casting_vote": True}))


# -- § 8-1 andre ledd: the duty to vote ------------------------------------------------


def test_a_member_excused_for_the_item_has_no_duty_to_vote(good):
    votes = tuple(
        v for v in good.councils[0].meetings[0].agenda[0].votes if v.person != "hol-member-2"
    )
    excused = _with(good, item={"votes": votes, "excused": ("hol-member-2",)})
    assert "IPR-8-1-DUTY" not in _codes(excused)


def test_a_deputy_present_without_standing_in_has_no_duty_to_vote(good):
    meeting = good.councils[0].meetings[0]
    attendance = (
        *meeting.attendance,
        Attendance(person="gol-deputy-1", status=AttendanceStatus.PRESENT),
    )
    assert "IPR-8-1-DUTY" not in _codes(_with(good, meeting={"attendance": attendance}))


# -- § 11-9 første ledd: the quorum's base ---------------------------------------------


def test_quorum_counts_the_seats_the_agreement_sets(good):
    """Composition 3 per participant (6 seats), 4 filled, 3 vote: 3 of 6 is quorate, 2 is not.

    Interpretation: an empty seat does not lower the quorum; the outcome says so.
    """
    c = good.councils[0]
    body = attrs.evolve(c.bodies[0], composition=(Delegation(members=3, deputies=3),))
    register = attrs.evolve(good, councils=(attrs.evolve(c, bodies=(body,)),))
    two = _with(register, item={"votes": _votes(gol_member_1=FOR, hol_member_1=FOR)})
    outcome = _outcome(two)
    assert outcome.result is RecordedOutcome.NOT_QUORATE
    assert "interpretation" in outcome.explain("en")[0]
    assert "tolking" in outcome.explain("nn")[0]
    finding = next(f for f in check(two) if f.code == "IPR-11-9-QUORUM")
    assert finding.interpretation
    three = _with(
        register, item={"votes": _votes(gol_member_1=FOR, gol_member_2=FOR, hol_member_1=FOR)}
    )
    assert _outcome(three).result is RecordedOutcome.ADOPTED
