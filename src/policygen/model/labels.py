"""Heading labels and the version line, composed once on the model.

« 1. Préambule », « Annexe 1 : Définitions », « 5.1 Les comptes officiels »,
« Version du 27 avril 2018 »: composed here, after numbering and before
typography, so the typography pass typesets them like any other text and
every writer shows the same words without composing them itself.
"""

from __future__ import annotations

import dataclasses

from ..french import long_date
from .nodes import TO_CONFIRM, Clause, Document, Section


def _section(section: Section) -> str:
    if not section.number:
        return section.title
    if section.annex:
        return f"{section.number} : {section.title}"
    return f"{section.number}. {section.title}"


def _clause(clause: Clause) -> str:
    return f"{clause.number} {clause.title}" if clause.number else clause.title


def label(document: Document) -> Document:
    """The document with every section and clause label and its version line filled in."""
    sections = tuple(dataclasses.replace(
        section, label=_section(section),
        clauses=tuple(dataclasses.replace(c, label=_clause(c)) for c in section.clauses))
        for section in document.sections)
    return dataclasses.replace(document, sections=sections, version_line=f"Version du {long_date(document.date)}",
                               version_mark=TO_CONFIRM if document.date_to_confirm else "")
