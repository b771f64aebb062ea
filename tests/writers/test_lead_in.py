"""A sentence that announces a contact (« …ou pour toute question : ») is never left at the foot of a page
while the contact it announces opens the next one (reader4-en m5: an English nétiquette's contact block
alone on its last page), in the PDF and in Word."""

from __future__ import annotations

import docx
from pypdf import PdfReader

from policygen.model.nodes import LineBreak, Paragraph, Section, Text
from policygen.writers import WRITERS
from samples import clause, document, paragraph

LEAD_IN = "Pour signaler un commentaire contraire à la nétiquette ou pour toute question :"
CONTACT = Paragraph((Text("Service des communications"), LineBreak(), Text("Téléphone : 450 555-0100")))


def _with_filler(lines: int):
    return document("netiquette", [Section("s", "Nous joindre", (
        clause("a", "Texte", *[paragraph(1, i) for i in range(lines)]),
        clause("b", "Nous joindre", Paragraph((Text(LEAD_IN),)), CONTACT)))])


def test_the_lead_in_and_its_contact_share_a_page_in_the_pdf(tmp_path):
    split = []
    for lines in range(14, 34):  # the lead-in meets the foot of page 1 for some of these
        path = tmp_path / f"{lines}.pdf"
        WRITERS["pdf"](_with_filler(lines), path)
        pages = [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]
        lead = next(i for i, text in enumerate(pages) if "ou pour toute question :" in text)
        contact = next(i for i, text in enumerate(pages) if "Téléphone : 450 555-0100" in text)
        if lead != contact:
            split.append(lines)
    assert not split, split


def test_the_lead_in_is_kept_with_its_contact_in_word(tmp_path):
    path = tmp_path / "contact.docx"
    WRITERS["docx"](_with_filler(3), path)
    lead = next(p for p in docx.Document(path).paragraphs if p.text.startswith("Pour signaler un commentaire"))
    assert lead.paragraph_format.keep_with_next
    other = next(p for p in docx.Document(path).paragraphs if p.text.startswith("Service des communications"))
    assert not other.paragraph_format.keep_with_next
