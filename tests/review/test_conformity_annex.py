"""The review edition of a politique carries the legal table as its last annex (a numbered line per obligation,
grouped by law), read back from the Word, HTML and PDF files; each clause's Word comment names the rows it meets; the annex passes the checks the rest of the review
edition passes (PDF/UA-1 for page-validation, outloud, LibreOffice's layout, axe)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml.ns import qn
import page
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from conftest import ANNEX_BODY
from policygen.assembly.assemble import documents_for
from policygen.assembly.conformity import review_edition
from policygen.assembly.inputs import load_all
from policygen.cli.main import main
from policygen.library.loader import load_library
from readback import docx_text, html_text, pdf_text

BODY = ANNEX_BODY
TITLE = "Tableau de conformité à la loi"


def _uncap(text: str) -> str:
    """A table cell as the command prints it: the writers capitalise the first letter of a cell."""
    return text[:1].lower() + text[1:]


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def table() -> list[tuple[str, str]]:
    """(obligation's title, its line in the annex) in order, from the table `conformite` prints."""
    output = CliRunner().invoke(main, ["conformite", str(BODY)], env={"SOURCE_DATE_EPOCH": None}).output
    lines = []
    for title, rest, duty, said in re.findall(r"^- (.*?) — (.*)\n    (exige : .*)\n((?:    .*\n)+)", output, re.M):
        state = ". ".join(line.strip().rstrip(".") for line in said.splitlines())  # one sentence per line
        lines.append((title, _flat(f"{title} — {rest} ; {duty} État : {state}.")))
    return lines


def _annex_lines(path: Path) -> list[str]:
    """The annex's numbered lines in the Word file, in order (its lists follow the annex's heading)."""
    document = docx.Document(str(path))
    paragraphs = list(document.paragraphs)
    start = max(i for i, p in enumerate(paragraphs)  # the heading, not the table of contents' entry
                if re.match(rf"Annexe \d : {TITLE}", _flat(p.text)))
    return [_flat(p.text) for p in paragraphs[start:] if p.style.name.startswith("List Number")]


def test_the_word_annex_has_a_line_per_obligation_as_conformite_says_and_the_plain_edition_none(
        review_built, table, bodies_built):
    assert _annex_lines(review_built / "revision" / "politique.docx") == [line for _, line in table]
    # the plain edition: its model, which its Word file and PDF print, and its web page
    library = load_library()
    [loaded], _ = load_all([BODY], library)
    [plain] = documents_for(loaded, library, ["politique"])
    assert not any(TITLE in section.title for section in plain.sections)
    assert any(TITLE in section.title for section in review_edition(plain, loaded, library).sections)
    assert TITLE not in html_text(bodies_built / BODY.stem / "politique.html")


def test_the_lines_are_numbered_across_the_laws_in_html_as_the_comments_count_them(review_built, table):
    page = (review_built / "revision" / "politique.html").read_text(encoding="utf-8")
    annex = page[page.index('id="s-annexe-conformite"'):]
    numbered = {}
    for start, items in re.findall(r'<ol(?: start="(\d+)")?>(.*?)</ol>', annex, re.S):
        for offset, item in enumerate(re.findall(r"<li>(.*?)</li>", items, re.S)):
            numbered[int(start or 1) + offset] = _flat(html_text_of(item))
    assert numbered == {i: line for i, (_, line) in enumerate(table, 1)}


def html_text_of(fragment: str) -> str:
    import html as entities
    return entities.unescape(re.sub(r"<[^>]+>", "", fragment))


def _annex_groups(document) -> dict[str, list[str]]:
    """Each bookmark of the annex's headings (one per law) → the lines of the annex under that heading."""
    groups: dict[str, list[str]] = {}
    current = None
    body = [p for p in document.paragraphs]
    start = max(i for i, p in enumerate(body) if re.match(rf"Annexe \d : {TITLE}", _flat(p.text)))
    for paragraph in body[start + 1:]:
        marks = paragraph._p.findall(qn("w:bookmarkStart"))
        if marks:
            current = marks[0].get(qn("w:name"))
            groups[current] = []
        elif current and paragraph.style.name.startswith("List Number"):
            groups[current].append(_flat(paragraph.text))
    return groups


def test_each_word_comment_links_to_the_annex_lines_its_clause_meets(review_built, table):
    path = review_built / "revision" / "politique.docx"
    document = docx.Document(str(path))
    annex = int(re.search(rf"Annexe (\d) : {TITLE}", _flat(docx_text(path))).group(1))
    groups = _annex_groups(document)
    titles = {str(i): _flat(title) for i, (title, _) in enumerate(table, 1)}
    named = 0
    for comment in document.comments:
        match = re.search(r"Obligations de la loi qu’elle remplit \(tableau de conformité\) : (.*)\.",
                          _flat(comment.text))
        if not match:
            continue
        said = re.findall(r"annexe (\d), ligne (\d+), « (.*?) »", match.group(1))
        links = [(link.get(qn("w:anchor")), _flat("".join(t.text for t in link.iter(qn("w:t")))))
                 for link in comment._comment_elm.iter(qn("w:hyperlink"))]
        assert len(links) == len(said) and said
        for (number_of_annex, number, title), (target, words) in zip(said, links):
            assert int(number_of_annex) == annex and titles[number] == title
            assert words == f"annexe {annex}, ligne {number}, « {title} »"
            assert any(line.startswith(title + " — ") for line in groups[target]), (target, title)
            named += 1
    assert named >= sum(1 for _, line in table if " : couverte par : " in line)


def test_the_html_and_pdf_annexes_carry_the_same_rows(review_built, table):
    html = _flat(html_text(review_built / "revision" / "politique.html"))
    pdf = _flat(pdf_text(review_built / "revision" / "politique.pdf"))
    for text in (html, pdf):
        start = text.rfind(TITLE)
        for title, _ in table:
            assert _flat(title) in text[start:], title


def test_the_review_pdf_with_its_annex_is_pdfua1_for_page_validation_and_outloud(review_built, outloud_results):
    path = review_built / "revision" / "politique.pdf"
    report = page.validate_pdf(str(path), profile=page.ValidationProfile.PDF_UA_1)
    assert report.is_compliant, [(f.rule_id, f.message) for f in report.failures]
    result = outloud_results[path]  # conftest's one run of outloud
    assert result["verdict"] != "unreadable"
    # Every review edition, annex or not, repeats the notes' title « Provenance » at the top of its pages,
    # which outloud reads as a running header (PAG-001): that one, and only that one, is not the annex's.
    found = [f for f in result["findings"] if f["severity"] in ("error", "warning")
             and (f["rule"], f.get("evidence")) != ("PAG-001", "Provenance")]
    assert not found, found


def test_libreoffice_lays_out_the_annex_of_the_review_word_file(word_as_pdf, table):
    # conftest's one LibreOffice run converts the review edition's Word file with the shipped bodies'
    word = PdfReader(str(word_as_pdf / "revision" / "politique.pdf"))  # its comments sit in the margin: fewer pages than the PDF's
    # The pages read from the last back to the annex's heading (the table of contents names it too, earlier):
    # the annex is the document's end, and extracting every page of the politique took ~2 s of CPU.
    pages: list[str] = []
    for page in reversed(word.pages):
        pages.insert(0, page.extract_text())
        if TITLE in (text := _flat(" ".join(pages))):
            break
    assert TITLE in text
    last = text[text.rfind(TITLE):]  # the annex, after the table of contents' entry
    for number, (title, _) in enumerate(table, 1):  # Word numbers the lists on across the laws, too
        assert re.search(rf"\b{number}\. ?{re.escape(' '.join(_flat(title).split()[:2]))}", last), (number, title)


def test_the_review_html_with_its_annex_passes_axe(browser, review_built):
    from tests.writers.test_accessibility import _audit, _summary

    folder = review_built / "revision"
    violations, outside, _ = _audit(browser, folder / "politique.html", folder)
    assert not violations and not outside, (_summary(violations), outside)
