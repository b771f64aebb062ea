"""Typesetting the model's text leaves to the writers: « 1er » and « 1re » with the suffix raised.

The model keeps the plain text (parity, search, the diff); each writer raises the suffix its
own way (HTML `<sup>`, Word a superscript run), so every format shows « 1ᵉʳ » alike.
"""

from __future__ import annotations

import re

ORDINAL = re.compile(r"(?<![\w])(1)(er|re)(?![\w])")


def ordinal_runs(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, raised) runs: « le 1er mai » -> [(« le 1 », False), (« er », True), (« mai »…)]."""
    runs: list[tuple[str, bool]] = []
    position = 0
    for match in ORDINAL.finditer(text):
        runs += [(text[position:match.start(2)], False), (match.group(2), True)]
        position = match.end()
    runs.append((text[position:], False))
    return [(piece, raised) for piece, raised in runs if piece]
