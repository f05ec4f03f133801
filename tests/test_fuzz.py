# SPDX-License-Identifier: MIT
"""Mutated registers through the loader and every installed exporter (issue 14).

Each example is taken apart and broken a few places at a time (values replaced by
others of every kind, keys dropped or added, list items repeated, parts of the
document moved to where they do not belong). Whatever comes of it must be one of:

* a :class:`~iprmodel.errors.LoadError` whose every message is a catalog template
  (so it reads in nb, nn and en, and no Python internals reach the user);
* a register that every exporter writes as a well-formed file, or refuses with an
  :class:`~iprmodel.errors.ExportError` from its catalog.

The budget is fixed (examples and a deadline per example), so the run stays within
seconds and a hang fails instead of stalling CI.
"""

from __future__ import annotations

import copy
import io
import json
import re
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import icalendar
import orjson
import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iprmodel import examples, serialization
from iprmodel.errors import ExportError, LoadError, Phrase, Problem, TemplatedError
from iprmodel.exporters import ExportRequest, Registry
from iprmodel.l10n import LOCALEDIR
from iprmodel.model import Register

# "all" joins the others: mutating those is the same work in a third of the time.
_NAMES = tuple(name for name in examples.names() if name != "all")


@cache
def _plain(name: str) -> dict[str, Any]:
    return serialization.unstructure(examples.load(name))


@cache
def _catalog(domain: str = "iprmodel", localedir: Path = LOCALEDIR) -> frozenset[str]:
    po = polib.pofile(str(localedir / "en" / "LC_MESSAGES" / f"{domain}.po"))
    return frozenset(entry.msgid for entry in po if not entry.obsolete)


# -- mutations ---------------------------------------------------------------------

# Texts that have broken parsers, terminals or files before.
_NASTY = (
    "",
    " ",
    "\x1b[2J\x1b[31mSummary: 0 errors",
    "a\nb",
    "a\r\nb",
    "\u202eevil",
    "2026-02-30",
    "2026-04-23T10:00:00",
    "1/0",
    "-1",
    "1e400",
    "kind",
    "]",
    "x" * 300,
)
_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
    st.sampled_from(_NASTY),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.sampled_from(("id", "kind", "nb", "x")), st.integers(), max_size=2),
)


def _places(value: Any) -> Iterator[tuple[Any, Any]]:
    """Every (container, key or index) in ``value``."""
    stack = [value]
    while stack:
        container = stack.pop()
        keys = container.keys() if isinstance(container, dict) else range(len(container))
        for key in keys:
            yield container, key
            if isinstance(container[key], dict | list):
                stack.append(container[key])


def _mutate(draw: st.DrawFn, data: dict[str, Any]) -> str:
    places = list(_places(data))
    container, key = places[draw(st.integers(0, len(places) - 1))]
    action = draw(st.sampled_from(("value", "move", "drop", "add", "repeat", "id")))
    before = _short(container.get(key) if isinstance(container, dict) else container[key])
    if action == "value":
        container[key] = draw(_VALUES)
    elif action == "move":  # a real part of the register where it does not belong
        other, other_key = places[draw(st.integers(0, len(places) - 1))]
        container[key] = copy.deepcopy(other[other_key])
    elif action == "drop":
        del container[key]
    elif action == "add" and isinstance(container, dict):
        container[draw(st.sampled_from(("extra", "kind", "id", "format")))] = draw(_VALUES)
    elif action == "repeat" and isinstance(container, list):
        container.append(copy.deepcopy(container[key]))
    elif action == "id":  # another object's id: references and uniqueness
        ids = [v for c, k in places if k == "id" and isinstance(v := c[k], str)]
        if ids:
            container[key] = draw(st.sampled_from(ids))
    return f"{action} at {key!r} (was {before})"


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) < 80 else text[:79] + "…"


class Case:
    """A mutated document, shown by what was done to which example (not all of it)."""

    def __init__(self, name: str, data: dict[str, Any], changes: list[str]) -> None:
        self.name, self.data, self.changes = name, data, changes

    def __repr__(self) -> str:
        return f"Case({self.name!r}: {'; '.join(self.changes)})"


@st.composite
def mutated(draw: st.DrawFn) -> Case:
    name = draw(st.sampled_from(_NAMES))
    data = copy.deepcopy(_plain(name))
    changes = [_mutate(draw, data) for _ in range(draw(st.integers(1, 3)))]
    return Case(name, data, changes)


# -- checks ------------------------------------------------------------------------


# Python's own words, which only an exception's text passed on as a parameter brings.
_PYTHON = re.compile(
    r"object has no attribute|not subscriptable|unhashable type|is not iterable|NoneType"
    r"|Traceback|Error\b|<class |object at 0x|__\w+__"
)


def _check_words(template: str, params: dict[str, Any], catalog: frozenset[str]) -> None:
    assert template in catalog, f"not a catalog message: {template!r} {params!r}"
    # A template that is nothing but a parameter passes on words from elsewhere.
    assert re.fullmatch(r"(cannot read this value: )?\{\w+\}", template) is None, params
    for name, value in params.items():
        assert _PYTHON.search(str(value)) is None, f"Python internals in {name}: {value!r}"
        if isinstance(value, Phrase):
            assert value in catalog, f"not a catalog phrase: {value!r} (in {name})"
        assert isinstance(value, str | int), f"{name}={value!r} is no message parameter"


def _check_problem(problem: Problem) -> None:
    _check_words(problem.template, dict(problem.params), _catalog())


def _check_export_error(error: TemplatedError) -> None:
    catalog = _catalog(error.domain, error.localedir or LOCALEDIR)
    _check_words(error.template, error.params, catalog | _catalog())


def _check_output(name: str, data: bytes, register: Register, request: ExportRequest) -> None:
    if name == "ics":
        calendar = icalendar.Calendar.from_ical(data)
        assert calendar.name == "VCALENDAR"
    elif name == "json" and request.document is None:
        assert serialization.loads(data) == register
    elif name in ("json", "popolo"):
        assert isinstance(orjson.loads(data), dict)
    elif name == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            ElementTree.fromstring(archive.read("word/document.xml"))
    else:  # a plugin this test does not know: at least not empty
        assert data


def _requests(name: str) -> list[ExportRequest]:
    exporter = Registry().load(name)
    documents = getattr(exporter, "documents", ())
    return [ExportRequest()] + [ExportRequest(document=kind) for kind in documents]


def _export_all(register: Register) -> None:
    for name in Registry().names():
        exporter = Registry().load(name)
        for request in _requests(name):
            try:
                data = exporter.export(register, request)
            except ExportError as error:
                _check_export_error(error)
            else:
                _check_output(name, data, register, request)


# -- the properties ------------------------------------------------------------------

_BUDGET = settings(
    deadline=timedelta(seconds=5),  # a hang fails, a slow shared machine does not
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
    derandomize=True,  # the same mutations every run: CI failures reproduce
)


@settings(_BUDGET, max_examples=1500)
@given(case=mutated())
def test_every_loading_problem_is_a_catalog_message(case: Case) -> None:
    try:
        serialization.structure(case.data)
    except LoadError as error:
        problems = error.problems
    else:
        return
    assert problems
    for problem in problems:
        _check_problem(problem)


@settings(_BUDGET, max_examples=150)
@given(case=mutated())
def test_mutated_registers_load_as_text_and_export_or_fail_in_words(case: Case) -> None:
    """Through the JSON text (NaN, 1e400 and all) and, if it loads, every exporter."""
    text = json.dumps(case.data).encode()
    try:
        register = serialization.loads(text)
    except LoadError as error:
        for problem in error.problems:
            _check_problem(problem)
        return
    _export_all(register)


@pytest.mark.parametrize("name", examples.names())
def test_each_example_exports_through_the_same_checks(name: str) -> None:
    """The checks above accept what the examples give (a check that cannot fail is none)."""
    register = examples.load(name)
    _export_all(register)
    with pytest.raises(AssertionError, match="not a catalog message"):
        _check_problem(Problem(path="", template="'list' object has no attribute 'keys'"))
