# SPDX-License-Identifier: MIT
"""The Word document builder: fast paragraph, list and table writing on top of python-docx.

python-docx resolves a style by name for every ``add_paragraph(style=...)`` call
(about a millisecond each); the builder resolves every style id once and writes the
paragraph and run XML directly with lxml, which is what makes long minutes cheap.
Everything user-supplied goes through :func:`clean` so that no control character or
lone surrogate reaches the XML. Page, fonts, styles and numbering: :mod:`.styles`.

>>> clean("Sak\\x0b 1 & 2 <lukka>\\r\\nneste")
'Sak 1 & 2 <lukka>\\nneste'
>>> builder = Builder(language_tag="nn-NO")
>>> builder.paragraph("Hei")
>>> builder.bullets(["ein", "to"])
>>> builder.finish().startswith(b"PK")
True
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar, Final

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm
from lxml import etree  # type: ignore[import-untyped]

from iprmodel_docx.package import APP_XML, open_document, package_bytes
from iprmodel_docx.runs import Cell, Writer, break_long_words, clean, fit, has_content
from iprmodel_docx.styles import (
    CLAUSE_STYLES,
    OWN_HEADER_STYLES,
    Lists,
    add_own_styles,
    page_setup,
    paper,
    prepare_numbering,
    set_compatibility,
    set_fonts,
    set_language,
)
from iprmodel_docx.words import DocxExportError

__all__ = ["CLAUSE_STYLES", "REQUIRED_STYLES", "Builder", "Cell", "clean"]

#: Styles a letterhead template must define (the builder creates its own on top).
REQUIRED_STYLES: Final = ("Normal", "Title", "Heading 1", "Heading 2", "Table Grid")

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Header text is 8.5 pt; an average Calibri character is about half an em wide, and a
#: margin of safety keeps the line from wrapping in either Word or LibreOffice.
_HEADER_CHAR_TWIPS: Final = 8.5 * 20 * 0.56


class Builder(Writer):
    """Build one Word document: page, styles, numbering, language, header, footer.

    Args:
        template: a user's letterhead ``.docx``; its styles, header, footer, logo and
            margins are kept (its header replaces the plugin's header line). ``None``:
            python-docx's default template, A4 with 2.5 cm margins.
        landscape: A4 landscape, for wide tables.
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
            self._lists = _lists_of(self.document)
        else:
            self.document = open_document(template)
            if template is not None:
                self._check_styles(template)
                # A letterhead keeps its margins, header and logo, but the paper is A4
                # (a template made elsewhere is often US Letter).
                for section in self.document.sections:
                    paper(section, landscape)
                self._drop_own_header_lines()
            else:
                page_setup(self.document, landscape)
            add_own_styles(self.document)
            if template is None:  # a letterhead's own fonts win
                set_fonts(self.document)
            self._style_ids = {style.name: style.style_id for style in self.document.styles}
            self._lists = prepare_numbering(self.document, self._style_ids)
            set_language(self.document, language_tag)
            set_compatibility(self.document)
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

    def _drop_own_header_lines(self) -> None:
        # A document this plugin made, used as a template, brings our old header and
        # footer lines (in our own styles): they are replaced, never stacked.
        ids = {s.style_id for s in self.document.styles if s.name in OWN_HEADER_STYLES}
        if not ids:
            return
        for section in self.document.sections:
            for part in (section.header, section.footer):
                if part.is_linked_to_previous:
                    continue
                for p in list(part._element.iter(_W + "p")):
                    style = p.find(f"{_W}pPr/{_W}pStyle")
                    if style is not None and style.get(_W + "val") in ids:
                        p.getparent().remove(p)

    def style_id(self, name: str) -> str | None:
        """The id of style ``name`` (resolved once), or ``None`` when absent."""
        return self._style_ids.get(name)

    def header_footer(
        self,
        *,
        left: str,
        short: str | None,
        title: str,
        mark: str | None,
        page_words: tuple[str, str],
    ) -> None:
        """One header line (council, title, a red mark such as UTKAST) that never wraps,
        and the footer ``Side X av Y``.

        A long council name gives way to its ``short`` name, then the title is cut.
        A template whose header has content (a letterhead) keeps that header instead;
        a template footer with a PAGE field is left alone.
        """
        section = self._section
        header = section.header
        header.is_linked_to_previous = False
        element = header._element
        if not any(has_content(p) for p in element.iter(_W + "p")):
            for p in list(element.iter(_W + "p")):
                p.getparent().remove(p)
            limit = int(self._width / _HEADER_CHAR_TWIPS)
            sep = "  \u2013  "
            marks = (sep + mark) if mark else ""
            name, title = clean(left), clean(title)
            # The short name stands in before the full name would be cut ("Interkommunalt
            # politisk råd for…" says nothing) or would crowd out the title.
            too_long = len(name) + len(sep) + len(title) + len(marks) > limit
            if short and (too_long or len(name) > max(limit // 2, 10)):
                name = clean(short)
            name = fit(name, max(limit // 2, 10))
            room = limit - len(name) - len(sep) - len(marks)
            p = self._new_p(element, "Document Header")
            self._no_wrap(p)
            self._run(p, name, bold=True)
            if room > 8:
                self._run(p, sep + fit(title, room))
            if mark:
                self._run(p, sep)
                self._run(p, mark, bold=True, color="C00000")

        footer = section.footer
        footer.is_linked_to_previous = False
        if any("PAGE" in (t.text or "") for t in footer._element.iter(qn("w:instrText"))):
            return
        if not any(has_content(p) for p in footer._element.iter(_W + "p")):
            for p in list(footer._element.iter(_W + "p")):
                p.getparent().remove(p)
        p = self._new_p(footer._element, "Document Footer")
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

    @staticmethod
    def _no_wrap(p: Any) -> None:
        ppr = p.find(qn("w:pPr"))
        if ppr is None:
            ppr = etree.Element(qn("w:pPr"))
            p.insert(0, ppr)
        etree.SubElement(ppr, qn("w:wordWrap")).set(qn("w:val"), "0")

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
                rel.target_part._blob = APP_XML

    # -- writing ----------------------------------------------------------------

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
            self._run(p, break_long_words(clean(text)), bold=bold, italic=italic)

    def heading(self, text: str, level: int = 1) -> None:
        """A heading (``Title`` for level 0), kept with the next paragraph."""
        self.paragraph(text, "Title" if level == 0 else f"Heading {level}", keep_next=True)

    def clause(
        self, text: str, level: int = 1, *, suffix: str | None = None, label: str | None = None
    ) -> None:
        """A clause heading (level 1: ``1.``) or subclause (2: ``1.1.``), numbered by Word.

        ``label`` (the source's own ``3 a)``) is written as text instead, with Word's
        numbering switched off for that paragraph.
        """
        p = self._new_p(self._body, CLAUSE_STYLES[level - 1], keep_next=level == 1)
        if label is not None:
            numpr = etree.SubElement(p.find(_W + "pPr"), _W + "numPr")
            etree.SubElement(numpr, _W + "ilvl").set(_W + "val", "0")
            etree.SubElement(numpr, _W + "numId").set(_W + "val", "0")
            self._run(p, clean(label) + "\u2002")
        self._run(p, break_long_words(clean(text)))
        if suffix:
            self._run(p, " " + suffix, italic=True, color="7A4A00")

    def bullets(self, items: Iterable[str]) -> None:
        """A bulleted list: real Word list items (numbering ``iprmodel-bullets``)."""
        for item in items:
            self._list_item(item, self._lists.bullet_num)

    def numbered(self, items: Iterable[str]) -> None:
        """A numbered list (1., 2., ...), restarting at 1."""
        num = None
        for item in items:
            num = num or self._lists.new_numbered()
            self._list_item(item, num)

    def _list_item(self, text: str, num: int, level: int = 0) -> None:
        p = self._new_p(self._body, "List Item" if "List Item" in self._style_ids else "Normal")
        ppr = p.find(_W + "pPr")
        if ppr is None:
            ppr = etree.Element(_W + "pPr")
            p.insert(0, ppr)
        numpr = etree.SubElement(ppr, _W + "numPr")
        etree.SubElement(numpr, _W + "ilvl").set(_W + "val", str(level))
        etree.SubElement(numpr, _W + "numId").set(_W + "val", str(num))
        self._run(p, break_long_words(clean(text)))

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


def _lists_of(document: Any) -> Lists:
    # The prepared base already holds the plugin's lists: find their ids again.
    numbering = document.part.numbering_part.element
    ids: dict[str, int] = {}
    for abstract in numbering.findall(qn("w:abstractNum")):
        name = abstract.find(qn("w:name"))
        if name is not None:
            ids[name.get(qn("w:val"))] = int(abstract.get(qn("w:abstractNumId")))
    bullet_num = next(
        int(num.get(qn("w:numId")))
        for num in numbering.findall(qn("w:num"))
        if int(num.find(qn("w:abstractNumId")).get(qn("w:val"))) == ids["iprmodel-bullets"]
    )
    return Lists(
        element=numbering,
        clauses=ids["iprmodel-clauses"],
        bullets=ids["iprmodel-bullets"],
        numbers=ids["iprmodel-numbers"],
        bullet_num=bullet_num,
    )


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
