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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.oxml.ns import qn

from ...model.nodes import Clause, Document
from ..html import anchor, table_of_contents
from ..options import WriterOptions
from ..pdf import page_numbers
from . import lookups  # noqa: F401 (python-docx's style lookup made fast, for the whole process)
from .blocks import Lists, add_blocks, add_text
from .comments import comment_clause, mark_draft
from .fields import header_footer
from .package import save_docx
from .styles import LABEL_STYLE, VERSION_STYLE, apply_house_styles, box, columns, page_setup, set_language
from .toc import add_bookmark, add_toc


Spans = dict[tuple, list]  # part of the model -> the body elements it became


def _clause(docx: DocxDocument, clause: Clause, lists: Lists, spans: Spans, bookmarks: Iterator[int]) -> None:
    if clause.show_title:
        with _span(docx, spans, ("title", clause.id)):
            add_bookmark(docx.add_heading(clause.label, level=2), anchor(clause.id), next(bookmarks))
    for index, block in enumerate(clause.blocks):
        with _span(docx, spans, ("block", clause.id, index)):
            add_blocks(docx, (block,), lists)


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
def _span(docx: DocxDocument, spans: Spans, key: tuple) -> Iterator[None]:
    """Records under `key` the body elements written inside the block (the body ends with its w:sectPr)."""
    body = docx.element.body
    start = len(body) - 1
    yield
    spans[key] = list(body[start:-1])


def build_docx(document: Document, options: WriterOptions = WriterOptions(),
               spans: Spans | None = None) -> DocxDocument:
    """Title block, identification table, table of contents, then the sections, as in the PDF.

    `spans`, when given, receives the body elements each part of the model became (for the redline):
    ("front",), ("toc",), ("section", id), ("title", clause id), ("block", clause id, index), and
    ("columns",), the section break after the first section where the columns start."""
    spans = {} if spans is None else spans
    docx = new_docx()
    layout = document.layout
    apply_house_styles(docx, layout.compact)
    set_language(docx, document.lang)
    page_setup(docx, layout.compact)
    _properties(docx, document)
    if options.review:
        mark_draft(docx)
    with _span(docx, spans, ("front",)):
        if layout.title_block:
            docx.add_paragraph(document.organisation, style="Subtitle")
        docx.add_paragraph(document.title, style="Title")
        if layout.title_block:
            add_text(docx.add_paragraph(style=VERSION_STYLE), document.version_line)
    lists = Lists(docx)
    body = docx.element.body
    toc = table_of_contents(document) if layout.toc else []
    bookmarks = itertools.count(1)  # Word bookmark ids, for the table of contents' links
    toc_written = columns_started = annexes_started = False
    for section in document.sections:
        if toc and section.role != "metadata" and not toc_written:
            toc_written = True
            _page_break(docx)
            with _span(docx, spans, ("toc",)):
                add_toc(docx, toc, page_numbers(document))
            _page_break(docx)
        first = len(body) - 1  # the body ends with its w:sectPr; new blocks go before it
        with _span(docx, spans, ("section", section.id)):
            if section.role == "metadata":  # a label over the identification table, as in the PDF: no heading
                docx.add_paragraph(section.label, style=LABEL_STYLE)
            else:
                heading = docx.add_heading(section.label, level=1)
                add_bookmark(heading, f"s-{anchor(section.id)}", next(bookmarks))
                # The annexes start on a new page, as in the PDF.
                if layout.annex_page_break and section.annex and not annexes_started:
                    heading.paragraph_format.page_break_before = annexes_started = True
        for clause in section.clauses:
            start = len(body) - 1
            _clause(docx, clause, lists, spans, bookmarks)
            if options.review:
                comment_clause(docx, clause, body[start:-1], document)
        if layout.compact and section.role != "metadata":
            box([element for element in body[first:-1] if element.tag == qn("w:p")])
        if layout.columns > 1 and section.role != "metadata" and not columns_started:
            # The first section is the entry point, across the page as in the PDF; the rest in columns.
            with _span(docx, spans, ("columns",)):
                columns(docx, layout.columns)  # a section break: one more paragraph
            columns_started = True
    header_footer(docx, document, options.review)
    return docx


def write_docx(document: Document, path: Path, options: WriterOptions = WriterOptions()) -> None:
    path.write_bytes(save_docx(build_docx(document, options)))
