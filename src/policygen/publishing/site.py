"""The intranet site: every organisation's documents as accessible web pages.

`publish_site(target, organisations)` lays out, all or nothing, what a build has
installed (each organisation's Word and PDF files are linked, or copied, from its
build folder: no DOCX or PDF is rendered here), and writes:

    index.html                 the network's register: every body's documents, overdue reviews flagged
    <organisation>/index.html  the body's register (`register.Row`): number, version, status, approval…
    <organisation>/conformite.html  the legal table of its politique (`legaltable`), linked from its register
    site.css                   screen, phone and print styles, fonts below
    fonts/                     the project's fonts (no external request)
    <organisation>/<document>.html|.docx|.pdf

Each document page has its table of contents (sections and clauses, each
with an anchor), links to download its Word and PDF versions and to the body's
other documents; a draft's pages carry the « Projet » banner (and, as every
format does, the highlighted values to confirm). Nothing is
fetched from outside the site and no script is needed to read it.

The marker file lists every file a publication wrote: a folder is replaced
only if it holds nothing else, so no file policygen did not write is ever
deleted. A `--site` that is a symbolic link keeps pointing to the new site.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from ..french import long_date
from ..model.labels import site_words
from ..model.nodes import Document
from ..resources import TEMPLATES
from ..writers.html import layouts, render_html, stylesheet
from ..writers.options import SitePage, WriterOptions
from .legaltable import PAGE as CONFORMITY_PAGE
from .register import PROJET, Row
from .staging import link_or_copy, staging_folder, swap

MARKER = ".policygen-site"  # marks a folder as ours: only such a folder is ever replaced
FONT_FILES = ("Lato-Regular.ttf", "Lato-Italic.ttf", "Lato-Bold.ttf", "Lato-BoldItalic.ttf", "LICENCE-Lato-OFL.txt")
FORMAT_LABELS = {"pdf": "PDF", "docx": "Word"}
HOME_LABEL = site_words("fr-CA")["home"]  # the network's register, the site's home, is French


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
    register: tuple[Row, ...] = ()
    conformity: str = ""  # the legal table's page (legaltable.site_page), linked from the register


def file_size(path: Path, lang: str = "fr-CA") -> str:
    """« 84 Ko », « 1,2 Mo » as French readers write sizes; « 84 KB », « 1.2 MB » in English."""
    size, words = path.stat().st_size, site_words(lang)
    if size < 1_000_000:
        return f"{max(1, round(size / 1000))}\u00a0{words['kilobytes']}"
    return f"{size / 1_000_000:.1f}".replace(".", words["decimal"]) + f"\u00a0{words['megabytes']}"


def _document_page(document: Document, organisation: Organisation, folder: Path, draft: bool) -> str:
    """A document's page, its words around the document in the document's language; another document's
    title in another language is tagged with it (an English page's link to the French politique)."""
    words = site_words(document.lang)
    downloads = tuple((f"{document.kind}.{fmt}", f"{document.short_title} ({label})",
                       file_size(folder / f"{document.kind}.{fmt}", document.lang)) for fmt, label in FORMAT_LABELS.items())
    related = (("index.html", words["register"], ""),) + tuple(
        (f"{other.kind}.html", other.title, other.lang if other.lang != document.lang else "")
        for other in organisation.documents if other.kind != document.kind)
    page = SitePage(home="../index.html", home_label=words["home"], downloads=downloads, stylesheet="../site.css",
                    related=related, banner=words["banner"] if draft else "")
    return render_html(document, WriterOptions(site=page))


def _shown(row: Row) -> dict:
    """A register row as the page shows it: dates in French, the approval in one phrase."""
    def date(value: str) -> str:
        return long_date(dt.date.fromisoformat(value)) if value else "—"
    approval = f"{row.approbation_instance}, le {date(row.approbation_date)}" + (
        f" (résolution {row.approbation_resolution})" if row.approbation_resolution else "")
    consultations = re.sub(r"\d{4}-\d{2}-\d{2}", lambda m: "le " + date(m.group()), row.consultations)
    return {**asdict(row), "approbation": approval, "consultations": consultations, "en_vigueur": date(row.en_vigueur),
            "derniere_revision": date(row.derniere_revision), "prochaine_revision": date(row.prochaine_revision)}


def _register_page(title: str, organisations: list[Organisation], network: bool, on: dt.date) -> str:
    """The network's register (`network`: the site's index) or one body's, with the same columns."""
    return layouts().get_template("site-register.html.j2").render(
        title=title, on=long_date(on), network=network, home_label=HOME_LABEL,
        formats={"html": "Page", **FORMAT_LABELS},
        organisations=[(o, [_shown(r) for r in o.register]) for o in organisations])


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


def _write_site(root: Path, organisations: list[Organisation], on: dt.date) -> None:
    css = "\n".join(stylesheet(name) for name in ("fonts.css", "document.css", "screen.css", "site.css"))
    (root / "site.css").write_text(css, encoding="utf-8")
    (root / "fonts").mkdir()
    for name in FONT_FILES:
        shutil.copyfile(TEMPLATES / "fonts" / name, root / "fonts" / name)
    for organisation in organisations:
        folder = root / organisation.slug
        folder.mkdir()
        draft = any(row.statut == PROJET for row in organisation.register)
        for document in organisation.documents:
            for fmt in FORMAT_LABELS:
                link_or_copy(organisation.built / f"{document.kind}.{fmt}", folder / f"{document.kind}.{fmt}")
            (folder / f"{document.kind}.html").write_text(_document_page(document, organisation, folder, draft),
                                                          encoding="utf-8")
        (folder / "index.html").write_text(_register_page(
            f"Registre des documents — {organisation.name}", [organisation], False, on), encoding="utf-8")
        if organisation.conformity:
            (folder / CONFORMITY_PAGE).write_text(organisation.conformity, encoding="utf-8")
    (root / "index.html").write_text(_register_page(HOME_LABEL, organisations, True, on), encoding="utf-8")
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


def publish_site(target: Path, organisations: list[Organisation], on: dt.date) -> None:
    """Write the whole site beside `target`, then swap it in: a failure leaves the old site as it was.

    A symbolic link is followed (the site is written where it points, the link stays);
    a folder holding files an earlier publication did not write is refused (`NotASiteError`)."""
    target = refuse_unless_site(target)
    staging = staging_folder(target)
    try:
        _write_site(staging, organisations, on)
        staging.chmod(0o755)
        swap(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
