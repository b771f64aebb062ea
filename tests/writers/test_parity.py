"""The three formats of a document carry the same words, in the same order."""

from __future__ import annotations

import difflib

import pytest

from conftest import sample_files
from readback import docx_text, html_text, pdf_text, words
from samples import dense_fiche, rich_politique
from policygen.writers.common import footer_line
from policygen.writers.design import labels


def _compare(html_path, docx_path, pdf_path, document):
    """The DOCX's and PDF's words against the HTML's (the PDF's only when `pdf_path` is given)."""
    reference = words(html_text(html_path))
    assert len(reference) > 5
    running = (document.organisation, document.short_title, footer_line(document))
    # A box the print columns cut carries its heading again, « (suite) »: page furniture, as a running head.
    continued = labels(document.lang)["continued"]
    repeated = {f"{s.label} ({continued})" for s in document.sections}

    def text(raw: str) -> list[str]:
        return words("\n".join(line for line in raw.split("\n") if line.strip() not in repeated))
    others = [(docx_path, text(docx_text(docx_path)))]
    if pdf_path is not None:
        others.append((pdf_path, text(pdf_text(pdf_path, running))))
    for other_path, other in others:
        if other != reference:
            diff = "\n".join(list(difflib.unified_diff(reference, other, "html", other_path.suffix, n=2,
                                                       lineterm=""))[:40])
            pytest.fail(f"{other_path.name} differs from the HTML:\n{diff}")


def test_built_documents_carry_the_same_words(built, models):
    """Every Word file; the PDFs of every layout (reading a PDF's words back is slow)."""
    sampled = set(sample_files(built, "pdf"))
    for (slug, kind), document in models.items():
        folder = built / slug
        pdf = folder / f"{kind}.pdf"
        _compare(folder / f"{kind}.html", folder / f"{kind}.docx", pdf if pdf in sampled else None, document)


@pytest.mark.parametrize("name, make", [("rich", rich_politique), ("dense-fiche", dense_fiche)])
def test_sample_documents_carry_the_same_words(sample_outputs, name, make):
    _compare(*(sample_outputs / f"{name}.{fmt}" for fmt in ("html", "docx", "pdf")), make())


def test_parity_check_sees_a_missing_word(sample_outputs, tmp_path):
    """The comparison is not blind: drop one word from the HTML and it fails."""
    html = (sample_outputs / "rich.html").read_text(encoding="utf-8").replace("Consulter la direction", "Consulter")
    changed = tmp_path / "rich.html"
    changed.write_text(html, encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="direction"):
        _compare(changed, sample_outputs / "rich.docx", sample_outputs / "rich.pdf", rich_politique())
