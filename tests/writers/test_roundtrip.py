"""`policygen build` on every organisation file, read back in each format."""

import re
from html.parser import HTMLParser

import docx
import pytest
from pypdf import PdfReader

from conftest import ORGANISATIONS, ROOT

DOCUMENTS = ("politique", "netiquette", "fiche-synthese")  # what the shipped library writes


def test_there_are_organisations():
    assert (ROOT / "organisations" / "cisss-laurentides.yaml") in ORGANISATIONS


@pytest.mark.parametrize("organisation", [p.stem for p in ORGANISATIONS])
def test_nine_files_that_read_back(built, organisation):
    folder = built / organisation
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([f"{d}.{f}" for d in DOCUMENTS for f in ("html", "docx", "pdf")] + ["manifest.json"])
    for document in DOCUMENTS:
        page = (folder / f"{document}.html").read_text(encoding="utf-8")
        assert re.search(r'<html lang="fr-CA">', page)
        parser = HTMLParser()
        parser.feed(page)  # parses without error
        word = docx.Document(str(folder / f"{document}.docx"))
        assert any(p.style.name.startswith("Heading") for p in word.paragraphs)
        text = " ".join(page.extract_text() for page in PdfReader(str(folder / f"{document}.pdf")).pages)
        assert len(text.split()) > 30
