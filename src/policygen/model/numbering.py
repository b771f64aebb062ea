"""Section and clause numbers: « 1. », « 5.1 », « Annexe 2 »."""

from __future__ import annotations

import dataclasses

from .nodes import Document

# The word before an annex's number, in the document's language.
ANNEX_WORD = {"fr": "Annexe", "en": "Appendix"}


def number(document: Document, numbered: bool) -> Document:
    """« 1. », « 5.1 », « Annexe 2 » (« Appendix 2 » in English) where the outline asks for numbers."""
    if not numbered:
        return document
    sections, body, annex = [], 0, 0
    for section in document.sections:
        if section.role == "metadata":
            sections.append(section)
            continue
        if section.annex:
            annex += 1
            label = f"{ANNEX_WORD[document.lang[:2]]} {annex}"
        else:
            body += 1
            label = str(body)
        clauses, sub = [], 0
        for clause in section.clauses:
            if clause.show_title and not section.annex:
                sub += 1
                clause = dataclasses.replace(clause, number=f"{label}.{sub}")
            clauses.append(clause)
        sections.append(dataclasses.replace(section, number=label, clauses=tuple(clauses)))
    return dataclasses.replace(document, sections=tuple(sections))
