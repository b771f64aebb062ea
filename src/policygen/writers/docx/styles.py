"""The house styles of the Word files, built on python-docx's default template.

Reviewers restyle, compare and navigate by style, so every paragraph the
writer emits uses a real named Word style (Title, Heading 1-3, Normal, List
Bullet/Number, TOC 1, Hyperlink…) and the look is carried by those styles,
never by direct formatting. Every style is in French (fr-CA) for the spelling
checker; the typeface is the PDF's Lato, carried in the file (fonts), and
the sizes are the print stylesheet's, so Word pages like the PDF. A compact
layout (the fiche-synthèse) has the PDF's small type, narrow margins and
boxed sections: a band for the heading, a rule around the section.
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

from .fonts import FONT

LANG = "fr-CA"
TEXT_WIDTH = Cm(17.19)  # letter paper less the margins
TABLE_STYLE = "Tableau"
VERSION_STYLE = "Version"  # the line under the title: « Version du 27 avril 2018 »
NOTE_STYLE = "Note"  # a notice set apart: indented, ruled and shaded
LABEL_STYLE = "Étiquette"  # a small label over a block, never a heading (the identification block's)
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


# Sizes in points from print.css (regular, compact); Word's line spacing is a multiple of
# Lato's own line height (1.2 em), so 1.2 gives the PDF's 1.45 and 1.08 its 1.3.
SIZES = {
    False: {"text": 10.5, "line": 1.2, "after": 6, "h1": (14, 31, 10), "h2": (11.5, 16, 6), "h3": (10.5, 10, 3),
            "title": 22},
    True: {"text": 8, "line": 1.02, "after": 2, "h1": (10.5, 6, 3), "h2": (9, 4, 1), "h3": (9, 3, 1), "title": 17},
}


def _default_font(docx: DocxDocument) -> None:
    """Lato everywhere, theme fonts included (table styles and new text take the defaults)."""
    rpr_default = docx.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _language(rpr_default)
    rfonts = rpr_default.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr_default.insert(0, rfonts)
    for attribute in list(rfonts.attrib):
        del rfonts.attrib[attribute]
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attribute), FONT)


def _label_style(docx: DocxDocument) -> None:
    label = _paragraph_style(docx, LABEL_STYLE, "Normal")
    _font(label, 9, MUTED, bold=True)
    label.font.all_caps = True
    _spacing(label, 0, 3, keep_with_next=True)


def _band(style: BaseStyle) -> None:
    """The compact layout's section heading: white on the accent colour, as the PDF's boxes."""
    style.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="0B5394"/>'))


def apply_house_styles(docx: DocxDocument, compact: bool = False) -> None:
    _default_font(docx)
    styles = docx.styles
    sizes = SIZES[compact]
    _font(styles["Normal"], sizes["text"])
    normal = styles["Normal"].paragraph_format
    normal.space_after, normal.line_spacing = Pt(sizes["after"]), sizes["line"]
    for name, key, colour in (("Heading 1", "h1", ACCENT), ("Heading 2", "h2", ACCENT), ("Heading 3", "h3", INK)):
        size, before, after = sizes[key]
        _font(styles[name], size, colour, bold=True, italic=False)
        _spacing(styles[name], before, after, keep_with_next=True)
    if compact:
        _band(styles["Heading 1"])
    _font(styles["Title"], sizes["title"], ACCENT, bold=True)
    _spacing(styles["Title"], 6, 6)
    title_border = styles["Title"].element.pPr.find(qn("w:pBdr"))
    if title_border is not None:  # the default template underlines the title: the accent rule above it is ours
        styles["Title"].element.pPr.remove(title_border)
    _font(styles["Subtitle"], 10.5, MUTED, bold=True, italic=False)
    styles["Subtitle"].font.all_caps = True
    _spacing(styles["Subtitle"], 36, 4)
    version = _paragraph_style(docx, VERSION_STYLE, "Normal")
    _font(version, 10.5, MUTED)
    _spacing(version, 0, 26)
    for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2", "List Number 3",
                 "List Continue", "List Continue 2"):
        _spacing(styles[name], 0, 3)
    for name in ("Header", "Footer"):
        # One right tab at the margin: « organisation → document », « → Page X de Y ».
        _font(styles[name], 8.5, MUTED)
        tabs = styles[name].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(Cm(18.59) if compact else TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT)
    _font(styles["TOC Heading"], 16, ACCENT, bold=True)
    toc1 = _paragraph_style(docx, "TOC 1", "Normal")
    toc1.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    _spacing(toc1, 3, 3)
    _note_style(docx)
    _label_style(docx)
    _table_style(docx)
    _hyperlink_style(docx)


def page_setup(docx: DocxDocument, compact: bool = False) -> None:
    """Letter paper with the PDF's margins (narrower for a compact layout)."""
    section = docx.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)
    section.left_margin = section.right_margin = Cm(1.5 if compact else 2.2)
    section.top_margin, section.bottom_margin = (Cm(1.6), Cm(1.6)) if compact else (Cm(2.3), Cm(2.2))
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


def box(paragraphs: list) -> None:
    """Rule a compact section's paragraphs (w:p elements) into one box: sides on all, top on the first,
    bottom on the last."""
    for index, paragraph in enumerate(paragraphs):
        sides = ["left", "right"] + (["top"] if index == 0 else []) + (["bottom"] if index == len(paragraphs) - 1 else [])
        borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="4" w:color="C9D3DF"/>'
                          for side in ("top", "left", "bottom", "right") if side in sides)
        ppr = paragraph.get_or_add_pPr()
        old = ppr.find(qn("w:pBdr"))
        if old is not None:
            ppr.remove(old)
        ppr.insert_element_before(parse_xml(f'<w:pBdr {nsdecls("w")}>{borders}</w:pBdr>'),
                                  "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                                  "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                                  "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                                  "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                                  "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                                  "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
