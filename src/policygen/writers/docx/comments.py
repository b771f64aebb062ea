"""Review mode in Word: the draft mark, and a comment with its provenance on every clause."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.run import Run

from ...model.nodes import Clause, Document
from ..common import anchor
from ..notes import AUTHOR, OBLIGATIONS, named_rows, note_text
from .toc import bookmark_name


def mark_draft(docx: DocxDocument, mark: str) -> None:
    """The draft mark (« PROJET — pour révision », « Projet ») above the title and as the file's status
    (the page headers after the title page carry it too: fields.header_footer)."""
    docx.add_paragraph(mark, style="Intense Quote")
    docx.core_properties.content_status = mark


def comment_clause(docx: DocxDocument, clause: Clause, elements: Sequence[Any], document: Document) -> None:
    """Anchor a Word comment on the runs the clause wrote (`elements`: its body elements)."""
    paragraphs = [p for element in elements for p in element.iter(qn("w:p"))]
    if not paragraphs:
        return
    # Empty runs at both ends hold the range, so it covers links at the edges too.
    start, end = OxmlElement("w:r"), OxmlElement("w:r")
    properties = paragraphs[0].find(qn("w:pPr"))
    if properties is None:
        paragraphs[0].insert(0, start)
    else:
        properties.addnext(start)
    paragraphs[-1].append(end)
    first, last = Run(start, docx._body), Run(end, docx._body)
    comment = docx.add_comment([first, last], note_text(clause.provenance), author=AUTHOR, initials="PG")
    comment._comment_elm.date = document.timestamp  # python-docx stamps the clock; builds must not
    if clause.provenance.obligations:
        _link_obligations(comment, clause.provenance.obligations)


def _link_obligations(comment: Any, obligations: Sequence[tuple[str, str]]) -> None:
    """The note's line on the law's obligations, each a link to its law's heading in the annex (a bookmark)."""
    paragraph = next(p for p in comment.paragraphs if p.text.startswith(OBLIGATIONS))
    for run in list(paragraph._p.iter(qn("w:r"))):
        run.getparent().remove(run)
    paragraph.add_run(OBLIGATIONS)
    named, others = named_rows(obligations)
    for index, (target, words) in enumerate(named):
        if index:
            paragraph.add_run(" ; ")
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), bookmark_name(anchor(target)))
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = words
        run.append(text)
        link.append(run)
        paragraph._p.append(link)
    paragraph.add_run(others + ".")
