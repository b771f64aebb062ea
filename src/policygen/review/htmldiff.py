"""A readable diff of two versions of one document, for the browser.

The whole new text, in reading order, with removed words in <del> and added
words in <ins>. Not colour alone: deletions are struck through, insertions
underlined, and each change is announced to screen readers (« début de la
suppression » … « fin de la suppression »), since most do not voice <del>/<ins>.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ..model.nodes import Block, Document, Table, block_texts, inline_text
from ..writers.html import layouts, stylesheet
from .orgdiff import FieldChange
from .textdiff import align, similarity, tokens, word_ops


@dataclass(frozen=True)
class Unit:
    """One piece of text shown as one element: a heading or a paragraph."""

    tag: str  # h2, h3, p
    text: str


def _block_units(block: Block) -> list[Unit]:
    if not isinstance(block, Table):
        return [Unit("p", text) for text in block_texts(block)]
    # A table row reads as one line: « En vigueur le : 27 avril 2018 » for a label/value table.
    labelled = not any(block.header)
    rows = block.rows if labelled else (block.header, *block.rows)
    return [Unit("p", (" : " if labelled and len(row) == 2 else " | ").join(inline_text(c) for c in row))
            for row in rows]


def units(document: Document) -> list[Unit]:
    out = []
    for section in document.sections:
        out.append(Unit("h2", section.label))
        for clause in section.clauses:
            if clause.show_title:
                out.append(Unit("h3", clause.label))
            out += [unit for block in clause.blocks for unit in _block_units(block)]
    return out


def _mark(tag: str, text: str) -> str:
    what = "l’ajout" if tag == "ins" else "la suppression"
    return (f'<{tag}><span class="sr">[début de {what} : </span>{escape(text, quote=False)}'
            f'<span class="sr"> fin de {what}]</span></{tag}>')


def _words(old: str, new: str) -> str:
    before, after = tokens(old), tokens(new)
    out = []
    for op, i1, i2, j1, j2 in word_ops(before, after, lambda i: before[i].isspace()):
        if op == "equal":
            out.append(escape("".join(after[j1:j2]), quote=False))
            continue
        if i2 > i1:
            out.append(_mark("del", "".join(before[i1:i2])))
        if j2 > j1:
            out.append(_mark("ins", "".join(after[j1:j2])))
    return "".join(out)


def _element(unit: Unit, inner: str, state: str) -> str:
    tag = {"h2": "h2", "h3": "h3"}.get(unit.tag, "p")
    return f'<{tag} class="{state}">{inner}</{tag}>' if state else f"<{tag}>{inner}</{tag}>"


def body(old: Document, new: Document) -> tuple[str, int]:
    """The diffed text as HTML, and how many blocks changed."""
    before, after = units(old), units(new)

    def score(i: int, j: int) -> float:
        return similarity(before[i].text, after[j].text) if before[i].tag == after[j].tag else 0.0

    parts, changed = [], 0
    for i, j in align(before, after, score):
        if j is None:
            parts.append(_element(before[i], _mark("del", before[i].text), "bloc-retire"))
        elif i is None:
            parts.append(_element(after[j], _mark("ins", after[j].text), "bloc-ajoute"))
        elif before[i] == after[j]:
            parts.append(_element(after[j], escape(after[j].text, quote=False), ""))
            continue
        else:
            parts.append(_element(after[j], _words(before[i].text, after[j].text), "bloc-modifie"))
        changed += 1
    return "".join(parts), changed


def render_diff(old: Document, new: Document, changes: list[FieldChange], old_name: str, new_name: str) -> str:
    text, changed = body(old, new)
    return layouts().get_template("diff.html.j2").render(
        document=new, old_name=old_name, new_name=new_name, changed=changed,
        changes=[c.describe() for c in changes if any(kind == new.kind for _, kind, _ in c.clauses)],
        css=Markup(stylesheet("document.css") + "\n" + stylesheet("diff.css")),
        body=Markup(text),
    )
