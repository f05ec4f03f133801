# SPDX-License-Identifier: MIT
"""Problems as ``path: message``: cattrs' nested validation errors turned into paths.

List items are named by their id where they have one (``councils[hallingdal]``), else
by their index (``persons[3]``).

>>> _join("councils[hallingdal]", "bodies")
'councils[hallingdal].bodies'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, Final

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from iprmodel.errors import InvalidValue, LoadError, Phrase, Problem
from iprmodel.model import PARTICIPANT_TAGS, VOTING_RULE_TAGS
from iprmodel.serialization.converter import TAG_KEY, _show

__all__ = ["MAX_PROBLEMS", "Collector"]

#: How many problems loading reports by default before it stops; every loading
#: function takes ``max_problems=`` to change it.
MAX_PROBLEMS: Final = 200


class Collector:
    """Problems found so far: up to ``limit`` kept, the rest only counted.

    A document with a million bad items must cost no more than a valid one: past the
    limit a problem is counted, not stored, and :attr:`stopped` says that checking
    stopped early, so more may exist than were counted.

    >>> found = Collector(limit=2)
    >>> for i in range(5):
    ...     found.add(Problem(path=f"persons[{i}]", template="required field missing"))
    >>> print(found.error())
    persons[0]: required field missing
    persons[1]: required field missing
    … and 3 more problems
    """

    __slots__ = ("_seen", "kept", "limit", "more", "stopped")

    def __init__(self, *, limit: int = MAX_PROBLEMS) -> None:
        if limit < 1:
            raise ValueError("the problem limit must be at least 1")
        self.limit = limit
        self.kept: list[Problem] = []
        self.more = 0
        self.stopped = False
        self._seen: set[Problem] = set()

    @property
    def full(self) -> bool:
        """Whether further problems are only counted."""
        # One over the limit is kept: "… and 1 more problem" would say no more than it.
        return len(self.kept) > self.limit

    def add(self, problem: Problem) -> None:
        """Keep ``problem`` (once), or count it if the collector is full."""
        if self.full:
            self.more += 1
        elif problem not in self._seen:
            self._seen.add(problem)
            self.kept.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        """:meth:`add` each of ``problems``."""
        for problem in problems:
            self.add(problem)

    def __bool__(self) -> bool:
        return bool(self.kept)

    def error(self, cls: type[LoadError] = LoadError) -> LoadError:
        """A :class:`~iprmodel.errors.LoadError` of the problems, ending with how many more."""
        kept, more = self.kept, self.more
        if len(kept) > self.limit and (more or self.stopped):
            kept, more = kept[: self.limit], more + len(kept) - self.limit
        if self.stopped:
            tail = Problem(
                path="",
                template="… and at least {count} more problems (checking stopped after {limit})",
                params=(("count", more), ("limit", self.limit)),
            )
        elif more:
            tail = Problem(
                path="", template="… and {count} more problems", params=(("count", more),)
            )
        else:
            return cls(kept)
        return cls((*kept, tail), omitted=more)


def _segment(raw: object, index: int) -> str:
    # Name list items by their id where they have one: councils[hallingdal] reads better
    # than councils[3] for a secretary looking for the mistake.
    if isinstance(raw, list) and 0 <= index < len(raw):
        item = raw[index]
        if isinstance(item, dict):
            item_id = item.get("id")
            if isinstance(item_id, str) and item_id and "]" not in item_id and len(item_id) < 81:
                return f"[{item_id}]"
    return f"[{index}]"


#: How much of a key a path shows: a key is input too, and one of megabytes must not
#: make a message of megabytes.
_KEY_SHOWN: Final = 80


def _join(path: str, name: str) -> str:
    if len(name) > _KEY_SHOWN:
        name = name[: _KEY_SHOWN - 1] + "…"
    return f"{path}.{name}" if path else name


def _problems(error: BaseException, path: str, raw: object) -> Iterator[Problem]:
    if isinstance(error, IterableValidationError):
        with_notes, without = error.group_exceptions()
        for exc, note in with_notes:
            index = note.index if isinstance(note.index, int) else -1
            sub = raw[index] if isinstance(raw, list) and 0 <= index < len(raw) else None
            yield from _problems(exc, path + _segment(raw, index), sub)
        for exc in without:
            yield _problem(exc, path, raw)
    elif isinstance(error, ClassValidationError):
        class_notes, class_without = error.group_exceptions()
        for exc, attribute_note in class_notes:
            sub = raw.get(attribute_note.name) if isinstance(raw, dict) else None
            yield from _problems(exc, _join(path, attribute_note.name), sub)
        for exc in class_without:
            if isinstance(exc, ForbiddenExtraKeysError):
                allowed = ", ".join(sorted(_field_names(exc.cl)))
                for key in sorted(exc.extra_fields):
                    yield Problem(
                        path=_join(path, key),
                        template="unknown key; allowed here: {allowed}",
                        params=(("allowed", allowed),),
                    )
            else:
                yield _problem(exc, path, raw)
    else:
        yield _problem(error, path, raw)


def _field_names(cls: type) -> list[str]:
    try:
        return [field.alias for field in attrs.fields(cls)]
    except (TypeError, attrs.exceptions.NotAnAttrsClassError):
        return []


def _problem(error: BaseException, path: str, raw: object) -> Problem:
    if isinstance(error, InvalidValue):
        where = _join(path, error.at) if error.at else path
        return Problem(path=where, template=error.template, params=tuple(error.params.items()))
    if isinstance(error, KeyError):
        if isinstance(raw, dict) and error.args and raw.get(TAG_KEY) == error.args[0]:
            tags = PARTICIPANT_TAGS if path.startswith("participants") else VOTING_RULE_TAGS
            return Problem(
                path=_join(path, TAG_KEY),
                template="expected one of {choices}; got {got}",
                params=(
                    ("choices", ", ".join(sorted(tags.values()))),
                    ("got", _show(error.args[0])),
                ),
            )
        if isinstance(raw, dict) and TAG_KEY not in raw and error.args == (TAG_KEY,):
            return Problem(path=_join(path, TAG_KEY), template="required field missing")
        return Problem(path=path, template="required field missing")
    # Anything else is a value of the wrong shape for a class (cattrs' own errors, in
    # Python's words, must not reach the user): say what was expected there.
    if not isinstance(raw, dict):
        return Problem(
            path=path,
            template="expected {expected}, got {got}",
            params=(("expected", Phrase("an object")), ("got", _show(raw))),
        )
    if TAG_KEY in raw and type(raw[TAG_KEY]) is not str:
        tags = PARTICIPANT_TAGS if path.startswith("participants") else VOTING_RULE_TAGS
        return Problem(
            path=_join(path, TAG_KEY),
            template="expected one of {choices}; got {got}",
            params=(("choices", ", ".join(sorted(tags.values()))), ("got", _show(raw[TAG_KEY]))),
        )
    return Problem(path=path, template="this value cannot be read here")


# A path is built only when a problem is found: until then it is a linked chain of
# (parent, part) pairs, part being a field name or a (list, index) pair.
_Path = tuple[Any, Any] | None


def _format_path(path: _Path) -> str:
    parts = []
    while path is not None:
        path, part = path
        parts.append(part)
    text = ""
    for part in reversed(parts):
        text = _join(text, part) if isinstance(part, str) else text + _segment(*part)
    return text
