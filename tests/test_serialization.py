# SPDX-License-Identifier: MIT
"""The converter: lossless, strict, versioned, deterministic, every problem at once."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import given

from iprmodel import serialization
from iprmodel.errors import FormatVersionError, LoadError
from iprmodel.model import (
    Agreement,
    AgreementKind,
    Body,
    BodyKind,
    Budget,
    BudgetLine,
    Council,
    LocalizedText,
    MajorityRule,
    Meeting,
    Power,
    Register,
)
from iprmodel.model._fields import OSLO
from iprmodel.testing import strategies

# -- helpers ---------------------------------------------------------------------------


registers = strategies.registers()


def _walk(value: object) -> Iterator[object]:
    """Every value inside ``value``: attrs fields, tuple and frozenset items."""
    yield value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from _walk(getattr(value, field.name))
    elif isinstance(value, tuple | frozenset):
        for item in value:
            yield from _walk(item)


def _lines(data: object) -> list[str]:
    """The ``path: message`` lines ``structure`` reports for ``data`` (none if it loads)."""
    try:
        serialization.structure(data)
    except LoadError as error:
        return [problem.line() for problem in error.problems]
    return []


def _document() -> dict[str, Any]:
    """A small valid document; tests break one thing at a time."""
    return {
        "format": 1,
        "participants": [
            {
                "kind": "municipality",
                "id": "gol",
                "name": {"nn": "Gol kommune"},
                # Gol's real organisation number (kommuneloven.md § 5.2).
                "orgnr": "964952612",
                "numbers": [
                    {"value": "3041", "valid_from": "2020-01-01", "valid_to": "2023-12-31"},
                    {"value": "3324", "valid_from": "2024-01-01"},
                ],
            }
        ],
        "persons": [{"id": "ordforar-gol", "name": "Ordførar i Gol", "placeholder": True}],
        "councils": [
            {
                "id": "hallingdal",
                "formal_name": {"nn": "Hallingdal interkommunale politiske råd"},
                "bodies": [
                    {
                        "id": "hallingtinget",
                        "kind": "representantskap",
                        "name": {"nn": "Hallingtinget"},
                        "meetings_per_year": {"min": 2, "max": 4},
                        "powers": ["adopt_budget", "adopt_accounts"],
                    }
                ],
                "appointments": [
                    {
                        "id": "gol-1",
                        "person": "ordforar-gol",
                        "body": "hallingtinget",
                        "participant": "gol",
                    }
                ],
                "meetings": [
                    {
                        "id": "m1",
                        "body": "hallingtinget",
                        "number": 1,
                        "start": "2026-04-23T10:00:00+02:00",
                        "end": "2026-04-23T15:00:00+02:00",
                        "modified": "2026-01-05T12:00:00+01:00",
                    }
                ],
                "budgets": [
                    {
                        "id": "budsjett-2026",
                        "year": 2026,
                        "lines": [{"label": {"nn": "Løn"}, "amount": "1250.50"}],
                    }
                ],
            }
        ],
    }


def _council(data: dict[str, Any]) -> dict[str, Any]:
    council: dict[str, Any] = data["councils"][0]
    return council


# -- round trips (properties) ----------------------------------------------------------


@given(register=registers)
def test_structure_inverts_unstructure(register: Register) -> None:
    """Plain data holds everything: structure(unstructure(x)) == x."""
    data = serialization.unstructure(register)

    assert register == serialization.structure(data)


@given(register=registers)
def test_json_round_trip_is_lossless_and_byte_identical(register: Register) -> None:
    """loads(dumps(x)) == x, and dumping again gives the very same bytes."""
    first = serialization.dumps(register)
    loaded = serialization.loads(first)

    assert register == loaded
    assert first == serialization.dumps(loaded)


@given(register=registers)
def test_loaded_datetimes_are_in_europe_oslo(register: Register) -> None:
    """Every datetime comes back in the Europe/Oslo zone, not as a fixed UTC offset."""
    loaded = serialization.loads(serialization.dumps(register))
    keys = {
        getattr(value.tzinfo, "key", repr(value.tzinfo))
        for value in _walk(loaded)
        if isinstance(value, datetime)
    }

    assert keys <= {"Europe/Oslo"}


@given(register=registers)
def test_plain_data_is_json_ready(register: Register) -> None:
    """unstructure gives only JSON types, so any JSON library can write it."""
    data = serialization.unstructure(register)

    assert data == orjson.loads(orjson.dumps(data))


def test_default_dumps_is_indented_sorted_and_ends_with_newline() -> None:
    """The canonical file: format first in the data, keys sorted, UTF-8, final newline."""
    register = serialization.structure(_document())
    text = serialization.dumps(register)
    compact = serialization.dumps(register, indent=False)

    assert text.endswith(b"}\n")
    assert b'\n  "councils": [' in text
    assert "Ordførar i Gol".encode() in text
    assert orjson.loads(text) == orjson.loads(compact)
    assert list(orjson.loads(text)) == sorted(orjson.loads(text))


# -- determinism -------------------------------------------------------------------------


def test_sets_are_written_sorted_whatever_their_insertion_order() -> None:
    """Frozenset fields come out as sorted lists, so equal registers give equal bytes."""

    def register(powers: list[Power]) -> Register:
        body = Body(
            id="b",
            kind=BodyKind.REPRESENTANTSKAP,
            name=LocalizedText(nb="Representantskapet"),
            powers=frozenset(powers),
        )
        return Register(
            councils=(Council(id="c", formal_name=LocalizedText(nb="C"), bodies=(body,)),)
        )

    forwards = register(list(Power))
    backwards = register(list(reversed(Power)))
    data = serialization.unstructure(forwards)

    assert serialization.dumps(forwards) == serialization.dumps(backwards)
    assert sorted(p.value for p in Power) == data["councils"][0]["bodies"][0]["powers"]


def test_same_document_gives_same_bytes() -> None:
    """Loading the same document twice and dumping gives identical bytes."""
    first = serialization.dumps(serialization.structure(_document()))
    second = serialization.dumps(serialization.structure(_document()))

    assert first == second


def test_datetimes_are_written_with_the_oslo_offset_of_their_date() -> None:
    """A UTC time is written in Oslo local time, +01:00 in winter and +02:00 in summer."""
    data = _document()
    _council(data)["meetings"][0].update(start="2026-03-29T00:30:00Z", end="2026-03-29T01:30:00Z")
    register = serialization.structure(data)
    meeting = serialization.unstructure(register)["councils"][0]["meetings"][0]

    assert (
        meeting["start"],
        meeting["end"],
    ) == ("2026-03-29T01:30:00+01:00", "2026-03-29T03:30:00+02:00")
    assert register.councils[0].meetings[0].start.tzinfo.key == "Europe/Oslo"  # type: ignore[union-attr]


# -- strictness --------------------------------------------------------------------------


def test_valid_document_loads() -> None:
    """The base document, with Gol's real orgnr and kommunenummer history, loads."""
    register = serialization.structure(_document())

    assert register.participants[0].orgnr == "964952612"
    assert register.participants[0].number_on(datetime(2023, 6, 1).date()) == "3041"
    assert Decimal("1250.50") == register.councils[0].budgets[0].lines[0].amount


def _set(path: tuple[Any, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


_C = ("councils", 0)
_MEETING = (*_C, "meetings", 0)
_BODY = (*_C, "bodies", 0)
_LINE = (*_C, "budgets", 0, "lines", 0)

STRICT_CASES: list[tuple[str, Callable[[dict[str, Any]], None], list[str]]] = [
    (
        "an integer is not text",
        _set(("persons", 0, "name"), 3),
        ["persons[ordforar-gol].name: expected text, got 3"],
    ),
    (
        "text is not an integer",
        _set((*_BODY, "meetings_per_year", "min"), "3"),
        [
            "councils[hallingdal].bodies[hallingtinget].meetings_per_year.min:"
            ' expected an integer, got "3"'
        ],
    ),
    (
        "1 is not true",
        _set(("persons", 0, "placeholder"), 1),
        ["persons[ordforar-gol].placeholder: expected true or false, got 1"],
    ),
    (
        "unknown key at the top",
        _set(("kommuner",), []),
        [
            "kommuner: unknown key; allowed here: agreements, councils, history, organisations, participants, persons, projects, strategic_plans"
        ],
    ),
    (
        "money as a JSON float",
        _set((*_LINE, "amount"), 1250.5),
        [
            "councils[hallingdal].budgets[budsjett-2026].lines[0].amount: expected an amount"
            ' as a string such as "200000" or "1250.50", got 1250.5'
        ],
    ),
    (
        "negative money",
        _set((*_LINE, "amount"), "-5"),
        [
            "councils[hallingdal].budgets[budsjett-2026].lines[0]:"
            " amount must be an amount of 0 NOK or more, got -5"
        ],
    ),
    (
        "money with three decimals",
        _set((*_LINE, "amount"), "1.505"),
        [
            "councils[hallingdal].budgets[budsjett-2026].lines[0]:"
            " amount has more than two decimals (øre): 1.505"
        ],
    ),
    (
        "naive datetime",
        _set((*_MEETING, "start"), "2026-04-23T10:00:00"),
        [
            "councils[hallingdal].meetings[m1].start: 2026-04-23T10:00:00 has no time zone;"
            " give a UTC offset (e.g. +01:00)"
        ],
    ),
    (
        "impossible date",
        _set((*_MEETING, "start"), "2026-02-30T10:00:00+01:00"),
        [
            'councils[hallingdal].meetings[m1].start: "2026-02-30T10:00:00+01:00" is not a valid date and time'
        ],
    ),
    (
        "orgnr with a wrong check digit",
        _set(("participants", 0, "orgnr"), "964952613"),
        [
            "participants[gol].orgnr: orgnr '964952613' is not a valid Norwegian organisation"
            " number (nine digits with a correct check digit)"
        ],
    ),
    (
        "orgnr with spaces",
        _set(("participants", 0, "orgnr"), "964 952 612"),
        [
            "participants[gol].orgnr: orgnr must be written as nine digits without spaces: '964952612'"
        ],
    ),
    (
        "five-digit kommunenummer",
        _set(("participants", 0, "numbers", 1, "value"), "33245"),
        ["participants[gol]: kommunenummer must be 4 digits, got '33245'"],
    ),
    (
        "overlapping kommunenummer periods",
        _set(("participants", 0, "numbers", 0, "valid_to"), "2024-06-30"),
        ["participants[gol]: kommunenummer: 3041 and 3324 have overlapping validity periods"],
    ),
    (
        "id that is not a slug",
        _set((*_C, "id"), "Hallingdal IPR"),
        [
            "councils[Hallingdal IPR]: id 'Hallingdal IPR' is not a valid id: use lower-case"
            " letters a-z, digits and single hyphens, at most 80 characters (e.g. 'hallingdal')"
        ],
    ),
    (
        "control character in text",
        _set(("persons", 0, "name"), "Ordførar\x07 i Gol"),
        ["persons[ordforar-gol]: name contains a control character (U+0007) at position 8"],
    ),
    (
        "dangling person reference",
        _set((*_C, "appointments", 0, "person"), "kari-nordmann"),
        ['councils[hallingdal].appointments[gol-1].person: no person has the id "kari-nordmann"'],
    ),
    (
        "dangling body reference",
        _set((*_MEETING, "body"), "regionradet"),
        ['councils[hallingdal].meetings[m1].body: no body has the id "regionradet"'],
    ),
    (
        "required field missing",
        lambda data: data["persons"][0].pop("name"),
        ["persons[ordforar-gol].name: required field missing"],
    ),
    (
        "unknown enum value names the choices",
        _set((*_BODY, "kind"), "styre"),
        [
            "councils[hallingdal].bodies[hallingtinget].kind: expected one of"
            " chief_executives_committee, committee, council_board, expert_team, forum,"
            ' project_group, representantskap, working_committee; got "styre"'
        ],
    ),
    (
        "a set listing a value twice",
        _set((*_BODY, "powers"), ["adopt_budget", "adopt_budget"]),
        ["councils[hallingdal].bodies[hallingtinget].powers: the list names the same value twice"],
    ),
    (
        "a fraction as a JSON float",
        _set((*_BODY, "quorum"), {"fraction": 0.5}),
        [
            "councils[hallingdal].bodies[hallingtinget].quorum.fraction: expected a fraction"
            ' as a string such as "1/2" or "0.25", got 0.5'
        ],
    ),
    (
        "a fraction out of range",
        _set((*_BODY, "quorum"), {"fraction": "3/2"}),
        [
            "councils[hallingdal].bodies[hallingtinget].quorum:"
            " fraction must be between 0 (exclusive) and 1, got 3/2"
        ],
    ),
    (
        "meeting ending before it starts",
        _set((*_MEETING, "end"), "2026-04-23T09:00:00+02:00"),
        [
            "councils[hallingdal].meetings[m1]: start (2026-04-23 10:00:00+02:00)"
            " must be before end (2026-04-23 09:00:00+02:00)"
        ],
    ),
]


@pytest.mark.parametrize(
    ("change", "expected"),
    [pytest.param(change, expected, id=name) for name, change, expected in STRICT_CASES],
)
def test_strict_loading_names_path_and_problem(
    change: Callable[[dict[str, Any]], None], expected: list[str]
) -> None:
    """One broken value gives exactly one line naming where and what."""
    data = _document()
    change(data)

    assert expected == _lines(data)


@pytest.mark.parametrize("text", ["Ordførar\ti Gol", "Ordførar\ni Gol", "<&\"'> 🎉 \\;,"])
def test_tab_newline_and_specials_are_allowed_in_text(text: str) -> None:
    """Tab, newline, XML specials and emoji are valid text and survive a round trip."""
    data = _document()
    data["persons"][0]["name"] = text
    register = serialization.structure(data)

    assert text == serialization.loads(serialization.dumps(register)).persons[0].name


@pytest.mark.parametrize(
    "character", ["\x00", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f", "\u202e", "\u2069"]
)
def test_every_control_character_but_tab_and_newline_is_rejected(character: str) -> None:
    """C0 (but tab/newline/CR), DEL and C1 controls corrupt XML and iCalendar: rejected.

    A carriage return is a line end (Word, Windows) and becomes LF: see test_hostile.
    """
    data = _document()
    _council(data)["formal_name"]["nn"] = f"Hallingdal{character}"

    assert [
        f"councils[hallingdal].formal_name: nn contains a control character"
        f" (U+{ord(character):04X}) at position 10"
    ] == _lines(data)


def test_not_an_object() -> None:
    """A JSON array at the top is reported, not a traceback."""
    assert _lines([]) == ["expected an object with a 'format' key"]


# -- format version -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        pytest.param(
            None,
            'format: missing: add the format version at the top: "format": 1 in JSON,'
            " format = 1 in TOML",
            id="missing",
        ),
        pytest.param(
            2,
            "format: the data is in format 2, written by a newer iprmodel;"
            " this version reads formats 1 to 1: upgrade iprmodel",
            id="newer",
        ),
        pytest.param("1", 'format: expected a format version number such as 1, got "1"', id="text"),
        pytest.param(
            1.0, "format: expected a format version number such as 1, got 1.0", id="float"
        ),
        pytest.param(
            True, "format: expected a format version number such as 1, got true", id="bool"
        ),
        pytest.param(0, "format: expected a format version number such as 1, got 0", id="zero"),
    ],
)
def test_format_version(version: object, expected: str) -> None:
    """A missing, newer or malformed format version gets a message naming the versions."""
    data = _document()
    if version is None:
        del data["format"]
    else:
        data["format"] = version

    with pytest.raises(FormatVersionError) as caught:
        serialization.structure(data)

    assert [expected] == [p.line() for p in caught.value.problems]


def test_unstructure_writes_the_current_format_first() -> None:
    """The format tag is the first key of the plain data."""
    data = serialization.unstructure(Register())

    assert list(data.items()) == [("format", serialization.FORMAT_VERSION)]


# -- every problem at once --------------------------------------------------------------


def test_all_problems_are_reported_at_once_one_line_each() -> None:
    """A document with many different mistakes gets one ``path: message`` line per mistake."""
    data = _document()
    data["participants"].append({"kind": "kommune", "id": "hol", "name": {"nn": "Hol kommune"}})
    data["participants"].append(
        {"kind": "municipality", "id": "al", "name": {"nn": "Ål kommune"}, "orgnr": "864952993"}
    )
    data["persons"].append({"id": "kari", "name": 3, "placeholder": 1})
    council = _council(data)
    council["colour"] = "raud"
    council["bodies"][0]["meetings_per_year"]["min"] = "tre"
    council["appointments"][0]["person"] = "nobody"
    council["meetings"][0]["start"] = "2026-04-23T10:00:00"
    council["budgets"][0]["lines"][0]["amount"] = 1250.5
    council["budgets"].append({"year": "2027"})

    assert _lines(data) == [
        'participants[hol].kind: expected one of county_authority, municipality; got "kommune"',
        "participants[al].orgnr: orgnr '864952993' is not a valid Norwegian organisation number"
        " (nine digits with a correct check digit)",
        "persons[kari].name: expected text, got 3",
        "persons[kari].placeholder: expected true or false, got 1",
        'councils[hallingdal].bodies[hallingtinget].meetings_per_year.min: expected an integer, got "tre"',
        "councils[hallingdal].meetings[m1].start: 2026-04-23T10:00:00 has no time zone;"
        " give a UTC offset (e.g. +01:00)",
        "councils[hallingdal].budgets[budsjett-2026].lines[0].amount: expected an amount as a"
        ' string such as "200000" or "1250.50", got 1250.5',
        "councils[hallingdal].budgets[1].id: required field missing",
        'councils[hallingdal].budgets[1].year: expected an integer, got "2027"',
        "councils[hallingdal].colour: unknown key; allowed here: accounts_keepers,"
        " action_plans, agreements, appointments, arenas, assumption, auditors, bodies,"
        " budgets, established, established_precision, everyday_name, formal_name, funds,"
        " history, id, legal_entity, mandate, meetings, office_municipality, orgnr,"
        " outline, participations, projects, purpose, related_cooperations, short_name, sources,"
        " staff, strategic_plans, term_years, themes, website, written_standard",
        'councils[hallingdal].appointments[gol-1].person: no person has the id "nobody"',
    ]


def test_load_error_message_is_the_lines_joined() -> None:
    """str(LoadError) is what the command line prints: the lines, one per problem."""
    data = _document()
    data["persons"][0]["name"] = 3
    _council(data)["appointments"][0]["body"] = "nowhere"

    with pytest.raises(LoadError) as caught:
        serialization.structure(data)

    assert str(caught.value) == (
        "persons[ordforar-gol].name: expected text, got 3\n"
        'councils[hallingdal].appointments[gol-1].body: no body has the id "nowhere"'
    )


def test_paths_use_the_index_when_an_item_has_no_usable_id() -> None:
    """Items without an id (or with a non-text id) are named by their index."""
    data = _document()
    data["persons"].append({"id": 7, "name": "X"})

    assert _lines(data) == ["persons[1].id: expected text, got 7"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param(
            lambda data: data["persons"].append({"id": "ordforar-gol", "name": "Ordførar (2)"}),
            "persons[1].id: the id 'ordforar-gol' is used by an earlier entry too",
            id="top-level",
        ),
        pytest.param(
            lambda data: _council(data)["bodies"].append(
                {"id": "hallingtinget", "kind": "forum", "name": {"nb": "Forum"}}
            ),
            "councils[hallingdal].bodies[1].id: the id 'hallingtinget' is used by an earlier"
            " entry too",
            id="in-council",
        ),
    ],
)
def test_duplicate_ids_name_the_later_entry(
    change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    """Two entries with the same id: the later one is named by its index."""
    data = _document()
    change(data)

    assert [expected] == _lines(data)


def test_duplicate_top_level_id_reported_with_other_problems() -> None:
    """A duplicate person id is reported even when a council has an error too."""
    data = _document()
    data["persons"].append({"id": "ordforar-gol", "name": "Ordførar i Gol (2)"})
    _council(data)["bodies"][0]["meetings_per_year"]["min"] = "tre"

    assert "persons[1].id: the id 'ordforar-gol' is used by an earlier entry too" in _lines(data)


# -- edge cases that were bugs ----------------------------------------------------------


def _with_agreement(agreement: Agreement) -> Register:
    return Register(
        councils=(Council(id="c", formal_name=LocalizedText(nb="C"), agreements=(agreement,)),)
    )


def test_optional_voting_rule_keeps_its_tag() -> None:
    """A register with a non-core amendment rule round-trips, tag included."""
    register = _with_agreement(
        Agreement(
            id="avtale",
            kind=AgreementKind.COOPERATION,
            title=LocalizedText(nb="Samarbeidsavtale"),
            non_core_amendment_rule=MajorityRule(),
        )
    )
    data = serialization.unstructure(register)

    assert data["councils"][0]["agreements"][0]["non_core_amendment_rule"]["kind"] == "majority"
    assert register == serialization.structure(data)


def test_amount_in_exponent_form_round_trips() -> None:
    """An amount built as Decimal('2E+5') is written as plain digits and reads back."""
    line = BudgetLine(label=LocalizedText(nb="Tilskot"), amount=Decimal("2E+5"))
    register = Register(
        councils=(
            Council(
                id="c",
                formal_name=LocalizedText(nb="C"),
                budgets=(Budget(id="b", year=2026, lines=(line,)),),
            ),
        )
    )

    assert register == serialization.loads(serialization.dumps(register))


def test_imaginary_oslo_time_round_trips() -> None:
    """A wall time in the DST gap is normalised at construction, so it round-trips."""
    body = Body(id="b", kind=BodyKind.FORUM, name=LocalizedText(nb="Forum"))
    meeting = Meeting(
        id="m",
        body="b",
        number=1,
        start=datetime(2026, 3, 29, 2, 30, tzinfo=OSLO),
        end=datetime(2026, 3, 29, 5, 0, tzinfo=OSLO),
        modified=datetime(2026, 1, 1, tzinfo=OSLO),
    )
    register = Register(
        councils=(
            Council(id="c", formal_name=LocalizedText(nb="C"), bodies=(body,), meetings=(meeting,)),
        )
    )

    assert register == serialization.loads(serialization.dumps(register))


# -- files: JSON and TOML --------------------------------------------------------------

TOML = """\
format = 1

[[persons]]
id = "ordforar-gol"
name = "Ordførar i Gol"
placeholder = true

[[participants]]
kind = "municipality"
id = "gol"
name = { nn = "Gol kommune" }
orgnr = "964952612"
numbers = [{ value = "3324", valid_from = 2024-01-01 }]

[[councils]]
id = "hallingdal"
formal_name = { nn = "Hallingdal interkommunale politiske råd" }
established = 2023-01-01

[[councils.bodies]]
id = "hallingtinget"
kind = "representantskap"
name = { nn = "Hallingtinget" }

[[councils.meetings]]
id = "m1"
body = "hallingtinget"
number = 1
start = START
end = 2026-04-23T15:00:00+02:00
modified = "2026-01-05T12:00:00+01:00"
"""


def test_toml_with_native_dates_and_offset_datetimes_loads() -> None:
    """Hand-written TOML may use TOML dates and offset date-times."""
    register = serialization.loads_toml(TOML.replace("START", "2026-04-23T08:00:00Z"))
    meeting = register.councils[0].meetings[0]

    assert register.participants[0].numbers[0].valid_from.isoformat() == "2024-01-01"  # type: ignore[union-attr]
    assert meeting.start.isoformat() == "2026-04-23T10:00:00+02:00"
    assert meeting.start.tzinfo.key == "Europe/Oslo"  # type: ignore[union-attr]


def test_toml_local_datetime_is_an_error() -> None:
    """A TOML local date-time (no offset) is naive, so it is rejected with its path."""
    with pytest.raises(LoadError) as caught:
        serialization.loads_toml(TOML.replace("START", "2026-04-23T10:00:00"))

    assert [p.line() for p in caught.value.problems] == [
        "councils[hallingdal].meetings[m1].start: 2026-04-23T10:00:00 has no time zone;"
        " give a UTC offset (e.g. +01:00)"
    ]


def test_toml_syntax_error() -> None:
    """Broken TOML is one problem naming the reason."""
    with pytest.raises(LoadError) as caught:
        serialization.loads_toml("format = = 1")

    (problem,) = caught.value.problems
    assert problem.line().startswith("not valid TOML: ")


def test_json_syntax_error_names_line_and_column() -> None:
    """Broken JSON names where it breaks."""
    with pytest.raises(LoadError) as caught:
        serialization.loads(b'{"format": 1,\n "persons": [}')

    (problem,) = caught.value.problems
    assert problem.line().startswith("not valid JSON at line 2, column 14: ")


@pytest.mark.parametrize("suffix", [".json", ".toml", ".TOML"])
def test_load_reads_json_and_toml_files(tmp_path: Path, suffix: str) -> None:
    """load() picks the parser by suffix, and both give the same register."""
    expected = serialization.loads_toml(TOML.replace("START", "2026-04-23T10:00:00+02:00"))
    path = tmp_path / f"register{suffix}"
    if suffix == ".json":
        path.write_bytes(serialization.dumps(expected))
    else:
        path.write_text(TOML.replace("START", "2026-04-23T10:00:00+02:00"), encoding="utf-8")

    assert expected == serialization.load(path)


def test_load_missing_file(tmp_path: Path) -> None:
    """A missing file is a LoadError naming the file, not a traceback."""
    path = tmp_path / "nope.json"

    with pytest.raises(LoadError) as caught:
        serialization.load(path)

    (problem,) = caught.value.problems
    assert str(path) == problem.path
    assert "cannot read the file" in problem.line()


def test_document_is_not_mutated_by_loading() -> None:
    """structure() leaves the caller's data as it was (migration works on a copy)."""
    data = _document()
    before = copy.deepcopy(data)
    serialization.structure(data)

    assert before == data


def test_repeated_key_is_an_error_not_a_silent_overwrite() -> None:
    """A key written twice in one object is reported with its path; nothing is dropped."""
    text = (
        b'{"format": 1, "persons": [{"id": "a", "name": "A"}],'
        b' "persons": [{"id": "p", "name": "P", "name": "Q"}]}'
    )
    with pytest.raises(LoadError) as caught:
        serialization.loads(text)

    lines = [problem.line() for problem in caught.value.problems]
    assert lines == [
        "persons: this key appears more than once in the same object; keep one",
        "persons[p].name: this key appears more than once in the same object; keep one",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (b"\xff\xfe{", "the file is not UTF-8 text (byte 0)"),
        (b'{"format": NaN}', "format: NaN is not a JSON number; write a number or a string"),
    ],
)
def test_json_that_is_not_strict_json(text: bytes, expected: str) -> None:
    """Bytes that are not UTF-8, and NaN, are refused with a message."""
    with pytest.raises(LoadError) as caught:
        serialization.loads(text)

    assert [expected] == [problem.line() for problem in caught.value.problems]


def test_toml_that_is_not_utf8_is_a_problem_not_a_crash() -> None:
    """Latin-1 bytes in a TOML file give a message, like the same bytes in JSON."""
    with pytest.raises(LoadError) as caught:
        serialization.loads_toml('format = 1\nnamn = "Ål"\n'.encode("latin-1"))

    assert [p.line() for p in caught.value.problems] == ["the file is not UTF-8 text (byte 19)"]
