"""The one diff: what changed between two versions of a document, on the model.

Sections and clauses pair up by id. Inside a clause present in both versions,
blocks are aligned (a paragraph with a paragraph, a list with a list, a table
with a table), then the units of paired blocks (paragraphs, list items, table
rows), then the words of changed units. The HTML diff and the Word redline
both render a `DocumentDiff`, so they always show the same changes, and the
terminal summary reads its clause statuses from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .nodes import FRONT_ROLES, Block, Clause, Document, Heading, Inline, ListBlock, Note, Paragraph, Section, Table, \
    block_texts, inline_text
from .textdiff import align, similarity, tokens, word_ops

ADDED, REMOVED, CHANGED = "ajoutée", "retirée", "modifiée"  # as the terminal summary says them

Op = tuple[str, str, str]  # ("equal" | "replace", old words, new words)
Cells = tuple[str, ...]  # a table row's cells; one text for any other unit


# Headings as the reader sees them: the labels the model carries.

# The front matter's units, by the document's fields: writers name what they wrote of it the same way.
FRONT = ("organisation", "title", "version_line")


def _front(document: Document) -> list[Cells]:
    # the version line as the title block prints it, with its mark: confirming the date is a change
    return [(getattr(document, name) + (document.version_mark if name == "version_line" else ""),) for name in FRONT]


def _section_label(section: Section) -> Cells:
    return (section.label,)


def _clause_label(clause: Clause) -> Cells | None:
    return (clause.label,) if clause.show_title else None


# Diff nodes ------------------------------------------------------------------

@dataclass(frozen=True)
class UnitDiff:
    """One paragraph-like unit (a heading, a paragraph, a list item, a table row) in either version.

    `old`/`new` index the unit within its block (None: only the other version has it);
    `ops` holds the word-level changes of each cell of a changed unit.
    """

    old: int | None
    new: int | None
    old_cells: Cells | None
    new_cells: Cells | None
    ops: tuple[tuple[Op, ...], ...] = ()

    @property
    def changed(self) -> bool:
        return self.old_cells != self.new_cells


@dataclass(frozen=True)
class BlockDiff:
    """A block of a clause: `old`/`new` index it in each version's clause (None when absent).

    `opaque` for a block with a table nested in it: it is kept, inserted or deleted whole, never
    diffed inside (its units are then its texts, for reading only)."""

    kind: str  # paragraph, heading, list, note, table (with a header row), labels (label/value table)
    old: int | None
    new: int | None
    units: tuple[UnitDiff, ...]
    opaque: bool = False

    @property
    def changed(self) -> bool:
        return any(u.changed for u in self.units) or self.old is None or self.new is None


@dataclass(frozen=True)
class ClauseDiff:
    id: str
    section: str  # the id of its section
    status: str  # ADDED, REMOVED, CHANGED, or "" when the same
    title: UnitDiff | None  # its heading, when either version shows one
    blocks: tuple[BlockDiff, ...]


@dataclass(frozen=True)
class SectionDiff:
    id: str
    metadata: bool  # the identification section, before the table of contents
    heading: UnitDiff
    clauses: tuple[ClauseDiff, ...]


@dataclass(frozen=True)
class DocumentDiff:
    kind: str
    front: tuple[UnitDiff, ...]  # organisation, title, version line
    sections: tuple[SectionDiff, ...]

    def clauses(self) -> list[ClauseDiff]:
        return [c for s in self.sections for c in s.clauses]

    def status(self) -> dict[str, str]:
        """« ajoutée », « retirée » or « modifiée » for each clause that differs, in document order."""
        return {c.id: c.status for c in self.clauses() if c.status}

    def changed_units(self) -> int:
        """How many passages differ: headings, paragraphs, items and rows."""
        units = [*self.front, *(s.heading for s in self.sections)]
        for clause in self.clauses():
            units += ([clause.title] if clause.title else []) + [u for b in clause.blocks for u in b.units]
        return sum(u.changed for u in units)


# Units of a block --------------------------------------------------------------

def _kind(block: Block) -> str:
    if isinstance(block, Table):
        return "table" if any(block.header) else "labels"
    return {Paragraph: "paragraph", Heading: "heading", ListBlock: "list", Note: "note"}[type(block)]


Inlines = tuple[Inline, ...]


def _flat(blocks: tuple[Block, ...]) -> list[tuple[Inlines]] | None:
    """One unit per paragraph the block is written as, in order; None when a table is nested in it."""
    out: list[tuple[Inlines]] = []
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            out.append((block.inlines,))
        elif isinstance(block, Table):
            return None
        else:
            items = block.items if isinstance(block, ListBlock) else (block.blocks,)
            for item in items:
                # An empty list item is still one (empty) paragraph.
                nested = _flat(item) if item else [((),)]
                if nested is None:
                    return None
                out += nested
    return out


def unit_inlines(block: Block) -> list[tuple[Inlines, ...]] | None:
    """The inlines of each cell of each unit of a block (see `units`), for a writer that keeps their
    emphasis and links; None when a table is nested in it."""
    if isinstance(block, Table):
        return list((block.header, *block.rows) if any(block.header) else block.rows)
    return _flat((block,))


def units(block: Block) -> list[Cells] | None:
    """The units of a block: paragraphs and items, or rows (the header row when there is one)."""
    found = unit_inlines(block)
    return None if found is None else [tuple(inline_text(cell) for cell in unit) for unit in found]


# Alignment ---------------------------------------------------------------------

def _words(old: str, new: str) -> tuple[Op, ...]:
    before, after = tokens(old), tokens(new)
    return tuple((op, "".join(before[i1:i2]), "".join(after[j1:j2]))
                 for op, i1, i2, j1, j2 in word_ops(before, after, lambda i: before[i].isspace()))


def _unit(old: int | None, new: int | None, old_cells: Cells | None, new_cells: Cells | None) -> UnitDiff:
    ops = ()
    if old_cells is not None and new_cells is not None and old_cells != new_cells:
        ops = tuple(_words(a, b) for a, b in zip(old_cells, new_cells))
    return UnitDiff(old, new, old_cells, new_cells, ops)


def _unit_score(old: Cells, new: Cells) -> float:
    if len(old) != len(new):
        return 0.0  # rows of different widths cannot be diffed cell by cell
    # Rows of a label/value table pair up by their label.
    return 1.0 if len(old) == 2 and old[0] == new[0] else similarity(" ".join(old), " ".join(new))


def _units(old: list[Cells], new: list[Cells]) -> tuple[UnitDiff, ...]:
    pairs = align(old, new, lambda i, j: _unit_score(old[i], new[j]))
    return tuple(_unit(i, j, None if i is None else old[i], None if j is None else new[j]) for i, j in pairs)


def _whole(kind: str, block: Block, index: int, side: str) -> BlockDiff:
    made = [_unit(k, None, c, None) if side == "old" else _unit(None, k, None, c)
            for k, c in enumerate(_texts(block))]
    return BlockDiff(kind, index if side == "old" else None, index if side == "new" else None, tuple(made),
                     units(block) is None)


def _texts(block: Block) -> list[Cells]:
    return units(block) or [(t,) for t in block_texts(block)]


def _blocks(old: tuple[Block, ...], new: tuple[Block, ...]) -> tuple[BlockDiff, ...]:
    old_keys = [(_kind(b), tuple(_texts(b))) for b in old]
    new_keys = [(_kind(b), tuple(_texts(b))) for b in new]

    def score(i: int, j: int) -> float:
        if old_keys[i][0] != new_keys[j][0] or units(old[i]) is None or units(new[j]) is None:
            return 0.0  # a block with a nested table is only kept whole or replaced whole
        return similarity(" ".join(" ".join(c) for c in old_keys[i][1]),
                          " ".join(" ".join(c) for c in new_keys[j][1]))

    out: list[BlockDiff] = []
    for i, j in align(old_keys, new_keys, score):
        if j is None:
            out.append(_whole(old_keys[i][0], old[i], i, "old"))
        elif i is None:
            out.append(_whole(new_keys[j][0], new[j], j, "new"))
        elif units(new[j]) is None:  # paired only when equal (see `score`)
            out.append(BlockDiff(new_keys[j][0], i, j, tuple(_unit(k, k, c, c) for k, c in enumerate(_texts(new[j]))),
                                 opaque=True))
        else:
            out.append(BlockDiff(new_keys[j][0], i, j, _units(units(old[i]), units(new[j]))))
    return tuple(out)


def _label(old: Cells | None, new: Cells | None) -> UnitDiff | None:
    if old is None and new is None:
        return None
    return _unit(None if old is None else 0, None if new is None else 0, old, new)


def _clause(old: Clause | None, new: Clause | None, section: str) -> ClauseDiff:
    title = _label(old and _clause_label(old), new and _clause_label(new))
    blocks = _blocks(old.blocks if old else (), new.blocks if new else ())
    if old is None or new is None:
        status = ADDED if old is None else REMOVED
    else:
        status = CHANGED if (title and title.changed) or any(b.changed for b in blocks) else ""
    return ClauseDiff((new or old).id, section, status, title, blocks)


def _by_id(old: tuple, new: tuple) -> list[tuple]:
    """Pairs of items with the same id, in order; an item only one version has is paired with None."""
    pairs = align([x.id for x in old], [x.id for x in new], lambda i, j: 0.0)
    return [(None if i is None else old[i], None if j is None else new[j]) for i, j in pairs]


def diff(old: Document, new: Document) -> DocumentDiff:
    front = tuple(_unit(k, k, a, b) for k, (a, b) in enumerate(zip(_front(old), _front(new))))
    sections = []
    for before, after in _by_id(old.sections, new.sections):
        either = after or before
        clauses = tuple(_clause(a, b, either.id)
                        for a, b in _by_id(before.clauses if before else (), after.clauses if after else ()))
        sections.append(SectionDiff(either.id, either.role in FRONT_ROLES,
                                    _label(before and _section_label(before), after and _section_label(after)),
                                    clauses))
    return DocumentDiff(new.kind, front, tuple(sections))
