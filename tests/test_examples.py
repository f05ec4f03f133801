# SPDX-License-Identifier: MIT
"""The embedded examples: they load, round-trip, and state what the seed documents state."""

from __future__ import annotations

import doctest
import re
from collections import Counter
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path

import holidays
import pytest

from iprmodel import examples
from iprmodel.errors import LoadError
from iprmodel.model import (
    AgreementKind,
    ArenaRole,
    ChairSelection,
    ConsensusRule,
    Council,
    CountRange,
    DatePrecision,
    EvaluationAspect,
    MajorityRule,
    Municipality,
    Office,
    ParticipationRole,
    Register,
    Right,
    SeatKind,
    TaskMode,
    TieBreak,
    WrittenStandard,
)
from iprmodel.model.bodies import Power
from iprmodel.model.meetings import AttendanceStatus, CaseKind, ClosedBasis, MeetingStatus
from iprmodel.serialization import dumps, loads, structure, unstructure

NAMES = ("all", "hadeland", "hallingdal", "hamarregionen", "innlandet", "ringeriksregionen")
#: The examples of one council, whole.
COUNCILS = ("hadeland", "hallingdal", "hamarregionen", "ringeriksregionen")
EXAMPLES_DIR = resources.files("iprmodel.examples")
#: The seeds live beside the clone (../shared/seeds); absent in a bare checkout.
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def council(name: str) -> Council:
    found = examples.load(name).council(name)
    assert found is not None
    return found


def municipality(register: Register, participant_id: str) -> Municipality:
    found = register.participant(participant_id)
    assert isinstance(found, Municipality)
    return found


# -- the loader ----------------------------------------------------------------------


def test_names_are_the_six_sorted() -> None:
    assert examples.names() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_example_loads_and_round_trips_byte_identically(name: str) -> None:
    register = examples.load(name)
    expected = {"all": 4, "innlandet": 3}.get(name, 1)
    assert len(register.councils) == expected
    first = dumps(register)
    assert dumps(loads(first)) == first


@pytest.mark.parametrize("name", NAMES)
def test_every_example_round_trips_through_plain_data(name: str) -> None:
    register = examples.load(name)
    assert structure(unstructure(register)) == register


@pytest.mark.parametrize("name", COUNCILS)
def test_a_council_register_holds_only_what_the_council_uses(name: str) -> None:
    register = examples.load(name)
    (only,) = register.councils
    assert only.id == name
    members = {p.participant for p in only.participations}
    counties = {
        c.county for p in register.participants if isinstance(p, Municipality) for c in p.counties
    }
    for participant in register.participants:
        assert participant.id in members | counties
    used_people = {a.person for a in only.appointments} | {s.person for s in only.staff}
    assert {p.id for p in register.persons} == used_people


def test_all_is_the_four_councils_with_shared_participants_once() -> None:
    everything = examples.load("all")
    assert [c.id for c in everything.councils] == list(COUNCILS)
    ids = [p.id for p in everything.participants]
    assert len(ids) == len(set(ids))
    # Jevnaker takes part in Hadeland IPR and Ringeriksregionen IPR: one participant.
    assert ids.count("jevnaker") == 1
    in_councils = [
        c.id for c in everything.councils if "jevnaker" in {p.participant for p in c.participations}
    ]
    assert in_councils == ["hadeland", "ringeriksregionen"]
    # ... and its mayor is one person with a seat in both representantskap.
    seats = [
        (c.id, a.body)
        for c in everything.councils
        for a in c.appointments
        if a.person == "jevnaker-ordforer"
    ]
    assert ("hadeland", "representantskap") in seats
    assert ("ringeriksregionen", "representantskap") in seats


def test_unknown_example_names_the_choices() -> None:
    with pytest.raises(examples.UnknownExampleError) as caught:
        examples.load("oslo")
    error = caught.value
    assert isinstance(error, LoadError)
    assert isinstance(error, LookupError)
    assert error.available == NAMES
    assert str(error) == (
        "example: no example named 'oslo'; choose one of: "
        "all, hadeland, hallingdal, hamarregionen, innlandet, ringeriksregionen"
    )
    with pytest.raises(examples.UnknownExampleError):
        examples.source("Hallingdal")


def test_source_is_the_text_of_the_data_files() -> None:
    text = examples.source("hadeland")
    assert text.startswith("# file: hadeland.toml\n")
    assert text.count("# file: ") == 1
    assert "Ingunn Granaasen" in text
    assert "Hallingtinget" not in text
    whole = examples.source("all")
    for file in COUNCILS:
        assert f"# file: {file}.toml" in whole


def test_data_files_are_package_resources() -> None:
    files = {f.name for f in resources.files("iprmodel.examples").iterdir()}
    assert {
        "hadeland.toml",
        "innlandet.toml",
        "hallingdal.toml",
        "hamarregionen.toml",
        "ringeriksregionen.toml",
    } <= files


def test_module_docstring_example_runs() -> None:
    result = doctest.testmod(examples, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


# -- participants (kommuneloven.md §5) ---------------------------------------------


def test_lunner_number_and_county_history() -> None:
    register = examples.load("hadeland")
    lunner = municipality(register, "lunner")
    assert lunner.number_on(date(2023, 12, 31)) == "3054"
    assert lunner.number_on(date(2024, 1, 1)) == "3234"
    assert lunner.orgnr == "961381452"
    history = [(c.county, c.valid_from, c.valid_to) for c in lunner.counties]
    assert history == [
        ("viken", date(2020, 1, 1), date(2023, 12, 31)),
        ("akershus", date(2024, 1, 1), None),
    ]


@pytest.mark.parametrize(
    ("participant", "before", "after"),
    [
        ("gran", "3446", "3446"),
        ("jevnaker", "3053", "3236"),
        ("hamar", "3403", "3403"),
        ("ringerike", "3007", "3305"),
        ("krodsherad", "3046", "3318"),
        ("nesbyen", "3040", "3322"),
        ("al", "3043", "3328"),
        ("hol", "3044", "3330"),
    ],
)
def test_kommunenummer_2023_and_2024(participant: str, before: str, after: str) -> None:
    found = municipality(examples.load("all"), participant)
    assert found.number_on(date(2023, 6, 1)) == before
    assert found.number_on(date(2024, 6, 1)) == after


def test_county_authorities_have_numbers_but_no_unconfirmed_orgnr() -> None:
    register = examples.load("all")
    numbers = {}
    for county_id in ("innlandet", "viken", "akershus", "buskerud"):
        county = register.participant(county_id)
        assert county is not None
        assert county.orgnr is None
        numbers[county_id] = (
            county.number_on(date(2023, 6, 1)),
            county.number_on(date(2024, 6, 1)),
        )
    assert numbers == {
        "innlandet": ("34", "34"),
        "viken": ("30", None),
        "akershus": (None, "32"),
        "buskerud": (None, "33"),
    }


def test_no_population_is_invented() -> None:
    assert all(p.population is None for p in examples.load("all").participants)


# -- Hadeland (seed 000, 001) --------------------------------------------------------


def test_hadeland_staff_and_fte() -> None:
    register = examples.load("hadeland")
    staff = {}
    for member in council("hadeland").staff:
        person = register.person(member.person)
        assert person is not None
        staff[person.name] = (member.fte_percent, member.temporary)
    assert staff == {
        "Ingunn Granaasen": (Decimal(90), False),
        "Vibeke Buraas Dyrnes": (Decimal(30), False),
        "Sofia Haugan": (Decimal(100), True),
    }


def test_hadeland_representantskap_and_county_observers() -> None:
    hadeland = council("hadeland")
    body = hadeland.body("representantskap")
    assert body is not None
    assert body.meetings_per_year == CountRange(min=5, max=5)
    (delegation,) = body.composition
    assert delegation.members == 3
    assert delegation.member_offices == (Office.MAYOR, Office.DEPUTY_MAYOR, Office.OPPOSITION)
    observers: Counter[tuple[str | None, tuple[Office, ...]]] = Counter()
    for seat in body.observers:
        assert seat.rights == {Right.ATTEND, Right.SPEAK}
        observers[seat.participant, seat.offices] += seat.count
    two_members = (Office.COUNTY_COUNCIL_MEMBER, Office.COUNTY_COUNCIL_MEMBER)
    assert observers == {
        ("innlandet", two_members): 2,
        ("akershus", two_members): 2,
        ("akershus", (Office.COUNTY_EXECUTIVE,)): 1,
    }
    roles = {p.participant: p.role for p in hadeland.participations}
    assert roles == {
        "gran": ParticipationRole.MEMBER,
        "lunner": ParticipationRole.MEMBER,
        "jevnaker": ParticipationRole.MEMBER,
        "innlandet": ParticipationRole.OBSERVER,
        "akershus": ParticipationRole.OBSERVER,
    }
    seats = [a for a in hadeland.appointments if a.body == "representantskap"]
    members = [a for a in seats if a.seat is SeatKind.MEMBER]
    assert Counter(a.participant for a in members) == {"gran": 3, "lunner": 3, "jevnaker": 3}
    for appointment in seats:
        if appointment.seat is SeatKind.OBSERVER:
            assert Right.VOTE not in appointment.rights
    mayors = {a.person for a in hadeland.appointments if a.body == "arbeidsutvalg"}
    assert mayors == {"gran-ordforer", "lunner-ordforer", "jevnaker-ordforer"}


def test_hadeland_purpose_themes_and_agreements() -> None:
    hadeland = council("hadeland")
    assert hadeland.purpose is not None
    assert "bærekraftig og konkurransedyktig" in hadeland.purpose.get("nb")
    assert len(hadeland.mandate) == 4
    assert [t.title.get("nb") for t in hadeland.themes] == [
        "Omdømmebygging og ivaretakelse av merkevaren Hadeland",
        "Tilflytting, stedsutvikling og attraktivitet",
        "Kompetanseutvikling",
        "Næringsutvikling",
        "Infrastruktur (samferdsel og kraft/nett)",
        "Klima/miljø",
    ]
    agreements = {a.id: a for a in hadeland.agreements}
    declaration = agreements["hadelandserklaeringen"]
    assert declaration.kind is AgreementKind.DECLARATION
    assert (declaration.dated, declaration.date_precision) == (
        date(2023, 6, 1),
        DatePrecision.MONTH,
    )
    cooperation = agreements["samarbeidsavtale-2024"]
    assert cooperation.kind is AgreementKind.COOPERATION
    assert (cooperation.dated, cooperation.date_precision) == (
        date(2024, 12, 1),
        DatePrecision.MONTH,
    )
    assert cooperation.parties == ("gran", "lunner", "jevnaker")
    assert cooperation.source is not None
    assert cooperation.source.endswith("samarbeidsavtale_vedtatt.pdf")
    # Innlandet adopted county membership with every IPR except Hadeland (seed 001).
    assert not any(a.kind is AgreementKind.COUNTY_MEMBERSHIP for a in hadeland.agreements)
    assert any(
        e.dated == date(2025, 2, 12) and e.description and "fylkesbytte" in e.description.get("nb")
        for e in hadeland.history
    )


def test_hadeland_arenas() -> None:
    arenas = {a.id: a for a in council("hadeland").arenas}
    assert arenas["hadelandskonferansen"].role is ArenaRole.CO_ORGANISER
    assert arenas["hadelandstinget"].role is ArenaRole.ORGANISER
    planned = {a for a, arena in arenas.items() if arena.planned}
    assert planned == {"nettverk-infrastruktur", "nettverk-klima-miljo"}
    assert {"nettverk-kommunikasjon", "nettverk-naering", "regionalt-kompetanseforum"} <= set(
        arenas
    )


def test_hadeland_action_plan_2025_has_every_task_and_its_mode() -> None:
    (plan,) = council("hadeland").action_plans
    assert (plan.start_year, plan.end_year) == (2025, 2025)
    by_title = {t.title.get("nb"): t for t in plan.tasks}
    assert len(by_title) == len(plan.tasks) == 34
    per_theme = Counter(t.theme for t in plan.tasks if t.project is None)
    assert per_theme == {"kompetanse": 5, "klima-miljo": 2, "naering": 6, "infrastruktur": 11}
    expected_modes = {
        "Prosjekt Togring Viken vest": TaskMode.TAKES_PART,
        "Ring4": TaskMode.TAKES_PART,
        "Deltakelse i Hadelandshagen sitt bærekraftsprosjekt": TaskMode.TAKES_PART,
        "Besøk av statsråd Aasland": TaskMode.ORGANISES,
        "Oppfølging av NTP": TaskMode.FOLLOWS_UP,
        "Utarbeide Næringsprospekt": TaskMode.EXECUTES,
        "Stor-Oslo nord": None,
        "Forprosjekt Kunnskapsbank": None,
    }
    assert {title: by_title[title].mode for title in expected_modes} == expected_modes
    assert by_title["Besøk av statsråd Aasland"].partner_names == ("Bioreg Hadeland",)
    analysis = by_title["Mulighetsanalyse innen bioenergi og sirkulære varestrømmer"]
    assert analysis.partner_names == ("Ringeriksregionen", "Gjøvikregionen")
    programme = [t for t in plan.tasks if t.project == "hadeland-naert-og-naturlig"]
    assert len(programme) == 10  # four programme items + six marketing examples for 2025
    assert "Kampanje med nyinnflyttet familie" in {t.title.get("nb") for t in programme}


# -- Hamarregionen and Innlandet (seeds 001, 002) ------------------------------------


def test_hamarregionen_members_county_agreements_and_strategy() -> None:
    hamar = council("hamarregionen")
    members = {p.participant: p.valid_from for p in hamar.participations}
    assert members == {
        "hamar": None,
        "loten": None,
        "ringsaker": None,
        "stange": None,
        "innlandet": date(2025, 2, 12),
    }
    kinds = {a.kind: a for a in hamar.agreements}
    membership = kinds[AgreementKind.COUNTY_MEMBERSHIP]
    assert [(a.party, a.date) for a in membership.adoptions] == [("innlandet", date(2025, 2, 12))]
    partnership = kinds[AgreementKind.COUNTY_PARTNERSHIP]
    assert partnership.summary is not None
    assert "viktigste samhandlingsarenaen" in partnership.summary.get("nb")
    (strategy,) = hamar.strategic_plans
    assert len(strategy.themes) == 3
    assert any("bærekraft" in g.get("nb") for g in strategy.goals)
    (arena,) = hamar.arenas
    assert arena.planned
    assert "LO og NHO" in arena.name.get("nb")
    # The seed gives no composition: none is invented.
    body = hamar.body("representantskap")
    assert body is not None
    assert body.composition == ()
    assert hamar.appointments == ()


# -- Ringeriksregionen (seed 003) ----------------------------------------------------


def test_ringeriksregionen_strategy_2040_and_evaluation_rule() -> None:
    ringerike = council("ringeriksregionen")
    assert ringerike.formal_name.get("nb") == "Interkommunalt politisk råd for Ringeriksregionen"
    assert ringerike.established == date(2021, 1, 1)
    assert [p.participant for p in ringerike.participations] == [
        "ringerike",
        "hole",
        "jevnaker",
        "krodsherad",
        "modum",
    ]
    (roadmap,) = ringerike.strategic_plans
    assert roadmap.horizon_year == 2040
    assert len(roadmap.themes) == 6
    (plan,) = ringerike.action_plans
    rule = plan.evaluation_rule
    assert rule is not None
    assert rule.every_years == 1
    assert rule.drop_unresourced
    assert rule.aspects == {
        EvaluationAspect.STATUS_AND_ACHIEVEMENT,
        EvaluationAspect.TRENDS,
        EvaluationAspect.NEXT_PRIORITIES,
    }
    (agreement,) = ringerike.agreements
    assert agreement.summary is not None
    assert "§ 18-4" in agreement.summary.get("nb")


def test_ringeriksregionen_bodies_staff_and_committee() -> None:
    register = examples.load("ringeriksregionen")
    ringerike = council("ringeriksregionen")
    rep = ringerike.body("representantskap")
    assert rep is not None
    assert rep.chair.selection is ChairSelection.ROTATING
    assert rep.chair.term_years == 1
    seats = Counter(a.participant for a in ringerike.appointments if a.body == "representantskap")
    assert seats == dict.fromkeys(("ringerike", "hole", "jevnaker", "krodsherad", "modum"), 3)
    working = ringerike.body("arbeidsutvalget")
    assert working is not None
    assert working.reports_to == ("representantskap",)
    assert Power.RECOMMEND in working.powers
    experts = ringerike.body("fagteam")
    assert experts is not None
    assert experts.reports_to == ("kdu",)
    assert not experts.political
    (coordinator,) = ringerike.staff
    assert (coordinator.employer, coordinator.reports_to) == ("ringerike", ("kdu",))
    names = {p.id: p.name for p in register.persons}
    committee = {
        names[a.person]: a.role.get("nb") if a.role else None
        for a in ringerike.appointments
        if a.body == "ansettelsesutvalg"
    }
    assert committee == {
        "Syver Leivestad": "Regionrådsleder",
        "Andreas K. Torp": "Nestleder",
        "Sunni G. Aamodt": None,
        "Rune Hallingstad": None,
    }


def test_ringeriksregionen_real_meetings() -> None:
    meetings = {m.id: m for m in council("ringeriksregionen").meetings}
    gathering = meetings["strategisamling-2026"]
    assert gathering.joint_bodies == ("kdu",)
    assert gathering.all_day
    assert (gathering.start.date(), gathering.end.date()) == (date(2026, 1, 12), date(2026, 1, 14))
    assert gathering.location is not None
    assert gathering.location.place == "Kleivstua"
    direction = meetings["representantskap-2026-01-26"]
    assert direction.all_day
    assert direction.start.date() == date(2026, 1, 26)
    assert not any(m.illustrative for m in meetings.values())


# -- Hallingdal (seed 004) -----------------------------------------------------------


def test_hallingdal_identity_and_history() -> None:
    hallingdal = council("hallingdal")
    assert hallingdal.formal_name.nn == "Hallingdal interkommunale politiske råd"
    assert hallingdal.written_standard is WrittenStandard.NYNORSK
    assert [e.year for e in hallingdal.history] == [1952, 1967, 1973, 1984, 1999, 2015, 2023]
    assert hallingdal.history[0].description is not None
    assert hallingdal.history[0].description.get("nn") == "6 ordførarar"
    assert len(hallingdal.participations) == 6
    assert hallingdal.purpose is not None
    assert "samarbeids- og interesseorgan" in hallingdal.purpose.get("nn")
    related = [r.get("nn") for r in hallingdal.related_cooperations]
    assert "Hallingdal brann og redningsteneste IKS" in related
    assert "Regionrådet for Hallingdal" not in related


def test_hallingtinget_rules_per_case_kind() -> None:
    hallingtinget = council("hallingdal").body("hallingtinget")
    assert hallingtinget is not None
    assert hallingtinget.everyday_name is not None
    assert hallingtinget.everyday_name.get("nn") == "Hallingtinget"
    assert hallingtinget.meetings_per_year == CountRange(min=2, max=2)
    assert hallingtinget.cases_per_year == CountRange(min=15, max=20)
    assert isinstance(hallingtinget.rule_for(CaseKind.FUND_ALLOCATION), ConsensusRule)
    for kind in (CaseKind.DECISION, CaseKind.BUDGET, CaseKind.STATEMENT):
        rule = hallingtinget.rule_for(kind)
        assert isinstance(rule, MajorityRule)
        assert rule.tie_break is TieBreak.CHAIR
    assert {
        Power.ADOPT_BUDGET,
        Power.ADOPT_PLANS,
        Power.ADOPT_ANNUAL_REPORT,
    } <= hallingtinget.powers
    (delegation,) = hallingtinget.composition
    assert delegation.members == 5
    assert delegation.member_offices[:2] == (Office.MAYOR, Office.DEPUTY_MAYOR)


def test_regionradet_composition_powers_and_volume() -> None:
    hallingdal = council("hallingdal")
    board = hallingdal.body("regionradet")
    assert board is not None
    assert board.meetings_per_year == CountRange(min=8, max=10)
    assert board.cases_per_year == CountRange(min=70, max=90)
    assert {Power.URGENT_DECISIONS, Power.MANAGE_FUNDS, Power.STEER_PROJECTS} <= board.powers
    assert (board.chair.selection, board.chair.term_years) == (ChairSelection.ELECTED, 4)
    (delegation,) = board.composition
    assert (delegation.member_offices, delegation.deputy_offices) == (
        (Office.MAYOR,),
        (Office.DEPUTY_MAYOR,),
    )
    seats = [a for a in hallingdal.appointments if a.body == "regionradet"]
    deputies = [a for a in seats if a.seat is SeatKind.DEPUTY]
    assert len(deputies) == 6
    assert all(a.deputy_order == 1 and a.office is Office.DEPUTY_MAYOR for a in deputies)
    # Chief executives and the dagleg leiar attend and speak in both bodies, no vote.
    for body_id in ("regionradet", "hallingtinget"):
        ex_officio = [
            a
            for a in hallingdal.appointments
            if a.body == body_id and a.seat is SeatKind.EX_OFFICIO
        ]
        assert len(ex_officio) == 7
        assert all(a.rights == {Right.ATTEND, Right.SPEAK} for a in ex_officio)
    committee = hallingdal.body("radmannsutvalet")
    assert committee is not None
    assert not committee.political


def test_hallingdal_projects_funders_and_amounts() -> None:
    projects = {p.id: p for p in council("hallingdal").projects}

    def funding(project_id: str) -> dict[str, Decimal | None]:
        return {
            f.funder or (f.funder_group.get("nn") if f.funder_group else "?"): f.amount
            for f in projects[project_id].funding
        }

    blilyst = projects["bu-og-blilyst"]
    assert blilyst.budget == Decimal(2_000_000)
    assert funding("bu-og-blilyst") == {
        "husbanken": Decimal(200_000),
        "sats-pa-hallingdal": Decimal(800_000),
        "viken": Decimal(1_000_000),
    }
    assert sum(f.amount or 0 for f in blilyst.funding) == blilyst.budget
    assert funding("klimakoordinator") == {
        "Kommunane": Decimal(450_000),
        "viken": Decimal(600_000),
        "sb-stiftelsen": Decimal(200_000),
    }
    assert projects["sirkulaerokonomistilling"].duration_years == 3
    assert funding("sirkulaerokonomistilling") == {"viken": Decimal(3_000_000)}
    assert funding("reine-elver") == {
        "handelens-miljofond": Decimal(450_000),
        "sb-stiftelsen": Decimal(450_000),
    }
    assert projects["berekraftig-reisemal"].duration_years == 2
    # "X frå kommunane": an unknown amount stays unknown.
    assert funding("berekraftig-reisemal") == {
        "sb1-stiftelsen": Decimal(1_000_000),
        "Kommunane": None,
    }
    assert funding("opprydding-etter-hans") == {"sb-stiftelsen": Decimal(600_000)}


def test_hallingdal_fund_managed_by_regionradet() -> None:
    (fund,) = council("hallingdal").funds
    assert fund.managed_by == "regionradet"
    assert {a.year: a.amount for a in fund.amounts} == {
        2022: Decimal(4_800_000),
        2023: Decimal(4_600_000),
        2024: Decimal(3_800_000),
    }


def test_hallingdal_agreement_clauses_and_strategic_plan() -> None:
    hallingdal = council("hallingdal")
    (agreement,) = hallingdal.agreements
    assert [c.number for c in agreement.clauses] == ["1", "3 a)", "3 b)", "3 c)"]
    assert not agreement.text_complete
    (plan,) = hallingdal.strategic_plans
    assert (plan.start_year, plan.end_year) == (2022, 2024)
    assert plan.note is not None
    assert plan.note.get("nn").startswith("5 satsingsområde")
    standing = {a.name.get("nn") for a in hallingdal.arenas}
    assert {"Næringsforum", "HUR", "Forum nye Bergensbanen", "Forsikringsutvalet"} <= standing


# -- meetings ------------------------------------------------------------------------

ILLUSTRATIVE_PLAN = [
    # (council, body, meetings in 2026, local start hour)
    ("hadeland", "representantskap", 5, 9),
    ("hallingdal", "hallingtinget", 2, 10),
    ("hallingdal", "regionradet", 9, 9),
]


@pytest.mark.parametrize(("name", "body", "count", "hour"), ILLUSTRATIVE_PLAN)
def test_illustrative_plans_fall_on_working_days(
    name: str, body: str, count: int, hour: int
) -> None:
    meetings = [m for m in council(name).meetings if m.body == body]
    assert len(meetings) == count
    public_holidays = holidays.country_holidays("NO", years=2026)
    for meeting in meetings:
        assert meeting.illustrative
        day = meeting.start.date()
        assert day.year == 2026
        assert day.weekday() < 5
        assert day not in public_holidays
        # A wrong summer/winter offset in the data file would shift the local hour.
        assert (meeting.start.hour, meeting.start.tzinfo) == (hour, meeting.end.tzinfo)
        assert meeting.revision == 0
    assert [m.number for m in meetings] == list(range(1, count + 1))


def test_hallingtinget_and_regionradet_never_meet_on_the_same_day() -> None:
    meetings = council("hallingdal").meetings
    days = {
        body: {m.start.date() for m in meetings if m.body == body}
        for body in ("hallingtinget", "regionradet")
    }
    assert days["hallingtinget"].isdisjoint(days["regionradet"])


def test_held_meetings_have_consistent_votes_and_attendance() -> None:
    hallingdal = council("hallingdal")
    held = [m for m in hallingdal.meetings if m.status is MeetingStatus.HELD]
    assert {m.body for m in held} == {"hallingtinget", "regionradet"}
    closed = []
    for meeting in held:
        voting = {
            a.person
            for a in hallingdal.appointments
            if a.body == meeting.body and a.seat in (SeatKind.MEMBER, SeatKind.DEPUTY)
        }
        present = {a.person for a in meeting.attendance if a.status is AttendanceStatus.PRESENT}
        present_voters = present & voting
        assert meeting.agenda
        for item in meeting.agenda:
            assert re.fullmatch(r"PS \d+/2026", item.number)
            if item.votes:
                voters = [v.person for v in item.votes]
                assert len(voters) == len(set(voters))
                assert set(voters) <= present_voters
            if item.tally:
                cast = item.tally.votes_for + item.tally.votes_against + item.tally.blank
                assert cast <= len(present_voters)
            if item.kind is not CaseKind.ORIENTATION:
                assert item.votes or item.tally
            if item.closed_basis is not None:
                closed.append(item.closed_basis)
        for entry in meeting.attendance:
            if entry.substitute_for is not None:
                absent = {
                    a.person for a in meeting.attendance if a.status is AttendanceStatus.EXCUSED
                }
                assert entry.substitute_for in absent
    assert closed == [ClosedBasis.EMPLOYEE]
    kinds = {i.kind for m in held for i in m.agenda}
    assert {CaseKind.FUND_ALLOCATION, CaseKind.DECISION, CaseKind.ORIENTATION} <= kinds


def test_only_seed_dated_meetings_are_not_illustrative() -> None:
    real = {
        (c.id, m.id)
        for c in examples.load("all").councils
        for m in c.meetings
        if not m.illustrative
    }
    assert real == {
        ("ringeriksregionen", "strategisamling-2026"),
        ("ringeriksregionen", "representantskap-2026-01-26"),
    }


# -- persons -------------------------------------------------------------------------


def test_no_invented_names() -> None:
    """Every person is a role placeholder or named in a seed document."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    seeds = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in SEEDS.glob("*.txt"))
    persons = examples.load("all").persons
    named = [p.name for p in persons if not p.placeholder]
    assert named  # the seeds do name people
    for name in named:
        assert name in seeds, name


def test_placeholders_describe_a_role() -> None:
    roles = (
        "Ordfører",
        "Varaordfører",
        "Ordførar",
        "Varaordførar",
        "Opposisjonspolitiker",
        "Kommunedirektør",
        "Fylkes",
        "Hallingtingsmedlem",
        "Dagleg leiar",
        "Koordinator",
    )
    for person in examples.load("all").persons:
        if person.placeholder:
            assert person.name.startswith(roles), person.name


def test_no_evaluation_is_invented() -> None:
    # The seeds give Ringeriksregionen's evaluation rule, not an evaluation.
    for c in examples.load("all").councils:
        for plan in c.action_plans:
            assert plan.evaluations == ()


# -- provenance: every file on its own, every source cited, every assumption listed -------


@pytest.mark.parametrize("name", NAMES[1:])
def test_each_file_is_a_whole_register_that_validates(name: str) -> None:
    """`iprmodel validate src/iprmodel/examples/NAME.toml` reads the file as it is."""
    from iprmodel.cli import main
    from iprmodel.rules.findings import Severity
    from iprmodel.rules.law import check
    from iprmodel.serialization import load

    with resources.as_file(EXAMPLES_DIR.joinpath(f"{name}.toml")) as path:
        register = load(path)
        assert main(["validate", str(path), "--locale", "en"]) == 0
    assert register == examples.load(name)
    assert not [f for f in check(register) if f.severity is Severity.ERROR]


def test_all_refuses_two_files_that_define_an_entry_differently(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Jevnaker is written in two files; if the copies differ, `all` says where."""
    real = examples._data

    def changed(file: str) -> dict[str, object]:
        data = real(file)
        if file != "ringeriksregionen.toml":
            return data
        participants = [
            {**p, "orgnr": "964951462"} if p["id"] == "jevnaker" else p
            for p in data["participants"]
        ]
        return {**data, "participants": participants}

    monkeypatch.setattr(examples, "_data", changed)
    with pytest.raises(LoadError) as caught:
        examples._merge(("hadeland.toml", "ringeriksregionen.toml"))
    assert "ringeriksregionen.toml: participants[jevnaker]" in str(caught.value)


@pytest.mark.parametrize("name", NAMES[1:])
def test_every_assumption_in_the_file_is_listed_by_validate(name: str) -> None:
    """Each `assumption` written in the file is one IPR-DATA-ASSUMPTION finding."""
    from iprmodel.rules.law import check

    written = len(re.findall(r"\bassumption = \{", examples.source(name)))
    listed = [f for f in check(examples.load(name)) if f.code == "IPR-DATA-ASSUMPTION"]
    assert written > 0
    assert len(listed) == written
    for finding in listed:
        for locale in ("nb", "nn", "en"):
            assert finding.message(locale).strip()


@pytest.mark.parametrize("name", NAMES[1:])
def test_every_council_cites_public_documents_not_internal_lines(name: str) -> None:
    """Sources are titled documents (with a URL where there is one); no line numbers."""
    register = examples.load(name)
    for council in register.councils:
        assert council.sources, council.id
    text = examples.source(name)
    assert not re.search(r"\blines? [0-9]", text)
    assert "seeds/" not in text
    assert "kommuneloven.md" not in text
    urls = [s.url for c in register.councils for s in c.sources if s.url]
    urls += [s.url for p in register.participants for s in p.sources if s.url]
    assert urls
    assert all(u.startswith("https://") for u in urls)


@pytest.mark.parametrize("participant", ["gol", "hemsedal", "al", "hol"])
def test_the_nynorsk_standard_of_four_hallingdal_municipalities_is_an_assumption(
    participant: str,
) -> None:
    found = municipality(examples.load("hallingdal"), participant)
    assert found.written_standard is WrittenStandard.NYNORSK
    assert found.assumption is not None
    assert "Språkrådet" in found.assumption.get("en")


def test_hadeland_task_modes_are_assumptions() -> None:
    """The plan says some tasks are coordinated and others carried out, not which."""
    (plan,) = council("hadeland").action_plans
    with_mode = [t for t in plan.tasks if t.mode is not None]
    assert with_mode
    assert all(t.assumption is not None for t in with_mode)
    assert all(t.assumption is None for t in plan.tasks if t.mode is None)


def test_gran_county_transfer_is_dated_by_public_pages() -> None:
    """Fix (#15): no application dated 2025; the 2023 decision and the 2024 application cited."""
    events = {e.year: e for e in council("hadeland").history if "Akershus" in e.name.get("nb")}
    assert set(events) == {2023, 2024}
    assert events[2023].dated == date(2023, 12, 14)
    assert any("nrk.no" in (s.url or "") for s in events[2023].sources)
    assert any(s.dated == date(2024, 7, 3) for s in events[2024].sources)


def test_innlandet_membership_of_hamarregionen_is_an_assumption_cited_to_the_county() -> None:
    (county,) = [p for p in council("hamarregionen").participations if p.participant == "innlandet"]
    assert county.valid_from == date(2025, 2, 12)
    assert county.assumption is not None
    assert county.sources
    assert county.sources[0].title.startswith("Innlandet fylkeskommune")


def test_ringeriksregionen_members_cite_the_municipalities_pages() -> None:
    ringerike = council("ringeriksregionen")
    for participation in ringerike.participations:
        hosts = {s.url.split("/")[2] for s in participation.sources if s.url}
        assert {"www.hole.kommune.no", "www.ringeriksregionen.no"} <= hosts
        assert participation.assumption is not None  # each start = the establishment
    (founded,) = [e for e in ringerike.history if e.year == 2021]
    assert founded.sources


def test_missing_statements_are_modelled() -> None:
    """Speak with one voice and the coordinator profile (Ringeriksregionen), the east-west axis."""
    ringerike = council("ringeriksregionen")
    (roadmap,) = ringerike.strategic_plans
    assert roadmap.note is not None
    assert "samlet stemme" in roadmap.note.get("nb")
    (coordinator,) = ringerike.staff
    assert coordinator.description is not None
    assert "faglig tyngde" in coordinator.description.get("nb")
    themes = {t.id: t for t in council("hamarregionen").themes}
    description = themes["befolkningsvekst"].description
    assert description is not None
    assert "aksen øst/vest" in description.get("nb")


def test_innlandet_the_county_s_decisions_agreements_plans_and_tender() -> None:
    register = examples.load("innlandet")
    outline = {c.id: c for c in register.councils}
    assert set(outline) == {"hadeland", "nord-gudbrandsdal", "nord-osterdal"}
    assert all(c.outline for c in outline.values())
    assert all(c.sources for c in outline.values())
    reasons = {
        c.id: c.history[0].description.get("nb")
        for c in outline.values()
        if c.history[0].description
    }
    assert "fylkesbytte" in reasons["hadeland"]
    assert "ikke enige" in reasons["nord-gudbrandsdal"]
    assert "ikke enige" in reasons["nord-osterdal"]

    agreements = {a.kind: a for a in register.agreements}
    membership = agreements[AgreementKind.COUNTY_MEMBERSHIP]
    assert membership.adoptions[0].date == date(2025, 2, 12)
    growth = agreements[AgreementKind.RURAL_GROWTH]
    assert (growth.valid_from, growth.valid_to) == (date(2025, 1, 1), date(2028, 12, 31))
    assert set(growth.parties) == {"kdd", "trysil", "amot", "engerdal", "valer"}
    (pilot,) = register.projects
    assert {(f.funder, f.amount) for f in pilot.funding} == {
        ("kdd", None),
        ("innlandet", Decimal("2000000")),
    }
    assert pilot.description is not None
    for words in ("tre mill. kr per deltakerkommune", "eiergruppe", "styringsgruppa"):
        assert words in pilot.description.get("nb")
    plans = {p.id: p for p in register.strategic_plans}
    assert plans["innlandsstrategien-2024-2028"].adopted == date(2024, 12, 19)
    assert len(plans["regional-plan-infrastruktur-energi"].goals) == 3
    (tender,) = register.history
    assert tender.year is None  # the presentation does not date it
    assert tender.description is not None
    assert "11 prosent" in tender.description.get("nb")
