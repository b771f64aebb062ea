"""The .docx zip, written the same way every time: fonts cut to the finished text, fixed entry
times and modes."""

from __future__ import annotations

import io
import zipfile

from docx.document import Document as DocxDocument

from .fonts import embed_fonts

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def reproducible_zip(data: bytes) -> bytes:
    """python-docx stamps zip entries with the clock; rewrite them with a fixed time."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def save_docx(docx: DocxDocument) -> bytes:
    """The finished document's bytes, its fonts cut to what it holds once nothing is added (a
    redline's deleted text included)."""
    embed_fonts(docx)
    buffer = io.BytesIO()
    docx.save(buffer)
    return reproducible_zip(buffer.getvalue())
