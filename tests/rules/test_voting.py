# SPDX-License-Identifier: MIT
"""Voting-rule evaluation: a case table straight from the law and the seeds, plus properties."""

from __future__ import annotations

import random
from datetime import datetime
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from iprmodel.model import (
    AgendaItem,
    Appointment,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    CaseKind,
    ConsensusRule,
    ConsensusUnit,
    Council,
    DecisionRule,
    ElectionRule,
    LocalizedText,
    MajorityRule,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Position,
    QuorumRule,
    RecordedOutcome,
    SeatKind,
    Tally,
    TieBreak,
    UnanimityRule,
    Vote,
    VoteBase,
    VoteChoice,
)
from iprmodel.model._fields import OSLO
from iprmodel.rules.voting import (
    BlankVoteError,
    DecidedBy,
    VoteRecordError,
    draw_lots,
    evaluate,
    evaluate_item,
)

ADOPTED, REJECTED, NOT_QUORATE = (
    RecordedOutcome.ADOPTED,
    RecordedOutcome.REJECTED,
    RecordedOutcome.NOT_QUORATE,
)
SIMPLE = MajorityRule()
TWO_THIRDS = MajorityRule(threshold=Fraction(2, 3), strict=False)
FOR, AGAINST, BLANK = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.BLANK


def tally(votes_for: int, votes_against: int, blank: int = 0) -> Tally:
    return Tally(votes_for=votes_for, votes_against=votes_against, blank=blank)


# (case, rule, tally, members, present, chair vote, expected result, expected decided_by)
CASES = [
    # koml. § 11-9 første ledd: at least half present and voting.
    (
        "exact half of 16 voting is quorate",
        SIMPLE,
        tally(5, 3),
        16,
        8,
        None,
        ADOPTED,
        DecidedBy.MAJORITY,
    ),
    (
        "7 of 16 voting is not quorate",
        SIMPLE,
        tally(5, 2),
        16,
        7,
        None,
        NOT_QUORATE,
        DecidedBy.QUORUM,
    ),
    (
        "present but not voting does not count",
        SIMPLE,
        tally(4, 3),
        16,
        12,
        None,
        NOT_QUORATE,
        DecidedBy.QUORUM,
    ),
    (
        "8 of 16 voting, 4-4, chair for",
        SIMPLE,
        tally(4, 4),
        16,
        8,
        FOR,
        ADOPTED,
        DecidedBy.CASTING_VOTE,
    ),
    ("exact half of 5 (3 needed)", SIMPLE, tally(2, 0), 5, 2, None, NOT_QUORATE, DecidedBy.QUORUM),
    # koml. § 11-9 andre ledd: tie, the meeting chair's vote decides.
    ("tie, chair for", SIMPLE, tally(8, 8), 16, 16, FOR, ADOPTED, DecidedBy.CASTING_VOTE),
    ("tie, chair against", SIMPLE, tally(8, 8), 16, 16, AGAINST, REJECTED, DecidedBy.CASTING_VOTE),
    # A tie by totals without the chair's vote is undetermined, not rejected.
    ("tie, chair absent/unknown", SIMPLE, tally(7, 7), 16, 14, None, None, DecidedBy.PENDING),
    (
        "tie, no tie-break",
        MajorityRule(tie_break=TieBreak.NONE),
        tally(3, 3),
        6,
        6,
        FOR,
        REJECTED,
        DecidedBy.TIE,
    ),
    (
        "one more for than against",
        SIMPLE,
        tally(9, 8),
        17,
        17,
        AGAINST,
        ADOPTED,
        DecidedBy.MAJORITY,
    ),
    # koml. § 18-4 tredje ledd: at least 2/3 of votes cast.
    (
        "2/3 of votes cast at exactly 2/3",
        TWO_THIRDS,
        tally(10, 5),
        16,
        15,
        None,
        ADOPTED,
        DecidedBy.MAJORITY,
    ),
    (
        "2/3 of votes cast, one short",
        TWO_THIRDS,
        tally(9, 5),
        16,
        15,
        None,
        REJECTED,
        DecidedBy.MAJORITY,
    ),
    (
        "more than 2/3 at exactly 2/3 is a tie",
        MajorityRule(threshold=Fraction(2, 3), tie_break=TieBreak.NONE),
        tally(10, 5),
        16,
        15,
        None,
        REJECTED,
        DecidedBy.TIE,
    ),
    # Base: all members (an absolute majority).
    (
        "majority of all members",
        MajorityRule(base=VoteBase.ALL_MEMBERS),
        tally(8, 0),
        16,
        9,
        None,
        REJECTED,
        DecidedBy.TIE,
    ),
    (
        "majority of all members, 9",
        MajorityRule(base=VoteBase.ALL_MEMBERS),
        tally(9, 0),
        16,
        9,
        None,
        ADOPTED,
        DecidedBy.MAJORITY,
    ),
    (
        "majority of members present",
        MajorityRule(base=VoteBase.MEMBERS_PRESENT, tie_break=TieBreak.NONE),
        tally(6, 4),
        16,
        12,
        None,
        REJECTED,
        DecidedBy.TIE,
    ),
    # Consensus (Hallingdal: fund allocation).
    ("consensus", ConsensusRule(), tally(30, 0), 30, 30, None, ADOPTED, DecidedBy.CONSENSUS),
    (
        "consensus broken by one vote against",
        ConsensusRule(),
        tally(29, 1),
        30,
        30,
        None,
        REJECTED,
        DecidedBy.CONSENSUS,
    ),
    # Unanimity (written procedure, koml. § 11-8 fjerde ledd).
    (
        "written: all agree",
        UnanimityRule(written=True),
        tally(6, 0),
        6,
        None,
        None,
        ADOPTED,
        DecidedBy.UNANIMITY,
    ),
    (
        "written: one missing",
        UnanimityRule(written=True),
        tally(5, 0),
        6,
        None,
        None,
        REJECTED,
        DecidedBy.UNANIMITY,
    ),
]


@pytest.mark.parametrize(
    ("rule", "votes", "members", "present", "chair", "result", "decided_by"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_case_table(rule, votes, members, present, chair, result, decided_by):
    """Each case gives the outcome the law gives."""
    outcome = evaluate(rule, votes, members=members, present=present, chair_vote=chair)

    assert (result, decided_by) == (outcome.result, outcome.decided_by)
    assert outcome.reasons, "every outcome explains itself"


def test_blank_vote_in_a_decision_is_an_error():
    """Koml. § 8-1 andre ledd: blank votes only in elections and hiring decisions."""
    with pytest.raises(BlankVoteError, match="neither an election nor a hiring decision"):
        evaluate(SIMPLE, tally(5, 3, blank=1), members=9)
    votes = [Vote(person="a", choice=FOR), Vote(person="b", choice=BLANK)]
    with pytest.raises(BlankVoteError):
        evaluate(ConsensusRule(), votes, members=2)


def test_blank_votes_are_allowed_in_elections_and_counted_as_cast():
    """Blank votes in an election count among the votes cast (koml. § 7-8, § 8-1)."""
    votes = [
        Vote(person="a", choice=FOR, candidate="kari"),
        Vote(person="b", choice=FOR, candidate="kari"),
        Vote(person="c", choice=FOR, candidate="ola"),
        Vote(person="d", choice=BLANK),
        Vote(person="e", choice=BLANK),
    ]
    outcome = evaluate(ElectionRule(), votes, members=5)

    # 2 of 5 votes cast is not more than half: a new ballot, where kari wins.
    assert (outcome.elected, outcome.decided_by) == (None, DecidedBy.PENDING)
    assert outcome.tally.blank == 2
    again = evaluate(ElectionRule(), votes, members=5, second_ballot=votes)
    assert again.elected == "kari"


def test_election_needs_second_ballot_then_most_votes_win():
    """Koml. § 7-8: more than half, else a new ballot where most votes win."""
    first = {"kari": 4, "ola": 4, "per": 3}
    pending = evaluate(ElectionRule(), first, members=11)
    assert (pending.result, pending.decided_by) == (None, DecidedBy.PENDING)
    assert "a new ballot is held" in pending.reasons[-3].english()

    outcome = evaluate(ElectionRule(), first, members=11, second_ballot={"kari": 6, "ola": 5})
    assert (
        outcome.elected,
        outcome.decided_by,
        outcome.result,
    ) == ("kari", DecidedBy.SECOND_BALLOT, ADOPTED)


def test_election_never_uses_the_casting_vote():
    """A tie in the second ballot is decided by lot, not by the chair."""
    outcome = evaluate(
        ElectionRule(),
        {"kari": 5, "ola": 5},
        members=10,
        second_ballot={"kari": 5, "ola": 5},
        seed=42,
        chair_vote=FOR,
    )
    assert DecidedBy.LOT is outcome.decided_by
    assert outcome.elected in {"kari", "ola"}
    assert any("casting vote does not apply" in r.english() for r in outcome.reasons)


def test_lot_is_deterministic_from_the_seed():
    """The same seed gives the same draw; different seeds reach both options."""
    rule = MajorityRule(tie_break=TieBreak.LOT)
    results = {seed: evaluate(rule, tally(4, 4), members=8, seed=seed).result for seed in range(20)}
    again = {seed: evaluate(rule, tally(4, 4), members=8, seed=seed).result for seed in range(20)}

    assert results == again
    assert {ADOPTED, REJECTED} == set(results.values())
    assert draw_lots(3, ["x", "y", "z"]) == draw_lots(3, ["z", "y", "x"])
    no_seed = evaluate(rule, tally(4, 4), members=8)
    assert (no_seed.result, no_seed.decided_by) == (None, DecidedBy.PENDING)


def test_consensus_by_participants():
    """Every participant's delegation for, none against."""
    delegations = {"a1": "gol", "a2": "gol", "b1": "hol", "c1": "al"}
    rule = ConsensusRule(unit=ConsensusUnit.PARTICIPANTS)
    all_for = [Vote(person=p, choice=FOR) for p in delegations]
    assert ADOPTED is evaluate(rule, all_for, members=4, delegations=delegations).result

    one_against = [*all_for[:3], Vote(person="c1", choice=AGAINST)]
    broken = evaluate(rule, one_against, members=4, delegations=delegations)
    assert REJECTED is broken.result
    assert "al" in broken.reasons[-1].english()

    # Hol present but silent in the vote: no consensus among participants.
    silent = [Vote(person=p, choice=FOR) for p in ("a1", "a2", "c1")]
    missing = evaluate(rule, silent, members=4, delegations=delegations)
    assert REJECTED is missing.result
    assert "hol" in missing.reasons[-1].english()

    with pytest.raises(VoteRecordError, match="delegations"):
        evaluate(rule, tally(4, 0), members=4, delegations=delegations)


@pytest.mark.parametrize(
    ("votes", "members", "present", "message"),
    [
        (tally(10, 8), 16, None, "only 16 members"),
        (tally(5, 3), 16, 7, "only 7 members were present"),
        (
            [Vote(person="a", choice=FOR), Vote(person="a", choice=AGAINST)],
            3,
            None,
            "more than once",
        ),
    ],
)
def test_impossible_records_are_errors(votes, members, present, message):
    """Numbers that cannot be right raise a clear error."""
    with pytest.raises(VoteRecordError, match=message):
        evaluate(SIMPLE, votes, members=members, present=present)


def test_chair_vote_must_match_the_tally():
    """A chair voting for with no vote for counted is a contradiction."""
    with pytest.raises(VoteRecordError, match="chair"):
        evaluate(SIMPLE, tally(0, 4), members=4, chair_vote=FOR)


def test_explain_in_every_locale():
    """Reasons and paragraphs render in nb, nn and en."""
    outcome = evaluate(SIMPLE, tally(8, 8), members=16, chair_vote=FOR)

    assert "møtelederens stemme avgjør" in " ".join(outcome.explain("nb"))
    assert "stemma til møteleiaren avgjer" in " ".join(outcome.explain("nn"))
    assert "the chair's vote decides a tie" in " ".join(outcome.explain("en"))
    assert outcome.reference_texts("nb") == ("koml. § 11-9 første ledd", "koml. § 11-9 andre ledd")
    assert "koml. § 11-9 second paragraph" in outcome.reference_texts("en")


# -- Hallingdal: fund allocation by consensus, else majority with the chair's casting vote --


def _hallingdal() -> tuple[Council, Meeting]:
    body = Body(
        id="regionradet",
        kind=BodyKind.COUNCIL_BOARD,
        name=LocalizedText(nn="Regionrådet for Hallingdal"),
        default_rule=MajorityRule(),
        decision_rules=(
            DecisionRule(case_kinds=frozenset({CaseKind.FUND_ALLOCATION}), rule=ConsensusRule()),
        ),
    )
    places = ["fla", "nesbyen", "gol", "hemsedal", "al", "hol"]
    appointments = tuple(
        Appointment(
            id=f"ordforar-{p}",
            person=f"ordforar-{p}",
            body="regionradet",
            participant=p,
            seat=SeatKind.MEMBER,
            position=Position.CHAIR if p == "gol" else Position.MEMBER,
        )
        for p in places
    )
    council = Council(
        id="hallingdal",
        formal_name=LocalizedText(nn="Hallingdal interkommunalt politisk råd"),
        bodies=(body,),
        appointments=appointments,
    )
    meeting = Meeting(
        id="rr-1",
        body="regionradet",
        number=1,
        start=datetime(2026, 3, 5, 10, tzinfo=OSLO),
        end=datetime(2026, 3, 5, 14, tzinfo=OSLO),
        modified=datetime(2026, 1, 1, tzinfo=OSLO),
        status=MeetingStatus.HELD,
        attendance=tuple(
            Attendance(person=f"ordforar-{p}", status=AttendanceStatus.PRESENT) for p in places
        ),
    )
    return council, meeting


def _votes(for_: list[str], against: list[str]) -> tuple[Vote, ...]:
    return tuple(Vote(person=f"ordforar-{p}", choice=FOR) for p in for_) + tuple(
        Vote(person=f"ordforar-{p}", choice=AGAINST) for p in against
    )


def test_hallingdal_fund_allocation_needs_consensus():
    """One mayor against blocks a fund allocation even with a 5-1 majority."""
    council, meeting = _hallingdal()
    item = AgendaItem(
        id="s1",
        order=1,
        number="RR 1/26",
        title="Tildeling frå næringsfond",
        kind=CaseKind.FUND_ALLOCATION,
        votes=_votes(["fla", "nesbyen", "gol", "hemsedal", "al"], ["hol"]),
    )
    outcome = evaluate_item(council, meeting, item)
    assert outcome is not None
    assert (outcome.result, outcome.decided_by) == (REJECTED, DecidedBy.CONSENSUS)


def test_hallingdal_other_matters_majority_with_chair_casting_vote():
    """3-3 with the chair (Gol) for: adopted by the casting vote."""
    council, meeting = _hallingdal()
    item = AgendaItem(
        id="s2",
        order=2,
        number="RR 2/26",
        title="Uttale",
        kind=CaseKind.STATEMENT,
        votes=_votes(["gol", "al", "hol"], ["fla", "nesbyen", "hemsedal"]),
    )
    outcome = evaluate_item(council, meeting, item)
    assert outcome is not None
    assert (outcome.result, outcome.decided_by) == (ADOPTED, DecidedBy.CASTING_VOTE)


def test_item_without_votes_gives_none_and_written_meeting_needs_all():
    """Orientation items have no outcome; a written procedure needs every member."""
    council, meeting = _hallingdal()
    orientation = AgendaItem(
        id="o", order=1, number="1", title="Orientering", kind=CaseKind.ORIENTATION
    )
    assert evaluate_item(council, meeting, orientation) is None

    written = Meeting(
        id="rr-w",
        body="regionradet",
        number=2,
        start=datetime(2026, 3, 9, 9, tzinfo=OSLO),
        end=datetime(2026, 3, 10, 9, tzinfo=OSLO),
        modified=datetime(2026, 1, 1, tzinfo=OSLO),
        mode=MeetingMode.WRITTEN,
    )
    item = AgendaItem(id="w", order=1, number="2", title="Hastesak", tally=tally(5, 0))
    outcome = evaluate_item(council, written, item)
    assert outcome is not None
    assert (outcome.result, outcome.decided_by) == (REJECTED, DecidedBy.UNANIMITY)


def test_disqualified_members_do_not_count_as_present():
    """Koml. § 11-10: a disqualified member is absent for the item; 3 of 6 left still quorate."""
    council, meeting = _hallingdal()
    item = AgendaItem(
        id="s3",
        order=3,
        number="3",
        title="Sak",
        votes=_votes(["gol", "al"], ["hol"]),
        disqualified=("ordforar-fla", "ordforar-nesbyen", "ordforar-hemsedal"),
    )
    outcome = evaluate_item(council, meeting, item)
    assert outcome is not None
    assert ADOPTED is outcome.result


# -- properties ----------------------------------------------------------------------------

rules = st.one_of(
    st.builds(
        MajorityRule,
        threshold=st.sampled_from([Fraction(1, 2), Fraction(2, 3), Fraction(3, 4), Fraction(1)]),
        strict=st.booleans(),
        base=st.sampled_from(list(VoteBase)),
        tie_break=st.sampled_from(list(TieBreak)),
    ),
    st.just(ConsensusRule()),
    st.just(UnanimityRule()),
)


@st.composite
def situations(draw):
    members = draw(st.integers(min_value=1, max_value=25))
    present = draw(st.integers(min_value=0, max_value=members))
    votes_for = draw(st.integers(min_value=0, max_value=present))
    votes_against = draw(st.integers(min_value=0, max_value=present - votes_for))
    chair = draw(st.sampled_from([None, FOR, AGAINST]))
    if (chair is FOR and not votes_for) or (chair is AGAINST and not votes_against):
        chair = None
    return members, present, votes_for, votes_against, chair


@settings(max_examples=100, deadline=None)
@given(rule=rules, situation=situations(), seed=st.integers(min_value=0, max_value=5))
def test_adding_a_vote_for_never_turns_adopted_into_rejected(rule, situation, seed):
    """Monotonicity: one more vote for, from a member present who had not voted or a new one."""
    members, present, votes_for, votes_against, chair = situation
    before = evaluate(
        rule,
        tally(votes_for, votes_against),
        members=members,
        present=present,
        chair_vote=chair,
        seed=seed,
    )
    if votes_for + votes_against >= members:
        return
    after = evaluate(
        rule,
        tally(votes_for + 1, votes_against),
        members=members,
        present=max(present, votes_for + votes_against + 1),
        chair_vote=chair,
        seed=seed,
    )
    if before.adopted:
        assert after.adopted


@settings(max_examples=100, deadline=None)
@given(
    rule=st.one_of(rules, st.just(ConsensusRule(unit=ConsensusUnit.PARTICIPANTS))),
    choices=st.lists(st.sampled_from([FOR, AGAINST]), min_size=1, max_size=12),
    shuffle_seed=st.integers(),
)
def test_vote_order_never_matters(rule, choices, shuffle_seed):
    """The same votes in any order give the same outcome."""
    votes = [Vote(person=f"p{i}", choice=c) for i, c in enumerate(choices)]
    delegations = {f"p{i}": f"kommune-{i % 3}" for i in range(len(choices))}
    shuffled = list(votes)
    random.Random(shuffle_seed).shuffle(shuffled)
    members = len(votes) + 2
    first = evaluate(rule, votes, members=members, delegations=delegations, seed=1)
    second = evaluate(rule, shuffled, members=members, delegations=delegations, seed=1)

    assert first == second


@settings(max_examples=100, deadline=None)
@given(situation=situations(), quorum=st.sampled_from([QuorumRule(), None]))
def test_consensus_implies_majority(situation, quorum):
    """Whatever consensus adopts, a simple majority of votes cast adopts too."""
    members, present, votes_for, votes_against, _ = situation
    votes = tally(votes_for, votes_against)
    consensus = evaluate(ConsensusRule(), votes, members=members, present=present, quorum=quorum)
    majority = evaluate(SIMPLE, votes, members=members, present=present, quorum=quorum)
    if consensus.adopted:
        assert majority.adopted
