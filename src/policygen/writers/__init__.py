"""Writers: one per output format, each reading only the document model.

`WRITERS` is the one table of formats (as in pandoc): asking for an unknown
format is answered with the list of known ones. Every writer takes the same
`WriterOptions` (writers/options.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..model.nodes import Document
from .docx.document import write_docx
from .html import write_html
from .options import WriterOptions
from .pdf import write_pdf

Writer = Callable[[Document, Path, WriterOptions], None]

WRITERS: dict[str, Writer] = {"html": write_html, "docx": write_docx, "pdf": write_pdf}
FORMATS = tuple(WRITERS)
