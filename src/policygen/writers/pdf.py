"""Document model -> tagged PDF, by WeasyPrint from the HTML writer's page.

The page is the same HTML (same words) with the print stylesheet added. The
URL fetcher only serves files from the project's templates (fonts): a build
makes no network request and reads nothing else.

Same input, same bytes on any machine: the only font is the bundled Lato (assembly
refuses a character it lacks, so no system font is ever drawn), and every font is
subset by fontTools (a pip dependency, pinned by pyproject) without the clock,
whether or not the system has HarfBuzz-Subset (see `_subset`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import logging
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from fontTools import subset
from fontTools.ttLib import TTFont
from weasyprint import HTML
from weasyprint.document import Document as LaidOut
from weasyprint.pdf.fonts import Font
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from ..model.nodes import Document
from ..resources import TEMPLATES
from .html import render_html
from .options import WriterOptions
from .pdfua import repair


class ProjectOnlyFetcher(URLFetcher):
    """Serves `file:` URLs under templates/ and `data:` URLs; refuses the rest."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if parts.scheme == "file":
            # decoded (« %2e%2e » is « .. ») and resolved before the check; the resolved path is read
            path = Path(url2pathname(parts.path)).resolve()
            if path.is_relative_to(TEMPLATES):
                return super().fetch(path.as_uri(), headers)
        raise ValueError(f"ressource hors du projet refusée : {url}")


def _not_lato_created_stamp(record: logging.LogRecord) -> bool:
    """The shipped Lato 2.0 files store head.created as a Unix time instead of seconds since
    1904; fontTools (the subsetter, `_subset` below) corrects it on reading and logs
    « 'created' timestamp seems very low ». Only that record is dropped:
    the files stay as published, so the embedded fonts, hence the PDFs, keep their bytes."""
    return not record.getMessage().startswith("'created' timestamp seems very low")


def _subset(font: Font, to_unicode: dict[int, str], hinting: bool) -> None:
    """Keeps the glyphs `font` draws (`to_unicode`'s keys), at their ids, as fontTools does for
    WeasyPrint without HarfBuzz-Subset, but with the font's own head.modified (fontTools would
    stamp the time of the build) and whatever system libraries exist (WeasyPrint prefers
    HarfBuzz-Subset when installed, whose output differs by version)."""
    if not to_unicode:
        return
    options = subset.Options(retain_gids=True, passthrough_tables=True, ignore_missing_glyphs=True,
                             hinting=hinting, desubroutinize=True, notdef_outline=bool(font.missing))
    options.drop_tables += ["GSUB", "GPOS", "SVG "]
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=to_unicode)
    ttfont = TTFont(io.BytesIO(font.file_content), fontNumber=font.index, recalcTimestamp=False)
    subsetter.subset(ttfont)
    output = io.BytesIO()
    ttfont.save(output)
    font.file_content = output.getvalue()


# WeasyPrint has no option for its subsetter: this one replaces it for the whole process.
Font.subset = _subset


@cache
def _fonts() -> FontConfiguration:
    """One font configuration per process: building one reads the system's font list and
    the project's @font-face rules again, for every document otherwise."""
    return FontConfiguration()


def _boxes(box) -> Iterator:
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def _split_section(laid_out: LaidOut, column_height: float) -> str | None:
    """The first section split across columns or pages though it would fit in one column, or None.
    A section is drawn as one box per column it runs in."""
    fragments: dict[str, list[float]] = {}
    for page in laid_out.pages:
        for box in _boxes(page._page_box):
            if box.element_tag == "section" and box.element is not None:
                fragments.setdefault(box.element.get("id"), []).append(box.margin_height())
    for ident, heights in fragments.items():
        if len(heights) > 1 and sum(heights) <= column_height:
            return ident.removeprefix("s-")
    return None


def _lay_out(document: Document, options: WriterOptions) -> tuple[str, LaidOut]:
    """The print page and its layout. In columns, a boxed section that would break across a column
    or page starts the next column instead, so no box continues without its heading (WeasyPrint
    cannot keep a box whole inside columns: `break-inside: avoid` there pushes every column on)."""
    breaks: dict[str, str] = {}  # section id -> « colonne », then « page » if a new column did not do
    while True:
        page = render_html(document, dataclasses.replace(options, media="print", site=None), breaks)
        html = HTML(string=page, base_url=str(TEMPLATES) + "/", url_fetcher=ProjectOnlyFetcher())
        laid_out = html.render(font_config=_fonts(), pdf_variant="pdf/ua-1")
        if document.layout.columns == 1:
            return page, laid_out
        first = laid_out.pages[0]
        split = _split_section(laid_out, first.height - first._page_box.margin_top - first._page_box.margin_bottom)
        if split is None or breaks.get(split) == "page":
            return page, laid_out
        breaks[split] = "page" if split in breaks else "colonne"


def render_pdf(document: Document, options: WriterOptions = WriterOptions()) -> bytes:
    head = logging.getLogger("fontTools.ttLib.tables._h_e_a_d")
    head.addFilter(_not_lato_created_stamp)
    try:
        page, laid_out = _lay_out(document, options)
        # A stable identifier (the PDF /ID) derived from the content keeps builds byte-identical.
        identifier = hashlib.sha256(page.encode("utf-8")).hexdigest()[:32].encode("ascii")
        return repair(laid_out.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=identifier, uncompressed_pdf=False))
    finally:
        head.removeFilter(_not_lato_created_stamp)


def write_pdf(document: Document, path: Path, options: WriterOptions = WriterOptions()) -> None:
    path.write_bytes(render_pdf(document, options))
