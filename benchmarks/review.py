"""Timings of the legal-review stages on the organisation files (not a test).

Targets: a review DOCX and a redline of one document well under a second each.
Run: .venv/bin/python benchmarks/review.py
"""

from __future__ import annotations

import time
from pathlib import Path

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.diff import diff
from policygen.review.htmldiff import render_diff
from policygen.review.redline import redline
from policygen.writers.docx.document import build_docx
from policygen.writers.options import WriterOptions

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 5


def timed(label: str, action) -> None:
    start = time.perf_counter()
    for _ in range(ROUNDS):
        action()
    print(f"{label:<40} {1000 * (time.perf_counter() - start) / ROUNDS:8.1f} ms")


def main() -> None:
    library = load_library()
    loaded, problems = load_all(sorted((ROOT / "organisations").glob("*.yaml")), library)
    assert not problems, problems
    for item in loaded:
        documents = documents_for(item, library, list(library.documents))
        print(item.display)
        timed("  assemble (3 documents)", lambda: documents_for(item, library, list(library.documents)))
        for document in documents:
            same = diff(document, document)
            timed(f"  {document.kind}: DOCX", lambda: build_docx(document))
            timed(f"  {document.kind}: DOCX with comments", lambda: build_docx(document, WriterOptions(review=True)))
            timed(f"  {document.kind}: diff against itself", lambda: diff(document, document))
            timed(f"  {document.kind}: redline against itself", lambda: redline(same, document, document))
            timed(f"  {document.kind}: HTML diff against itself", lambda: render_diff(same, document, document, [], "a", "b"))


if __name__ == "__main__":
    main()
