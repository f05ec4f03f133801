# SPDX-License-Identifier: MIT
"""Counting votes and the quorum (vedtaksførleik, koml. § 11-9 første ledd).

>>> needed(Fraction(1, 2), 16, strict=False)
8
>>> lawful_quorum(QuorumRule(fraction=Fraction(1, 3))) == QuorumRule()
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

from iprmodel.model import QuorumRule, Tally, Vote, VoteChoice
from iprmodel.rules._text import N_, Message
from iprmodel.rules.decisions.outcome import VoteRecordError

__all__ = [
    "ACT_QUORUM",
    "check_counts",
    "count",
    "lawful_quorum",
    "needed",
    "quorum",
    "weaker_than_act",
]


#: The act's quorum: at least half of the members present and voting (koml. § 11-9 første ledd).
ACT_QUORUM = QuorumRule()


def weaker_than_act(rule: QuorumRule) -> bool:
    """Whether ``rule`` lets a body decide with fewer members than the act allows.

    Koml. § 11-9 første ledd is a minimum: "kan bare treffe vedtak hvis minst halvparten
    av medlemmene har vært til stede ... og har avgitt stemme". A stricter rule
    (more than half, two thirds) is the body's own; a weaker one is unlawful.
    """
    return rule.fraction < ACT_QUORUM.fraction or not rule.must_vote


def lawful_quorum(rule: QuorumRule | None) -> QuorumRule | None:
    """``rule``, or the act's quorum where ``rule`` is weaker (``None`` stays ``None``)."""
    if rule is None or not weaker_than_act(rule):
        return rule
    if rule.fraction < ACT_QUORUM.fraction:
        return ACT_QUORUM
    return QuorumRule(fraction=rule.fraction, inclusive=rule.inclusive, must_vote=True)


def count(votes: Sequence[Vote]) -> Tally:
    seen: set[str] = set()
    counts: Counter[VoteChoice] = Counter()
    for vote in votes:
        if vote.person in seen:
            raise VoteRecordError("{person} voted more than once", person=vote.person)
        seen.add(vote.person)
        counts[vote.choice] += 1
    return Tally(
        votes_for=counts[VoteChoice.FOR],
        votes_against=counts[VoteChoice.AGAINST],
        blank=counts[VoteChoice.BLANK],
    )


def check_counts(tally: Tally, members: int, present: int | None) -> int:
    """The number of members who voted; raise when the numbers cannot be right."""
    if isinstance(members, bool) or not isinstance(members, int) or members < 1:
        raise VoteRecordError(
            "members must be a whole number of at least 1, got {value}", value=members
        )
    voted = tally.votes_for + tally.votes_against + tally.blank
    if voted > members:
        raise VoteRecordError(
            "{voted} votes were cast but the body has only {members} members",
            voted=voted,
            members=members,
        )
    if present is not None:
        if present > members:
            raise VoteRecordError(
                "{present} members present but the body has only {members} members",
                present=present,
                members=members,
            )
        if voted > present:
            raise VoteRecordError(
                "{voted} votes were cast but only {present} members were present",
                voted=voted,
                present=present,
            )
    return voted


def needed(fraction: Fraction, total: int, *, strict: bool) -> int:
    """The smallest count that reaches ``fraction`` of ``total`` ("more than" if strict)."""
    quotient, remainder = divmod(fraction.numerator * total, fraction.denominator)
    if strict:
        return quotient + 1
    return quotient + (1 if remainder else 0)


def quorum(
    quorum: QuorumRule | None, *, members: int, present: int, voted: int
) -> tuple[bool, Message | None]:
    if quorum is None:
        return True, None
    counted = voted if quorum.must_vote else present
    least = needed(quorum.fraction, members, strict=not quorum.inclusive)
    ok = counted >= least
    if quorum.must_vote:
        template = (
            N_("{voted} of {members} members voted; {needed} must vote for a quorum.")
            if ok
            else N_(
                "Only {voted} of {members} members voted; {needed} must vote for a quorum,"
                " so no valid decision was made."
            )
        )
        return ok, Message.of(template, voted=counted, members=members, needed=least)
    template = (
        N_("{present} of {members} members were present; {needed} are needed for a quorum.")
        if ok
        else N_(
            "Only {present} of {members} members were present; {needed} are needed for a"
            " quorum, so no valid decision was made."
        )
    )
    return ok, Message.of(template, present=counted, members=members, needed=least)
