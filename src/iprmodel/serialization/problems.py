# SPDX-License-Identifier: MIT
"""Problems as ``path: message``: cattrs' nested validation errors turned into paths.

List items are named by their id where they have one (``councils[hallingdal]``), else
by their index (``persons[3]``).

>>> _join("councils[hallingdal]", "bodies")
'councils[hallingdal].bodies'
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from iprmodel.errors import InvalidValue, Problem
from iprmodel.model import PARTICIPANT_TAGS, VOTING_RULE_TAGS
from iprmodel.serialization.converter import TAG_KEY, _show


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


def _join(path: str, name: str) -> str:
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
    message = str(error)
    if "tag" in message.lower() or isinstance(error, cattrs.errors.StructureHandlerNotFoundError):
        return Problem(
            path=path, template="cannot read this value: {reason}", params=(("reason", message),)
        )
    return Problem(path=path, template="{reason}", params=(("reason", message),))
