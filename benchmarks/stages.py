"""Time each stage of a build, per organisation, to see where the time goes.

usage: python benchmarks/stages.py [organisations/x.yaml ...]  (default: all)
Prints the median of several runs for each stage, in milliseconds.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from policygen.assembly.assemble import assemble
from policygen.assembly.parse import parse_markdown
from policygen.assembly.render import render_clause
from policygen.assembly.select import select
from policygen.library.context import build_context
from policygen.library.loader import load_library
from policygen.orgfile.validation import load_organisation
from policygen.resources import TEMPLATES
from policygen.writers import WRITERS

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def timed(function, runs: int = RUNS) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main(paths: list[Path]) -> None:
    start = time.perf_counter()
    library = load_library(TEMPLATES)
    print(f"bibliothèque (chargement + vérification, à froid) : {(time.perf_counter() - start) * 1000:8.1f} ms "
          f"({len(library.clauses)} clauses)")
    kinds = library.documents
    rows = []
    for path in paths:
        org, located = load_organisation(path)
        context = build_context(org, library)
        row = {"organisation": path.stem, "load": timed(lambda: load_organisation(path))}
        selected = {d: select(library, d, context) for d in kinds}
        row["select"] = timed(lambda: [select(library, d, context) for d in kinds])
        clauses = [c for d in kinds for _, cs in selected[d] for c in cs]
        row["render"] = timed(lambda: [render_clause(c, context, located, str(path)) for c in clauses])
        markdown = [render_clause(c, context, located, str(path)) for c in clauses]
        row["parse"] = timed(lambda: [parse_markdown(m) for m in markdown])
        documents = [assemble(library, d, context, located, str(path)) for d in kinds]
        with tempfile.TemporaryDirectory() as folder:
            for fmt, writer in WRITERS.items():
                runs = 2 if fmt == "pdf" else RUNS
                row[fmt] = timed(lambda: [writer(doc, Path(folder) / f"{doc.kind}.{fmt}") for doc in documents], runs)
        rows.append(row)
    stages = ["load", "select", "render", "parse", *WRITERS]
    print(f"\n{'organisation':<28}" + "".join(f"{s:>10}" for s in stages) + f"{'total':>10}")
    for row in rows:
        total = sum(row[s] for s in stages)
        print(f"{row['organisation']:<28}" + "".join(f"{row[s]:10.1f}" for s in stages) + f"{total:10.1f}")
    print("\n(médianes en millisecondes, les trois documents ensemble)")


if __name__ == "__main__":
    given = [Path(p) for p in sys.argv[1:]]
    main(given or sorted((ROOT / "organisations").glob("*.yaml")))
