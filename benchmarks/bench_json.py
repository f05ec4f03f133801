# SPDX-License-Identifier: MIT
"""Canonical JSON load and dump, side by side with a pydantic v2 mirror and orjson.

* ``json.load``: :func:`iprmodel.serialization.loads` (bytes -> validated register,
  references checked, repeated keys refused) against the pydantic mirror
  (:mod:`pydantic_mirror`: ``model_validate_json`` in strict mode with the same
  constraints, plus the same reference check on data parsed with the loader's own
  :func:`~iprmodel.serialization.parse_json`, which refuses repeated keys).
  Target: ratio <= 1/1.5 = 0.67 (at least 1.5x faster).
* ``json.dump``: :func:`iprmodel.serialization.dumps` (register -> compact canonical
  bytes) against the mirror's ``model_dump_json(exclude_defaults=True)`` (the same
  content: defaults left out). Target: ratio <= 1.0 (no slower).
* ``json.load.floor`` and ``json.dump.floor``: the same against orjson alone
  (parse only / write already-plain data): the least any Python JSON load or dump
  can cost, for reference.

Needs pydantic installed (``pip install pydantic``); it is no dependency of iprmodel.
"""

from __future__ import annotations

import orjson
from harness import Case

from iprmodel import serialization
from iprmodel.testing.synthetic import national, national_bytes

_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def cases(scale: float, quick: bool) -> list[Case]:
    """The json load and dump cases at ``scale`` (``quick`` changes nothing here)."""
    import pydantic_mirror  # imports pydantic: only when this benchmark runs

    register = national(scale)
    data = national_bytes(scale)
    plain = orjson.loads(data)
    mirror = pydantic_mirror.validate(data)
    return [
        Case(
            "json.load",
            lambda: serialization.loads(data),
            "pydantic model_validate_json",
            lambda: pydantic_mirror.validate(data),
        ),
        Case(
            "json.dump",
            lambda: serialization.dumps(register, indent=False),
            "pydantic model_dump_json",
            lambda: mirror.model_dump_json(exclude_defaults=True),
        ),
        Case(
            "json.load.floor",
            lambda: serialization.loads(data),
            "orjson.loads",
            lambda: orjson.loads(data),
        ),
        Case(
            "json.dump.floor",
            lambda: serialization.dumps(register, indent=False),
            "orjson.dumps",
            lambda: orjson.dumps(plain, option=_OPTIONS),
        ),
    ]
