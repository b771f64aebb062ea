"""Where each clause comes from and what it rests on, for legal review.

The provenance goes into the model with every clause, as facts resolved from
the library's data: the source documents and their sections with titles, the
laws that bind this kind of body in its sector with their citations, and the
organisation-file values the clause read. The writers word the note.
"""

from __future__ import annotations

import re
from typing import Any

from ..diagnostics import Diagnostic
from ..french import long_date
from ..library.reads import EMPTY, fields_read, shown, value_at
from ..library.lint import ORGANISATION_SOURCE
from ..library.obligations import law_binds
from ..library.schema import Clause, LegalRef, Library, SourceRef
from ..model.nodes import FRENCH_CLOSE, FRENCH_OPEN, Document, Law, Provenance, RuleUse, Source, Value
from ..orgfile.yamlsource import dotted
from .inputs import Loaded
from .lawdates import citings


def law_applies(law: dict[str, Any], organisation: dict[str, Any]) -> bool:
    """A law the data says this kind of body, in this sector, relies on.

    A clause lists every law its rule may rest on (A-2.1 for public bodies, P-39.1
    for private ones); a reviewer is shown only those that bind this body.
    """
    return law_binds(law, organisation["type"], organisation["secteur"])


def _source(library: Library, ref: SourceRef, organisation: str) -> Source:
    if ref.source == ORGANISATION_SOURCE:  # a clause of the organisation's own folder: its file names it
        return Source(ref.source, "clause propre à l’organisme", organisation,
                      tuple((section, "") for section in ref.sections))
    source: dict[str, Any] = next((s for s in library.sources if s.get("id") == ref.source), {})
    titles = {s.get("id"): s.get("title", "") for s in source.get("sections", [])}
    return Source(ref.source, source.get("title", ""), source.get("organisation", ""),
                  tuple((section, titles.get(section, "")) for section in ref.sections))


def _basis(rule: Any, library: Library, organisation: dict[str, Any]) -> str:
    """What a rule rests on, as a reviewer reads it: the citations of the laws that bind this body,
    source sections, or the body's choice."""
    basis = rule.meta.fondement
    parts = [library.laws[ref.law]["citation"] + (f", art. {', '.join(ref.articles)}" if ref.articles else "")
             for ref in basis.lois if ref.law in library.laws and law_applies(library.laws[ref.law], organisation)]
    parts += [f"source {ref.source}, {', '.join(ref.sections)}" for ref in basis.sources]
    if basis.choix_organisme:
        parts.append("choix de l’organisme")
    return " ; ".join(parts)


def provenance(clause: Clause, context: dict[str, Any], library: Library, printed: str = "") -> Provenance:
    meta = clause.meta
    values = []
    for path in sorted(fields_read(clause)):
        # an English edition's French names carry their language markers: the reviewer reads the words
        value = shown(value_at(context, path)).replace(FRENCH_OPEN, "").replace(FRENCH_CLOSE, "")
        values.append(Value(dotted(path), value, value in EMPTY))
    laws = [(ref, library.laws.get(ref.law, {})) for ref in meta.legal]
    # A law the file adds (fondements.lois: its code de déontologie) rests under the clause that `printed` cites it.
    laws += [(LegalRef(law=law_id), library.laws[law_id]) for law_id in context.get("fondements", {}).get("lois", ())
             if law_id in library.laws and law_id not in {ref.law for ref in meta.legal}
             and re.search(re.escape(library.laws[law_id].get("citation", "\0")) + r"(?!, r\.)", printed)]
    refs = list(meta.sources)
    if clause.origin == ORGANISATION_SOURCE:  # where the file is says whose it is, whatever it declares
        refs = [SourceRef(source=ORGANISATION_SOURCE, sections=[clause.path.name]),
                *(ref for ref in refs if ref.source != ORGANISATION_SOURCE)]
    return Provenance(
        clause_id=meta.id, version=meta.version,
        sources=tuple(_source(library, ref, context["organisation"]["nom"]) for ref in refs),
        legal=tuple(Law(ref.law, law.get("title", ""), law.get("citation", ""), tuple(ref.articles))
                    for ref, law in laws if law_applies(law, context["organisation"])),
        values=tuple(values),
        replaces=meta.remplace or "",
        rules=tuple(RuleUse(rule.id, rule.meta.force, tuple(rule.meta.regimes),
                            _basis(rule, library, context["organisation"]))
                    for rule_id in clause.rules if (rule := library.rules.get(rule_id))),
    )


def laws_in_force(loaded: Loaded, documents: list[Document], library: Library,
                  severity: str = "erreur") -> list[Diagnostic]:
    """A document cannot be dated before a law it cites came into force (its `en_vigueur`).

    Only the laws its clauses cite for this body count: what the document contains, not the library.
    """
    return [Diagnostic(
                loaded.display, c.line, c.field,
                f"Le document « {c.document.kind} » serait daté du {long_date(c.document.date)}, avant le "
                f"{long_date(c.law['en_vigueur'])}, date d’entrée en vigueur de la loi « {c.law['title']} » "
                f"({c.law['citation']}) que cite sa clause {c.clause_id}.",
                f"Une nouvelle révision porte sa propre date : inscrivez-la dans {c.field} "
                f"(le {long_date(c.law['en_vigueur'])} ou après) et ajoutez sa ligne à revision.historique.",
                severity=severity, code="organisation.law-in-force")
            for c in citings(loaded, documents, library)
            if c.law.get("en_vigueur") and c.document.date < c.law["en_vigueur"]]
