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
from typing import TypeVar

import attrs
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from iprmodel_fiks import EinnsynExporter, FiksExporter, FiksExportError
from iprmodel_fiks.fiks import iter_messages

from iprmodel import examples
from iprmodel.exporters import ExportRequest
from iprmodel.model import AgendaItem, ClosedBasis, RecordedOutcome
from iprmodel.testing import strategies, with_items
from iprmodel.testing.synthetic import national

RECORDED = Path(__file__).with_name("bytes.json")
T = TypeVar("T")
LOCALES = ("nb", "nn", "en")
HALLINGDAL = examples.load("hallingdal")


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


def sorted_dump(document: object) -> bytes:
    """A document as ``dump`` writes it when it sorts every object's keys."""
    return orjson.dumps(document, option=orjson.OPT_SORT_KEYS | orjson.OPT_INDENT_2) + b"\n"


def _varied(item: AgendaItem, data: st.DataObject) -> AgendaItem:
    """``item`` with every field that adds or drops a key of a meeting message drawn."""

    def maybe(strategy: st.SearchStrategy[T]) -> T | None:
        return data.draw(st.none() | strategy)

    return attrs.evolve(
        item,
        closed_basis=maybe(st.sampled_from(ClosedBasis)),
        proposal=maybe(strategies.required_texts()),
        decision=maybe(strategies.required_texts()),
        outcome=maybe(st.sampled_from(RecordedOutcome)),
        tally=maybe(strategies.tallies()),
        votes=item.votes if data.draw(st.booleans()) else (),
    )


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_files_are_the_messages_with_sorted_keys(data: st.DataObject) -> None:
    """The meeting messages are built with their keys in order and written without
    sorting them again: each file is still its message dumped with sorted keys, for
    items open or closed, with or without proposal, decision, outcome, tally or votes,
    sent by the council or by a municipality (with its kommunenummer)."""
    register = with_items(HALLINGDAL, lambda item: _varied(item, data))
    sender = data.draw(st.sampled_from([{}, {"avsender": "gol"}]))
    request = ExportRequest(locale=data.draw(st.sampled_from(LOCALES)), options=sender)

    written = FiksExporter().files(register, request)

    assert written == {name: sorted_dump(d) for name, d in iter_messages(register, request)}


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
