# SPDX-License-Identifier: MIT
"""Bad input against the valid load of the same size (issue 14).

Each row loads an invalid document with :func:`iprmodel.serialization.loads` (which
raises :class:`~iprmodel.errors.LoadError`) and, as its baseline, loads the valid
national register of the same size in bytes: a ratio at or below 1 means bad input
costs no more than good input, so an uploaded file cannot take a server down.

* ``badinput.items``: ``{"format": 1, "persons": [1, 1, 1, ...]}``, as many bytes as
  the national register: millions of bad list items.
* ``badinput.references``: the national register without its persons, so every
  reference to a person dangles (tens of thousands of problems, all found by the
  reference walk after the whole document was read).
* ``badinput.keys``: every meeting gets an unknown key.
* ``badinput.2mb``: the 2 MB file of the issue (a fixed size at every scale: about
  650,000 bad items), against the valid register of 2 MB (scale 0.05). Target: under
  1 s and 200 MB (``/usr/bin/time -v iprmodel validate`` in RESULTS.md).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import orjson
from harness import Case

from iprmodel import serialization
from iprmodel.errors import LoadError
from iprmodel.testing.synthetic import national_bytes

_TWO_MB = 2_000_000


def _items(size: int) -> bytes:
    """``{"format":1,"persons":[1,1,...]}`` of about ``size`` bytes (canonical JSON)."""
    return b'{"format":1,"persons":[' + b",".join([b"1"] * (size // 2)) + b"]}"


@cache
def _without_persons(scale: float) -> bytes:
    data = orjson.loads(national_bytes(scale))
    data["persons"] = []
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)


@cache
def _unknown_keys(scale: float) -> bytes:
    data = orjson.loads(national_bytes(scale))
    for council in data["councils"]:
        for meeting in council.get("meetings", ()):
            meeting["unknown"] = 1
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)


def _refused(data: bytes) -> Callable[[], object]:
    def load() -> object:
        try:
            serialization.loads(data)
        except LoadError as error:
            return error
        raise AssertionError("the bad input loaded")  # pragma: no cover

    return load


def cases(scale: float, quick: bool) -> list[Case]:
    """The bad-input cases at ``scale`` (``quick`` changes nothing here)."""
    valid = national_bytes(scale)
    valid_2mb = national_bytes(0.05)
    return [
        Case(
            name="badinput.items",
            run=_refused(_items(len(valid))),
            baseline="valid load, same size",
            baseline_run=lambda: serialization.loads(valid),
        ),
        Case(
            name="badinput.references",
            run=_refused(_without_persons(scale)),
            baseline="valid load, same size",
            baseline_run=lambda: serialization.loads(valid),
        ),
        Case(
            name="badinput.keys",
            run=_refused(_unknown_keys(scale)),
            baseline="valid load, same size",
            baseline_run=lambda: serialization.loads(valid),
        ),
        Case(
            name="badinput.2mb",
            run=_refused(_items(_TWO_MB)),
            baseline="valid load, 2 MB",
            baseline_run=lambda: serialization.loads(valid_2mb),
        ),
    ]
