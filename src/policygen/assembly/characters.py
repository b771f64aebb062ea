"""Characters the documents' font cannot draw, reported before anything is written.

The PDF and Word files use only the bundled Lato (templates/fonts). A character it lacks
(✓, CJK, emoji) would be drawn from whatever font the machine has, so the looks and the
bytes of the documents would depend on the machine: such a character is an error,
located in the organisation file when a value brought it, else in the clause file.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont

from ..diagnostics import Diagnostic, display_path
from ..library.schema import Library
from ..model.nodes import Document, block_texts
from ..orgfile.yamlsource import Located
from ..resources import TEMPLATES

# The four faces cover the same characters (tests/assembly/test_characters.py).
FONT = TEMPLATES / "fonts" / "Lato-Regular.ttf"
_LAYOUT = "\n\t"  # line breaks and tabs are layout, not glyphs


@functools.cache
def drawable() -> frozenset[str]:
    """Every character Lato has a glyph for."""
    with TTFont(FONT, lazy=True) as font:
        return frozenset(map(chr, font.getBestCmap()))


def _undrawable(texts: list[str]) -> list[str]:
    seen = drawable()
    return sorted({char for text in texts for char in text if char not in seen and char not in _LAYOUT})


def _strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))


def _name(char: str) -> str:
    return f"« {char} » (U+{ord(char):04X}" + (f", {unicodedata.name(char)})" if unicodedata.name(char, "") else ")")


_HINT = ("Remplacez-le par un caractère courant ou retirez-le : les documents n’utilisent que la police Lato, "
         "sans police de secours.")


def _problem(char: str, places: list[str], document: str, located: Located, display: str,
             clause_path: Path | None) -> Diagnostic:
    message = (f"Le caractère {_name(char)} n’existe pas dans la police Lato des documents "
               f"(document « {document} » : {', '.join(places)}).")
    for path, text in _strings(located.data):
        if char in text:
            field = ".".join(str(part) for part in path)
            return Diagnostic(display, located.line_of(path), field, message, _HINT, code="organisation.character")
    source = display_path(clause_path) if clause_path is not None else display
    return Diagnostic(source, None, "", message, _HINT, code="library.character")


def undrawable(document: Document, library: Library, located: Located, display: str) -> list[Diagnostic]:
    """One error for each character of `document` that Lato lacks, naming where the document uses it."""
    places: dict[str, list[str]] = {}
    sources: dict[str, Path] = {}
    heading = [document.title, document.organisation, document.short_title, document.version_line,
               *document.keywords]
    for char in _undrawable(heading):
        places.setdefault(char, []).append("titre et en-tête")
    for section in document.sections:
        for clause in section.clauses:
            texts = [section.title, clause.title] + [t for block in clause.blocks for t in block_texts(block)]
            for char in _undrawable(texts):
                places.setdefault(char, []).append(f"clause « {clause.id} »")
                path = next((c.path for c in library.clauses if c.id == clause.id), None)
                if path is not None:
                    sources.setdefault(char, path)
    return [_problem(char, where, document.kind, located, display, sources.get(char))
            for char, where in sorted(places.items())]
