"""The reviewer's note beside each clause, and the draft mark, as the writers show them.

Review outputs only: the note lines come from the clause's provenance in the
model; the HTML writer (and so the PDF) places them in an aside beside the
clause, the Word writer as a comment (writers/docx/comments.py).
"""

from __future__ import annotations

from html import escape

from ..model.nodes import Clause

DRAFT_MARK = "PROJET — pour révision"
AUTHOR = "policygen"
ITEM = "– "  # a note line that details the line before it (one value read)


def note_html(clause: Clause) -> str:
    """The same note beside the clause in HTML and PDF."""
    groups: list[tuple[str, list[str]]] = []
    for line in clause.provenance.notes:
        if line.startswith(ITEM) and groups:
            groups[-1][1].append(line.removeprefix(ITEM))
        else:
            groups.append((line, []))
    items = "".join(
        f"<li>{escape(line, quote=False)}"
        + (f"<ul>{''.join(f'<li>{escape(d, quote=False)}</li>' for d in details)}</ul>" if details else "")
        + "</li>" for line, details in groups)
    return (f'<aside class="provenance" aria-label="Provenance de la clause {escape(clause.provenance.clause_id)}">'
            f'<p class="provenance-titre">Provenance</p><ul>{items}</ul></aside>')
