"""Which statutory obligation the body's politique meets, by which rule or clause, in which section.

For one body and its assembled politique, each obligation of the library
(`library.obligations`) is « non applicable » (with the reason: the bodies it
binds), « couverte » by the rules and clauses printed in the politique whose legal
basis cites its law and one of its articles (with their section numbers as the
politique prints them), or « non couverte ». An obligation that binds the body in
part only (`en_partie`) is met by a citation of the provision that applies it, and
the row says so.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from ..diagnostics import Diagnostic
from ..library.obligations import POLITIQUE, Obligation, cites, law_binds
from ..library.schema import LegalRef, Library
from ..model.nodes import Clause, Document, ListBlock, Paragraph, Provenance, Section, Text
from ..model.typography import typeset
from ..orgfile.schema import OrganisationFile
from .inputs import Loaded
from .lawdates import current_to, reading

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
    reason: str = ""  # why it does not apply, or « applicable en partie : … » (the provision that applies it)
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
            rows.append(Row(obligation, "non applicable", reason))
            continue
        partly = obligation.organismes.en_partie
        if partly and partly.binds(body.type):  # met by the provision that applies it to this body
            target, scope = partly.par, f"applicable en partie : {partly.motif}"
        else:
            target, scope = obligation.ref, ""
        met: dict[tuple[str, str], Meeting] = {}
        for section in politique.sections:
            for clause in section.clauses:
                for kind, ident, ref in citations(clause, library, body.type, body.secteur):
                    if cites(ref, target) and (kind, ident) not in met:
                        articles = tuple(a for a in obligation.articles if a in ref.articles and not scope)
                        met[(kind, ident)] = Meeting(kind, ident, clause.number or section.number or section.label,
                                                     articles, clause.id)
        rows.append(Row(obligation, "couverte" if met else "non couverte", scope, tuple(met.values())))
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


ANNEX_ID = "annexe-conformite"
ANNEX_TITLE = "Tableau de conformité à la loi"
ANNEX_CLAUSE = "conformite.tableau"
_SCOPE = {"enonce": "à énoncer", "non_contradiction": "à ne pas contredire"}


def section_label(where: str) -> str:
    """« 5.4 », or a section the document does not number by its title in guillemets."""
    return where if where[:1].isdigit() else f"« {where} »"


def duty(row: Row) -> str:
    """« exige : … ; qui en répond : … », then « applicable en partie : … » when it binds the body in part."""
    text = f"exige : {row.obligation.exige.rstrip('.')} ; qui en répond : {row.obligation.debiteur.rstrip('.')}."
    return text + (f" {row.reason[:1].upper()}{row.reason[1:]}." if row.status != "non applicable" and row.reason
                   else "")


def met_by(row: Row) -> str:
    """« clause politique.x (section 5.4), règle y (section 11) », with the articles each cites when the
    obligation has several."""
    several = len(row.obligation.articles) > 1
    return ", ".join(f"{m.kind} {m.id} (section {section_label(m.section)}"
                     + (f", art. {', '.join(m.articles)})" if several and m.articles else ")") for m in row.met_by)


def review_edition(document: Document, loaded: Loaded, library: Library) -> Document:
    """The politique of the review edition: the legal table as its last annex (a numbered line per
    obligation, grouped by law; lists rather than tables, which the PDF checkers read badly once several
    share a page), and in each clause's provenance the rows it meets, for the reviewer's note. Any other
    document is returned as it is."""
    if document.kind != POLITIQUE:
        return document
    layered = loaded.local.layered(library)
    rows = conformity(loaded.organisation, document, layered)
    numbered = any(section.number for section in document.sections)
    annex = sum(1 for section in document.sections if section.annex) + 1
    where = f"annexe {annex}" if numbered else f"annexe « {ANNEX_TITLE} »"
    met: dict[str, list[tuple[str, str]]] = {}
    by_law: dict[str, list[tuple[int, str]]] = {}  # (row number, its text), a numbered list per law
    for index, row in enumerate(rows, 1):
        for meeting in row.met_by:
            met.setdefault(meeting.clause, []).append((f"{ANNEX_CLAUSE}.{row.obligation.loi}",
                                                       f"{where}, ligne {index}, « {row.obligation.titre} »"))
        state = {"couverte": f"couverte par : {met_by(row)}.",
                 "non applicable": f"non applicable : {row.reason}"}.get(row.status,
                                                                         f"NON COUVERTE : {row.obligation.exige}")
        by_law.setdefault(row.obligation.loi, []).append((index, (
            f"{row.obligation.titre} — {citation(row.obligation.ref, layered)} ({_SCOPE[row.obligation.portee]}) ; "
            f"{duty(row)} État : {state}")))
    read, unread = reading(document, layered.laws)
    clauses = [Clause(ANNEX_CLAUSE, ANNEX_TITLE, False, (Paragraph((Text(current_to(read, unread, layered.laws)),)),),
                      Provenance(ANNEX_CLAUSE, 1, (), ()))]
    for law, cells in by_law.items():  # a titled clause per law, so its heading nests under the annex's
        title = layered.laws.get(law, {}).get("title", law)
        clauses.append(Clause(f"{ANNEX_CLAUSE}.{law}", title, True,
                              (ListBlock(True, tuple((Paragraph((Text(text),)),) for _, text in cells),
                                         start=cells[0][0]),),
                              Provenance(f"{ANNEX_CLAUSE}.{law}", 1, (), ()), label=title))
    section = Section(ANNEX_ID, ANNEX_TITLE, tuple(clauses), annex=True,
                      number=f"Annexe {annex}" if numbered else "",
                      label=f"Annexe {annex} : {ANNEX_TITLE}" if numbered else ANNEX_TITLE)
    section = typeset(dataclasses.replace(document, sections=(section,))).sections[0]  # this section only
    sections = tuple(dataclasses.replace(s, clauses=tuple(
        dataclasses.replace(c, provenance=dataclasses.replace(
            c.provenance, obligations=tuple(met[c.id])))
        if c.id in met else c for c in s.clauses)) for s in document.sections)
    return dataclasses.replace(document, sections=(*sections, section))
