"""Which statutory obligation the body's politique meets, by which rule or clause, in which section.

For one body and its assembled politique, each obligation of the library
(`library.obligations`) is « non applicable » (with the reason: the bodies it
binds), or met by the rules and clauses printed in the politique that address it:
those whose legal basis cites its law and one of its articles, and those the
lawyer declares (`remplie_par`), with the number of the subsection that prints
them. An obligation that binds the body in part only (`en_partie`) is met the same
way, never by a mere citation of the provision that applies it; the row says so.
The row is then « couverte », « couverte en partie » or « à vérifier » (what the
lawyer's checks find missing: `verifications`; an obligation whose articles are
still to find, or one of whose articles lois.yaml records no reading of, is never « couverte »), or « non couverte »
(nothing meets it, or, for C. prof. art. 87, a printed rule puts on members a duty
with no basis in the law that binds them). « à examiner » is not « non applicable »:
whether the obligation binds this kind of body is not settled (`a_examiner`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..diagnostics import Diagnostic
from ..library.context import people
from ..library.obligations import POLITIQUE, Obligation, cites, law_binds
from ..library.schema import LegalRef, Library
from ..model.nodes import Clause, Document, ListBlock, Paragraph, Provenance, Section, Text, block_texts
from ..model.typography import typeset
from .inputs import Loaded
from .lawdates import TO_FIND, LawReading, cited_articles, current_to, reading_lines, readings

Status = Literal["couverte", "couverte en partie", "à vérifier", "à examiner", "non couverte", "non applicable",
                 "sans objet"]
STATUSES: tuple[Status, ...] = ("couverte", "couverte en partie", "à vérifier", "à examiner", "non couverte",
                                "non applicable", "sans objet")
# The statuses of a row that rests on no meeting: the law does not bind the body, the politique names none of the
# persons it binds (« sans objet »: the law binds them all the same, outside the politique), or the lawyer examines.
UNBOUND: tuple[Status, ...] = ("non applicable", "sans objet", "à examiner")
OUT_OF_SCOPE = "La politique ne vise pas ces personnes : la loi s’applique sans elle, hors de son champ."
RESPECTED = "respectée"  # how the table words « couverte » for a right not to contradict: not contradicted
DUTIES = ("doit", "ne doit pas")  # the forces of a rule that puts a duty on whom it binds
NO_ARTICLE = ("articles à trouver : la loi ne fonde l’obligation que par des articles que personne n’a encore "
              "lus ; le contentieux les trouve et les lit avant de la dire couverte")


@dataclass(frozen=True)
class Meeting:
    """A rule or clause of the politique that meets an obligation, where the politique prints it."""

    kind: Literal["règle", "clause"]
    id: str
    section: str  # the number of the subsection that prints it (« 11.4 »), or the section's
    articles: tuple[str, ...]  # the obligation's articles it cites
    clause: str = ""  # the id of the clause that prints it (a rule's printer): the page's anchor


@dataclass(frozen=True)
class Row:
    obligation: Obligation
    status: Status
    reason: str = ""  # why it does not apply (or may not: « à examiner »), or « applicable en partie : … »
    met_by: tuple[Meeting, ...] = ()
    missing: tuple[str, ...] = ()  # what keeps it from « couverte », as the lawyer reads it
    restricted_by: tuple[Meeting, ...] = ()  # the printed rules and clauses that restrict the right
    examined: tuple[str, ...] = ()  # C. prof. art. 87: the duties the printed rules put on members, checked
    debtor: str = ""  # who owes it for this body (`debiteurs`), else the obligation's `debiteur`


def citations(clause: Clause, library: Library, kind: str, sector: str,
              every_law: bool = False) -> list[tuple[str, str, LegalRef]]:
    """What a printed clause rests on, for a body of this kind and sector: (« clause », its id, a law it
    cites) and (« règle », the id of a rule it prints, a law the rule rests on), laws that bind it only; with
    `every_law`, every law they cite (a body whose file says a law binds it that does not name its kind)."""
    source = next((c for c in library.clauses if c.id == clause.id), None) if every_law else None
    refs = ([("clause", clause.id, ref) for ref in source.meta.legal] if source else
            [("clause", clause.id, LegalRef(law=law.id, articles=list(law.articles)))
             for law in clause.provenance.legal])  # already only the laws that bind the body (provenance)
    return refs + [("règle", use.id, ref) for use in clause.provenance.rules
                   if (rule := library.rules.get(use.id)) for ref in rule.meta.fondement.lois
                   if every_law or law_binds(library.laws.get(ref.law, {}), kind, sector)]


def printed(politique: Document) -> Iterator[tuple[Clause, str]]:
    """Each clause of the politique with the number it is read under: its own, else that of the subsection
    whose heading comes before it (an unheaded clause of 11.4 is in 11.4), else its section's."""
    for section in politique.sections:
        number = section.number or section.label
        for clause in section.clauses:
            number = clause.number or number
            yield clause, number


def _text(clauses: list[Clause]) -> str:
    return " ".join(" ".join(t for b in c.blocks for t in block_texts(b)) for c in clauses).replace(
        "\u00a0", " ").replace("\u202f", " ").casefold()


def _checks(obligation: Obligation, met: dict[tuple[str, str], Meeting], where: dict[str, Clause],
            rules: dict[str, tuple[Clause, str]], loaded: Loaded, library: Library) -> list[tuple[str, str]]:
    """(statut, what is missing) for each of the lawyer's checks the politique fails."""
    failed = []
    pending = {".".join(str(p) for p in item.path) for item in loaded.pending}
    org = loaded.organisation  # the people its documents bind: the file's, else its type's defaults
    regimes = {p["regime"] for p in people(org, library.terms.get(org.organisation.type, {}))}
    for check in obligation.verifications:
        if check.texte:
            text = _text([where[m.clause] for m in met.values()])
            ok = any(t.casefold() in text for t in check.texte)
        elif check.interdit:
            text = str(_field(loaded, check.dans) or "").casefold() if check.dans else _text(list(where.values()))
            ok = not any(t.casefold() in text for t in check.interdit)
        elif check.regle:
            wanted = set(check.regimes) & regimes
            bound = {regime for ident in (check.regle, *check.avec) if ident in rules and ident in library.rules
                     for regime in library.rules[ident].meta.regimes}
            ok = check.regle not in rules or check.regle not in library.rules or wanted <= bound
        else:  # a value the file leaves « à confirmer », or (absente) does not give at all
            ok = check.valeur not in pending and (not check.absente or bool(_field(loaded, check.valeur)))
        if not ok:
            where_rule = f" (règle {check.regle}, section {section_label(rules[check.regle][1])})" \
                if check.regle in rules else ""
            failed.append((check.statut, check.manque + where_rule))
    return failed


def unread(obligation: Obligation, library: Library) -> tuple[str, ...]:
    """The obligation's articles whose consolidated text lois.yaml records no reading of (neither under a
    `lu_le` of the law nor in its `lus`): one such article keeps any row from « couverte »."""
    [found] = readings({obligation.loi: set(obligation.articles)}, library.laws)
    return found.unread


def not_read(obligation: Obligation, library: Library) -> str:
    """What of the row's text was not read: what the lawyer says of the unread articles (`texte_non_lu`: which,
    and where they were seen instead), else the articles lois.yaml records no reading of, by citation."""
    articles = ", ".join(unread(obligation, library))
    return obligation.texte_non_lu or (f"{library.laws.get(obligation.loi, {}).get('citation', obligation.loi)}, "
                                       f"art. {articles} (lois.yaml n’en consigne aucune lecture sur LégisQuébec)")


def _member_duties(obligation: Obligation, rules: dict[str, tuple[Clause, str]], loaded: Loaded,
                   library: Library) -> tuple[list[str], list[str]]:
    """C. prof. art. 87: every duty a printed rule puts on members, with what founds it (or why it is no
    new duty), and those no law that binds them founds."""
    duties = obligation.devoirs_des_membres
    if duties is None:
        return [], []
    own = set(loaded.organisation.fondements.lois) | set(loaded.local.laws)
    examined, unfounded = [], []
    for rule_id, (_, number) in rules.items():
        meta = library.rules[rule_id].meta
        if meta.force not in DUTIES or not set(meta.regimes) & set(duties.regimes):
            continue
        where = f"règle {rule_id} (section {section_label(number)})"
        basis = [library.laws.get(law, {}).get("citation", law) for law in dict.fromkeys(
            ref.law for ref in meta.fondement.lois) if law in set(duties.lois) | own]
        if rule_id in duties.sauf:
            examined.append(f"{where} : {duties.sauf[rule_id]}")
        elif meta.portee == "tribunes":  # the ordre's own name, pages and mandates: no duty on a member's own speech
            examined.append(f"{where} : limitée au nom, aux pages et aux mandats de l’ordre, non à la parole du membre")
        elif basis:
            examined.append(f"{where} : rappelle {', '.join(basis)}")
        else:
            examined.append(f"{where} : sans fondement")
            unfounded.append(where)
    return examined, unfounded


def _field(loaded: Loaded, path: str) -> object:
    """The value of an organisation-file field (« choix.promotion_services »), None when absent."""
    value: object = loaded.organisation
    for part in path.split("."):
        value = getattr(value, part, None)
    return value


def applicability(obligation: Obligation, loaded: Loaded) -> tuple[Status | None, str, bool]:
    """(« non applicable », « sans objet » or « à examiner », why, False) when the obligation does not plainly bind
    this body; (None, « », whether it binds the body only because the file says so) when it does. The last: the
    law does not name the body's kind but `tranche_par` answers « oui » (an « autre » body under R-22.1), and the
    clauses and rules it prints then meet the row by citing that law."""
    body = loaded.organisation.organisation
    regimes = {p.regime for p in loaded.organisation.personnes_visees}
    reason = obligation.organismes.excludes(body.type, body.secteur, bool(body.sante_quebec), regimes,
                                            loaded.organisation.vocabulaire.services or "")
    unsettled = (obligation.organismes.unexamined(body.type, body.secteur, bool(body.residence_privee_aines))
                 if reason else "")
    answer = _field(loaded, obligation.organismes.tranche_par) if unsettled and obligation.organismes.tranche_par else None
    if answer == "non":
        return ("non applicable", f"Le fichier d’organisation dit que la loi ne vise pas l’organisme "
                f"({obligation.organismes.tranche_par} : non).", False)
    if reason and answer != "oui":
        return ("à examiner", unsettled, False) if unsettled else ("non applicable", reason, False)
    if obligation.edition_anglaise and not loaded.organisation.langues.documents_anglais:
        return "non applicable", "L’organisme ne publie aucun document en anglais (langues.documents_anglais).", False
    condition = obligation.si
    if condition and not ((condition.champ and _field(loaded, condition.champ))
                          or set(condition.regimes) & regimes):
        unsettled = condition.a_examiner.get(body.type)
        if unsettled:
            return "à examiner", unsettled, False
        # persons the file does not name are outside the politique, not outside the law (reader6-table 7)
        return ("sans objet", f"{condition.motif} {OUT_OF_SCOPE}", False) if condition.regimes and not condition.champ \
            else ("non applicable", condition.motif, False)
    return None, "", bool(reason)  # excluded by its kind, the body reached here only through the file's « oui »


def conformity(loaded: Loaded, politique: Document, library: Library) -> list[Row]:
    """One row per obligation of `library`, for this body's assembled `politique`: in the file's order, a law's
    rows together (in the order of each law's first row), so that a row appended at the end of the file joins its
    law's and the annex numbers each law's rows as one list."""
    body = loaded.organisation.organisation
    clauses = list(printed(politique))
    where = {clause.id: clause for clause, _ in clauses}
    rules = {use.id: (clause, number) for clause, number in clauses for use in clause.provenance.rules
             if use.id in library.rules}
    rows = []
    for obligation in library.obligations:
        unbound, reason, answered = applicability(obligation, loaded)
        debtor = obligation.debiteurs.get(body.type, "")
        if unbound:
            rows.append(Row(obligation, unbound, reason, debtor=debtor))
            continue
        partly = obligation.organismes.en_partie
        scope = f"applicable en partie : {partly.motif}" if partly and partly.binds(body.type) else ""
        met: dict[tuple[str, str], Meeting] = {}
        restricted: dict[tuple[str, str], Meeting] = {}
        # a row with no article is met by any citation of its law, unless the lawyer names what meets it: a
        # law cited for another of its duties (G-1.021 for the complaints) does not meet this one
        by_citation = bool(obligation.articles) or not obligation.remplie_par
        for clause, number in clauses:
            for kind, ident, ref in citations(clause, library, body.type, body.secteur, answered) if by_citation else ():
                if cites(ref, obligation.ref):
                    articles = tuple(a for a in obligation.articles if a in ref.articles)
                    met.setdefault((kind, ident), Meeting(kind, ident, number, articles, clause.id))
            declared = [("clause", clause.id)] + [("règle", use.id) for use in clause.provenance.rules]
            for kind, ident in declared:
                if ident in obligation.remplie_par:
                    met.setdefault((kind, ident), Meeting(kind, ident, number, (), clause.id))
                if ident in obligation.restreinte_par:
                    restricted.setdefault((kind, ident), Meeting(kind, ident, number, (), clause.id))
        failed = _checks(obligation, met, where, rules, loaded, library) if met else []
        if not obligation.articles and met:
            failed.append(("à vérifier", NO_ARTICLE))
        elif met and (obligation.texte_non_lu or unread(obligation, library)):
            failed.append(("à vérifier", f"texte non lu : {not_read(obligation, library)}"))
        examined, contradicted = _member_duties(obligation, rules, loaded, library)
        if contradicted:
            failed.insert(0, ("non couverte", "contredite par " + ", ".join(contradicted) + ", qui imposent aux "
                              "membres un devoir que ni le Code des professions ni le code de déontologie ne fonde"))
        if not met and obligation.sans_clause and not contradicted:
            rows.append(Row(obligation, "à examiner", obligation.sans_clause, debtor=debtor))
            continue
        states = {state for state, _ in failed}
        status: Status = ("non couverte" if not met or "non couverte" in states else
                          "couverte en partie" if "en partie" in states else
                          "à vérifier" if states else "couverte")
        rows.append(Row(obligation, status, scope, tuple(met.values()), tuple(m for _, m in failed),
                        tuple(restricted.values()), tuple(examined), debtor))
    first = {law: i for i, law in reversed(list(enumerate(row.obligation.loi for row in rows)))}
    return sorted(rows, key=lambda row: first[row.obligation.loi])  # stable: the file's order within a law


def table_readings(politique: Document, rows: list[Row], laws: dict) -> list[LawReading]:
    """What was read of each law the politique cites or a row of its table rests on (a « non applicable »
    is a reading of the law too; a row without articles leaves its law unread: « articles à trouver », unless
    it does not apply, which rests on no article: a choice of the file, a kind of body)."""
    cited = cited_articles(politique)
    for row in rows:
        if row.status in ("non applicable", "sans objet") and not row.obligation.articles:
            continue
        cited.setdefault(row.obligation.loi, set()).update(row.obligation.articles or {TO_FIND})
    return readings(cited, laws)


def citation(ref: LegalRef, library: Library) -> str:
    """« RLRQ, c. A-2.1, art. 63.8 », as a lawyer cites it."""
    return library.laws.get(ref.law, {}).get("citation", ref.law) + (f", art. {', '.join(ref.articles)}"
                                                                     if ref.articles else "")


def uncovered(loaded: Loaded, documents: list[Document], library: Library) -> list[Diagnostic]:
    """Each obligation binding the body that its politique does not meet (`--final` refuses it:
    `organisation.obligation`), and each it meets in part or with a point to check (`--final` says what
    is missing: `organisation.obligation-partielle`)."""
    layered = loaded.local.layered(library)
    line = loaded.located.line_of(("organisation", "type"))
    found = []
    for document in documents:
        if document.kind != POLITIQUE:
            continue
        for row in conformity(loaded, document, layered):
            named = f"l’obligation « {row.obligation.titre} » ({citation(row.obligation.ref, layered)})"
            if row.status == "non couverte":
                found.append(Diagnostic(
                    loaded.display, line, "organisation.type",
                    f"La politique ne remplit pas {named} : {'; '.join(row.missing) or row.obligation.exige}",
                    "Rétablissez une clause ou une règle qui cite cet article (voir « policygen conformite "
                    f"{loaded.display} »), ou faites approuver l’écart par le contentieux.",
                    severity="avertissement", code="organisation.obligation"))
            elif row.status in ("couverte en partie", "à vérifier", "à examiner"):
                how = {"couverte en partie": "remplit {} en partie", "à vérifier": "remplit {} sous réserve d’une "
                       "vérification", "à examiner": "est peut-être tenue par {}, ce que le contentieux examine"}
                found.append(Diagnostic(
                    loaded.display, line, "organisation.type",
                    f"La politique {how[row.status].format(named)} : "
                    f"{' ; '.join(row.missing) or row.reason.rstrip('.')}.",
                    f"Complétez la politique ou faites vérifier ce point par le contentieux (voir « policygen "
                    f"conformite {loaded.display} »).", severity="avertissement", code="organisation.obligation-partielle"))
    return found


ANNEX_ID = "annexe-conformite"
ANNEX_TITLE = "Tableau de conformité à la loi"
ANNEX_CLAUSE = "conformite.tableau"
_SCOPE = {"enonce": "à énoncer", "non_contradiction": "à ne pas contredire"}


def section_label(where: str) -> str:
    """« 5.4 », or a section the document does not number by its title in guillemets."""
    return where if where[:1].isdigit() else f"« {where} »"


def duty(row: Row) -> str:
    """« exige : … ; qui en répond : … », then « applicable en partie : … » when it binds the body in part."""
    debtor = row.debtor or row.obligation.debiteur
    text = f"exige : {row.obligation.exige.rstrip('.')} ; qui en répond : {debtor.rstrip('.')}."
    return text + (f" {row.reason[:1].upper()}{row.reason[1:]}." if row.status not in UNBOUND
                   and row.reason
                   else "")


def _meetings(meetings: tuple[Meeting, ...], several: bool) -> str:
    return ", ".join(f"{m.kind} {m.id} (section {section_label(m.section)}"
                     + (f", art. {', '.join(m.articles)})" if several and m.articles else ")") for m in meetings)


def met_by(row: Row) -> str:
    """« clause politique.x (section 5.4), règle y (section 11.4) », with the articles each cites when the
    obligation has several."""
    return _meetings(row.met_by, len(row.obligation.articles) > 1)


def label(row: Row) -> str:
    """The row's status as a reader takes it: a right not to contradict is « respectée », not « couverte »."""
    if row.status == "couverte" and row.obligation.portee == "non_contradiction":
        return f"{RESPECTED} (à ne pas contredire)"
    return row.status


def state(row: Row) -> list[str]:
    """The row's status as the table says it, one line each: what meets it, what is missing, and, for a
    right not to contradict, the printed rules and clauses that restrict it (the lawyer checks each)."""
    missing = " ; ".join(row.missing)
    if row.status in UNBOUND:
        return [f"{row.status} : {row.reason}"]
    if row.status == "non couverte":
        lines = [f"NON COUVERTE : {missing or row.obligation.exige}"]
        lines += [f"y répondent sans la remplir : {met_by(row)}"] if row.met_by else []
    else:
        lines = [f"{label(row)} par : {met_by(row)}"] + ([f"à vérifier : {missing}" if row.status == "à vérifier"
                                                         else f"manque : {missing}"] if missing else [])
    if row.restricted_by:
        lines.append(f"limites à justifier (art. 9.1 de la Charte) : {_meetings(row.restricted_by, False)}")
    if row.examined:
        lines.append(f"devoirs des membres examinés : {' ; '.join(row.examined)}")
    return lines


def review_edition(document: Document, loaded: Loaded, library: Library) -> Document:
    """The politique of the review edition: the legal table as its last annex (a numbered line per
    obligation, grouped by law; lists rather than tables, which the PDF checkers read badly once several
    share a page), and in each clause's provenance the rows it meets, for the reviewer's note. Any other
    document is returned as it is."""
    if document.kind != POLITIQUE:
        return document
    layered = loaded.local.layered(library)
    rows = conformity(loaded, document, layered)
    numbered = any(section.number for section in document.sections)
    annex = sum(1 for section in document.sections if section.annex) + 1
    where = f"annexe {annex}" if numbered else f"annexe « {ANNEX_TITLE} »"
    met: dict[str, list[tuple[str, str]]] = {}
    by_law: dict[str, list[tuple[int, str]]] = {}  # (row number, its text), a numbered list per law
    for index, row in enumerate(rows, 1):
        for meeting in row.met_by if row.status != "non couverte" else ():
            note = (f"{ANNEX_CLAUSE}.{row.obligation.loi}", f"{where}, ligne {index}, « {row.obligation.titre} »")
            if note not in met.setdefault(meeting.clause, []):  # a clause and the rule it prints: one line
                met[meeting.clause].append(note)
        by_law.setdefault(row.obligation.loi, []).append((index, (
            f"{row.obligation.titre} — {citation(row.obligation.ref, layered)} ({_SCOPE[row.obligation.portee]}) ; "
            f"{duty(row)} État : {'. '.join(line.rstrip('.') for line in state(row))}.")))
    found = table_readings(document, rows, layered.laws)
    lines = tuple((Paragraph((Text(line),)),) for line in reading_lines(found, layered.laws))
    clauses = [Clause(ANNEX_CLAUSE, ANNEX_TITLE, False, (Paragraph((Text(current_to(found, layered.laws)),)),
                                                         ListBlock(False, lines)), Provenance(ANNEX_CLAUSE, 1, (), ()))]
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
