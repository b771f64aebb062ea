"""The intranet site: every organisation's documents as accessible web pages.

`publish_site(target, organisations)` lays out, all or nothing, what a build has
installed (each organisation's Word and PDF files are linked, or copied, from its
build folder: no DOCX or PDF is rendered here), and writes:

    index.html                 organisations and their documents
    site.css                   screen, phone and print styles, fonts below
    fonts/                     the project's fonts (no external request)
    <organisation>/<document>.html|.docx|.pdf

Each document page has its table of contents (sections and clauses, each
with an anchor) and links to download its Word and PDF versions. Nothing is
fetched from outside the site and no script is needed to read it.

The marker file lists every file a publication wrote: a folder is replaced
only if it holds nothing else, so no file policygen did not write is ever
deleted. A `--site` that is a symbolic link keeps pointing to the new site.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..model.nodes import Document
from ..resources import TEMPLATES
from ..writers.html import layouts, render_html, stylesheet
from ..writers.options import SitePage, WriterOptions
from .staging import link_or_copy, staging_folder, swap

MARKER = ".policygen-site"  # marks a folder as ours: only such a folder is ever replaced
FONT_FILES = ("Lato-Regular.ttf", "Lato-Italic.ttf", "Lato-Bold.ttf", "Lato-BoldItalic.ttf", "LICENCE-Lato-OFL.txt")
FORMAT_LABELS = {"pdf": "PDF", "docx": "Word"}
HOME_LABEL = "Documents sur les médias sociaux"


class NotASiteError(Exception):
    """The target folder holds files policygen did not write there (the first few in `args`)."""


class SiteIsWorkingFolderError(Exception):
    """The target is the working folder or one of its parents: it cannot be swapped out."""


@dataclass(frozen=True)
class Organisation:
    slug: str
    name: str
    documents: tuple[Document, ...]
    built: Path  # the build's folder for it, holding <document>.docx and .pdf


def file_size(path: Path) -> str:
    """« 84 Ko », « 1,2 Mo », as French readers write sizes."""
    size = path.stat().st_size
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))}\u00a0Ko"
    return f"{size / 1_000_000:.1f}".replace(".", ",") + "\u00a0Mo"


def _document_page(document: Document, folder: Path) -> str:
    downloads = tuple((f"{document.kind}.{fmt}", f"{document.short_title} ({label})",
                       file_size(folder / f"{document.kind}.{fmt}")) for fmt, label in FORMAT_LABELS.items())
    page = SitePage(home="../index.html", home_label=HOME_LABEL, downloads=downloads, stylesheet="../site.css")
    return render_html(document, WriterOptions(site=page))


def _index(organisations: list[Organisation]) -> str:
    return layouts().get_template("site-index.html.j2").render(
        title=HOME_LABEL, organisations=organisations, formats=FORMAT_LABELS)


def _files(root: Path) -> set[str]:
    """Every file and link under `root`, as paths relative to it."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_symlink() or not p.is_dir()}


def _write_marker(root: Path) -> None:
    listing = "\n".join(sorted(_files(root)))
    (root / MARKER).write_text("# Dossier produit par « policygen publish », remplacé à chaque publication s’il ne "
                               "contient que les fichiers ci-dessous.\n" + listing + "\n", encoding="utf-8")


def _foreign(target: Path) -> list[str]:
    """Files in `target` that no earlier publication wrote (all of them without a marker)."""
    try:
        listed = {line for line in (target / MARKER).read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#")}
    except FileNotFoundError:
        listed = set()
    return sorted(_files(target) - listed - {MARKER})


def _write_site(root: Path, organisations: list[Organisation]) -> None:
    css = "\n".join(stylesheet(name) for name in ("fonts.css", "document.css", "screen.css", "site.css"))
    (root / "site.css").write_text(css, encoding="utf-8")
    (root / "fonts").mkdir()
    for name in FONT_FILES:
        shutil.copyfile(TEMPLATES / "fonts" / name, root / "fonts" / name)
    for organisation in organisations:
        folder = root / organisation.slug
        folder.mkdir()
        for document in organisation.documents:
            for fmt in FORMAT_LABELS:
                link_or_copy(organisation.built / f"{document.kind}.{fmt}", folder / f"{document.kind}.{fmt}")
            (folder / f"{document.kind}.html").write_text(_document_page(document, folder), encoding="utf-8")
    (root / "index.html").write_text(_index(organisations), encoding="utf-8")
    _write_marker(root)


def refuse_unless_site(target: Path) -> Path:
    """`target` followed to where it points, if a site may be written there: raises
    `SiteIsWorkingFolderError` or `NotASiteError` otherwise (checked before anything is built)."""
    target = Path(os.path.realpath(target))
    if target == Path.cwd().resolve() or Path.cwd().resolve().is_relative_to(target):
        raise SiteIsWorkingFolderError(str(target))
    if target.is_dir() and (foreign := _foreign(target)):
        raise NotASiteError(*foreign[:3])
    return target


def publish_site(target: Path, organisations: list[Organisation]) -> None:
    """Write the whole site beside `target`, then swap it in: a failure leaves the old site as it was.

    A symbolic link is followed (the site is written where it points, the link stays);
    a folder holding files an earlier publication did not write is refused (`NotASiteError`)."""
    target = refuse_unless_site(target)
    staging = staging_folder(target)
    try:
        _write_site(staging, organisations)
        staging.chmod(0o755)
        swap(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
