"""Timings of the legal-review stages on the organisation files (not a test).

Targets: a review DOCX and a redline of one document well under a second each.
Run: .venv/bin/python benchmarks/review.py
"""

from __future__ import annotations

import time
from pathlib import Path

from policygen.build import documents_for, load_all
from policygen.diffhtml import render_diff
from policygen.library import DOCUMENTS, load_library
from policygen.redline import redline
from policygen.writers.docx import build_docx

ROOT = Path(__file__).resolve().parents[1]
ROUNDS = 20


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
        plain = documents_for(item, library, list(DOCUMENTS))
        review = documents_for(item, library, list(DOCUMENTS), review=True)
        print(item.display)
        timed("  assemble (3 documents, review)", lambda: documents_for(item, library, list(DOCUMENTS), True))
        for before, after in zip(plain, review):
            timed(f"  {before.kind}: DOCX", lambda: build_docx(before))
            timed(f"  {before.kind}: DOCX with comments", lambda: build_docx(after))
            timed(f"  {before.kind}: redline against itself", lambda: redline(before, before))
            timed(f"  {before.kind}: HTML diff against itself", lambda: render_diff(before, before, [], "a", "b"))


if __name__ == "__main__":
    main()
