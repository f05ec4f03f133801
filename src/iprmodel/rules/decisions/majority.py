# SPDX-License-Identifier: MIT
"""Majority (fleirtal, koml. § 11-9 andre ledd) and the meeting chair's casting vote.

A tie is broken by the vote of whoever chairs the item; when that vote is not recorded
the outcome is not determined yet (``result`` ``None``, decided by ``pending``).
"""

from __future__ import annotations

from iprmodel.model import MajorityRule, RecordedOutcome, Tally, TieBreak, VoteBase, VoteChoice
from iprmodel.rules._text import N_, Message, Ref, Word
from iprmodel.rules.decisions.counting import needed
from iprmodel.rules.decisions.election_block import draw_lots
from iprmodel.rules.decisions.outcome import (
    BLANK_REF,
    MAJORITY_REF,
    DecidedBy,
    Decision,
    blank_error,
)

__all__ = ["majority"]

_BASE_WORDS: dict[VoteBase, Word] = {
    VoteBase.VOTES_CAST: Word(N_("the votes cast")),
    VoteBase.MEMBERS_PRESENT: Word(N_("the members present")),
    VoteBase.ALL_MEMBERS: Word(N_("all members")),
}


def majority(
    rule: MajorityRule,
    tally: Tally,
    *,
    members: int,
    present: int,
    chair_vote: VoteChoice | None,
    seed: int | None,
    blank_allowed: bool = False,
) -> Decision:
    """Decide ``tally`` under ``rule``; ``blank_allowed`` for hiring decisions (§ 8-1)."""
    if tally.blank and not blank_allowed:
        raise blank_error(tally.blank)
    if rule.base is VoteBase.VOTES_CAST:
        base = tally.votes_for + tally.votes_against
    elif rule.base is VoteBase.MEMBERS_PRESENT:
        base = present
    else:
        base = members
    counted = Message.of(
        N_("{votes_for} voted for and {votes_against} against."),
        votes_for=tally.votes_for,
        votes_against=tally.votes_against,
    )
    refs: tuple[Ref, ...] = (MAJORITY_REF,)
    if tally.blank:
        counted = Message.of(
            N_(
                "{votes_for} voted for and {votes_against} against; {blank} blank vote(s),"
                " allowed in a hiring decision, are not counted among the votes cast"
                " (interpretation: the act does not say whether a blank vote is one of"
                ' "de avgitte stemmene").'
            ),
            votes_for=tally.votes_for,
            votes_against=tally.votes_against,
            blank=tally.blank,
        )
        refs = (MAJORITY_REF, BLANK_REF)
    if base == 0:
        return Decision(
            result=RecordedOutcome.REJECTED,
            decided_by=DecidedBy.MAJORITY,
            reasons=(counted, Message.of(N_("No votes were cast, so nothing was adopted."))),
            references=refs,
        )
    # Integer cross-multiplication: votes_for / base against threshold, exactly.
    lhs = tally.votes_for * rule.threshold.denominator
    rhs = rule.threshold.numerator * base
    least = needed(rule.threshold, base, strict=rule.strict)
    need = Message.of(
        N_(
            "The proposal needs more than {threshold} of {base} ({count}), that is at least"
            " {needed} votes for; it got {votes_for}."
        )
        if rule.strict
        else N_(
            "The proposal needs at least {threshold} of {base} ({count}), that is at least"
            " {needed} votes for; it got {votes_for}."
        ),
        threshold=rule.threshold,
        base=_BASE_WORDS[rule.base],
        count=base,
        needed=least,
        votes_for=tally.votes_for,
    )
    tied = rule.strict and lhs == rhs
    if not tied:
        adopted = lhs > rhs if rule.strict else lhs >= rhs
        return Decision(
            result=RecordedOutcome.ADOPTED if adopted else RecordedOutcome.REJECTED,
            decided_by=DecidedBy.MAJORITY,
            reasons=(counted, need),
            references=refs,
        )
    tie = Message.of(
        N_("The votes are tied: exactly {threshold} of {base}."),
        threshold=rule.threshold,
        base=_BASE_WORDS[rule.base],
    )
    if rule.tie_break is TieBreak.CHAIR:
        if chair_vote is VoteChoice.FOR:
            return Decision(
                result=RecordedOutcome.ADOPTED,
                decided_by=DecidedBy.CASTING_VOTE,
                reasons=(
                    counted,
                    tie,
                    Message.of(
                        N_(
                            "The meeting chair voted for, and the chair's vote decides a tie:"
                            " the proposal is adopted."
                        )
                    ),
                ),
                references=refs,
            )
        if chair_vote is VoteChoice.AGAINST:
            return Decision(
                result=RecordedOutcome.REJECTED,
                decided_by=DecidedBy.CASTING_VOTE,
                reasons=(
                    counted,
                    tie,
                    Message.of(
                        N_(
                            "The meeting chair voted against, and the chair's vote decides a"
                            " tie: the proposal is not adopted."
                        )
                    ),
                ),
                references=refs,
            )
        if tally.votes_for != tally.votes_against:
            # At the threshold, but not "stemmelikhet": no casting vote to wait for.
            return Decision(
                result=RecordedOutcome.REJECTED,
                decided_by=DecidedBy.TIE,
                reasons=(
                    counted,
                    tie,
                    Message.of(
                        N_("This rule does not break ties, so the proposal is not adopted.")
                    ),
                ),
                references=refs,
            )
        # Lawful minutes may give totals only: the tie is then undetermined, not lost.
        return Decision(
            result=None,
            decided_by=DecidedBy.PENDING,
            reasons=(
                counted,
                tie,
                Message.of(
                    N_(
                        "The vote of whoever chaired the item decides the tie, and it is not"
                        " recorded, so the outcome cannot be determined from the votes. Record"
                        " how the meeting chair voted."
                    )
                ),
            ),
            references=refs,
        )
    if rule.tie_break is TieBreak.LOT:
        if seed is None:
            return Decision(
                result=None,
                decided_by=DecidedBy.PENDING,
                reasons=(
                    counted,
                    tie,
                    Message.of(N_("Lots must be drawn to break the tie; no draw is recorded.")),
                ),
                references=refs,
            )
        drawn = draw_lots(seed, [RecordedOutcome.ADOPTED.value, RecordedOutcome.REJECTED.value])
        result = RecordedOutcome(drawn)
        return Decision(
            result=result,
            decided_by=DecidedBy.LOT,
            reasons=(
                counted,
                tie,
                Message.of(
                    N_("Lots were drawn (seed {seed}): the proposal is adopted.")
                    if result is RecordedOutcome.ADOPTED
                    else N_("Lots were drawn (seed {seed}): the proposal is not adopted."),
                    seed=seed,
                ),
            ),
            references=refs,
        )
    return Decision(
        result=RecordedOutcome.REJECTED,
        decided_by=DecidedBy.TIE,
        reasons=(
            counted,
            tie,
            Message.of(N_("This rule does not break ties, so the proposal is not adopted.")),
        ),
        references=refs,
    )
