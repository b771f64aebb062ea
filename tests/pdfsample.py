"""The built PDFs whose text a test reads back (`readback.pdf_text`: pypdf takes ~2 s of CPU for a politique,
~0.2 s for a fiche or a nétiquette). Every fiche and nétiquette, English editions included: a fiche's columns
and a nétiquette's notice are placed from each body's own text. The politiques on `sample_files`' sample
only: one column, whose flow is its web page's (the print stylesheet lays out the same HTML), and every
body's web page and Word file is read in full."""

from __future__ import annotations

from pathlib import Path

from conftest import sample_files


def pdfs_read_back(built: Path) -> list[Path]:
    sampled = set(sample_files(built, "pdf"))
    return [path for path in sorted(built.glob("*/*.pdf")) if path.stem != "politique" or path in sampled]
