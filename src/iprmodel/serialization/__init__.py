# SPDX-License-Identifier: MIT
"""The one converter between the model and plain data (dicts, lists, strings, numbers).

Only this package knows the plain-data shape. It is:

* **lossless**: ``structure(unstructure(x)) == x`` for every register;
* **strict**: ``3`` is not ``"3"``, unknown keys are rejected, naive datetimes are errors;
* **versioned**: the top-level ``format`` key names the format version; a newer or
  unknown version gets a clear message, and older versions are migrated;
* **deterministic**: keys sorted, sets sorted, datetimes in Europe/Oslo with their offset;
* **thorough**: a bad document gets *every* problem at once, each as ``path: message``,
  including references to ids that do not exist.

Its modules: :mod:`~iprmodel.serialization.converter` (the cattrs converter and its
strict hooks), :mod:`~iprmodel.serialization.json` and
:mod:`~iprmodel.serialization.toml` (text to plain data),
:mod:`~iprmodel.serialization.migrate` (format versions),
:mod:`~iprmodel.serialization.problems` (``path: message``) and
:mod:`~iprmodel.serialization.references` (ids and references). This module joins them
with the fast decoder and encoder of :mod:`iprmodel.codec`.

>>> from iprmodel.model import LocalizedText, Municipality, Register
>>> register = Register(participants=(Municipality(id="gol", name=LocalizedText(nn="Gol")),))
>>> data = unstructure(register)
>>> data["participants"]
[{'id': 'gol', 'name': {'nn': 'Gol'}, 'kind': 'municipality'}]
>>> structure(data) == register
True
>>> structure({"format": 1, "persons": [{"id": "x", "name": 3}]})
Traceback (most recent call last):
...
iprmodel.errors.LoadError: persons[x].name: expected text, got 3
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO, Final

import orjson
from cattrs.errors import ClassValidationError, IterableValidationError

from iprmodel.codec import Decoder, Encoder
from iprmodel.errors import LoadError, Problem
from iprmodel.model import Council, Register
from iprmodel.model.register import FORMAT_VERSION
from iprmodel.serialization.converter import _TAGS, BUDGET, TAG_KEY, Budget, converter
from iprmodel.serialization.json import _free_of_controls as _free_of_controls
from iprmodel.serialization.json import _parse_canonical, _parse_strict, parse_json
from iprmodel.serialization.migrate import MIGRATIONS, _migrate
from iprmodel.serialization.problems import MAX_PROBLEMS, Collector
from iprmodel.serialization.problems import _problem as _problem
from iprmodel.serialization.problems import _problems as _problems
from iprmodel.serialization.references import (
    _COUNCIL_KINDS,
    KINDS,
    _council_ids,
    _global_ids,
    check_references,
    collect_reference_problems,
)
from iprmodel.serialization.toml import parse_toml

__all__ = [
    "FORMAT_VERSION",
    "MAX_INPUT_BYTES",
    "MAX_PROBLEMS",
    "MIGRATIONS",
    "TAG_KEY",
    "check_references",
    "converter",
    "dumps",
    "load",
    "loads",
    "loads_toml",
    "parse_json",
    "parse_toml",
    "read_limited",
    "structure",
    "unstructure",
]


@functools.cache
def _decoder(*, clean: bool = False) -> Decoder:
    # Most documents are valid: they are read by code generated from the model and
    # this converter's hooks, and only one it gives up on is read with the converter.
    return Decoder(
        converter,
        tags=_TAGS,
        tag_key=TAG_KEY,
        scopes={Council: ((*_COUNCIL_KINDS, "task"), _council_ids)},
        root_index=_global_ids,
        clean=clean,
    )


@functools.cache
def _encoder(*, native: tuple[type, ...] = ()) -> Encoder:
    # What the converter writes, generated as one function per class.
    return Encoder(converter, tags=_TAGS, tag_key=TAG_KEY, native=native)


# orjson writes these as the converter does (ISO 8601; every datetime in the model is
# already in Europe/Oslo), only faster: dumps leaves them to it.
_ORJSON_NATIVE: Final = (date, datetime)


# -- the public functions ------------------------------------------------------------


def unstructure(register: Register) -> dict[str, Any]:
    """Turn a register into plain data, with the ``format`` version tag first."""
    data: dict[str, Any] = _encoder().unstructure(register, Register)
    return {"format": FORMAT_VERSION, **data}


def structure(data: object, *, max_problems: int = MAX_PROBLEMS) -> Register:
    """Turn plain data into a register, or raise :class:`~iprmodel.errors.LoadError`.

    Every structural problem and every dangling reference is reported at once, up to
    ``max_problems``; past that they are counted, and once that many list items have
    failed, checking stops (the last problem says so). A bad document so costs no
    more than a valid one of its size.
    """
    return _structure(data, clean=False, max_problems=max_problems)


def _structure(data: object, *, clean: bool, max_problems: int) -> Register:
    if not isinstance(data, dict):
        raise LoadError((Problem(path="", template="expected an object with a 'format' key"),))
    payload = _migrate(data)
    token = KINDS.set({})
    try:
        return _structure_payload(payload, clean=clean, max_problems=max_problems)
    finally:
        KINDS.reset(token)


def _structure_payload(payload: dict[str, Any], *, clean: bool, max_problems: int) -> Register:
    try:
        fast: Register = _decoder(clean=clean).structure(payload, Register)
    except Exception:
        pass
    else:
        return fast
    # References first: a document whose references are broken all over (its persons
    # left out) has its problems counted by this walk alone, without the converter's
    # much slower pass over the whole of it.
    references = Collector(limit=max_problems)
    collect_reference_problems(payload, references)
    if references.full:
        references.stopped = True
        raise references.error()
    found = Collector(limit=max_problems)
    # Two over the limit: once that many items failed, "… and at least 2 more" is true.
    budget = Budget(max_problems + 2)
    spending = BUDGET.set(budget)
    register: Register | None = None
    try:
        register = converter.structure(payload, Register)
    except (ClassValidationError, IterableValidationError) as error:
        found.extend(_problems(error, "", payload))
    except (TypeError, ValueError) as error:
        found.add(_problem(error, "", payload))
    finally:
        BUDGET.reset(spending)
    found.stopped = budget.stopped
    found.extend(references.kept)
    if found or register is None:
        raise found.error()
    return register


def dumps(register: Register, *, indent: bool = True) -> bytes:
    """The canonical JSON bytes of ``register``: sorted keys, UTF-8, final newline.

    The same register always gives the same bytes.
    """
    option = orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE
    if indent:
        option |= orjson.OPT_INDENT_2
    data = _encoder(native=_ORJSON_NATIVE).unstructure(register, Register)
    return orjson.dumps({"format": FORMAT_VERSION, **data}, option=option, default=_other)


def _other(value: object) -> Any:
    # orjson writes date and datetime itself but not their subclasses (pendulum,
    # pandas.Timestamp): those are written by the converter's hooks.
    if isinstance(value, date):
        return converter.unstructure(value)
    raise TypeError(type(value).__name__)


def loads(text: bytes | str, *, max_problems: int = MAX_PROBLEMS) -> Register:
    """Parse canonical JSON into a register; syntax errors name line and column.

    A key repeated inside one object is an error, not a silent overwrite (orjson and
    most parsers keep the last value): see :func:`parse_json`. Canonical bytes (what
    :func:`dumps` writes) take a faster path with the same answers; see "How loading
    stays strict and fast" in the docs.
    """
    if isinstance(text, bytes):
        canonical = _parse_canonical(text)
        if canonical is not None:
            return _structure(canonical, clean=_free_of_controls(text), max_problems=max_problems)
    return structure(_parse_strict(text, max_problems=max_problems), max_problems=max_problems)


def load(path: str | Path, *, max_problems: int = MAX_PROBLEMS) -> Register:
    """Load a register from a ``.json`` or hand-written ``.toml`` file.

    ``max_problems``: as for :func:`structure`.
    """
    file = Path(path)
    try:
        with file.open("rb") as stream:
            content = read_limited(stream)
    except OSError as error:
        raise LoadError(
            (
                Problem(
                    path=str(file),
                    template="cannot read the file: {reason}",
                    params=(("reason", error.strerror or str(error)),),
                ),
            )
        ) from None
    if file.suffix.lower() == ".toml":
        return loads_toml(content, max_problems=max_problems)
    return loads(content, max_problems=max_problems)


#: The most bytes loading reads (256 MiB). A real council's register is well under 1 MB
#: and the synthetic national one (every council, 100,000 cases) 75 MB; parsing needs
#: several times a file's size in memory: a larger file, or an endless one such as
#: ``/dev/zero``, is refused once that much has been read.
MAX_INPUT_BYTES: Final = 256 << 20


def read_limited(stream: BinaryIO) -> bytes:
    """All of ``stream``, or :class:`~iprmodel.errors.LoadError` past :data:`MAX_INPUT_BYTES`.

    >>> import io
    >>> read_limited(io.BytesIO(b'{"format": 1}'))
    b'{"format": 1}'
    """
    limit = MAX_INPUT_BYTES
    content = stream.read(limit + 1)
    if len(content) > limit:
        raise LoadError(
            (
                Problem(
                    path="",
                    template="the file is larger than {size} MB; no register is that large",
                    params=(("size", limit >> 20),),
                ),
            )
        )
    return content


def loads_toml(content: bytes | str, *, max_problems: int = MAX_PROBLEMS) -> Register:
    """Parse a TOML register (the same shape as JSON; dates may be TOML dates)."""
    return structure(parse_toml(content), max_problems=max_problems)
