# SPDX-License-Identifier: MIT
"""Writing WordprocessingML directly with lxml: runs, fields, paragraphs and tables.

:class:`Writer` is the part of the builder that turns text into XML. Everything
user-supplied goes through :func:`clean`, so no control character or lone surrogate
reaches the XML, and long unbroken words get places to wrap.

>>> clean("Sak\\x0b 1 & 2 <lukka>\\r\\nneste")
'Sak 1 & 2 <lukka>\\nneste'
>>> fit("Hallingdal interkommunale politiske råd", 12)
'Hallingdal…'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Final

from docx.oxml.ns import qn
from lxml import etree  # type: ignore[import-untyped]

__all__ = ["Cell", "CellLike", "Writer", "clean", "fit", "has_content"]

W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W: Final = W
_XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"
_BAD_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_LONG_WORD: Final = re.compile(r"\S{41,}")
_SPLIT: Final = re.compile(r"(\n|\t)")
_ZWSP: Final = "\u200b"


def clean(text: str) -> str:
    """Drop what XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/F).

    Tabs and newlines stay; ``\\r\\n`` and ``\\r`` (Windows and old Mac line ends) become ``\\n``.
    """
    return _BAD_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def break_long_words(text: str) -> str:
    # A zero-width space every 20 characters gives Word and LibreOffice a place to
    # wrap an unbroken string (an id, a hash); links keep their exact text.
    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        if "://" in word or word.startswith("www."):
            return word
        return _ZWSP.join(word[i : i + 20] for i in range(0, len(word), 20))

    return _LONG_WORD.sub(split, text)


def fit(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters at a word boundary, with an ellipsis.

    >>> fit("Møtebok – Strategisamling for ordførere 12.01.2026", 40)
    'Møtebok – Strategisamling for…'
    """
    if len(text) <= limit:
        return text
    cut = text[: max(limit - 1, 1)]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" \u2013-,") + "\u2026"


class Cell:
    """A table cell's content: lines of text, each optionally bold.

    >>> Cell("Gol kommune", bold=True).lines
    (('Gol kommune', True),)
    """

    __slots__ = ("lines",)

    def __init__(self, *lines: str, bold: bool = False) -> None:
        self.lines: tuple[tuple[str, bool], ...] = tuple((line, bold) for line in lines)

    def __add__(self, other: Cell) -> Cell:
        joined = Cell()
        joined.lines = self.lines + other.lines
        return joined


CellLike = str | Cell


class Writer:
    """Low-level XML writing shared by the builder: paragraphs, runs, fields, tables.

    The builder sets ``_body`` (where content goes), ``_width`` (text width in twips)
    and ``_style_ids`` (style name to id, resolved once).
    """

    _body: Any
    _width: int
    _style_ids: dict[str, str]

    def _style(self, p: Any, name: str) -> None:
        style_id = self._style_ids.get(name)
        if style_id is None:
            return
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = etree.Element(qn("w:pPr"))
            p.insert(0, ppr)
        existing = ppr.find(qn("w:pStyle"))
        if existing is None:
            existing = etree.Element(qn("w:pStyle"))
            ppr.insert(0, existing)
        existing.set(qn("w:val"), style_id)

    @staticmethod
    def _run(
        p: Any, text: str, *, bold: bool = False, italic: bool = False, color: str | None = None
    ) -> None:
        r = etree.SubElement(p, _W + "r")
        if bold or italic or color:
            rpr = etree.SubElement(r, _W + "rPr")
            if bold:
                etree.SubElement(rpr, _W + "b")
            if italic:
                etree.SubElement(rpr, _W + "i")
            if color:
                etree.SubElement(rpr, _W + "color").set(_W + "val", color)
        if "\n" not in text and "\t" not in text:
            t = etree.SubElement(r, _W + "t")
            t.set(_XML_SPACE, "preserve")
            t.text = text
            return
        for piece in _SPLIT.split(text):
            if piece == "\n":
                etree.SubElement(r, _W + "br")
            elif piece == "\t":
                etree.SubElement(r, _W + "tab")
            elif piece:
                t = etree.SubElement(r, _W + "t")
                t.set(_XML_SPACE, "preserve")
                t.text = piece

    def _field(self, p: Any, instruction: str) -> None:
        begin = etree.SubElement(etree.SubElement(p, _W + "r"), _W + "fldChar")
        begin.set(_W + "fldCharType", "begin")
        instr = etree.SubElement(etree.SubElement(p, _W + "r"), _W + "instrText")
        instr.set(_XML_SPACE, "preserve")
        instr.text = f" {instruction} "
        separate = etree.SubElement(etree.SubElement(p, _W + "r"), _W + "fldChar")
        separate.set(_W + "fldCharType", "separate")
        self._run(p, "1")  # shown until the reader updates the field
        end = etree.SubElement(etree.SubElement(p, _W + "r"), _W + "fldChar")
        end.set(_W + "fldCharType", "end")

    def _new_p(
        self, parent: Any, style: str, *, keep_next: bool = False, keep_lines: bool = False
    ) -> Any:
        p = etree.SubElement(parent, _W + "p")
        style_id = self._style_ids.get(style)
        if style_id is not None or keep_next or keep_lines:
            ppr = etree.SubElement(p, _W + "pPr")
            if style_id is not None:
                etree.SubElement(ppr, _W + "pStyle").set(_W + "val", style_id)
            if keep_next:
                etree.SubElement(ppr, _W + "keepNext")
            if keep_lines:
                etree.SubElement(ppr, _W + "keepLines")
        return p

    def table(
        self,
        rows: Sequence[Sequence[CellLike]],
        *,
        header: Sequence[str] | None = None,
        widths: Sequence[float] | None = None,
        keep_rows: bool = True,
        style: str = "Table Text",
        caption: str | None = None,
        borders: bool = True,
    ) -> None:
        """A fixed-layout grid table; the header rows repeat on every page.

        Every row is ``cantSplit`` so a row (a signature block) never breaks across
        pages; ``widths`` are relative column widths. ``caption`` is a first header
        row across all columns (a theme), so a continued table says what it is.
        The paragraph just before the table (its heading or lead-in) is kept with
        it, so it is never left alone at the foot of a page. ``borders=False`` (a
        signature block) draws no grid lines.
        """
        previous = self._body[-1] if len(self._body) else None
        if previous is not None and previous.tag == _W + "p" and has_content(previous):
            ppr = previous.find(_W + "pPr")
            if ppr is None:
                ppr = etree.Element(_W + "pPr")
                previous.insert(0, ppr)
            if ppr.find(_W + "keepNext") is None:
                _insert_keep_next(ppr)
        columns = len(header) if header is not None else max((len(r) for r in rows), default=1)
        weights = list(widths) if widths is not None else [1.0] * columns
        total_width = self._width
        grid = [int(total_width * w / sum(weights)) for w in weights]
        tbl = etree.SubElement(self._body, _W + "tbl")
        tblpr = etree.SubElement(tbl, _W + "tblPr")
        grid_style = self._style_ids.get("Table Grid")
        if grid_style is not None:
            etree.SubElement(tblpr, _W + "tblStyle").set(_W + "val", grid_style)
        tblw = etree.SubElement(tblpr, _W + "tblW")
        tblw.set(_W + "w", str(sum(grid)))
        tblw.set(_W + "type", "dxa")
        if not borders:
            edges = etree.SubElement(tblpr, _W + "tblBorders")
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
                etree.SubElement(edges, _W + edge).set(_W + "val", "nil")
        # Fixed layout: a long word wraps inside its column instead of widening the table.
        etree.SubElement(tblpr, _W + "tblLayout").set(_W + "type", "fixed")
        look = etree.SubElement(tblpr, _W + "tblLook")
        look.set(_W + "val", "04A0")
        look.set(_W + "firstRow", "1" if header is not None else "0")
        look.set(_W + "lastRow", "0")
        look.set(_W + "firstColumn", "0")
        look.set(_W + "lastColumn", "0")
        look.set(_W + "noHBand", "0")
        look.set(_W + "noVBand", "1")
        tblgrid = etree.SubElement(tbl, _W + "tblGrid")
        for width in grid:
            etree.SubElement(tblgrid, _W + "gridCol").set(_W + "w", str(width))
        if caption is not None:
            self._caption_row(tbl, caption, sum(grid), len(grid))
        if header is not None:
            self._row(
                tbl, [Cell(h, bold=True) for h in header], grid, style, header=True, keep=keep_rows
            )
        for row in rows:
            self._row(tbl, row, grid, style, header=False, keep=keep_rows)
        # Word requires a paragraph between two tables and after the last one.
        etree.SubElement(self._body, _W + "p")

    def _caption_row(self, tbl: Any, text: str, width: int, columns: int) -> None:
        tr = etree.SubElement(tbl, _W + "tr")
        trpr = etree.SubElement(tr, _W + "trPr")
        etree.SubElement(trpr, _W + "cantSplit")
        etree.SubElement(trpr, _W + "tblHeader")
        tc = etree.SubElement(tr, _W + "tc")
        tcpr = etree.SubElement(tc, _W + "tcPr")
        tcw = etree.SubElement(tcpr, _W + "tcW")
        tcw.set(_W + "w", str(width))
        tcw.set(_W + "type", "dxa")
        etree.SubElement(tcpr, _W + "gridSpan").set(_W + "val", str(columns))
        shd = etree.SubElement(tcpr, _W + "shd")
        shd.set(_W + "val", "clear")
        shd.set(_W + "color", "auto")
        shd.set(_W + "fill", "DCE6F0")
        p = self._new_p(tc, "Table Text", keep_next=True)
        self._run(p, break_long_words(clean(text)), bold=True)

    def _row(
        self,
        tbl: Any,
        cells: Sequence[CellLike],
        grid: list[int],
        style: str,
        *,
        header: bool,
        keep: bool,
    ) -> None:
        tr = etree.SubElement(tbl, _W + "tr")
        if keep or header:
            trpr = etree.SubElement(tr, _W + "trPr")
            if keep:
                etree.SubElement(trpr, _W + "cantSplit")
            if header:
                etree.SubElement(trpr, _W + "tblHeader")
        for index, width in enumerate(grid):
            tc = etree.SubElement(tr, _W + "tc")
            tcw = etree.SubElement(etree.SubElement(tc, _W + "tcPr"), _W + "tcW")
            tcw.set(_W + "w", str(width))
            tcw.set(_W + "type", "dxa")
            content = cells[index] if index < len(cells) else ""
            lines = content.lines if isinstance(content, Cell) else ((content, False),)
            if not lines:
                lines = (("", False),)
            for text, bold in lines:
                p = self._new_p(tc, style, keep_next=header)
                if text:
                    self._run(p, break_long_words(clean(text)), bold=bold)


def _insert_keep_next(ppr: Any) -> None:
    # w:keepNext goes right after w:pStyle (the schema's order), else first.
    keep = etree.Element(_W + "keepNext")
    style = ppr.find(_W + "pStyle")
    if style is not None:
        style.addnext(keep)
    else:
        ppr.insert(0, keep)


def has_content(p: Any) -> bool:
    """Whether a paragraph shows anything: text, a drawing or a field."""
    return any(
        True
        for _ in p.iter(_W + "t", _W + "drawing", _W + "pict", _W + "fldChar", _W + "fldSimple")
    )
