# SPDX-License-Identifier: MIT
"""What a secretariat should confirm: values marked as assumptions, illustrative meetings.

A value no source states is marked with an ``assumption`` note on the object that holds
it (docs/explanation/provenance.md). :func:`check` lists each one as an INFO finding,
so the secretariat can confirm it with a source or correct it; it lists the
illustrative meetings of each body and the councils kept in outline too. Nothing here
is an error: an assumption that is written down is honest data.

>>> from iprmodel.model import Council, LocalizedText, Register
>>> council = Council(id="demo", formal_name=LocalizedText(nb="Demo interkommunalt politisk råd"),
...     assumption=LocalizedText(nb="Navnet er vår lesning.", en="The name is our reading."))
>>> [(f.code, f.path, f.english()) for f in check(Register(councils=(council,)))]
[('IPR-DATA-ASSUMPTION', 'councils[demo]', 'Marked as an assumption, not stated by a source: The name is our reading. Confirm it with a source or correct it.')]
"""

from __future__ import annotations

import functools
import typing
from collections import Counter
from collections.abc import Iterator
from typing import Any, Final

import attrs

from iprmodel.model import Council, LocalizedText, Register
from iprmodel.rules.findings import Finding
from iprmodel.rules.registry import rule

__all__ = ["CODES", "assumptions", "check"]

#: The codes :func:`check` can return (registered in :mod:`iprmodel.rules.registry`).
CODES: Final = {code: None for code in ("IPR-DATA-ASSUMPTION", "IPR-DATA-ILLUSTRATIVE", "IPR-DATA-OUTLINE")}


def check(register: Register) -> tuple[Finding, ...]:
    """The INFO findings for what ``register`` marks as not stated by a source.

    One per object with an ``assumption`` note (in register order), then per council
    one for each body with illustrative meetings, and one if the council is an outline.
    """
    findings = [rule("IPR-DATA-ASSUMPTION").at(path, "note", note=note) for path, note in assumptions(register)]
    for council in register.councils:
        findings.extend(_council(council))
    return tuple(findings)


def _council(council: Council) -> Iterator[Finding]:
    path = f"councils[{council.id}]"
    illustrative = Counter(m.body for m in council.meetings if m.illustrative)
    for body in council.bodies:
        if illustrative[body.id]:
            yield rule("IPR-DATA-ILLUSTRATIVE").at(
                f"{path}.bodies[{body.id}]",
                "meetings",
                count=illustrative[body.id],
                body=body.name,
            )
    if council.outline:
        yield rule("IPR-DATA-OUTLINE").at(
            path,
            "outline",
            council=council.short_name or council.formal_name,
        )


def assumptions(register: Register) -> Iterator[tuple[str, LocalizedText]]:
    """Every ``assumption`` note in ``register`` with the path of its object, in order.

    Paths read like the loader's (``councils[hadeland].action_plans[plan].tasks[x]``):
    list items by their id where they have one, else by their index.
    """
    yield from _walk(register, "")


def _walk(obj: Any, path: str) -> Iterator[tuple[str, LocalizedText]]:
    note = getattr(obj, "assumption", None)
    if isinstance(note, LocalizedText):
        yield path, note
    cls: type = type(obj)
    for name in _branches(cls):
        value = getattr(obj, name)
        here = f"{path}.{name}" if path else name
        if isinstance(value, tuple):
            for index, item in enumerate(value):
                key = getattr(item, "id", None)
                yield from _walk(item, f"{here}[{key if isinstance(key, str) else index}]")
        elif value is not None:
            yield from _walk(value, here)


@functools.cache
def _branches(cls: type) -> tuple[str, ...]:
    """The fields of ``cls`` that can lead to an object with an ``assumption`` field."""
    if not attrs.has(cls):
        return ()
    hints = typing.get_type_hints(cls)
    return tuple(
        field.name
        for field in attrs.fields(cls)
        if any(_marks(c) for c in _classes(hints[field.name]))
    )


@functools.cache
def _marks(cls: type) -> bool:
    # LocalizedText is a leaf: a note itself, never something holding one.
    if cls is LocalizedText:
        return False
    if "assumption" in attrs.fields_dict(cls):
        return True
    return bool(_branches(cls))


def _classes(type_: Any) -> Iterator[type]:
    if isinstance(type_, type) and attrs.has(type_):
        yield type_
        return
    if typing.get_origin(type_) in (typing.Union, _UNION, tuple, frozenset):
        for arg in typing.get_args(type_):
            if arg is not Ellipsis:
                yield from _classes(arg)


_UNION: Final = type(int | None)
