"""python-docx's run text, written a piece at a time instead of a character at a time.

Setting a run's text makes python-docx feed the string through a state machine one
character per method call (a w:t for each stretch of plain text, a w:tab for a tab, a
w:br for a line end): some 70,000 calls for a politique. Cutting the string at those
three characters gives the same elements. Pinned by pyproject's python-docx bound, like
the other internals the writer uses.
"""

from __future__ import annotations

import re

from docx.oxml.text.run import _RunContentAppender

_BREAKS = re.compile(r"([\t\r\n])")


def _add_text(self: _RunContentAppender, text: str) -> None:
    for piece in _BREAKS.split(text):
        if piece == "\t":
            self._r.add_tab()
        elif piece in ("\r", "\n"):
            self._r.add_br()
        elif piece:
            self._r.add_t(piece)


_RunContentAppender.add_text = _add_text
