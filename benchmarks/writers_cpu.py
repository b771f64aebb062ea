"""CPU seconds of the PDF and Word writers per document, as a build spends them.

usage: python benchmarks/writers_cpu.py [organisations/x.yaml ...]  (default: all)

Measured with `time.process_time` (this process's CPU, not the wall clock), so the figures hold
on a loaded machine. Each document is written as a build task writes it: the PDF first, whose
layout the Word file's table of contents then reads (`stages.py` times the Word writer alone,
so its Word column includes a WeasyPrint layout a build does not pay twice). The PDF is split
into layout, drawing and the PDF/UA repair.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import policygen.writers.pdf as pdf
from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.writers.docx.document import build_docx
from policygen.writers.docx.package import save_docx
from policygen.writers.options import WriterOptions

ROOT = Path(__file__).resolve().parents[1]


def main(paths: list[Path]) -> None:
    library = load_library()
    repair = pdf.repair
    spent = {"repair": 0.0}

    def timed_repair(data: bytes) -> bytes:
        start = time.process_time()
        try:
            return repair(data)
        finally:
            spent["repair"] += time.process_time() - start

    pdf.repair = timed_repair
    columns = ("layout", "pdf", "repair", "docx", "save")
    totals = dict.fromkeys(columns, 0.0)
    print(f"{'document':<40}" + "".join(f"{c:>9}" for c in columns))
    for path in paths:
        loaded, _ = load_all([path], library)
        for document in documents_for(loaded[0], library, list(library.documents)):
            spent["repair"] = 0.0
            start = time.process_time()
            pdf._lay_out(document, WriterOptions())  # kept (one entry) for render_pdf below
            laid = time.process_time()
            pdf.render_pdf(document)
            drawn = time.process_time()
            word = build_docx(document)
            built = time.process_time()
            save_docx(word)
            saved = time.process_time()
            pdf.release_layouts()
            row = {"layout": laid - start, "pdf": drawn - laid - spent["repair"], "repair": spent["repair"],
                   "docx": built - drawn, "save": saved - built}
            for column in columns:
                totals[column] += row[column]
            print(f"{path.stem + ' ' + document.kind:<40}" + "".join(f"{row[c]:9.2f}" for c in columns))
    print(f"{'total':<40}" + "".join(f"{totals[c]:9.2f}" for c in columns))
    print("\n(secondes de processeur ; pdf = dessin et écriture, sans la mise en page ni la réparation)")


if __name__ == "__main__":
    given = [Path(p) for p in sys.argv[1:]]
    main(given or sorted((ROOT / "organisations").glob("*.yaml")))
