# SPDX-License-Identifier: MIT
"""Both exporters pass the shared exporter contract."""

from __future__ import annotations

from typing import ClassVar

from iprmodel.exporters import ExportRequest
from iprmodel.testing.contract import ExporterContract


class TestJsonContract(ExporterContract):
    """The ``json`` exporter: the register, compact, and the schema document."""

    exporter_name = "json"
    requests: ClassVar[tuple[ExportRequest, ...]] = (
        ExportRequest(),
        ExportRequest(options={"compact": "yes"}),
        ExportRequest(document="schema"),
    )


class TestPopoloContract(ExporterContract):
    """The ``popolo`` exporter."""

    exporter_name = "popolo"
    requests: ClassVar[tuple[ExportRequest, ...]] = (
        ExportRequest(),
        ExportRequest(options={"compact": "1"}),
    )
