"""Document model -> tagged PDF, by WeasyPrint from the HTML writer's page.

The page is the same HTML (same words) with the print stylesheet added. The
URL fetcher only serves files from the project's templates (fonts): a build
makes no network request and reads nothing else.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from functools import cache
from pathlib import Path

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from ..model.nodes import Document
from ..resources import TEMPLATES
from .html import render_html
from .options import WriterOptions


class ProjectOnlyFetcher(URLFetcher):
    """Serves `file:` URLs under templates/ and `data:` URLs; refuses the rest."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith("file://"):
            path = Path(url.removeprefix("file://").split("?")[0]).resolve()
            if path.is_relative_to(TEMPLATES):
                return super().fetch(url, headers)
        raise ValueError(f"ressource hors du projet refusée : {url}")


def _not_lato_created_stamp(record: logging.LogRecord) -> bool:
    """The shipped Lato 2.0 files store head.created as a Unix time instead of seconds since
    1904; fontTools (WeasyPrint's subsetter when HarfBuzz-Subset is missing) corrects it on
    reading and logs « 'created' timestamp seems very low ». Only that record is dropped:
    the files stay as published, so the embedded fonts, hence the PDFs, keep their bytes."""
    return not record.getMessage().startswith("'created' timestamp seems very low")


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
    head = logging.getLogger("fontTools.ttLib.tables._h_e_a_d")
    head.addFilter(_not_lato_created_stamp)
    try:
        return html.write_pdf(font_config=_fonts(), pdf_variant="pdf/ua-1", pdf_identifier=identifier,
                              uncompressed_pdf=False)
    finally:
        head.removeFilter(_not_lato_created_stamp)


def write_pdf(document: Document, path: Path, options: WriterOptions = WriterOptions()) -> None:
    path.write_bytes(render_pdf(document, options))
