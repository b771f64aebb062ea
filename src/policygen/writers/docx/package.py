"""The .docx zip, written the same way every time: fonts cut to the finished text, fixed entry
times and modes."""

from __future__ import annotations

import io
import zipfile

from docx.document import Document as DocxDocument
from docx.opc.pkgwriter import PackageWriter

from .fonts import embed_fonts

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class _Entries:
    """Takes what python-docx's package writer would zip, in its order: python-docx stamps zip
    entries with the clock, so its zip was only unpacked again to be rewritten."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, bytes]] = []

    def write(self, uri, blob: bytes) -> None:
        self.entries.append((uri.membername, blob))


def _entries(docx: DocxDocument) -> list[tuple[str, bytes]]:
    """The package's entries as `python-docx`'s `OpcPackage.save` writes them (pinned by pyproject)."""
    package = docx.part.package
    parts = package.parts
    for part in parts:
        part.before_marshal()
    found = _Entries()
    PackageWriter._write_content_types_stream(found, parts)
    PackageWriter._write_pkg_rels(found, package.rels)
    PackageWriter._write_parts(found, parts)
    return found.entries


def reproducible_zip(entries: list[tuple[str, bytes]]) -> bytes:
    """The entries zipped with a fixed time and mode."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, data)
    return out.getvalue()


def save_docx(docx: DocxDocument) -> bytes:
    """The finished document's bytes, its fonts cut to what it holds once nothing is added (a
    redline's deleted text included)."""
    embed_fonts(docx)
    return reproducible_zip(_entries(docx))
