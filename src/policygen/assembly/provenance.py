"""Where each clause comes from and what it rests on, for legal review.

The provenance goes into the model with every clause: source documents and
sections, the laws that bind this kind of body in its sector, and the
organisation-file values the clause read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..french import french_list
from ..library.reads import EMPTY, fields_read, shown, value_at
from ..library.schema import Clause, ClauseMeta, Library
from ..model.nodes import Provenance
from ..orgfile.yamlsource import dotted

ITEM = "– "  # a note line that details the line before it (one value read)


def law_applies(law: dict[str, Any], organisation: dict[str, Any]) -> bool:
    """A law the data says this kind of body, in this sector, relies on.

    A clause lists every law its rule may rest on (A-2.1 for public bodies, P-39.1
    for private ones); a reviewer is shown only those that bind this body.
    """
    kinds, sectors = law.get("applies_to"), law.get("sectors")
    return (not kinds or organisation["type"] in kinds) and (not sectors or organisation["secteur"] in sectors)


def _source_line(library: Library, source_id: str, sections: Sequence[str]) -> str:
    source: dict[str, Any] = next((s for s in library.sources if s.get("id") == source_id), {})
    titles = {s.get("id"): s.get("title", "") for s in source.get("sections", [])}
    parts = [f"{section} (« {titles[section]} »)" if titles.get(section) else section for section in sections]
    word = "section" if len(parts) == 1 else "sections"
    origin = f"« {source['title']} », {source.get('organisation', '')}" if source else "source non répertoriée"
    return f"Source {source_id} : {origin} — {word} {french_list(parts)}."


def _legal_line(library: Library, law_id: str, articles: Sequence[str]) -> str:
    law = library.laws.get(law_id, {})
    text = f"Fondement légal : {law.get('title', law_id)} ({law.get('citation', 'citation inconnue')})"
    if articles:
        text += f", art. {french_list(list(articles))}"
    return text + "."


def notes(meta: ClauseMeta, library: Library, legal: Sequence[tuple[str, Sequence[str]]],
          variables: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The reviewer's note on one clause, one sentence per line; `legal`: the laws that bind this body."""
    lines = [f"Clause {meta.id}, version {meta.version}."]
    lines += [_source_line(library, ref.source, ref.sections) for ref in meta.sources]
    lines += [_legal_line(library, law, articles) for law, articles in legal] or [
        "Fondement légal : aucun inscrit pour cette clause."]
    if not variables:
        return (*lines, "Valeurs du fichier d’organisation : aucune (texte fixe).")
    lines.append("Valeurs du fichier d’organisation :")
    lines += [f"{ITEM}{path} : {value}" if value in EMPTY else f"{ITEM}{path} = « {value} »"
              for path, value in variables]
    return tuple(lines)


def provenance(clause: Clause, context: dict[str, Any], library: Library) -> Provenance:
    meta = clause.meta
    variables = tuple((dotted(path), shown(value_at(context, path))) for path in sorted(fields_read(clause)))
    legal = tuple((ref.law, tuple(ref.articles)) for ref in meta.legal
                  if law_applies(library.laws.get(ref.law, {}), context["organisation"]))
    return Provenance(
        clause_id=meta.id, version=meta.version,
        sources=tuple((s.source, tuple(s.sections)) for s in meta.sources),
        legal=legal,
        variables=variables,
        notes=notes(meta, library, legal, variables),
    )
