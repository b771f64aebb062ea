"""Which clauses a document takes: those whose condition holds, in outline order."""

from __future__ import annotations

from typing import Any

from ..library.schema import Clause, Library
from .render import applies  # the condition, guarded: a failing `when` is located in its clause file


def select(library: Library, document: str, context: dict[str, Any]) -> list[tuple[Any, list[Clause]]]:
    """The outline's sections, each with the clauses that apply, in order."""
    outline = library.outlines[document]
    by_section: dict[str, list[Clause]] = {s.id: [] for s in outline.sections}
    for clause in library.clauses:
        section = clause.meta.documents.get(document)
        if section is not None and applies(clause, context):
            by_section[section].append(clause)
    return [(s, sorted(by_section[s.id], key=lambda c: (c.meta.order, c.id))) for s in outline.sections]
