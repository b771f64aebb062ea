"""What tools no one here wrote say of the outputs: LibreOffice (a stand-in for Word) lays
out the shipped bodies' Word files in about as many pages as their PDFs, every body's fiche-synthèse
on one sheet recto verso at its type size (its length is each body's own), the table of contents
with the pages LibreOffice shows; two PDF/UA checkers from PyPI (page-validation's PDF/UA-1 profile,
outloud) accept the PDFs. Both read a sample of the session's build that holds every layout and
language: one document of each kind, each from another organisation (`sample_files`), every English
edition and, for LibreOffice, every fiche."""

from __future__ import annotations

import re
from pathlib import Path

import page
import pytest
from pypdf import PdfReader

from conftest import sample_files, word_files
from pagelayout import column_ends
from readback import body_size


def _pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def _as_word(word_as_pdf: Path, docx: Path) -> Path:
    return word_as_pdf / docx.parent.name / f"{docx.stem}.pdf"


def _word_pages(word_as_pdf: Path, docx: Path) -> int:
    return _pages(_as_word(word_as_pdf, docx))


def test_fiche_synthese_is_one_sheet_recto_verso_in_libreoffice(built, word_as_pdf):
    for docx in word_files(built):
        if docx.stem == "fiche-synthese":
            assert _word_pages(word_as_pdf, docx) == 2 == _pages(docx.with_suffix(".pdf")), docx


def test_the_fiche_last_page_columns_end_together_in_libreoffice(built, word_as_pdf):
    """Word breaks its columns where the PDF does (writers/docx/document.py): page 2's two columns end
    together in LibreOffice too, not one full column beside a short one."""
    for docx in word_files(built):
        if docx.stem == "fiche-synthese":
            left, right = column_ends(_as_word(word_as_pdf, docx), 2)
            assert abs(left - right) <= 0.15, (docx, left, right)


def test_the_fiche_fills_its_two_pages_in_libreoffice(built, word_as_pdf):
    """The Word file takes the size the PDF chose (writers/columns.py: `fit`): the same body size in
    both, page 2's columns each at least 60 % down the page."""
    for docx in word_files(built):
        if docx.stem == "fiche-synthese":
            word = _as_word(word_as_pdf, docx)
            assert body_size(word) == body_size(docx.with_suffix(".pdf")) >= 9.5, docx
            assert min(column_ends(word, 2)) >= 0.6, (docx, column_ends(word, 2))


def test_word_files_lay_out_like_the_pdfs_in_libreoffice(built, word_as_pdf):
    """Within one page of the PDF, and the fiche's type at its size in both. (The fiche's pages:
    two in both once its text fits them, test_fiche_synthese_is_one_sheet_recto_verso_in_libreoffice.)"""
    for docx in word_files(built):
        word, pdf = _word_pages(word_as_pdf, docx), _pages(docx.parent / f"{docx.stem}.pdf")
        assert abs(word - pdf) <= 1, (docx, word, pdf)
        if docx.stem == "fiche-synthese":
            assert body_size(_as_word(word_as_pdf, docx)) >= 9.5, docx


def test_word_table_of_contents_shows_page_numbers_in_libreoffice(built, word_as_pdf):
    """LibreOffice never updates a table of contents on opening: the numbers it shows are those the
    file carries: the PDF's pages (writers/docx/toc.py). Each entry has one, and its heading is on
    that page of LibreOffice's layout or within two of it (LibreOffice sets a page of the long
    politique a little tighter than the PDF: up to two pages apart by its last annex)."""
    for docx in word_files(built):
        if docx.stem != "politique":
            continue
        pages = [page.extract_text() for page in PdfReader(str(_as_word(word_as_pdf, docx))).pages]
        toc_pages = [i for i, text in enumerate(pages) if re.search(r"\.{10,}", text)]
        toc = "\n".join(pages[i] for i in toc_pages)
        entries = re.findall(r"^(\S.+?)\.{3,}\s*(\d+)$", toc, re.M)
        assert len(entries) >= 20, (docx, toc[:500])
        for label, number in entries:
            # a long heading wraps (after a hyphen, too): lines are joined before looking for it
            shown = [i + 1 for i, text in enumerate(pages) if i > toc_pages[-1]
                     and " ".join(label.split()) in re.sub(r"-\s+", "-", " ".join(text.split()))]
            assert shown and min(abs(n - int(number)) for n in shown) <= 2, (docx, label, number, shown)


def test_word_files_carry_lato(word_as_pdf):
    """LibreOffice lays them out in the embedded Lato, even where Lato is not installed."""
    for path in sorted(word_as_pdf.glob("*/*.pdf")):
        fonts = {str(f.get_object()["/BaseFont"]).split("+")[-1] for p in PdfReader(str(path)).pages
                 for f in p["/Resources"].get("/Font", {}).values()}
        assert {"Lato-Regular", "Lato-Bold"} <= fonts, (path, fonts)


def test_pdfs_are_pdfua1_for_page_validation(built):
    for path in sample_files(built, "pdf"):
        report = page.validate_pdf(str(path), profile=page.ValidationProfile.PDF_UA_1)
        assert report.is_compliant, (path, [(f.rule_id, f.message) for f in report.failures])


@pytest.fixture(scope="module")
def outloud(built, outloud_results) -> list[tuple[str, str, str, str]]:
    """outloud's errors and warnings over the sample's PDFs (conftest's one run of it): (path, rule, severity,
    message)."""
    results = [outloud_results[path] for path in sample_files(built, "pdf")]
    assert [r["verdict"] for r in results].count("unreadable") == 0
    return [(r["path"], f["rule"], f["severity"], f["message"]) for r in results for f in r["findings"]
            if f["severity"] in ("error", "warning")]


def test_outloud_finds_no_error_nor_warning(outloud):
    assert not outloud, "\n".join(map(str, outloud))


def test_repair_gives_the_same_bytes_every_time(sample_outputs):
    from policygen.writers.pdfua import repair

    data = (sample_outputs / "rich.pdf").read_bytes()
    assert repair(data) == repair(data)
