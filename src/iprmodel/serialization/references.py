# SPDX-License-Identifier: MIT
"""References and ids in plain data: every reference must name an object of its kind.

The walk follows the model's field metadata (``REF`` for a reference, ``UNIQUE`` for a
list whose ids must differ) and reports every problem found, as ``path: message``.
"""

from __future__ import annotations

import contextvars
import functools
import types
import typing
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

import attrs

from iprmodel.errors import Phrase, Problem
from iprmodel.model import Council, Register
from iprmodel.model._cycles import body_cycle_errors
from iprmodel.model._fields import REF, UNIQUE
from iprmodel.serialization.converter import _TAGS, TAG_KEY, _show
from iprmodel.serialization.problems import Collector, _format_path, _Path

__all__ = ["check_references", "collect_reference_problems"]

# Which ids a reference kind may point at. "party" is anyone who can sign or fund.
_GLOBAL_KINDS: Final = {
    "participant": ("participants",),
    "person": ("persons",),
    "organisation": ("organisations",),
    "party": ("participants", "organisations"),
    "council": ("councils",),
}
_COUNCIL_KINDS: Final = {
    "body": ("bodies",),
    "meeting": ("meetings",),
    "theme": ("themes",),
    "plan": ("strategic_plans",),
    "project": ("projects",),
    "fund": ("funds",),
    "appointment": ("appointments",),
}


# The words for each kind of reference, so "no {kind} has the id" reads in nb and nn too.
_REF_WORDS: Final = {
    "participant": Phrase("participant"),
    "person": Phrase("person"),
    "organisation": Phrase("organisation"),
    "party": Phrase("participant or organisation"),
    "council": Phrase("council"),
    "body": Phrase("body"),
    "meeting": Phrase("meeting"),
    "theme": Phrase("theme"),
    "plan": Phrase("strategic plan"),
    "project": Phrase("project"),
    "fund": Phrase("fund"),
    "appointment": Phrase("appointment"),
    "task": Phrase("task"),
}


#: The kinds of item of each list seen, while one document is read (its lists live as
#: long as it, so their ids stay theirs): the decoder and the walk look once per list.
KINDS: Final[contextvars.ContextVar[dict[int, set[type]] | None]] = contextvars.ContextVar(
    "iprmodel_list_kinds", default=None
)


def _dict_items(items: list[Any]) -> Iterable[tuple[int, dict[str, Any]]]:
    """(index, item) for the items that are objects, the others skipped at C speed.

    A list of a million numbers where objects belong must cost no loop in Python.
    """
    cache = KINDS.get()
    kinds = None if cache is None else cache.get(id(items))
    if kinds is None:
        kinds = set(map(type, items))
        if cache is not None:
            cache[id(items)] = kinds
    if dict not in kinds:
        return ()
    if len(kinds) == 1:
        return enumerate(items)
    return ((i, item) for i, item in enumerate(items) if type(item) is dict)


def _ids(items: object) -> frozenset[str]:
    if not isinstance(items, list):
        return frozenset()
    ids = [item.get("id") for _, item in _dict_items(items)]
    return frozenset(item_id for item_id in ids if type(item_id) is str)


def _council_ids(council: dict[str, Any]) -> dict[str, frozenset[str]]:
    index = {
        kind: frozenset().union(*(_ids(council.get(key)) for key in keys))
        for kind, keys in _COUNCIL_KINDS.items()
    }
    tasks: set[str] = set()
    plans = council.get("action_plans")
    if isinstance(plans, list):
        for plan in plans:
            if isinstance(plan, dict):
                tasks |= _ids(plan.get("tasks"))
    index["task"] = frozenset(tasks)
    return index


def _global_ids(data: Mapping[str, Any]) -> dict[str, frozenset[str]]:
    return {
        kind: frozenset().union(*(_ids(data.get(key)) for key in keys))
        for kind, keys in _GLOBAL_KINDS.items()
    }


def check_references(data: Mapping[str, Any]) -> Iterator[Problem]:
    """Every reference in plain ``data`` (a register without its format tag) that names no object."""
    problems = Collector(limit=2**62)
    collect_reference_problems(data, problems)
    return iter(problems.kept)


def collect_reference_problems(data: Mapping[str, Any], problems: Collector) -> None:
    """Add to ``problems`` each dangling reference and repeated id in plain ``data``.

    Past the collector's limit a problem is only counted: no path is built for it.
    """
    _walk(Register, data, None, _global_ids(data), problems)


def _walk(
    cls: type,
    raw: object,
    path: _Path,
    index: dict[str, frozenset[str]],
    problems: Collector,
) -> None:
    if not isinstance(raw, dict):
        return
    if cls is Council:
        index = {**index, **_council_ids(raw)}
        _check_cycles(raw.get("bodies"), path, problems)
    for name in _unique_fields(cls):
        _check_unique(raw.get(name), (path, name), problems)
    for name, kind, children in _plan(cls):
        value = raw.get(name)
        if value is None:
            continue
        here = (path, name)
        if kind is not None:
            _check_ref(kind, value, here, index, problems)
        elif children is not None:
            if type(value) is list:
                for i, item in _dict_items(value):
                    target = _pick(children, item)
                    if target is not None:
                        _walk(target, item, (here, (value, i)), index, problems)
            else:
                target = _pick(children, value)
                if target is not None:
                    _walk(target, value, here, index, problems)


def _check_unique(items: object, path: _Path, problems: Collector) -> None:
    # The model checks this too, but only once everything else in the object loaded;
    # here a duplicate is reported together with the other problems.
    if type(items) is not list:
        return
    ids = [(i, item_id) for i, item in _dict_items(items) if type(item_id := item.get("id")) is str]
    if len({item_id for _, item_id in ids}) == len(ids):  # the usual case
        return
    seen: set[str] = set()
    for i, item_id in ids:
        if item_id in seen and problems.full:
            problems.more += 1
        elif item_id in seen:
            problems.add(
                Problem(
                    path=f"{_format_path(path)}[{i}].id",
                    template="the id {id} is used by an earlier entry too",
                    params=(("id", repr(item_id)),),
                )
            )
        seen.add(item_id)


def _check_cycles(bodies: object, path: _Path, problems: Collector) -> None:
    # Council checks this too, but only once all of it loaded; here a circle is
    # reported with the other problems, named as the model names it.
    if type(bodies) is not list:
        return
    links = []
    for body in bodies:
        if type(body) is dict and type(body.get("id")) is str:
            reports, created = body.get("reports_to"), body.get("created_by")
            links.append(
                (
                    body["id"],
                    [r for r in reports if type(r) is str] if type(reports) is list else [],
                    [created] if type(created) is str else [],
                )
            )
    for error in body_cycle_errors(links):
        problems.add(
            Problem(
                path=f"{_format_path(path)}.{error.at}",
                template=error.template,
                params=tuple(error.params.items()),
            )
        )


@functools.cache
def _unique_fields(cls: type) -> tuple[str, ...]:
    return tuple(field.alias for field in attrs.fields(cls) if field.metadata.get(UNIQUE))


def _check_ref(
    kind: str,
    value: object,
    path: _Path,
    index: dict[str, frozenset[str]],
    problems: Collector,
) -> None:
    known = index.get(kind, frozenset())
    values = value if type(value) is list else (value,)
    for i, item in enumerate(values):
        if type(item) is str and item not in known and problems.full:
            problems.more += 1
        elif type(item) is str and item not in known:
            where = _format_path(path) + (f"[{i}]" if type(value) is list else "")
            problems.add(
                Problem(
                    path=where,
                    template="no {kind} has the id {id}",
                    params=(("kind", _REF_WORDS.get(kind, Phrase(kind))), ("id", _show(item))),
                )
            )


def _pick(children: tuple[type, ...], raw: object) -> type | None:
    if len(children) == 1:
        return children[0]
    if isinstance(raw, dict):
        tag = raw.get(TAG_KEY)
        for cls in children:
            if _TAGS.get(cls) == tag:
                return cls
    return None


_Plan = tuple[tuple[str, str | None, tuple[type, ...] | None], ...]


@functools.cache
def _plan(cls: type) -> _Plan:
    """For each field of ``cls`` that holds or leads to references: (name, ref kind, classes)."""
    hints = typing.get_type_hints(cls)
    plan: list[tuple[str, str | None, tuple[type, ...] | None]] = []
    for field in attrs.fields(cls):
        kind = field.metadata.get(REF)
        if kind is not None:
            plan.append((field.alias, kind, None))
            continue
        classes = tuple(c for c in _attrs_classes(hints[field.name]) if _leads_to_refs(c))
        if classes:
            plan.append((field.alias, None, classes))
    return tuple(plan)


def _attrs_classes(type_: Any) -> Iterator[type]:
    if isinstance(type_, type) and attrs.has(type_):
        yield type_
        return
    if typing.get_origin(type_) in (typing.Union, types.UnionType, tuple, frozenset):
        for arg in typing.get_args(type_):
            if arg is not Ellipsis:
                yield from _attrs_classes(arg)


@functools.cache
def _leads_to_refs(cls: type) -> bool:
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        if REF in field.metadata:
            return True
        if any(c is not cls and _leads_to_refs(c) for c in _attrs_classes(hints[field.name])):
            return True
    return False
