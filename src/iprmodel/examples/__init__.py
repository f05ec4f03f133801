# SPDX-License-Identifier: MIT
"""The seed councils and Innlandet county as embedded examples (eksempel-råd).

Each example is a faithful model of what its public source documents state about an
interkommunalt politisk råd (koml. kapittel 18): Hadeland, Hamarregionen,
Ringeriksregionen and Hallingdal; ``innlandet``, what Innlandet fylkeskommune states
about the councils it works with (councils it only names are kept in outline); and
``all``, one register holding the four councils (Jevnaker takes part in two of them and
is one participant there).

The data are hand-written TOML files in this package, one per example, each a whole
register: ``iprmodel validate src/iprmodel/examples/hallingdal.toml`` reads it as it is.
A participant, organisation or person that two files need is written in both, the same
way; ``all`` merges them and refuses copies that differ. Every fact cites its source in
``sources``; what no source states carries an ``assumption`` note (docs/examples.md
lists both). Where a source names no person, a role placeholder stands in
(``placeholder = true``); meeting dates no source gives are an illustrative plan
(``illustrative = true``).

>>> from iprmodel import examples
>>> examples.names()
('all', 'hadeland', 'hallingdal', 'hamarregionen', 'innlandet', 'ringeriksregionen')
>>> hallingdal = examples.load("hallingdal").councils[0]
>>> hallingdal.body("hallingtinget").cases_per_year
CountRange(min=15, max=20)
>>> examples.load("oslo")
Traceback (most recent call last):
...
iprmodel.examples.UnknownExampleError: example: no example named 'oslo'; choose one of: all, hadeland, hallingdal, hamarregionen, innlandet, ringeriksregionen
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib import resources
from typing import Any, Final

from iprmodel.errors import LoadError, Problem
from iprmodel.model import Register
from iprmodel.serialization import parse_toml, structure

__all__ = ["UnknownExampleError", "load", "names", "source"]

#: The examples and their data file.
_FILES: Final[dict[str, str]] = {
    "hadeland": "hadeland.toml",
    "hallingdal": "hallingdal.toml",
    "hamarregionen": "hamarregionen.toml",
    "innlandet": "innlandet.toml",
    "ringeriksregionen": "ringeriksregionen.toml",
}
_ALL: Final = "all"
#: What ``all`` holds: the four councils (``innlandet`` repeats some of them in outline).
_ALL_OF: Final = ("hadeland", "hallingdal", "hamarregionen", "ringeriksregionen")
#: The top-level lists whose entries two files may both hold, if they hold them alike.
_SHARED_KEYS: Final = ("participants", "organisations", "persons")


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
        ``("all", "hadeland", "hallingdal", "hamarregionen", "innlandet", "ringeriksregionen")``.
    """
    return tuple(sorted((_ALL, *_FILES)))


def _files(name: str) -> tuple[str, ...]:
    if name == _ALL:
        return tuple(_FILES[n] for n in _ALL_OF)
    if name in _FILES:
        return (_FILES[name],)
    raise UnknownExampleError(name, names())


def source(name: str) -> str:
    """The text of the data file(s) behind example ``name``.

    Each file starts with a ``# file: NAME`` line; ``all`` gives the four council files.

    Raises:
        UnknownExampleError: ``name`` is not an example.
    """
    return "\n".join(f"# file: {file}\n{_text(file)}" for file in _files(name))


def load(name: str) -> Register:
    """The register of example ``name``.

    A council's example is its file as it is. ``all`` holds the four councils in one
    register, where a participant of two councils is one object.

    Args:
        name: One of :func:`names`.

    Raises:
        UnknownExampleError: ``name`` is not an example.
        LoadError: two files define the same participant, organisation or person
            differently (``all``).
    """
    return _load(_files(name))


@functools.cache
def _text(file: str) -> str:
    return resources.files(__name__).joinpath(file).read_text(encoding="utf-8")


@functools.cache
def _data(file: str) -> dict[str, Any]:
    return parse_toml(_text(file))


@functools.cache
def _load(files: tuple[str, ...]) -> Register:
    # Frozen objects: handing out the same register twice is safe.
    return structure(_merge(files))


def _merge(files: tuple[str, ...]) -> dict[str, Any]:
    """Plain data of one register from ``files``: shared entries once, the rest in order."""
    merged: dict[str, Any] = {"format": _data(files[0])["format"]}
    for key in _SHARED_KEYS:
        by_id: dict[str, Any] = {}
        for file in files:
            for item in _data(file).get(key, ()):
                _add(by_id, item, key, file)
        merged[key] = list(by_id.values())
    for file in files:
        for key, value in _data(file).items():
            if key != "format" and key not in _SHARED_KEYS:
                merged.setdefault(key, []).extend(value)
    return merged


def _add(by_id: dict[str, Any], item: dict[str, Any], key: str, file: str) -> None:
    # The same entry may appear in two files only if both say the same thing.
    known = by_id.setdefault(item["id"], item)
    if known != item:
        raise LoadError(
            (
                Problem(
                    path=f"{file}: {key}[{item['id']}]",
                    template="the entry is defined differently in two example files",
                ),
            )
        )
