"""Document model -> Word (.docx) with python-docx.

Reviewers work in Word, so structure is real Word structure: named styles
(docx_styles), list styles with numbering that restarts for each list, a
table of contents already filled in (docx_toc), a running header and a footer
with « Page X de Y » fields, filled document properties, language fr-CA.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from ...model.nodes import Block, Clause, Document, Emphasis, Heading, Inline, LineBreak, Link, ListBlock, Note, \
    Paragraph, Strong, Table, Text, inline_text
from ..html import anchor, clause_heading, safe_href, section_heading, table_of_contents, version_line
from ..notes import DRAFT_MARK
from .comments import comment_clause, mark_draft
from .package import reproducible_zip
from .styles import LANG, NOTE_STYLE, TABLE_STYLE, TEXT_WIDTH, VERSION_STYLE, apply_house_styles, page_setup, \
    two_columns
from .toc import add_bookmark, add_toc

Spans = dict[tuple, list]  # part of the model -> the body elements it became


def _add_field(paragraph: DocxParagraph, instruction: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", "1"), ("end", None)):
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
            run._r.append(element)
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
            run._r.append(element)
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            run._r.append(element)


def _page_number(paragraph: DocxParagraph) -> None:
    """« Page X de Y », right-aligned at the margin."""
    paragraph.style = "Footer"
    paragraph.add_run("\tPage ")
    _add_field(paragraph, "PAGE")
    paragraph.add_run(" de ")
    _add_field(paragraph, "NUMPAGES")


def _header_footer(docx: DocxDocument, document: Document) -> None:
    """As in the PDF: organisation and document in the header, except on the title page; page numbers on all."""
    section = docx.sections[0]
    header = section.header.paragraphs[0]
    header.style = "Header"
    header.add_run(f"{document.organisation}\t{document.short_title}")
    _page_number(section.footer.paragraphs[0])
    _page_number(section.first_page_footer.paragraphs[0])
    if document.review:  # the draft mark heads every page, the title page included
        for part in (section.header, section.first_page_header):
            part.paragraphs[0].insert_paragraph_before(DRAFT_MARK, style="Header")


def _hyperlink(paragraph: DocxParagraph, href: str, children: tuple[Inline, ...], bold: bool, italic: bool) -> None:
    rel = paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    paragraph._p.append(link)
    run = paragraph.add_run(inline_text(children), style="Hyperlink")
    run.bold, run.italic = bold or None, italic or None
    link.append(run._r)


def _inlines(paragraph: DocxParagraph, nodes: tuple[Inline, ...], bold: bool = False, italic: bool = False) -> None:
    for node in nodes:
        if isinstance(node, Text):
            run = paragraph.add_run(node.text)
            run.bold, run.italic = bold or None, italic or None
        elif isinstance(node, LineBreak):
            paragraph.add_run().add_break(WD_BREAK.LINE)
        elif isinstance(node, Emphasis):
            _inlines(paragraph, node.children, bold, True)
        elif isinstance(node, Strong):
            _inlines(paragraph, node.children, True, italic)
        elif isinstance(node, Link) and safe_href(node.href):
            _hyperlink(paragraph, node.href, node.children, bold, italic)
        elif isinstance(node, Link):
            _inlines(paragraph, node.children, bold, italic)


class _Lists:
    """Gives each list its own numbering instance, so « 1. » restarts at every list."""

    def __init__(self, docx: DocxDocument):
        self.docx = docx
        self.numbering = docx.part.numbering_part.element

    def new_num(self, style_name: str) -> int:
        style = self.docx.styles[style_name].element
        num_id = int(style.pPr.numPr.numId.val)
        abstract_id = self.numbering.num_having_numId(num_id).abstractNumId.val
        num = self.numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)


def _list_style(ordered: bool, depth: int) -> str:
    base = "List Number" if ordered else "List Bullet"
    return base if depth == 0 else f"{base} {min(depth + 1, 3)}"


def _blocks(docx: DocxDocument, blocks: tuple[Block, ...], lists: _Lists, depth: int = 0,
            style: str = "Normal") -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            _inlines(docx.add_paragraph(style=style if depth == 0 else "List Continue"), block.inlines)
        elif isinstance(block, Note):
            _blocks(docx, block.blocks, lists, depth, NOTE_STYLE)
        elif isinstance(block, Heading):
            _inlines(docx.add_heading(level=3), block.inlines)
        elif isinstance(block, ListBlock):
            _list(docx, block, lists, depth)
        elif isinstance(block, Table):
            _table(docx, block)


def _list(docx: DocxDocument, block: ListBlock, lists: _Lists, depth: int) -> None:
    style = _list_style(block.ordered, depth)
    num_id = lists.new_num(style) if block.ordered else None
    for item in block.items:
        first, *rest = item or (Paragraph(()),)
        paragraph = docx.add_paragraph(style=style)
        if num_id is not None:
            numpr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numpr.get_or_add_ilvl().val = 0
            numpr.get_or_add_numId().val = num_id
        if isinstance(first, Paragraph):
            _inlines(paragraph, first.inlines)
            _blocks(docx, tuple(rest), lists, depth + 1)
        else:
            _blocks(docx, tuple(item), lists, depth + 1)


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
        widths = (int(TEXT_WIDTH * 0.35), TEXT_WIDTH - int(TEXT_WIDTH * 0.35))
        for column, width in zip(table.columns, widths):
            column.width = width


def _table(docx: DocxDocument, block: Table) -> None:
    columns = max(len(block.header), *(len(r) for r in block.rows)) if block.rows else len(block.header)
    has_header = bool(block.header) and any(block.header)
    table = docx.add_table(rows=0, cols=columns)
    table.style = docx.styles[TABLE_STYLE]
    _table_look(table, header_row=has_header)
    for row_index, row in enumerate(((block.header,) if has_header else ()) + block.rows):
        cells = table.add_row().cells
        for cell, content in zip(cells, row):
            paragraph = cell.paragraphs[0]
            header_cell = (has_header and row_index == 0) or (not has_header and cell is cells[0])
            _inlines(paragraph, content, bold=header_cell)
        if has_header and row_index == 0:
            # Repeat the header row on each page and tell screen readers it is a header.
            tr_pr = table.rows[0]._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:tblHeader"))
    docx.add_paragraph()


def _clause(docx: DocxDocument, clause: Clause, lists: _Lists, spans: Spans) -> None:
    if clause.show_title:
        with _span(docx, spans, ("title", clause.id)):
            docx.add_heading(clause_heading(clause), level=2)
    for index, block in enumerate(clause.blocks):
        with _span(docx, spans, ("block", clause.id, index)):
            _blocks(docx, (block,), lists)


def _properties(docx: DocxDocument, document: Document) -> None:
    props = docx.core_properties
    props.title = document.title
    props.subject = document.subject
    props.author = document.author
    props.keywords = ", ".join(document.keywords)
    props.language = LANG
    props.last_modified_by = document.author
    props.comments = ""
    props.revision = 1
    props.created = document.timestamp
    props.modified = document.timestamp
    props.last_printed = document.timestamp


def _page_break(docx: DocxDocument) -> None:
    docx.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


@contextmanager
def _span(docx: DocxDocument, spans: Spans, key: tuple) -> Iterator[None]:
    """Records under `key` the body elements written inside the block (the body ends with its w:sectPr)."""
    body = docx.element.body
    start = len(body) - 1
    yield
    spans[key] = list(body[start:-1])


def build_docx(document: Document, spans: Spans | None = None) -> DocxDocument:
    """Title block, identification table, table of contents (politique), then the sections, as in the PDF.

    `spans`, when given, receives the body elements each part of the model became (for the redline):
    ("front",), ("toc",), ("section", id), ("title", clause id), ("block", clause id, index)."""
    spans = {} if spans is None else spans
    docx = new_docx()
    apply_house_styles(docx)
    page_setup(docx)
    _properties(docx, document)
    if document.review:
        mark_draft(docx)
    with _span(docx, spans, ("front",)):
        docx.add_paragraph(document.organisation, style="Subtitle")
        docx.add_paragraph(document.title, style="Title")
        docx.add_paragraph(version_line(document), style=VERSION_STYLE)
        if document.kind == "fiche-synthese":
            two_columns(docx)  # a section break: one more paragraph
    lists = _Lists(docx)
    body = docx.element.body
    toc = table_of_contents(document) if document.kind == "politique" else []
    bookmarks = 0
    for section in document.sections:
        if toc and section.role != "metadata" and not bookmarks:
            _page_break(docx)
            with _span(docx, spans, ("toc",)):
                add_toc(docx, toc)
            _page_break(docx)
        with _span(docx, spans, ("section", section.id)):
            heading = docx.add_heading(section_heading(section), level=1)
        if section.role != "metadata":
            bookmarks += 1
            add_bookmark(heading, f"s-{anchor(section.id)}", bookmarks)
        for clause in section.clauses:
            start = len(body) - 1  # the body ends with its w:sectPr; new blocks go before it
            _clause(docx, clause, lists, spans)
            if document.review:
                comment_clause(docx, clause, body[start:-1], document)
    _header_footer(docx, document)
    return docx


def write_docx(document: Document, path: Path) -> None:
    buffer = io.BytesIO()
    build_docx(document).save(buffer)
    path.write_bytes(reproducible_zip(buffer.getvalue()))
