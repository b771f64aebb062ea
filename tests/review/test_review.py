"""Review mode: a provenance comment on every clause in Word, notes in HTML and
PDF, the draft mark — and none of it without --review."""

from __future__ import annotations

import docx
import pytest
from readback import pdf_page_texts

from reviewkit import CISSS, ROOT, W, docx_part, fixture_documents, run_cli
from policygen.assembly.assemble import documents_for
from policygen.assembly.conformity import review_edition
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import block_texts
from policygen.writers.design import labels
from policygen.writers.docx.document import write_docx
from policygen.writers.html import render_html
from policygen.writers.notes import LAWS, SECTIONS, SOURCES
from policygen.writers.options import WriterOptions

DRAFT_MARK = labels()["draft"]  # the reviewers' mark of a French document

REVIEW = WriterOptions(review=True)
SMALL_BODY = ROOT / "tests" / "fixtures" / "organisation.yaml"


def comment_spans(body) -> dict[str, str]:
    """Text covered by each comment range, by comment id, in document order."""
    spans: dict[str, str] = {}
    open_ids: set[str] = set()
    for node in body.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t", f"{W}br", f"{W}p"):
        ident = node.get(f"{W}id")
        if node.tag in (f"{W}br", f"{W}p"):  # a line or paragraph break reads as a space
            for ident in open_ids:
                spans[ident] += " "
        elif node.tag == f"{W}commentRangeStart":
            open_ids.add(ident)
            spans[ident] = ""
        elif node.tag == f"{W}commentRangeEnd":
            open_ids.discard(ident)
        else:
            for ident in open_ids:
                spans[ident] += node.text or ""
    return spans


def clause_texts(clause) -> list[str]:
    return ([clause.title] if clause.show_title else []) + [t for b in clause.blocks for t in block_texts(b)]


def expected_notes(library, clause) -> list[str]:
    """What the comment must name: the clause, its first sources' titles and sections, its first laws with
    citations (writers/notes.py: the others are counted, `policygen explain` names them)."""
    meta = library.clause(clause.id).meta
    sources = {s["id"]: s for s in library.sources}
    wanted = [meta.id, f"version {meta.version}"]
    for ref in meta.sources[:SOURCES]:
        wanted.append(sources[ref.source]["title"])
        titles = {s["id"]: s["title"] for s in sources[ref.source]["sections"]}
        wanted += [titles[section] for section in ref.sections[:SECTIONS]]
    for law in clause.provenance.legal[:LAWS]:  # the laws that bind this body
        wanted += [library.laws[law.id]["title"], library.laws[law.id]["citation"], *law.articles]
    if len(meta.sources) > SOURCES:
        wanted.append(f"{len(meta.sources) - SOURCES} autre")
    return wanted


def check_comments(path, library, document) -> None:
    word = docx.Document(str(path))
    comments = {str(c.comment_id): c for c in word.comments}
    spans = comment_spans(docx_part(path).find(f"{W}body"))
    clauses = [c for s in document.sections for c in s.clauses]
    assert len(comments) == len(clauses) > 0
    known = {c.id for c in library.clauses}
    for clause in clauses:
        ident = next(i for i, c in comments.items() if f"Clause {clause.id}," in c.text)
        comment = comments[ident]
        assert comment.author == "policygen"
        if clause.id not in known:  # the legal table's annex (a review build's): no source nor law of its own
            continue
        for wanted in expected_notes(library, clause):
            assert wanted in comment.text, (clause.id, wanted)
        # The comment covers the clause's own words, all of them.
        covered = " ".join(spans[ident].split())
        for text in clause_texts(clause):
            assert " ".join(text.split()) in covered, (clause.id, text)


def test_review_build_of_the_cisss_politique_comments_every_clause(cisss_builds):
    library = load_library()
    loaded, _ = load_all([CISSS], library)
    [politique] = documents_for(loaded[0], library, ["politique"])
    politique = review_edition(politique, loaded[0], library)  # with the legal table's annex, as a review build
    check_comments(cisss_builds["review"] / "politique.docx", library, politique)


def test_comments_cite_only_the_laws_that_bind_the_body(cisss_builds):
    library = load_library()
    comments = [c.text for c in docx.Document(str(cisss_builds["review"] / "politique.docx")).comments]
    # A public établissement: the public-sector access law, never the private-sector one.
    assert any("RLRQ, c. A-2.1" in text for text in comments)
    assert not any("RLRQ, c. P-39.1" in text for text in comments)
    assert any(ref.law == "prive" for c in library.clauses for ref in c.meta.legal)  # the filter had work to do


def test_comment_names_legal_basis_with_citation_and_values(tmp_path):
    library, [document] = fixture_documents()
    path = tmp_path / "politique.docx"
    write_docx(document, path, REVIEW)
    check_comments(path, library, document)
    texts = {c.text.split(",")[0]: c.text for c in docx.Document(str(path)).comments}
    respect = texts["Clause essai.respect"]
    assert ("Fondement légal : Charte des droits et libertés de la personne (RLRQ, c. C-12), art. 4 et 5."
            in respect)
    assert "Source : « Politique source d’essai », section « Respect des personnes »." in respect
    contact = texts["Clause essai.contact"]
    assert "Fondement légal : aucun inscrit pour cette clause." in contact
    # In words, a sentence or two: the values read, key by key, are left to `policygen explain`.
    assert "nom_court" not in respect and "contacts.communications" not in contact
    assert all(len(text) < 700 for text in texts.values()), max(texts.values(), key=len)


def test_comment_dates_come_from_the_document_not_the_clock(tmp_path):
    _, [document] = fixture_documents()
    write_docx(document, tmp_path / "p.docx", REVIEW)
    dates = {c.timestamp for c in docx.Document(str(tmp_path / "p.docx")).comments}
    assert {d.date().isoformat() for d in dates} == {"2025-03-15"}


def test_review_outputs_carry_the_draft_mark_and_notes(cisss_builds):
    review = cisss_builds["review"]
    word = docx.Document(str(review / "politique.docx"))
    assert word.paragraphs[0].text == DRAFT_MARK
    assert word.sections[0].header.paragraphs[0].text == DRAFT_MARK
    assert word.core_properties.content_status == DRAFT_MARK
    html = (review / "politique.html").read_text(encoding="utf-8")
    assert f'<p class="draft-mark">{DRAFT_MARK}</p>' in html
    assert html.count('<aside class="provenance"') == html.count('<div class="clause"') > 0
    assert "Source : « Politique sur la gestion et l’utilisation des médias sociaux »" in html


def test_the_review_pdf_carries_the_draft_mark_on_every_page_and_the_notes(review_built):
    # A fixture clinic's review edition (the session's review PDF): the mark and the notes of any body's
    pages = pdf_page_texts(review_built / "revision" / "politique.pdf")
    assert all(DRAFT_MARK in text for text in pages)  # running header on every page
    version = load_library().clause("politique.entete").meta.version
    assert f"Clause politique.entete, version {version}." in " ".join(pages)


@pytest.mark.parametrize("kind", ["politique", "netiquette", "fiche-synthese"])
def test_plain_outputs_carry_none_of_it(cisss_builds, kind):
    plain = cisss_builds["plain"]
    word = docx.Document(str(plain / f"{kind}.docx"))
    assert len(word.comments) == 0
    assert DRAFT_MARK not in "\n".join(p.text for p in word.paragraphs)
    assert not any(DRAFT_MARK in p.text for p in word.sections[0].header.paragraphs)
    html = (plain / f"{kind}.html").read_text(encoding="utf-8")
    assert DRAFT_MARK not in html and "provenance" not in html
    pdf = " ".join(pdf_page_texts(plain / f"{kind}.pdf"))
    assert DRAFT_MARK not in pdf and "Fondement légal" not in pdf


def test_review_build_goes_to_its_own_folder(tmp_path):
    """Built here, not read from a fixture that already asserted it: the review copy lands in
    revision/ and the plain document next to it is left as it was."""
    # The small fixture body with the shipped library, its web page: where a review copy lands holds for
    # any body and format (the review files' contents are the session's builds' tests).
    args = ("build", SMALL_BODY, "--out", tmp_path, "--format", "html", "--document", "politique", "-j", "1")
    assert run_cli(*args).exit_code == 0
    plain = tmp_path / "organisation" / "politique.html"
    before = plain.read_bytes()
    assert run_cli(*args, "--review").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "organisation").iterdir()) == [
        "manifest.json", "politique.html", "revision"]
    review = (tmp_path / "organisation" / "revision" / "politique.html").read_text(encoding="utf-8")
    assert DRAFT_MARK in review and review.count('<aside class="provenance"') > 0
    assert plain.read_bytes() == before and "provenance" not in before.decode("utf-8")
    assert render_html(fixture_documents()[1][0]).count("provenance") == 0


@pytest.mark.parametrize("kind", ["netiquette", "fiche-synthese"])
def test_every_document_gets_its_comments(tmp_path, kind):
    library, [document] = fixture_documents(documents=(kind,))
    write_docx(document, tmp_path / f"{kind}.docx", REVIEW)
    check_comments(tmp_path / f"{kind}.docx", library, document)
