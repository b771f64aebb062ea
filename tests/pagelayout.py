"""Where text stands on a PDF page, as a reader sees the page: how far down each column's text runs."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

FOOTER = 0.06  # the running footer sits in the page's last 6 % (a fiche's 1.2 cm margin): not the text


def column_ends(path: Path, number: int) -> tuple[float, float]:
    """How far down the left and right halves' text runs on page `number` (1 first), as shares of
    the page's height from its top; the running footer left out."""
    page = PdfReader(str(path)).pages[number - 1]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    lowest = [height, height]

    def visit(text, cm, tm, font, size):
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        if text.strip() and FOOTER * height < y < height:
            side = 0 if x < width / 2 else 1
            lowest[side] = min(lowest[side], y)

    page.extract_text(visitor_text=visit)
    return tuple(1 - y / height for y in lowest)
