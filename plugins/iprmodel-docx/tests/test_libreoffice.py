# SPDX-License-Identifier: MIT
"""A real client: LibreOffice converts every document kind of every example to PDF.

One ``soffice`` call converts all files (with a throw-away profile), then ``pdftotext``
shows what a reader sees: Word numbering rendered as 1., 1.1., the page fields as
"Side 1 av N", every party in the signature block, and each case's vote in the minutes.
"""

from __future__ import annotations

import re
import subprocess

import pytest
from iprmodel_docx import DOCUMENT_KINDS, DocxExporter, default_locale
from iprmodel_docx.agreement import agreement_for, party_name, plan_agreement
from iprmodel_docx.documents import latest_meeting, tally_text
from iprmodel_docx.words import Words

from iprmodel import examples
from iprmodel.exporters import ExportRequest
from iprmodel.model import AttendanceStatus, Register
from iprmodel.testing import require_tool

pytestmark = pytest.mark.external

EXAMPLES = tuple(name for name in examples.names() if name != "all")


@pytest.fixture(scope="module")
def pdf_text(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], str]:
    """``(example, kind) -> pdftotext -layout`` of every document."""
    soffice = require_tool("soffice", "LibreOffice renders the .docx files")
    pdftotext = require_tool("pdftotext", "poppler-utils reads the PDFs")
    folder = tmp_path_factory.mktemp("docx")
    exporter = DocxExporter()
    files = []
    for name in EXAMPLES:
        register = examples.load(name)
        for kind in DOCUMENT_KINDS:
            path = folder / f"{name}--{kind}.docx"
            path.write_bytes(exporter.export(register, ExportRequest(document=kind)))
            files.append(path)
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    result = {}
    for path in files:
        pdf = path.with_suffix(".pdf")
        assert pdf.exists(), f"LibreOffice did not convert {path.name}"
        text = subprocess.run(
            [pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        name, kind = path.stem.split("--")
        result[(name, kind)] = text
    return result


def _register(name: str) -> Register:
    return examples.load(name)


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_kind_converts(pdf_text: dict[tuple[str, str], str], name: str) -> None:
    for kind in DOCUMENT_KINDS:
        text = pdf_text[(name, kind)]
        assert re.search(r"(Side|Page) 1 (av|of) \d+", text), (name, kind)


@pytest.mark.parametrize("name", EXAMPLES)
def test_agreement_numbering_pages_and_signatures(
    pdf_text: dict[tuple[str, str], str], name: str
) -> None:
    text = pdf_text[(name, "agreement")]
    lines = [line.strip() for line in text.splitlines()]
    assert any(re.match(r"^1\.\s+\S", line) for line in lines)
    assert any(re.match(r"^1\.1\.\s+\S", line) for line in lines)
    assert any(re.match(r"^2\.\s+\S", line) for line in lines)
    pages = re.findall(r"Side (\d+) av (\d+)", text)
    assert pages[0][0] == "1"
    assert {total for _, total in pages} == {str(len(pages))}
    register = _register(name)
    council = register.councils[0]
    words = Words(default_locale(council))
    plan = plan_agreement(council, register, words, agreement_for(council))
    signatures = text[text.rindex(words("Signatures")) :]
    for party in plan.parties:
        assert party_name(register, party, words) in signatures


# Only these examples record a held meeting (the sources give no others' minutes).
WITH_HELD_MEETING = ("hallingdal", "ringeriksregionen")


def test_which_examples_have_held_meetings() -> None:
    """The minutes test below covers every example that has a held meeting."""
    held = {name for name in EXAMPLES if latest_meeting(_register(name).councils[0], held=True)}
    assert held == set(WITH_HELD_MEETING)


@pytest.mark.parametrize("name", WITH_HELD_MEETING)
def test_minutes_show_each_vote(pdf_text: dict[tuple[str, str], str], name: str) -> None:
    """The PDF of the minutes shows each counted vote and who was present."""
    text = " ".join(pdf_text[(name, "minutes")].split())
    register = _register(name)
    council = register.councils[0]
    words = Words(default_locale(council))
    meeting = latest_meeting(council, held=True)
    assert meeting is not None
    for item in meeting.agenda:
        tally = item.tally
        if item.votes:
            continue  # counted from the votes; checked in test_documents
        if tally is not None:
            assert words("Vote: {tally}.", tally=tally_text(tally, words)) in text
    present = [a for a in meeting.attendance if a.status is AttendanceStatus.PRESENT]
    if present:
        assert words("Present:") in text
