"""Which statutory obligation the body's politique meets, by which rule or clause, in which section.

For one body and its assembled politique, each obligation of the library
(`library.obligations`) is « non applicable » (with the reason: the bodies it
binds), « couverte » by the rules and clauses printed in the politique whose legal
basis cites its law and one of its articles (with their section numbers as the
politique prints them), or « non couverte ».
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..diagnostics import Diagnostic
from ..library.obligations import POLITIQUE, Obligation, cites, law_binds
from ..library.schema import LegalRef, Library
from ..model.nodes import Clause, Document
from ..orgfile.schema import OrganisationFile
from .inputs import Loaded

Status = Literal["couverte", "non couverte", "non applicable"]


@dataclass(frozen=True)
class Meeting:
    """A rule or clause of the politique that meets an obligation, where the politique prints it."""

    kind: Literal["règle", "clause"]
    id: str
    section: str  # « 5.1 », or the section's number (« 11 ») when its clauses are not numbered
    articles: tuple[str, ...]  # the obligation's articles it cites
    clause: str = ""  # the id of the clause that prints it (a rule's printer): the page's anchor


@dataclass(frozen=True)
class Row:
    obligation: Obligation
    status: Status
    reason: str = ""  # why it does not apply
    met_by: tuple[Meeting, ...] = ()


def citations(clause: Clause, library: Library, kind: str, sector: str) -> list[tuple[str, str, LegalRef]]:
    """What a printed clause rests on, for a body of this kind and sector: (« clause », its id, a law it
    cites) and (« règle », the id of a rule it prints, a law the rule rests on), laws that bind it only."""
    refs = [("clause", clause.id, LegalRef(law=law.id, articles=list(law.articles)))
            for law in clause.provenance.legal]  # already only the laws that bind the body (provenance)
    return refs + [("règle", use.id, ref) for use in clause.provenance.rules
                   if (rule := library.rules.get(use.id)) for ref in rule.meta.fondement.lois
                   if law_binds(library.laws.get(ref.law, {}), kind, sector)]


def conformity(organisation: OrganisationFile, politique: Document, library: Library) -> list[Row]:
    """One row per obligation of `library`, in the file's order, for this body's assembled `politique`."""
    body = organisation.organisation
    rows = []
    for obligation in library.obligations:
        reason = obligation.organismes.excludes(body.type, body.secteur, bool(body.sante_quebec))
        if reason:
            rows.append(Row(obligation, "non applicable", f"L’obligation {reason}."))
            continue
        met: dict[tuple[str, str], Meeting] = {}
        for section in politique.sections:
            for clause in section.clauses:
                for kind, ident, ref in citations(clause, library, body.type, body.secteur):
                    if cites(ref, obligation.ref) and (kind, ident) not in met:
                        articles = tuple(a for a in obligation.articles if a in ref.articles)
                        met[(kind, ident)] = Meeting(kind, ident, clause.number or section.number or section.label,
                                                     articles, clause.id)
        rows.append(Row(obligation, "couverte" if met else "non couverte", met_by=tuple(met.values())))
    return rows


def citation(ref: LegalRef, library: Library) -> str:
    """« RLRQ, c. A-2.1, art. 63.8 », as a lawyer cites it."""
    return library.laws.get(ref.law, {}).get("citation", ref.law) + (f", art. {', '.join(ref.articles)}"
                                                                     if ref.articles else "")


def uncovered(loaded: Loaded, documents: list[Document], library: Library) -> list[Diagnostic]:
    """Each obligation binding the body that no rule or clause of its politique meets (`--final` refuses it)."""
    layered = loaded.local.layered(library)
    line = loaded.located.line_of(("organisation", "type"))
    return [Diagnostic(loaded.display, line, "organisation.type",
                       f"La politique ne remplit pas l’obligation « {row.obligation.titre} » "
                       f"({citation(row.obligation.ref, layered)}) : {row.obligation.exige}",
                       "Rétablissez une clause ou une règle qui cite cet article (voir « policygen conformite "
                       f"{loaded.display} »), ou faites approuver l’écart par le contentieux.",
                       severity="avertissement", code="organisation.obligation")
            for document in documents if document.kind == POLITIQUE
            for row in conformity(loaded.organisation, document, layered) if row.status == "non couverte"]
