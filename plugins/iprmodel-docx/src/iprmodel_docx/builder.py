# SPDX-License-Identifier: MIT
"""The Word document builder: page setup, styles, numbering, language, fields and
fast paragraph and table writing on top of python-docx.

python-docx resolves a style by name for every ``add_paragraph(style=...)`` call
(about a millisecond each); the builder resolves every style id once and writes the
paragraph and run XML directly with lxml, which is what makes long minutes cheap.
Everything user-supplied goes through :func:`clean` so that no control character or
lone surrogate reaches the XML.

>>> clean("Sak\\x0b 1 & 2 <lukka>")
'Sak 1 & 2 <lukka>'
>>> builder = Builder(language_tag="nn-NO")
>>> builder.paragraph("Hei")
>>> builder.finish().startswith(b"PK")
True
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, Final

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import _ContentTypesItem  # one compression pass, fixed times
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.section import Section
from docx.shared import Cm, Pt, RGBColor
from lxml import etree  # type: ignore[import-untyped]

from iprmodel_docx.words import DocxExportError

__all__ = [
    "CLAUSE_STYLES",
    "REQUIRED_STYLES",
    "Builder",
    "Cell",
    "clean",
]

#: Styles a letterhead template must define (the builder creates its own on top).
REQUIRED_STYLES: Final = ("Normal", "Title", "Heading 1", "Heading 2", "Table Grid")
#: The multi-level clause styles, numbered 1. / 1.1. / 1.1.1. by one w:abstractNum.
CLAUSE_STYLES: Final = ("Clause 1", "Clause 2", "Clause 3")

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"
_BAD_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_LONG_WORD: Final = re.compile(r"\S{41,}")
_SPLIT: Final = re.compile(r"(\n|\t)")
_ZWSP: Final = "\u200b"
_FIXED_ZIP_TIME: Final = (1980, 1, 1, 0, 0, 0)
_TWIPS_PER_CM: Final = 567


def clean(text: str) -> str:
    """Drop what XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/F).

    Tabs and newlines stay; ``\\r\\n`` and ``\\r`` become ``\\n``.
    """
    return _BAD_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _break_long_words(text: str) -> str:
    # A zero-width space every 20 characters gives Word and LibreOffice a place to
    # wrap an unbroken string (an id, a hash); links keep their exact text.
    def split(match: re.Match[str]) -> str:
        word = match.group(0)
        if "://" in word or word.startswith("www."):
            return word
        return _ZWSP.join(word[i : i + 20] for i in range(0, len(word), 20))

    return _LONG_WORD.sub(split, text)


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


class Builder:
    """Build one Word document: page, styles, numbering, language, header, footer.

    Args:
        template: a user's letterhead ``.docx``; its styles, header, footer, logo and
            margins are kept. ``None``: python-docx's default template, A4 with
            2.5 cm margins.
        landscape: A4 landscape (without a template), for wide tables.
        language_tag: ``nb-NO``, ``nn-NO`` or ``en-GB`` for spell-checking.

    Raises:
        ExportError: the template cannot be read, or lacks styles listed in
            :data:`REQUIRED_STYLES` (all missing ones are named at once).
    """

    #: Reuse a prepared, slimmed default template (per language and orientation)
    #: instead of preparing python-docx's default template for every document.
    reuse_base: ClassVar[bool] = True

    def __init__(
        self, template: Path | None = None, *, language_tag: str = "nb-NO", landscape: bool = False
    ) -> None:
        self.templated = template is not None
        self.language_tag = language_tag
        if template is None and self.reuse_base:
            data, style_ids = _prepared_base(language_tag, landscape)
            self.document: Any = docx.Document(io.BytesIO(data))
            self._style_ids = dict(style_ids)
        else:
            self.document = _open(template)
            if template is not None:
                self._check_styles(template)
                # A letterhead keeps its margins, header and logo, but the paper is A4
                # (a template made elsewhere is often US Letter).
                for section in self.document.sections:
                    self._paper(section, landscape)
            else:
                self._page_setup(landscape)
            self._add_own_styles()
            self._style_ids = self._resolve_style_ids()
            self._numbering()
            self._set_language()
        body = self.document.element.body
        self._body = body
        self._sect_pr = body.find(qn("w:sectPr"))
        for child in list(body):
            if child is not self._sect_pr:
                body.remove(child)  # a letterhead's sample text is not our content
        if self._sect_pr is None:
            self._sect_pr = etree.SubElement(body, qn("w:sectPr"))
        self._section = Section(self._sect_pr, self.document.part)
        self._width = self._text_width()
        body.remove(self._sect_pr)  # re-appended last by finish()

    # -- setup ------------------------------------------------------------------

    def _check_styles(self, template: Path | None) -> None:
        names = {style.name for style in self.document.styles}
        missing = [name for name in REQUIRED_STYLES if name not in names]
        if missing:
            raise DocxExportError(
                "the template {template} lacks the styles {styles}; add them in Word "
                "(or start from a document this exporter made) and try again",
                template=str(template),
                styles=", ".join(repr(name) for name in missing),
            )

    @staticmethod
    def _paper(section: Any, landscape: bool) -> None:
        # python-docx's default template is US Letter; Norwegian documents are A4.
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        if landscape:  # wide task tables
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = Cm(29.7), Cm(21.0)

    def _page_setup(self, landscape: bool) -> None:
        section = self.document.sections[0]
        self._paper(section, landscape)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
        section.header_distance = section.footer_distance = Cm(1.25)

    def _add_own_styles(self) -> None:
        styles = self.document.styles
        names = {style.name for style in styles}

        def add(name: str, base: str, **settings: Any) -> None:
            if name in names:
                return  # the template's own look wins
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles[base]
            style.quick_style = True
            font = style.font
            for key in ("size", "bold", "italic"):
                if key in settings:
                    setattr(font, key, settings[key])
            if "color" in settings:
                font.color.rgb = settings["color"]
            fmt = style.paragraph_format
            fmt.space_before = settings.get("before", Pt(0))
            fmt.space_after = settings.get("after", Pt(6))
            fmt.keep_with_next = settings.get("keep_next", False)

        add("Clause 1", "Heading 1", before=Pt(14), after=Pt(6), keep_next=True)
        add("Clause 2", "Normal", after=Pt(6))
        add("Clause 3", "Normal", after=Pt(4))
        add("Suggestion", "Normal", italic=True, size=Pt(9.5), color=RGBColor(0x7A, 0x4A, 0x00))
        add("Table Text", "Normal", size=Pt(9), after=Pt(0))
        add("Note", "Normal", italic=True, size=Pt(9.5), after=Pt(6))

    def _resolve_style_ids(self) -> dict[str, str]:
        return {style.name: style.style_id for style in self.document.styles}

    def style_id(self, name: str) -> str | None:
        """The id of style ``name`` (resolved once), or ``None`` when absent."""
        return self._style_ids.get(name)

    def _numbering_element(self) -> Any:
        part = self.document.part
        try:
            return part.numbering_part.element
        except NotImplementedError:
            # python-docx cannot create a numbering part; a letterhead may not have one.
            element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
            numbering = NumberingPart(
                PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element, part.package
            )
            part.relate_to(numbering, RT.NUMBERING)
            return numbering.element

    def _numbering(self) -> None:
        numbering = self._numbering_element()
        abstract_id = 1 + max(
            (int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))),
            default=-1,
        )
        abstract = etree.Element(qn("w:abstractNum"))
        abstract.set(qn("w:abstractNumId"), str(abstract_id))
        etree.SubElement(abstract, qn("w:multiLevelType")).set(qn("w:val"), "multilevel")
        for level, name in enumerate(CLAUSE_STYLES):
            lvl = etree.SubElement(abstract, qn("w:lvl"))
            lvl.set(qn("w:ilvl"), str(level))
            for tag, value in (
                ("w:start", "1"),
                ("w:numFmt", "decimal"),
                ("w:pStyle", self._style_ids[name]),
                ("w:lvlText", ".".join(f"%{i + 1}" for i in range(level + 1)) + "."),
                ("w:lvlJc", "left"),
            ):
                etree.SubElement(lvl, qn(tag)).set(qn("w:val"), value)
            ppr = etree.SubElement(lvl, qn("w:pPr"))
            ind = etree.SubElement(ppr, qn("w:ind"))
            hanging = 567 + 284 * level
            ind.set(qn("w:left"), str(hanging))
            ind.set(qn("w:hanging"), str(hanging))
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)  # schema: every abstractNum before any num
        else:
            numbering.append(abstract)
        num_id = numbering.add_num(abstract_id).numId
        styles = {style.name: style for style in self.document.styles}
        for level, name in enumerate(CLAUSE_STYLES):
            numpr = styles[name].element.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().val = level
            numpr.get_or_add_numId().val = num_id

    def _set_language(self) -> None:
        tag = self.language_tag
        styles = self.document.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = etree.Element(qn("w:docDefaults"))
            styles.insert(0, defaults)
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = etree.Element(qn("w:rPrDefault"))
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = etree.SubElement(rpr_default, qn("w:rPr"))
        if rpr.find(qn("w:lang")) is None:
            etree.SubElement(rpr, qn("w:lang"))
        for lang in styles.iter(qn("w:lang")):  # styles that pin a language, too
            lang.set(qn("w:val"), tag)
        settings = self.document.settings.element
        theme_lang = settings.find(qn("w:themeFontLang"))
        if theme_lang is not None:
            theme_lang.set(qn("w:val"), tag)
        proof = settings.find(qn("w:proofState"))
        if proof is not None:
            settings.remove(proof)  # "already proofed" would switch spell-checking off
        if tag != "en-GB":
            for name, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
                element = settings.find(qn(name))
                if element is not None:
                    element.set(qn("w:val"), value)

    def header_footer(
        self, *, left: str, title: str, draft: str | None, page_words: tuple[str, str]
    ) -> None:
        """Header line (council, title, draft mark) and footer ``Side X av Y``.

        A template's header content (logo) stays; our line is added below it. A
        template footer that already has a PAGE field is left alone.
        """
        section = self._section
        header = section.header
        header.is_linked_to_previous = False
        paragraphs = header.paragraphs
        target = (
            paragraphs[0] if len(paragraphs) == 1 and not _has_content(paragraphs[0]._p) else None
        )
        p = target._p if target is not None else etree.SubElement(header._element, qn("w:p"))
        self._style(p, "Header")
        self._run(p, clean(left), bold=False)
        title = clean(title)
        if len(title) > 70:  # the header is one line; the full title is on page 1
            title = title[:69].rstrip() + "\u2026"
        self._run(p, "  \u2013  " + title)
        if draft:
            self._run(p, "  \u2013  ", bold=False)
            self._run(p, draft, bold=True, color="C00000")

        footer = section.footer
        footer.is_linked_to_previous = False
        if any("PAGE" in (t.text or "") for t in footer._element.iter(qn("w:instrText"))):
            return
        paragraphs = footer.paragraphs
        target = (
            paragraphs[0] if len(paragraphs) == 1 and not _has_content(paragraphs[0]._p) else None
        )
        p = target._p if target is not None else etree.SubElement(footer._element, qn("w:p"))
        self._style(p, "Footer")
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = etree.Element(qn("w:pPr"))
            p.insert(0, ppr)
        etree.SubElement(ppr, qn("w:jc")).set(qn("w:val"), "center")
        before, between = page_words
        self._run(p, before + " ")
        self._field(p, "PAGE")
        self._run(p, " " + between + " ")
        self._field(p, "NUMPAGES")

    def core_properties(
        self,
        *,
        title: str,
        subject: str,
        author: str,
        when: datetime,
        language: str,
        keywords: str = "",
    ) -> None:
        """Title, subject, author and dates from the model; python-docx's defaults gone."""
        cp = self.document.core_properties
        cp.title = clean(title)[:255]
        cp.subject = clean(subject)[:255]
        cp.author = clean(author)[:255]
        cp.last_modified_by = clean(author)[:255]
        cp.comments = ""
        cp.keywords = clean(keywords)[:255]
        cp.category = ""
        cp.content_status = ""
        cp.identifier = ""
        cp.language = language
        cp.revision = 1
        moment = when.astimezone(UTC).replace(microsecond=0)
        cp.created = cp.modified = moment
        package = self.document.part.package
        # The default template ships a thumbnail and an app.xml naming "Microsoft
        # Macintosh Word"; neither describes our document.
        for rel_id, rel in list(package.rels.items()):
            if rel.reltype == RT.THUMBNAIL:
                del package.rels[rel_id]
            elif rel.reltype == RT.EXTENDED_PROPERTIES:
                rel.target_part._blob = _APP_XML

    # -- writing ----------------------------------------------------------------

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
        """Add a paragraph in ``style``; ``label`` is a bold lead-in (``Stad: ``)."""
        p = self._new_p(self._body, style, keep_next=keep_next)
        if label:
            self._run(p, clean(label) + " ", bold=True)
        if text:
            self._run(p, _break_long_words(clean(text)), bold=bold, italic=italic)

    def heading(self, text: str, level: int = 1) -> None:
        """A heading (``Title`` for level 0), kept with the next paragraph."""
        self.paragraph(text, "Title" if level == 0 else f"Heading {level}", keep_next=True)

    def clause(self, text: str, level: int = 1, *, suffix: str | None = None) -> None:
        """A numbered clause paragraph: level 1 is a clause heading (1.), 2 a subclause (1.1.)."""
        p = self._new_p(self._body, CLAUSE_STYLES[level - 1], keep_next=level == 1)
        self._run(p, _break_long_words(clean(text)))
        if suffix:
            self._run(p, " " + suffix, italic=True, color="7A4A00")

    def bullets(self, items: Iterable[str]) -> None:
        """A bulleted list (``List Bullet``, or plain dashes where a template lacks it)."""
        has_style = "List Bullet" in self._style_ids
        for item in items:
            self.paragraph(
                item if has_style else f"\u2013 {item}", "List Bullet" if has_style else "Normal"
            )

    def table(
        self,
        rows: Sequence[Sequence[CellLike]],
        *,
        header: Sequence[str] | None = None,
        widths: Sequence[float] | None = None,
        keep_rows: bool = True,
        style: str = "Table Text",
    ) -> None:
        """A fixed-layout grid table; the header row repeats on every page.

        Every row is ``cantSplit`` so a row (a signature block) never breaks across
        pages; ``widths`` are relative column widths.
        """
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
        if header is not None:
            self._row(
                tbl, [Cell(h, bold=True) for h in header], grid, style, header=True, keep=keep_rows
            )
        for row in rows:
            self._row(tbl, row, grid, style, header=False, keep=keep_rows)
        # Word requires a paragraph between two tables and after the last one.
        etree.SubElement(self._body, _W + "p")

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
                    self._run(p, _break_long_words(clean(text)), bold=bold)

    def page_break(self) -> None:
        """Start a new page."""
        r = etree.SubElement(etree.SubElement(self._body, _W + "p"), _W + "r")
        etree.SubElement(r, _W + "br").set(_W + "type", "page")

    def _text_width(self) -> int:
        section = self._section
        width = section.page_width or Cm(21.0)
        left = section.left_margin if section.left_margin is not None else Cm(2.5)
        right = section.right_margin if section.right_margin is not None else Cm(2.5)
        return max(int((width - left - right) / 635), 2000)  # EMU -> twips

    def finish(self) -> bytes:
        """The document as bytes: fixed zip timestamps and entry order."""
        if self._sect_pr.getparent() is None:
            self._body.append(self._sect_pr)
        return package_bytes(self.document)


@functools.cache
def _prepared_base(language_tag: str, landscape: bool) -> tuple[bytes, tuple[tuple[str, str], ...]]:
    """python-docx's default template, prepared once: page, styles, numbering, language.

    Parts a generated document never uses are left out (the Word 2010 style copy,
    customXml, web settings, the thumbnail, 150 unused table styles), which makes
    every later open several times cheaper.
    """
    fresh = type("_Fresh", (Builder,), {"reuse_base": False})
    base = fresh(None, language_tag=language_tag, landscape=landscape)
    base._body.append(base._sect_pr)
    document = base.document
    styles = document.styles.element
    keep = {base._style_ids.get("Table Grid"), base._style_ids.get("Normal Table"), "TableNormal"}
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) == "table" and style.get(qn("w:styleId")) not in keep:
            styles.remove(style)
    unused = ("stylesWithEffects", "customXml", "webSettings")
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype.endswith(unused):
            del document.part.rels[rel_id]
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
    names = {style.name: style.style_id for style in document.styles}
    return package_bytes(document), tuple(sorted(names.items()))


def package_bytes(document: Any) -> bytes:
    """Write a python-docx document as a zip with fixed timestamps and a stable order.

    python-docx stamps every zip entry with the current time; the same document must
    give the same bytes. Writing the parts directly also compresses them only once.
    """
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    entries = {
        "[Content_Types].xml": _ContentTypesItem.from_parts(parts).blob,  # type: ignore[no-untyped-call]
        "_rels/.rels": package.rels.xml,
    }
    for part in parts:
        entries[part.partname.membername] = part.blob
        if len(part.rels):
            entries[part.partname.rels_uri.membername] = part.rels.xml
    return _zip(entries)


def _zip(entries: dict[str, bytes]) -> bytes:
    first = [n for n in entries if n == "[Content_Types].xml"]
    ordered = first + sorted(n for n in entries if n != "[Content_Types].xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=_FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, entries[name])
    return out.getvalue()


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and a stable entry order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return _zip({name: source.read(name) for name in source.namelist()})


def _has_content(p: Any) -> bool:
    return any(
        True
        for _ in p.iter(_W + "t", _W + "drawing", _W + "pict", _W + "fldChar", _W + "fldSimple")
    )


def _open(template: Path | None) -> Any:
    if template is None:
        return docx.Document()
    path = Path(template)
    if not path.is_file():
        raise DocxExportError("the template {template} does not exist", template=str(path))
    try:
        return docx.Document(str(path))
    except Exception as error:  # python-docx raises several unrelated types for bad files
        raise DocxExportError(
            "the template {template} is not a Word document (.docx): {reason}",
            template=str(path),
            reason=f"{type(error).__name__}: {error}",
        ) from error


_APP_XML: Final = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>iprmodel</Application><DocSecurity>0</DocSecurity></Properties>"
)
