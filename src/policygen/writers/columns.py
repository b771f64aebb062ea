"""Boxes into columns for the PDF: which sections go in which column of which page.

WeasyPrint's CSS columns cannot keep a box whole (`break-inside: avoid` inside columns pushes
every column to the next page), so the PDF writer measures each box at the column's width and
places them here, in reading order: a box that does not fit what is left of a column starts the
next one, so no box continues in another column or page without its heading.
"""

from __future__ import annotations

Placement = tuple[tuple[tuple[str, ...], ...], ...]  # pages -> columns -> section ids, in reading order


def place(heights: list[tuple[str, float]], first_page: float, page: float, columns: int) -> Placement:
    """Sections (id, height) into `columns` columns per page: `first_page` high on the first page
    (under the title and the entry box), `page` high on the others. A box that does not fit what is
    left starts the next column (or page); one taller than a whole page's column runs over. In
    two columns, the last page's are balanced."""
    pages: list[list[list[str]]] = [[[]]]
    room = first_page
    for ident, height in heights:
        while height > room and (pages[-1][-1] or room < page):
            if len(pages[-1]) < columns:
                pages[-1].append([])
                room = first_page if len(pages) == 1 else page
            else:
                pages.append([[]])
                room = page
        pages[-1][-1].append(ident)
        room -= height
    if columns == 2:
        pages[-1] = _balanced(pages[-1], dict(heights), first_page if len(pages) == 1 else page)
    return tuple(tuple(tuple(column) for column in sheet) for sheet in pages)


def _balanced(sheet: list[list[str]], heights: dict[str, float], room: float) -> list[list[str]]:
    """The last page's boxes, in order, cut where its two columns end closest in height (a page
    half empty under one full column reads as unfinished)."""
    boxes = [ident for column in sheet for ident in column]
    cuts = [(max(sum(heights[i] for i in boxes[:k]), sum(heights[i] for i in boxes[k:])), k)
            for k in range(1, len(boxes))
            if sum(heights[i] for i in boxes[:k]) <= room and sum(heights[i] for i in boxes[k:]) <= room]
    if not cuts:
        return sheet
    _, k = min(cuts)
    return [boxes[:k], boxes[k:]]
