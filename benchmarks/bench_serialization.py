# SPDX-License-Identifier: MIT
"""Loading and dumping the national register, against orjson on the same data.

* ``serialization.load``: :func:`iprmodel.serialization.loads` (JSON bytes -> a
  validated :class:`~iprmodel.model.Register`, every reference checked) against the
  floor ``orjson.loads`` of the same bytes (JSON -> dicts, nothing checked).
* ``serialization.dump``: :func:`iprmodel.serialization.dumps` (register -> canonical
  compact JSON) against ``orjson.dumps`` of the already-unstructured plain data with
  the same options: the ratio is the price of unstructuring.
"""

from __future__ import annotations

import orjson
from harness import Case

from iprmodel import serialization
from iprmodel.testing.synthetic import national, national_bytes

# The options serialization.dumps(indent=False) uses, so the baseline writes the same bytes.
_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE


def cases(scale: float, quick: bool) -> list[Case]:
    """The load and dump cases at ``scale`` (``quick`` changes nothing here)."""
    register = national(scale)
    data = national_bytes(scale)
    plain = serialization.unstructure(register)
    return [
        Case(
            name="serialization.load",
            run=lambda: serialization.loads(data),
            baseline="orjson.loads",
            baseline_run=lambda: orjson.loads(data),
        ),
        Case(
            name="serialization.dump",
            run=lambda: serialization.dumps(register, indent=False),
            baseline="orjson.dumps",
            baseline_run=lambda: orjson.dumps(plain, option=_OPTIONS),
        ),
    ]
