# SPDX-License-Identifier: MIT
"""Preparing a document: A4 page, fonts, styles, list numbering, language, Word 2013+ mode.

Fonts: **Calibri** for text and **Cambria** for headings and the title (Word's own
"Office classic" pair, on every Windows and Mac Word). LibreOffice substitutes the
metric-compatible Carlito and Caladea (packages fonts-crosextra-carlito and
-caladea), so lines and pages break in the same places; the font table names them as
the alternatives.

Numbering: three abstract lists named ``iprmodel-clauses`` (1. / 1.1. / 1.1.1.),
``iprmodel-bullets`` (•, –) and ``iprmodel-numbers`` (1. / a)). A document made by
this plugin and used as a template has them replaced, not duplicated.

>>> from docx import Document
>>> document = Document()
>>> set_compatibility(document)
>>> document.settings.element.xpath("string(//w:compatSetting[@w:name='compatibilityMode']/@w:val)")
'15'
"""

from __future__ import annotations

from typing import Any, Final

import attrs
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.shared import Cm, Pt, RGBColor
from lxml import etree  # type: ignore[import-untyped]

__all__ = [
    "BODY_FONT",
    "CLAUSE_STYLES",
    "HEADING_FONT",
    "OWN_HEADER_STYLES",
    "Lists",
    "add_own_styles",
    "page_setup",
    "paper",
    "prepare_numbering",
    "set_compatibility",
    "set_fonts",
    "set_language",
]

#: The body font and the heading font (with the fallback LibreOffice uses).
BODY_FONT: Final = ("Calibri", "Carlito")
HEADING_FONT: Final = ("Cambria", "Caladea")
#: The multi-level clause styles, numbered 1. / 1.1. / 1.1.1. by one w:abstractNum.
CLAUSE_STYLES: Final = ("Clause 1", "Clause 2", "Clause 3")
#: The styles of the header and footer lines this plugin writes; a template's
#: paragraphs in them are ours from an earlier export and are replaced.
OWN_HEADER_STYLES: Final = ("Document Header", "Document Footer")
_HEADING_STYLES: Final = frozenset(
    {"Title", "Subtitle", "heading 1", "heading 2", "heading 3", "Heading 1", "Heading 2"}
)
_LIST_NAMES: Final = ("iprmodel-clauses", "iprmodel-bullets", "iprmodel-numbers")


def paper(section: Any, landscape: bool) -> None:
    """A4, portrait or landscape (python-docx's default template is US Letter)."""
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:  # wide task tables
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)


def page_setup(document: Any, landscape: bool) -> None:
    """A4 with 2.5 cm side margins (no template)."""
    section = document.sections[0]
    paper(section, landscape)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.0)
    section.header_distance = section.footer_distance = Cm(1.25)


def _rfonts(name: str) -> Any:
    fonts = etree.Element(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)
    return fonts


def set_fonts(document: Any) -> None:
    """Calibri body, Cambria headings: named fonts instead of the template's theme fonts."""
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is not None:
        old = rpr.find(qn("w:rFonts"))
        if old is not None:
            rpr.remove(old)
        rpr.insert(0, _rfonts(BODY_FONT[0]))
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        style_rpr = style.find(qn("w:rPr"))
        if style_rpr is None or name is None:
            continue
        old = style_rpr.find(qn("w:rFonts"))
        if old is not None:
            style_rpr.remove(old)
            if name.get(qn("w:val")) in _HEADING_STYLES:
                style_rpr.insert(0, _rfonts(HEADING_FONT[0]))
    for style_name in ("Title", "Heading 1", "Heading 2"):
        style = document.styles[style_name]
        rpr_el = style.element.get_or_add_rPr()
        if rpr_el.find(qn("w:rFonts")) is None:
            rpr_el.insert(0, _rfonts(HEADING_FONT[0]))
    # A long agreement title must not fill half the first page.
    document.styles["Title"].font.size = Pt(22)
    # python-docx has no font-table API: the alternatives go into the part's XML.
    for rel in document.part.rels.values():
        if rel.reltype == RT.FONT_TABLE:
            _font_alternatives(rel.target_part)


def _font_alternatives(part: Any) -> None:
    root = etree.fromstring(part.blob)
    for name, alternative in (BODY_FONT, HEADING_FONT):
        font = next((f for f in root.findall(qn("w:font")) if f.get(qn("w:name")) == name), None)
        if font is None:
            font = etree.SubElement(root, qn("w:font"))
            font.set(qn("w:name"), name)
        alt = font.find(qn("w:altName"))
        if alt is None:
            alt = etree.Element(qn("w:altName"))
            font.insert(0, alt)
        alt.set(qn("w:val"), alternative)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_own_styles(document: Any) -> None:
    """The plugin's paragraph styles, unless the template defines them (its look wins)."""
    styles = document.styles
    names = {style.name for style in styles}

    def add(name: str, base: str, **settings: Any) -> None:
        if name in names or base not in names | {name}:
            return
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
        if "indent" in settings:
            fmt.left_indent = settings["indent"]
        names.add(name)

    add("Clause 1", "Heading 1", before=Pt(14), after=Pt(6), keep_next=True)
    add("Clause 2", "Normal", after=Pt(6))
    add("Clause 3", "Normal", after=Pt(4))
    add("Clause Text", "Normal", after=Pt(6), indent=Cm(1.0))
    add("Suggestion", "Normal", italic=True, size=Pt(9.5), color=RGBColor(0x7A, 0x4A, 0x00))
    add("Table Text", "Normal", size=Pt(9), after=Pt(0))
    add("Note", "Normal", italic=True, size=Pt(9.5), after=Pt(6))
    add("Notice", "Normal", bold=True, size=Pt(14), color=RGBColor(0xC0, 0x00, 0x00))
    add("List Item", "Normal", after=Pt(2))
    for name, base in zip(OWN_HEADER_STYLES, ("Header", "Footer"), strict=True):
        add(name, base, size=Pt(8.5), after=Pt(0))


@attrs.define
class Lists:
    """The numbering element and the ids of the plugin's three abstract lists."""

    element: Any
    clauses: int
    bullets: int
    numbers: int
    bullet_num: int

    def new_numbered(self) -> int:
        """A fresh ``w:num`` of the numbered list, restarting at 1 (one per list)."""
        num = self.element.add_num(self.numbers)
        override = etree.SubElement(num, qn("w:lvlOverride"))
        override.set(qn("w:ilvl"), "0")
        etree.SubElement(override, qn("w:startOverride")).set(qn("w:val"), "1")
        return int(num.numId)


def _numbering_element(document: Any) -> Any:
    part = document.part
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


def _level(abstract: Any, level: int, fmt: str, text: str, indent: int, style: str | None) -> None:
    lvl = etree.SubElement(abstract, qn("w:lvl"))
    lvl.set(qn("w:ilvl"), str(level))
    settings = [("w:start", "1"), ("w:numFmt", fmt)]
    if style is not None:
        settings.append(("w:pStyle", style))
    settings += [("w:lvlText", text), ("w:lvlJc", "left")]
    for tag, value in settings:
        etree.SubElement(lvl, qn(tag)).set(qn("w:val"), value)
    ind = etree.SubElement(etree.SubElement(lvl, qn("w:pPr")), qn("w:ind"))
    ind.set(qn("w:left"), str(indent))
    ind.set(qn("w:hanging"), "360" if style is None else str(indent))


def prepare_numbering(document: Any, style_ids: dict[str, str]) -> Lists:
    """Add the three abstract lists (replacing ours from an earlier export) and tie the
    clause styles to the clause list."""
    numbering = _numbering_element(document)
    ours = {
        a.get(qn("w:abstractNumId"))
        for a in numbering.findall(qn("w:abstractNum"))
        if a.find(qn("w:name")) is not None and a.find(qn("w:name")).get(qn("w:val")) in _LIST_NAMES
    }
    for element in list(numbering):
        if element.tag == qn("w:abstractNum") and element.get(qn("w:abstractNumId")) in ours:
            numbering.remove(element)
        elif element.tag == qn("w:num"):
            ref = element.find(qn("w:abstractNumId"))
            if ref is not None and ref.get(qn("w:val")) in ours:
                numbering.remove(element)
    next_id = 1 + max(
        (int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))),
        default=-1,
    )
    ids = []
    for offset, name in enumerate(_LIST_NAMES):
        abstract = etree.Element(qn("w:abstractNum"))
        abstract.set(qn("w:abstractNumId"), str(next_id + offset))
        etree.SubElement(abstract, qn("w:multiLevelType")).set(
            qn("w:val"), "multilevel" if offset == 0 else "hybridMultilevel"
        )
        etree.SubElement(abstract, qn("w:name")).set(qn("w:val"), name)
        if offset == 0:
            for level, style in enumerate(CLAUSE_STYLES):
                text = ".".join(f"%{i + 1}" for i in range(level + 1)) + "."
                _level(abstract, level, "decimal", text, 567 + 284 * level, style_ids[style])
        elif offset == 1:
            _level(abstract, 0, "bullet", "\u2022", 1077, None)
            _level(abstract, 1, "bullet", "\u2013", 1437, None)
        else:
            _level(abstract, 0, "decimal", "%1.", 1077, None)
            _level(abstract, 1, "lowerLetter", "%2)", 1437, None)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)  # schema: every abstractNum before any num
        else:
            numbering.append(abstract)
        ids.append(next_id + offset)
    clause_num = numbering.add_num(ids[0]).numId
    styles = {style.name: style for style in document.styles}
    for level, name in enumerate(CLAUSE_STYLES):
        numpr = styles[name].element.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = level
        numpr.get_or_add_numId().val = clause_num
    bullet_num = int(numbering.add_num(ids[1]).numId)
    return Lists(
        element=numbering, clauses=ids[0], bullets=ids[1], numbers=ids[2], bullet_num=bullet_num
    )


def set_language(document: Any, tag: str) -> None:
    """The document language (spell-checking) and Norwegian decimal/list separators."""
    styles = document.styles.element
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
    settings = document.settings.element
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


_COMPAT_URI: Final = "http://schemas.microsoft.com/office/word"


def set_compatibility(document: Any) -> None:
    """Word 2013 and later layout (compatibilityMode 15): no "Compatibility Mode" bar."""
    settings = document.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = etree.SubElement(settings, qn("w:compat"))
    for old in compat.findall(qn("w:compatSetting")):
        if old.get(qn("w:name")) == "compatibilityMode":
            old.set(qn("w:val"), "15")
            return
    setting = etree.SubElement(compat, qn("w:compatSetting"))
    setting.set(qn("w:name"), "compatibilityMode")
    setting.set(qn("w:uri"), _COMPAT_URI)
    setting.set(qn("w:val"), "15")
