"""The PDFs read back with pypdf: tagged PDF/UA, French, titled, fonts embedded,
bookmarks, table of contents with true page numbers, running header and footer,
and a fiche-synthèse on one sheet."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from conftest import SAMPLE_LOGS, output_files, sample_files
from readback import pdf_pages, pdf_text
from samples import dense_fiche


def _catalog(path):
    reader = PdfReader(str(path))
    return reader, reader.trailer["/Root"]


def _fonts(reader: PdfReader):
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            font = font.get_object() if isinstance(font, IndirectObject) else font
            if "/DescendantFonts" in font:
                font = font["/DescendantFonts"][0].get_object()
            yield font


def test_every_pdf_is_tagged_french_titled_pdfua(built, sample_outputs):
    for path in [*output_files(built, "pdf"), *sample_outputs.glob("*.pdf")]:
        reader, root = _catalog(path)
        assert "/StructTreeRoot" in root, path
        assert root["/MarkInfo"]["/Marked"].value is True, path
        assert root["/Lang"] == "fr-CA", path
        assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True, path
        assert reader.metadata.title and len(reader.metadata.title) > 10, path
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert "pdfuaid" in xmp and re.search(r"pdfuaid:part(>|=\")1", xmp), path


def test_titles_are_the_documents_titles(built):
    reader, _ = _catalog(built / "cisss-laurentides" / "politique.pdf")
    assert reader.metadata.title.startswith("Politique sur la gestion et l’utilisation des médias sociaux")
    assert reader.metadata.author.startswith("Centre intégré de santé")
    assert reader.metadata.subject == "Politique sur les médias sociaux"
    assert "médias sociaux" in reader.metadata["/Keywords"]
    assert reader.metadata["/CreationDate"] == "D:20261001120000Z"  # the document's date, never the clock


def test_every_font_is_embedded_and_is_the_projects(built, sample_outputs):
    for path in [*output_files(built, "pdf"), *sample_outputs.glob("*.pdf")]:
        fonts = list(_fonts(PdfReader(str(path))))
        assert fonts, path
        for font in fonts:
            descriptor = font["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), (path, font["/BaseFont"])
            assert "Lato" in str(font["/BaseFont"]), (path, font["/BaseFont"])


def test_politique_has_bookmarks_for_its_sections_not_for_its_identification(built, sample_outputs):
    for path in (built / "cisss-laurentides" / "politique.pdf", sample_outputs / "rich.pdf"):
        reader = PdfReader(str(path))
        titles = []

        def walk(items):
            for item in items:
                if isinstance(item, list):
                    walk(item)
                else:
                    titles.append(item.title)
        walk(reader.outline)
        assert any(t.startswith("1. Préambule") for t in titles), titles
        # The identification block (built documents have one) is a label under the title, as in
        # Word: no bookmark (its label prints in capitals).
        assert "fiche d’identification" not in {t.casefold() for t in titles}, titles
        assert "fiche d’identification" in pdf_text(path).casefold() or path.parent == sample_outputs
    assert {"Le contexte", "2. Règles", "Les étapes"} <= set(titles)


def test_toc_gives_the_page_of_each_section(sample_outputs):
    """target-counter: the number after each entry is the page where its heading is."""
    path = sample_outputs / "rich.pdf"
    pages = ["".join(text for _, text in page) for page in pdf_pages(path)]
    toc_page = next(i for i, text in enumerate(pages) if "Table des matières" in text)
    for label in ("1. Préambule", "2. Règles"):
        match = re.search(re.escape(label) + r"[.\s]*(\d+)", pages[toc_page])
        assert match, (label, pages[toc_page])
        target = int(match.group(1)) - 1
        assert target > toc_page
        heading_pages = [i for i, text in enumerate(pages) if label in text and i != toc_page]
        assert heading_pages[0] == target, (label, heading_pages, target)


def test_running_header_and_page_x_of_y(sample_outputs):
    pages = pdf_pages(sample_outputs / "rich.pdf")
    count = len(pages)
    assert count >= 3
    for number, page in enumerate(pages, start=1):
        texts = [text.strip() for _, text in page]
        assert f"Page {number} de {count}" in texts
        header = "Centre intégré de santé et de services sociaux des Laurentides"
        # The title page carries the title block instead of the running header.
        assert (header in texts) == (number > 1), (number, texts[:3])


def test_fiche_synthese_fits_one_sheet(sample_outputs):
    """The dense sample; the shipped fiches: test_at_a_glance.py."""
    assert len(PdfReader(str(sample_outputs / "dense-fiche.pdf")).pages) <= 2


def test_fiche_synthese_is_laid_out_in_two_columns(sample_outputs):
    """Its boxed items sit side by side: headings start at two different x positions."""
    reader = PdfReader(str(sample_outputs / "dense-fiche.pdf"))
    starts = set()
    titles = {s.title for s in dense_fiche().sections}

    def visit(text, cm, tm, font, size):
        if text.strip() in titles:
            starts.add(round(tm[4]))
    reader.pages[0].extract_text(visitor_text=visit)
    assert len(starts) == 2, starts


def test_rendering_logs_no_warning(sample_outputs):
    """An ignored CSS rule or a missing font is a defect, as in WeasyPrint's own tests (read
    from the session's rendering of the samples, not rendered again)."""
    assert SAMPLE_LOGS == []


@pytest.mark.parametrize("word", ["Préambule", "Règles"])
def test_pdf_text_is_extractable(sample_outputs, word):
    assert word in "".join(text for page in pdf_pages(sample_outputs / "rich.pdf") for _, text in page)


def _structure_types(path) -> set[str]:
    types: set[str] = set()

    def walk(node):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if "/S" in node:
            types.add(str(node["/S"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)
    walk(PdfReader(str(path)).trailer["/Root"]["/StructTreeRoot"])
    return types


def test_structure_tree_tells_headings_lists_tables_and_links(sample_outputs):
    """What a screen reader navigates by."""
    types = _structure_types(sample_outputs / "rich.pdf")
    assert {"/H1", "/H2", "/H3", "/P", "/L", "/LI", "/Table", "/TH", "/TD", "/Link"} <= types, types


def test_running_header_and_footer_are_artifacts(sample_outputs):
    """Screen readers skip them: they are marked /Artifact in the page content."""
    reader = PdfReader(str(sample_outputs / "rich.pdf"))
    assert all(b"/Artifact" in page.get_contents().get_data() for page in reader.pages)


def test_hyphenation_is_french_and_restrained(built, sample_outputs):
    """Words are cut only when 7 letters or longer, leaving at least 3 on each line (PDFs of every
    layout: reading a PDF's lines back is slow)."""
    cuts = []
    for path in [*sample_files(built, "pdf"), *sample_outputs.glob("*.pdf")]:
        text = "".join(piece for page in pdf_pages(path) for _, piece in page)
        # A line may also end at the hyphen of a compound the text itself holds (« pourrait-il »).
        compounds = set(re.findall(r"(\w+)-(\w+)", path.with_suffix(".html").read_text(encoding="utf-8")))
        cuts += [cut for cut in re.findall(r"(\w+)\u2010\n(\w+)", text) if cut not in compounds]
    assert cuts, "the dense samples should need some hyphenation"
    assert all(len(before) >= 3 and len(after) >= 3 and len(before + after) >= 7 for before, after in cuts), cuts


def test_addresses_are_never_hyphenated(sample_outputs):
    text = "".join(piece for page in pdf_pages(sample_outputs / "dense-fiche.pdf") for _, piece in page)
    assert "protection.renseignements.cissslau@ssss.gouv.qc.ca" in text.replace("\n", "")
