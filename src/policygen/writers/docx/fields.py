"""Word fields, header and footer: « Page X de Y » from PAGE and NUMPAGES fields, the running header."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from ...model.nodes import Document
from ..common import footer_line
from .blocks import add_text
from ..design import page_label_parts
from ..notes import draft_mark


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


def _page_number(paragraph: DocxParagraph, left: str = "", lang: str = "fr-CA") -> None:
    """`left` (the number and version, on inner pages) and « Page X de Y », right-aligned at the margin."""
    before, middle, after = page_label_parts(lang)
    paragraph.style = "Footer"
    add_text(paragraph, f"{left}\t{before}")  # « 1er » raised, as in the text
    _add_field(paragraph, "PAGE")
    paragraph.add_run(middle)
    _add_field(paragraph, "NUMPAGES")
    if after:
        paragraph.add_run(after)


def header_footer(docx: DocxDocument, document: Document, review: bool) -> None:
    """As in the PDF: organisation and document in the header, except on the title page; the number,
    version and page number in the footer of every page."""
    section = docx.sections[0]
    header = section.header.paragraphs[0]
    header.style = "Header"
    header.add_run(f"{document.organisation}\t{document.short_title}")
    _page_number(section.footer.paragraphs[0], footer_line(document), document.lang)
    _page_number(section.first_page_footer.paragraphs[0], footer_line(document), document.lang)
    # The draft mark heads every page after the title page, which carries it above the title (mark_draft):
    # twice on one page was redundant (LibreOffice showed both).
    if mark := draft_mark(document, review):
        section.header.paragraphs[0].insert_paragraph_before(mark, style="Header")
