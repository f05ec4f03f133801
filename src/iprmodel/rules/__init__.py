# SPDX-License-Identifier: MIT
"""Rules as pure functions over the model: decisions, kommuneloven checks, consistency.

* :mod:`iprmodel.rules.elections` counts elections: forholdsvalg, avtalevalg and
  flertallsvalg (koml. §§ 7-4 to 7-8), giving an :class:`ElectionResult`.
* :mod:`iprmodel.rules.registry` registers every rule once: code, severity, paragraph,
  interpretation flag and messages; ``CODES`` and docs/rules.md come from it.
* :mod:`iprmodel.rules.decisions` evaluates a vote under a voting rule (koml. § 11-9,
  § 7-8); :mod:`iprmodel.rules.voting` keeps its public names.
* :mod:`iprmodel.rules.law` checks a register against kommuneloven and returns
  :class:`~iprmodel.rules.findings.Finding` objects, each citing its paragraph; the
  checks are one module per chapter of the act (:mod:`~iprmodel.rules.chapter07`,
  ``chapter08``, ``chapter11``, ``chapter14``, ``chapter18``).
* :mod:`iprmodel.rules.consistency` checks cross-references and dates the loader cannot.
* :mod:`iprmodel.rules.report` formats problems and findings as text or JSON.

>>> from iprmodel.model import MajorityRule, Tally
>>> evaluate(MajorityRule(), Tally(votes_for=5, votes_against=3), members=9).result.value
'adopted'
"""

from __future__ import annotations

from iprmodel.rules._text import Message, Ref
from iprmodel.rules.elections import (
    Elected,
    ElectionDecision,
    ElectionResult,
    ElectionStatus,
    ListSeats,
    count_election,
)
from iprmodel.rules.voting import (
    BlankVoteError,
    DecidedBy,
    Outcome,
    VoteRecordError,
    evaluate,
    evaluate_item,
)

__all__ = [
    "BlankVoteError",
    "DecidedBy",
    "Elected",
    "ElectionDecision",
    "ElectionResult",
    "ElectionStatus",
    "ListSeats",
    "Message",
    "Outcome",
    "Ref",
    "VoteRecordError",
    "count_election",
    "evaluate",
    "evaluate_item",
]
