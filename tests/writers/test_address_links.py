"""E-mail addresses printed in the documents are links in every format, to the address
printed (mailto:), read back from the HTML, the Word file and the PDF's link annotations."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import output_files
from readback import docx_text, html_text

ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self.href: str | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.href = dict(attrs).get("href")
            self.links.append((self.href or "", ""))

    def handle_endtag(self, tag):
        if tag == "a":
            self.href = None

    def handle_data(self, data):
        if self.href is not None:
            href, text = self.links[-1]
            self.links[-1] = (href, text + data)


def _html_links(path: Path) -> list[tuple[str, str]]:
    parser = _Anchors()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


def _docx_links(path: Path) -> list[tuple[str, str]]:
    document = docx.Document(str(path))
    rels = document.part.rels
    return [(rels[link.get(qn("r:id"))].target_ref, "".join(t.text or "" for t in link.iter(qn("w:t"))))
            for link in document.element.body.iter(qn("w:hyperlink")) if link.get(qn("r:id"))]


def _pdf_uris(path: Path) -> set[str]:
    return {str(a.get_object()["/A"]["/URI"]) for page in PdfReader(str(path)).pages
            for a in page.get("/Annots", []) if "/URI" in a.get_object().get("/A", {})}


def test_every_address_printed_is_a_mailto_link_in_every_format(built):
    linked_somewhere = False
    for html in output_files(built, "html"):
        printed = set(ADDRESS.findall(html_text(html)))
        for links, text in ((_html_links(html), printed),
                            (_docx_links(html.with_suffix(".docx")), set(ADDRESS.findall(docx_text(html.with_suffix(".docx")))))):
            mail = {(href, label) for href, label in links if href.startswith("mailto:")}
            # The link's text is the address printed, and its target that same address.
            assert mail == {(f"mailto:{address}", address) for address in text}, html
        assert {f"mailto:{address}" for address in printed} <= _pdf_uris(html.with_suffix(".pdf")), html
        linked_somewhere = linked_somewhere or bool(printed)
    assert linked_somewhere
