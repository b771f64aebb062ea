"""Lato inside the standalone HTML page: four @font-face rules with the faces as data: URIs.

A page sent by e-mail or opened from a shared folder has no fonts/ folder beside it, and a
workstation without Lato would show a system serif. So the page carries the project's Lato
(SIL Open Font License), subset to the characters French text uses (Basic Latin, Latin-1,
Latin Extended-A for « œ », general punctuation for « ’ » « – » « … », the euro) and compressed
as WOFF2 with its kerning and ligatures (about 23 KB a face): one subset per face and per
process, the same bytes on every machine. A page carries the faces its text uses.

The subset is HarfBuzz's (`fontsubset`, about 2 ms a face); fontTools only wraps it as WOFF2
(0.5 s a face, mostly Brotli). fontTools' own subsetter took 1.8 s a face, decompiling Lato's
layout tables, in every worker process that wrote a page: 7 s of a one-body build.
"""

from __future__ import annotations

import base64
import io
from functools import cache

from fontTools.ttLib import TTFont

from ..resources import TEMPLATES
from .design import design
from .fontsubset import subset
from .latolog import lato_stamp_quiet

# (file, weight, style) of each face; the text is French: every character assembly lets through
# (assembly/characters.py refuses what Lato lacks) is in these ranges.
FACES = (("Lato-Regular.ttf", 400, "normal"), ("Lato-Italic.ttf", 400, "italic"),
         ("Lato-Bold.ttf", 700, "normal"), ("Lato-BoldItalic.ttf", 700, "italic"))
RANGES = ((0x20, 0x7E), (0xA0, 0x17F), (0x2010, 0x203A), (0x20AC, 0x20AC), (0x2122, 0x2122))


@cache
def _woff2(filename: str) -> bytes:
    kept = subset((TEMPLATES / "fonts" / filename).read_bytes(), hinting=False, features=("kern", "liga"),
                  characters=[chr(c) for start, end in RANGES for c in range(start, end + 1)])
    out = io.BytesIO()
    with lato_stamp_quiet():
        font = TTFont(io.BytesIO(kept), recalcTimestamp=False)
        font.flavor = "woff2"
        font.save(out)
    return out.getvalue()


@cache
def _face(filename: str, weight: int, style: str) -> str:
    data = base64.b64encode(_woff2(filename)).decode("ascii")
    return (f'@font-face {{ font-family: "{design()["font"]}"; font-weight: {weight}; font-style: {style}; '
            f'font-display: swap; src: url("data:font/woff2;base64,{data}") format("woff2"); }}')


def font_faces(body: str) -> str:
    """The @font-face rules of the faces the page's `body` (its HTML) uses: regular and bold
    (headings) always, italic with emphasis or a value to confirm, bold italic with both."""
    italic = "<em>" in body or "mention-a-confirmer" in body
    wanted = {(400, "normal"), (700, "normal")} | ({(400, "italic")} if italic else set()) \
        | ({(700, "italic")} if italic and "<strong>" in body else set())
    return "\n".join(_face(*face) for face in FACES if face[1:] in wanted)


def prepare() -> None:
    """Make the four faces now: the build's fork server does, so that every worker forked from it
    starts with them instead of making them again (0.55 s of CPU a process)."""
    for face in FACES:
        _face(*face)
