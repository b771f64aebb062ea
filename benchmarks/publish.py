"""Speed of the publishing stages, against targets (run: .venv/bin/python benchmarks/publish.py).

Times the typography transform, each writer and the site's layout (what `publish`
adds to a build: the pages and registers, the Word and PDF files linked from the
build's folder), on every organisation file; prints one line per stage and exits 1 when a stage misses
its target, so a slowdown is seen here rather than in timed tests.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.typography import typeset
from policygen.publishing.site import Organisation, publish_site
from policygen.resources import TEMPLATES
from policygen.writers import WRITERS

ROOT = Path(__file__).resolve().parents[1]
# Seconds, per document (stages) or per organisation (publish), on a 2-core machine.
ON = dt.date(2026, 1, 1)  # the day the register judges statuses and reviews by
TARGETS = {"typography": 0.05, "html": 0.1, "docx": 0.5, "pdf": 3.0, "publish": 2.0}


def best_of(runs: int, action) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    library = load_library(TEMPLATES)
    loaded, problems = load_all(sorted((ROOT / "organisations").glob("*.yaml")), library)
    if problems:
        print("\n".join(p.format() for p in problems))
        return 2
    slow = []
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        for item in loaded:
            documents = documents_for(item, library, list(library.documents))
            for document in documents:
                timings = {"typography": best_of(5, lambda: typeset(document))}
                for fmt, write in WRITERS.items():
                    timings[fmt] = best_of(3, lambda: write(document, out / f"{document.kind}.{fmt}"))
                for stage, seconds in timings.items():
                    verdict = "ok" if seconds <= TARGETS[stage] else "LENT"
                    print(f"{item.slug:24} {document.kind:15} {stage:11} {seconds * 1000:8.1f} ms  "
                          f"(cible {TARGETS[stage] * 1000:.0f} ms) {verdict}")
                    if verdict != "ok":
                        slow.append((item.slug, document.kind, stage))
            site = out / "site"
            seconds = best_of(1, lambda: publish_site(site, [Organisation(item.slug, documents[0].organisation,
                                                                          tuple(documents), out)], ON))
            verdict = "ok" if seconds <= TARGETS["publish"] else "LENT"
            print(f"{item.slug:24} {'(site)':15} {'publish':11} {seconds * 1000:8.1f} ms  "
                  f"(cible {TARGETS['publish'] * 1000:.0f} ms) {verdict}")
            if verdict != "ok":
                slow.append((item.slug, "site", "publish"))
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
