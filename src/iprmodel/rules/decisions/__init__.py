# SPDX-License-Identifier: MIT
"""Evaluate a vote under a voting rule (avstemning, vedtaksførleik, fleirtal).

The law, as encoded here, module by module:

* **Quorum** (vedtaksførhet, koml. § 11-9 første ledd, :mod:`.counting`): at least half
  of the members must be present *and have voted* in the matter. "Members" are the
  seats the agreement sets, not the seats filled today (interpretation).
* **Majority** (koml. § 11-9 andre ledd, :mod:`.majority`): a majority of the votes
  cast; when for and against are equal the vote of whoever chairs the item decides (the
  chair, else the deputy chair or an elected acting chair, koml. § 11-2 tredje ledd). A
  tie recorded by totals only, without that vote, is not determined (``result`` ``None``).
* **Elections** (flertallsvalg, koml. § 7-8): :mod:`.election_block`; never the
  chair's casting vote.
* **Blank votes** are allowed only in elections and hiring decisions (koml. § 8-1 andre
  ledd: "Ved valg og vedtak om ansettelse er det adgang til å stemme blankt"). Elsewhere :func:`evaluate`
  raises :class:`BlankVoteError`. Blank votes are not counted among the votes cast.
* **Consensus** and **unanimity** (:mod:`.consensus`): a council's own rule, and the
  written procedure (koml. § 11-8 fjerde ledd).
* **Agenda items** (:mod:`.items`): which rule decides an item, who votes and who chairs.

Lots are drawn deterministically from an injected ``seed``; without one, a needed draw
leaves the outcome undecided (``result`` ``None``).

>>> from fractions import Fraction
>>> from iprmodel.model import MajorityRule, Tally, VoteChoice
>>> outcome = evaluate(MajorityRule(), Tally(votes_for=8, votes_against=8),
...                    members=16, chair_vote=VoteChoice.FOR)
>>> outcome.result.value, outcome.decided_by.value
('adopted', 'casting_vote')
>>> evaluate(MajorityRule(), Tally(votes_for=8, votes_against=8), members=16).result is None
True
>>> two_thirds = MajorityRule(threshold=Fraction(2, 3), strict=False)
>>> evaluate(two_thirds, Tally(votes_for=10, votes_against=5), members=16).result.value
'adopted'
"""

from __future__ import annotations

from iprmodel.rules.decisions.election_block import draw_lots
from iprmodel.rules.decisions.evaluate import evaluate
from iprmodel.rules.decisions.items import (
    NON_CORE_AMENDMENT_RULE,
    MeetingSeats,
    delegation,
    evaluate_item,
    fixed_seats,
    meeting_seats,
    members_on,
    rule_for_item,
    seat_index,
)
from iprmodel.rules.decisions.outcome import (
    BlankVoteError,
    DecidedBy,
    Outcome,
    VoteRecordError,
)

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
