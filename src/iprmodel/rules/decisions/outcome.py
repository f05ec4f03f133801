# SPDX-License-Identifier: MIT
"""What an evaluated vote gives: :class:`Outcome`, :class:`DecidedBy`, the vote errors.

>>> DecidedBy.CASTING_VOTE.value
'casting_vote'
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, ClassVar

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model import RecordedOutcome, Tally, VotingRule
from iprmodel.model.text import Locale
from iprmodel.rules._text import Message, Ref

if TYPE_CHECKING:
    from iprmodel.rules.elections import ElectionResult

__all__ = [
    "BLANK_REF",
    "ELECTION_REF",
    "MAJORITY_REF",
    "QUORUM_REF",
    "WRITTEN_REF",
    "BlankVoteError",
    "DecidedBy",
    "Decision",
    "Outcome",
    "VoteRecordError",
    "blank_error",
]

QUORUM_REF = Ref(section="11-9", paragraph=1)
MAJORITY_REF = Ref(section="11-9", paragraph=2)
ELECTION_REF = Ref(section="7-8")
BLANK_REF = Ref(section="8-1", paragraph=2)
WRITTEN_REF = Ref(section="11-8", paragraph=4)


class DecidedBy(enum.Enum):
    """What settled the outcome."""

    QUORUM = "quorum"  # not quorate: no decision
    MAJORITY = "majority"
    CASTING_VOTE = "casting_vote"  # møteleiaren si dobbeltstemme
    TIE = "tie"  # tied and no tie-break: not adopted
    LOT = "lot"  # loddtrekning
    CONSENSUS = "consensus"
    UNANIMITY = "unanimity"
    ELECTION = "election"  # more than half of votes cast in the first ballot
    SECOND_BALLOT = "second_ballot"
    #: Not settled by the record yet: a second ballot, a draw, or the vote of the
    #: meeting chair in a tie recorded by totals only is still needed.
    PENDING = "pending"


class VoteRecordError(InvalidValue):
    """The recorded votes cannot be right (more votes than members, a person voting twice...)."""

    # Its templates live in the rules catalog, so the command line translates them there.
    domain: ClassVar[str] = "iprmodel_rules"


class BlankVoteError(VoteRecordError):
    """A blank vote in a matter that is neither an election nor a hiring decision.

    Koml. § 8-1 andre ledd: "Ved valg og vedtak om ansettelse er det adgang til å stemme blankt."
    """


@attrs.frozen(kw_only=True)
class Outcome:
    """The evaluated outcome of a vote.

    ``result`` is ``None`` when the matter is not decided yet: an election needs a second
    ballot, lots must be drawn and no seed was given, or the votes are tied and the vote
    of whoever chaired the item (which decides the tie) is not recorded. ``reasons`` are message
    templates with parameters; :meth:`explain` renders them.
    """

    result: RecordedOutcome | None
    tally: Tally
    decided_by: DecidedBy
    rule: VotingRule
    quorate: bool
    reasons: tuple[Message, ...] = ()
    references: tuple[Ref, ...] = ()
    #: In elections: the person elected, if decided.
    elected: str | None = None
    #: In elections: (candidate, votes) of the deciding ballot, most votes first.
    candidates: tuple[tuple[str, int], ...] = ()
    #: The counted election, when the item records one (``AgendaItem.election``).
    election: ElectionResult | None = None

    @property
    def adopted(self) -> bool:
        """Whether the proposal was adopted (or a candidate elected)."""
        return self.result is RecordedOutcome.ADOPTED

    def explain(self, locale: Locale) -> tuple[str, ...]:
        """The reasons, one sentence each, in ``locale``."""
        return tuple(reason.render(locale) for reason in self.reasons)

    def reference_texts(self, locale: Locale) -> tuple[str, ...]:
        """The paragraphs applied, in the words of ``locale``."""
        return tuple(ref.render(locale) for ref in self.references)


@attrs.frozen(kw_only=True)
class Decision:
    """What one rule decided, before the quorum and the tally are added."""

    result: RecordedOutcome | None
    decided_by: DecidedBy
    reasons: tuple[Message, ...]
    references: tuple[Ref, ...] = ()
    elected: str | None = None
    candidates: tuple[tuple[str, int], ...] = ()


def blank_error(count: int) -> BlankVoteError:
    """The error for ``count`` blank votes where the law allows none (koml. § 8-1 andre ledd)."""
    return BlankVoteError(
        "{count} blank vote(s) in a matter that is neither an election nor a hiring"
        " decision; blank votes are allowed only there (koml. § 8-1 second paragraph)",
        count=count,
    )
