"""A readable diff of two versions of one document, for the browser, as the DocumentDiff says.

The whole new text, in reading order, with removed words in <del> and added
words in <ins>. Not colour alone: deletions are struck through, insertions
underlined, and each change is announced to screen readers (« début de la
suppression » … « fin de la suppression »), since most do not voice <del>/<ins>.
Each clause is a <div> carrying its id and whether it changed.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from ..model.nodes import Document
from ..writers.common import anchor
from ..writers.html import layouts, stylesheet
from ..model.diff import ADDED, CHANGED, REMOVED, BlockDiff, Cells, DocumentDiff, UnitDiff
from .orgdiff import FieldChange

CLAUSE_CLASS = {ADDED: "clause-ajoutee", REMOVED: "clause-retiree", CHANGED: "clause-modifiee", "": ""}


def _mark(tag: str, text: str) -> str:
    what = "l’ajout" if tag == "ins" else "la suppression"
    return (f'<{tag}><span class="sr">[début de {what} : </span>{escape(text, quote=False)}'
            f'<span class="sr"> fin de {what}]</span></{tag}>')


def _words(ops) -> str:
    out = []
    for op, before, after in ops:
        if op == "equal":
            out.append(escape(after, quote=False))
            continue
        if before:
            out.append(_mark("del", before))
        if after:
            out.append(_mark("ins", after))
    return "".join(out)


def _unit(unit: UnitDiff, tag: str, separator: str = " | ") -> str:
    """One unit as one element: a heading, a paragraph, or a table row read as one line."""
    def joined(cells: Cells) -> str:
        return separator.join(cells)

    if unit.new_cells is None:
        return f'<{tag} class="bloc-retire">{_mark("del", joined(unit.old_cells))}</{tag}>'
    if unit.old_cells is None:
        return f'<{tag} class="bloc-ajoute">{_mark("ins", joined(unit.new_cells))}</{tag}>'
    if not unit.changed:
        return f"<{tag}>{escape(joined(unit.new_cells), quote=False)}</{tag}>"
    return f'<{tag} class="bloc-modifie">{separator.join(_words(ops) for ops in unit.ops)}</{tag}>'


def _block(block: BlockDiff) -> str:
    # A label/value row reads « En vigueur le : 27 avril 2018 ».
    def separator(unit: UnitDiff) -> str:
        cells = unit.new_cells or unit.old_cells
        return " : " if block.kind == "labels" and len(cells) == 2 else " | "

    return "".join(_unit(u, "p", separator(u)) for u in block.units)


def body(diff: DocumentDiff) -> str:
    parts = [_unit(u, "p") for u in diff.front if u.changed]
    for section in diff.sections:
        parts.append(_unit(section.heading, "h2"))
        for clause in section.clauses:
            classes = " ".join(filter(None, ("clause", CLAUSE_CLASS[clause.status])))
            parts.append(f'<div class="{classes}" id="{anchor(clause.id)}" data-clause="{escape(clause.id)}">')
            if clause.title:
                parts.append(_unit(clause.title, "h3"))
            parts += [_block(b) for b in clause.blocks]
            parts.append("</div>")
    return "".join(parts)


def render_diff(diff: DocumentDiff, document: Document, changes: list[FieldChange],
                old_name: str, new_name: str) -> str:
    """The page for `document` (the new version), showing `diff`."""
    changed = diff.changed_units()
    return layouts().get_template("diff.html.j2").render(
        document=document, old_name=old_name, new_name=new_name, changed=changed,
        changes=[c.describe() for c in changes if any(kind == document.kind for _, kind, _ in c.clauses)],
        css=Markup(stylesheet("document.css") + "\n" + stylesheet("diff.css")),
        body=Markup(body(diff)),
    )
