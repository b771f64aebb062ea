"""An English edition's translation notice is a part of the model that says what it is (role « notice »):
every writer finds it by its role and prints it after the title block, before the identification and the
body, wherever the model holds it. The Word writer used to lay it out by its place (the first section):
moving the emergency section ahead of it broke the Word file's reading order."""

from __future__ import annotations

import dataclasses
import io

import pikepdf
import pytest
from docx import Document as open_docx

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import NOTICE_ROLE, body_sections
from policygen.writers.docx.document import build_docx
from policygen.writers.docx.package import save_docx
from policygen.writers.html import render_html
from policygen.writers.pdf import render_pdf
from conftest import FIXTURES

BODY = FIXTURES / "organismes" / "etablissement-reconnu-en.yaml"


@pytest.fixture(scope="module")
def edition():
    library = load_library()
    loaded, problems = load_all([BODY], library)
    assert not problems
    return next(d for d in documents_for(loaded[0], library, ["netiquette"]) if d.kind == "netiquette.en")


def _paragraphs(document) -> list[tuple[str, str]]:
    """The Word file's paragraphs with text, each (its style, its text)."""
    return [(p.style.name, p.text) for p in open_docx(io.BytesIO(save_docx(build_docx(document)))).paragraphs
            if p.text.strip()]


def test_the_notice_is_known_by_its_role_not_its_place(edition):
    notice = [s for s in edition.sections if s.role == NOTICE_ROLE]
    assert len(notice) == 1 and notice[0].clauses[0].id == "edition.avis"
    assert notice[0] not in body_sections(edition)


@pytest.mark.parametrize("where", ["first", "after the emergency section", "last"])
def test_every_format_prints_the_notice_first_wherever_the_model_holds_it(edition, where):
    notice, *others = sorted(edition.sections, key=lambda s: s.role != NOTICE_ROLE)
    order = {"first": [notice, *others], "after the emergency section": [others[0], notice, *others[1:]],
             "last": [*others, notice]}[where]
    moved = dataclasses.replace(edition, sections=tuple(order))
    words = _paragraphs(moved)
    assert words == _paragraphs(edition)  # the same Word file, paragraph for paragraph
    # the notice's label (a label, as the identification's, not a heading), then its eligibility heading (its
    # first lines are in a box), before the body's first heading
    assert words.index(("Étiquette", "About this translation")) < words.index(("Heading 2", "Who can consult this page?")) \
        < words.index(("Heading 1", "In an emergency"))
    page = render_html(moved)
    assert page.index("Translation — the French version prevails.") < page.index("In an emergency")


def test_who_may_read_the_edition_is_a_heading_under_the_notice(edition):
    """Reader 3 (E12, D5): « Who can consult this page? » is the notice's subheading (h3 under its h2, a
    Word heading), not a bold paragraph; it stays out of the table of contents and the PDF's outline."""
    page = render_html(edition)
    notice = page[page.index('id="s-edition-avis"'):page.index("</section>", page.index('id="s-edition-avis"'))]
    assert '<h2 id="s-edition-avis-titre">About this translation</h2>' in notice
    assert "<h3>Who can consult this page?</h3><p>The CIUSSS de l’Ouest-de-l’Essai is recognized" in notice
    assert "<strong>Who can consult" not in page
    paragraphs = open_docx(io.BytesIO(save_docx(build_docx(edition)))).paragraphs
    heading = next(p for p in paragraphs if p.text == "Who can consult this page?")
    assert heading.style.name == "Heading 2"
    assert heading._p.xpath("./w:pPr/w:outlineLvl/@w:val") == ["9"]  # out of Word's navigation and contents
    with pikepdf.open(io.BytesIO(render_pdf(edition))) as pdf:
        with pdf.open_outline() as outline:
            titles = [item.title for top in outline.root for item in (top, *top.children)]
    assert "In an emergency" in titles and "Who can consult this page?" not in titles
