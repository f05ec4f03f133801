# SPDX-License-Identifier: MIT
"""Word documents, against straightforward python-docx on the same content.

* ``docx.agreement.<example>``: the draft cooperation agreement of each example council.
* ``docx.minutes.90``: the minutes of a meeting with 90 cases (each with proposal,
  tally, outcome and decision), built from the Hallingdal example.

The baseline (``python-docx naive``) writes exactly the same content the way most code
does: python-docx's default template prepared through its style API for every
document, ``add_paragraph(text, style="Name")`` (a style lookup by name per paragraph),
``add_table`` with ``cell.text``, and ``Document.save``. Our exporter reuses a prepared
base template, resolves style ids once, writes paragraph and table XML directly and
compresses the zip once. Target: at least 2x faster. The documents do not grow with
``scale`` (an agreement is an agreement); ``scale`` only repeats nothing.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import timedelta
from typing import Any, ClassVar

import attrs
from harness import Case
from iprmodel_docx import render
from iprmodel_docx.builder import CLAUSE_STYLES, Builder, Cell, clean

from iprmodel import examples
from iprmodel.exporters import ExportRequest
from iprmodel.model import AgendaItem, CaseKind, RecordedOutcome, Register, Tally

_EXAMPLES = ("hadeland", "hallingdal", "hamarregionen", "ringeriksregionen")


class NaiveBuilder(Builder):
    """The same document through python-docx's public API, style looked up by name."""

    reuse_base: ClassVar[bool] = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._body.append(self._sect_pr)  # python-docx adds content before sectPr

    def paragraph(
        self,
        text: str = "",
        style: str = "Normal",
        *,
        bold: bool = False,
        italic: bool = False,
        keep_next: bool = False,
        label: str | None = None,
    ) -> None:
        if self.style_id(style) is None:
            style = "Normal"
        p = self.document.add_paragraph(style=style)
        if label:
            p.add_run(clean(label) + " ").bold = True
        if text:
            run = p.add_run(clean(text))
            run.bold, run.italic = bold or None, italic or None
        if keep_next:
            p.paragraph_format.keep_with_next = True

    def clause(
        self, text: str, level: int = 1, *, suffix: str | None = None, label: str | None = None
    ) -> None:
        p = self.document.add_paragraph(style=CLAUSE_STYLES[level - 1])
        if label is not None:
            p.add_run(clean(label) + "\u2002")
        p.add_run(clean(text))
        if suffix:
            p.add_run(" " + suffix).italic = True

    def bullets(self, items: Iterable[str]) -> None:
        for item in items:
            self.document.add_paragraph(clean(item), style="List Bullet")

    def table(
        self,
        rows: Sequence[Sequence[str | Cell]],
        *,
        header: Sequence[str] | None = None,
        widths: Sequence[float] | None = None,
        keep_rows: bool = True,
        style: str = "Table Text",
        caption: str | None = None,
        borders: bool = True,
    ) -> None:
        columns = len(header) if header is not None else max((len(r) for r in rows), default=1)
        table = self.document.add_table(rows=0, cols=columns)
        if borders:  # a signature block keeps the default table style: no grid lines
            table.style = "Table Grid"
        all_rows: list[Sequence[Any]] = (
            [[Cell(h, bold=True) for h in header]] if header else []
        ) + list(rows)
        for values in all_rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=False):
                lines = value.lines if isinstance(value, Cell) else ((value, False),)
                first = True
                for text, bold in lines:
                    p = cell.paragraphs[0] if first else cell.add_paragraph()
                    first = False
                    p.style = style
                    p.add_run(clean(text)).bold = bold or None
        self.document.add_paragraph()

    def finish(self) -> bytes:
        stream = io.BytesIO()
        self.document.save(stream)
        return stream.getvalue()


def meeting_with(cases: int) -> Register:
    """The Hallingdal example with its first held meeting given ``cases`` agenda items."""
    register = examples.load("hallingdal")
    council = register.councils[0]
    meeting = next(m for m in council.meetings if m.agenda and m.attendance)
    items = tuple(
        AgendaItem(
            id=f"bench-{n}",
            order=n,
            number=f"PS {n}/2026",
            title=f"Sak {n}: regional utvikling, samferdsel og næring i Hallingdal",
            kind=CaseKind.DECISION if n % 5 else CaseKind.STATEMENT,
            proposal="Hallingtinget sluttar seg til tilrådinga i saksutgreiinga. " * 3,
            decision="Hallingtinget sluttar seg til tilrådinga i saksutgreiinga.",
            tally=Tally(votes_for=20 + n % 7, votes_against=8 - n % 7),
            outcome=RecordedOutcome.ADOPTED,
        )
        for n in range(1, cases + 1)
    )
    big = attrs.evolve(meeting, agenda=items, end=meeting.start + timedelta(hours=8))
    council = attrs.evolve(council, meetings=(big,))
    return attrs.evolve(register, councils=(council,))


def _export(register: Register, request: ExportRequest, builder: type[Builder]) -> bytes:
    return render(register, request, builder_class=builder).finish()


def cases(scale: float, quick: bool) -> list[Case]:
    """One row per example agreement and one for 90-case minutes."""
    result = []
    for name in _EXAMPLES:
        try:
            register = examples.load(name)
        except (FileNotFoundError, LookupError):
            continue  # an example not written yet
        request = ExportRequest(document="agreement")
        result.append(
            Case(
                name=f"docx.agreement.{name}",
                run=lambda r=register, q=request: _export(r, q, Builder),
                baseline="python-docx naive",
                baseline_run=lambda r=register, q=request: _export(r, q, NaiveBuilder),
            )
        )
    big = meeting_with(90)
    minutes = ExportRequest(document="minutes")
    result.append(
        Case(
            name="docx.minutes.90",
            run=lambda: _export(big, minutes, Builder),
            baseline="python-docx naive",
            baseline_run=lambda: _export(big, minutes, NaiveBuilder),
        )
    )
    return result
