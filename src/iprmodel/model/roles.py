# SPDX-License-Identifier: MIT
"""Offices, seats and rights: the words composition rules and appointments share.

>>> Office.MAYOR.value
'mayor'
"""

from __future__ import annotations

import enum


class Office(enum.Enum):
    """The office a person holds at home, in their own municipality or county."""

    MAYOR = "mayor"  # ordfører / ordførar
    DEPUTY_MAYOR = "deputy_mayor"  # varaordfører
    OPPOSITION = "opposition"  # opposisjonspolitiker
    COUNCIL_MEMBER = "council_member"  # kommunestyre-/fylkestingsmedlem
    POLITICIAN = "politician"  # another elected representative
    COUNTY_COUNCIL_MEMBER = "county_council_member"  # fylkestingsrepresentant
    COUNTY_EXECUTIVE = "county_executive"  # fylkesråd
    CHIEF_EXECUTIVE = "chief_executive"  # kommunedirektør / rådmann
    OTHER = "other"


class SeatKind(enum.Enum):
    """The kind of seat an appointment fills."""

    MEMBER = "member"
    DEPUTY = "deputy"  # varamedlem
    OBSERVER = "observer"  # observatør
    EX_OFFICIO = "ex_officio"  # møter i kraft av stilling


class Position(enum.Enum):
    """The position held inside the body."""

    CHAIR = "chair"  # leiar / leder
    DEPUTY_CHAIR = "deputy_chair"  # nestleiar / nestleder
    MEMBER = "member"
    SECRETARY = "secretary"


class Right(enum.Enum):
    """Rights in a meeting (møterett, talerett, forslagsrett, stemmerett)."""

    ATTEND = "attend"
    SPEAK = "speak"
    PROPOSE = "propose"
    VOTE = "vote"
