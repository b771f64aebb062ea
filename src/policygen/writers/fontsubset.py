"""Lato cut down to what one file draws, for the PDF and the Word writers alike.

HarfBuzz's subsetter as the `uharfbuzz` wheel ships it (its own HarfBuzz, pinned by the
lock file), never the system's HarfBuzz-Subset: the bytes depend on that one pinned
version, not on the machine, and hold no clock (head.modified is the font's own). It
takes about a millisecond where fontTools took 0.2 s a face (benchmarks/build.py).
"""

from __future__ import annotations

from collections.abc import Iterable

import uharfbuzz as hb

# What a PDF font program needs nothing of (WeasyPrint's own list): shaping is done by then.
PDF_DROPPED = ("BASE", "DSIG", "EBDT", "EBLC", "EBSC", "GPOS", "GSUB", "JSTF", "LTSH", "PCLT", "SVG ")


def _tag(name: str) -> int:
    return int.from_bytes(name.encode("ascii"), "big")


def subset(data: bytes, *, index: int = 0, glyphs: Iterable[int] = (), characters: Iterable[str] = (),
           keep_ids: bool = False, hinting: bool = True, notdef_outline: bool = False,
           drop: Iterable[str] = (), features: Iterable[str] | None = None) -> bytes:
    """The font in `data` with only `glyphs` (ids) and the glyphs of `characters`, and what they
    need (composite parts, ligatures of kept layout tables); `keep_ids` keeps every glyph at its id
    (a PDF's text refers to glyphs by the full font's ids); `features`, when given, are the only
    layout features kept (HarfBuzz's default list otherwise)."""
    request = hb.SubsetInput()
    request.glyph_set.update(glyphs)
    request.unicode_set.update(map(ord, characters))
    request.sets(hb.SubsetInputSets.DROP_TABLE_TAG).update(map(_tag, drop))
    if features is not None:
        kept = request.sets(hb.SubsetInputSets.LAYOUT_FEATURE_TAG)
        kept.clear()
        kept.update(map(_tag, features))
    flags = hb.SubsetFlags.PASSTHROUGH_UNRECOGNIZED | hb.SubsetFlags.DESUBROUTINIZE
    if keep_ids:
        flags |= hb.SubsetFlags.RETAIN_GIDS
    if not hinting:
        flags |= hb.SubsetFlags.NO_HINTING
    if notdef_outline:
        flags |= hb.SubsetFlags.NOTDEF_OUTLINE
    request.flags = flags
    face = hb.subset(hb.Face(data, index), request)
    if face is None:
        raise RuntimeError("HarfBuzz n’a pas pu réduire la police Lato")
    return face.blob.data
