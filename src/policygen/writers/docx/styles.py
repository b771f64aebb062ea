"""The house styles of the Word files, built on python-docx's default template.

Reviewers restyle, compare and navigate by style, so every paragraph the
writer emits uses a real named Word style (Title, Heading 1-3, Normal, List
Bullet/Number, TOC 1, Hyperlink…) and the look is carried by those styles,
never by direct formatting. Every style is in French (fr-CA) for the spelling
checker; the typeface is the PDF's Lato, carried in the file (fonts), and
the colours, sizes and margins are the print stylesheet's, read from the same design
values (writers/design.py), so Word pages like the PDF. A compact
layout (the fiche-synthèse) has the PDF's small type, narrow margins and
boxed sections: a band for the heading, a rule around the section.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor
from docx.styles.style import BaseStyle

from ..design import Step, colour, design, sizes, word_line
from .fonts import FONT

LANG = "fr-CA"
TABLE_STYLE = "Tableau"
VERSION_STYLE = "Version"  # the line under the title: « Version du 27 avril 2018 »
NOTE_STYLE = "Note"  # a paragraph of a notice set apart
NOTE_BOX_STYLE = "Encadré"  # the one-cell table that holds a notice: ruled and shaded
LABEL_STYLE = "Étiquette"  # a small label over a block, never a heading (the identification block's)
INK, MUTED, ACCENT, ON_ACCENT = (RGBColor.from_string(colour(name)) for name in ("ink", "muted", "accent", "on_accent"))


def text_width(compact: bool) -> int:
    """The page's width less its side margins (EMU)."""
    top, right, bottom, left = sizes(compact)["margins_cm"]
    return Cm(design()["page"]["width_cm"] - right - left)


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
    """A notice set apart, as in the PDF: a one-cell table ruled all round (a thick left rule) and
    shaded, whose paragraphs keep together (blocks.py puts them in it)."""
    note = _paragraph_style(docx, NOTE_STYLE, "Normal")
    note.paragraph_format.keep_together = True
    note.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    sides = "".join(f'<w:{side} w:val="single" w:sz="{24 if side == "left" else 6}" w:space="0" '
                    f'w:color="{colour("accent")}"/>' for side in ("top", "left", "bottom", "right"))
    margins = "".join(f'<w:{side} w:w="{w}" w:type="dxa"/>'
                      for side, w in (("top", 100), ("left", 180), ("bottom", 60), ("right", 180)))
    docx.styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{NOTE_BOX_STYLE}">'
        f'<w:name w:val="{NOTE_BOX_STYLE}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
        f'<w:tblPr><w:tblBorders>{sides}</w:tblBorders><w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{colour("panel")}"/></w:tcPr></w:style>'))


def _table_style(docx: DocxDocument) -> None:
    """Light rules, roomy cells, a shaded header row or label column (applied through tblLook)."""
    border = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{colour("rule")}"/>'
                     for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    margins = "".join(f'<w:{side} w:w="{w}" w:type="dxa"/>'
                      for side, w in (("top", 50), ("left", 100), ("bottom", 50), ("right", 100)))
    shaded = f'<w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{colour("panel")}"/></w:tcPr>'
    size = int(design()["layouts"]["table"] * 2)
    docx.styles.element.append(parse_xml(
        f'<w:style {nsdecls("w")} w:type="table" w:customStyle="1" w:styleId="{TABLE_STYLE}">'
        f'<w:name w:val="{TABLE_STYLE}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        f'<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
        f'<w:tblPr><w:tblBorders>{border}</w:tblBorders><w:tblCellMar>{margins}</w:tblCellMar></w:tblPr>'
        f'<w:tblStylePr w:type="firstRow">{shaded}</w:tblStylePr>'
        f'<w:tblStylePr w:type="firstCol">{shaded}</w:tblStylePr></w:style>'))




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
    _font(label, design()["layouts"]["label"], MUTED, bold=True)
    label.font.all_caps = True
    _spacing(label, 0, 3, keep_with_next=True)


def _band(style: BaseStyle) -> None:
    """The compact layout's section heading: white on the accent colour, as the PDF's boxes."""
    style.font.color.rgb = ON_ACCENT
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{colour("accent")}"/>'))


def set_language(docx: DocxDocument, lang: str) -> None:
    """Every language mark of the styles and settings to `lang` (an English edition's en-CA)."""
    for element in (docx.styles.element, docx.settings.element):
        for mark in element.iter(qn("w:lang"), qn("w:themeFontLang")):
            for attribute in ("w:val", "w:eastAsia", "w:bidi"):
                if mark.get(qn(attribute)) is not None:
                    mark.set(qn(attribute), lang)


def apply_house_styles(docx: DocxDocument, compact: bool = False, step: Step | None = None) -> None:
    """The styles; a compact layout's at the size and line height the PDF chose (writers/columns.py: `fit`)."""
    _default_font(docx)
    styles = docx.styles
    values, width = sizes(compact, step), text_width(compact)
    _font(styles["Normal"], values["text"])
    normal = styles["Normal"].paragraph_format
    normal.space_after, normal.line_spacing = Pt(values["after"]), word_line(compact, values["line"])
    # Justified as in the PDF, except a compact layout's narrow columns (ragged there too).
    normal.alignment = WD_ALIGN_PARAGRAPH.LEFT if compact else WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, key, ink in (("Heading 1", "section", ACCENT), ("Heading 2", "clause", ACCENT),
                           ("Heading 3", "subheading", INK)):
        heading = values[key]
        _font(styles[name], heading["size"], ink, bold=True, italic=False)
        _spacing(styles[name], heading["before"], heading["after"], keep_with_next=True)
        styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    if compact:
        _band(styles["Heading 1"])
    _font(styles["Title"], values["title"], ACCENT, bold=True)
    _spacing(styles["Title"], 6, 6)
    title_border = styles["Title"].element.pPr.find(qn("w:pBdr"))
    if title_border is not None:  # the default template underlines the title: the accent rule above it is ours
        styles["Title"].element.pPr.remove(title_border)
    _font(styles["Subtitle"], values["subtitle"], MUTED, bold=True, italic=False)
    styles["Subtitle"].font.all_caps = True
    # A compact layout's rule sits at the top margin, as the PDF's: its first page has no room to spare.
    _spacing(styles["Subtitle"], 0 if compact else 36, 4)
    # The accent rule above the title block, as the PDF's (6 pt, 0.9 cm above the organisation).
    styles["Subtitle"].element.get_or_add_pPr().append(parse_xml(
        f'<w:pBdr {nsdecls("w")}><w:top w:val="single" w:sz="48" w:space="18" w:color="{colour("accent")}"/></w:pBdr>'))
    # The draft mark (docx/comments.py) takes a line above the title block as the PDF's small framed mark
    # does, not the default quote's indents and 24 pt of spacing, which pushed a fiche's first page down.
    mark = styles["Intense Quote"].paragraph_format
    mark.space_before, mark.space_after, mark.left_indent, mark.right_indent = Pt(0), Pt(4), Cm(0), Cm(0)
    version = _paragraph_style(docx, VERSION_STYLE, "Normal")
    _font(version, values["subtitle"], MUTED)
    _spacing(version, 0, 26)
    for name in ("List Bullet", "List Bullet 2", "List Bullet 3", "List Number", "List Number 2", "List Number 3",
                 "List Continue", "List Continue 2"):
        # Spaced as the PDF's items (a compact layout's as its paragraphs, growing with the body), between
        # items too: Word's list styles drop the space between paragraphs of one style (contextual spacing),
        # which made every Word list tighter than the PDF's and a fiche's column end higher in LibreOffice.
        _spacing(styles[name], 0, values["after"] if compact else 3)
        for contextual in styles[name].element.get_or_add_pPr().findall(qn("w:contextualSpacing")):
            contextual.getparent().remove(contextual)
        # Ragged and indented as the PDF's lists: the text 1.6 em in (1.1 em in a compact layout),
        # 1.2 em more a level, the marker in the hanging indent.
        level = int(name[-1]) - 1 if name[-1].isdigit() else 0
        indent = (1.1 if compact else 1.6) + 1.2 * level
        styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        if name.startswith(("List Bullet", "List Number")):
            _list_indent(docx, name, indent * values["text"], 0.9 * values["text"])
    for name in ("Header", "Footer"):
        # One right tab at the margin: « organisation → document », « → Page X de Y ».
        _font(styles[name], design()["layouts"]["running"], MUTED)
        tabs = styles[name].paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    _font(styles["TOC Heading"], values["section"]["size"], ACCENT, bold=True)
    for level, indent in ((1, 0), (2, 0.5)):
        toc = _paragraph_style(docx, f"TOC {level}", "Normal")
        toc.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        toc.paragraph_format.left_indent = Cm(indent)
        toc.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
        entries = design()["layouts"]["regular"]["toc"]  # as the PDF's (print.css)
        _spacing(toc, entries["entry"] if level == 1 else 0, 0 if level == 1 else entries["sub_entry"])
        toc.paragraph_format.line_spacing = word_line(False, entries["line"])
    _settings(docx)
    _note_style(docx)
    _label_style(docx)
    _table_style(docx)
    _hyperlink_style(docx)


def _list_indent(docx: DocxDocument, name: str, left: float, hanging: float) -> None:
    """The list style's own numbering level carries its indents (they win over the style's): the
    text `left` points in, the marker `hanging` points before it."""
    numbering = docx.part.numbering_part.element
    abstract = numbering.num_having_numId(docx.styles[name].element.pPr.numPr.numId.val).abstractNumId.val
    level = next(a for a in numbering.findall(qn("w:abstractNum"))
                 if a.get(qn("w:abstractNumId")) == str(abstract)).find(qn("w:lvl"))
    ind = level.find(qn("w:pPr")).find(qn("w:ind"))
    ind.set(qn("w:left"), str(round(left * 20)))
    ind.set(qn("w:hanging"), str(round(hanging * 20)))


def _settings(docx: DocxDocument) -> None:
    """French (Canada) settings: decimal comma, list separator « ; », theme fonts' language."""
    settings = docx.settings.element
    for name, value in (("decimalSymbol", ","), ("listSeparator", ";")):
        element = settings.find(qn(f"w:{name}"))
        if element is not None:
            element.set(qn("w:val"), value)
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.attrib.clear()
        theme.set(qn("w:val"), LANG)


def page_setup(docx: DocxDocument, compact: bool = False) -> None:
    """Letter paper with the PDF's margins (narrower for a compact layout)."""
    section = docx.sections[0]
    page = design()["page"]
    section.page_width, section.page_height = Cm(page["width_cm"]), Cm(page["height_cm"])
    top, right, bottom, left = (Cm(m) for m in sizes(compact)["margins_cm"])
    section.top_margin, section.right_margin, section.bottom_margin, section.left_margin = top, right, bottom, left
    # The running head and the footer sit in the margins, 1 cm from the text (a line of them and a gap).
    section.header_distance, section.footer_distance = top - Cm(1), bottom - Cm(1)
    section.different_first_page_header_footer = True


def columns(docx: DocxDocument, count: int) -> None:
    """What follows flows in `count` columns under the full-width title, as the PDF does."""
    docx.add_section(WD_SECTION.CONTINUOUS)
    cols = docx.sections[-1]._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        docx.sections[-1]._sectPr.append(cols)
    cols.set(qn("w:num"), str(count))
    cols.set(qn("w:space"), str(int(Cm(design()["layouts"]["column_gap_cm"]).twips)))


# The elements that follow w:keepNext in a w:pPr (ECMA-376 sequence).
_AFTER_KEEP_NEXT = ("w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
                    "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku",
                    "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                    "w:pPrChange")


def box(paragraphs: list) -> None:
    """Rule a compact section's paragraphs (w:p elements) into one box; each kept with the next, so the
    box stays whole in one column, as in the PDF. Every paragraph carries the same four sides: Word and
    LibreOffice join paragraphs of equal borders into one box (top over the first, bottom under the
    last); paragraphs of different borders, each its own, were drawn as segments in LibreOffice. The
    heading's band is ruled in its own colour: a box then never joins the one above it."""
    def borders(name: str) -> str:
        return "".join(f'<w:{side} w:val="single" w:sz="4" w:space="4" w:color="{colour(name)}"/>'
                       for side in ("top", "left", "bottom", "right"))
    for index, paragraph in enumerate(paragraphs):
        if index < len(paragraphs) - 1 and paragraph.get_or_add_pPr().find(qn("w:keepNext")) is None:
            paragraph.get_or_add_pPr().insert_element_before(
                OxmlElement("w:keepNext"), *_AFTER_KEEP_NEXT)
        ppr = paragraph.get_or_add_pPr()
        old = ppr.find(qn("w:pBdr"))
        if old is not None:
            ppr.remove(old)
        ppr.insert_element_before(parse_xml(f'<w:pBdr {nsdecls("w")}>{borders("accent" if index == 0 else "rule")}</w:pBdr>'),
                                  "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                                  "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                                  "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                                  "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                                  "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                                  "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
