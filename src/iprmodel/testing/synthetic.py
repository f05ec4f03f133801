# SPDX-License-Identifier: MIT
"""A deterministic, clearly synthetic national register for benchmarks and tests.

:func:`national` builds a register the size of Norway's councils at ``scale=1``:
about 70 councils, 400 participants (municipalities and 15 county authorities),
2,500 persons, 12,000 meetings and 100,000 agenda items. Every count grows linearly
with ``scale``; fractional scales (``0.01``) give small registers for tests.

Nothing in it is real. Municipalities are "Syntetisk kommune 0042" with numbers in
the unused 6000-9999 range (county numbers 60-99); organisation numbers start with
1, which Brønnøysundregistrene never assigns; persons are role placeholders
("Ordfører i Syntetisk kommune 0042", :attr:`~iprmodel.model.Person.placeholder`),
never invented names; e-mail addresses use the reserved ``.example`` domain.

The data is built with the model constructors and their validators, so it is
valid by construction, and every reference resolves. It has what the real
councils have: bodies with composition, appointments and decision rules
(fund allocation by consensus in every third council, as in Hallingdal), a
cooperation agreement whose clauses cover koml. § 18-4 a-h, a county partnership,
a strategic plan, yearly action plans with tasks and evaluations, budgets with
contributions, a fund, projects with funders, and meetings with agendas. Meetings
before :data:`AS_OF` are held (attendance, votes or tallies, outcomes) or
cancelled; later ones are planned or convened. About 2 % of items are closed under
koml. § 11-5. Every tenth council shares a municipality with the next one, so its
mayor sits in two councils (as Jevnaker's mayor does in Hadeland and
Ringeriksregionen).

The same ``scale`` and ``seed`` always give the same register and the same bytes:
all randomness comes from one :class:`random.Random`, and no clock is read.

>>> register = national(0.01)
>>> counts(register)["councils"], register.councils[0].formal_name.get("nb")
(2, 'Syntetisk region 001 interkommunalt politisk råd')
>>> register.person("ordforer-kommune-0001").name
'Ordfører i Syntetisk kommune 0001'
>>> national_bytes(0.01) == national_bytes(0.01)
True
"""

from __future__ import annotations

import functools
import math
import random
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from iprmodel import serialization
from iprmodel.model import (
    Achievement,
    ActionPlan,
    Adopter,
    Adoption,
    AgendaItem,
    Agreement,
    AgreementKind,
    Amendment,
    Appointment,
    Arena,
    ArenaKind,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Budget,
    BudgetLine,
    BudgetLineKind,
    CaseKind,
    ChairRule,
    ChairSelection,
    Clause,
    ClauseTopic,
    ClosedBasis,
    ConsensusRule,
    ConsensusUnit,
    Contact,
    Contribution,
    CostKey,
    CostSharing,
    Council,
    CountRange,
    CountyAffiliation,
    CountyAuthority,
    DatePrecision,
    DecisionRule,
    Delegation,
    ElectionRule,
    Evaluation,
    EvaluationAspect,
    EvaluationRule,
    ExOfficioSeat,
    Fund,
    Funding,
    Gender,
    HistoryEvent,
    LocalizedText,
    Location,
    MajorityRule,
    Meeting,
    MeetingKind,
    MeetingMode,
    MeetingStatus,
    MilestoneKind,
    Municipality,
    ObserverSeat,
    Office,
    OfficialNumber,
    Organisation,
    OrganisationKind,
    Participant,
    Participation,
    ParticipationRole,
    Person,
    Position,
    Power,
    Project,
    ProjectKind,
    ProjectStatus,
    RecordedOutcome,
    Recurrence,
    Register,
    Right,
    SeatKind,
    StaffMember,
    StaffRole,
    StrategicPlan,
    Tally,
    Task,
    TaskEvaluation,
    TaskMode,
    TaskStatus,
    Theme,
    Vote,
    VoteChoice,
    VotingRule,
    WrittenStandard,
    YearAmount,
)
from iprmodel.model._fields import OSLO

# The ``# type: ignore[arg-type]`` below: fields with an inline ``converter=tuple`` or
# ``frozenset`` make mypy's attrs plugin type the parameter ``Iterable[_T_co]``, which
# no argument satisfies (a model typing issue reported to the core).

__all__ = ["AS_OF", "SCALE_1", "clear_cache", "counts", "national", "national_bytes"]

#: The synthetic "today": meetings before it are held, later ones planned.
AS_OF: Final = date(2026, 3, 1)
#: The last year with meetings; meeting years run backwards from it.
_LAST_YEAR: Final = 2026

#: Sizes at ``scale=1`` (participants = municipalities + counties, about 400).
SCALE_1: Final[dict[str, int]] = {
    "councils": 70,
    "counties": 15,
    "municipalities": 385,
    "organisations": 10,
    "meetings": 12_000,
    "agenda_items": 100_000,
}

# Body code, kind, meetings a year, agenda weight (items per meeting, relative).
_BODIES: Final = (
    ("representantskap", BodyKind.REPRESENTANTSKAP, 4, 12),
    ("arbeidsutvalg", BodyKind.WORKING_COMMITTEE, 8, 9),
    ("kommunedirektorutvalg", BodyKind.CHIEF_EXECUTIVES_COMMITTEE, 6, 7),
    ("prosjektgruppe", BodyKind.PROJECT_GROUP, 4, 6),
)
_BODY_NAMES: Final = {
    "representantskap": ("Representantskapet", "Representantskapet"),
    "arbeidsutvalg": ("Arbeidsutvalget", "Arbeidsutvalet"),
    "kommunedirektorutvalg": ("Kommunedirektørutvalget", "Kommunedirektørutvalet"),
    "prosjektgruppe": ("Prosjektgruppen", "Prosjektgruppa"),
}
_BODY_CODES: Final = {
    "representantskap": "rs",
    "arbeidsutvalg": "au",
    "kommunedirektorutvalg": "kdu",
    "prosjektgruppe": "pg",
}
# Months with meetings: no meetings in July (fellesferie).
_MONTHS: Final = (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12)

# Theme slug, nb, nn.
_THEMES: Final = (
    ("samferdsel", "Samferdsel", "Samferdsel"),
    ("naringsutvikling", "Næringsutvikling", "Næringsutvikling"),
    ("kompetanse", "Kompetanse", "Kompetanse"),
    ("klima", "Klima og miljø", "Klima og miljø"),
    ("omdomme", "Omdømme", "Omdømme"),
    ("helse", "Helse og velferd", "Helse og velferd"),
    ("bolig", "Bustad og stedsutvikling", "Bustad og stadutvikling"),
    ("reiseliv", "Reiseliv", "Reiseliv"),
)
_TOPICS_NB: Final = (
    "samferdsel",
    "næringsutvikling",
    "kompetanse",
    "klima og miljø",
    "omdømme",
    "helse",
    "bolig",
    "reiseliv",
    "digitalisering",
    "beredskap",
    "bredbånd",
    "landbruk",
)
_TOPICS_NN: Final = (
    "samferdsel",
    "næringsutvikling",
    "kompetanse",
    "klima og miljø",
    "omdøme",
    "helse",
    "bustad",
    "reiseliv",
    "digitalisering",
    "beredskap",
    "breiband",
    "landbruk",
)

# Person role slug, office, nb and nn role names ("Ordfører i ...").
_MUNICIPAL_ROLES: Final = (
    ("ordforer", Office.MAYOR, "Ordfører", "Ordførar"),
    ("varaordforer", Office.DEPUTY_MAYOR, "Varaordfører", "Varaordførar"),
    ("opposisjon", Office.OPPOSITION, "Opposisjonsrepresentant", "Opposisjonsrepresentant"),
    ("kommunestyremedlem", Office.COUNCIL_MEMBER, "Kommunestyremedlem", "Kommunestyremedlem"),
    ("kommunedirektor", Office.CHIEF_EXECUTIVE, "Kommunedirektør", "Kommunedirektør"),
    ("radgiver", Office.OTHER, "Rådgiver", "Rådgjevar"),
)
_COUNTY_ROLES: Final = (
    ("fylkesordforer", Office.MAYOR, "Fylkesordfører", "Fylkesordførar"),
    ("fylkesvaraordforer", Office.DEPUTY_MAYOR, "Fylkesvaraordfører", "Fylkesvaraordførar"),
    (
        "fylkestingsmedlem",
        Office.COUNTY_COUNCIL_MEMBER,
        "Fylkestingsmedlem",
        "Fylkestingsmedlem",
    ),
    ("fylkesdirektor", Office.CHIEF_EXECUTIVE, "Fylkesdirektør", "Fylkesdirektør"),
)
_ORGANISATION_KINDS: Final = (
    (OrganisationKind.STATE_AGENCY, "Syntetisk statsetat", "Syntetisk statsetat"),
    (OrganisationKind.FOUNDATION, "Syntetisk stiftelse", "Syntetisk stifting"),
    (OrganisationKind.COMPANY, "Syntetisk næringsselskap", "Syntetisk næringsselskap"),
    (OrganisationKind.ASSOCIATION, "Syntetisk forening", "Syntetisk foreining"),
)

_MEMBER_RIGHTS: Final = frozenset(Right)
_OBSERVER_RIGHTS: Final = frozenset({Right.ATTEND, Right.SPEAK})
_SIMPLE_MAJORITY: Final = MajorityRule()
_TWO_THIRDS: Final = MajorityRule(threshold=Fraction(2, 3), strict=False)
_CONSENSUS: Final = ConsensusRule(unit=ConsensusUnit.PARTICIPANTS)
_ELECTION: Final = ElectionRule()
# Case kinds without a vote (the minutes note them, nobody votes).
_NO_VOTE: Final = frozenset({CaseKind.ORIENTATION, CaseKind.URGENT_DECISION_REPORT, CaseKind.OTHER})


def _count(what: str, scale: float, minimum: int) -> int:
    return max(minimum, round(SCALE_1[what] * scale))


def _orgnr(serial: int) -> str:
    """A valid organisation number starting with 1 (never assigned, so clearly synthetic)."""
    base = 10_000_000 + serial * 7
    while True:
        digits = f"{base:08d}"
        weighted = sum(w * int(d) for w, d in zip((3, 2, 7, 6, 5, 4, 3, 2), digits, strict=True))
        check = (11 - weighted % 11) % 11
        if check < 10:
            return digits + str(check)
        base += 1  # no valid check digit for this base: take the next one


def _text(nynorsk: bool, nb: str, nn: str) -> LocalizedText:
    return LocalizedText(nn=nn) if nynorsk else LocalizedText(nb=nb)


def _split(total: int, parts: int) -> list[int]:
    """``total`` split into ``parts`` near-equal whole numbers."""
    return [(i + 1) * total // parts - i * total // parts for i in range(parts)]


@attrs.frozen(kw_only=True)
class _Place:
    """A municipality with its persons, as the council builder needs it."""

    participant: Municipality
    nynorsk: bool
    persons: dict[str, str]  # role slug -> person id


@attrs.frozen(kw_only=True)
class _Seat:
    """A seat in a body: who, for whom, and who steps in."""

    person: str
    participant: str | None
    deputy: str | None = None


@attrs.frozen(kw_only=True)
class _Slot:
    """A meeting before it is built: when and of which body."""

    body: str
    year: int
    number: int
    start: datetime
    end: datetime


def national(scale: float = 1, seed: int = 2026) -> Register:
    """Build the synthetic national register at ``scale`` (1: all of Norway).

    Args:
        scale: Size factor; every count grows linearly with it. ``0.01`` gives a
            register of two councils for tests.
        seed: Seed of the one random generator; the same ``scale`` and ``seed``
            always give the same register.

    Returns:
        A valid register whose every reference resolves. The last two results are
        cached (see :func:`clear_cache`); being immutable, they are safe to share.

    Raises:
        ValueError: ``scale`` is not a positive finite number.

    >>> national(0.01) == national(0.01)
    True
    """
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not math.isfinite(scale):
        raise ValueError(f"scale must be a positive number, got {scale!r}")
    if scale <= 0:
        raise ValueError(f"scale must be a positive number, got {scale!r}")
    return _national(float(scale), seed)


@functools.lru_cache(maxsize=2)
def _national(scale: float, seed: int) -> Register:
    # The register is immutable, so sharing one between benchmark modules is safe.
    rng = random.Random(seed)
    n_councils = _count("councils", scale, 2)
    n_counties = _count("counties", scale, 1)
    n_municipalities = _count("municipalities", scale, 2 * n_councils)
    n_organisations = _count("organisations", scale, 1)
    meetings = _split(_count("meetings", scale, n_councils), n_councils)
    items = _split(_count("agenda_items", scale, n_councils), n_councils)

    persons: list[Person] = []
    counties = [_county(k, rng, persons) for k in range(n_counties)]
    council_county = [c * n_counties // n_councils for c in range(n_councils)]
    nynorsk_council = [c % 5 == 2 for c in range(n_councils)]

    blocks = [
        list(range(c * n_municipalities // n_councils, (c + 1) * n_municipalities // n_councils))
        for c in range(n_councils)
    ]
    places: list[_Place] = []
    for c, block in enumerate(blocks):
        for i in block:
            places.append(
                _municipality(i, council_county[c], n_counties, nynorsk_council[c], rng, persons)
            )
    organisations = [_organisation(k) for k in range(n_organisations)]
    for c in range(n_councils):
        persons.extend(_staff_persons(c, nynorsk_council[c]))

    councils = []
    for c, block in enumerate(blocks):
        members = [places[i] for i in block]
        # Every tenth council also takes in the first municipality of the next one.
        shared = places[blocks[c + 1][0]] if c % 7 == 0 and c + 1 < n_councils else None
        councils.append(
            _council(
                c,
                rng,
                members=members,
                shared=shared,
                county=counties[council_county[c]],
                nynorsk=nynorsk_council[c],
                organisations=organisations,
                n_meetings=meetings[c],
                n_items=items[c],
            )
        )
    participants: list[Participant] = [p.participant for p in places]
    participants.extend(counties)
    return Register(
        participants=tuple(participants),
        organisations=tuple(organisations),
        persons=tuple(persons),
        councils=tuple(councils),
    )


@functools.lru_cache(maxsize=4)
def national_bytes(scale: float = 1, seed: int = 2026) -> bytes:
    """The compact canonical JSON of :func:`national`, cached per ``scale`` and ``seed``.

    >>> national_bytes(0.01).startswith(b'{"councils":')
    True
    """
    return serialization.dumps(national(scale, seed), indent=False)


def clear_cache() -> None:
    """Forget the cached registers and bytes (to free memory, or to build afresh).

    :func:`national` and :func:`national_bytes` keep their last results: the
    register is immutable, so benchmark modules at one scale share one build.
    """
    _national.cache_clear()
    national_bytes.cache_clear()


def counts(register: Register) -> dict[str, int]:
    """How many of each thing ``register`` holds (councils, persons, meetings...).

    >>> counts(national(0.01))["meetings"]
    120
    """
    meetings = [m for c in register.councils for m in c.meetings]
    return {
        "councils": len(register.councils),
        "participants": len(register.participants),
        "persons": len(register.persons),
        "appointments": sum(len(c.appointments) for c in register.councils),
        "meetings": len(meetings),
        "agenda_items": sum(len(m.agenda) for m in meetings),
        "attendance": sum(len(m.attendance) for m in meetings),
    }


# -- participants and persons ------------------------------------------------------------


def _county(k: int, rng: random.Random, persons: list[Person]) -> CountyAuthority:
    code = f"{k + 1:02d}"
    county_id = f"fylke-{code}"
    name = f"Syntetisk fylkeskommune {code}"
    for slug, _office, nb, _nn in _COUNTY_ROLES:
        persons.append(
            Person(
                id=f"{slug}-{county_id}",
                name=f"{nb} i {name}",
                gender=rng.choice((Gender.FEMALE, Gender.MALE)),
                placeholder=True,
            )
        )
    return CountyAuthority(
        id=county_id,
        name=LocalizedText(nb=name, nn=name),
        written_standard=WrittenStandard.NEUTRAL,
        numbers=(OfficialNumber(value=f"{60 + k % 40}", valid_from=date(2024, 1, 1)),),
        orgnr=_orgnr(k),
        population=rng.randrange(150_000, 700_000),
        population_year=2024,
        website=f"https://{county_id}.example",
    )


def _municipality(
    i: int,
    county: int,
    n_counties: int,
    nynorsk: bool,
    rng: random.Random,
    persons: list[Person],
) -> _Place:
    code = f"{i + 1:04d}"
    mun_id = f"kommune-{code}"
    name = f"Syntetisk kommune {code}"
    # A few municipalities are as nynorsk as their council is not, and vice versa.
    own_nynorsk = nynorsk if rng.random() < 0.85 else not nynorsk
    standard = WrittenStandard.NYNORSK if own_nynorsk else WrittenStandard.BOKMAL
    if rng.random() < 0.1:
        standard = WrittenStandard.NEUTRAL
    new_number = OfficialNumber(value=f"{6000 + i % 4000}", valid_from=date(2024, 1, 1))
    county_id = f"fylke-{county + 1:02d}"
    if i % 5 == 0:
        # Renumbered in the 2024 county split, like Lunner 3054 -> 3234.
        old_county = f"fylke-{(county + 1) % n_counties + 1:02d}"
        numbers: tuple[OfficialNumber, ...] = (
            OfficialNumber(
                value=f"{6000 + (i + 2000) % 4000}",
                valid_from=date(2020, 1, 1),
                valid_to=date(2023, 12, 31),
            ),
            new_number,
        )
        affiliations: tuple[CountyAffiliation, ...] = (
            CountyAffiliation(
                county=old_county, valid_from=date(2020, 1, 1), valid_to=date(2023, 12, 31)
            ),
            CountyAffiliation(county=county_id, valid_from=date(2024, 1, 1)),
        )
    else:
        numbers = (new_number,)
        affiliations = (CountyAffiliation(county=county_id, valid_from=date(2020, 1, 1)),)
    roles = {}
    for slug, office, nb, nn in _MUNICIPAL_ROLES:
        person_id = f"{slug}-{mun_id}"
        roles[slug] = person_id
        persons.append(
            Person(
                id=person_id,
                name=f"{nn if own_nynorsk else nb} i {name}",
                gender=rng.choice((Gender.FEMALE, Gender.MALE)),
                contact=Contact(email=f"{slug}@{mun_id}.example")
                if office is Office.MAYOR
                else None,
                placeholder=True,
            )
        )
    municipality = Municipality(
        id=mun_id,
        name=LocalizedText(nb=name, nn=name),
        written_standard=standard,
        numbers=numbers,
        orgnr=_orgnr(1000 + i),
        counties=affiliations,
        population=rng.randrange(800, 60_000),
        population_year=2024,
        website=f"https://{mun_id}.example",
    )
    return _Place(participant=municipality, nynorsk=own_nynorsk, persons=roles)


def _organisation(k: int) -> Organisation:
    kind, nb, nn = _ORGANISATION_KINDS[k % len(_ORGANISATION_KINDS)]
    code = f"{k + 1:02d}"
    return Organisation(
        id=f"organisasjon-{code}",
        name=LocalizedText(nb=f"{nb} {code}", nn=f"{nn} {code}"),
        kind=kind,
        orgnr=_orgnr(5000 + k),
        website=f"https://organisasjon-{code}.example",
    )


def _council_code(c: int) -> str:
    return f"{c + 1:03d}"


def _staff_persons(c: int, nynorsk: bool) -> list[Person]:
    code = _council_code(c)
    region = f"Syntetisk region {code}"
    return [
        Person(
            id=f"daglig-leder-region-{code}",
            name=f"{'Dagleg leiar' if nynorsk else 'Daglig leder'} i {region}",
            placeholder=True,
        ),
        Person(
            id=f"radgiver-region-{code}",
            name=f"{'Rådgjevar' if nynorsk else 'Rådgiver'} i {region}",
            placeholder=True,
        ),
    ]


# -- the council -------------------------------------------------------------------------


def _council(
    c: int,
    rng: random.Random,
    *,
    members: Sequence[_Place],
    shared: _Place | None,
    county: CountyAuthority,
    nynorsk: bool,
    organisations: Sequence[Organisation],
    n_meetings: int,
    n_items: int,
) -> Council:
    code = _council_code(c)
    council_id = f"region-{code}"
    region = f"Syntetisk region {code}"
    places = [*members, shared] if shared is not None else list(members)
    member_ids = [p.participant.id for p in places]
    themes = _themes(c, nynorsk)
    theme_ids = [t.id for t in themes]
    seats = _seats(places, county)
    bodies = _bodies(c, nynorsk, member_ids, county.id)
    appointments = _appointments(places, county, seats, first_year=2019)
    slots = _slots(rng, n_meetings)
    first_year = slots[0].year
    if first_year < 2019:
        appointments = _appointments(places, county, seats, first_year=first_year)
    rules = {body.id: body for body in bodies}
    meetings = _meetings(council_id, rng, slots, n_items, places, seats, rules, nynorsk=nynorsk)
    staff_ids = (f"daglig-leder-region-{code}", f"radgiver-region-{code}")
    office = member_ids[0]
    participations = [
        Participation(
            participant=p.participant.id,
            valid_from=date(2022, 1, 1) if p is shared else date(2020, 1, 1),
            ownership_share=Fraction(1, len(places)),
            withdrawal_notice_months=12,
        )
        for p in places
    ]
    participations.append(
        Participation(
            participant=county.id,
            role=ParticipationRole.PARTNER,
            valid_from=date(2020, 1, 1),
        )
    )
    rs_meetings = [m for m in meetings if m.body == "representantskap"]
    return Council(
        id=council_id,
        formal_name=_text(
            nynorsk,
            f"{region} interkommunalt politisk råd",
            f"{region} interkommunalt politisk råd",
        ),
        short_name=_text(nynorsk, f"Region {code}", f"Region {code}"),
        everyday_name=_text(nynorsk, f"Regionrådet i {region}", f"Regionrådet i {region}"),
        established=date(2020, 1, 1),
        legal_entity=c % 4 == 3,
        office_municipality=office,
        written_standard=WrittenStandard.NYNORSK if nynorsk else WrittenStandard.BOKMAL,
        website=f"https://{council_id}.example",
        purpose=_text(
            nynorsk,
            "Rådet skal være en felles politisk arena for å utvikle regionen.",
            "Rådet skal vere ein felles politisk arena for å utvikle regionen.",
        ),
        mandate=(
            _text(nynorsk, "Regional utvikling og påvirkning", "Regional utvikling og påverknad"),
            _text(nynorsk, "Felles interessepolitikk", "Felles interessepolitikk"),
        ),
        participations=tuple(participations),
        themes=themes,
        bodies=bodies,
        appointments=appointments,
        meetings=meetings,
        staff=(
            StaffMember(
                person=staff_ids[0],
                role=StaffRole.GENERAL_MANAGER,
                title=_text(nynorsk, "Daglig leder", "Dagleg leiar"),
                fte_percent=Decimal(100),
                employer=office,
                reports_to=("arbeidsutvalg",),
            ),
            StaffMember(
                person=staff_ids[1],
                role=StaffRole.ADVISER,
                title=_text(nynorsk, "Rådgiver", "Rådgjevar"),
                fte_percent=Decimal(rng.choice((50, 60, 80, 100))),
                employer=office,
                temporary=c % 3 == 0,
                reports_to=("arbeidsutvalg",),
            ),
        ),
        arenas=(
            Arena(
                id="regionkonferanse",
                name=_text(
                    nynorsk, f"Regionkonferansen i {region}", f"Regionkonferansen i {region}"
                ),
                kind=ArenaKind.CONFERENCE,
            ),
            Arena(
                id="felles-formannskap",
                name=_text(nynorsk, "Felles formannskapsmøte", "Felles formannskapsmøte"),
                kind=ArenaKind.JOINT_EXECUTIVE_MEETING,
                planned=c % 2 == 0,
            ),
        ),
        agreements=_agreements(c, rng, nynorsk, places, county, region, rs_meetings),
        strategic_plans=(
            StrategicPlan(
                id="strategi-2040",
                title=_text(nynorsk, "Regional strategi 2024–2040", "Regional strategi 2024–2040"),
                start_year=2024,
                end_year=2027,
                horizon_year=2040,
                themes=tuple(theme_ids),
                goals=tuple(
                    _text(
                        nynorsk,
                        f"Styrke {t.title.get('nb').lower()}",
                        f"Styrkje {t.title.get('nn').lower()}",
                    )
                    for t in themes
                ),
                evaluation_rule=EvaluationRule(
                    every_years=4, aspects=frozenset({EvaluationAspect.TRENDS})
                ),
                adopted=date(2023, 12, 12),
            ),
        ),
        action_plans=_action_plans(
            c, rng, nynorsk, theme_ids, member_ids, county.id, organisations
        ),
        budgets=_budgets(rng, nynorsk, places, first_year),
        funds=(
            Fund(
                id="utviklingsfond",
                name=_text(nynorsk, "Regionalt utviklingsfond", "Regionalt utviklingsfond"),
                managed_by="arbeidsutvalg",
                purpose=_text(
                    nynorsk, "Tilskudd til regionale tiltak", "Tilskot til regionale tiltak"
                ),
                amounts=tuple(
                    YearAmount(year=y, amount=Decimal(rng.randrange(5, 40) * 50_000))
                    for y in range(2022, 2027)
                ),
            ),
        ),
        projects=_projects(c, rng, nynorsk, theme_ids, county.id, organisations),
        history=(
            HistoryEvent(
                year=1970 + c % 40,
                kind=MilestoneKind.FOUNDED,
                name=_text(nynorsk, f"{region} regionråd stiftet", f"{region} regionråd skipa"),
            ),
            HistoryEvent(
                year=2020,
                dated=date(2020, 1, 1),
                kind=MilestoneKind.REORGANISED,
                name=_text(
                    nynorsk,
                    "Omdannet til interkommunalt politisk råd",
                    "Omdanna til interkommunalt politisk råd",
                ),
            ),
        ),
        related_cooperations=(
            _text(nynorsk, "Interkommunalt barnevern", "Interkommunalt barnevern"),
        ),
    )


def _themes(c: int, nynorsk: bool) -> tuple[Theme, ...]:
    picked = [_THEMES[(c + k) % len(_THEMES)] for k in range(4)]
    return tuple(Theme(id=slug, title=_text(nynorsk, nb, nn)) for slug, nb, nn in picked)


def _seats(places: Sequence[_Place], county: CountyAuthority) -> dict[str, list[_Seat]]:
    """Members of each body, each with the deputy who steps in for them."""
    rs, au, kdu, pg = [], [], [], []
    for p in places:
        pid, who = p.participant.id, p.persons
        rs.append(_Seat(person=who["ordforer"], participant=pid, deputy=who["varaordforer"]))
        rs.append(
            _Seat(person=who["opposisjon"], participant=pid, deputy=who["kommunestyremedlem"])
        )
        au.append(_Seat(person=who["ordforer"], participant=pid, deputy=who["varaordforer"]))
        kdu.append(_Seat(person=who["kommunedirektor"], participant=pid))
        pg.append(_Seat(person=who["radgiver"], participant=pid))
    return {
        "representantskap": rs,
        "arbeidsutvalg": au,
        "kommunedirektorutvalg": kdu,
        "prosjektgruppe": pg,
        # Observers attend but do not vote.
        "observers": [_Seat(person=f"fylkestingsmedlem-{county.id}", participant=county.id)],
    }


def _bodies(c: int, nynorsk: bool, member_ids: list[str], county_id: str) -> tuple[Body, ...]:
    fund_rules = (
        (DecisionRule(case_kinds=frozenset({CaseKind.FUND_ALLOCATION}), rule=_CONSENSUS),)
        if c % 3 == 0
        else ()
    )
    rep_rules = (
        DecisionRule(case_kinds=frozenset({CaseKind.AGREEMENT_AMENDMENT}), rule=_TWO_THIRDS),
        DecisionRule(case_kinds=frozenset({CaseKind.ELECTION}), rule=_ELECTION),
        *fund_rules,
    )
    rotating = c % 2 == 1
    chair = (
        ChairRule(selection=ChairSelection.ROTATING, term_years=1, rotation=tuple(member_ids))
        if rotating
        else ChairRule(selection=ChairSelection.ELECTED, term_years=2)
    )

    def name(code: str) -> LocalizedText:
        nb, nn = _BODY_NAMES[code]
        return _text(nynorsk, nb, nn)

    rep = Body(
        id="representantskap",
        kind=BodyKind.REPRESENTANTSKAP,
        name=name("representantskap"),
        composition=(
            Delegation(
                members=2,
                deputies=2,
                member_offices=(Office.MAYOR, Office.OPPOSITION),
                deputy_offices=(Office.DEPUTY_MAYOR, Office.COUNCIL_MEMBER),
            ),
        ),
        observers=(
            ObserverSeat(
                participant=county_id,
                count=1,
                offices=(Office.COUNTY_COUNCIL_MEMBER,),
                rights=_OBSERVER_RIGHTS,
            ),
        ),
        ex_officio=(ExOfficioSeat(office=Office.CHIEF_EXECUTIVE, rights=_OBSERVER_RIGHTS),),
        chair=chair,
        meetings_per_year=CountRange(min=2, max=4),
        cases_per_year=CountRange(min=20, max=60),
        powers=frozenset(
            {
                Power.ADOPT_BUDGET,
                Power.ADOPT_ACCOUNTS,
                Power.ADOPT_ANNUAL_REPORT,
                Power.ADOPT_PLANS,
                Power.CREATE_BODIES,
                Power.ELECT_MEMBERS,
                Power.ELECT_CHAIR,
                Power.AMEND_AGREEMENT,
                Power.ISSUE_STATEMENTS,
            }
        ),
        decision_rules=rep_rules,
    )
    au = Body(
        id="arbeidsutvalg",
        kind=BodyKind.WORKING_COMMITTEE,
        name=name("arbeidsutvalg"),
        everyday_name=_text(nynorsk, "Ordførermøtet", "Ordførarmøtet"),
        created_by="representantskap",
        reports_to=("representantskap",),
        composition=(
            Delegation(
                members=1,
                deputies=1,
                member_offices=(Office.MAYOR,),
                deputy_offices=(Office.DEPUTY_MAYOR,),
            ),
        ),
        chair=chair,
        meetings_per_year=CountRange(min=6, max=10),
        cases_per_year=CountRange(min=40, max=90),
        powers=frozenset(
            {
                Power.URGENT_DECISIONS,
                Power.PREPARE_CASES,
                Power.RECOMMEND,
                Power.MANAGE_FUNDS,
                Power.ISSUE_STATEMENTS,
                Power.INITIATE_PROJECTS,
            }
        ),
        decision_rules=fund_rules,
    )
    kdu = Body(
        id="kommunedirektorutvalg",
        kind=BodyKind.CHIEF_EXECUTIVES_COMMITTEE,
        name=name("kommunedirektorutvalg"),
        reports_to=("arbeidsutvalg",),
        composition=(Delegation(members=1, deputies=0, member_offices=(Office.CHIEF_EXECUTIVE,)),),
        meetings_per_year=CountRange(min=4, max=8),
        powers=frozenset({Power.PREPARE_CASES, Power.RECOMMEND, Power.EXECUTE_DECISIONS}),
        political=False,
    )
    pg = Body(
        id="prosjektgruppe",
        kind=BodyKind.PROJECT_GROUP,
        name=name("prosjektgruppe"),
        created_by="arbeidsutvalg",
        reports_to=("kommunedirektorutvalg",),
        composition=(Delegation(members=1, deputies=0, member_offices=(Office.OTHER,)),),
        meetings_per_year=CountRange(min=3, max=6),
        powers=frozenset({Power.STEER_PROJECTS}),
        political=False,
        term_years=2,
    )
    return (rep, au, kdu, pg)


def _appointments(
    places: Sequence[_Place],
    county: CountyAuthority,
    seats: dict[str, list[_Seat]],
    *,
    first_year: int,
) -> tuple[Appointment, ...]:
    valid_from = date(first_year, 1, 1)
    offices = {
        person: office
        for p in places
        for slug, office, _nb, _nn in _MUNICIPAL_ROLES
        for person in (p.persons[slug],)
    }
    result = []
    for body, _kind, _per_year, _weight in _BODIES:
        for k, seat in enumerate(seats[body]):
            position = (
                (Position.CHAIR, Position.DEPUTY_CHAIR)[k]
                if k < 2
                and body
                in (
                    "representantskap",
                    "arbeidsutvalg",
                )
                else Position.MEMBER
            )
            result.append(
                Appointment(
                    id=f"{_BODY_CODES[body]}-{seat.person}",
                    person=seat.person,
                    body=body,
                    participant=seat.participant,
                    office=offices[seat.person],
                    position=position,
                    rights=_MEMBER_RIGHTS,
                    valid_from=valid_from,
                    written_consent=True,
                )
            )
            if seat.deputy is not None:
                result.append(
                    Appointment(
                        id=f"{_BODY_CODES[body]}-{seat.deputy}",
                        person=seat.deputy,
                        body=body,
                        participant=seat.participant,
                        seat=SeatKind.DEPUTY,
                        deputy_order=1,
                        office=offices[seat.deputy],
                        rights=_MEMBER_RIGHTS,
                        valid_from=valid_from,
                        written_consent=True,
                    )
                )
    for seat in seats["observers"]:
        result.append(
            Appointment(
                id=f"rs-{seat.person}",
                person=seat.person,
                body="representantskap",
                participant=county.id,
                seat=SeatKind.OBSERVER,
                office=Office.COUNTY_COUNCIL_MEMBER,
                rights=_OBSERVER_RIGHTS,
                valid_from=valid_from,
            )
        )
    return tuple(result)


# -- meetings ----------------------------------------------------------------------------

_HOURS: Final = {
    "representantskap": ((10, 0), (15, 0)),
    "arbeidsutvalg": ((9, 0), (12, 0)),
    "kommunedirektorutvalg": ((12, 30), (15, 0)),
    "prosjektgruppe": ((13, 0), (15, 30)),
}


def _slots(rng: random.Random, n_meetings: int) -> list[_Slot]:
    """The last ``n_meetings`` meetings of the bodies' yearly rhythm, oldest first."""
    per_year = sum(count for _code, _kind, count, _weight in _BODIES)
    years = max(1, math.ceil(n_meetings / per_year))
    slots = []
    for year in range(_LAST_YEAR - years + 1, _LAST_YEAR + 1):
        for body, _kind, count, _weight in _BODIES:
            (h0, m0), (h1, m1) = _HOURS[body]
            for i in range(count):
                month = _MONTHS[i * len(_MONTHS) // count]
                day = date(year, month, rng.randrange(3, 22))
                # Meetings fall on Tuesday to Thursday.
                if day.weekday() not in (1, 2, 3):
                    day += timedelta(days=(1 - day.weekday()) % 7)
                slots.append(
                    _Slot(
                        body=body,
                        year=year,
                        number=i + 1,
                        start=datetime(day.year, day.month, day.day, h0, m0, tzinfo=OSLO),
                        end=datetime(day.year, day.month, day.day, h1, m1, tzinfo=OSLO),
                    )
                )
    slots.sort(key=lambda s: (s.start, s.body))
    return slots[len(slots) - n_meetings :]


def _status(rng: random.Random, day: date) -> MeetingStatus:
    if day < AS_OF:
        return MeetingStatus.CANCELLED if rng.random() < 0.03 else MeetingStatus.HELD
    if rng.random() < 0.01:
        return MeetingStatus.POSTPONED
    if day <= AS_OF + timedelta(days=21):
        return MeetingStatus.CONVENED
    return MeetingStatus.PLANNED


def _item_counts(weights: list[int], total: int) -> list[int]:
    """``total`` agenda items shared out in proportion to ``weights``, exactly."""
    whole = sum(weights)
    if whole == 0:
        weights, whole = [1] * len(weights), len(weights)
    counts, running, before = [], 0, 0
    for weight in weights:
        running += weight
        after = total * running // whole
        counts.append(after - before)
        before = after
    return counts


# Case kind pools per body: (kind, weight).
_POOLS: Final = {
    "representantskap": (
        (CaseKind.DECISION, 30),
        (CaseKind.STATEMENT, 15),
        (CaseKind.ORIENTATION, 25),
        (CaseKind.PLAN, 4),
        (CaseKind.FUND_ALLOCATION, 10),
        (CaseKind.AGREEMENT_AMENDMENT, 1),
    ),
    "arbeidsutvalg": (
        (CaseKind.DECISION, 35),
        (CaseKind.STATEMENT, 20),
        (CaseKind.ORIENTATION, 30),
        (CaseKind.FUND_ALLOCATION, 12),
        (CaseKind.URGENT_DECISION_REPORT, 3),
    ),
    "kommunedirektorutvalg": (
        (CaseKind.DECISION, 30),
        (CaseKind.ORIENTATION, 60),
        (CaseKind.STATEMENT, 10),
    ),
    "prosjektgruppe": ((CaseKind.DECISION, 25), (CaseKind.ORIENTATION, 75)),
}
_REFERRAL: Final = frozenset({CaseKind.ORIENTATION, CaseKind.URGENT_DECISION_REPORT})


def _texts(
    kind: CaseKind, nynorsk: bool, body: str, topic: int, year: int, amount: int
) -> tuple[str, str]:
    """Title and proposal of an item, in the council's written standard."""
    t = (_TOPICS_NN if nynorsk else _TOPICS_NB)[topic]
    nb: dict[CaseKind, tuple[str, str]] = {
        CaseKind.DECISION: (
            f"Regional satsing på {t}",
            f"1. {body} slutter seg til saksframlegget om {t}.\n2. Sekretariatet følger opp saken.",
        ),
        CaseKind.STATEMENT: (
            f"Høringsuttalelse om {t}",
            f"{body} gir uttalelse i tråd med saksframlegget.",
        ),
        CaseKind.ORIENTATION: (f"Orientering om {t}", "Saken tas til orientering."),
        CaseKind.FUND_ALLOCATION: (
            f"Tildeling av utviklingsmidler – {t}",
            f"Det tildeles {amount} kroner fra utviklingsfondet.",
        ),
        CaseKind.PLAN: (f"Handlingsplan {year + 1}", f"{body} vedtar handlingsplanen."),
        CaseKind.BUDGET: (f"Budsjett {year + 1}", f"{body} vedtar budsjettet for {year + 1}."),
        CaseKind.ACCOUNTS: (f"Regnskap {year - 1}", f"Regnskapet for {year - 1} godkjennes."),
        CaseKind.ANNUAL_REPORT: (
            f"Årsmelding {year - 1}",
            f"Årsmeldingen for {year - 1} godkjennes.",
        ),
        CaseKind.ELECTION: (
            "Valg av leder og nestleder",
            "Valgkomiteens innstilling legges fram i møtet.",
        ),
        CaseKind.AGREEMENT_AMENDMENT: (
            "Endring av samarbeidsavtalen",
            "Samarbeidsavtalen punkt 5 endres som foreslått.",
        ),
        CaseKind.URGENT_DECISION_REPORT: (
            "Melding om hastevedtak",
            "Meldingen tas til orientering.",
        ),
    }
    nn: dict[CaseKind, tuple[str, str]] = {
        CaseKind.DECISION: (
            f"Regional satsing på {t}",
            f"1. {body} sluttar seg til saksframlegget om {t}.\n2. Sekretariatet følgjer opp saka.",
        ),
        CaseKind.STATEMENT: (
            f"Høyringsfråsegn om {t}",
            f"{body} gjev fråsegn i tråd med saksframlegget.",
        ),
        CaseKind.ORIENTATION: (f"Orientering om {t}", "Saka vert teken til orientering."),
        CaseKind.FUND_ALLOCATION: (
            f"Tildeling av utviklingsmidlar – {t}",
            f"Det vert tildelt {amount} kroner frå utviklingsfondet.",
        ),
        CaseKind.PLAN: (f"Handlingsplan {year + 1}", f"{body} vedtek handlingsplanen."),
        CaseKind.BUDGET: (f"Budsjett {year + 1}", f"{body} vedtek budsjettet for {year + 1}."),
        CaseKind.ACCOUNTS: (
            f"Rekneskap {year - 1}",
            f"Rekneskapen for {year - 1} vert godkjend.",
        ),
        CaseKind.ANNUAL_REPORT: (
            f"Årsmelding {year - 1}",
            f"Årsmeldinga for {year - 1} vert godkjend.",
        ),
        CaseKind.ELECTION: (
            "Val av leiar og nestleiar",
            "Innstillinga frå valnemnda vert lagd fram i møtet.",
        ),
        CaseKind.AGREEMENT_AMENDMENT: (
            "Endring av samarbeidsavtalen",
            "Samarbeidsavtalen punkt 5 vert endra som føreslått.",
        ),
        CaseKind.URGENT_DECISION_REPORT: (
            "Melding om hastevedtak",
            "Meldinga vert teken til orientering.",
        ),
    }
    return (nn if nynorsk else nb)[kind]


_OPENING: Final = {
    False: (
        ("Godkjenning av innkalling og saksliste", "Innkalling og saksliste godkjennes."),
        ("Godkjenning av protokoll fra forrige møte", "Protokollen godkjennes."),
    ),
    True: (
        ("Godkjenning av innkalling og sakliste", "Innkalling og sakliste vert godkjende."),
        ("Godkjenning av protokoll frå førre møte", "Protokollen vert godkjend."),
    ),
}
_CLOSED_TITLES: Final = {
    ClosedBasis.EMPLOYEE: ("Personalsak", "Personalsak"),
    ClosedBasis.CONFIDENTIAL: ("Sak unntatt offentlighet", "Sak unnateken offentlegheit"),
    ClosedBasis.PRIVACY: (
        "Søknad om tilskudd fra enkeltperson",
        "Søknad om tilskot frå einskildperson",
    ),
    ClosedBasis.PUBLIC_INTEREST: ("Forhandlinger om tomtekjøp", "Forhandlingar om tomtekjøp"),
}
_NOTED: Final = {False: "Saken ble tatt til orientering.", True: "Saka vart teken til orientering."}
_FELL: Final = {False: "Forslaget falt.", True: "Framlegget fall."}


_MAY_CLOSE: Final = (ClosedBasis.PRIVACY, ClosedBasis.PUBLIC_INTEREST)


def _outcome(rule: VotingRule, votes_for: int, against: int) -> RecordedOutcome:
    if isinstance(rule, ConsensusRule):
        return RecordedOutcome.ADOPTED if against == 0 else RecordedOutcome.REJECTED
    if isinstance(rule, MajorityRule):
        share = Fraction(votes_for, votes_for + against)
        passed = share > rule.threshold if rule.strict else share >= rule.threshold
        return RecordedOutcome.ADOPTED if passed else RecordedOutcome.REJECTED
    return RecordedOutcome.ADOPTED


def _meetings(
    council_id: str,
    rng: random.Random,
    slots: list[_Slot],
    n_items: int,
    places: Sequence[_Place],
    seats: dict[str, list[_Seat]],
    bodies: dict[str, Body],
    *,
    nynorsk: bool,
) -> tuple[Meeting, ...]:
    weight_of = {code: weight for code, _kind, _count, weight in _BODIES}
    horizon = AS_OF + timedelta(days=28)
    statuses = [_status(rng, slot.start.date()) for slot in slots]
    weights = [
        0
        if status in (MeetingStatus.CANCELLED, MeetingStatus.POSTPONED)
        or (status is MeetingStatus.PLANNED and slot.start.date() > horizon)
        else weight_of[slot.body]
        for slot, status in zip(slots, statuses, strict=True)
    ]
    item_counts = _item_counts(weights, n_items)
    pools = {
        body: ([kind for kind, _w in pool], [w for _k, w in pool]) for body, pool in _POOLS.items()
    }
    body_names = {code: (bodies[code].name.get("nn" if nynorsk else "nb")) for code in bodies}
    numbering: dict[tuple[str, str, int], int] = {}
    hosts = [
        Location(
            place=f"Rådhuset i {p.participant.name.get('nb')}",
            address="Rådhusgata 1",
        )
        for p in places
    ]
    meetings = []
    for slot, status, n in zip(slots, statuses, item_counts, strict=True):
        code = _BODY_CODES[slot.body]
        meeting_id = f"{council_id}-{code}-{slot.year}-{slot.number:02d}"
        roll = rng.random()
        if roll < 0.8:
            mode, location = MeetingMode.IN_PERSON, rng.choice(hosts)
        else:
            url = f"https://møte.{council_id}.example/{meeting_id}"
            mode = MeetingMode.HYBRID if roll < 0.95 else MeetingMode.REMOTE
            host = rng.choice(hosts)
            location = (
                Location(place=host.place, address=host.address, remote_url=url)
                if mode is MeetingMode.HYBRID
                else Location(remote_url=url)
            )
        kind = MeetingKind.EXTRAORDINARY if rng.random() < 0.03 else MeetingKind.ORDINARY
        held = status is MeetingStatus.HELD
        if held:
            revision = 2
            modified = min(
                slot.start + timedelta(days=8), datetime(2026, 2, 27, 12, 0, tzinfo=OSLO)
            )
        elif status is MeetingStatus.CANCELLED or status is MeetingStatus.POSTPONED:
            revision = 1
            modified = slot.start - timedelta(days=5)
        elif status is MeetingStatus.CONVENED:
            revision = 1
            modified = slot.start - timedelta(days=10)
        else:
            revision = 0
            modified = datetime(slot.year - 1, 12, 15, 12, 0, tzinfo=OSLO)
        attendance: list[Attendance] = []
        voters: list[str] = []
        if held:
            for seat in seats[slot.body]:
                if rng.random() < 0.08:
                    attendance.append(
                        Attendance(person=seat.person, status=AttendanceStatus.EXCUSED)
                    )
                    if seat.deputy is not None:
                        attendance.append(
                            Attendance(
                                person=seat.deputy,
                                status=AttendanceStatus.PRESENT,
                                substitute_for=seat.person,
                            )
                        )
                        voters.append(seat.deputy)
                else:
                    attendance.append(
                        Attendance(person=seat.person, status=AttendanceStatus.PRESENT)
                    )
                    voters.append(seat.person)
            if slot.body == "representantskap":
                for seat in seats["observers"]:
                    attendance.append(
                        Attendance(
                            person=seat.person,
                            status=AttendanceStatus.PRESENT
                            if rng.random() < 0.7
                            else AttendanceStatus.ABSENT,
                        )
                    )
        # Koml. § 11-9: at least half the members present and voting.
        quorate = 2 * len(voters) >= len(seats[slot.body])
        agenda = _agenda(
            rng,
            meeting_id,
            slot,
            n,
            bodies[slot.body],
            body_names[slot.body],
            pools[slot.body],
            numbering,
            voters if held else None,
            quorate=quorate,
            nynorsk=nynorsk,
            members=len(seats[slot.body]),
            in_person=mode is MeetingMode.IN_PERSON,
        )
        meetings.append(
            Meeting(
                id=meeting_id,
                body=slot.body,
                number=slot.number,
                title=("Ekstraordinært møte" if kind is MeetingKind.EXTRAORDINARY else None),
                start=slot.start,
                end=slot.end,
                location=location,
                mode=mode,
                kind=kind,
                status=status,
                revision=revision,
                modified=modified,
                agenda=agenda,
                attendance=tuple(attendance),
            )
        )
    return tuple(meetings)


def _agenda(
    rng: random.Random,
    meeting_id: str,
    slot: _Slot,
    n: int,
    body: Body,
    body_name: str,
    pool: tuple[list[CaseKind], list[int]],
    numbering: dict[tuple[str, str, int], int],
    voters: list[str] | None,
    *,
    quorate: bool,
    nynorsk: bool,
    members: int,
    in_person: bool,
) -> tuple[AgendaItem, ...]:
    month = slot.start.month
    fixed: list[CaseKind] = []
    if slot.body == "representantskap":
        if month == 6:
            fixed = [CaseKind.ACCOUNTS, CaseKind.ANNUAL_REPORT]
        elif month == 10:
            fixed = [CaseKind.BUDGET, CaseKind.PLAN]
        elif month == 1 and slot.year % 4 == 0:
            fixed = [CaseKind.ELECTION]  # the first meeting of a new term
    items = []
    for order in range(1, n + 1):
        closed: ClosedBasis | None = None
        topic = rng.randrange(len(_TOPICS_NB))
        amount = rng.randrange(2, 40) * 25_000
        if order <= 2:
            kind = CaseKind.DECISION
            title, proposal = _OPENING[nynorsk][order - 1]
        else:
            # Accounts in June, budget in October, elections in a new term; then a mix.
            kind = fixed[order - 3] if order - 3 < len(fixed) else rng.choices(*pool)[0]
            title, proposal = _texts(kind, nynorsk, body_name, topic, slot.year, amount)
            if kind not in _NO_VOTE and rng.random() < 0.02:
                # A must-close item (koml. § 11-5 second paragraph) cannot be dealt with in
                # a remote meeting (§ 11-7); remote meetings only get may-close items.
                closed = rng.choice(tuple(ClosedBasis) if in_person else _MAY_CLOSE)
                title = _CLOSED_TITLES[closed][nynorsk]
                kind = CaseKind.DECISION
        prefix = "RS" if kind in _REFERRAL else "PS"
        key = (slot.body, prefix, slot.year)
        numbering[key] = numbering.get(key, 0) + 1
        number = f"{prefix} {numbering[key]}/{slot.year}"
        decision: str | None = None
        outcome: RecordedOutcome | None = None
        votes: tuple[Vote, ...] = ()
        tally: Tally | None = None
        disqualified: tuple[str, ...] = ()
        if voters is not None:
            if kind in _NO_VOTE:
                decision = _NOTED[nynorsk]
            elif not quorate:
                outcome = RecordedOutcome.NOT_QUORATE
            else:
                if len(voters) > 2 and rng.random() < 0.01:
                    disqualified = (rng.choice(voters),)  # inhabil, koml. § 11-10
                eligible = [v for v in voters if v not in disqualified]
                rule = body.rule_for(kind)
                if 2 * len(eligible) < members:
                    # A disqualification can take the votes below the quorum (§ 11-9).
                    outcome = RecordedOutcome.NOT_QUORATE
                elif kind is CaseKind.ELECTION:
                    votes = tuple(
                        Vote(person=v, choice=VoteChoice.FOR, candidate=eligible[0])
                        for v in eligible
                    )
                    outcome = RecordedOutcome.ADOPTED
                else:
                    against = 0
                    if rng.random() < 0.15:
                        against = rng.randint(1, max(1, len(eligible) // 3))
                    if 2 * against >= len(eligible):
                        against = (len(eligible) - 1) // 2  # no ties: keep the outcome clear
                    votes_for = len(eligible) - against
                    outcome = _outcome(rule, votes_for, against)
                    # Consensus by participants needs each person's vote (who is against
                    # from which participant); a tally cannot show it.
                    if isinstance(rule, ConsensusRule) or rng.random() < 1 / 12:
                        no = set(rng.sample(eligible, against))
                        votes = tuple(
                            Vote(
                                person=v,
                                choice=VoteChoice.AGAINST if v in no else VoteChoice.FOR,
                            )
                            for v in eligible
                        )
                    else:
                        tally = Tally(votes_for=votes_for, votes_against=against)
                if outcome is not RecordedOutcome.NOT_QUORATE:
                    decision = proposal if outcome is RecordedOutcome.ADOPTED else _FELL[nynorsk]
        items.append(
            AgendaItem(
                id=f"{meeting_id}-{order}",
                order=order,
                number=number,
                title=title,
                kind=kind,
                closed_basis=closed,
                proposal=proposal,
                decision=decision,
                votes=votes,
                tally=tally,
                outcome=outcome,
                disqualified=disqualified,
            )
        )
    return tuple(items)


# -- agreements, plans, money ------------------------------------------------------------

_CLAUSES: Final = (
    ("1", "Navn", "Namn", {ClauseTopic.NAME}),
    ("2", "Rettslig status", "Rettsleg status", {ClauseTopic.LEGAL_ENTITY}),
    ("3", "Formål", "Føremål", {ClauseTopic.PURPOSE}),
    ("4", "Deltakere og representasjon", "Deltakarar og representasjon", {ClauseTopic.SEATS}),
    ("5", "Organer", "Organ", {ClauseTopic.BODIES, ClauseTopic.DECISION_RULES}),
    ("6", "Oppgaver", "Oppgåver", {ClauseTopic.MATTERS}),
    ("7", "Myndighet", "Mynde", {ClauseTopic.AUTHORITY}),
    (
        "8",
        "Økonomi og eierandeler",
        "Økonomi og eigardelar",
        {ClauseTopic.SHARES, ClauseTopic.ECONOMY},
    ),
    ("9", "Sekretariat", "Sekretariat", {ClauseTopic.SECRETARIAT}),
    ("10", "Endringer", "Endringar", {ClauseTopic.AMENDMENTS}),
    ("11", "Uttreden", "Uttreding", {ClauseTopic.WITHDRAWAL}),
    ("12", "Oppløsning og arkiv", "Oppløysing og arkiv", {ClauseTopic.DISSOLUTION}),
)


def _agreements(
    c: int,
    rng: random.Random,
    nynorsk: bool,
    places: Sequence[_Place],
    county: CountyAuthority,
    region: str,
    rs_meetings: Sequence[Meeting],
) -> tuple[Agreement, ...]:
    member_ids = tuple(p.participant.id for p in places)
    clauses = tuple(
        Clause(
            number=number,
            heading=_text(nynorsk, nb, nn),
            text=_text(
                nynorsk,
                f"Bestemmelse om {nb.lower()} for {region}.",
                f"Føresegn om {nn.lower()} for {region}.",
            ),
            topics=frozenset(topics),
        )
        for number, nb, nn, topics in _CLAUSES
    )
    adoptions = tuple(
        Adoption(
            party=pid,
            date=date(2019, 5, 1) + timedelta(days=rng.randrange(0, 120)),
            case_number=f"PS {rng.randrange(10, 90)}/2019",
        )
        for pid in member_ids
    )
    amendments: tuple[Amendment, ...] = ()
    held_2024 = [m for m in rs_meetings if m.start.year == 2024 and m.status is MeetingStatus.HELD]
    if c % 4 == 0 and held_2024:
        meeting = held_2024[0]
        members = 2 * len(member_ids)
        amendments = (
            Amendment(
                id="endring-2024",
                date=meeting.start.date(),
                clauses=("5",),
                description=_text(
                    nynorsk,
                    "Arbeidsutvalget får fullmakt til hastesaker.",
                    "Arbeidsutvalet får fullmakt til hastesaker.",
                ),
                adopted_by=Adopter.REPRESENTANTSKAP,
                tally=Tally(votes_for=members - 1, votes_against=1),
                meeting=meeting.id,
            ),
        )
    cooperation = Agreement(
        id="samarbeidsavtale",
        kind=AgreementKind.COOPERATION,
        title=_text(
            nynorsk,
            f"Samarbeidsavtale for {region} interkommunalt politisk råd",
            f"Samarbeidsavtale for {region} interkommunalt politisk råd",
        ),
        parties=member_ids,
        dated=date(2019, 9, 1),
        valid_from=date(2020, 1, 1),
        clauses=clauses,
        adoptions=adoptions,
        amendments=amendments,
        non_core_amendment_rule=_TWO_THIRDS,
        source=f"https://region-{_council_code(c)}.example/samarbeidsavtale",
        text_complete=True,
    )
    partnership = Agreement(
        id="partnerskapsavtale",
        kind=AgreementKind.COUNTY_PARTNERSHIP,
        title=_text(
            nynorsk,
            f"Partnerskapsavtale mellom {region} og {county.name.get('nb')}",
            f"Partnarskapsavtale mellom {region} og {county.name.get('nn')}",
        ),
        parties=(county.id,),
        dated=date(2023, 12, 1),
        date_precision=DatePrecision.MONTH,
        valid_from=date(2024, 1, 1),
        valid_to=date(2027, 12, 31),
        adoptions=(Adoption(party=county.id, date=date(2023, 12, 12), case_number="PS 112/2023"),),
        summary=_text(
            nynorsk,
            "Fylkeskommunen bidrar med midler til regionale utviklingstiltak.",
            "Fylkeskommunen bidreg med midlar til regionale utviklingstiltak.",
        ),
    )
    return (cooperation, partnership)


def _action_plans(
    c: int,
    rng: random.Random,
    nynorsk: bool,
    theme_ids: list[str],
    member_ids: list[str],
    county_id: str,
    organisations: Sequence[Organisation],
) -> tuple[ActionPlan, ...]:
    plans = []
    leads = [*member_ids, county_id]
    for year in (2024, 2025, 2026):
        tasks = []
        for k in range(6):
            topic = rng.randrange(len(_TOPICS_NB))
            if year < 2026:
                status = rng.choice(
                    (TaskStatus.DONE, TaskStatus.DONE, TaskStatus.ONGOING, TaskStatus.DROPPED)
                )
            else:
                status = rng.choice((TaskStatus.PLANNED, TaskStatus.ONGOING))
            funded = rng.random() < 0.6
            tasks.append(
                Task(
                    id=f"tiltak-{year}-{k + 1}",
                    title=_text(
                        nynorsk,
                        f"Felles arbeid med {_TOPICS_NB[topic]}",
                        f"Felles arbeid med {_TOPICS_NN[topic]}",
                    ),
                    theme=theme_ids[k % len(theme_ids)],
                    mode=rng.choice(tuple(TaskMode)),
                    lead=rng.choice(leads),
                    partners=tuple(rng.sample(member_ids, min(2, len(member_ids)))),
                    partner_names=("Næringslivet i regionen",) if k % 3 == 0 else (),
                    status=status,
                    due=date(year, 12, 31),
                    budget=Decimal(rng.randrange(1, 20) * 25_000),
                    funding=(
                        Funding(
                            funder=organisations[(c + k) % len(organisations)].id,
                            amount=Decimal(rng.randrange(1, 10) * 10_000),
                        ),
                    )
                    if funded
                    else (),
                    resourced=funded,
                    project="prosjekt-1" if k == 0 else None,
                )
            )
        evaluations: tuple[Evaluation, ...] = ()
        if year < 2026:
            evaluations = (
                Evaluation(
                    year=year,
                    dated=date(year + 1, 2, 15),
                    tasks=tuple(
                        TaskEvaluation(
                            task=task.id,
                            status=task.status,
                            achievement=Achievement.MET
                            if task.status is TaskStatus.DONE
                            else Achievement.PARTLY_MET,
                        )
                        for task in tasks
                    ),
                    trends=(
                        _text(nynorsk, "Økt samarbeid i regionen", "Auka samarbeid i regionen"),
                    ),
                    next_priorities=(
                        _text(
                            nynorsk,
                            "Prioritere tiltak med finansiering",
                            "Prioritere tiltak med finansiering",
                        ),
                    ),
                ),
            )
        plans.append(
            ActionPlan(
                id=f"handlingsplan-{year}",
                title=_text(nynorsk, f"Handlingsplan {year}", f"Handlingsplan {year}"),
                start_year=year,
                end_year=year,
                strategic_plan="strategi-2040",
                themes=tuple(theme_ids),
                tasks=tuple(tasks),
                evaluations=evaluations,
                evaluation_rule=EvaluationRule(
                    aspects=frozenset(EvaluationAspect), drop_unresourced=c % 2 == 0
                ),
                adopted=date(year - 1, 10, 20),
            )
        )
    return tuple(plans)


_CENT: Final = Decimal("0.01")


def _budgets(
    rng: random.Random, nynorsk: bool, places: Sequence[_Place], first_year: int
) -> tuple[Budget, ...]:
    populations = [p.participant.population or 1 for p in places]
    people = sum(populations)
    labels = {
        "income": _text(nynorsk, "Tilskudd fra deltakerkommunene", "Tilskot frå deltakarkommunane"),
        "salary": _text(nynorsk, "Lønn og sosiale kostnader", "Løn og sosiale kostnader"),
        "operations": _text(nynorsk, "Drift", "Drift"),
        "fund": _text(nynorsk, "Avsetning til utviklingsfond", "Avsetjing til utviklingsfond"),
    }
    budgets = []
    for year in range(first_year, _LAST_YEAR + 1):
        total = Decimal(rng.randrange(20, 60) * 100_000)
        equal = total / 2 / len(places)
        contributions = tuple(
            Contribution(
                participant=p.participant.id,
                amount=(equal + total / 2 * pop / people).quantize(_CENT),
            )
            for p, pop in zip(places, populations, strict=True)
        )
        income = sum((x.amount for x in contributions), Decimal(0))
        salary = (income * Decimal("0.6")).quantize(_CENT)
        operations = (income * Decimal("0.25")).quantize(_CENT)
        budgets.append(
            Budget(
                id=f"budsjett-{year}",
                year=year,
                lines=(
                    BudgetLine(label=labels["income"], kind=BudgetLineKind.INCOME, amount=income),
                    BudgetLine(label=labels["salary"], amount=salary),
                    BudgetLine(label=labels["operations"], amount=operations),
                    BudgetLine(label=labels["fund"], amount=income - salary - operations),
                ),
                contributions=contributions,
                cost_key=CostKey(method=CostSharing.MIXED, fixed_share=Fraction(1, 2)),
                adopted=date(year - 1, 10, 20),
                adopted_by="representantskap",
            )
        )
    return tuple(budgets)


def _projects(
    c: int,
    rng: random.Random,
    nynorsk: bool,
    theme_ids: list[str],
    county_id: str,
    organisations: Sequence[Organisation],
) -> tuple[Project, ...]:
    kinds = (
        (ProjectKind.PROJECT, ProjectStatus.COMPLETED, 2021),
        (ProjectKind.PROGRAMME, ProjectStatus.ONGOING, 2024),
        (ProjectKind.POSITION, ProjectStatus.PLANNED, 2026),
    )
    projects = []
    for k, (kind, status, start) in enumerate(kinds):
        topic = _THEMES[(c + k) % len(_THEMES)]
        budget = Decimal(rng.randrange(10, 60) * 50_000)
        projects.append(
            Project(
                id=f"prosjekt-{k + 1}",
                name=_text(nynorsk, f"Prosjekt {topic[1].lower()}", f"Prosjekt {topic[2].lower()}"),
                kind=kind,
                status=status,
                themes=(theme_ids[k % len(theme_ids)],),
                start=date(start, 1, 1),
                end=date(start + 2, 12, 31),
                duration_years=3,
                budget=budget,
                funding=(
                    Funding(funder=county_id, amount=(budget * Decimal("0.4")).quantize(_CENT)),
                    Funding(
                        funder=organisations[(c + k) % len(organisations)].id,
                        amount=Decimal(rng.randrange(1, 10) * 50_000),
                        recurrence=Recurrence.YEARLY,
                        years=3,
                    ),
                    Funding(
                        funder_group=_text(nynorsk, "Deltakerkommunene", "Deltakarkommunane"),
                        amount=(budget * Decimal("0.2")).quantize(_CENT),
                    ),
                ),
                goals=(_text(nynorsk, "Flere arbeidsplasser", "Fleire arbeidsplassar"),),
                steering_body="arbeidsutvalg",
            )
        )
    return tuple(projects)
