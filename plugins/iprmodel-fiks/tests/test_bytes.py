# SPDX-License-Identifier: MIT
"""The bytes of every example's files stay what they were (a guard for speed-ups).

``bytes.json`` holds a SHA-256 over each export's file names and contents; regenerate
it with ``python tests/test_bytes.py`` only after a change that should alter output.
"""

from __future__ import annotations

import gc
import hashlib
import json
import sys
from pathlib import Path

import pytest
from iprmodel_fiks import EinnsynExporter, FiksExporter, FiksExportError

from iprmodel import examples
from iprmodel.exporters import ExportRequest
from iprmodel.testing.synthetic import national

RECORDED = Path(__file__).with_name("bytes.json")
LOCALES = ("nb", "nn", "en")


def digests() -> dict[str, str]:
    """``example/format/locale`` -> SHA-256 of the files, in file-name order."""
    out = {}
    sources = {name: examples.load(name) for name in examples.names()}
    sources["synthetic"] = national(0.02)
    for name, register in sources.items():
        sender = next((p.id for p in register.participants if p.orgnr), None)
        for exporter in (FiksExporter(), EinnsynExporter()):
            for locale in LOCALES:
                options = {"avsender": sender} if exporter.name == "fiks" and sender else {}
                if name == "synthetic":
                    options = {}
                request = ExportRequest(locale=locale, options=options)
                digest = hashlib.sha256()
                try:
                    files = exporter.files(register, request)
                except FiksExportError as error:
                    digest.update(error.message().encode())
                else:
                    for file_name in sorted(files):
                        digest.update(file_name.encode() + b"\0" + files[file_name])
                out[f"{name}/{exporter.name}/{locale}"] = digest.hexdigest()
    return out


@pytest.mark.skipif(not RECORDED.exists(), reason="bytes.json not recorded")
def test_bytes_unchanged() -> None:
    """Every example (and a synthetic register) gives the bytes recorded before."""
    assert digests() == json.loads(RECORDED.read_text())


def test_collector_runs_again_after_an_export() -> None:
    """The paused cycle collector is back on after an export, and after a refusal."""
    assert gc.isenabled()
    FiksExporter().files(examples.load("hallingdal"), ExportRequest(options={"avsender": "gol"}))
    assert gc.isenabled()
    with pytest.raises(FiksExportError):
        FiksExporter().export(examples.load("hallingdal"), ExportRequest(options={"avsender": "x"}))
    assert gc.isenabled()


if __name__ == "__main__":  # pragma: no cover
    RECORDED.write_text(json.dumps(digests(), indent=2, sort_keys=True) + "\n")
    sys.exit(0)
