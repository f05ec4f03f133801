# SPDX-License-Identifier: MIT
"""The shared exporter contract, for every document kind.

Each kind is asked without a scope (a register with several councils is then refused,
as the contract allows) and for the Hallingdal council (which ``all`` holds).
"""

from __future__ import annotations

from iprmodel_docx import DOCUMENT_KINDS

from iprmodel.exporters import ExportRequest
from iprmodel.testing.contract import ExporterContract


class TestDocxContract(ExporterContract):
    """Loads by entry point, deterministic, every locale, empty and generated councils."""

    exporter_name = "docx"
    requests = tuple(ExportRequest(document=kind) for kind in DOCUMENT_KINDS) + tuple(
        ExportRequest(document=kind, scope="council:hallingdal") for kind in DOCUMENT_KINDS
    )
