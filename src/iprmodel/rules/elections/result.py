# SPDX-License-Identifier: MIT
"""The typed result of an election, and the deterministic lot.

>>> draw_lots(7, ["b", "a"]) == draw_lots(7, ["a", "b"])
True
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model import Candidate, ElectionMethod, Gender
from iprmodel.model.text import Locale
from iprmodel.rules._text import Message, Ref

if TYPE_CHECKING:
    from iprmodel.rules.voting import VoteRecordError


class ElectionStatus(enum.Enum):
    """Whether the election has elected someone yet."""

    ELECTED = "elected"
    NOBODY_ELECTED = "nobody_elected"
    PENDING = "pending"  # a second ballot or a draw is still needed


class ElectionDecision(enum.Enum):
    """What settled the election (or why it is not settled)."""

    FIRST_BALLOT = "first_ballot"  # flertallsvalg: more than half of the votes cast
    SECOND_BALLOT = "second_ballot"  # flertallsvalg: most votes in the new ballot
    LOT = "lot"  # loddtrekning (§ 7-6 første ledd, § 7-8)
    DIVISORS = "divisors"  # forholdsvalg: quotients with divisors 1, 2, 3 ... (§ 7-6)
    UNANIMOUS = "unanimous"  # avtalevalg adopted unanimously (§ 7-7)
    NOT_UNANIMOUS = "not_unanimous"  # avtalevalg without unanimity: nobody elected
    INVALID_SLATE = "invalid_slate"  # the agreed slate breaks § 7-7: nobody elected
    PENDING = "pending"


@attrs.frozen(kw_only=True)
class Elected:
    """A person elected as member or deputy.

    ``rank`` is the place among the members (or deputies) of the same list, in the
    order deputies are called in (koml. § 7-10 første ledd); ``moved_up`` marks a
    candidate who moved up for gender balance (koml. § 7-6 tredje ledd).
    """

    name: str
    list: str | None = None
    rank: int = 1
    gender: Gender | None = None
    person: str | None = None
    moved_up: bool = False

    @classmethod
    def of(cls, candidate: Candidate, *, list_name: str, rank: int, moved_up: bool) -> Elected:
        """The elected form of a list's candidate."""
        return cls(
            name=candidate.name,
            list=list_name,
            rank=rank,
            gender=candidate.gender,
            person=candidate.person,
            moved_up=moved_up,
        )


@attrs.frozen(kw_only=True)
class ListSeats:
    """One list's share: its votes, the members and the deputies it got."""

    name: str
    votes: int | None
    seats: int
    deputies: int


@attrs.frozen(kw_only=True)
class ElectionResult:
    """The counted election: who is elected, the seats per list, and the steps taken.

    ``reasons`` are the steps as message templates with parameters (render them with
    :meth:`explain`), ``references`` the paragraphs applied. ``candidates`` holds the
    votes per candidate of the deciding ballot of a flertallsvalg, most votes first.
    """

    method: ElectionMethod
    status: ElectionStatus
    decided_by: ElectionDecision
    elected: tuple[Elected, ...] = ()
    deputies: tuple[Elected, ...] = ()
    lists: tuple[ListSeats, ...] = ()
    candidates: tuple[tuple[str, int], ...] = ()
    blank: int = 0
    reasons: tuple[Message, ...] = ()
    references: tuple[Ref, ...] = ()

    @property
    def decided(self) -> bool:
        """Whether the election is settled (nothing is left to vote or draw)."""
        return self.status is not ElectionStatus.PENDING

    def explain(self, locale: Locale) -> tuple[str, ...]:
        """The steps, one sentence each, in ``locale``."""
        return tuple(reason.render(locale) for reason in self.reasons)

    def reference_texts(self, locale: Locale) -> tuple[str, ...]:
        """The paragraphs applied, in the words of ``locale``."""
        return tuple(ref.render(locale) for ref in self.references)


def draw_lots(seed: int, options: Sequence[str]) -> str:
    """Pick one of ``options`` by lot, deterministically from ``seed``.

    The options are sorted first, so their order does not matter.

    >>> draw_lots(7, ["Kari", "Ola"]) in ("Kari", "Ola")
    True
    """
    if not options:
        raise InvalidValue("there is nothing to draw lots between")
    ordered = sorted(options)
    payload = "\x00".join((str(seed), *ordered))
    digest = hashlib.sha256(payload.encode()).digest()
    return ordered[int.from_bytes(digest[:8], "big") % len(ordered)]


def record_error(template: str, /, **params: object) -> VoteRecordError:
    """A :class:`~iprmodel.rules.voting.VoteRecordError`: the votes cannot be right."""
    # Imported when needed: rules.voting delegates its elections to this package.
    from iprmodel.rules.voting import VoteRecordError

    return VoteRecordError(template, **params)


__all__ = [
    "Elected",
    "ElectionDecision",
    "ElectionResult",
    "ElectionStatus",
    "ListSeats",
    "draw_lots",
    "record_error",
]
