"""Boxes into columns for the PDF: which sections go in which column of which page.

WeasyPrint's CSS columns cannot keep a box whole (`break-inside: avoid` inside columns pushes
every column to the next page), so the PDF writer measures each box at the column's width and
places them here, in reading order: a box that does not fit what is left of a column starts the
next one, so no box continues in another column or page without its heading.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# A box in a column: its section's id and first clause, (id, 0) for the whole box; (id, k) the rest of
# a box cut before its clause k, under its heading again (« Bonnes pratiques (suite) »).
Piece = tuple[str, int]
Placement = tuple[tuple[tuple[Piece, ...], ...], ...]  # pages -> columns -> pieces, in reading order
# Where a section's box may be cut: (first clause, height) of each run of clauses that stays whole (a
# titled clause with the untitled ones that continue it), by section id.
Units = dict[str, tuple[tuple[int, float], ...]]

# A box is cut only if the piece left in the column is at least this share of a page's column (a
# heading over two lines reads as a stray), and, on the last page, only if the two columns then end
# this much closer (repeating a heading has a cost too).
SMALLEST_PIECE = 0.2
CUT_WORTH = 0.1


def _placed(heights: list[tuple[str, float]], first_page: float, page: float, columns: int,
            units: Units | None) -> list[list[list[tuple[Piece, float]]]]:
    """Sections (id, height) into `columns` columns per page, each piece with its height: `first_page`
    high on the first page (under the title and the entry box), `page` high on the others. A box that
    does not fit what is left of a column starts the next column (or page), whole; one that does not fit
    an empty column either is cut there between two of its `units`, its heading repeated over the rest,
    or, if it cannot be, runs over. When keeping boxes whole would take one more page (a short last box
    pushed onto a page of its own), a box is cut at the end of a column instead. In two columns, the last
    page's are balanced, cutting a box too if that alone balances them."""
    units = units or {}
    whole, filled = (_filled(heights, first_page, page, columns, units, eager) for eager in (False, True))
    pages = filled if len(filled) < len(whole) else whole
    if columns == 2:
        pages[-1] = _balanced(pages[-1], first_page if len(pages) == 1 else page, units)
        pages = _evened(pages, page, units)
    return pages


def _filled(heights: list[tuple[str, float]], first_page: float, page: float, columns: int, units: Units,
            eager: bool) -> list[list[list[tuple[Piece, float]]]]:
    """The boxes in reading order, column after column; `eager`: a box that does not fit what is left of
    a column is cut there when it can be, rather than only in an empty column."""
    pages: list[list[list[tuple[Piece, float]]]] = [[[]]]
    room = first_page
    queue = [((ident, 0), height) for ident, height in heights]
    while queue:
        piece, height = queue.pop(0)
        # an empty column (a box too tall for it) takes the first piece of the box
        cut = (_cut(piece, height, room, page, units)
               if height > room and columns > 1 and (not pages[-1][-1] or eager) else None)
        if height > room and (pages[-1][-1] or room < page or cut is not None):
            if cut is not None:
                pages[-1][-1].append(cut[0])
                piece, height = cut[1]
            queue.insert(0, (piece, height))
            if len(pages[-1]) < columns:
                pages[-1].append([])
                room = first_page if len(pages) == 1 else page
            else:
                pages.append([[]])
                room = page
            continue
        pages[-1][-1].append((piece, height))
        room -= height
    return pages


def _placement(sheets: list[list[list[tuple[Piece, float]]]]) -> Placement:
    """The pieces of each column of each page, without their heights, a cut box's pieces joined."""
    return tuple(tuple(_joined(column) for column in sheet) for sheet in sheets)


def _joined(column: list[tuple[Piece, float]]) -> tuple[Piece, ...]:
    """The column's pieces, two pieces of one box side by side made one again (a cut the balancing
    moved back into one column)."""
    pieces: list[Piece] = []
    for piece, _ in column:
        if not pieces or pieces[-1][0] != piece[0]:
            pieces.append(piece)
    return tuple(pieces)


def _cuts(piece: Piece, height: float, units: Units) -> list[tuple[int, float, float]]:
    """Each place a whole box may be cut: (clause, height of the first piece, of the second)."""
    inside = [unit for unit in units.get(piece[0], ()) if unit[0] >= piece[1]]  # the units of this piece
    cuts = []
    for index in range(1, len(inside)):
        before, after = sum(h for _, h in inside[:index]), sum(h for _, h in inside[index:])
        cuts.append((inside[index][0], height - after, height - before))
    return cuts


def _cut(piece: Piece, height: float, room: float, page: float, units: Units):
    """The box cut at its last place that leaves a first piece fitting `room`, or None: each piece
    at least SMALLEST_PIECE of a page's column."""
    fitting = [(k, first, rest) for k, first, rest in _cuts(piece, height, units)
               if SMALLEST_PIECE * page <= first <= room and rest >= SMALLEST_PIECE * page]
    if not fitting:
        return None
    k, first, rest = fitting[-1]
    return (piece, first), ((piece[0], k), rest)


def _rejoined(boxes: list[tuple[Piece, float]], units: Units) -> list[tuple[Piece, float]]:
    """Two pieces of one box side by side made one again, so the balancing may cut it elsewhere: the
    second piece's height (its heading and its units) with the first's units added."""
    out: list[tuple[Piece, float]] = []
    for piece, height in boxes:
        if out and out[-1][0][0] == piece[0]:
            start = out[-1][0]
            out[-1] = (start, height + sum(h for k, h in units.get(piece[0], ()) if start[1] <= k < piece[1]))
        else:
            out.append((piece, height))
    return out


def _balanced(sheet: list[list[tuple[Piece, float]]], room: float, units: Units) -> list[list[tuple[Piece, float]]]:
    """The last page's boxes, in order, cut where its two columns end closest in height (a page
    half empty under one full column reads as unfinished): between two boxes, or inside a box
    between two of its units, its heading repeated over the second column."""
    boxes = _rejoined([item for column in sheet for item in column], units)
    options = []  # (the taller column + the cost of a cut, the two columns)
    for index, (piece, height) in enumerate(boxes):
        before, after = boxes[:index], boxes[index + 1:]
        left, right = sum(h for _, h in before), sum(h for _, h in after)
        if index:
            options.append((max(left, height + right), before, boxes[index:]))
        for k, first, rest in _cuts(piece, height, units):
            options.append((max(left + first, rest + right) + CUT_WORTH * room,
                            [*before, (piece, first)], [((piece[0], k), rest), *after]))
    fitting = [(score, n, left, right) for n, (score, left, right) in enumerate(options)
               if sum(h for _, h in left) <= room and sum(h for _, h in right) <= room]
    if not fitting:
        return sheet
    _, _, left, right = min(fitting)
    return [left, right]


def _gap(sheet: list[list[tuple[Piece, float]]]) -> float:
    """How far apart a page's two columns end."""
    ends = [sum(h for _, h in column) for column in sheet] + [0.0] * (2 - len(sheet))
    return max(ends) - min(ends)


def _evened(pages: list[list[list[tuple[Piece, float]]]], page: float, units: Units) -> list[list[list[tuple[Piece, float]]]]:
    """When the last page's columns still end more than UNEVEN of a page apart (its boxes' units too
    coarse to even them), the end of the page before moves onto it: its last box, or the rest of it
    cut between two units, and the last page is balanced again, if its columns then end within UNEVEN."""
    if len(pages) < 2 or not pages[-2][-1] or _gap(pages[-1]) <= UNEVEN * page:
        return pages
    column, last = pages[-2][-1], [item for sheet_column in pages[-1] for item in sheet_column]
    piece, height = column[-1]
    moves = [(column[:-1], [(piece, height)])] if len(column) > 1 else []
    moves += [([*column[:-1], (piece, first)], [((piece[0], k), rest)]) for k, first, rest in _cuts(piece, height, units)
              if min(first, rest) >= SMALLEST_PIECE * page]
    best = pages
    for kept, moved in moves:
        sheet = _balanced([moved + last], page, units)
        if all(sum(h for _, h in c) <= page for c in sheet) and _gap(sheet) <= min(_gap(best[-1]), UNEVEN * page):
            best = [*pages[:-2], [*pages[-2][:-1], kept], sheet]
    return best


# The last page's two columns may end this share of a page's room apart before `_evened` moves the end of
# the page before onto it (a reader sees one column stop short).
UNEVEN = 0.12
# How many fitting steps below the largest that fits `fit` looks for one whose last page's columns end
# within UNEVEN.
EVEN_STEPS = 2
# A measure of the boxes at one step: their heights, the first page's room, a page's room, the units.
Measure = tuple[list[tuple[str, float]], float, float, Units]
# The columns are filled to this share of their room at most, so no page is packed to its bottom margin
# and Word (LibreOffice), whose lines run a little longer than the PDF's, keeps each box in its column.
FULL = 0.92


@dataclass(frozen=True)
class Fit:
    """The step a layout in columns is set at and where its boxes go at that step."""

    step: tuple[float, float]  # body size (points) and line height (times the size)
    placement: Placement


def fit(measure: Callable[[tuple[float, float]], Measure], steps: list[tuple[float, float]], columns: int,
        pages: int) -> Fit:
    """The largest of `steps` (body size and line height, ascending) at which the boxes, measured by
    `measure`, take at most `pages` pages: a short text is set larger and fills its sheet, a long one
    smaller. Each measure is a layout, the costly part: the boxes are measured once at the largest step
    (where a short text already fits), and that measure, scaled, predicts the largest step that fits;
    only that step and the one above it are measured, then one step at a time down or up should the
    prediction be wrong (the smallest is kept whatever it takes). Then down one or two of the steps that
    fit, if that evens out the last page's columns where this step cannot."""
    def placed(measured: Measure) -> tuple[Placement, bool]:
        """The placement, and whether its last page's columns end within UNEVEN of each other."""
        heights, first_page, page, units = measured
        sheets = _placed(heights, FULL * first_page, FULL * page, columns, units)
        even = columns != 2 or _gap(sheets[-1]) <= UNEVEN * FULL * (first_page if len(sheets) == 1 else page)
        return _placement(sheets), even

    top = len(steps) - 1
    largest = measure(steps[top])
    tried = {top: placed(largest)}

    def fits(index: int, even: bool = False) -> bool:
        if index not in tried:
            tried[index] = placed(measure(steps[index]))
        return len(tried[index][0]) <= pages and (tried[index][1] or not even)

    index = max((i for i in range(top + 1) if len(placed(_scaled(largest, steps[top], steps[i]))[0]) <= pages),
                default=0)
    while index > 0 and not fits(index):
        index -= 1
    while index < top and fits(index + 1):
        index += 1

    def fitting() -> Iterator[int]:
        """This step and the next EVEN_STEPS below it that fit (a step may not where the next one does:
        a box that just fits a column at one size and not at the next)."""
        below = (i for i in range(index - 1, -1, -1) if fits(i))
        yield index
        yield from itertools.islice(below, EVEN_STEPS)
    # Where no cut evens out the last page's columns at that step, one of the next steps down may (its
    # boxes shorter, a cut fits): page 2 then stays well filled, both columns nearly as low.
    even = next((i for i in fitting() if fits(i, even=True)), index)
    return Fit(steps[even], tried[even][0])


def _scaled(measured: Measure, step: tuple[float, float], to: tuple[float, float]) -> Measure:
    """A measure at `step` as it would about be at step `to`: a box grows as the square of the size
    (taller lines of fewer words) and as the line height, the title block above the columns as the size."""
    heights, first_page, page, units = measured
    grown = (to[0] / step[0]) ** 2 * to[1] / step[1]
    return ([(ident, height * grown) for ident, height in heights], page - (page - first_page) * to[0] / step[0], page,
            {ident: tuple((k, height * grown) for k, height in runs) for ident, runs in units.items()})
