# SPDX-License-Identifier: MIT
"""The generated decoder and encoder give the converter's answers, only faster.

The decoder may give up on a document the converter accepts (that only costs time),
but it must never accept one the converter refuses: the mutation test throws broken
values at it and compares the two.
"""

from __future__ import annotations

import json
from datetime import date
from random import Random
from typing import Any

import attrs
import orjson
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from iprmodel import serialization
from iprmodel.codec import Rejected
from iprmodel.errors import LoadError
from iprmodel.examples import load as load_example
from iprmodel.model import Register
from iprmodel.model._fields import CONTROL_RE
from iprmodel.testing import strategies

registers = strategies.registers()


def _payload(register: Register) -> dict[str, Any]:
    return {k: v for k, v in serialization.unstructure(register).items() if k != "format"}


def _converter_reads(payload: dict[str, Any]) -> Register | None:
    """What the converter alone makes of ``payload``: the register, or None if refused."""
    try:
        register: Register = serialization.converter.structure(payload, Register)
    except Exception:
        return None
    return None if list(serialization.check_references(payload)) else register


def _decoder_reads(payload: dict[str, Any], *, clean: bool = False) -> Register | None:
    try:
        register: Register = serialization._decoder(clean=clean).structure(payload, Register)
    except Exception:
        return None
    return register


@given(registers)
def test_decoder_reads_what_the_converter_reads(register: Register) -> None:
    payload = _payload(register)
    assert _decoder_reads(payload) == register
    assert _decoder_reads(payload, clean=True) == register


@given(registers)
def test_encoder_writes_what_the_converter_writes(register: Register) -> None:
    expected = serialization.converter.unstructure(register, Register)
    written = serialization._encoder().unstructure(register, Register)
    assert written == expected
    assert orjson.dumps(written) == orjson.dumps(expected)  # the same key order too


@given(registers)
def test_dumps_writes_what_the_converter_writes(register: Register) -> None:
    # dumps leaves dates and times to orjson: the bytes must not change.
    plain = serialization.converter.unstructure(register, Register)
    expected = orjson.dumps(
        {"format": serialization.FORMAT_VERSION, **plain},
        option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE,
    )
    assert serialization.dumps(register, indent=False) == expected


@pytest.mark.parametrize("name", ["hadeland", "hallingdal", "hamarregionen", "ringeriksregionen"])
def test_examples_read_the_same_both_ways(name: str) -> None:
    payload = _payload(load_example(name))
    assert _decoder_reads(payload) == _converter_reads(payload) == load_example(name)


# Values that break some rule somewhere: wrong types, bad text, bad ids, bad dates...
_BAD_VALUES: list[Any] = [
    None,
    0,
    -1,
    3,
    1.5,
    True,
    "",
    " ",
    "3",
    "x",
    "Ål",
    "a\x00b",
    "a\x85b",
    "ab\ufffe",
    "Not A Slug",
    "no-such-id",
    "2026-13-01",
    "2026-03-12",
    "2026-03-12T10:00:00",
    "2026-03-12T10:00:00+01:00",
    "1/0",
    "1.005",
    "x" * 100_001,
    [],
    ["x", "x"],
    {},
    {"nb": ""},
]


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _mutated(payload: dict[str, Any], path: tuple[Any, ...], how: str, value: Any) -> Any:
    copy = orjson.loads(orjson.dumps(payload))
    *parents, last = path
    target = copy
    for step in parents:
        target = target[step]
    if how == "replace":
        target[last] = value
    elif how == "delete":
        del target[last]
    elif how == "unknown key" and isinstance(target[last], dict):
        target[last]["unexpected"] = value
    elif how == "repeat" and isinstance(target, list):
        target.append(target[last])  # a second item with the same id
    else:
        return None  # that change does not apply here
    return copy


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(registers, st.randoms(use_true_random=False))
def test_decoder_never_accepts_what_the_converter_refuses(
    register: Register, random: Random
) -> None:
    payload = _payload(register)
    paths = [path for path in _paths(payload) if path]
    assume(paths)
    for _ in range(10):
        path = random.choice(paths)
        how = random.choice(["replace", "replace", "delete", "unknown key", "repeat"])
        broken = _mutated(payload, path, how, random.choice(_BAD_VALUES))
        if broken is None:
            continue
        fast = _decoder_reads(broken)
        if fast is not None:
            assert _converter_reads(broken) == fast, (path, how)


def test_decoder_refuses_a_dangling_reference_inside_a_council() -> None:
    payload = _payload(load_example("hallingdal"))
    payload["councils"][0]["meetings"][0]["body"] = "no-such-body"
    with pytest.raises(Rejected):
        serialization._decoder().structure(payload, Register)


def test_decoder_refuses_a_council_reference_to_another_council() -> None:
    # Bodies are named per council: an id from another council does not resolve.
    payload = _payload(load_example("all"))
    councils = payload["councils"]
    other_body = councils[1]["bodies"][0]["id"]
    own_bodies = {body["id"] for body in councils[0]["bodies"]}
    assert other_body not in own_bodies
    councils[0]["meetings"][0]["body"] = other_body
    assert _decoder_reads(payload) is None
    assert _converter_reads(payload) is None


# -- the bytes-level fast path ---------------------------------------------------------


def _encodings(text: str) -> list[bytes]:
    found = [json.dumps(text).encode()]
    try:
        found.append(json.dumps(text, ensure_ascii=False).encode())
        found.append(orjson.dumps(text))
    except (UnicodeEncodeError, orjson.JSONEncodeError):
        pass  # lone surrogates: only the escaped form exists
    return found


@given(st.text())
def test_scan_finds_every_control_character(text: str) -> None:
    if CONTROL_RE.search(text) is not None:
        for encoded in _encodings(text):
            assert not serialization._free_of_controls(encoded), encoded


# A carriage return is not among them: loading turns it into a line end (LF).
@pytest.mark.parametrize(
    "char", ["\x00", "\x07", "\x1f", "\x7f", "\x85", "\ufffe", "\ud800", "\u202e", "\u2066"]
)
def test_control_character_in_a_canonical_document_is_refused(char: str) -> None:
    register = load_example("hallingdal")
    text = serialization.dumps(register, indent=False)
    name = register.persons[0].name
    try:  # as the exporter would write it, so the document stays canonical
        written = orjson.dumps(name + char)
    except orjson.JSONEncodeError:  # a lone surrogate: only an escape can carry it
        written = json.dumps(name + char).encode()
    broken = text.replace(orjson.dumps(name), written, 1)
    assert broken != text
    with pytest.raises(LoadError, match=r"persons\[.*\]: name contains a control character"):
        serialization.loads(broken)


@pytest.mark.parametrize("indent", [False, True])
def test_repeated_key_in_canonical_form_is_refused(indent: bool) -> None:
    register = load_example("hadeland")
    text = serialization.dumps(register, indent=indent)
    key = b'"format": 1' if indent else b'"format":1'
    assert key in text
    with pytest.raises(LoadError, match="more than once"):
        serialization.loads(text.replace(key, key + b"," + key, 1))


def test_documents_in_other_layouts_load_the_same() -> None:
    register = load_example("ringeriksregionen")
    plain = serialization.unstructure(register)
    for layout in (
        json.dumps(plain),  # spaces after separators
        json.dumps(plain, indent=4, ensure_ascii=True),  # escaped non-ASCII
        json.dumps(dict(reversed(list(plain.items())))),  # keys not sorted
    ):
        assert serialization.loads(layout.encode()) == register
        assert serialization.loads(layout) == register


# -- found in review: each a case where the two paths once disagreed -------------------


def test_enum_value_must_be_exactly_text() -> None:
    class Text(str):
        pass

    payload = _payload(load_example("all"))
    body = payload["councils"][0]["bodies"][0]
    body["kind"] = Text(body["kind"])
    assert _decoder_reads(payload) is None
    assert _converter_reads(payload) is None


def test_dumps_writes_date_and_datetime_subclasses() -> None:
    class Day(date):
        pass

    register = load_example("hallingdal")
    council = attrs.evolve(register.councils[0], established=Day(2020, 1, 1))
    changed = attrs.evolve(register, councils=(council, *register.councils[1:]))
    expected = serialization.converter.unstructure(changed, Register)
    assert (
        orjson.loads(serialization.dumps(changed))["councils"][0]["established"]
        == (expected["councils"][0]["established"])
    )


@pytest.mark.parametrize("number", ["18446744073709551616", "-9223372036854775809", "1" * 5000])
def test_numbers_no_writer_can_write_back_are_refused(number: str) -> None:
    text = json.dumps(serialization.unstructure(load_example("hallingdal")), indent=1)
    broken = text.replace('"number": 1', f'"number": {number}', 1)
    assert broken != text
    with pytest.raises(LoadError, match="too large"):
        serialization.loads(broken.encode())
    with pytest.raises(LoadError, match=r"format: the number .* is too large|not valid TOML"):
        serialization.loads_toml(f"format = {number}\n")
