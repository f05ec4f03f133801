# SPDX-License-Identifier: MIT
"""The four seed councils as embedded examples (eksempel-råd).

Each example is a faithful model of what its source document states about an
interkommunalt politisk råd (koml. kapittel 18): Hadeland, Hamarregionen,
Ringeriksregionen and Hallingdal, plus ``all``, one register holding all four
(Jevnaker takes part in two of them and is one participant there).

The data are hand-written TOML files in this package: ``shared.toml`` holds the
participants, funders and persons used by more than one council; each council has
its own file. Comments in the files cite the source line of each fact and mark
interpretations. Where a source names no person, a role placeholder stands in
(``placeholder = true``); meeting dates no source gives are an illustrative plan
(``illustrative = true``).

>>> from iprmodel import examples
>>> examples.names()
('all', 'hadeland', 'hallingdal', 'hamarregionen', 'ringeriksregionen')
>>> hallingdal = examples.load("hallingdal").councils[0]
>>> hallingdal.body("hallingtinget").cases_per_year
CountRange(min=15, max=20)
>>> examples.load("oslo")
Traceback (most recent call last):
...
iprmodel.examples.UnknownExampleError: example: no example named 'oslo'; choose one of: all, hadeland, hallingdal, hamarregionen, ringeriksregionen
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any, Final

import attrs

from iprmodel import model
from iprmodel.errors import LoadError, Problem
from iprmodel.model import Register
from iprmodel.model._fields import REF
from iprmodel.serialization import parse_toml, structure

__all__ = ["UnknownExampleError", "load", "names", "source"]

_SHARED: Final = "shared.toml"
#: Council examples and their data file.
_COUNCILS: Final[dict[str, str]] = {
    "hadeland": "hadeland.toml",
    "hallingdal": "hallingdal.toml",
    "hamarregionen": "hamarregionen.toml",
    "ringeriksregionen": "ringeriksregionen.toml",
}
_ALL: Final = "all"


class UnknownExampleError(LoadError, LookupError):
    """No example has that name; ``available`` lists the names that exist.

    A :class:`~iprmodel.errors.LoadError` (so the command line reports it like any
    unusable input) and a :class:`LookupError`.
    """

    def __init__(self, name: str, available: Iterable[str]) -> None:
        self.name = name
        self.available = tuple(available)
        super().__init__(
            (
                Problem(
                    path="example",
                    template="no example named {name}; choose one of: {names}",
                    params=(("name", repr(name)), ("names", ", ".join(self.available))),
                ),
            )
        )


def names() -> tuple[str, ...]:
    """The names of the embedded examples, sorted.

    Returns:
        ``("all", "hadeland", "hallingdal", "hamarregionen", "ringeriksregionen")``.
    """
    return tuple(sorted((_ALL, *_COUNCILS)))


def _files(name: str) -> tuple[str, ...]:
    if name == _ALL:
        return (_SHARED, *(_COUNCILS[n] for n in sorted(_COUNCILS)))
    if name in _COUNCILS:
        return (_SHARED, _COUNCILS[name])
    raise UnknownExampleError(name, names())


def source(name: str) -> str:
    """The text of the data file(s) behind example ``name``.

    Each file starts with a ``# file: NAME`` line, so the result of a single council
    reads as ``shared.toml`` followed by the council's own file.

    Args:
        name: One of :func:`names`.

    Raises:
        UnknownExampleError: ``name`` is not an example.
    """
    return "\n".join(f"# file: {file}\n{_text(file)}" for file in _files(name))


def load(name: str) -> Register:
    """The register of example ``name``.

    A council's register holds the council, its persons, and only the participants,
    organisations and shared persons the council refers to (counties included through
    the municipalities' county history). ``all`` holds the four councils in one
    register, where a participant of two councils is one object.

    Args:
        name: One of :func:`names`.

    Raises:
        UnknownExampleError: ``name`` is not an example.
    """
    files = _files(name)
    return _load(files[1:])


@functools.cache
def _text(file: str) -> str:
    return resources.files(__name__).joinpath(file).read_text(encoding="utf-8")


@functools.cache
def _data(file: str) -> dict[str, Any]:
    return parse_toml(_text(file))


@functools.cache
def _load(council_files: tuple[str, ...]) -> Register:
    # Frozen objects: handing out the same register twice is safe.
    return structure(_compose(council_files))


def _compose(council_files: tuple[str, ...]) -> dict[str, Any]:
    """Plain data of one register: shared parts that the councils use, plus the councils."""
    shared = _data(_SHARED)
    councils: list[Any] = []
    persons: dict[str, Any] = {}
    for file in council_files:
        data = _data(file)
        councils.extend(data.get("councils", ()))
        for person in data.get("persons", ()):
            _add_person(persons, person, file)
    used = _referenced(councils, _PARTY_KEYS)
    participants = _closure(shared.get("participants", []), used)
    used_persons = _referenced(councils, _PERSON_KEYS)
    for person in shared.get("persons", ()):
        if person["id"] in used_persons:
            _add_person(persons, person, _SHARED)
    return {
        "format": shared["format"],
        "participants": participants,
        "organisations": [o for o in shared.get("organisations", ()) if o["id"] in used],
        "persons": list(persons.values()),
        "councils": councils,
    }


def _add_person(persons: dict[str, Any], person: dict[str, Any], file: str) -> None:
    # The same person may appear in two files only if both say the same thing.
    known = persons.setdefault(person["id"], person)
    if known != person:
        raise LoadError(
            (
                Problem(
                    path=f"{file}: persons[{person['id']}]",
                    template="the person is defined differently in two example files",
                ),
            )
        )


def _closure(participants: list[dict[str, Any]], used: set[str]) -> list[dict[str, Any]]:
    # A used municipality brings the counties of its history along.
    wanted = set(used)
    while True:
        chosen = [p for p in participants if p["id"] in wanted]
        more = _referenced(chosen, _PARTY_KEYS) - wanted
        if not more:
            return chosen
        wanted |= more


def _ref_keys(*kinds: str) -> frozenset[str]:
    """The data keys that hold references of ``kinds``, read from the model's field metadata."""
    classes = (getattr(model, name) for name in model.__all__)
    return frozenset(
        field.alias
        for cls in classes
        if isinstance(cls, type) and attrs.has(cls)
        for field in attrs.fields(cls)
        if field.metadata.get(REF) in kinds
    )


_PARTY_KEYS: Final = _ref_keys("participant", "organisation", "party")
_PERSON_KEYS: Final = _ref_keys("person")


def _referenced(data: object, keys: frozenset[str]) -> set[str]:
    return set(_values_under(data, keys))


def _values_under(data: object, keys: frozenset[str]) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key in keys:
                if isinstance(value, str):
                    yield value
                elif isinstance(value, list):
                    yield from (item for item in value if isinstance(item, str))
            else:
                yield from _values_under(value, keys)
    elif isinstance(data, list):
        for item in data:
            yield from _values_under(item, keys)
