"""`policygen build` on every organisation file, read back in each format: the
nine files (three more for each English edition), and in each the document's title and its
section headings, in order, in the document's own language (in the PDFs' text: `pdfs_read_back`)."""

from __future__ import annotations

from html.parser import HTMLParser

import docx
import pytest
from pypdf import PdfReader

from conftest import ORGANISATIONS, ROOT
from pdfsample import pdfs_read_back
from readback import pdf_text, words

DOCUMENTS = ("politique", "netiquette", "fiche-synthese")  # what the shipped library writes


class _Headings(HTMLParser):
    """The <html> lang and the text of every h1 and h2, in order."""

    def __init__(self):
        super().__init__()
        self.lang: str | None = None
        self.headings: list[tuple[str, str]] = []
        self._open: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag in ("h1", "h2"):
            self._open = tag
            self.headings.append((tag, ""))

    def handle_endtag(self, tag):
        if tag == self._open:
            self._open = None

    def handle_data(self, data):
        if self._open:
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)


def assert_in_order(titles: list[str], headings: list[str], where: str) -> None:
    """Each section title ends a heading (« 1. Préambule » for « Préambule »), in the model's order."""
    rest = iter(headings)
    for title in titles:
        assert any(heading.endswith(title) for heading in rest), f"{where}: « {title} » missing or out of order " \
                                                                  f"in {headings}"


def test_there_are_organisations():
    assert (ROOT / "organisations" / "cisss-laurentides.yaml") in ORGANISATIONS


@pytest.mark.parametrize("organisation", [p.stem for p in ORGANISATIONS])
def test_nine_files_that_read_back(built, models, organisation):
    folder = built / organisation
    read = set(pdfs_read_back(built))  # the PDFs whose text is read back (tests/pdfsample.py)
    kinds = [kind for slug, kind in models if slug == organisation]  # the three documents, then any English edition
    assert [kind for kind in kinds if not kind.endswith(".en")] == list(DOCUMENTS)
    assert {kind.removesuffix(".en") for kind in kinds} == set(DOCUMENTS)
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([f"{d}.{f}" for d in kinds for f in ("html", "docx", "pdf")] + ["manifest.json"])
    for kind in kinds:
        model = models[organisation, kind]
        titles = [s.title for s in model.sections]
        assert titles

        page = _Headings()
        page.feed((folder / f"{kind}.html").read_text(encoding="utf-8"))
        assert page.lang == ("en-CA" if kind.endswith(".en") else "fr-CA") == model.lang
        assert [text for tag, text in page.headings if tag == "h1"] == [model.title]
        assert_in_order(titles, [text for tag, text in page.headings if tag == "h2"], f"{kind}.html")

        word = docx.Document(str(folder / f"{kind}.docx"))
        assert [p.text for p in word.paragraphs if p.style.name == "Title"] == [model.title]
        # The identification block is a label in Word, as in the PDF: never a heading of the table of contents.
        assert_in_order([s.title for s in model.sections if s.role == "body"],
                        [p.text for p in word.paragraphs if p.style.name == "Heading 1"], f"{kind}.docx")

        pdf = folder / f"{kind}.pdf"
        assert PdfReader(str(pdf)).metadata.title.startswith(model.title)
        if pdf not in read:  # a politique outside the sample: its web page's headings, read above
            continue
        text = words(pdf_text(pdf).casefold())  # the identification label prints in capitals
        position = 0
        for title in [model.title, *titles]:  # in reading order, as a reader extracts them
            wanted = words(title.casefold())
            found = next((i for i in range(position, len(text)) if text[i:i + len(wanted)] == wanted), None)
            assert found is not None, f"{kind}.pdf: « {title} » missing or out of order"
            position = found + len(wanted)
