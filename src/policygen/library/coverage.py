"""Which clauses cover each section of the source documents.

The map is read from the clauses' front matter (`sources:`) against the
inventory in templates/data/sources.yaml; sources marked `coverage: false`
(the domain notes) complete the library but are not owed coverage.
"""

from __future__ import annotations

from dataclasses import dataclass

from .schema import Library


@dataclass(frozen=True)
class SectionCoverage:
    source: str
    section: str
    title: str
    clauses: tuple[str, ...]


def coverage(library: Library) -> list[SectionCoverage]:
    cited: dict[tuple[str, str], list[str]] = {}
    for clause in library.clauses:
        for ref in clause.meta.sources:
            for section in ref.sections:
                cited.setdefault((ref.source, section), []).append(clause.id)
    return [SectionCoverage(source["id"], section["id"], section.get("title", ""),
                            tuple(sorted(cited.get((source["id"], section["id"]), []))))
            for source in library.sources if source.get("coverage", True)
            for section in source.get("sections", [])]

