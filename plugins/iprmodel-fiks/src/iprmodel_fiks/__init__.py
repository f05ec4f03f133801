# SPDX-License-Identifier: MIT
"""iprmodel-fiks: Norway's public-sector formats for council meetings.

Two exporters, found through the ``iprmodel.exporters`` entry-point group:

* ``fiks`` (:class:`FiksExporter`): KS Fiks Politisk Behandling v1 message payloads
  (:mod:`iprmodel_fiks.fiks`);
* ``einnsyn`` (:class:`EinnsynExporter`): records for the eInnsyn API
  (:mod:`iprmodel_fiks.einnsyn`).

Each writes one JSON file per message or record: :meth:`FiksExporter.files` gives
them by file name, and ``iprmodel export ... -o DIR/`` writes them into
``DIR/<source>-<format>/``. :meth:`FiksExporter.export` gives all of them in one JSON
object keyed by file name, for ``-o FILE`` and ``-o -``.

>>> from iprmodel.exporters import ExportRequest
>>> from iprmodel.model import Register
>>> EinnsynExporter().export(Register(), ExportRequest())
b'{}\\n'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import attrs

from iprmodel.exporters import ExportRequest
from iprmodel.model import Register
from iprmodel_fiks.common import FiksExportError, dump, paused_collector
from iprmodel_fiks.einnsyn import iter_records, records
from iprmodel_fiks.fiks import iter_files, messages

__all__ = ["EinnsynExporter", "FiksExportError", "FiksExporter"]


def _files(build: Callable[[Register, ExportRequest], Iterable[tuple[str, bytes]]]) -> Any:
    def files(self: object, register: Register, request: ExportRequest) -> dict[str, bytes]:
        """One file per message, by file name: sorted keys, two-space indentation."""
        with paused_collector():
            # Each document is written as soon as it is built, while it is in the
            # processor's cache, and freed before the next is built.
            return dict(build(register, request))

    return files


def _einnsyn_files(register: Register, request: ExportRequest) -> Iterator[tuple[str, bytes]]:
    return ((name, dump(record)) for name, record in iter_records(register, request))


@attrs.frozen(kw_only=True)
class FiksExporter:
    """KS Fiks Politisk Behandling v1 payloads (``.json``), one file per message.

    Options: ``avsender`` (the id of the participant or organisation that sends the
    messages to eInnsyn; default the council itself when it has an organisation number,
    else its office municipality). Scope:
    ``council:ID`` or ``body:ID``.
    """

    name: str = "fiks"
    suffix: str = ".json"
    media_type: str = "application/json"
    #: The ``--option`` keys it reads.
    options: tuple[str, ...] = ("avsender",)

    files = _files(iter_files)

    def export(self, register: Register, request: ExportRequest) -> bytes:
        """Every message payload in one JSON object keyed by file name."""
        with paused_collector():
            return dump(messages(register, request))


@attrs.frozen(kw_only=True)
class EinnsynExporter:
    """eInnsyn API records (``.json``): Enhet updates and Moetemappe with their cases.

    Scope: ``council:ID`` or ``body:ID``.
    """

    name: str = "einnsyn"
    suffix: str = ".json"
    media_type: str = "application/json"
    #: The ``--option`` keys it reads: none.
    options: tuple[str, ...] = ()

    files = _files(_einnsyn_files)

    def export(self, register: Register, request: ExportRequest) -> bytes:
        """Every record in one JSON object keyed by file name."""
        with paused_collector():
            return dump(records(register, request))
