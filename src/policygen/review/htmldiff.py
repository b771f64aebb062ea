"""A readable diff of two versions of one document, for the browser, as the DocumentDiff says.

The whole new text, in reading order and in the document's own structure
(lists, tables, boxed notices; emphasis, links and the highlighted values to
confirm kept, as the HTML writer writes them), with removed words in <del>
and added words in <ins>. Not colour alone: deletions are struck through,
insertions underlined, and each change is announced to screen readers
(« début de la suppression » … « fin de la suppression »), since most do not
voice <del>/<ins>. Each clause is a <div> carrying its id and whether it changed.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from ..model.diff import ADDED, CHANGED, REMOVED, BlockDiff, DocumentDiff, UnitDiff, unit_inlines
from ..model.nodes import Block, Clause, Document, Heading, ListBlock, Note, Table
from ..writers.common import anchor
from ..writers.html import Piece, cut, layouts, pieces, pieces_html, stylesheet
from .orgdiff import FieldChange

CLAUSE_CLASS = {ADDED: "clause-ajoutee", REMOVED: "clause-retiree", CHANGED: "clause-modifiee", "": ""}
UNIT_CLASS = {"ins": "bloc-ajoute", "del": "bloc-retire", "changed": "bloc-modifie"}

Cell = list[Piece]  # one cell of a unit (the whole unit but in a table row), as the HTML writer cuts it


def _mark(tag: str, html: str) -> str:
    what = "l’ajout" if tag == "ins" else "la suppression"
    return f'<{tag}><span class="sr">[début de {what} : </span>{html}<span class="sr"> fin de {what}]</span></{tag}>'


def _words(ops, old: Cell, new: Cell) -> str:
    """A changed cell: each word-level change cut from its version, with that version's formatting."""
    out, before_at, after_at = [], 0, 0
    for op, before, after in ops:
        old_part = cut(old, before_at, before_at + len(before))
        new_part = cut(new, after_at, after_at + len(after))
        before_at, after_at = before_at + len(before), after_at + len(after)
        if op == "equal":
            out.append(pieces_html(new_part))
            continue
        if before:
            out.append(_mark("del", pieces_html(old_part)))
        if after:
            out.append(_mark("ins", pieces_html(new_part)))
    return "".join(out)


def _plain(text: str) -> Cell:
    return [Piece(text, ())]


def _cells(unit: UnitDiff, old: list[Cell] | None, new: list[Cell] | None) -> tuple[str, list[str]]:
    """The unit's state (a class of UNIT_CLASS, or "") and the HTML of each of its cells."""
    if new is None:
        return "del", [_mark("del", pieces_html(c)) for c in old]
    if old is None:
        return "ins", [_mark("ins", pieces_html(c)) for c in new]
    if not unit.changed:
        return "", [pieces_html(c) for c in new]
    return "changed", [_words(ops, o, n) for ops, o, n in zip(unit.ops, old, new)]


def _attribute(state: str) -> str:
    return f' class="{UNIT_CLASS[state]}"' if state else ""


def _line(unit: UnitDiff, tag: str) -> str:
    """A heading or a line of the front matter: plain labels."""
    state, (html,) = _cells(unit, unit.old_cells and [_plain(unit.old_cells[0])],
                            unit.new_cells and [_plain(unit.new_cells[0])])
    return f"<{tag}{_attribute(state)}>{html}</{tag}>"


def _unit_cells(block: Block | None) -> list[list[Cell]]:
    return [[pieces(cell) for cell in unit] for unit in unit_inlines(block) or []] if block is not None else []


def _rows(diff: BlockDiff, units: list[tuple[str, list[str]]], header: bool) -> str:
    """A table's rows: the header row's cells as column headers, or each row's label as its header."""
    rows = []
    for unit, (state, cells) in zip(diff.units, units):
        head = header and (unit.new if unit.new is not None else unit.old) == 0
        tags = [("th", ' scope="col"') if head else ("th", ' scope="row"') if k == 0 and not header else ("td", "")
                for k in range(len(cells))]
        rows.append(f"<tr{_attribute(state)}>" + "".join(f"<{t}{a}>{html}</{t}>" for (t, a), html in zip(tags, cells))
                    + "</tr>")
    return f"<table><tbody>{''.join(rows)}</tbody></table>"


def _block(diff: BlockDiff, old: Block | None, new: Block | None) -> str:
    """A block in its own structure: a list's items as items, a table's rows as rows, a notice boxed."""
    shape = new if new is not None else old
    if diff.opaque:  # a table nested in a list: kept, added or removed whole, read as its texts
        units = [_cells(u, u.old_cells and [_plain(" | ".join(u.old_cells))],
                        u.new_cells and [_plain(" | ".join(u.new_cells))]) for u in diff.units]
        return "".join(f"<p{_attribute(state)}>{html}</p>" for state, (html,) in units)
    olds, news = _unit_cells(old), _unit_cells(new)
    units = [_cells(u, None if u.old is None else olds[u.old], None if u.new is None else news[u.new])
             for u in diff.units]
    if isinstance(shape, Table):
        return _rows(diff, units, any(shape.header))
    lines = [(state, html) for state, (html,) in units]
    if isinstance(shape, ListBlock):
        tag = "ol" if shape.ordered else "ul"
        return f"<{tag}>" + "".join(f"<li{_attribute(s)}>{html}</li>" for s, html in lines) + f"</{tag}>"
    tag = "h4" if isinstance(shape, Heading) else "p"
    paragraphs = "".join(f"<{tag}{_attribute(s)}>{html}</{tag}>" for s, html in lines)
    return f'<div class="note" role="note">{paragraphs}</div>' if isinstance(shape, Note) else paragraphs


def _clauses(document: Document) -> dict[str, Clause]:
    return {c.id: c for s in document.sections for c in s.clauses}


def _at(clause: Clause | None, index: int | None) -> Block | None:
    return None if clause is None or index is None else clause.blocks[index]


def body(diff: DocumentDiff, old: Document, new: Document) -> str:
    parts = [_line(u, "p") for u in diff.front if u.changed]
    old_clauses, new_clauses = _clauses(old), _clauses(new)
    for section in diff.sections:
        parts.append(_line(section.heading, "h2"))
        for clause in section.clauses:
            classes = " ".join(filter(None, ("clause", CLAUSE_CLASS[clause.status])))
            parts.append(f'<div class="{classes}" id="{anchor(clause.id)}" data-clause="{escape(clause.id)}">')
            if clause.title:
                parts.append(_line(clause.title, "h3"))
            before, after = old_clauses.get(clause.id), new_clauses.get(clause.id)
            parts += [_block(b, _at(before, b.old), _at(after, b.new)) for b in clause.blocks]
            parts.append("</div>")
    return "".join(parts)


def render_diff(diff: DocumentDiff, old: Document, new: Document, changes: list[FieldChange],
                old_name: str, new_name: str) -> str:
    """The page for `new`, showing `diff` from `old`."""
    changed = diff.changed_units()
    return layouts().get_template("diff.html.j2").render(
        document=new, old_name=old_name, new_name=new_name, changed=changed,
        changes=[c.describe() for c in changes if any(kind == new.kind for _, kind, _ in c.clauses)],
        css=Markup(stylesheet("document.css") + "\n" + stylesheet("diff.css")),
        body=Markup(body(diff, old, new)),
    )
