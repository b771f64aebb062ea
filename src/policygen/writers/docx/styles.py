"""The house styles of the Word files, built on python-docx's default template.

Reviewers restyle, compare and navigate by style, so every paragraph the
writer emits uses a real named Word style (Title, Heading 1-3, Normal, List
Bullet/Number, TOC 1, Hyperlink…) and the look is carried by those styles,
never by direct formatting. Every style is in French (fr-CA) for the spelling
checker; fonts are ones Word installs everywhere.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle

LANG = "fr-CA"
FONT = "Calibri"
TEXT_WIDTH = Cm(17.19)  # letter paper less the margins
TABLE_STYLE = "Tableau"
VERSION_STYLE = "Version"  # the line under the title: « Version du 27 avril 2018 »
NOTE_STYLE = "Note"  # a notice set apart: indented, ruled and shaded
INK = RGBColor(0x1C, 0x24, 0x30)
MUTED = RGBColor(0x4A, 0x55, 0x66)
ACCENT = RGBColor(0x0B, 0x53, 0x94)


def _language(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), LANG)


def _font(style: BaseStyle, size: float, colour: RGBColor = INK, bold: bool | None = None,
          italic: bool | None = None) -> None:
    """Set the font; theme fonts are dropped, or Word would prefer them to the named one."""
    font = style.font
    font.name, font.size, font.color.rgb, font.bold, font.italic = FONT, Pt(size), colour, bold, italic
    rfonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attribute), None)
    _language(style.element.get_or_add_rPr())


def _spacing(style: BaseStyle, before: float, after: float, keep_with_next: bool = False) -> None:
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.keep_with_next = keep_with_next or None


def _paragraph_style(docx: DocxDocument, name: str, base: str) -> BaseStyle:
    styles = docx.styles
    if name in [s.name for s in styles]:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.quick_style = True
    return style


def _hyperlink_style(docx: DocxDocument) -> None:
    style = docx.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = ACCENT
    style.font.underline = True


def _note_style(docx: DocxDocument) -> None:
    note = _paragraph_style(docx, NOTE_STYLE, "Normal")
    note.paragraph_format.left_indent = Cm(0.4)
    note.paragraph_format.right_indent = Cm(0.4)
    note.element.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:left w:val="single" w:sz="24" w:space="8" w:color="0B5394"/></w:pBdr>'))
    note.element.get_or_add_pPr().append(parse_xml(
        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="F2F5F9"/>'))


def _table_style(docx: DocxDocument) -> None:
    """Light rules, roomy cells, a shaded header row or label column (applied through tblLook)."""
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="C9D3DF"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    margins = "".join(f'<w:{side} w:w="{w}" w:type="dxa"/>'
                      for side, w in (("top", 50), ("left", 100), ("bottom", 50), ("right", 100)))
    shaded = '<w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="F2F5F9"/></w:tcPr>'
    docx.styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{TABLE_STYLE}">'
        f'<w:name w:val="{TABLE_STYLE}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>'
        f'<w:tblPr><w:tblBorders>{border}</w:tblBorders><w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>'
        f'<w:tblStylePr w:type="firstRow">{shaded}</w:tblStylePr>'
        f'<w:tblStylePr w:type="firstCol">{shaded}</w:tblStylePr></w:style>'))


def apply_house_styles(docx: DocxDocument) -> None:
    rpr_default = docx.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _language(rpr_default)
    styles = docx.styles
    _font(styles["Normal"], 11)
    normal = styles["Normal"].paragraph_format
    normal.space_after, normal.line_spacing = Pt(6), 1.1
    for name, size, colour, before, after in (("Heading 1", 16, ACCENT, 20, 6), ("Heading 2", 12.5, ACCENT, 12, 4),
                                              ("Heading 3", 11, INK, 10, 3)):
        _font(styles[name], size, colour, bold=True, italic=False)
        _spacing(styles[name], before, after, keep_with_next=True)
    _font(styles["Title"], 24, ACCENT, bold=True)
    _spacing(styles["Title"], 6, 6)
    title_border = styles["Title"].element.pPr.find(qn("w:pBdr"))
    if title_border is not None:  # the default template underlines the title: the accent rule above it is ours
        styles["Title"].element.pPr.remove(title_border)
    _font(styles["Subtitle"], 10.5, MUTED, bold=True, italic=False)
    styles["Subtitle"].font.all_caps = True
    _spacing(styles["Subtitle"], 36, 4)
    version = _paragraph_style(docx, VERSION_STYLE, "Normal")
    _font(version, 10.5, MUTED)
    _spacing(version, 0, 18)
    for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2", "List Number 3",
                 "List Continue", "List Continue 2"):
        _spacing(styles[name], 0, 3)
    for name in ("Header", "Footer"):
        # One right tab at the margin: « organisation → document », « → Page X de Y ».
        _font(styles[name], 8.5, MUTED)
        tabs = styles[name].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    _font(styles["TOC Heading"], 16, ACCENT, bold=True)
    toc1 = _paragraph_style(docx, "TOC 1", "Normal")
    toc1.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    _spacing(toc1, 3, 3)
    _note_style(docx)
    _table_style(docx)
    _hyperlink_style(docx)


def page_setup(docx: DocxDocument) -> None:
    """Letter paper with the PDF's margins."""
    section = docx.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.3), Cm(2.2)
    section.different_first_page_header_footer = True


def columns(docx: DocxDocument, count: int) -> None:
    """What follows flows in `count` columns under the full-width title, as the PDF does."""
    docx.add_section(WD_SECTION.CONTINUOUS)
    cols = docx.sections[-1]._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        docx.sections[-1]._sectPr.append(cols)
    cols.set(qn("w:num"), str(count))
    cols.set(qn("w:space"), str(int(Cm(0.8).twips)))
