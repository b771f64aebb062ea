"""The document's number in the footer of every page, as the register has it: in the PDF's
running footer, in Word's footer and at the foot of the web page."""

from __future__ import annotations

import zipfile

from readback import html_text, pdf_pages
from reviewkit import FIXTURE_ORG, fixture_documents
from policygen.writers.docx.document import write_docx
from policygen.writers.html import write_html
from policygen.writers.pdf import write_pdf

NUMBER = "POL-ESSAI-1"  # revision.numero of the fixture


def test_the_footer_carries_the_documents_number_and_version_in_every_format(tmp_path):
    assert f"numero: {NUMBER}" in FIXTURE_ORG.read_text(encoding="utf-8")
    _, [document] = fixture_documents()
    assert document.number == NUMBER
    footer = f"{NUMBER} — {document.version_line}"
    for write, name in ((write_docx, "p.docx"), (write_pdf, "p.pdf"), (write_html, "p.html")):
        write(document, tmp_path / name)

    with zipfile.ZipFile(tmp_path / "p.docx") as archive:
        footers = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("word/footer")]
    assert len(footers) == 2  # the title page's and the other pages': both carry the number and version
    assert all(NUMBER in f and document.version_line in f for f in footers)

    pages = pdf_pages(tmp_path / "p.pdf")
    assert len(pages) > 1
    def edges(page):  # the running head's line and the footer's
        lines = {y for y, text in page if text.strip()}
        return [" ".join(text for y, text in page if y == edge) for edge in (min(lines), max(lines))]
    assert all(any(NUMBER in e and "Version du" in e for e in edges(page)) for page in pages)

    page = (tmp_path / "p.html").read_text(encoding="utf-8")
    assert f'<footer class="doc-footer">\n<p>{footer}</p>' in page
    assert footer not in html_text(tmp_path / "p.html")  # the screen's footer, not the text the formats share
