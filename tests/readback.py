"""Reading the outputs back as their readers get them: text of the HTML (what a
browser shows), of the DOCX body (what Word shows), of the PDF pages (what a
PDF reader extracts, without the running header and footer)."""

from __future__ import annotations

import fcntl
import hashlib
import io
import pickle
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import docx
from docx.table import Table as DocxTable
from pypdf import PdfReader

PAGE_LABEL = re.compile(r"^Page \d+ de \d+$")


class _HtmlText(HTMLParser):
    """Body text, skipping <head>, and the skip link and footer that only screens have (a PDF's footer
    is a running one, a Word file's is outside its body)."""

    SKIPPED = {"head", "style", "script"}
    VOID = {"meta", "link", "br", "img", "hr", "input"}

    def __init__(self):
        super().__init__()
        self.chunks: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag not in self.VOID and (tag in self.SKIPPED or {"skip-link", "doc-footer", "autre-langue"} & set(classes)
                                      or self.skipping):
            self.skipping.append(tag)
        if tag in ("p", "li", "h1", "h2", "h3", "h4", "td", "th", "br"):
            self.chunks.append("\n")

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.chunks.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.chunks.append(data)


def html_text(path: Path) -> str:
    parser = _HtmlText()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.chunks)


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            parts.extend(p.text for row in block.rows for cell in row.cells for p in cell.paragraphs)
        else:
            parts.append(block.text)
    return "\n".join(parts)


@dataclass(frozen=True)
class PdfPage:
    """What a PDF reader extracts from one page: pypdf's text (its line breaks and spaces), the
    page's size, and each shown piece with where and how large it is drawn."""
    text: str
    width: float
    height: float
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Piece:
    text: str
    tm_y: float  # the text matrix's vertical offset (the line a piece is set on, before the page's transform)
    size: float  # points, as drawn
    x: float  # points from the page's left
    y: float  # baseline, points from the page's bottom


# The run's shared folder where every process keeps what it extracted (conftest sets it): the two
# xdist workers and a test file after another read the same built PDFs, at 0.1-2 s of CPU each.
SHARED_CACHE: list[Path] = []


def pdf_read(path: Path) -> tuple[PdfPage, ...]:
    """Every page of the PDF as extracted, once per content (a file rewritten since is read again)
    in the whole run: in this process, else from the run's shared folder, else from the file."""
    data = Path(path).read_bytes()
    key = hashlib.sha256(data).hexdigest()
    if key not in _READ:
        _READ[key] = _shared(key, data) if SHARED_CACHE else _extract(data)
    return _READ[key]


_READ: dict[str, tuple[PdfPage, ...]] = {}


def _shared(key: str, data: bytes) -> tuple[PdfPage, ...]:
    stored = SHARED_CACHE[0] / f"{key}.pdfpages"
    with open(SHARED_CACHE[0] / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be reading the same file: wait for it
        if stored.exists():
            return pickle.loads(stored.read_bytes())
        pages = _extract(data)
        written = stored.with_suffix(".partial")
        written.write_bytes(pickle.dumps(pages))
        written.replace(stored)
    return pages


def _extract(data: bytes) -> tuple[PdfPage, ...]:
    pages = []
    for page in PdfReader(io.BytesIO(data)).pages:
        pieces: list[Piece] = []

        def visit(text, cm, tm, font, size):
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            pieces.append(Piece(text, tm[5], size * scale, tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]))
        text = page.extract_text(visitor_text=visit)
        pages.append(PdfPage(text, float(page.mediabox.width), float(page.mediabox.height), tuple(pieces)))
    return tuple(pages)


def pdf_pages(path: Path) -> tuple[tuple[tuple[float, str], ...], ...]:
    """Per page, the shown text pieces with their vertical position (the text matrix's)."""
    return tuple(tuple((piece.tm_y, piece.text) for piece in page.pieces) for page in pdf_read(path))


def pdf_page_texts(path: Path) -> list[str]:
    """Each page's text as pypdf's `extract_text()` gives it."""
    return [page.text for page in pdf_read(path)]


def text_sizes(path: Path) -> Counter:
    """Characters shown per font size (points) over the PDF's pages."""
    sizes: Counter = Counter()
    for page in pdf_read(path):
        for piece in page.pieces:
            if piece.text.strip():
                sizes[round(piece.size, 1)] += len(piece.text.strip())
    return sizes


def body_size(path: Path) -> float:
    """The size most of the text is set in."""
    return text_sizes(path).most_common(1)[0][0]


RAISED = 5  # points: how far above its line a raised suffix (« 1er ») is drawn


def pdf_text(path: Path, running: tuple[str, ...] = ()) -> str:
    """The text of the pages without the footer (« Page X de Y ») and the running head and foot
    (the `running` strings on the bottom line of every page, or the top line of pages after the first:
    the first has no running head, its top line may be the organisation's name of the title block)."""
    out = []
    running_words = [words(r) for r in running]
    for index, pieces in enumerate(pdf_pages(path)):
        lines = [y for y, text in pieces if text.strip()]
        edges = {max(lines, default=0), *([min(lines, default=0)] if index else [])}
        # a footer whose « 1er » is raised is drawn in pieces, the « er » a little above the line: read together
        furniture = set()
        for edge in edges:
            band = [i for i, (y, text) in enumerate(pieces) if abs(y - edge) <= RAISED and not PAGE_LABEL.match(text.strip())]
            if words("".join(pieces[i][1] for i in band)) in running_words:
                furniture.update(band)
        for i, (y, text) in enumerate(pieces):
            if PAGE_LABEL.match(text.strip()) or i in furniture:
                continue
            if y in edges and words(text) in running_words:
                continue
            out.append(text)
    return "".join(out)


def words(text: str) -> list[str]:
    """Words for comparing formats: hyphens (and PDF line-end hyphenation) and
    case ignored, numbers (TOC page numbers) and punctuation left out."""
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[-\u2010\u2011\u00ad]\s*\n?", "", text)
    return re.findall(r"[^\W\d_]+", text.casefold())
