# SPDX-License-Identifier: MIT
"""The ``fiks`` and ``einnsyn`` formats, side by side with the canonical JSON dump.

* ``fiks.messages``: every Fiks Politisk Behandling v1 payload of the national
  register, as bytes (``FiksExporter.files``), against
  :func:`iprmodel.serialization.dumps` of the same register (indented, as ``iprmodel
  export --format json`` writes it). Target: ratio <= 2.
* ``fiks.einnsyn``: every eInnsyn record (``EinnsynExporter.files``), against the
  same dump. Target: ratio <= 2.

The synthetic register names an office municipality for every council, so the
messages need no ``avsender`` option. Needs ``plugins/iprmodel-fiks`` installed.
"""

from __future__ import annotations

from harness import Case

from iprmodel import serialization
from iprmodel.exporters import ExportRequest
from iprmodel.testing.synthetic import national


def cases(scale: float, quick: bool) -> list[Case]:
    """The two format cases at ``scale`` (``quick`` changes nothing here)."""
    from iprmodel_fiks import EinnsynExporter, FiksExporter

    register = national(scale)
    request = ExportRequest()
    fiks, einnsyn = FiksExporter(), EinnsynExporter()
    return [
        Case(
            "fiks.messages",
            lambda: fiks.files(register, request),
            "serialization.dumps",
            lambda: serialization.dumps(register),
        ),
        Case(
            "fiks.einnsyn",
            lambda: einnsyn.files(register, request),
            "serialization.dumps",
            lambda: serialization.dumps(register),
        ),
    ]
