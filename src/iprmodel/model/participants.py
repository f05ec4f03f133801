# SPDX-License-Identifier: MIT
"""Participants (deltakere) of a council: municipalities and county authorities.

Koml. § 18-1 første ledd: two or more *kommuner* or *fylkeskommuner* may set up an
interkommunalt politisk råd. :data:`Participant` is a tagged union of the two, and
organisation numbers are checked with :mod:`stdnum.no.orgnr`.

>>> from datetime import date
>>> gol = Municipality(
...     id="gol",
...     name=LocalizedText(nn="Gol kommune"),
...     written_standard=WrittenStandard.NYNORSK,
...     numbers=(OfficialNumber(value="3324", valid_from=date(2024, 1, 1)),),
...     orgnr="964952612",
... )
>>> gol.number_on(date(2025, 1, 1))
'3324'
"""

from __future__ import annotations

import enum
import re
from datetime import date
from typing import Any

import attrs

from iprmodel.errors import InvalidValue
from iprmodel.model._fields import (
    date_field,
    enum_field,
    id_field,
    optional_count,
    optional_text,
    ordered,
    orgnr_field,
    ref_field,
    to_tuple,
    tuple_field,
)
from iprmodel.model.periods import OfficialNumber, check_no_overlap, number_on
from iprmodel.model.provenance import Source, sources_field
from iprmodel.model.text import LocalizedText


class WrittenStandard(enum.Enum):
    """Official written standard (målform) of a participant (mållova § 5)."""

    BOKMAL = "nb"
    NYNORSK = "nn"
    NEUTRAL = "neutral"


def _numbers_validator(digits: int, what: str) -> Any:
    pattern = re.compile(rf"^[0-9]{{{digits}}}$")

    def check(_inst: object, _attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for number in value:
            if not isinstance(number, OfficialNumber):
                return  # the type error is reported elsewhere
            if not pattern.fullmatch(number.value):
                raise InvalidValue(
                    "{field} must be {digits} digits, got {value}",
                    field=what,
                    digits=digits,
                    value=repr(number.value),
                )
        check_no_overlap(value, what)

    return check


@attrs.frozen(kw_only=True)
class CountyAffiliation:
    """Which county (by participant id) a municipality belonged to, from-to."""

    county: str = ref_field("participant")
    valid_from: date | None = date_field()
    valid_to: date | None = date_field()

    def __attrs_post_init__(self) -> None:
        ordered("valid_from", "valid_to")(self)


@attrs.frozen(kw_only=True)
class Municipality:
    """A kommune. ``numbers`` is its kommunenummer history (four digits each)."""

    id: str = id_field()
    name: LocalizedText
    written_standard: WrittenStandard = enum_field(WrittenStandard, default=WrittenStandard.NEUTRAL)
    numbers: tuple[OfficialNumber, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=_numbers_validator(4, "kommunenummer")
    )
    orgnr: str | None = orgnr_field()
    counties: tuple[CountyAffiliation, ...] = tuple_field()
    population: int | None = optional_count()
    population_year: int | None = optional_count(minimum=1800)
    website: str | None = optional_text()
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None

    def number_on(self, day: date) -> str | None:
        """The kommunenummer valid on ``day``."""
        return number_on(self.numbers, day)


@attrs.frozen(kw_only=True)
class CountyAuthority:
    """A fylkeskommune. ``numbers`` is its fylkesnummer history (two digits each)."""

    id: str = id_field()
    name: LocalizedText
    written_standard: WrittenStandard = enum_field(WrittenStandard, default=WrittenStandard.NEUTRAL)
    numbers: tuple[OfficialNumber, ...] = attrs.field(
        factory=tuple, converter=to_tuple, validator=_numbers_validator(2, "fylkesnummer")
    )
    orgnr: str | None = orgnr_field()
    population: int | None = optional_count()
    population_year: int | None = optional_count(minimum=1800)
    website: str | None = optional_text()
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None

    def number_on(self, day: date) -> str | None:
        """The fylkesnummer valid on ``day``."""
        return number_on(self.numbers, day)


#: A participant in a council (koml. § 18-1): tagged ``municipality`` / ``county_authority``.
Participant = Municipality | CountyAuthority

#: Stable tag strings of the :data:`Participant` union in serialized data.
PARTICIPANT_TAGS: dict[type, str] = {
    Municipality: "municipality",
    CountyAuthority: "county_authority",
}
