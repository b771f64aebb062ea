"""Where text stands on a PDF page, as a reader sees the page: how far down each column's text runs."""

from __future__ import annotations

from pathlib import Path

from readback import pdf_read

FOOTER = 0.06  # the running footer sits in the page's last 6 % (a fiche's 1.2 cm margin): not the text


def column_ends(path: Path, number: int) -> tuple[float, float]:
    """How far down the left and right halves' text runs on page `number` (1 first), as shares of
    the page's height from its top; the running footer left out."""
    page = pdf_read(path)[number - 1]
    lowest = [page.height, page.height]
    for piece in page.pieces:
        if piece.text.strip() and FOOTER * page.height < piece.y < page.height:
            side = 0 if piece.x < page.width / 2 else 1
            lowest[side] = min(lowest[side], piece.y)
    return tuple(1 - y / page.height for y in lowest)
