"""What every writer shares: anchors, safe link targets, the table of contents' entries, the footer.

The HTML page, the PDF (the same page) and the Word file link to the same
anchors and list the same entries, so these live here, once, not in one writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.nodes import TO_CONFIRM, TO_CONFIRM_EN, Document


def anchor(identifier: str) -> str:
    return identifier.replace(".", "-")


SIBLING = re.compile(r"[a-z0-9-]+(?:\.[a-z]{2})?\.html")  # « netiquette.html », « netiquette.en.html »


def safe_href(href: str) -> bool:
    """Only web, mail and telephone links, anchors, or a sibling document (an edition's French
    original, « netiquette.html »): never `javascript:` or `file:`."""
    return href.startswith(("https://", "http://", "mailto:", "tel:", "#")) or SIBLING.fullmatch(href) is not None


def in_format(href: str, extension: str) -> str:
    """A link as a file of `extension` writes it: a sibling document's names the sibling file of the same
    format, relative (« netiquette.html » -> « netiquette.pdf »: the PDF's reader opens the French PDF
    beside it, not the templates folder); any other link as it is."""
    return href.removesuffix("html") + extension if SIBLING.fullmatch(href) else href


@dataclass(frozen=True)
class TocEntry:
    target: str
    label: str
    children: tuple[TocEntry, ...] = ()


def table_of_contents(document: Document) -> list[TocEntry]:
    """Sections and their titled clauses, with their anchors."""
    return [TocEntry(f"s-{anchor(s.id)}", s.label,
                     tuple(TocEntry(anchor(c.id), c.label) for c in s.clauses if c.show_title))
            for s in document.sections if s.role != "metadata"]


def title_version(document: Document) -> str:
    """The version line as the title block prints it: with its mark while the date is to confirm."""
    return document.version_line + document.version_mark


def footer_line(document: Document) -> str:
    """What every page's footer says before the page number: the document's number and its version, each
    with its « (à confirmer) » mark while the file marks it, so a page printed alone never looks final."""
    mark = TO_CONFIRM_EN if document.lang.startswith("en") else TO_CONFIRM
    number = document.number + (mark if document.number_to_confirm else "")
    return f"{number} — {title_version(document)}" if document.number else title_version(document)
