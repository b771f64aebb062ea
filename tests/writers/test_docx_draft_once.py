"""« Projet » once on a Word draft's title page (reader4-en m16: LibreOffice showed it in the first page's
header and above the title), and at the head of every page after it."""

from __future__ import annotations

from dataclasses import replace

import docx

from policygen.writers import WRITERS


def test_a_word_drafts_title_page_says_projet_once(assembled, tmp_path):
    _, documents = assembled["clinique"]
    document = replace(documents["netiquette"], draft=True)  # as the build marks a file with values to confirm
    path = tmp_path / "netiquette.docx"
    WRITERS["docx"](document, path)
    section = docx.Document(path).sections[0]
    assert section.different_first_page_header_footer  # the title page has a header of its own
    first_page = [p.text for p in section.first_page_header.paragraphs] + [
        p.text for p in docx.Document(path).paragraphs[:3]]
    assert first_page.count("Projet") == 1, first_page
    assert docx.Document(path).paragraphs[0].text == "Projet"  # above the title, as in the PDF
    assert "Projet" in [p.text for p in section.header.paragraphs]  # every page after the title page
