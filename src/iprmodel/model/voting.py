# SPDX-License-Identifier: MIT
"""Voting rules (the data; :mod:`iprmodel.rules.voting` evaluates them).

:data:`VotingRule` is a tagged union. The tag strings (``majority``, ``consensus``,
``unanimity``, ``election``) are stable and never derived from class names.

Koml. § 11-9 andre ledd: decisions are made by a majority of the votes cast and the
meeting chair's vote decides a tie, except in elections (koml. § 7-8: lot). Koml.
§ 18-4 tredje ledd: the representantskap amends non-core clauses by at least 2/3 of
votes cast.

>>> from fractions import Fraction
>>> MajorityRule(threshold=Fraction(2, 3), strict=False).threshold
Fraction(2, 3)
"""

from __future__ import annotations

import enum
from fractions import Fraction

import attrs

from iprmodel.model._fields import bool_field, enum_field, fraction_field


class VoteBase(enum.Enum):
    """What a majority is counted against."""

    VOTES_CAST = "votes_cast"
    MEMBERS_PRESENT = "members_present"
    ALL_MEMBERS = "all_members"


class TieBreak(enum.Enum):
    """How a tie is broken."""

    CHAIR = "chair"
    NONE = "none"
    LOT = "lot"


class ConsensusUnit(enum.Enum):
    """Whose agreement a consensus needs."""

    MEMBERS = "members"
    PARTICIPANTS = "participants"


@attrs.frozen(kw_only=True)
class MajorityRule:
    """Adopted when the votes for reach ``threshold`` of ``base``.

    ``strict`` means "more than" (simple majority: more than 1/2); otherwise
    "at least" (2/3 of votes cast, koml. § 18-4 tredje ledd).
    """

    threshold: Fraction = fraction_field(default=Fraction(1, 2), low_open=True)
    strict: bool = bool_field(default=True)
    base: VoteBase = enum_field(VoteBase, default=VoteBase.VOTES_CAST)
    tie_break: TieBreak = enum_field(TieBreak, default=TieBreak.CHAIR)


@attrs.frozen(kw_only=True)
class ConsensusRule:
    """Adopted only when nobody votes against (konsensusprinsippet).

    By ``participants``: every participant's delegation has a vote for and none against.
    """

    unit: ConsensusUnit = enum_field(ConsensusUnit, default=ConsensusUnit.MEMBERS)


@attrs.frozen(kw_only=True)
class UnanimityRule:
    """Every member agrees (written procedure, koml. § 11-8 fjerde ledd)."""

    written: bool = bool_field(default=False)


@attrs.frozen(kw_only=True)
class ElectionRule:
    """Flertallsvalg (koml. § 7-8): more than half of votes cast, second ballot, lot.

    The chair's casting vote never applies to elections (koml. § 11-9).
    """

    second_ballot: bool = bool_field(default=True)


#: A decision rule: tagged ``majority`` / ``consensus`` / ``unanimity`` / ``election``.
VotingRule = MajorityRule | ConsensusRule | UnanimityRule | ElectionRule

VOTING_RULE_TAGS: dict[type, str] = {
    MajorityRule: "majority",
    ConsensusRule: "consensus",
    UnanimityRule: "unanimity",
    ElectionRule: "election",
}


@attrs.frozen(kw_only=True)
class QuorumRule:
    """Vedtaksførhet (koml. § 11-9 første ledd).

    At least ``fraction`` of the members (``inclusive``: "at least") must be present,
    and with ``must_vote`` they must also have voted.
    """

    fraction: Fraction = fraction_field(default=Fraction(1, 2), low_open=True)
    inclusive: bool = bool_field(default=True)
    must_vote: bool = bool_field(default=True)
