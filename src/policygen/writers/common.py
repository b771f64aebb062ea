"""What every writer shares: anchors, safe link targets, the table of contents' entries, the footer.

The HTML page, the PDF (the same page) and the Word file link to the same
anchors and list the same entries, so these live here, once, not in one writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model.nodes import TO_CONFIRM, TO_CONFIRM_EN, Clause, Document, Foreign, Inline, Section, Text, ToConfirm, \
    body_sections, inline_text


def anchor(identifier: str) -> str:
    return identifier.replace(".", "-")


SIBLING = re.compile(r"[a-z0-9-]+(?:\.[a-z]{2})?\.html")  # « netiquette.html », « netiquette.en.html »


def safe_href(href: str) -> bool:
    """Only web, mail and telephone links, anchors, or a sibling document (an edition's French
    original, « netiquette.html »): never `javascript:` or `file:`."""
    return href.startswith(("https://", "http://", "mailto:", "tel:", "#")) or SIBLING.fullmatch(href) is not None


def leads_in(inlines: tuple[Inline, ...]) -> bool:
    """A paragraph that announces what follows (« …ou pour toute question : »): it is never the last line
    of a page, away from the contact or list it announces (reader4-en m5)."""
    return inline_text(inlines).rstrip().endswith(":")


def in_format(href: str, extension: str) -> str:
    """A link as a file of `extension` writes it: a sibling document's names the sibling file of the same
    format, relative (« netiquette.html » -> « netiquette.pdf »: the PDF's reader opens the French PDF
    beside it, not the templates folder); any other link as it is."""
    return href.removesuffix("html") + extension if SIBLING.fullmatch(href) else href


def heading(unit: Clause | Section) -> tuple[Inline, ...]:
    """A section's or clause's label as inlines: its number, then its title, whose French names (an English
    edition's) keep their language; a title all in the document's language is its label's one text."""
    if not unit.title_inlines or not unit.label.endswith(unit.title):
        return (Text(unit.label),)
    prefix = unit.label.removesuffix(unit.title)
    return ((Text(prefix),) if prefix else ()) + unit.title_inlines


def language_runs(inlines: tuple[Inline, ...], lang: str = "") -> list[tuple[str, str]]:
    """A heading's text in runs of one language each (text, its language; "" for the document's): what a
    Word heading or table of contents entry writes, one run each."""
    runs: list[tuple[str, str]] = []
    for node in inlines:
        if isinstance(node, Foreign):
            runs += language_runs(node.children, node.lang)
        elif isinstance(node, ToConfirm):
            runs += language_runs(node.children, lang) + [(node.mention, "")]  # the mark is in the document's
        elif hasattr(node, "children"):
            runs += language_runs(node.children, lang)
        else:
            runs.append((inline_text((node,)), lang))
    merged: list[tuple[str, str]] = []
    for text, language in runs:
        if merged and merged[-1][1] == language:  # « 10.2 » and « The » in one run
            merged[-1] = (merged[-1][0] + text, language)
        else:
            merged.append((text, language))
    return merged


@dataclass(frozen=True)
class TocEntry:
    target: str
    label: str
    children: tuple[TocEntry, ...] = ()
    heading: tuple[Inline, ...] = ()  # the label as inlines (`heading`)


def table_of_contents(document: Document) -> list[TocEntry]:
    """Sections and their titled clauses, with their anchors."""
    return [TocEntry(f"s-{anchor(s.id)}", s.label,
                     tuple(TocEntry(anchor(c.id), c.label, heading=heading(c)) for c in s.clauses if c.show_title),
                     heading=heading(s))
            for s in body_sections(document)]


def title_version(document: Document) -> str:
    """The version line as the title block prints it: with its mark while the date is to confirm."""
    return document.version_line + document.version_mark


def footer_line(document: Document) -> str:
    """What every page's footer says before the page number: the document's number and its version, each
    with its « (à confirmer) » mark while the file marks it, so a page printed alone never looks final."""
    mark = TO_CONFIRM_EN if document.lang.startswith("en") else TO_CONFIRM
    number = document.number + (mark if document.number_to_confirm else "")
    return f"{number} — {title_version(document)}" if document.number else title_version(document)
