"""A date to confirm: the title block prints « (à confirmer) » (« (to be confirmed) » in English)
after the version line, and so does every page's footer (a page printed alone never looks final),
read back from the three formats of every shipped body's documents, French and English (the PDFs whose text
is read back: tests/pdfsample.py)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from pdfsample import pdfs_read_back
from readback import pdf_page_texts

MARKS = {"fr": "\u00a0(à confirmer)", "en": "\u00a0(to be confirmed)"}
VERSION = re.compile(r"Version (?:du|of) [^\n<]*?\d{4}")


def _documents(built: Path) -> list[tuple[Path, str]]:
    """Each document's files (without extension) and the mark its language prints."""
    stems = sorted(p.with_suffix("") for p in built.glob("*/*.pdf"))  # « netiquette.en »: with_suffix would drop .en
    return [(stem, MARKS["en" if stem.name.endswith(".en") else "fr"]) for stem in stems]


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def test_the_title_and_every_footer_mark_a_date_to_confirm(built):
    seen = {"fr": 0, "en": 0}
    read = set(pdfs_read_back(built))
    for stem, mark in _documents(built):
        page = Path(f"{stem}.html").read_text(encoding="utf-8")
        title = re.search(r'<p class="doc-version">(.*?)</p>', page, re.S)[1]
        plain = _flat(re.sub(r"<[^>]+>", "", title))
        if _flat(mark) not in plain:  # a confirmed date: no mark anywhere
            assert "confirm" not in page.split('class="doc-footer"')[1], stem
            continue
        seen["en" if "to be" in mark else "fr"] += 1
        line = VERSION.search(plain)[0]
        footer = re.search(r'<footer class="doc-footer">\s*<p>(.*?)</p>', page, re.S)[1]
        assert _flat(re.sub(r"<[^>]+>", "", footer)).endswith(line + _flat(mark)), (stem, footer)

        with zipfile.ZipFile(Path(f"{stem}.docx")) as word:
            body = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", word.read("word/document.xml").decode()))
            footers = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", word.read(n).decode()))
                       for n in word.namelist() if n.startswith("word/footer")]
        assert line + _flat(mark) in _flat(body), stem
        assert footers and all(line + _flat(mark) in _flat(f) for f in footers), (stem, footers)

        if Path(f"{stem}.pdf") not in read:  # a politique outside the sample (tests/pdfsample.py)
            continue
        pages = [_flat(text) for text in pdf_page_texts(Path(f"{stem}.pdf"))]
        assert line + _flat(mark) in pages[0], stem
        # every page ends with its footer: the line and its mark, then the page label
        assert all(re.search(re.escape(line + _flat(mark)) + r" Page \d+ (de|of) \d+$", p) for p in pages), stem
    assert seen["fr"] and seen["en"], seen  # the shipped bodies hold a date to confirm in each language
