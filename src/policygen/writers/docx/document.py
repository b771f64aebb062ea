"""Document model -> Word (.docx) with python-docx: the file laid out.

Reviewers work in Word, so structure is real Word structure: named styles
(styles), list styles with numbering that restarts for each list (blocks), a
table of contents already filled in (toc), a running header and a footer with
« Page X de Y » fields (fields), filled document properties, language fr-CA.
What the outline's layout asks for (table of contents, columns, title block)
is read from the model, never from the document's kind.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from ...model.nodes import FRONT_ROLES, Clause, Document, body_sections, front_matter
from ..common import anchor, table_of_contents, title_version
from ..common import heading as label_of
from ..design import labels
from ..notes import draft_mark
from ..options import WriterOptions
from ..pdf import page_numbers, placement
from . import lookups  # noqa: F401 (python-docx's style lookup made fast, for the whole process)
from . import runtext  # noqa: F401 (python-docx's run text set in pieces, for the whole process)
from .blocks import Lists, add_blocks, add_label, add_text, tag_language
from .bodymap import BLOCK, FRONT, SECTION, TITLE, TOC, BodyMap, Part
from .comments import comment_clause, mark_draft
from .fields import header_footer
from .package import save_docx
from .styles import LABEL_STYLE, VERSION_STYLE, apply_house_styles, box, columns, page_setup, set_language
from .toc import add_bookmark, add_toc


def _out_of_outline(paragraph: DocxParagraph) -> None:
    """A heading's look without its place in the navigation pane and an updated table of contents."""
    outline = OxmlElement("w:outlineLvl")  # body text
    outline.set(qn("w:val"), "9")
    paragraph._p.get_or_add_pPr().append(outline)


def _clause(docx: DocxDocument, clause: Clause, lists: Lists, placed: BodyMap, bookmarks: Iterator[int],
            front: bool = False) -> None:
    if clause.show_title:
        with placed.part(Part(TITLE, (clause.id,))):
            heading = docx.add_heading(level=2)
            add_label(heading, label_of(clause))
            if front:  # the notice's « Who can consult this page? », as the PDF's outline leaves it out
                _out_of_outline(heading)
            add_bookmark(heading, anchor(clause.id), next(bookmarks))
            placed.unit(heading._p)
    for index, block in enumerate(clause.blocks):
        with placed.part(Part(BLOCK, (clause.id, index))):
            add_blocks(docx, (block,), lists, noted=placed.unit)


PROPERTY_LIMIT = 255  # Word's (and python-docx's) limit on a core property


def _fit(text: str) -> str:
    """`text` within Word's property limit: a long name shortened with « … », not a failed build."""
    return text if len(text) <= PROPERTY_LIMIT else text[:PROPERTY_LIMIT - 1].rstrip() + "…"


def _properties(docx: DocxDocument, document: Document) -> None:
    props = docx.core_properties
    props.title = _fit(document.title)
    props.subject = _fit(document.subject)
    props.author = _fit(document.author)
    props.keywords = _fit(", ".join(document.keywords))
    props.language = document.lang
    props.last_modified_by = _fit(document.author)
    props.comments = ""
    props.revision = 1
    props.created = document.timestamp
    props.modified = document.timestamp
    props.last_printed = document.timestamp


def _page_break(docx: DocxDocument) -> None:
    docx.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


@contextmanager
def _line(placed: BodyMap, field: str) -> Iterator[Callable[[DocxParagraph], None]]:
    """A line of the front matter, the document's `field`: its part of the map, the paragraph its unit."""
    with placed.part(Part(FRONT, (field,))):
        yield lambda paragraph: placed.unit(paragraph._p)


def build_docx(document: Document, options: WriterOptions = WriterOptions()) -> DocxDocument:
    return laid_out(document, options)[0]


def laid_out(document: Document, options: WriterOptions = WriterOptions()) -> tuple[DocxDocument, BodyMap]:
    """Title block, identification table, table of contents, then the sections, as in the PDF;
    with the map of which body elements each part of the model became (`bodymap`)."""
    docx = new_docx()
    placed = BodyMap(docx.element.body)
    layout = document.layout
    apply_house_styles(docx, layout.compact, placement(document).step if layout.columns > 1 else None)
    set_language(docx, document.lang)
    page_setup(docx, layout.compact)
    _properties(docx, document)
    if mark := draft_mark(document, options.review):
        mark_draft(docx, mark)
    if layout.title_block:
        with _line(placed, "organisation") as unit:
            name = docx.add_paragraph(document.organisation, style="Subtitle")
            if document.organisation_lang:  # an English edition's French name
                tag_language(name.runs[0]._r, document.organisation_lang)
            unit(name)
    with _line(placed, "title") as unit:
        unit(docx.add_paragraph(document.title, style="Title"))
    if layout.title_block:
        with _line(placed, "version_line") as unit:
            unit(add_text(docx.add_paragraph(style=VERSION_STYLE), title_version(document)))
    lists = Lists(docx)
    body = docx.element.body
    toc = table_of_contents(document) if layout.toc else []
    bookmarks = itertools.count(1)  # Word bookmark ids, for the table of contents' links
    breaks, cuts = _columns(document)
    toc_written = columns_started = annexes_started = False
    for section in front_matter(document) + body_sections(document):  # each part found by its role
        front = section.role in FRONT_ROLES
        if toc and not front and not toc_written:
            toc_written = True
            _page_break(docx)
            with placed.part(Part(TOC)):
                add_toc(docx, toc, page_numbers(document), document.lang)
            _page_break(docx)
        first = len(body) - 1  # the body ends with its w:sectPr; new blocks go before it
        with placed.part(Part(SECTION, (section.id,))):
            if front:  # a label over the notice or the identification table, as in the PDF: no heading
                placed.unit(docx.add_paragraph(section.label, style=LABEL_STYLE)._p)
            else:
                heading = docx.add_heading(level=1)
                add_label(heading, label_of(section))
                add_bookmark(heading, f"s-{anchor(section.id)}", next(bookmarks))
                if (section.id, 0) in breaks:
                    _column_break(heading, breaks[section.id, 0])
                # The annexes start on a new page, as in the PDF.
                if layout.annex_page_break and section.annex and not annexes_started:
                    heading.paragraph_format.page_break_before = annexes_started = True
                placed.unit(heading._p)
        for index, clause in enumerate(section.clauses):
            if (section.id, index) in cuts:  # the rest of the box in the next column, under its heading again
                box([element for element in body[first:-1] if element.tag == qn("w:p")])
                first = len(body) - 1
                continued = labels(document.lang)["continued"]
                again = docx.add_heading(f"{section.label} ({continued})", level=1)
                _out_of_outline(again)
                _column_break(again, breaks[section.id, index])
            start = len(body) - 1
            _clause(docx, clause, lists, placed, bookmarks, front)
            if options.review:
                comment_clause(docx, clause, body[start:-1], document)
        if layout.compact and not front:
            box([element for element in body[first:-1] if element.tag == qn("w:p")])
        if layout.columns > 1 and not front and not columns_started:
            # The first section is the entry point, across the page as in the PDF; the rest in columns.
            columns(docx, layout.columns)  # a section break: one more paragraph, a part of the layout
            columns_started = True
    header_footer(docx, document, options.review)
    placed.close()
    return docx, placed


def _columns(document: Document) -> tuple[dict[tuple[str, int], int], set[tuple[str, int]]]:
    """Where the PDF's columns start, with how many columns each box moves on (an empty column is
    one more), and where it cuts a box (`pdf.placement`): the Word file breaks its columns at the
    same boxes, so both formats place them alike."""
    if document.layout.columns == 1:
        return {}, set()
    breaks: dict[tuple[str, int], int] = {}
    moves = -1  # the first column is where the columns start
    for column in (column for page in placement(document).placement for column in page):
        moves += 1
        if column:
            if moves:
                breaks[column[0]] = moves
            moves = 0
    return breaks, {piece for page in placement(document).placement for column in page for piece in column if piece[1]}


def _column_break(paragraph: DocxParagraph, count: int = 1) -> None:
    """The paragraph starts `count` columns on (column breaks before its text)."""
    for _ in range(count):
        run, stop = OxmlElement("w:r"), OxmlElement("w:br")
        stop.set(qn("w:type"), "column")
        run.append(stop)
        paragraph._p.get_or_add_pPr().addnext(run)


def write_docx(document: Document, path: Path, options: WriterOptions = WriterOptions()) -> None:
    path.write_bytes(save_docx(build_docx(document, options)))
