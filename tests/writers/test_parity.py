"""The three formats of a document carry the same words, in the same order."""

from __future__ import annotations

import difflib

import pytest

from readback import docx_text, html_text, pdf_text, words
from samples import dense_fiche, rich_politique


def _compare(html_path, docx_path, pdf_path, document):
    reference = words(html_text(html_path))
    assert len(reference) > 5
    running = (document.organisation, document.short_title, document.version_line)
    for other_path, other in ((docx_path, words(docx_text(docx_path))),
                              (pdf_path, words(pdf_text(pdf_path, running)))):
        if other != reference:
            diff = "\n".join(list(difflib.unified_diff(reference, other, "html", other_path.suffix, n=2,
                                                       lineterm=""))[:40])
            pytest.fail(f"{other_path.name} differs from the HTML:\n{diff}")


def test_built_documents_carry_the_same_words(built, models):
    for (slug, kind), document in models.items():
        folder = built / slug
        _compare(folder / f"{kind}.html", folder / f"{kind}.docx", folder / f"{kind}.pdf", document)


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
