# SPDX-License-Identifier: MIT
"""Evaluate a vote under a voting rule: the public names, kept where callers know them.

The code lives in :mod:`iprmodel.rules.decisions` (and, for elections, its
``election_block`` module); this module re-exports it so that
``iprmodel.rules.voting.evaluate`` and the other names keep working.

>>> from iprmodel.model import MajorityRule, Tally, VoteChoice
>>> evaluate(MajorityRule(), Tally(votes_for=8, votes_against=8),
...          members=16, chair_vote=VoteChoice.FOR).decided_by.value
'casting_vote'
"""

from __future__ import annotations

from iprmodel.rules.decisions import (
    NON_CORE_AMENDMENT_RULE,
    BlankVoteError,
    DecidedBy,
    MeetingSeats,
    Outcome,
    VoteRecordError,
    delegation,
    draw_lots,
    evaluate,
    evaluate_item,
    fixed_seats,
    meeting_seats,
    members_on,
    rule_for_item,
    seat_index,
)

# Kept for callers of the old private helper (``rules.law`` used it).
from iprmodel.rules.decisions.items import _evaluate_item as _evaluate_item

__all__ = [
    "NON_CORE_AMENDMENT_RULE",
    "BlankVoteError",
    "DecidedBy",
    "MeetingSeats",
    "Outcome",
    "VoteRecordError",
    "delegation",
    "draw_lots",
    "evaluate",
    "evaluate_item",
    "fixed_seats",
    "meeting_seats",
    "members_on",
    "rule_for_item",
    "seat_index",
]
