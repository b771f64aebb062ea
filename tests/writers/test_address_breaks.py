"""An e-mail address is never broken at its hyphen in the PDF (reader4-en: « (prp@ciusss-/essai.qc.ca) »,
which a reader types without the hyphen and pdftotext reads as « prp@ciusssessai.qc.ca »): a line
breaks only before its « @ », and each side stays whole."""

from __future__ import annotations

import re

from pypdf import PdfReader

from policygen.model.nodes import Link, Paragraph, Section, Text
from policygen.writers import WRITERS
from policygen.writers.html import pieces, pieces_html
from samples import clause, document

ADDRESS = "prp@ciusss-essai.qc.ca"


def test_an_address_breaks_only_before_its_at_sign(tmp_path):
    # the same sentence behind ever longer lead-ins: the address meets the end of a line in some of them
    blocks = [Paragraph((Text("Écrivez" + " à la personne responsable" * (count // 4) + " x" * (count % 4) + " ("),
                         Link(f"mailto:{ADDRESS}", (Text(ADDRESS),)), Text(") pour toute question."))) for count in
              range(40)]
    path = tmp_path / "adresses.pdf"
    WRITERS["pdf"](document("politique", [Section("s", "Contacts", (clause("c", "Contacts", *blocks),))]), path)
    lines = [line.strip() for page in PdfReader(path).pages for line in page.extract_text().splitlines()]
    assert not [line for line in lines if re.search(r"ciusss-$", line)], lines  # never at the hyphen
    broken = [line for line in lines if line.endswith("(prp")]
    whole = [line for line in lines if ADDRESS in line]
    assert broken, "no lead-in brought the address to a line's end"
    assert len(whole) + len(broken) == 40, lines  # else whole, or cut before « @ » with its domain whole
    assert all(any(line.startswith("@ciusss-essai.qc.ca)") for line in lines) for _ in broken)


def test_the_html_keeps_the_address_text_and_link():
    html = pieces_html(pieces((Link(f"mailto:{ADDRESS}", (Text(ADDRESS),)),)))
    assert html == (f'<a href="mailto:{ADDRESS}"><span class="courriel">prp</span><wbr>'
                    '<span class="courriel">@ciusss-essai.qc.ca</span></a>')
    assert re.sub(r"<[^>]+>", "", html) == ADDRESS
