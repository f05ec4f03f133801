# SPDX-License-Identifier: MIT
"""Both exporters pass the shared exporter contract."""

from __future__ import annotations

from typing import ClassVar

from hypothesis import HealthCheck, given, settings
from iprmodel_fiks import FiksExportError

from iprmodel.exporters import ExportRequest
from iprmodel.model import Register
from iprmodel.testing import strategies
from iprmodel.testing.contract import ExporterContract


class _StopsOrExports(ExporterContract):
    @settings(
        max_examples=15,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.differing_executors,
        ],
    )
    @given(register=strategies.registers())
    def test_any_generated_register(self, register: Register) -> None:
        """Any valid register exports deterministically, or stops naming what to add.

        Generated case numbers are free text; Fiks and eInnsyn need ``N/YYYY``, so
        stopping with ``path: message`` is the right answer for some registers.
        """
        exporter = self.exporter()
        for request in self.requests:
            try:
                first = exporter.export(register, request)
            except FiksExportError as error:
                path, sep, _ = error.message().partition(": ")
                assert sep
                assert path.startswith(("councils[", "participants[", "organisations[", "avsender"))
                continue
            assert isinstance(first, bytes)
            assert first == exporter.export(register, request)


class TestFiksContract(_StopsOrExports):
    """The ``fiks`` exporter, sent by a participant of every example."""

    exporter_name = "fiks"
    requests: ClassVar[tuple[ExportRequest, ...]] = (ExportRequest(options={"avsender": "gol"}),)


class TestEinnsynContract(_StopsOrExports):
    """The ``einnsyn`` exporter."""

    exporter_name = "einnsyn"
