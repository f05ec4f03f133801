# SPDX-License-Identifier: MIT
"""Hypothesis strategies for every model class, and for whole valid registers.

One strategy per class, named in snake case after it (:func:`municipalities`,
:func:`bodies`, :func:`meetings` ...), plus :func:`registers`, which draws small
registers whose every reference (the fields marked ``iprmodel_ref``) names an object
that exists in scope: participants, persons and organisations at the top of the
register, and council-scoped objects (bodies, meetings, themes, plans, projects,
funds, tasks) inside the same council. Use it in a property test::

    from hypothesis import given
    from iprmodel.testing import strategies

    @given(register=strategies.registers())
    def test_export_never_fails(register): ...

The class strategies take an optional :class:`Scope`, the ids their references may
point at. Without a scope, references are arbitrary slugs: the object is valid on
its own, but a register holding it would have dangling references.

The data is built to be nasty but valid: texts mix Norwegian letters (æøå), emoji,
XML specials (``<>&"'``), quotes, backslashes, separators, tabs and newlines, but no
other control character; datetimes are aware, in any time zone, often within hours
of a daylight-saving change in Oslo; amounts are :class:`~decimal.Decimal` NOK
>= 0 with at most two decimals; shares and thresholds are fractions in range.

Drawing an example interactively (``registers().example()``) works, but tests
should always use ``@given``, which shrinks failures and replays them.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, TypeVar

import attrs
from hypothesis import strategies as st

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
    ArenaRole,
    Attendance,
    AttendanceStatus,
    Ballot,
    Body,
    BodyKind,
    Budget,
    BudgetLine,
    BudgetLineKind,
    Candidate,
    CandidateVotes,
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
    Election,
    ElectionList,
    ElectionMethod,
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
    QuorumRule,
    RecordedOutcome,
    Recurrence,
    Register,
    Right,
    SeatKind,
    Source,
    StaffMember,
    StaffRole,
    StrategicPlan,
    Tally,
    Task,
    TaskEvaluation,
    TaskMode,
    TaskStatus,
    Theme,
    TieBreak,
    UnanimityRule,
    Vote,
    VoteBase,
    VoteChoice,
    VotingRule,
    WrittenStandard,
    YearAmount,
)
from iprmodel.model._fields import OSLO

__all__ = [
    "Scope",
    "action_plans",
    "adoptions",
    "agenda_items",
    "agreements",
    "amendments",
    "amounts",
    "appointments",
    "arenas",
    "attendances",
    "aware_datetimes",
    "ballots",
    "bodies",
    "budget_lines",
    "budgets",
    "candidate_votes",
    "candidates",
    "chair_rules",
    "clauses",
    "contacts",
    "contributions",
    "cost_keys",
    "council_ids",
    "councils",
    "count_ranges",
    "county_affiliations",
    "county_authorities",
    "dates",
    "decision_rules",
    "delegations",
    "election_lists",
    "elections",
    "evaluation_rules",
    "evaluations",
    "ex_officio_seats",
    "fractions",
    "fundings",
    "funds",
    "history_events",
    "localized_texts",
    "locations",
    "meetings",
    "municipalities",
    "observer_seats",
    "official_numbers",
    "organisations",
    "orgnrs",
    "participants",
    "participations",
    "persons",
    "projects",
    "quorum_rules",
    "registers",
    "required_texts",
    "slugs",
    "staff_members",
    "strategic_plans",
    "tallies",
    "task_evaluations",
    "tasks",
    "texts",
    "themes",
    "votes",
    "voting_rules",
    "year_amounts",
]

T = TypeVar("T")
Draw = Callable[[st.SearchStrategy[T]], T]

# -- primitives ----------------------------------------------------------------------

#: Texts that have broken exporters elsewhere: markup, quoting, separators, scripts.
NASTY_TEXTS: Final = (
    "Ærlig Østre Åsen",
    "Ordførar i Ål",
    "Regionrådet for Hallingdal 🏔️",
    "<b>Vedtak</b> & \"forslag\" 'A'",
    "]]><!-- -->",
    "Linje 1\nLinje 2",
    "Kolonne\tverdi",
    "C:\\mapper\\sak;1,2",
    "BEGIN:VEVENT\nEND:VCALENDAR",
    "{field} %s $x",
    "\u200bnull\u00a0breidd\ufeff",
    "שלום مرحبا",
    "a" * 200,
)

# Every assigned character except control characters and bidirectional controls (the
# model rejects them; tab and newline are added back), surrogates (not text) and
# private-use code points.
_CHARS: Final = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs", "Co", "Cn"),
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
) | st.sampled_from("æøåÆØÅ\t\n<>&\"'\\;,🎉")


@functools.cache
def texts(*, max_size: int = 24) -> st.SearchStrategy[str]:
    """Free text (may be empty or blank): nasty but valid."""
    return st.one_of(st.text(_CHARS, max_size=max_size), st.sampled_from(NASTY_TEXTS))


@functools.cache
def required_texts(*, max_size: int = 24) -> st.SearchStrategy[str]:
    """Text with at least one non-blank character (names, titles)."""
    return texts(max_size=max_size).filter(lambda s: bool(s.strip()))


@functools.cache
def localized_texts() -> st.SearchStrategy[LocalizedText]:
    """A :class:`LocalizedText` with Bokmål and/or Nynorsk (and maybe English)."""
    return st.one_of(
        st.builds(LocalizedText, nb=required_texts(), nn=st.just("") | texts()),
        st.builds(LocalizedText, nn=required_texts()),
        st.builds(LocalizedText, nb=required_texts(), nn=required_texts(), en=texts()),
    )


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _tuples(
    strategy: st.SearchStrategy[T], *, max_size: int = 2
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


_SEGMENT: Final = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)


@functools.cache
def slugs() -> st.SearchStrategy[str]:
    """Ids: lower-case a-z and digits in segments joined by single hyphens."""
    return st.lists(_SEGMENT, min_size=1, max_size=3).map("-".join)


@functools.cache
def dates(
    *, min_value: date = date(1950, 1, 1), max_value: date = date(2060, 12, 31)
) -> st.SearchStrategy[date]:
    """Calendar dates."""
    return st.dates(min_value=min_value, max_value=max_value)


# Oslo's daylight-saving changes, as UTC instants (01:00 UTC on the last Sunday of
# March and October): datetimes near them are where offset handling goes wrong.
def _last_sunday(year: int, month: int) -> datetime:
    day = date(year, month, 31)
    day -= timedelta(days=(day.weekday() + 1) % 7)
    return datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC)


_DST_CHANGES: Final = tuple(
    _last_sunday(year, month) for year in range(2019, 2031) for month in (3, 10)
)


@functools.cache
def aware_datetimes() -> st.SearchStrategy[datetime]:
    """Aware datetimes in any time zone, many within hours of an Oslo DST change.

    Imaginary local times (in a spring-forward gap) are never drawn: a time zone
    database resolves them differently depending on ``fold``.
    """
    anywhere = st.datetimes(
        min_value=datetime(1970, 1, 1),
        max_value=datetime(2100, 1, 1),
        timezones=st.timezones(),
        allow_imaginary=False,
    )
    near_dst = st.builds(
        lambda change, minutes, seconds, zone: (
            change + timedelta(minutes=minutes, seconds=seconds)
        ).astimezone(zone),
        st.sampled_from(_DST_CHANGES),
        st.integers(-180, 180),
        st.sampled_from((0, 0, 0, 30, 59)),
        st.sampled_from((UTC, OSLO, timezone(timedelta(hours=-5)))) | st.timezones(),
    )
    return st.one_of(anywhere, near_dst)


@functools.cache
def amounts(*, max_value: int = 10**9) -> st.SearchStrategy[Decimal]:
    """NOK amounts: :class:`Decimal` >= 0 with zero, one or two decimals."""
    return st.builds(
        lambda units, places: Decimal(units).scaleb(-places),
        st.integers(0, max_value * 100),
        st.sampled_from((0, 0, 1, 2)),
    )


@functools.cache
def fractions(
    *, low: Fraction = Fraction(0), high: Fraction = Fraction(1), low_open: bool = False
) -> st.SearchStrategy[Fraction]:
    """Exact fractions in ``[low, high]`` (``(low, high]`` when ``low_open``)."""
    simple = st.sampled_from([Fraction(n, d) for d in (1, 2, 3, 4, 5, 100) for n in range(d + 1)])
    general = st.fractions(min_value=low, max_value=high, max_denominator=1000)
    return (simple | general).filter(lambda f: low <= f <= high and not (low_open and f == low))


@functools.cache
@functools.cache
def sources() -> st.SearchStrategy[Source]:
    """Sources (kjelder): a title, maybe an http(s) URL, a date at some precision, a locator."""
    urls = st.builds(
        "https://{}/{}".format,
        st.sampled_from(("regionhadeland.no", "www.hole.kommune.no", "example.org:8080")),
        st.text(alphabet=string.ascii_letters + string.digits + "._-/", max_size=20),
    )
    return st.builds(
        Source,
        title=required_texts(),
        url=_optional(urls),
        dated=_optional(dates()),
        date_precision=st.sampled_from(DatePrecision),
        locator=_optional(texts()),
    )


def _provenance() -> dict[str, st.SearchStrategy[Any]]:
    """The ``sources`` and ``assumption`` keywords of a class that states facts."""
    return {
        "sources": _tuples(sources(), max_size=2),
        "assumption": _optional(localized_texts()),
    }


def orgnrs() -> st.SearchStrategy[str]:
    """Valid Norwegian organisation numbers (nine digits, mod-11 check digit)."""

    def with_check_digit(body: str) -> str | None:
        weights = (3, 2, 7, 6, 5, 4, 3, 2)
        check = -sum(w * int(d) for w, d in zip(weights, body, strict=True)) % 11
        return None if check == 10 else body + str(check)

    bodies_ = st.builds(
        lambda first, rest: first + rest,
        st.sampled_from("89"),
        st.text(string.digits, min_size=7, max_size=7),
    )
    return bodies_.map(with_check_digit).filter(lambda n: n is not None)  # type: ignore[return-value]


def _enum_sets(enum: Any) -> st.SearchStrategy[frozenset[Any]]:
    return st.frozensets(st.sampled_from(enum))


# -- scope: the ids references may point at -------------------------------------------


@attrs.frozen(kw_only=True)
class Scope:
    """The ids a generated object's references may name, by reference kind.

    ``None`` for a kind means "anything": references are arbitrary slugs. An empty
    tuple means no object of that kind exists, so optional references stay ``None``
    and reference lists stay empty.
    """

    participants: tuple[str, ...] | None = None
    counties: tuple[str, ...] | None = None
    persons: tuple[str, ...] | None = None
    organisations: tuple[str, ...] | None = None
    bodies: tuple[str, ...] | None = None
    meetings: tuple[str, ...] | None = None
    themes: tuple[str, ...] | None = None
    plans: tuple[str, ...] | None = None
    projects: tuple[str, ...] | None = None
    tasks: tuple[str, ...] | None = None

    @property
    def parties(self) -> tuple[str, ...] | None:
        """Participants and organisations: whoever can sign an agreement or fund a project."""
        if self.participants is None or self.organisations is None:
            return None
        return self.participants + self.organisations


_ANYWHERE: Final = Scope()


def _ref(pool: Sequence[str] | None) -> st.SearchStrategy[str]:
    if pool is None:
        return slugs()
    return st.sampled_from(tuple(pool)) if pool else st.nothing()


def _opt_ref(pool: Sequence[str] | None) -> st.SearchStrategy[str | None]:
    if pool is not None and not pool:
        return st.none()
    return _optional(_ref(pool))


def _refs(pool: Sequence[str] | None, *, max_size: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
    if pool is not None and not pool:
        return st.just(())
    return st.lists(_ref(pool), unique=True, max_size=max_size).map(tuple)


# -- participants, persons, organisations ---------------------------------------------


def official_numbers(
    *, digits: int = 4, max_size: int = 3
) -> st.SearchStrategy[tuple[OfficialNumber, ...]]:
    """A history of ``digits``-digit official numbers with non-overlapping periods."""

    @st.composite
    def build(draw: st.DrawFn) -> tuple[OfficialNumber, ...]:
        count = draw(st.integers(0, max_size))
        starts = sorted(draw(st.lists(dates(), min_size=count, max_size=count, unique=True)))
        values = draw(
            st.lists(
                st.text(string.digits, min_size=digits, max_size=digits),
                min_size=count,
                max_size=count,
            )
        )
        numbers = []
        for i, (start, value) in enumerate(zip(starts, values, strict=True)):
            last = i == count - 1
            end = (
                draw(_optional(dates(min_value=start)))
                if last
                else starts[i + 1] - timedelta(days=1)
            )
            open_start = i == 0 and draw(st.booleans())
            numbers.append(
                OfficialNumber(value=value, valid_from=None if open_start else start, valid_to=end)
            )
        return tuple(numbers)

    return build()


def _period(draw: st.DrawFn) -> tuple[date | None, date | None]:
    start = draw(_optional(dates()))
    end = draw(_optional(dates(min_value=start or date(1950, 1, 1))))
    return start, end


@st.composite
def county_affiliations(
    draw: st.DrawFn, counties: Sequence[str] | None = None
) -> CountyAffiliation:
    """A municipality's county, from-to (``counties``: the county authority ids)."""
    start, end = _period(draw)
    return CountyAffiliation(county=draw(_ref(counties)), valid_from=start, valid_to=end)


def municipalities(
    *, ids: st.SearchStrategy[str] | None = None, counties: Sequence[str] | None = None
) -> st.SearchStrategy[Municipality]:
    """Municipalities (kommunar) with four-digit kommunenummer histories."""
    return st.builds(
        Municipality,
        id=slugs() if ids is None else ids,
        name=localized_texts(),
        written_standard=st.sampled_from(WrittenStandard),
        numbers=official_numbers(digits=4),
        orgnr=_optional(orgnrs()),
        counties=(
            st.just(())
            if counties is not None and not counties
            else _tuples(county_affiliations(counties))
        ),
        population=_optional(st.integers(0, 2_000_000)),
        population_year=_optional(st.integers(1800, 2100)),
        website=_optional(texts()),
        **_provenance(),
    )


def county_authorities(
    *, ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[CountyAuthority]:
    """County authorities (fylkeskommunar) with two-digit fylkesnummer histories."""
    return st.builds(
        CountyAuthority,
        id=slugs() if ids is None else ids,
        name=localized_texts(),
        written_standard=st.sampled_from(WrittenStandard),
        numbers=official_numbers(digits=2),
        orgnr=_optional(orgnrs()),
        population=_optional(st.integers(0, 2_000_000)),
        population_year=_optional(st.integers(1800, 2100)),
        website=_optional(texts()),
    )


def participants(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Participant]:
    """Either kind of participant (the tagged union)."""
    return municipalities(ids=ids) | county_authorities(ids=ids)


@functools.cache
def contacts() -> st.SearchStrategy[Contact]:
    """Contact details (free text: the model does not parse them)."""
    return st.builds(Contact, email=_optional(texts()), phone=_optional(texts()))


def persons(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Person]:
    """Persons, named or placeholders for a role."""
    return st.builds(
        Person,
        id=slugs() if ids is None else ids,
        name=required_texts(),
        gender=_optional(st.sampled_from(Gender)),
        contact=_optional(contacts()),
        placeholder=st.booleans(),
    )


def organisations(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Organisation]:
    """Organisations that are not participants (funders, partners)."""
    return st.builds(
        Organisation,
        id=slugs() if ids is None else ids,
        name=localized_texts(),
        kind=st.sampled_from(OrganisationKind),
        orgnr=_optional(orgnrs()),
        website=_optional(texts()),
    )


# -- voting rules and bodies -----------------------------------------------------------


@functools.cache
def voting_rules() -> st.SearchStrategy[VotingRule]:
    """Any voting rule (majority, consensus, unanimity, election)."""
    return st.one_of(
        st.builds(
            MajorityRule,
            threshold=fractions(low_open=True),
            strict=st.booleans(),
            base=st.sampled_from(VoteBase),
            tie_break=st.sampled_from(TieBreak),
        ),
        st.builds(ConsensusRule, unit=st.sampled_from(ConsensusUnit)),
        st.builds(UnanimityRule, written=st.booleans()),
        st.builds(ElectionRule, second_ballot=st.booleans()),
    )


@functools.cache
def quorum_rules() -> st.SearchStrategy[QuorumRule]:
    """Quorum rules (vedtaksførleik, koml. § 11-9)."""
    return st.builds(
        QuorumRule,
        fraction=fractions(low_open=True),
        inclusive=st.booleans(),
        must_vote=st.booleans(),
    )


@st.composite
def count_ranges(draw: st.DrawFn, *, max_value: int = 60) -> CountRange:
    """Inclusive ranges ``min <= max``."""
    low = draw(st.integers(0, max_value))
    return CountRange(min=low, max=draw(st.integers(low, max_value)))


@st.composite
def delegations(draw: st.DrawFn, scope: Scope = _ANYWHERE) -> Delegation:
    """A participant's delegation, offices never outnumbering seats."""
    members = draw(st.integers(0, 4))
    deputies = draw(_optional(st.integers(0, 4)))
    member_offices = draw(st.lists(st.sampled_from(Office), max_size=members))
    deputy_offices = draw(
        st.lists(st.sampled_from(Office), max_size=3 if deputies is None else deputies)
    )
    return Delegation(
        participant=draw(_opt_ref(scope.participants)),
        members=members,
        deputies=deputies,
        member_offices=tuple(member_offices),
        deputy_offices=tuple(deputy_offices),
    )


def observer_seats(scope: Scope = _ANYWHERE) -> st.SearchStrategy[ObserverSeat]:
    """Observers and their rights."""
    return st.builds(
        ObserverSeat,
        participant=_opt_ref(scope.participants),
        organisation=_opt_ref(scope.organisations),
        count=st.integers(1, 3),
        offices=_tuples(st.sampled_from(Office)),
        rights=_enum_sets(Right),
        description=_optional(localized_texts()),
    )


def ex_officio_seats(scope: Scope = _ANYWHERE) -> st.SearchStrategy[ExOfficioSeat]:
    """Seats held by virtue of a position."""
    return st.builds(
        ExOfficioSeat,
        office=st.sampled_from(Office),
        participant=_opt_ref(scope.participants),
        staff_role=_optional(localized_texts()),
        rights=_enum_sets(Right),
    )


def chair_rules(scope: Scope = _ANYWHERE) -> st.SearchStrategy[ChairRule]:
    """How the chair is chosen."""
    return st.builds(
        ChairRule,
        selection=st.sampled_from(ChairSelection),
        term_years=_optional(st.integers(1, 4)),
        rotation=_refs(scope.participants),
    )


@st.composite
def decision_rules(draw: st.DrawFn) -> tuple[DecisionRule, ...]:
    """A body's decision rules: each names at least one case kind, none twice."""
    kinds = draw(st.permutations(list(CaseKind)))[: draw(st.integers(0, 5))]
    rules = []
    while kinds:
        size = draw(st.integers(1, len(kinds)))
        rules.append(DecisionRule(case_kinds=frozenset(kinds[:size]), rule=draw(voting_rules())))
        kinds = kinds[size:]
    return tuple(rules)


def bodies(
    scope: Scope = _ANYWHERE, *, ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Body]:
    """Bodies (organ). ``created_by`` and ``reports_to`` name bodies in ``scope``."""
    return st.builds(
        Body,
        id=slugs() if ids is None else ids,
        kind=st.sampled_from(BodyKind),
        name=localized_texts(),
        everyday_name=_optional(localized_texts()),
        created_by=_opt_ref(scope.bodies),
        reports_to=_refs(scope.bodies, max_size=2),
        composition=_tuples(delegations(scope)),
        observers=_tuples(observer_seats(scope), max_size=1),
        ex_officio=_tuples(ex_officio_seats(scope), max_size=1),
        chair=chair_rules(scope),
        meetings_per_year=_optional(count_ranges(max_value=20)),
        cases_per_year=_optional(count_ranges(max_value=200)),
        powers=_enum_sets(Power),
        default_rule=voting_rules(),
        decision_rules=decision_rules(),
        quorum=quorum_rules(),
        term_years=st.integers(1, 6),
        political=st.booleans(),
        description=_optional(localized_texts()),
        **_provenance(),
    )


@st.composite
def appointments(
    draw: st.DrawFn, scope: Scope = _ANYWHERE, *, ids: st.SearchStrategy[str] | None = None
) -> Appointment:
    """A person's seat in a body; ``deputy_order`` only for deputies."""
    seat = draw(st.sampled_from(SeatKind))
    values: dict[str, Any] = {}
    if draw(st.booleans()):  # otherwise the seat's default rights
        values["rights"] = draw(_enum_sets(Right))
    start, end = _period(draw)
    return Appointment(
        id=draw(slugs() if ids is None else ids),
        person=draw(_ref(scope.persons)),
        body=draw(_ref(scope.bodies)),
        participant=draw(_opt_ref(scope.participants)),
        seat=seat,
        deputy_order=draw(_optional(st.integers(1, 5))) if seat is SeatKind.DEPUTY else None,
        office=draw(_optional(st.sampled_from(Office))),
        position=draw(st.sampled_from(Position)),
        valid_from=start,
        valid_to=end,
        written_consent=draw(_optional(st.booleans())),
        role=draw(_optional(localized_texts())),
        **values,
    )


# -- meetings ----------------------------------------------------------------------------


@functools.cache
def locations() -> st.SearchStrategy[Location]:
    """Meeting places and links."""
    return st.builds(
        Location,
        place=_optional(texts()),
        address=_optional(texts()),
        remote_url=_optional(texts()),
    )


def votes(scope: Scope = _ANYWHERE) -> st.SearchStrategy[Vote]:
    """One person's vote."""
    return st.builds(
        Vote,
        person=_ref(scope.persons),
        choice=st.sampled_from(VoteChoice),
        candidate=_opt_ref(scope.persons),
    )


@functools.cache
def tallies() -> st.SearchStrategy[Tally]:
    """Counted votes."""
    return st.builds(
        Tally,
        votes_for=st.integers(0, 50),
        votes_against=st.integers(0, 50),
        blank=st.integers(0, 10),
    )


def candidates(scope: Scope = _ANYWHERE) -> st.SearchStrategy[Candidate]:
    """A name on an election list or slate."""
    return st.builds(
        Candidate,
        name=required_texts(),
        gender=_optional(st.sampled_from(Gender)),
        person=_opt_ref(scope.persons),
    )


def election_lists(
    scope: Scope = _ANYWHERE, method: ElectionMethod = ElectionMethod.PROPORTIONAL
) -> st.SearchStrategy[ElectionList]:
    """Lists of candidates, valid for ``method`` (no deputies in forholdsvalg)."""
    proportional = method is ElectionMethod.PROPORTIONAL
    return st.builds(
        ElectionList,
        name=required_texts(max_size=12),
        candidates=_tuples(candidates(scope), max_size=3),
        votes=st.integers(0, 40) if proportional else _optional(st.integers(0, 40)),
        deputies=st.just(()) if proportional else _tuples(candidates(scope)),
    )


def candidate_votes() -> st.SearchStrategy[CandidateVotes]:
    """One candidate's votes in a ballot."""
    return st.builds(CandidateVotes, candidate=required_texts(), votes=st.integers(0, 30))


def ballots() -> st.SearchStrategy[Ballot]:
    """One ballot of a flertallsvalg."""
    counts = st.lists(
        candidate_votes(),
        max_size=3,
        unique_by=lambda count: count.candidate,
    ).map(tuple)
    return st.builds(Ballot, counts=counts, blank=st.integers(0, 5))


def elections(scope: Scope = _ANYWHERE) -> st.SearchStrategy[Election]:
    """Elections of every method (koml. §§ 7-4 to 7-8), valid for the model."""

    def build(method: ElectionMethod) -> st.SearchStrategy[Election]:
        if method is ElectionMethod.MAJORITY:
            return st.builds(
                Election,
                method=st.just(method),
                ballots=st.lists(ballots(), min_size=1, max_size=2).map(tuple),
            )
        lists = st.lists(
            election_lists(scope, method), min_size=1, max_size=3, unique_by=lambda x: x.name
        ).map(tuple)
        return st.builds(
            Election,
            method=st.just(method),
            seats=st.integers(1, 9),
            lists=lists,
            votes_for=_optional(st.integers(0, 30)),
            votes_against=st.integers(0, 3),
            proportional_demanded=st.booleans(),
        )

    return st.sampled_from(ElectionMethod).flatmap(build)


def agenda_items(
    scope: Scope = _ANYWHERE,
    *,
    ids: st.SearchStrategy[str] | None = None,
    orders: st.SearchStrategy[int] | None = None,
) -> st.SearchStrategy[AgendaItem]:
    """Agenda items (saker) with votes by persons in ``scope``."""
    return st.builds(
        AgendaItem,
        id=slugs() if ids is None else ids,
        order=st.integers(1, 99) if orders is None else orders,
        number=required_texts(max_size=12),
        title=required_texts(),
        kind=st.sampled_from(CaseKind),
        closed_basis=_optional(st.sampled_from(ClosedBasis)),
        proposal=_optional(texts(max_size=60)),
        decision=_optional(texts(max_size=60)),
        votes=_tuples(votes(scope)),
        tally=_optional(tallies()),
        outcome=_optional(st.sampled_from(RecordedOutcome)),
        disqualified=_refs(scope.persons, max_size=2),
        excused=_refs(scope.persons, max_size=2),
        url=_optional(texts()),
        election=_optional(elections(scope)),
    ).flatmap(_with_exemption)


def _with_exemption(item: AgendaItem) -> st.SearchStrategy[AgendaItem]:
    # The offentleglova exemption exists only beside a koml. § 11-5 basis.
    if item.closed_basis is None:
        return st.just(item)
    return _optional(required_texts()).map(lambda text: attrs.evolve(item, exemption=text))


def attendances(scope: Scope = _ANYWHERE) -> st.SearchStrategy[Attendance]:
    """One person's attendance."""
    return st.builds(
        Attendance,
        person=_ref(scope.persons),
        status=st.sampled_from(AttendanceStatus),
        substitute_for=_opt_ref(scope.persons),
    )


@st.composite
def _meeting_times(draw: st.DrawFn) -> tuple[datetime, datetime, bool]:
    if draw(st.integers(0, 4)) == 0:  # all-day meetings run midnight to midnight in Oslo
        day = draw(dates(min_value=date(1971, 1, 1), max_value=date(2099, 1, 1)))
        start = datetime(day.year, day.month, day.day, tzinfo=OSLO)
        last = day + timedelta(days=draw(st.integers(1, 3)))
        return start, datetime(last.year, last.month, last.day, tzinfo=OSLO), True
    start = draw(aware_datetimes())
    # Add the duration in UTC: wall-clock arithmetic in Oslo ignores a clock change.
    length = timedelta(minutes=draw(st.integers(1, 12 * 60)))
    return start, (start.astimezone(UTC) + length).astimezone(start.tzinfo), False


@st.composite
def meetings(
    draw: st.DrawFn, scope: Scope = _ANYWHERE, *, ids: st.SearchStrategy[str] | None = None
) -> Meeting:
    """Meetings of a body in ``scope``, with an agenda whose orders are unique."""
    start, end, all_day = draw(_meeting_times())
    body = draw(_ref(scope.bodies))
    others = None if scope.bodies is None else tuple(b for b in scope.bodies if b != body)
    orders = draw(st.lists(st.integers(1, 99), unique=True, max_size=3))
    item_ids = draw(st.lists(slugs(), unique=True, min_size=len(orders), max_size=len(orders)))
    agenda = tuple(
        draw(agenda_items(scope, ids=st.just(item_id), orders=st.just(order)))
        for item_id, order in zip(item_ids, orders, strict=True)
    )
    return Meeting(
        id=draw(slugs() if ids is None else ids),
        body=body,
        joint_bodies=draw(_refs(others, max_size=2)),
        number=draw(st.integers(1, 40)),
        title=draw(_optional(texts())),
        start=start,
        end=end,
        all_day=all_day,
        location=draw(_optional(locations())),
        mode=draw(st.sampled_from(MeetingMode)),
        kind=draw(st.sampled_from(MeetingKind)),
        status=draw(st.sampled_from(MeetingStatus)),
        revision=draw(st.integers(0, 20)),
        modified=draw(aware_datetimes()),
        agenda=agenda,
        attendance=draw(_tuples(attendances(scope))),
        illustrative=draw(st.booleans()),
        url=draw(_optional(texts())),
        expected_members=draw(_optional(st.integers(0, 40))),
    )


# -- agreements ----------------------------------------------------------------------------


@functools.cache
def clauses() -> st.SearchStrategy[Clause]:
    """Numbered clauses tagged with topics."""
    return st.builds(
        Clause,
        number=required_texts(max_size=6),
        heading=_optional(localized_texts()),
        text=_optional(localized_texts()),
        topics=_enum_sets(ClauseTopic),
    )


def adoptions(scope: Scope = _ANYWHERE) -> st.SearchStrategy[Adoption]:
    """A party's adoption of an agreement."""
    return st.builds(
        Adoption,
        party=_ref(scope.parties),
        by=st.sampled_from(Adopter),
        date=_optional(dates()),
        case_number=_optional(texts(max_size=12)),
    )


def amendments(
    scope: Scope = _ANYWHERE, *, ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Amendment]:
    """Amendments of an agreement."""
    return st.builds(
        Amendment,
        id=slugs() if ids is None else ids,
        date=_optional(dates()),
        clauses=_tuples(required_texts(max_size=6)),
        description=_optional(localized_texts()),
        adopted_by=st.sampled_from(Adopter),
        adoptions=st.just(()) if scope.parties == () else _tuples(adoptions(scope)),
        tally=_optional(tallies()),
        meeting=_opt_ref(scope.meetings),
    )


@st.composite
def agreements(
    draw: st.DrawFn, scope: Scope = _ANYWHERE, *, ids: st.SearchStrategy[str] | None = None
) -> Agreement:
    """Agreements between parties in ``scope``."""
    start, end = _period(draw)
    amendment_ids = draw(st.lists(slugs(), unique=True, max_size=2))
    return Agreement(
        id=draw(slugs() if ids is None else ids),
        kind=draw(st.sampled_from(AgreementKind)),
        title=draw(localized_texts()),
        parties=draw(_refs(scope.parties)),
        dated=draw(_optional(dates())),
        date_precision=draw(st.sampled_from(DatePrecision)),
        valid_from=start,
        valid_to=end,
        clauses=draw(_tuples(clauses(), max_size=3)),
        adoptions=draw(_tuples(adoptions(scope)) if scope.parties != () else st.just(())),
        amendments=tuple(draw(amendments(scope, ids=st.just(i))) for i in amendment_ids),
        non_core_amendments_by=draw(st.sampled_from(Adopter)),
        non_core_amendment_rule=draw(_optional(voting_rules())),
        source=draw(_optional(texts())),
        text_complete=draw(st.booleans()),
        summary=draw(_optional(localized_texts())),
        **{key: draw(strategy) for key, strategy in _provenance().items()},
    )


# -- money ---------------------------------------------------------------------------------


@st.composite
def fundings(draw: st.DrawFn, scope: Scope = _ANYWHERE) -> Funding:
    """Money from one funder (an id) or a group of funders (a description)."""
    funder = None if scope.parties == () else draw(_opt_ref(scope.parties))
    return Funding(
        funder=funder,
        funder_group=draw(localized_texts()) if funder is None else None,
        amount=draw(_optional(amounts())),
        recurrence=draw(st.sampled_from(Recurrence)),
        years=draw(_optional(st.integers(1, 10))),
    )


@functools.cache
def cost_keys() -> st.SearchStrategy[CostKey]:
    """Cost-sharing keys."""
    return st.builds(
        CostKey, method=st.sampled_from(CostSharing), fixed_share=_optional(fractions())
    )


@functools.cache
def budget_lines() -> st.SearchStrategy[BudgetLine]:
    """Budget lines."""
    return st.builds(
        BudgetLine,
        label=localized_texts(),
        kind=st.sampled_from(BudgetLineKind),
        amount=amounts(),
    )


def contributions(scope: Scope = _ANYWHERE) -> st.SearchStrategy[Contribution]:
    """A participant's contribution."""
    return st.builds(Contribution, participant=_ref(scope.participants), amount=amounts())


def budgets(
    scope: Scope = _ANYWHERE, *, ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Budget]:
    """Annual budgets."""
    return st.builds(
        Budget,
        id=slugs() if ids is None else ids,
        year=st.integers(1900, 2100),
        lines=_tuples(budget_lines(), max_size=3),
        contributions=(st.just(()) if scope.participants == () else _tuples(contributions(scope))),
        cost_key=_optional(cost_keys()),
        adopted=_optional(dates()),
        adopted_by=_opt_ref(scope.bodies),
    )


@functools.cache
def year_amounts() -> st.SearchStrategy[YearAmount]:
    """An amount for one year."""
    return st.builds(YearAmount, year=st.integers(1900, 2100), amount=amounts())


def funds(
    scope: Scope = _ANYWHERE, *, ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Fund]:
    """Funds and the body that manages them."""
    return st.builds(
        Fund,
        id=slugs() if ids is None else ids,
        name=localized_texts(),
        managed_by=_opt_ref(scope.bodies),
        purpose=_optional(localized_texts()),
        amounts=_tuples(year_amounts()),
    )


@st.composite
def projects(
    draw: st.DrawFn, scope: Scope = _ANYWHERE, *, ids: st.SearchStrategy[str] | None = None
) -> Project:
    """Projects with their funders."""
    start, end = _period(draw)
    return Project(
        id=draw(slugs() if ids is None else ids),
        name=draw(localized_texts()),
        kind=draw(st.sampled_from(ProjectKind)),
        status=draw(st.sampled_from(ProjectStatus)),
        themes=draw(_refs(scope.themes, max_size=2)),
        start=start,
        end=end,
        duration_years=draw(_optional(st.integers(1, 10))),
        budget=draw(_optional(amounts())),
        funding=draw(_tuples(fundings(scope))),
        goals=draw(_tuples(localized_texts())),
        description=draw(_optional(localized_texts())),
        steering_body=draw(_opt_ref(scope.bodies)),
    )


# -- plans -----------------------------------------------------------------------------------


def themes(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Theme]:
    """Focus areas (satsingsområde)."""
    return st.builds(
        Theme,
        id=slugs() if ids is None else ids,
        title=localized_texts(),
        description=_optional(localized_texts()),
    )


def tasks(
    scope: Scope = _ANYWHERE, *, ids: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Task]:
    """Tasks (tiltak) of an action plan."""
    return st.builds(
        Task,
        id=slugs() if ids is None else ids,
        title=localized_texts(),
        theme=_opt_ref(scope.themes),
        mode=_optional(st.sampled_from(TaskMode)),
        lead=_opt_ref(scope.parties),
        partners=_refs(scope.parties, max_size=2),
        partner_names=_tuples(required_texts()),
        status=st.sampled_from(TaskStatus),
        due=_optional(dates()),
        budget=_optional(amounts()),
        funding=_tuples(fundings(scope), max_size=1),
        resourced=_optional(st.booleans()),
        description=_optional(localized_texts()),
        project=_opt_ref(scope.projects),
    )


def task_evaluations(scope: Scope = _ANYWHERE) -> st.SearchStrategy[TaskEvaluation]:
    """One task's status in an evaluation."""
    return st.builds(
        TaskEvaluation,
        task=_ref(scope.tasks),
        status=st.sampled_from(TaskStatus),
        achievement=st.sampled_from(Achievement),
        comment=_optional(localized_texts()),
    )


def evaluations(scope: Scope = _ANYWHERE) -> st.SearchStrategy[Evaluation]:
    """Annual evaluations (årleg evaluering)."""
    return st.builds(
        Evaluation,
        year=st.integers(1900, 2100),
        dated=_optional(dates()),
        tasks=st.just(()) if scope.tasks == () else _tuples(task_evaluations(scope)),
        trends=_tuples(localized_texts()),
        next_priorities=_tuples(localized_texts()),
    )


@functools.cache
def evaluation_rules() -> st.SearchStrategy[EvaluationRule]:
    """How a plan is evaluated."""
    return st.builds(
        EvaluationRule,
        every_years=st.integers(1, 4),
        aspects=_enum_sets(EvaluationAspect),
        drop_unresourced=st.booleans(),
    )


@st.composite
def _years(draw: st.DrawFn) -> tuple[int, int]:
    start = draw(st.integers(1990, 2060))
    return start, draw(st.integers(start, start + 20))


@st.composite
def action_plans(
    draw: st.DrawFn,
    scope: Scope = _ANYWHERE,
    *,
    ids: st.SearchStrategy[str] | None = None,
    task_ids: Sequence[str] | None = None,
) -> ActionPlan:
    """Action plans (handlingsplan) with tasks and evaluations of those tasks.

    ``task_ids`` fixes the ids of the plan's tasks (so they can be unique in a council).
    """
    if task_ids is None:
        task_ids = draw(st.lists(slugs(), unique=True, max_size=3))
    plan_tasks = tuple(draw(tasks(scope, ids=st.just(i))) for i in task_ids)
    start, end = draw(_years())
    return ActionPlan(
        id=draw(slugs() if ids is None else ids),
        title=draw(localized_texts()),
        start_year=start,
        end_year=end,
        strategic_plan=draw(_opt_ref(scope.plans)),
        themes=draw(_refs(scope.themes, max_size=2)),
        tasks=plan_tasks,
        evaluations=draw(_tuples(evaluations(attrs.evolve(scope, tasks=tuple(task_ids))))),
        evaluation_rule=draw(_optional(evaluation_rules())),
        adopted=draw(_optional(dates())),
        note=draw(_optional(localized_texts())),
    )


@st.composite
def strategic_plans(
    draw: st.DrawFn, scope: Scope = _ANYWHERE, *, ids: st.SearchStrategy[str] | None = None
) -> StrategicPlan:
    """Strategic plans, maybe with a long horizon."""
    years = draw(_optional(_years()))
    return StrategicPlan(
        id=draw(slugs() if ids is None else ids),
        title=draw(localized_texts()),
        start_year=None if years is None else years[0],
        end_year=None if years is None else years[1],
        horizon_year=draw(_optional(st.integers(1990, 2100))),
        themes=draw(_refs(scope.themes, max_size=2)),
        goals=draw(_tuples(localized_texts())),
        evaluation_rule=draw(_optional(evaluation_rules())),
        adopted=draw(_optional(dates())),
        note=draw(_optional(localized_texts())),
    )


# -- the council and the register ----------------------------------------------------------


@st.composite
def participations(draw: st.DrawFn, scope: Scope = _ANYWHERE) -> Participation:
    """A participant's part in a council."""
    start, end = _period(draw)
    return Participation(
        participant=draw(_ref(scope.participants)),
        role=draw(st.sampled_from(ParticipationRole)),
        valid_from=start,
        valid_to=end,
        ownership_share=draw(_optional(fractions())),
        liability_share=draw(_optional(fractions())),
        withdrawal_notice_months=draw(_optional(st.integers(0, 24))),
    )


def staff_members(scope: Scope = _ANYWHERE) -> st.SearchStrategy[StaffMember]:
    """Staff: role, FTE percentage in (0, 100], employer."""
    fte = st.builds(
        lambda units, places: Decimal(units).scaleb(-places),
        st.integers(1, 100),
        st.sampled_from((0, 0, 1)),
    ).filter(lambda d: 0 < d <= 100)
    return st.builds(
        StaffMember,
        person=_ref(scope.persons),
        role=st.sampled_from(StaffRole),
        title=_optional(localized_texts()),
        fte_percent=_optional(fte),
        employer=_opt_ref(scope.parties),
        temporary=st.booleans(),
        reports_to=_refs(scope.bodies, max_size=2),
    )


def arenas(*, ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Arena]:
    """Meeting places the council runs or joins."""
    return st.builds(
        Arena,
        id=slugs() if ids is None else ids,
        name=localized_texts(),
        kind=st.sampled_from(ArenaKind),
        role=st.sampled_from(ArenaRole),
        audience=_optional(localized_texts()),
        description=_optional(localized_texts()),
        planned=st.booleans(),
    )


@functools.cache
def history_events() -> st.SearchStrategy[HistoryEvent]:
    """Milestones in a council's history."""
    return st.builds(
        HistoryEvent,
        year=_optional(st.integers(1000, 2100)),
        dated=_optional(dates()),
        kind=st.sampled_from(MilestoneKind),
        name=localized_texts(),
        description=_optional(localized_texts()),
        **_provenance(),
    )


@functools.cache
def council_ids() -> st.SearchStrategy[str]:
    """Council ids."""
    return slugs()


def _unique_ids(draw: st.DrawFn, count: int, used: set[str]) -> tuple[str, ...]:
    """``count`` slugs not in ``used`` (and added to it)."""
    ids = []
    for slug in draw(st.lists(slugs(), unique=True, min_size=count, max_size=count)):
        # Make a taken slug unique deterministically rather than filtering (cheaper).
        candidate, n = slug, 1
        while candidate in used:
            candidate, n = f"{slug}-{n}", n + 1
        used.add(candidate)
        ids.append(candidate)
    return tuple(ids)


@st.composite
def councils(
    draw: st.DrawFn,
    scope: Scope = _ANYWHERE,
    *,
    ids: st.SearchStrategy[str] | None = None,
    max_bodies: int = 3,
    max_meetings: int = 3,
) -> Council:
    """A council whose council-scoped references point inside it.

    Participants, persons and organisations come from ``scope``; bodies, meetings,
    themes, plans, projects and tasks are drawn here and referenced only from here.
    """
    used: set[str] = set()
    n = {
        "bodies": draw(st.integers(0, max_bodies)),
        "meetings": draw(st.integers(0, max_meetings)),
        "themes": draw(st.integers(0, 2)),
        "plans": draw(st.integers(0, 1)),
        "projects": draw(st.integers(0, 2)),
        "action_plans": draw(st.integers(0, 2)),
    }
    body_ids = _unique_ids(draw, n["bodies"], used)
    theme_ids = _unique_ids(draw, n["themes"], used)
    plan_ids = _unique_ids(draw, n["plans"], used)
    project_ids = _unique_ids(draw, n["projects"], used)
    action_plan_ids = _unique_ids(draw, n["action_plans"], used)
    task_ids = [_unique_ids(draw, draw(st.integers(0, 3)), used) for _ in action_plan_ids]
    # Meetings exist only when a body does (Meeting.body is required).
    meeting_ids = _unique_ids(draw, n["meetings"] if body_ids else 0, used)
    inner = attrs.evolve(
        scope,
        bodies=body_ids,
        meetings=meeting_ids,
        themes=theme_ids,
        plans=plan_ids,
        projects=project_ids,
        tasks=tuple(t for ids_ in task_ids for t in ids_),
    )

    def others(pool: tuple[str, ...], me: str) -> Scope:
        # A body is created by and reports to bodies before it in the list only: no
        # body links to itself and no circle forms (Council refuses both).
        return attrs.evolve(inner, bodies=pool[: pool.index(me)])

    can_appoint = bool(body_ids) and scope.persons != ()
    appointment_ids = _unique_ids(draw, draw(st.integers(0, 3)) if can_appoint else 0, used)
    return Council(
        id=draw(council_ids() if ids is None else ids),
        formal_name=draw(localized_texts()),
        short_name=draw(_optional(localized_texts())),
        everyday_name=draw(_optional(localized_texts())),
        established=draw(_optional(dates())),
        established_precision=draw(st.sampled_from(DatePrecision)),
        legal_entity=draw(_optional(st.booleans())),
        office_municipality=draw(_opt_ref(scope.participants)),
        written_standard=draw(_optional(st.sampled_from(WrittenStandard))),
        website=draw(_optional(texts())),
        purpose=draw(_optional(localized_texts())),
        mandate=draw(_tuples(localized_texts())),
        participations=draw(
            st.just(()) if scope.participants == () else _tuples(participations(scope), max_size=3)
        ),
        themes=tuple(draw(themes(ids=st.just(i))) for i in theme_ids),
        bodies=tuple(draw(bodies(others(body_ids, i), ids=st.just(i))) for i in body_ids),
        appointments=tuple(draw(appointments(inner, ids=st.just(i))) for i in appointment_ids),
        meetings=tuple(draw(meetings(inner, ids=st.just(i))) for i in meeting_ids),
        staff=draw(st.just(()) if scope.persons == () else _tuples(staff_members(inner))),
        arenas=tuple(
            draw(arenas(ids=st.just(i))) for i in _unique_ids(draw, draw(st.integers(0, 1)), used)
        ),
        agreements=tuple(
            draw(agreements(inner, ids=st.just(i)))
            for i in _unique_ids(draw, draw(st.integers(0, 2)), used)
        ),
        strategic_plans=tuple(draw(strategic_plans(inner, ids=st.just(i))) for i in plan_ids),
        action_plans=tuple(
            draw(action_plans(inner, ids=st.just(i), task_ids=t))
            for i, t in zip(action_plan_ids, task_ids, strict=True)
        ),
        budgets=tuple(
            draw(budgets(inner, ids=st.just(i)))
            for i in _unique_ids(draw, draw(st.integers(0, 1)), used)
        ),
        funds=tuple(
            draw(funds(inner, ids=st.just(i)))
            for i in _unique_ids(draw, draw(st.integers(0, 1)), used)
        ),
        projects=tuple(draw(projects(inner, ids=st.just(i))) for i in project_ids),
        history=draw(_tuples(history_events())),
        related_cooperations=draw(_tuples(localized_texts(), max_size=1)),
        term_years=draw(st.integers(1, 6)),
        outline=draw(st.booleans()),
        **{key: draw(strategy) for key, strategy in _provenance().items()},
    )


@st.composite
def registers(
    draw: st.DrawFn,
    max_councils: int = 2,
    *,
    max_participants: int = 4,
    max_persons: int = 5,
    max_organisations: int = 2,
    max_bodies: int = 3,
    max_meetings: int = 3,
) -> Register:
    """Small, valid, referentially consistent registers.

    Every reference names an existing object: participants, persons and
    organisations at the top, bodies, meetings, themes, plans, projects and tasks
    inside the same council. Municipalities' county affiliations name county
    authorities. Ids are unique at the top level and within each council.
    """
    used: set[str] = set()
    county_ids = _unique_ids(draw, draw(st.integers(0, 2)), used)
    municipality_ids = _unique_ids(
        draw, draw(st.integers(0, max(0, max_participants - len(county_ids)))), used
    )
    person_ids = _unique_ids(draw, draw(st.integers(0, max_persons)), used)
    organisation_ids = _unique_ids(draw, draw(st.integers(0, max_organisations)), used)
    council_id_list = _unique_ids(draw, draw(st.integers(0, max_councils)), used)
    counties = tuple(draw(county_authorities(ids=st.just(i))) for i in county_ids)
    municipalities_ = tuple(
        draw(municipalities(ids=st.just(i), counties=county_ids)) for i in municipality_ids
    )
    scope = Scope(
        participants=county_ids + municipality_ids,
        counties=county_ids,
        persons=person_ids,
        organisations=organisation_ids,
    )
    # Interleave the two participant kinds so order-dependent code sees both first.
    everyone: list[Participant] = [*counties, *municipalities_]
    mixed = draw(st.permutations(everyone))
    return Register(
        participants=tuple(mixed),
        organisations=tuple(draw(organisations(ids=st.just(i))) for i in organisation_ids),
        persons=tuple(draw(persons(ids=st.just(i))) for i in person_ids),
        councils=tuple(
            draw(councils(scope, ids=st.just(i), max_bodies=max_bodies, max_meetings=max_meetings))
            for i in council_id_list
        ),
        # Events outside any council refer to nothing, so any will do.
        history=draw(_tuples(history_events(), max_size=1)),
    )
