"""Lato inside the standalone HTML page: four @font-face rules with the faces as data: URIs.

A page sent by e-mail or opened from a shared folder has no fonts/ folder beside it, and a
workstation without Lato would show a system serif. So the page carries the project's Lato
(SIL Open Font License), subset to the characters French text uses (Basic Latin, Latin-1,
Latin Extended-A for « œ », general punctuation for « ’ » « – » « … », the euro) and compressed
as WOFF2 with its kerning and ligatures (about 23 KB a face), the same bytes on every machine.
A page carries the faces its text uses.

The faces are made once, by `ship()`, and shipped in
templates/fonts/web/ (tests/writers/test_webfonts.py makes them again and compares): making
them takes 1.5 s of CPU (the subset is HarfBuzz's, `fontsubset`, 2 ms a face; fontTools' WOFF2
wrapping, mostly Brotli, 0.4 s a face), which the fork server of every cold build paid.
"""

from __future__ import annotations

import base64
import io
from functools import cache
from pathlib import Path

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


WEB = TEMPLATES / "fonts" / "web"


def make(filename: str) -> bytes:
    """The WOFF2 face of the TrueType `filename` (templates/fonts), as shipped in WEB."""
    kept = subset((TEMPLATES / "fonts" / filename).read_bytes(), hinting=False, features=("kern", "liga"),
                  characters=[chr(c) for start, end in RANGES for c in range(start, end + 1)])
    out = io.BytesIO()
    with lato_stamp_quiet():
        font = TTFont(io.BytesIO(kept), recalcTimestamp=False)
        font.flavor = "woff2"
        font.save(out)
    return out.getvalue()


def shipped(filename: str) -> Path:
    return WEB / Path(filename).with_suffix(".woff2").name


@cache
def _face(filename: str, weight: int, style: str) -> str:
    data = base64.b64encode(shipped(filename).read_bytes()).decode("ascii")
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
    """Encode the four faces now: the build's fork server does, so that every worker forked from it
    starts with them."""
    for face in FACES:
        _face(*face)


def ship() -> None:
    """Make the shipped faces again, after a change of Lato, of RANGES or of the subsetter's version."""
    WEB.mkdir(exist_ok=True)
    for face in FACES:
        shipped(face[0]).write_bytes(make(face[0]))
