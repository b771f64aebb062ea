"""Which body elements of a Word file each part of the model became: the writer's own account.

The DOCX writer fills a `BodyMap` as it writes, so a reader of the file (the
redline) places its changes from what the writer says, never from what it
guesses of the layout. Every top-level element of the body is in exactly one
part, in order: a part of the model (a line of the front matter, named by the
document's field; a section's heading; a clause's title; a clause's block by
its index) or of the layout (the table of contents, a section break, anything
else the writer adds). Each part of the model also lists its units: the
element holding each paragraph, list item or table row of the model, with the
paragraph of each cell, wherever the writer set them (in the body, in a box,
in a table).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from lxml import etree

FRONT, TOC, SECTION, TITLE, BLOCK, LAYOUT = "front", "toc", "section", "title", "block", "layout"


@dataclass(frozen=True)
class Part:
    """What some body elements are: `kind` with its `key` (front: the document's field;
    section: its id; title: the clause's id; block: the clause's id and the block's index)."""

    kind: str
    key: tuple = ()


@dataclass(frozen=True)
class Unit:
    """A paragraph-like unit of the model as written: `element` (a w:p, or the w:tr of a table row)
    and the paragraph of each of its cells (the element itself for a paragraph)."""

    element: etree._Element
    cells: tuple[etree._Element, ...]


@dataclass
class Placed:
    part: Part
    elements: list[etree._Element]  # top-level body elements, in order
    units: list[Unit] = field(default_factory=list)


class BodyMap:
    """The body's parts in order, filled by the writer (`part`, `unit`), read by whoever needs it (`get`)."""

    def __init__(self, body: etree._Element):
        self.body = body
        self.parts: list[Placed] = []
        self._units: list[Unit] | None = None
        self._index: dict[Part, Placed] = {}

    @contextmanager
    def part(self, part: Part) -> Iterator[None]:
        """Records the body elements written inside the block as `part`, and the units written meanwhile."""
        start = len(self.body) - 1  # the body ends with its w:sectPr; new blocks go before it
        self._units = []
        yield
        self.parts.append(Placed(part, list(self.body[start:-1]), self._units))
        self._units = None

    def unit(self, element: etree._Element, cells: tuple[etree._Element, ...] | None = None) -> None:
        """Note a unit of the part being written (outside a part, nothing to note)."""
        if self._units is not None:
            self._units.append(Unit(element, cells if cells is not None else (element,)))

    def close(self) -> None:
        """Give every element no part holds a layout part of its own, and put the parts in body order."""
        owner = {id(element): placed for placed in self.parts for element in placed.elements}
        ordered: list[Placed] = []
        for element in self.body[:-1]:
            placed = owner.get(id(element))
            if placed is None:
                ordered.append(Placed(Part(LAYOUT), [element]))
            elif not ordered or ordered[-1] is not placed:
                ordered.append(placed)
        self.parts = ordered
        self._index = {placed.part: placed for placed in ordered}

    def get(self, part: Part) -> Placed | None:
        return self._index.get(part)
