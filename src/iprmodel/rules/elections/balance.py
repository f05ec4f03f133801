# SPDX-License-Identifier: MIT
"""Gender balance (kjønnsbalanse) in elections: koml. § 7-5 andre ledd, § 7-6 tredje
ledd, § 7-7 tredje ledd.

Four or more seats: each gender at least 40 %; two or three seats: both genders. One
seat cannot hold both, so it asks nothing (our reading of "begge kjønn").

>>> required(5), required(3), required(1)
(2, 1, 0)
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from iprmodel.model import Candidate, Gender


def required(seats: int) -> int:
    """How many of ``seats`` each gender must hold at least."""
    if seats >= 4:
        return -(-2 * seats // 5)  # ceil(40 % of seats), in integers
    return 1 if seats >= 2 else 0


def shortfall(genders: Sequence[Gender | None], seats: int) -> tuple[Gender, int] | None:
    """The gender short of :func:`required` among ``genders`` and how many it holds."""
    need = required(seats)
    for gender in Gender:
        have = sum(1 for g in genders if g is gender)
        if have < need:
            return gender, have
    return None


@attrs.frozen(kw_only=True)
class Pick:
    """The candidates picked from a list, in list order (indices into the list)."""

    chosen: tuple[int, ...]
    moved_up: tuple[int, ...] = ()
    #: The gender still short after every candidate of it moved up, or ``None``.
    short: Gender | None = None
    #: Some candidate has no recorded gender, so the balance could not be checked.
    unknown: bool = False


def pick(candidates: Sequence[Candidate], count: int) -> Pick:
    """Pick ``count`` names in list order, moving up the under-represented gender.

    Koml. § 7-6 tredje ledd: "skal kandidater fra det underrepresenterte kjønnet rykke
    opp på listen inntil kravet er oppfylt". The highest placed candidates of that
    gender move up; the lowest placed of the other gender among the picked give way.

    >>> from iprmodel.model import Candidate, Gender
    >>> m, f = Gender.MALE, Gender.FEMALE
    >>> names = [Candidate(name=n, gender=g) for n, g in [("A", m), ("B", m), ("C", f)]]
    >>> pick(names, 2).chosen
    (0, 2)
    """
    count = min(count, len(candidates))
    chosen = list(range(count))
    if any(c.gender is None for c in candidates):
        return Pick(chosen=tuple(chosen), unknown=True)
    missing = shortfall([candidates[i].gender for i in chosen], count)
    if missing is None:
        return Pick(chosen=tuple(chosen))
    gender, have = missing
    need = required(count) - have
    rising = [i for i in range(count, len(candidates)) if candidates[i].gender is gender][:need]
    giving_way = [i for i in reversed(chosen) if candidates[i].gender is not gender][: len(rising)]
    picked = sorted((set(chosen) - set(giving_way)) | set(rising))
    return Pick(
        chosen=tuple(picked),
        moved_up=tuple(rising),
        short=gender if len(rising) < need else None,
    )


__all__ = ["Pick", "pick", "required", "shortfall"]
