"""The statutory obligations a body's politique must state or must not contradict.

`templates/data/obligations.yaml` is written for a lawyer: each obligation names
its law (an id of lois.yaml) and articles, the bodies it binds (by type, sector,
Santé Québec or not; a type it binds in part through another provision, as C. prof.
art. 108.1 applies A-2.1 to an ordre's regulatory files; the lawyer's reason for a
type or sector it does not bind), what it requires in one sentence, who answers for
it, and whether the politique must state it (« enonce ») or merely not contradict it
(« non_contradiction »).
Every article a rule or clause cites is either an obligation's or listed under
`autres_articles` with the reason it creates none: the lint keeps the two in step.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..diagnostics import Diagnostic, display_path
from ..orgfile.schema import Regime
from ..orgfile.validation import schema_diagnostics, suggest
from ..orgfile.yamlsource import read_yaml
from .lint import RULEBOOK
from .schema import Clause, LegalRef, Library

OBLIGATIONS_FILE = "obligations.yaml"
POLITIQUE = "politique"  # the document the obligations bind (its outline's id)
BodyType = Literal["etablissement_sante", "ordre_professionnel", "autre"]
Sector = Literal["public", "prive"]
BODY_TYPES: tuple[BodyType, ...] = ("etablissement_sante", "ordre_professionnel", "autre")
SECTORS: tuple[Sector, ...] = ("public", "prive")
_TYPE_NAMES = {"etablissement_sante": "les établissements de santé", "ordre_professionnel": "les ordres professionnels",
               "autre": "les organismes d’un autre type"}
_SECTOR_NAMES = {"public": "le secteur public", "prive": "le secteur privé"}
SENIORS_RESIDENCE = "residence_privee_aines"  # an `a_examiner` key: the reason proper to a seniors' residence
ANYONE = ("quiconque", "toute personne")  # a debtor who binds every body: no row may say « non applicable »


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Partly(_Meta):
    """Bodies of these types the obligation binds in part only, through another provision (an ordre's
    regulatory files: C. prof., art. 108.1); a citation of that provision meets it for them."""

    types: list[BodyType] = Field(min_length=1)
    motif: str = Field(min_length=1)  # « documents détenus aux fins du contrôle de l’exercice … »
    par: LegalRef

    def binds(self, kind: str) -> bool:
        return kind in self.types


class Bodies(_Meta):
    """Whom an obligation binds; an empty list binds every type (or sector)."""

    types: list[BodyType] = []
    secteurs: list[Sector] = []
    sante_quebec: bool | None = None  # True: Santé Québec's establishments only; False: all but them
    en_partie: Partly | None = None
    # Why a body of this type or sector is not bound, as a lawyer words it (rather than « vise seulement … »).
    motifs: dict[str, str] = {}
    # A body of another type is bound too when its file names persons of these regimes: the duties of an
    # ordre's members bind them wherever they practise (a private clinic's physicians).
    par_regimes: list[Regime] = []
    # ... or, a body of type « autre », when its file says it gives these services (vocabulaire.services): one that gives care has
    # providers of health services among its staff (a clinic, a seniors' residence that gives nursing care).
    par_services: list[Literal["soins", "accompagnement"]] = []
    # A type or sector whose being bound the lawyer has not settled (an article unread, agreements to see):
    # the row is « à examiner » with this reason, never « non applicable ». The key « residence_privee_aines »
    # is read first for a seniors' residence (organisation.residence_privee_aines), whose duties differ.
    a_examiner: dict[str, str] = {}
    # The organisation-file field whose « oui » / « non » settles what `a_examiner` leaves open
    # (« organisation.loi_renseignements_sante »: the body says whether reaches it).
    tranche_par: str = ""

    def excludes(self, kind: str, sector: str, sante_quebec: bool, regimes: set[str] | None = None,
                 services: str | None = None) -> str:
        """Why a body of this kind is not bound (« » when it is), as a lawyer reads it; `regimes` are those its
        file names and `services` what it gives (None: any, as the library's lint assumes)."""
        if self.en_partie and self.en_partie.binds(kind):
            return ""
        through = ((bool(self.par_regimes) and (regimes is None or bool(set(self.par_regimes) & regimes)))
                   or (bool(self.par_services) and kind == "autre"  # an ordre or an établissement: by its type
                       and (services is None or services in self.par_services)))
        excluded = (self.types and kind not in self.types and not through) or (self.secteurs and sector not in
                                                                                 self.secteurs)
        if excluded and kind in self.motifs:
            return self.motifs[kind]  # the reason proper to its kind first (an ordre: C. prof. art. 108.1)
        if self.secteurs and sector not in self.secteurs and sector in self.motifs:
            return self.motifs[sector]  # then the lawyer's reason for the sector (P-39.1 and a public body)
        if self.types and kind not in self.types and not through:
            return self.motifs.get(kind) or f"L’obligation vise seulement {' et '.join(_TYPE_NAMES[t] for t in self.types)}."
        if self.secteurs and sector not in self.secteurs:
            return self.motifs.get(sector) or f"L’obligation vise seulement {' et '.join(_SECTOR_NAMES[s] for s in self.secteurs)}."
        if self.sante_quebec is True and not sante_quebec:
            return "L’obligation vise seulement les établissements de Santé Québec."
        if self.sante_quebec is False and sante_quebec:
            return "L’obligation ne vise pas les établissements de Santé Québec."
        return ""

    def unexamined(self, kind: str, sector: str, seniors_residence: bool = False) -> str:
        """Why it is not settled whether a body this obligation does not plainly bind is bound (« » when the
        lawyer has settled it)."""
        return ((seniors_residence and self.a_examiner.get(SENIORS_RESIDENCE)) or self.a_examiner.get(kind)
                or self.a_examiner.get(sector) or "")


class Condition(_Meta):
    """An obligation that binds only a body whose file says so: a choice (`champ`, as choix.promotion_services)
    or persons of one of these `regimes` among those it names; `motif` says why it does not apply otherwise."""

    champ: str = ""
    regimes: list[Regime] = []
    motif: str = Field(min_length=1)
    # A type of body that has these persons though its file names none (a health establishment hosts trainees):
    # the row is « à examiner » with this reason, never « non applicable ».
    a_examiner: dict[BodyType, str] = {}


class Check(_Meta):
    """What the lawyer also asks of the politique before the row is « couverte »; when it fails, the row is
    « couverte en partie » (or « à vérifier ») and says what is missing (`manque`). One of:
    `texte` (what meets the obligation prints one of these words), `interdit` (the politique prints none of
    these anywhere, as a definition that stretches whom the duty binds; with `dans`, that field of the file says
    none of them, as a mission that promises services in English), `regle` (that rule, where the
    politique prints it, binds each of the body's `regimes`, together with the rules of `avec` the politique
    also prints: the same duty for the people the first does not bind), `valeur` (an organisation-file field
    the meeting rests on is not « (à confirmer) », nor, with `absente`, missing)."""

    texte: list[str] = []
    interdit: list[str] = []
    dans: str = ""  # `interdit`: the organisation-file field searched instead of the politique (« organisation.mission »)
    regle: str = ""
    avec: list[str] = []
    regimes: list[Regime] = []
    valeur: str = ""
    absente: bool = False  # `valeur`: a file that does not give the value fails the check too
    statut: Literal["en partie", "à vérifier"] = "en partie"
    manque: str = Field(min_length=1)


class MemberDuties(_Meta):
    """C. prof. art. 87: a duty (« doit », « ne doit pas ») a printed rule puts on these regimes must rest
    on one of these laws, or on one of the body's own (its code de déontologie), unless `sauf` says why it
    is no new duty (conduct on the body's own pages); otherwise the politique contradicts the article."""

    regimes: list[Regime] = Field(min_length=1)
    lois: list[str] = []
    sauf: dict[str, str] = {}


class Obligation(_Meta):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    titre: str = Field(min_length=1)
    loi: str
    articles: list[str] = []  # none: any citation of the law meets it, unless `remplie_par` names what does
    organismes: Bodies = Bodies()
    exige: str = Field(min_length=1)  # what it requires, in one sentence
    debiteur: str = Field(min_length=1)  # who owes it, and whom the rules meeting it must bind
    debiteurs: dict[BodyType, str] = {}  # who owes it for a type of body, when another than `debiteur`
    portee: Literal["enonce", "non_contradiction"]
    # Rules or clauses the lawyer declares meet it though they cite neither its law nor its article.
    remplie_par: list[str] = []
    verifications: list[Check] = []
    # The printed rules and clauses that restrict the right (« à ne pas contredire »): the lawyer checks each.
    restreinte_par: list[str] = []
    devoirs_des_membres: MemberDuties | None = None
    edition_anglaise: bool = False  # binds only a body that publishes an English edition (langues.documents_anglais)
    si: Condition | None = None  # binds only a body whose file makes this choice or names these persons
    # The article's consolidated text was not read (what was not, and why): the row is never « couverte »,
    # at best « à vérifier », whatever meets it.
    texte_non_lu: str = ""
    # A duty known to bind the body that no clause meets yet, its article unread or the clause unwritten: while
    # nothing meets it, the row is « à examiner » with this reason (never left out of the table, nor silently
    # « non couverte », which `--final` refuses, before the lawyer has read it).
    sans_clause: str = ""

    @property
    def ref(self) -> LegalRef:
        return LegalRef(law=self.loi, articles=self.articles)


class OtherArticles(_Meta):
    """Articles the library cites that put no duty on the politique: a definition, a right recalled."""

    loi: str
    articles: list[str] = []
    motif: str = Field(min_length=1)


class ObligationFile(_Meta):
    obligations: list[Obligation] = []
    autres_articles: list[OtherArticles] = []


def load_obligations(path: Path, problems: list[Diagnostic]) -> tuple[ObligationFile, dict[str, int]]:
    """The obligations file (empty when absent) and the line of each obligation's id."""
    if not path.is_file():
        return ObligationFile(), {}
    located, read_problems = read_yaml(path, display_path(path), "library")
    problems.extend(read_problems)
    if located is None or read_problems:
        return ObligationFile(), {}
    try:
        data = ObligationFile.model_validate(located.data or {})
    except ValidationError as exc:
        problems.extend(schema_diagnostics(exc, located, display_path(path), ObligationFile, "library",
                                           "une autre obligation de templates/data/obligations.yaml"))
        return ObligationFile(), {}
    lines = {o.id: located.line_of(("obligations", i, "id")) or 1 for i, o in enumerate(data.obligations)}
    return data, lines


def law_binds(law: dict[str, Any], kind: str, sector: str) -> bool:
    """A law the data says this kind of body, in this sector, relies on (lois.yaml: applies_to, sectors;
    en_partie: a type it binds in part whatever its sector, as A-2.1 an ordre's regulatory files)."""
    kinds, sectors = law.get("applies_to"), law.get("sectors")
    return (not kinds or kind in kinds) and (not sectors or sector in sectors or kind in law.get("en_partie", ()))


def body_kinds() -> list[tuple[str, str, bool]]:
    """Every (type, sector, Santé Québec) a body can be: only a public establishment belongs to Santé Québec."""
    return [(k, s, q) for k, s, q in itertools.product(BODY_TYPES, SECTORS, (False, True))
            if not q or (k, s) == ("etablissement_sante", "public")]


def _citations(clause: Clause, library: Library) -> list[LegalRef]:
    """What a clause rests on: its own front matter's laws and those of the rules it prints."""
    return list(clause.meta.legal) + [ref for r in clause.rules if (rule := library.rules.get(r))
                                      for ref in rule.meta.fondement.lois]


def cites(ref: LegalRef, target: LegalRef) -> bool:
    """A citation of `target` (an obligation's, a changed article's): its law, and one of its articles
    when it names any."""
    return ref.law == target.law and (not target.articles or bool(set(ref.articles) & set(target.articles)))


def law_problems(obligation: Obligation, laws: dict[str, dict[str, Any]], where: str,
                 line: int | None) -> list[Diagnostic]:
    """An obligation's law and articles must be in lois.yaml (the library's, or the body's own)."""
    law = laws.get(obligation.loi)
    if law is None:
        return [Diagnostic(where, line, f"{obligation.id}: loi", f"Loi inconnue « {obligation.loi} » "
                           "(voir templates/data/lois.yaml et le lois.yaml de l’organisme).",
                           suggest(obligation.loi, sorted(laws)), code="library.obligation")]
    return [Diagnostic(where, line, f"{obligation.id}: articles",
                       f"L’article {article} n’est pas répertorié pour « {obligation.loi} » dans lois.yaml.",
                       code="library.obligation")
            for article in obligation.articles if article not in (law.get("articles") or {})]


def lint_obligations(library: Library, data: ObligationFile, lines: dict[str, int], path: Path) -> list[Diagnostic]:
    """Every obligation can be met, for each kind of body it binds, by a clause of the politique (or a
    rule it prints) whose law binds that kind; every article a rule or clause cites is known here."""
    where = display_path(path)
    problems: list[Diagnostic] = []
    known: dict[str, set[str]] = {}
    politique = [ref for c in library.clauses if POLITIQUE in c.meta.documents for ref in _citations(c, library)]
    printable = {c.id for c in library.clauses if POLITIQUE in c.meta.documents} | set(library.rules)
    for obligation in data.obligations:
        known.setdefault(obligation.loi, set()).update(obligation.articles or {"*"})
        law = library.laws.get(obligation.loi)
        line = lines.get(obligation.id)
        problems += law_problems(obligation, library.laws, where, line)
        if law is None:
            continue
        met = any(cites(ref, obligation.ref) for ref in politique) or bool(set(obligation.remplie_par) & printable)
        problems += [Diagnostic(where, line, f"{obligation.id}: remplie_par",
                                f"« {ident} » n’est ni une règle ni une clause de la politique.",
                                "Nommez une règle de regles.yaml ou une clause de la politique.",
                                code="library.obligation")
                     for ident in (*obligation.remplie_par, *obligation.restreinte_par,
                                   *(r for c in obligation.verifications for r in (c.regle, *c.avec) if r))
                     if ident not in printable]
        bodies = obligation.organismes
        if obligation.debiteur.casefold().startswith(ANYONE) and (bodies.types or bodies.secteurs
                                                                  or bodies.sante_quebec is not None):
            problems.append(Diagnostic(
                where, line, f"{obligation.id}: organismes",
                f"L’obligation « {obligation.titre} » lie « {obligation.debiteur.split(',')[0].split(' ;')[0]} », "
                "mais ne vise que certains organismes : le tableau la dirait « non applicable » à un organisme que "
                "son débiteur lie.", "Retirez la restriction des organismes visés, ou nommez le débiteur exact.",
                code="library.obligation"))
        partly = obligation.organismes.en_partie
        met_partly = partly is not None and any(cites(ref, partly.par) for ref in politique)
        for kind, sector, sante_quebec in body_kinds():
            if partly and partly.binds(kind):  # its own article met, and the provision that applies it cited
                if not (met_partly and law_binds(library.laws.get(partly.par.law, {}), kind, sector)):
                    problems.append(Diagnostic(
                        where, line, obligation.id,
                        f"Aucune règle ni clause de la politique ne cite {partly.par.law}, art. "
                        f"{', '.join(partly.par.articles)}, par lequel l’obligation « {obligation.titre} » vise "
                        f"en partie un organisme de type {kind}.",
                        "Citez cet article dans une clause de la politique, ou retirez « en_partie ».",
                        code="library.obligation"))
                elif not met:
                    problems.append(Diagnostic(
                        where, line, obligation.id,
                        f"Aucune règle ni clause de la politique ne cite l’article de l’obligation « {obligation.titre} », "
                        f"qui vise en partie un organisme de type {kind} : citer {partly.par.law}, art. "
                        f"{', '.join(partly.par.articles)} ne la remplit pas.",
                        "Citez son article dans la clause qui la remplit, ou déclarez celle-ci dans « remplie_par ».",
                        code="library.obligation"))
            elif (not obligation.organismes.excludes(kind, sector, sante_quebec) and not obligation.sans_clause
                  and not (met and law_binds(law, kind, sector))):
                problems.append(Diagnostic(
                    where, line, obligation.id,
                    f"Aucune règle ni clause de la politique ne peut remplir l’obligation « {obligation.titre} » "
                    f"pour un organisme de type {kind}, secteur {sector}"
                    + (", de Santé Québec" if sante_quebec else "") + ".",
                    "Citez la loi et l’article dans le fondement d’une règle ou l’en-tête d’une clause de la "
                    "politique, ou restreignez les organismes visés par l’obligation.", code="library.obligation"))
    for other in data.autres_articles:
        known.setdefault(other.loi, set()).update(other.articles or {"*"})

    def unknown(who: str, ref: LegalRef) -> list[str]:
        articles = known.get(ref.law)
        if articles is None and not ref.articles:
            return [f"{who} cite la loi « {ref.law} »"]
        return [f"{who} cite l’article {a} de « {ref.law} »" for a in ref.articles
                if articles is None or not ({a, "*"} & articles)]

    fix = ("Ajoutez-le à une obligation de templates/data/obligations.yaml, ou à autres_articles avec le motif "
           "pour lequel il n’en crée pas.")
    for rule in library.rules.values():
        for ref in rule.meta.fondement.lois:
            problems += [Diagnostic(RULEBOOK, rule.line, f"{rule.id}: fondement", f"{text}, que le fichier des "
                                    "obligations ne connaît pas.", fix, code="library.obligation")
                         for text in unknown(f"La règle « {rule.id} »", ref)]
    for clause in library.clauses:
        for ref in clause.meta.legal:
            problems += [Diagnostic(display_path(clause.path), clause.line_of(("legal",)), f"{clause.id}: legal",
                                    f"{text}, que le fichier des obligations ne connaît pas.", fix,
                                    code="library.obligation")
                         for text in unknown(f"La clause « {clause.id} »", ref)]
    return problems
