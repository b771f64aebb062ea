"""Document model -> tagged PDF, by WeasyPrint from the HTML writer's page.

The page is the same HTML (same words) with the print stylesheet added. The
URL fetcher only serves files from the project's templates (fonts): a build
makes no network request and reads nothing else.

Same input, same bytes on any machine: the only font is the bundled Lato (assembly
refuses a character it lacks, so no system font is ever drawn), and every font is
subset by the HarfBuzz of the uharfbuzz wheel (pinned by the lock file), whether or not
the system has HarfBuzz-Subset (see `_subset`).
"""

from __future__ import annotations

import dataclasses
import hashlib
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint import HTML
from weasyprint.pdf.fonts import Font
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from ..model.nodes import Document
from ..resources import TEMPLATES
from .fontsubset import PDF_DROPPED, subset
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


def _subset(font: Font, to_unicode: dict[int, str], hinting: bool) -> None:
    """Keeps the glyphs `font` draws (`to_unicode`'s keys), at their ids, as WeasyPrint does with
    HarfBuzz-Subset, but with the pinned HarfBuzz of the uharfbuzz wheel (`fontsubset`) whatever
    the system has: WeasyPrint prefers the system's HarfBuzz-Subset, whose output differs by
    version, and falls back to fontTools, which stamps the clock and is 200 times slower."""
    if to_unicode:
        font.file_content = subset(font.file_content, index=font.index, glyphs=to_unicode, keep_ids=True,
                                   hinting=hinting, notdef_outline=bool(font.missing), drop=PDF_DROPPED)


# WeasyPrint has no option for its subsetter: this one replaces it for the whole process.
Font.subset = _subset


@cache
def _fonts() -> FontConfiguration:
    """One font configuration per process: building one reads the system's font list and
    the project's @font-face rules again, for every document otherwise."""
    return FontConfiguration()


def render_pdf(document: Document, options: WriterOptions = WriterOptions()) -> bytes:
    page = render_html(document, dataclasses.replace(options, media="print", site=None))
    # A stable identifier (the PDF /ID) derived from the content keeps builds byte-identical.
    identifier = hashlib.sha256(page.encode("utf-8")).hexdigest()[:32].encode("ascii")
    html = HTML(string=page, base_url=str(TEMPLATES) + "/", url_fetcher=ProjectOnlyFetcher())
    return repair(html.write_pdf(font_config=_fonts(), pdf_variant="pdf/ua-1", pdf_identifier=identifier,
                                 uncompressed_pdf=False))


def write_pdf(document: Document, path: Path, options: WriterOptions = WriterOptions()) -> None:
    path.write_bytes(render_pdf(document, options))
