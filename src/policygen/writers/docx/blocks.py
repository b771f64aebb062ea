"""The model's blocks and inlines as Word paragraphs, lists, tables, runs and hyperlinks, in house styles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK, WD_COLOR_INDEX
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run

from ...model.nodes import Block, Emphasis, Foreign, Heading, Inline, LineBreak, Link, ListBlock, Note, Paragraph, \
    Strong, Table, Text, ToConfirm, inline_text
from ..common import in_format, language_runs, leads_in, safe_href
from ..typeset import ordinal_runs
from .styles import NOTE_BOX_STYLE, NOTE_STYLE, TABLE_STYLE

# Told of each unit of the model as written: its element (a w:p, a table row's w:tr) and its cells' paragraphs.
Noted = Callable[..., None]


def _unnoted(element, cells=None) -> None:
    pass


def _run(paragraph: DocxParagraph, text: str, bold: bool, italic: bool, highlight: bool,
         style: str | None = None) -> Run:
    run = paragraph.add_run(text, style=style)
    run.bold, run.italic = bold or None, italic or None
    if highlight:  # a value to confirm
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    return run


def _text(paragraph: DocxParagraph, text: str, bold: bool, italic: bool, highlight: bool) -> None:
    """Plain text as runs, « 1er » with its suffix raised."""
    for piece, raised in ordinal_runs(text):
        run = _run(paragraph, piece, bold, italic, highlight)
        if raised:
            run.font.superscript = True


def add_text(paragraph: DocxParagraph, text: str) -> DocxParagraph:
    """A line the writer composes (the version line) typeset like the clauses' text."""
    _text(paragraph, text, False, False, False)
    return paragraph


def tag_language(run: Any, lang: str) -> None:
    """A run's language (w:lang on its `w:r`), where it is not the document's: a French name in an English
    edition."""
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), lang)
    run.get_or_add_rPr().append(language)


def add_label(paragraph: DocxParagraph, label: tuple[Inline, ...], style: str | None = None) -> list[Run]:
    """A heading's or a table of contents entry's label (`common.heading`), a run for each language."""
    runs = []
    for text, lang in language_runs(label):
        runs.append(paragraph.add_run(text, style=style))
        if lang:
            tag_language(runs[-1]._r, lang)
    return runs


def _hyperlink(paragraph: DocxParagraph, href: str, children: tuple[Inline, ...], bold: bool, italic: bool,
               highlight: bool) -> None:
    rel = paragraph.part.relate_to(in_format(href, "docx"), RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    paragraph._p.append(link)
    link.append(_run(paragraph, inline_text(children), bold, italic, highlight, style="Hyperlink")._r)


def _inlines(paragraph: DocxParagraph, nodes: tuple[Inline, ...], bold: bool = False, italic: bool = False,
             highlight: bool = False) -> None:
    for node in nodes:
        if isinstance(node, Text):
            _text(paragraph, node.text, bold, italic, highlight)
        elif isinstance(node, LineBreak):
            paragraph.add_run().add_break(WD_BREAK.LINE)
        elif isinstance(node, Emphasis):
            _inlines(paragraph, node.children, bold, True, highlight)
        elif isinstance(node, Strong):
            _inlines(paragraph, node.children, True, italic, highlight)
        elif isinstance(node, Link) and safe_href(node.href):
            _hyperlink(paragraph, node.href, node.children, bold, italic, highlight)
        elif isinstance(node, Link):
            _inlines(paragraph, node.children, bold, italic, highlight)
        elif isinstance(node, ToConfirm):
            _inlines(paragraph, node.children, bold, italic, True)
            paragraph.add_run(node.mention).italic = True
        elif isinstance(node, Foreign):
            before = len(paragraph._p.xpath(".//w:r"))  # a hyperlink's runs are inside it, not the paragraph's
            _inlines(paragraph, node.children, bold, italic, highlight)
            for run in paragraph._p.xpath(".//w:r")[before:]:
                tag_language(run, node.lang)


class Lists:
    """Gives each list its own numbering instance, so « 1. » restarts at every list."""

    def __init__(self, docx: DocxDocument):
        self.docx = docx
        self.numbering = docx.part.numbering_part.element

    def new_num(self, style_name: str, start: int = 1) -> int:
        style = self.docx.styles[style_name].element
        num_id = int(style.pPr.numPr.numId.val)
        abstract_id = self.numbering.num_having_numId(num_id).abstractNumId.val
        num = self.numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)  # a list that goes on from another (as HTML's start)
        return int(num.numId)


def _list_style(ordered: bool, depth: int) -> str:
    base = "List Number" if ordered else "List Bullet"
    return base if depth == 0 else f"{base} {min(depth + 1, 3)}"


def add_blocks(docx: DocxDocument, blocks: tuple[Block, ...], lists: Lists, depth: int = 0,
               style: str = "Normal", noted: Noted = _unnoted) -> None:
    """The blocks at the end of the body; `noted` is told of each paragraph, item and row written."""
    for block in blocks:
        if isinstance(block, Paragraph):
            paragraph = docx.add_paragraph(style=style if depth == 0 else "List Continue")
            _inlines(paragraph, block.inlines)
            if leads_in(block.inlines):
                paragraph.paragraph_format.keep_with_next = True
            noted(paragraph._p)
        elif isinstance(block, Note):
            _note(docx, block, lists, depth, noted)
        elif isinstance(block, Heading):
            heading = docx.add_heading(level=3)
            _inlines(heading, block.inlines)
            noted(heading._p)
        elif isinstance(block, ListBlock):
            _list(docx, block, lists, depth, noted)
        elif isinstance(block, Table):
            _table(docx, block, noted)


def _note(docx: DocxDocument, block: Note, lists: Lists, depth: int, noted: Noted) -> None:
    """A notice set apart (the emergency notice): its paragraphs and lists in one ruled, shaded cell
    whose row never splits, so the box stays whole on one page, as in the PDF."""
    table = docx.add_table(rows=1, cols=1)
    table.style = docx.styles[NOTE_BOX_STYLE]
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    body = docx.element.body
    start = len(body) - 1
    add_blocks(docx, block.blocks, lists, depth, NOTE_STYLE, noted)
    cell = table.rows[0].cells[0]._tc
    cell.remove(cell.findall(qn("w:p"))[0])
    for element in list(body[start:-1]):
        cell.append(element)
    docx.add_paragraph()  # Word needs a paragraph between two tables; it spaces the box from what follows


def _list(docx: DocxDocument, block: ListBlock, lists: Lists, depth: int, noted: Noted) -> None:
    style = _list_style(block.ordered, depth)
    num_id = lists.new_num(style, block.start) if block.ordered else None
    for item in block.items:
        first, *rest = item or (Paragraph(()),)
        paragraph = docx.add_paragraph(style=style)
        if num_id is not None:
            numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().val = 0
            numpr.get_or_add_numId().val = num_id
        if isinstance(first, Paragraph):
            _inlines(paragraph, first.inlines)
            noted(paragraph._p)
            add_blocks(docx, tuple(rest), lists, depth + 1, noted=noted)
        else:
            add_blocks(docx, tuple(item), lists, depth + 1, noted=noted)


def _table_look(table: DocxTable, header_row: bool) -> None:
    """Which parts of the table style apply: the header row, or else the label column (then 35 % wide)."""
    look = table._tbl.tblPr.find(qn("w:tblLook"))  # python-docx's blank table has one: set it, never add another
    if look is None:
        look = OxmlElement("w:tblLook")
        table._tbl.tblPr.append(look)
    flags = {"firstRow": header_row, "firstColumn": not header_row, "lastRow": False, "lastColumn": False,
             "noHBand": True, "noVBand": True}
    for name, on in flags.items():
        look.set(qn(f"w:{name}"), "1" if on else "0")
    look.set(qn("w:val"), f"{0x0020 * header_row + 0x0080 * (not header_row) + 0x0600:04X}")
    if not header_row and len(table.columns) == 2:
        section = table.part.document.sections[-1]
        width = section.page_width - section.left_margin - section.right_margin
        widths = (int(width * 0.35), width - int(width * 0.35))
        for column, width in zip(table.columns, widths):
            column.width = width


def _table(docx: DocxDocument, block: Table, noted: Noted) -> None:
    columns = max(len(block.header), *(len(r) for r in block.rows)) if block.rows else len(block.header)
    has_header = bool(block.header) and any(block.header)
    table = docx.add_table(rows=0, cols=columns)
    table.style = docx.styles[TABLE_STYLE]
    _table_look(table, header_row=has_header)
    for row_index, row in enumerate(((block.header,) if has_header else ()) + block.rows):
        added = table.add_row()
        cells = added.cells
        for cell, content in zip(cells, row):
            paragraph = cell.paragraphs[0]
            header_cell = (has_header and row_index == 0) or (not has_header and cell is cells[0])
            _inlines(paragraph, content, bold=header_cell)
        if has_header and row_index == 0:
            # Repeat the header row on each page and tell screen readers it is a header.
            tr_pr = table.rows[0]._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:tblHeader"))
        noted(added._tr, tuple(cell.paragraphs[0]._p for cell, _ in zip(cells, row)))  # short rows are padded
    docx.add_paragraph()
