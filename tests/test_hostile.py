# SPDX-License-Identifier: MIT
"""Hostile and unlucky input to the loader: bounded cost, paths, words (issue 14)."""

from __future__ import annotations

import copy
import json
from typing import Any

import attrs
import pytest

from iprmodel import serialization
from iprmodel.errors import LoadError
from iprmodel.examples import load as load_example


def _lines(load: Any, *args: Any, **kwargs: Any) -> list[str]:
    with pytest.raises(LoadError) as caught:
        load(*args, **kwargs)
    return [problem.line() for problem in caught.value.problems]


def _plain() -> dict[str, Any]:
    return copy.deepcopy(serialization.unstructure(load_example("hallingdal")))


# -- bounded cost -------------------------------------------------------------------


def test_many_bad_items_stop_at_the_limit() -> None:
    """A list of 100,000 bad items gives 200 problems and a last line, not 100,000."""
    text = '{"format": 1, "persons": [' + ", ".join(["1"] * 100_000) + "]}"

    lines = _lines(serialization.loads, text.encode())

    assert len(lines) == 201
    assert lines[0] == "persons[0]: expected an object, got 1"
    assert lines[199] == "persons[199]: expected an object, got 1"
    assert lines[200] == "… and at least 2 more problems (checking stopped after 200)"


def test_the_problem_limit_is_a_parameter() -> None:
    text = '{"format": 1, "persons": [' + ", ".join(["1"] * 50) + "]}"

    lines = _lines(serialization.loads, text.encode(), max_problems=3)

    assert lines[:3] == [f"persons[{i}]: expected an object, got 1" for i in range(3)]
    assert lines[3:] == ["… and at least 2 more problems (checking stopped after 3)"]


def test_problems_past_the_limit_are_counted() -> None:
    """Every dangling reference is counted, but only the first ones are named."""
    data = _plain()
    data["councils"][0]["office_municipality"] = "nowhere"
    appointments = data["councils"][0]["appointments"]
    for appointment in appointments:
        appointment["person"] = "nobody"

    with pytest.raises(LoadError) as caught:
        serialization.structure(data, max_problems=2)

    assert len(appointments) + 1 > 3
    assert caught.value.omitted == len(appointments) + 1 - 2
    # The reference walk counted them all; the converter's pass was not needed to know
    # the document is bad, so other problems may remain: "at least".
    assert caught.value.problems[-1].line() == (
        f"… and at least {caught.value.omitted} more problems (checking stopped after 2)"
    )


def test_problems_past_the_limit_are_counted_exactly_when_checking_went_on() -> None:
    """Two bad persons with three problems each: well within the budget of bad items."""
    data = _plain()
    for person in data["persons"][:2]:
        person["name"], person["placeholder"], person["extra"] = 3, "yes", 1

    with pytest.raises(LoadError) as caught:
        serialization.structure(data, max_problems=2)

    assert caught.value.omitted == 4
    assert caught.value.problems[-1].line() == "… and 4 more problems"


def test_one_problem_over_the_limit_is_shown_not_counted() -> None:
    """ "… and 1 more problem" would take the line the problem itself needs."""
    text = '{"format": 1, "persons": [1, 1, 1]}'

    assert len(_lines(serialization.loads, text.encode(), max_problems=2)) == 3


def test_repeated_keys_stop_at_the_limit() -> None:
    text = '{"format": 1, "persons": [' + ", ".join(['{"a": 1, "a": 2}'] * 1000) + "]}"

    lines = _lines(serialization.loads, text.encode())

    assert len(lines) == 201
    assert lines[-1] == "… and 800 more problems"


# -- nesting ------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [1000, 5000])
def test_json_nested_too_deep_is_a_problem(depth: int) -> None:
    text = '{"format": 1, "persons": ' + "[" * depth + "]" * depth + "}"

    (line,) = _lines(serialization.loads, text.encode())

    assert line.endswith("nested more than 100 levels deep; no register needs that many")
    if depth < 1024:  # within what orjson reads, the path is known
        assert line.startswith("persons[0][0][0]")


def test_json_nested_deep_where_an_object_belongs_is_named() -> None:
    """Nesting the parser manages is read only as deep as the model goes."""
    text = '{"format": 1, "persons": ' + "[" * 150 + "]" * 150 + "}"

    assert _lines(serialization.loads, text.encode()) == [
        'persons[0]: expected an object, got [[[[["…"]]]]]'
    ]


def test_json_nested_too_deep_with_repeated_keys_is_a_problem() -> None:
    text = '{"format": 1, "a": 1, "a": 2, "persons": ' + "[" * 150 + "]" * 150 + "}"

    (line,) = _lines(serialization.loads, text.encode())

    assert line.startswith("persons[0][0]")
    assert line.endswith("nested more than 100 levels deep; no register needs that many")


@pytest.mark.parametrize("depth", [150, 500, 5000])
def test_toml_nested_too_deep_is_a_problem(depth: int) -> None:
    text = "format = 1\npersons = " + "[" * depth + "]" * depth + "\n"

    (line,) = _lines(serialization.loads_toml, text)

    assert line.endswith("nested more than 100 levels deep; no register needs that many")


# -- numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("1e400", "the number 1e400 is too large to read; write it as a string"),
        ("-1e400", "the number -1e400 is too large to read; write it as a string"),
        ("NaN", "NaN is not a JSON number; write a number or a string"),
        ("Infinity", "Infinity is not a JSON number; write a number or a string"),
        ("-Infinity", "-Infinity is not a JSON number; write a number or a string"),
        (
            "1" + "0" * 400,
            "the number 10000000000000000000000000000… is too large: whole numbers must lie"
            " between -9223372036854775808 and 18446744073709551615",
        ),
    ],
)
def test_numbers_out_of_range_name_path_and_value(written: str, message: str) -> None:
    text = '{"format": 1, "persons": [{"id": "a", "name": WRITTEN}]}'.replace("WRITTEN", written)

    assert _lines(serialization.loads, text.encode()) == [f"persons[a].name: {message}"]


@pytest.mark.parametrize("written", ["nan", "+inf", "-inf"])
def test_toml_nan_and_inf_name_path_and_value(written: str) -> None:
    text = f'format = 1\n[[persons]]\nid = "a"\nname = {written}\n'

    (line,) = _lines(serialization.loads_toml, text)

    assert line == f"persons[a].name: {written.lstrip('+')} is not a number a register can hold"


def test_a_number_too_large_for_an_integer_field_says_so() -> None:
    data = json.dumps(_plain()).replace('"number": 1', '"number": 1e400', 1)

    lines = _lines(serialization.loads, data.encode())

    assert len(lines) == 1
    assert lines[0].endswith(".number: the number 1e400 is too large to read; write it as a string")


# -- words, not Python ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1, "1"), ([2], "[2]"), ("x", '"x"'), (None, "null"), (True, "true")],
)
def test_a_value_where_an_object_belongs_is_named(value: object, shown: str) -> None:
    data = {"format": 1, "persons": [value]}

    assert _lines(serialization.structure, data) == [f"persons[0]: expected an object, got {shown}"]


def test_a_tag_that_is_not_text_is_named() -> None:
    data = _plain()
    data["participants"][0]["kind"] = ["municipality"]

    (line,) = _lines(serialization.structure, data)

    assert line.startswith("participants[")
    assert ".kind: expected one of county_authority, municipality; " in line
    assert line.endswith('got ["municipality"]')


def test_a_large_value_is_shown_short() -> None:
    data = {"format": 1, "persons": [{"id": "a", "name": [[[[[[1]]]]]] * 10_000}]}

    (line,) = _lines(serialization.structure, data)

    assert line == (
        'persons[a].name: expected text, got [[[[["…"]]]],[[[["…"]]]],[[[["…"]]]],[[[["…"]]]],[[[["…"]]]…'
    )


# -- TOML dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ["2020-01-01", "2020-01-01T10:00:00+01:00", "10:00:00", "2020-01-01T10:00:00"]
)
def test_a_toml_date_where_text_belongs_is_refused(written: str) -> None:
    text = f'format = 1\n[[persons]]\nid = "a"\nname = {written}\n'

    (line,) = _lines(serialization.loads_toml, text)

    assert line.startswith("persons[a].name: expected text, got the date or time ")
    assert line.endswith("; put it in quotes to make it text")


def test_a_toml_date_where_a_date_belongs_is_read() -> None:
    text = (
        'format = 1\n[[participants]]\nkind = "municipality"\nid = "gol"\nname = {nn = "Gol"}\n'
        'numbers = [{value = "3324", valid_from = 2024-01-01}]\n'
    )

    register = serialization.loads_toml(text)

    assert str(register.participants[0].numbers[0].valid_from) == "2024-01-01"


# -- line ends ------------------------------------------------------------------------


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_windows_and_old_mac_line_ends_become_newlines(ending: str) -> None:
    """Text pasted from Word loads, with LF line ends, in JSON and TOML alike."""
    data = _plain()
    data["persons"][0]["name"] = f"Kari{ending}Nordmann"
    register = serialization.loads(json.dumps(data).encode())
    assert register.persons[0].name == "Kari\nNordmann"

    toml = f'format = 1\n[[persons]]\nid = "a"\nname = "Kari{ending!r}Nordmann"\n'.replace("'", "")
    assert serialization.loads_toml(toml).persons[0].name == "Kari\nNordmann"


def test_other_control_characters_stay_refused_beside_a_carriage_return() -> None:
    data = _plain()
    data["persons"][0]["name"] = "Kari\r\n\x1b[2JNordmann"

    (line,) = _lines(serialization.structure, data)

    assert line.endswith(": name contains a control character (U+001B) at position 5")


# -- data that must not pass ------------------------------------------------------------


def _bodies(data: dict[str, Any]) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = data["councils"][0]["bodies"]
    assert len(bodies) >= 3
    return bodies


def test_a_body_reporting_to_itself_is_a_problem() -> None:
    data = _plain()
    body = _bodies(data)[1]
    body["reports_to"] = [body["id"]]

    assert _lines(serialization.structure, data) == [
        f"councils[hallingdal].bodies[{body['id']}].reports_to: a body cannot report to itself"
    ]


def test_bodies_reporting_in_a_circle_are_a_problem() -> None:
    data = _plain()
    a, b, c = _bodies(data)[:3]
    a["reports_to"], b["reports_to"], c["reports_to"] = [b["id"]], [c["id"]], [a["id"]]

    assert _lines(serialization.structure, data) == [
        f"councils[hallingdal].bodies[{a['id']}].reports_to: the bodies report to each other"
        f" in a circle: {a['id']} → {b['id']} → {c['id']} → {a['id']}"
    ]


def test_bodies_created_by_each_other_are_a_problem_with_the_other_problems() -> None:
    data = _plain()
    a, b = _bodies(data)[:2]
    a["created_by"], b["created_by"] = b["id"], a["id"]
    data["persons"][0]["name"] = 3

    lines = _lines(serialization.structure, data)

    assert (
        f"councils[hallingdal].bodies[{a['id']}].created_by: the bodies are created by each"
        f" other in a circle: {a['id']} → {b['id']} → {a['id']}"
    ) in lines
    assert len(lines) == 2


def test_the_model_refuses_a_circle_too() -> None:
    register = load_example("hallingdal")
    council = register.councils[0]
    first, second = council.bodies[:2]

    with pytest.raises(ValueError, match="in a circle"):
        attrs.evolve(
            council,
            bodies=(
                attrs.evolve(first, reports_to=(second.id,)),
                attrs.evolve(second, reports_to=(first.id,)),
                *council.bodies[2:],
            ),
        )


def test_a_chain_of_bodies_is_no_circle() -> None:
    data = _plain()
    for body in _bodies(data):
        body.pop("reports_to", None)
    a, b, c = _bodies(data)[:3]
    a["reports_to"], b["reports_to"] = [b["id"], c["id"]], [c["id"]]

    serialization.structure(data)


def _meeting_with_agenda(data: dict[str, Any]) -> dict[str, Any]:
    return next(m for m in data["councils"][0]["meetings"] if len(m.get("agenda", ())) >= 2)


def test_two_agenda_items_with_one_id_are_a_problem() -> None:
    data = _plain()
    meeting = _meeting_with_agenda(data)
    first, second = meeting["agenda"][:2]
    second["id"] = first["id"]

    assert _lines(serialization.structure, data) == [
        f"councils[hallingdal].meetings[{meeting['id']}].agenda[1].id: the id"
        f" '{first['id']}' is used by an earlier entry too"
    ]


def test_two_tasks_with_one_id_are_a_problem() -> None:
    data = serialization.unstructure(load_example("all"))
    council, plan = next(
        (council, plan)
        for council in data["councils"]
        for plan in council.get("action_plans", ())
        if len(plan.get("tasks", ())) >= 2
    )
    plan["tasks"][1]["id"] = plan["tasks"][0]["id"]

    (line,) = _lines(serialization.structure, data)

    assert line == (
        f"councils[{council['id']}].action_plans[{plan['id']}].tasks[1].id: the id"
        f" '{plan['tasks'][0]['id']}' is used by an earlier entry too"
    )
