"""Sequence alignment for the document diff (`diff`).

`align` pairs the blocks of two versions (paragraphs, rows, text units): equal
ones, changed ones (to be diffed word by word), and blocks only one side has.
`word_ops` diffs two token lists, joining fragments so a reader sees « old
words » replaced by « new words » rather than a mosaic of single letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher

TOKEN = re.compile(r"\s+|\S+")
SIMILAR = 0.35  # below this, two blocks read as different text: delete one, insert the other
WINDOW = 25  # how far ahead a changed block looks for its counterpart (keeps large rewrites fast)

Pair = tuple[int | None, int | None]


def tokens(text: str) -> list[str]:
    """Words (with their punctuation) and spaces, in order; joined they give `text` back."""
    return TOKEN.findall(text)


def similarity(old: str, new: str) -> float:
    """How many words two texts share (0 to 1); by word, not by letter, to stay fast on long blocks."""
    matcher = SequenceMatcher(None, old.split(), new.split(), autojunk=False)
    rough = matcher.quick_ratio()  # an upper bound, cheap: most unrelated pairs stop here
    return rough if rough < SIMILAR else matcher.ratio()


def align(old: Sequence[Hashable], new: Sequence[Hashable],
          score: Callable[[int, int], float]) -> list[Pair]:
    """(i, j) pairs in order: both set for kept or changed blocks, one None for a block only one side has.

    `old` and `new` are keys (equal keys: unchanged block); `score(i, j)` says how alike two
    unequal blocks are (0 when they cannot be paired, as a paragraph and a table).
    """
    pairs: list[Pair] = []
    matcher = SequenceMatcher(None, list(old), list(new), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pairs += list(zip(range(i1, i2), range(j1, j2)))
            continue
        j = j1
        for i in range(i1, i2):
            match = next((k for k in range(j, min(j2, j + WINDOW)) if score(i, k) >= SIMILAR), None)
            if match is None:
                pairs.append((i, None))
                continue
            pairs += [(None, k) for k in range(j, match)]
            pairs.append((i, match))
            j = match + 1
        pairs += [(None, k) for k in range(j, j2)]
    return pairs


def word_ops(old: Sequence[Hashable], new: Sequence[Hashable],
             blank: Callable[[int], bool]) -> list[tuple[str, int, int, int, int]]:
    """Opcodes (« equal » or « replace », with old and new ranges, either possibly empty).

    A run of blank tokens (`blank(i)` on the old side) between two changes joins them.
    """
    raw = SequenceMatcher(None, list(old), list(new), autojunk=False).get_opcodes()
    merged: list[list] = []
    for index, (op, i1, i2, j1, j2) in enumerate(raw):
        between = 0 < index < len(raw) - 1 and all(blank(i) for i in range(i1, i2))
        if op == "equal" and not between:
            merged.append(["equal", i1, i2, j1, j2])
        elif merged and merged[-1][0] == "replace":
            merged[-1][2], merged[-1][4] = i2, j2
        else:
            merged.append(["replace", i1, i2, j1, j2])
    return [tuple(m) for m in merged]
