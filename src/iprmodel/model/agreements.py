# SPDX-License-Identifier: MIT
"""Agreements (avtalar): the cooperation agreement and the council's other agreements.

Koml. § 18-4: a written cooperation agreement (samarbeidsavtale) between all
participants, adopted by each participant's council itself, covering items a-h of the
fourth paragraph (:class:`ClauseTopic` ``NAME`` to ``DISSOLUTION``). Amendments of
those items need every council; others may be adopted by the representantskap with at
least 2/3 of votes cast unless the agreement says otherwise (third paragraph).

>>> ClauseTopic.SEATS.statutory_letter
'c'
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from iprmodel.model._fields import (
    date_field,
    enum_field,
    enum_set_field,
    id_field,
    optional_text,
    ordered,
    ref_field,
    refs_field,
    required_text,
    texts_field,
    tuple_field,
)
from iprmodel.model.meetings import Tally
from iprmodel.model.provenance import DatePrecision, Source, sources_field
from iprmodel.model.text import LocalizedText
from iprmodel.model.voting import VotingRule


class AgreementKind(enum.Enum):
    """What kind of agreement."""

    COOPERATION = "cooperation"  # samarbeidsavtale, koml. § 18-4
    DECLARATION = "declaration"  # erklæring (Hadelandserklæringa)
    COUNTY_PARTNERSHIP = "county_partnership"  # partnarskapsavtale med fylkeskommunen
    COUNTY_MEMBERSHIP = "county_membership"  # fylkeskommunalt medlemskap
    RURAL_GROWTH = "rural_growth"  # bygdevekstavtale
    OTHER = "other"


class ClauseTopic(enum.Enum):
    """What a clause covers. The first eight are koml. § 18-4 fjerde ledd a-h."""

    NAME = "name"  # a
    LEGAL_ENTITY = "legal_entity"  # b
    SEATS = "seats"  # c
    MATTERS = "matters"  # d
    AUTHORITY = "authority"  # e
    SHARES = "shares"  # f
    WITHDRAWAL = "withdrawal"  # g
    DISSOLUTION = "dissolution"  # h
    PURPOSE = "purpose"
    BODIES = "bodies"
    ECONOMY = "economy"
    SECRETARIAT = "secretariat"
    DECISION_RULES = "decision_rules"
    AMENDMENTS = "amendments"
    #: The members' term of office (valperiode, koml. § 18-3 tredje ledd).
    TERM = "term"
    #: How long the agreement itself runs (varigheit); not the term of office.
    DURATION = "duration"
    #: Who chairs the representantskap: elected, rotating (koml. § 18-3 første ledd).
    CHAIR = "chair"
    OTHER = "other"

    @property
    def statutory_letter(self) -> str | None:
        """The letter of koml. § 18-4 fjerde ledd, or ``None`` for other topics."""
        return _LETTERS.get(self)


_LETTERS = dict(
    zip(
        (
            ClauseTopic.NAME,
            ClauseTopic.LEGAL_ENTITY,
            ClauseTopic.SEATS,
            ClauseTopic.MATTERS,
            ClauseTopic.AUTHORITY,
            ClauseTopic.SHARES,
            ClauseTopic.WITHDRAWAL,
            ClauseTopic.DISSOLUTION,
        ),
        "abcdefgh",
        strict=True,
    )
)
#: The mandatory topics of koml. § 18-4 fjerde ledd, in letter order.
STATUTORY_TOPICS: tuple[ClauseTopic, ...] = tuple(_LETTERS)


class Adopter(enum.Enum):
    """Who adopted an agreement or an amendment."""

    PARTICIPANT_COUNCIL = "participant_council"  # kommunestyre / fylkesting
    REPRESENTANTSKAP = "representantskap"
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Clause:
    """A numbered clause; ``number`` is displayed ("3", "3 a)")."""

    number: str = required_text()
    heading: LocalizedText | None = None
    text: LocalizedText | None = None
    topics: frozenset[ClauseTopic] = enum_set_field(ClauseTopic)
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class Adoption:
    """A party's adoption (vedtak) of an agreement or amendment."""

    party: str = ref_field("party")
    by: Adopter = enum_field(Adopter, default=Adopter.PARTICIPANT_COUNCIL)
    date: date | None = date_field()
    case_number: str | None = optional_text()


@attrs.frozen(kw_only=True)
class Amendment:
    """A change to an agreement: which clauses, who adopted it, and the vote."""

    id: str = id_field()
    date: date | None = date_field()
    #: The numbers of the clauses it changes ("3", "3 a)").
    clauses: tuple[str, ...] = texts_field()
    description: LocalizedText | None = None
    adopted_by: Adopter = enum_field(Adopter, default=Adopter.PARTICIPANT_COUNCIL)
    adoptions: tuple[Adoption, ...] = tuple_field()
    tally: Tally | None = None
    #: The meeting where the representantskap adopted it, if known.
    meeting: str | None = ref_field("meeting", optional=True)
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None


@attrs.frozen(kw_only=True)
class Agreement:
    """An agreement of a council: cooperation agreement, declaration, partnership...

    ``dated`` with ``date_precision`` records what the source says ("juni 2023" is
    ``2023-06-01`` with precision ``month``).
    """

    id: str = id_field()
    kind: AgreementKind = enum_field(AgreementKind)
    title: LocalizedText
    #: Participant or organisation ids; the council itself is implied for its own agreements.
    parties: tuple[str, ...] = refs_field("party")
    dated: date | None = date_field()
    date_precision: DatePrecision = enum_field(DatePrecision, default=DatePrecision.DAY)
    valid_from: date | None = date_field()
    valid_to: date | None = date_field()
    clauses: tuple[Clause, ...] = tuple_field()
    adoptions: tuple[Adoption, ...] = tuple_field()
    amendments: tuple[Amendment, ...] = tuple_field()
    #: Who adopts amendments outside items a-h (koml. § 18-4 tredje ledd).
    non_core_amendments_by: Adopter = enum_field(Adopter, default=Adopter.REPRESENTANTSKAP)
    #: The majority the representantskap needs for those; ``None``: the law's 2/3 of votes cast.
    non_core_amendment_rule: VotingRule | None = None
    #: Where the full text lives (a URL or archive reference).
    source: str | None = optional_text()
    #: Whether the clause texts are complete; ``False`` when only a summary is known.
    text_complete: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    summary: LocalizedText | None = None
    #: The public documents that state this (docs/explanation/provenance.md).
    sources: tuple[Source, ...] = sources_field()
    #: Set when a value here is inferred or illustrative, not stated by a source: what and why.
    assumption: LocalizedText | None = None

    def __attrs_post_init__(self) -> None:
        ordered("valid_from", "valid_to")(self)

    def covers(self, topic: ClauseTopic) -> tuple[Clause, ...]:
        """The clauses tagged with ``topic``."""
        return tuple(clause for clause in self.clauses if topic in clause.topics)
