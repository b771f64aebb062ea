"""Where each clause comes from and what it rests on, for legal review.

The provenance goes into the model with every clause, as facts resolved from
the library's data: the source documents and their sections with titles, the
laws that bind this kind of body in its sector with their citations, and the
organisation-file values the clause read. The writers word the note.
"""

from __future__ import annotations

from typing import Any

from ..library.reads import EMPTY, fields_read, shown, value_at
from ..library.schema import Clause, Library, SourceRef
from ..model.nodes import Law, Provenance, Source, Value
from ..orgfile.yamlsource import dotted


def law_applies(law: dict[str, Any], organisation: dict[str, Any]) -> bool:
    """A law the data says this kind of body, in this sector, relies on.

    A clause lists every law its rule may rest on (A-2.1 for public bodies, P-39.1
    for private ones); a reviewer is shown only those that bind this body.
    """
    kinds, sectors = law.get("applies_to"), law.get("sectors")
    return (not kinds or organisation["type"] in kinds) and (not sectors or organisation["secteur"] in sectors)


def _source(library: Library, ref: SourceRef) -> Source:
    source: dict[str, Any] = next((s for s in library.sources if s.get("id") == ref.source), {})
    titles = {s.get("id"): s.get("title", "") for s in source.get("sections", [])}
    return Source(ref.source, source.get("title", ""), source.get("organisation", ""),
                  tuple((section, titles.get(section, "")) for section in ref.sections))


def provenance(clause: Clause, context: dict[str, Any], library: Library) -> Provenance:
    meta = clause.meta
    values = []
    for path in sorted(fields_read(clause)):
        value = shown(value_at(context, path))
        values.append(Value(dotted(path), value, value in EMPTY))
    laws = [(ref, library.laws.get(ref.law, {})) for ref in meta.legal]
    return Provenance(
        clause_id=meta.id, version=meta.version,
        sources=tuple(_source(library, ref) for ref in meta.sources),
        legal=tuple(Law(ref.law, law.get("title", ""), law.get("citation", ""), tuple(ref.articles))
                    for ref, law in laws if law_applies(law, context["organisation"])),
        values=tuple(values),
    )
