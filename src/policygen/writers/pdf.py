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

import ctypes
import dataclasses
import gc
import hashlib
import shutil
import sys
from collections.abc import Iterator
from functools import cache, lru_cache
from multiprocessing.util import Finalize
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint import HTML
from weasyprint.document import Document as LaidOut
from weasyprint.pdf.fonts import Font
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from ..model.nodes import Document
from ..resources import TEMPLATES
from .columns import Fit, Units, fit
from .common import in_format
from .design import design, sizes
from .fontsubset import PDF_DROPPED, subset
from .html import render_html
from .latolog import lato_stamp_quiet
from .options import WriterOptions
from .pdflang import install as tag_languages
from .pdfua import repair

tag_languages()  # French words in an English edition keep their /Lang in the PDF's tags


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


try:
    _LIBC = ctypes.CDLL("libc.so.6")
    _LIBC.malloc_trim  # noqa: B018 - glibc only
except (OSError, AttributeError):
    _LIBC = None


@cache
def _fonts() -> FontConfiguration:
    """One font configuration per process: building one reads the system's font list and
    the project's @font-face rules again, for every document otherwise.

    WeasyPrint copies the fonts it registers into a temporary folder (2.7 MB for Lato's four
    faces), removed only when the configuration is collected, which never happens in a build's
    worker (a worker process ends with `os._exit`): each build left one folder per worker in the
    system's temporary folder. It is removed when the process that made it exits, by
    multiprocessing's exit hook, which a worker runs too."""
    fonts = FontConfiguration()
    Finalize(None, _remove_font_files, args=(fonts,), exitpriority=0)
    return fonts


def _remove_font_files(fonts: FontConfiguration) -> None:
    if fonts._folder is not None:  # noqa: SLF001 - WeasyPrint's own folder (FontConfiguration.__del__)
        shutil.rmtree(fonts._folder, ignore_errors=True)  # noqa: SLF001


def _classes(box) -> list[str]:
    return box.element.get("class", "").split() if box.element is not None else []


def _boxes(box) -> Iterator:
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


def _sibling(target: str) -> str:
    """A link as the PDF writes it. WeasyPrint resolves a relative link against the base URL, the templates
    folder the fonts come from: a sibling document's (« netiquette.html ») would become
    `file:///<checkout>/templates/netiquette.html`, a broken link whose bytes depend on the checkout. It
    names the sibling PDF, relative to this one (`common.in_format`): « netiquette.pdf »."""
    if not target.startswith("file:"):
        return target
    return in_format(PurePosixPath(unquote(urlsplit(target).path)).name, "pdf")


def _render(page: str) -> LaidOut:
    html = HTML(string=page, base_url=str(TEMPLATES) + "/", url_fetcher=ProjectOnlyFetcher())
    laid_out = html.render(font_config=_fonts(), pdf_variant="pdf/ua-1")
    for drawn in laid_out.pages:
        drawn.links = [(kind, _sibling(target) if kind == "external" else target, rectangle, box)
                       for kind, target, rectangle, box in drawn.links if _linking(box)]
    return laid_out


def _linking(box) -> bool:
    """Whether a box WeasyPrint gives a link annotation is the link's own (the `<a>`, its lines and
    pseudo-elements): it gives one to every box inside a link too, and that of a French name's span in an
    English contents entry would be tagged under the span, not the Link element (PDF/UA-1); the link's own
    annotation covers it."""
    return box.element is None or box.element.get("href") is not None


def _heights(laid_out: LaidOut) -> tuple[list[tuple[str, float]], float, float, Units]:
    """Each section's height in the columns' flow (id, CSS px; the fragments of one added up), the
    room under the entry box on the first page, a page's room for text, and where each section's
    box may be cut (writers/columns.py: a titled clause with the untitled ones after it)."""
    heights: dict[str, float] = {}
    clauses: dict[str, dict[str, list]] = {}  # section -> clause id -> [height, titled], in order
    first_top = None
    for page in laid_out.pages:
        for flow in (box for box in _boxes(page._page_box) if box.element_tag == "div" and _classes(box) == ["corps"]):
            first_top = flow.content_box_y() if first_top is None else first_top
            for box in _boxes(flow):
                if box.element_tag == "section" and "section" in _classes(box):
                    ident = box.element.get("id").removeprefix("s-")
                    heights[ident] = heights.get(ident, 0) + box.margin_height()
                    for clause in (b for b in _boxes(box) if b.element_tag == "div" and "clause" in _classes(b)):
                        seen = clauses.setdefault(ident, {}).setdefault(clause.element.get("id"), [0, False])
                        seen[0] += clause.margin_height()
                        seen[1] = seen[1] or any(b.element_tag == "h3" for b in _boxes(clause))
    # the measure's one tall page (print.css): a printed page's room from the design values
    first = laid_out.pages[0]._page_box
    top, _, bottom, _ = sizes(True)["margins_cm"]
    room = (design()["page"]["height_cm"] - top - bottom) * 96 / 2.54
    return list(heights.items()), room - ((first_top or 0) - first.margin_top), room, _units(clauses)


def _units(clauses: dict[str, dict[str, list]]) -> Units:
    """The runs of clauses a box may be cut between: an untitled clause after a titled one continues
    it (its text under that title), so it stays with it."""
    units: dict[str, list[list]] = {}
    for ident, own in clauses.items():
        runs = units.setdefault(ident, [])
        titled_before = False
        for index, (height, titled) in enumerate(own.values()):
            if runs and not titled and titled_before:
                runs[-1][1] += height
            else:
                runs.append([index, height])
            titled_before = titled_before or titled
    return {ident: tuple((k, h) for k, h in runs) for ident, runs in units.items()}


# A task that writes a document's Word file before its PDF lays it out once (publishing/build.py
# writes the PDF first: see `render_pdf`).
@lru_cache(maxsize=1)
def _lay_out(document: Document, options: WriterOptions) -> tuple[str, LaidOut]:
    """The print page and its layout. In columns, each box is measured at the columns' width, then
    placed in its column (writers/columns.py), so that no box is cut from its heading."""
    options = dataclasses.replace(options, media="print", site=None)
    if document.layout.columns == 1:
        page = render_html(document, options)
        return page, _render(page)
    values = sizes(document.layout.compact)
    # A layout with no steps (a guide in columns, not a sheet) is set at its one size on the pages it takes.
    steps = [tuple(step) for step in values.get("steps", [(values["text"], values["line"])])]
    fitted = fit(lambda step: _heights(_render(render_html(document, options, measure=True, step=step))),
                 steps, document.layout.columns, values.get("pages", sys.maxsize))
    if not options.review:  # the size and placement the Word writer follows (`placement`)
        _placements[document] = fitted
    page = render_html(document, options, placement=fitted.placement, step=fitted.step)
    return page, _render(page)


# The PDF's page numbers of the documents laid out in this task, for the Word writer: kept
# instead of the layout, which is let go as soon as the PDF is drawn (it is the largest thing a
# worker holds, and the PDF/UA repair then holds the whole file).
_numbers: dict[Document, dict[str, int]] = {}
_placements: dict[Document, Fit] = {}


def _anchor_pages(laid_out: LaidOut) -> dict[str, int]:
    numbers: dict[str, int] = {}
    for number, page in enumerate(laid_out.pages, start=1):
        for name in page.anchors:
            numbers.setdefault(name, number)
    return numbers


def release_layouts() -> None:
    """Let what was kept for the Word writer go, with the cycles of the layouts' boxes, once the
    document's files are written. The freed heap is handed back to the system where the C library
    can (glibc), so a worker's memory follows the document it writes rather than the largest it
    has written. What survives (modules, the process's caches) is then frozen out of the
    collector, so the next collections scan only the next document's objects."""
    _lay_out.cache_clear()
    _numbers.clear()
    _placements.clear()
    gc.collect()
    gc.freeze()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def page_numbers(document: Document) -> dict[str, int]:
    """The page each anchor of the document falls on in the PDF (1 for the first page): the Word
    writer fills its table of contents with them, so Word and LibreOffice show numbers on opening."""
    if document not in _numbers:
        _numbers[document] = _anchor_pages(_lay_out(document, WriterOptions())[1])
    return _numbers[document]


def placement(document: Document) -> Fit:
    """The body size of a layout in columns and where the PDF places its boxes (writers/columns.py):
    the Word writer sets the same size, breaks its columns at the same boxes, and cuts the same box
    under its heading again."""
    if document not in _placements:
        _lay_out(document, WriterOptions())
    return _placements[document]


def render_pdf(document: Document, options: WriterOptions = WriterOptions()) -> bytes:
    with lato_stamp_quiet():  # fontTools reads the Lato files (their character maps)
        page, laid_out = _lay_out(document, options)
        _lay_out.cache_clear()
        if options == WriterOptions():  # the layout page_numbers takes
            _numbers.setdefault(document, _anchor_pages(laid_out))
        # A stable identifier (the PDF /ID) derived from the content keeps builds byte-identical.
        identifier = hashlib.sha256(page.encode("utf-8")).hexdigest()[:32].encode("ascii")
        # uncompressed: the repair compresses it (`pdfua.Contents.compress_kept`)
        data = laid_out.write_pdf(pdf_variant="pdf/ua-1", pdf_identifier=identifier, uncompressed_pdf=True)
    del laid_out
    gc.collect()  # the boxes hold cycles: freed now, before the repair holds the whole file
    return repair(data)


def write_pdf(document: Document, path: Path, options: WriterOptions = WriterOptions()) -> None:
    path.write_bytes(render_pdf(document, options))
