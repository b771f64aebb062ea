"""Writers: one per output format, each reading only the document model.

`WRITERS` is the one table of formats (as in pandoc): asking for an unknown
format is answered with the list of known ones. Every writer takes the same
`WriterOptions` (writers/options.py). The DOCX and PDF writers are imported on
first use: python-docx and WeasyPrint take most of a second to import, which
`check`, `explain` and a build with nothing to redo never pay.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..model.nodes import Document
from .html import write_html
from .options import WriterOptions

Writer = Callable[[Document, Path, WriterOptions], None]


def _write_docx(document: Document, path: Path, options: WriterOptions = WriterOptions()) -> None:
    from .docx.document import write_docx
    write_docx(document, path, options)


def _write_pdf(document: Document, path: Path, options: WriterOptions = WriterOptions()) -> None:
    from .pdf import write_pdf
    write_pdf(document, path, options)


WRITERS: dict[str, Writer] = {"html": write_html, "docx": _write_docx, "pdf": _write_pdf}
FORMATS = tuple(WRITERS)
