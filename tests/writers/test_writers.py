"""Each writer on a hand-built document, read back in its own format."""

import datetime as dt
import io
import zipfile
from html.parser import HTMLParser

import docx
from docx.oxml.ns import qn
import pytest
from pypdf import PdfReader

from policygen.model.labels import label
from policygen.model.nodes import Clause, Document, Emphasis, Layout, Link, ListBlock, Paragraph, Provenance, Section, \
    Strong, Table, Text
from policygen.writers import WRITERS
from policygen.writers.html import render_html
from policygen.writers.options import WriterOptions

PROV = Provenance("c", 1, (), ())


def para(text):
    return Paragraph((Text(text),))


DOCUMENT = label(Document(
    kind="politique", title="Politique d’essai", organisation="CISSS de l’Essai", short_title="Politique",
    sections=(
        Section("intro", "Préambule", (
            Clause("a", "Objet", True, (
                Paragraph((Text("Texte "), Strong((Text("gras"),)), Text(" et "), Emphasis((Text("italique"),)),
                           Text(" <b>pas du HTML</b> "), Link("https://exemple.qc.ca", (Text("un lien"),)))),
                ListBlock(True, ((para("premier"),), (para("second"),))),
            ), PROV, number="1.1"),
            Clause("b", "Suite", True, (
                ListBlock(True, ((para("encore un"),), (para("encore deux"),))),
                ListBlock(False, ((para("puce"), ListBlock(False, ((para("sous-puce"),),))),)),
                Table(((), ()), (((Text("Numéro"),), (Text("POL-1"),)),)),
            ), PROV, number="1.2"),
        ), number="1"),
    ),
    author="CISSS de l’Essai", subject="Politique", keywords=("médias sociaux", "essai"),
    date=dt.date(2024, 3, 1), timestamp=dt.datetime(2024, 3, 1, 12, 0), layout=Layout(toc=True),
))


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("writers")
    for fmt, writer in WRITERS.items():
        writer(DOCUMENT, folder / f"doc.{fmt}")
    return folder


def test_html_is_standalone_semantic_and_escaped(written):
    page = (written / "doc.html").read_text(encoding="utf-8")
    parser = Collector()
    parser.feed(page)
    tags = [t for t, _ in parser.tags]
    assert ("html", {"lang": "fr-CA"}) in parser.tags
    assert tags.count("h1") == 1 and "h2" in tags and "h3" in tags
    assert "b" not in tags and "&lt;b&gt;pas du HTML&lt;/b&gt;" in page
    assert ("a", {"href": "https://exemple.qc.ca"}) in parser.tags
    assert not any(t in ("link", "script", "img") for t in tags)  # nothing fetched
    assert "<style>" in page
    assert ("th", {"scope": "row"}) in parser.tags  # label/value table: labels are row headers


def test_docx_structure_styles_and_properties(written):
    document = docx.Document(str(written / "doc.docx"))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Title", "Politique d’essai") in styles
    assert ("Heading 1", "1. Préambule") in styles
    assert ("Heading 2", "1.1 Objet") in styles
    assert ("List Number", "premier") in styles and ("List Bullet", "puce") in styles
    assert ("List Bullet 2", "sous-puce") in styles
    props = document.core_properties
    assert (props.title, props.author, props.language) == ("Politique d’essai", "CISSS de l’Essai", "fr-CA")
    assert props.created == dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
    xml = document.element.xml
    assert "w:hyperlink" in xml
    footer = document.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    lang = document.styles.element.find(".//{*}docDefaults//{*}lang")
    assert lang.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") == "fr-CA"


def test_docx_numbering_restarts_for_each_list(written):
    document = docx.Document(str(written / "doc.docx"))
    num_ids = [p._p.pPr.numPr.numId.val for p in document.paragraphs
               if p.style.name == "List Number" and p._p.pPr.numPr is not None]
    assert len(num_ids) == 4 and num_ids[0] == num_ids[1] and num_ids[2] == num_ids[3]
    assert num_ids[0] != num_ids[2]


def test_docx_zip_is_reproducible(written, tmp_path):
    WRITERS["docx"](DOCUMENT, tmp_path / "again.docx")
    assert (tmp_path / "again.docx").read_bytes() == (written / "doc.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO((written / "doc.docx").read_bytes())) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_pdf_has_text_and_metadata(written):
    reader = PdfReader(str(written / "doc.pdf"))
    text = " ".join(page.extract_text() for page in reader.pages)
    for words in ("Politique d’essai", "Préambule", "premier", "sous-puce", "POL-1"):
        assert words in text
    assert reader.metadata.title.startswith("Politique d’essai")
    assert "/StructTreeRoot" in reader.trailer["/Root"]


def test_pdf_is_reproducible(written, tmp_path):
    WRITERS["pdf"](DOCUMENT, tmp_path / "again.pdf")
    assert (tmp_path / "again.pdf").read_bytes() == (written / "doc.pdf").read_bytes()


def test_print_variant_adds_the_print_stylesheet():
    assert "@page" in render_html(DOCUMENT, WriterOptions(media="print"))
    assert "@page" not in render_html(DOCUMENT)


def test_unsafe_links_become_plain_text(tmp_path):
    import dataclasses
    clause = Clause("x", "X", False, (Paragraph((Link("javascript:alert(1)", (Text("cliquez"),)),)),), PROV)
    document = dataclasses.replace(DOCUMENT, sections=(Section("s", "S", (clause,), label="S"),))
    page = render_html(document)
    assert "javascript:" not in page and "cliquez" in page
    WRITERS["docx"](document, tmp_path / "x.docx")
    with zipfile.ZipFile(tmp_path / "x.docx") as archive:
        rels = archive.read("word/_rels/document.xml.rels").decode()
        body = archive.read("word/document.xml").decode()
    assert "javascript" not in rels and "cliquez" in body
    assert "<w:hyperlink r:id=" not in body  # no external link (the table of contents links inside)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "https://exemple.com/police.ttf", "http://127.0.0.1/x.css"])
def test_pdf_fetcher_refuses_anything_outside_the_project(url):
    from policygen.writers.pdf import ProjectOnlyFetcher
    with pytest.raises(ValueError, match="hors du projet"):
        ProjectOnlyFetcher().fetch(url)


def test_notes_are_set_apart_in_every_format(tmp_path):
    import dataclasses

    from policygen.model.nodes import Note
    note = Note((para("En cas d’urgence, composez le 911."),))
    clause = Clause("u", "Urgence", False, (para("Avant."), note, para("Après.")), PROV)
    document = dataclasses.replace(DOCUMENT, sections=(Section("s", "S", (clause,), label="S"),))
    assert '<div class="note" role="note"><p>En cas d’urgence, composez le 911.</p></div>' in render_html(document)
    WRITERS["docx"](document, tmp_path / "n.docx")
    word = docx.Document(str(tmp_path / "n.docx"))
    styles = [(p.style.name, p.text) for p in word.paragraphs]
    assert ("Normal", "Après.") in styles
    # In Word, the notice is one shaded, ruled cell whose row never splits across pages.
    (box,) = word.tables
    assert box.style.name == "Encadré" and box.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    assert [(p.style.name, p.text) for p in box.cell(0, 0).paragraphs] == [("Note", "En cas d’urgence, composez le 911.")]


def test_the_netiquette_emergency_notice_is_a_note(built):
    page = (built / "ocq" / "netiquette.html").read_text(encoding="utf-8")
    note = page.split('<div class="note" role="note">', 1)[1].split("</div>", 1)[0]
    assert "911" in note and "811" in note
