"""A table of contents that Word shows filled in as soon as the file opens.

Word fills a TOC field only when asked to update it, and LibreOffice never on
opening; a reviewer would see an empty box or entries without numbers. So the
entries are written as the field's cached result: a « TOC 1 » paragraph per
section and a « TOC 2 » per titled clause, each a link to a bookmark on its
heading followed by its page number, the PDF's (Word's pages are the PDF's
within one). « Mettre à jour la table » in Word recounts them.
"""

from __future__ import annotations

import hashlib

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph

from ..design import labels
from ...model.nodes import Inline
from ..common import TocEntry
from .blocks import add_label


def bookmark_name(target: str) -> str:
    """Word bookmark names allow letters, digits and « _ », 40 at most; « _Toc » hides them from the list.
    A long target is cut and told apart by a digest of the whole (two clause ids may share 35 letters)."""
    name = "".join(c if c.isalnum() else "_" for c in target)
    if len(name) > 35:
        name = name[:26] + "_" + hashlib.sha256(target.encode("utf-8")).hexdigest()[:8]
    return "_Toc_" + name


def add_bookmark(paragraph: DocxParagraph, target: str, ident: int) -> None:
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), bookmark_name(target))
    end.set(qn("w:id"), str(ident))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)


def _field_char(paragraph: DocxParagraph, kind: str, instruction: str | None = None) -> None:
    run = paragraph.add_run()
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    run._r.append(char)
    if instruction:
        text = OxmlElement("w:instrText")
        text.set(qn("xml:space"), "preserve")
        text.text = f" {instruction} "
        paragraph.add_run()._r.append(text)


def internal_link(paragraph: DocxParagraph, target: str, label: tuple[Inline, ...]) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark_name(target))
    link.set(qn("w:history"), "1")
    paragraph._p.append(link)
    for run in add_label(paragraph, label, style="Hyperlink"):  # an English edition's French names tagged
        link.append(run._r)


def _page_reference(paragraph: DocxParagraph, target: str, page: int | None) -> None:
    """A tab to the dotted leader, then a PAGEREF field whose result is already the page number."""
    paragraph.add_run("\t")
    _field_char(paragraph, "begin", f"PAGEREF {bookmark_name(target)} \\h")
    _field_char(paragraph, "separate")
    paragraph.add_run(str(page) if page else "")
    _field_char(paragraph, "end")


def add_toc(docx: DocxDocument, entries: list[TocEntry], pages: dict[str, int], lang: str) -> None:
    """The heading, then one linked entry per section and titled clause, with its page number,
    inside a TOC field whose result is already there. `pages` are the PDF's (writers/pdf.py), so
    Word and LibreOffice show them on opening; « Mettre à jour la table » recounts them in Word."""
    docx.add_paragraph(labels(lang)["toc"], style="TOC Heading")  # « Contents » in an English edition
    lines = [(level, entry) for section in entries
             for level, entry in ((1, section), *((2, child) for child in section.children))]
    for index, (level, entry) in enumerate(lines):
        paragraph = docx.add_paragraph(style=f"TOC {level}")
        if index == 0:
            _field_char(paragraph, "begin", r'TOC \o "1-2" \h \z \u')
            _field_char(paragraph, "separate")
        internal_link(paragraph, entry.target, entry.heading)
        _page_reference(paragraph, entry.target, pages.get(entry.target))
        if index == len(lines) - 1:
            _field_char(paragraph, "end")
