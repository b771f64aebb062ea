"""The languages of a body's documents: which editions it wants, and on what the law lets it.

French is the master text. An English edition is written only « in addition to
French » and only on a basis the Charte de la langue française names: recognition by
the Office under art. 29.1 (an establishment serving mostly persons of another
language), the access programme for services in English of a public establishment
(designated facilities), an exception of art. 22.3 named by the body, or a private
body, which the civil administration's rules do not bind. A public body states its
art. 29.15 directive (revised at least every five years) and who made it: the body itself, or the
body whose directive it applies — the health network applies the MSSS's, to which art. 29.15 applies since
1 September 2022 (L.Q. 2022, c. 14, s. 218). A recognised body is no exception (the Minister's directives of
2023 cover recognised municipalities too). Staff of a public body use
French among themselves (art. 18.1): an English politique or fiche-synthèse, which
speak to staff, is for a recognised body (or a private one) only; an ordre writes to
its members in French. `problems` turns these rules into located diagnostics.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import Field

from ..diagnostics import Diagnostic
from .strict import Strict
from .weekdays import fold
from .yamlsource import Located

Fondement = Literal["reconnaissance_29_1", "programme_acces", "exception_22_3", "organisme_prive"]
# The documents that speak to staff or members, never the public.
STAFF_DOCUMENTS = ("politique", "fiche-synthese")
ENGLISH = "en"
DIRECTIVE_YEARS = 5  # art. 29.15: the directive is reviewed at least every five years



class Directive(Strict):
    """The body's directive on the use of a language other than French (Charte, art. 29.15)."""

    titre: str = Field(min_length=1)
    date: dt.date  # adopted or last reviewed
    # who made it: the body itself, or the body whose directive it applies (the MSSS's for the health network)
    auteur: str | None = None
    # the title of its English version, where its author published one (the MSSS's directive has one)
    titre_anglais: str | None = None


class SanctionsAnglais(Strict):
    """The English of the file's own measures (`sanctions`), item by item; the usual staff measures
    (the default) have their English in the library."""

    personnel: list[str] | None = None
    public: list[str] | None = None


class Langues(Strict):
    """`langues:`: the editions wanted and their legal basis; French only unless it says otherwise."""

    editions: list[Literal["fr", "en"]] = ["fr"]
    documents_anglais: list[Literal["netiquette", "fiche-synthese", "politique"]] = ["netiquette"]
    fondement: Fondement | None = None
    exception: str | None = None   # the paragraph of art. 22.3 relied on, in words (« santé »)
    precision: str | None = None   # the programme or recognition as the body names it
    directive: Directive | None = None
    nom_anglais: str | None = None  # the body's name in English sentences (« the Jewish General Hospital »)
    accord_anglais: Literal["it", "they"] = "it"  # how English refers back to the body
    sanctions_anglais: SanctionsAnglais = SanctionsAnglais()
    # An official French name (a unit, an office holder's title) -> its English gloss: English keeps the
    # French name of a unit with the gloss after it, and gives a title in English with the French after it.
    # Other French words of the file an English text prints (the help line's hours) -> their English.
    glossaire: dict[str, str] = {}

    @property
    def english(self) -> bool:
        return ENGLISH in self.editions


_ARTICLES = ("la ", "le ", "les ", "l’", "l'")


def without_article(text: str) -> str:
    """French words without their leading article, in their own case (« la Direction … » -> « Direction … »)."""
    return next((text[len(a):] for a in _ARTICLES if text.lower().startswith(a)), text)


def _unarticled(words: Any) -> str:
    """French words folded, without a leading article (« La recherche » -> « recherche »)."""
    return without_article(fold(str(words)).lower())


def names_unit(french: Any) -> bool:
    """Whether a role of the file names a unit (« la Direction des communications »: capitalised after its
    article), which English keeps by its French name, or an office holder (« la directrice générale »), whose
    title English gives in English."""
    return without_article(str(french))[:1].isupper()


def glossed(glossary: dict[str, str], french: Any) -> str | None:
    """The English the glossary gives French words of the file (case, accents and a leading article aside,
    in the glossary's key as in the text)."""
    folded = {_unarticled(k): v for k, v in glossary.items()}
    return folded.get(_unarticled(french))


# The English of the categories of people termes.yaml proposes (and of the regimes' own names, which a file
# may use as a category), so that a file that keeps them needs no glossary line for them.
KNOWN_CATEGORIES = {
    "le personnel, y compris les gestionnaires": "staff, including managers",
    "le personnel, y compris les gestionnaires et les pharmaciens": "staff, including managers and pharmacists",
    "les employés, y compris les gestionnaires": "employees, including managers",
    "les membres du personnel": "staff members",
    "les membres du conseil d’administration et de ses comités": "the members of the board of directors and its "
                                                                 "committees",
    "les membres du conseil d’administration et des comités": "the members of the board of directors and committees",
    "les membres du conseil d’établissement et des comités": "the members of the institution’s board and committees",
    "les administrateurs et les membres des comités": "directors and committee members",
    "les administrateurs": "directors",
    "les médecins, les dentistes et les sages-femmes": "physicians, dentists and midwives",
    "les chercheurs, les résidents en médecine et la main-d’œuvre indépendante": "researchers, medical residents "
                                                                                "and independent workers",
    "les personnes qui exercent sans lien d’emploi": "persons working with no employment relationship",
    "les membres": "members",
    "les étudiants": "students",
    "les stagiaires": "trainees",
    "les bénévoles": "volunteers",
}


# The English the statutes give the offices a file's contacts name, so that a file that names them needs no
# glossary line for them, s. 8 and P-39.1, s. 3.1; G-1.021 (the commissioner).
KNOWN_TITLES = {
    "responsable de la protection des renseignements personnels": "person in charge of the protection of "
                                                                 "personal information",
    "commissaire aux plaintes et à la qualité des services": "service quality and complaints commissioner",
}


def title_in_english(glossary: dict[str, str], french: Any) -> str | None:
    """An office a contact of the file names in French, in English: the glossary's, else the statute's."""
    return glossed(glossary, french) or glossed(KNOWN_TITLES, french)


def category_in_english(glossary: dict[str, str], french: Any) -> str | None:
    """A category of people of the file (`personnes_visees.categorie`) in English: the glossary's, else the
    English of a category the library proposes; None when neither gives it."""
    return glossed(glossary, french) or glossed(KNOWN_CATEGORIES, french)


def _years_before(day: dt.date, years: int) -> dt.date:
    """The same day `years` earlier (28 February for a 29th)."""
    return day.replace(year=day.year - years, day=min(day.day, 28) if day.month == 2 else day.day)


def _at(located: Located, display: str, path: tuple, field: str, message: str, hint: str, severity: str,
        code: str) -> Diagnostic:
    return Diagnostic(display, located.line_of(path), field, message, hint, severity=severity, code=code)


def _unglossed(located: Located, display: str, french: list[str], printed: str, lead: str,
               example: str) -> Diagnostic:
    """The warning that an English edition prints these words of the file in French, and how to gloss them."""
    return _at(located, display, ("langues", "documents_anglais"), "langues.glossaire",
               f"{printed} ces mots du fichier : " + ", ".join(f"« {w} »" for w in dict.fromkeys(french)) + ".",
               f"{lead} « langues: » « glossaire: » une ligne par mot : le français, « : », puis l’anglais (par "
               f"exemple {example}).", "avertissement", "organisation.glossary")


def problems(org: Any, located: Located, display: str, on: dt.date) -> list[Diagnostic]:
    """What the law refuses in `org.langues` (`org`: a schema.OrganisationFile; errors) and a directive older than five years on `on`
    (the documents' date, never the clock)."""
    langues = org.langues
    if not langues.english:
        return []
    ident = org.organisation
    found: list[Diagnostic] = []

    def error(path: tuple, message: str, hint: str) -> None:
        found.append(_at(located, display, ("langues", *path), ".".join(("langues", *map(str, path))),
                         message, hint, "erreur", "organisation.edition"))

    if "fr" not in langues.editions:
        error(("editions",), "L’édition française manque : une autre langue ne s’emploie qu’en plus du français.",
              "Ajoutez « fr » à langues.editions.")
    basis = langues.fondement
    if basis is None:
        error(("editions",), "Une édition anglaise est demandée sans fondement : la Charte de la langue française "
              "ne permet une autre langue que sur une base qu’elle nomme.",
              "Ajoutez « fondement: » sous « langues: » : reconnaissance_29_1, programme_acces, exception_22_3 "
              "ou organisme_prive (voir README.md, « Les langues »), ou retirez « en ».")
    public = ident.secteur == "public" or ident.type == "ordre_professionnel"
    if basis == "organisme_prive" and public:
        error(("fondement",), "Un organisme public ou un ordre professionnel ne peut invoquer « organisme_prive ».",
              "Choisissez reconnaissance_29_1, programme_acces ou exception_22_3.")
    if basis == "exception_22_3" and not langues.exception:
        error(("fondement",), "L’exception de l’article 22.3 de la Charte n’est pas nommée.",
              "Ajoutez « exception: » avec le motif invoqué, par exemple « santé » ou « sécurité publique ».")
    if basis and public and langues.directive is None:
        error(("fondement",), "Un organisme public n’emploie une autre langue qu’après avoir adopté la directive "
              "prévue à l’article 29.15 de la Charte.",
              "Ajoutez « directive: » avec « titre: » et « date: » (AAAA-MM-JJ) sous « langues: ».")
    if not langues.nom_anglais:
        error(("editions",), "L’édition anglaise a besoin du nom de l’organisme en anglais.",
              "Ajoutez « nom_anglais: » sous « langues: », tel qu’une phrase anglaise l’écrit.")
    staff = [d for d in langues.documents_anglais if d in STAFF_DOCUMENTS]
    allowed = basis == "reconnaissance_29_1" or (basis == "organisme_prive" and not public)
    if ident.type == "ordre_professionnel":
        allowed = False  # an ordre writes to its members and candidates in French
    if staff and not allowed:
        index = langues.documents_anglais.index(staff[0])
        error(("documents_anglais", index),
              f"« {staff[0]} » parle au personnel ou aux membres : son édition anglaise n’est permise qu’à un "
              "établissement reconnu en vertu de l’article 29.1 de la Charte (art. 18.1) ou à un organisme privé ; "
              "un ordre communique en français avec ses membres.",
              "Retirez-le de langues.documents_anglais (la nétiquette publique peut rester en anglais).")
    sanctions, english_sanctions = org.sanctions, langues.sanctions_anglais
    needs = {"personnel": sanctions.personnel != type(sanctions)().personnel and bool(staff),
             "public": bool(sanctions.public) and "netiquette" in langues.documents_anglais}
    for regime, needed in needs.items():
        given = getattr(english_sanctions, regime)
        if needed and (given is None or len(given) != len(getattr(sanctions, regime))):
            error(("editions",), f"Les mesures « sanctions.{regime} » du fichier n’ont pas leur anglais, élément par "
                  "élément : l’édition anglaise doit les énumérer comme le français.",
                  f"Ajoutez sous « langues: » « sanctions_anglais: » puis « {regime}: », une traduction par mesure, "
                  "dans le même ordre.")
    if "politique" in langues.documents_anglais:
        for regime in ("benevoles", "professionnels_independants"):
            untranslated = [m for m in getattr(sanctions, regime) if not glossed(langues.glossaire, m)]
            if untranslated:
                error(("glossaire",), f"Les mesures « sanctions.{regime} » n’ont pas leur anglais : la politique "
                      f"anglaise doit les énumérer comme le français ({', '.join(untranslated)}).",
                      "Ajoutez sous « langues: » « glossaire: » une ligne par mesure : le texte français, « : », "
                      "puis son anglais.")
    if "netiquette" in langues.documents_anglais and "anglais" not in {fold(str(w)) for w in org.netiquette.langues}:
        found.append(_at(located, display, ("langues", "documents_anglais"), "netiquette.langues",
                         "La nétiquette anglaise dira « We reply in French. » : netiquette.langues ne nomme pas "
                         "l’anglais, alors que la page s’adresse à des personnes d’expression anglaise.",
                         "Si l’organisme répond aussi en anglais, ajoutez « anglais » à netiquette.langues ; sinon, "
                         "faites confirmer ce choix (les deux éditions le disent).", "avertissement",
                         "organisation.phrasing"))
    line = org.netiquette.ligne_aide
    if "netiquette" in langues.documents_anglais and line and line.heures and not glossed(langues.glossaire, line.heures):
        error(("glossaire",), f"Les heures de la ligne d’aide (« {line.heures} ») n’ont pas leur anglais : l’avis "
              "d’urgence de la nétiquette anglaise doit les donner comme le français.",
              f"Ajoutez sous « langues: » « glossaire: » la ligne « {line.heures}: » suivie de leur anglais, "
              "par exemple « every day, from 8 a.m. to midnight ».")
    if {"netiquette", "fiche-synthese"} & set(langues.documents_anglais):
        # what the public and staff English editions print from the file (reader 6, finding 8): the sector
        # lines' names and hours, platform names in words, the units' glosses
        lines = [*([line] if line else []), *org.netiquette.lignes_secteur]
        french = [str(w) for w in (*(x for l in lines for x in (l.nom, l.heures) if x),
                                   *(p.nom for p in org.plateformes if " " in str(p.nom)),
                                   org.roles.communications.nom, org.contacts.plaintes.titre)
                  if not glossed(langues.glossaire, w)]
        if french:
            found.append(_unglossed(located, display, french, "La nétiquette ou la fiche anglaise imprime en français",
                                    "Ajoutez sous", "« tous les jours, de 8 h à 20 h: every day, 8 a.m. to 8 p.m. » ou "
                                    "« Direction générale: Executive Office »"))
    if "politique" in langues.documents_anglais:
        roles, editorial = org.roles, org.ligne_editoriale
        titles = [r for r in (roles.approbation_publications, roles.moderation, roles.securite_information,
                              roles.encadrement_benevoles, *roles.approbation_conjointe) if r and not names_unit(r)]
        hours = org.contacts.communications.heures
        french = [str(p) for p in (*titles, *roles.gestionnaires, *editorial.sujets, *editorial.publics,
                                   *ident.valeurs, *([hours] if hours else [])) if not glossed(langues.glossaire, p)]
        # the scope lists the categories of the people bound (the public's is not listed)
        french += [str(p.categorie) for p in org.personnes_visees
                   if p.regime != "public" and not category_in_english(langues.glossaire, p.categorie)]
        if french:
            found.append(_unglossed(located, display, french, "La politique anglaise imprime en français, balisés comme tels,",
                                    "Pour qu’elle les donne en anglais, ajoutez sous", "« directrice générale: Executive "
                                    "Director » ou « les bénévoles de l’accueil: reception volunteers »"))
    directive = langues.directive
    if directive and not directive.auteur:
        found.append(_at(located, display, ("langues", "directive"), "langues.directive.auteur",
                         "La directive ne dit pas qui l’a prise : l’avis des éditions anglaises doit nommer son "
                         "auteur.", "Ajoutez « auteur: » sous « directive: » : l’organisme lui-même, ou celui dont "
                         "la directive s’applique (par exemple « ministère de la Santé et des Services sociaux »).",
                         "avertissement", "organisation.directive"))
    if directive and _years_before(on, DIRECTIVE_YEARS) > directive.date:
        found.append(_at(located, display, ("langues", "directive", "date"), "langues.directive.date",
                         f"La directive (art. 29.15) date du {directive.date.isoformat()}, plus de cinq ans avant "
                         f"la date des documents ({on.isoformat()}) : elle doit être révisée au moins tous les "
                         "cinq ans.", "Inscrivez la date de sa dernière révision, ou faites-la réviser.",
                         "avertissement", "organisation.directive"))
    return found
