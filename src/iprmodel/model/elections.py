# SPDX-License-Identifier: MIT
"""Elections (valg) to and in folkevalgte organer: the data (koml. §§ 7-4 to 7-8).

:mod:`iprmodel.rules.elections` counts them. An :class:`Election` records one of the
three methods of koml. § 7-4:

* **forholdsvalg** (:attr:`ElectionMethod.PROPORTIONAL`, §§ 7-5 and 7-6): lists of
  candidates in order, each with the number of ballots (stemmesedler) it got;
* **avtalevalg** (:attr:`ElectionMethod.AGREED`, § 7-7): one agreed slate (innstilling)
  of members and deputies per party or group, which must be adopted unanimously;
* **flertallsvalg** (:attr:`ElectionMethod.MAJORITY`, § 7-8): one person (a leader or
  deputy leader), by one or two ballots of votes per candidate.

Personal votes and strikings are not modelled: under § 7-6 andre ledd members are
picked from a list in the order the list gives, so a ballot counts for its list only.

>>> from iprmodel.model import Gender
>>> kari = Candidate(name="Kari", gender=Gender.FEMALE)
>>> Election(method=ElectionMethod.PROPORTIONAL, seats=1,
...          lists=(ElectionList(name="A", votes=5, candidates=(kari,)),)).seats
1
"""

from __future__ import annotations

import enum

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model._fields import (
    bool_field,
    count_field,
    enum_field,
    optional_count,
    ref_field,
    required_text,
    texts_field,
    tuple_field,
)
from iprmodel.model.persons import Gender


class ElectionMethod(enum.Enum):
    """How members are elected (koml. § 7-4)."""

    PROPORTIONAL = "proportional"  # forholdsvalg, §§ 7-5 and 7-6
    AGREED = "agreed"  # avtalevalg, § 7-7
    MAJORITY = "majority"  # flertallsvalg, § 7-8


@attrs.frozen(kw_only=True)
class Candidate:
    """A name on a list or slate; ``person`` links it to a person of the register."""

    name: str = required_text()
    gender: Gender | None = enum_field(Gender, optional=True)
    person: str | None = ref_field("person", optional=True)


@attrs.frozen(kw_only=True)
class ElectionList:
    """A list (listeforslag, § 7-5) or a party's part of an agreed slate (§ 7-7).

    In forholdsvalg ``candidates`` are all the names in the list's order and ``votes``
    the ballots the list got; deputies then come from the same names (§ 7-6 femte
    ledd). In avtalevalg ``candidates`` are the proposed members and ``deputies`` the
    proposed deputies, in order.
    """

    name: str = required_text()
    candidates: tuple[Candidate, ...] = tuple_field()
    votes: int | None = optional_count()
    deputies: tuple[Candidate, ...] = tuple_field()


@attrs.frozen(kw_only=True)
class CandidateVotes:
    """The votes one candidate got in a ballot of a flertallsvalg."""

    candidate: str = required_text()
    votes: int = count_field()


@attrs.frozen(kw_only=True)
class Ballot:
    """One ballot (avstemning) of a flertallsvalg: votes per candidate, and blank votes."""

    counts: tuple[CandidateVotes, ...] = tuple_field()
    blank: int = count_field(default=0)

    def __attrs_post_init__(self) -> None:
        names = [count.candidate for count in self.counts]
        if len(set(names)) != len(names):
            raise InvalidValue("counts names the same candidate twice")


@attrs.frozen(kw_only=True)
class Election:
    """One election: its method, the lists, slate or ballots, and the seats to fill.

    ``seats`` is the number of members to elect (1 in a flertallsvalg). For an
    avtalevalg ``votes_for`` / ``votes_against`` record the vote on the slate, and
    ``proportional_demanded`` that a member demanded forholdsvalg (§ 7-4 første ledd),
    which rules an avtalevalg out. ``elected`` and ``elected_deputies`` are what the
    minutes record as the result (names or person ids); the checks compare them with
    the count (:func:`iprmodel.rules.count_election`).
    """

    method: ElectionMethod = enum_field(ElectionMethod)
    seats: int = count_field(minimum=1, default=1)
    lists: tuple[ElectionList, ...] = tuple_field()
    ballots: tuple[Ballot, ...] = tuple_field()
    votes_for: int | None = optional_count()
    votes_against: int = count_field(default=0)
    proportional_demanded: bool = bool_field(default=False)
    #: Who the minutes record as elected members (names or person ids).
    elected: tuple[str, ...] = texts_field()
    #: Who the minutes record as elected deputies, in the order they are called (§ 7-10).
    elected_deputies: tuple[str, ...] = texts_field()

    def __attrs_post_init__(self) -> None:
        names = [item.name for item in self.lists]
        if len(set(names)) != len(names):
            raise InvalidValue("lists has two lists with the same name")
        if len(self.elected) > self.seats:
            raise InvalidValue(
                "elected names {count} persons, but only {seats} are to be elected",
                count=len(self.elected),
                seats=self.seats,
            )
        if self.method is ElectionMethod.MAJORITY:
            if self.elected_deputies:
                raise InvalidValue("a flertallsvalg elects no deputies; leave elected_deputies out")
            if self.lists:
                raise InvalidValue("lists are for forholdsvalg and avtalevalg; give ballots")
            if not 1 <= len(self.ballots) <= 2:
                raise InvalidValue(
                    "ballots must hold the first ballot and at most a second (koml. § 7-8)"
                )
            if self.seats != 1:
                raise InvalidValue("seats must be 1: a flertallsvalg elects one person")
            return
        if self.ballots:
            raise InvalidValue("ballots are for flertallsvalg; give lists")
        if not self.lists:
            raise InvalidValue("lists must not be empty")
        if self.method is ElectionMethod.PROPORTIONAL:
            for item in self.lists:
                if item.votes is None:
                    raise InvalidValue(
                        "list {name} needs its votes (the ballots it got)", name=item.name
                    )
                if item.deputies:
                    raise InvalidValue(
                        "list {name}: in forholdsvalg deputies come from the list's own"
                        " candidates (koml. § 7-6 fifth paragraph); leave deputies out",
                        name=item.name,
                    )


__all__ = [
    "Ballot",
    "Candidate",
    "CandidateVotes",
    "Election",
    "ElectionList",
    "ElectionMethod",
]
