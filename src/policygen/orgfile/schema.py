"""The organisation file's typed schema.

Keys are French because communications advisors write them; the classes and
their docstrings are English. `extra="forbid"` makes every unknown key an
error (the validator adds a « vouliez-vous dire … ? » suggestion).
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Annotated, Literal

from collections.abc import Callable

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, HttpUrl, TypeAdapter,
                      ValidationError, model_validator)
from pydantic_core import PydanticCustomError

from .langues import Langues
from .strict import Strict
from .weekdays import days_phrase

_YES = {"oui", "o", "vrai", "true", "yes"}
_NO = {"non", "n", "faux", "false", "no"}


def _french_bool(value: object) -> object:
    """Accept « oui » / « non » as well as YAML booleans."""
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _YES:
            return True
        if lowered in _NO:
            return False
    return value


OuiNon = Annotated[bool, BeforeValidator(_french_bool)]


def _oui_non_open(value: object) -> object:
    """« oui », « non » (or a YAML boolean); nothing after « (à confirmer) » stays open."""
    if value is None:
        return "à confirmer"
    value = _french_bool(value)
    return {True: "oui", False: "non"}.get(value, value) if isinstance(value, bool) else value
Genre = Literal["masculin", "féminin"]
Nombre = Literal["singulier", "pluriel"]
# How the politique binds a category of people (see README, « personnes_visees »):
# employeur: staff and directors, under the employer's rules; membre: members of an
# ordre, reminded of their code de déontologie, the syndic being the only route;
# professionnel_independant: physicians, midwives, researchers, independent workers of
# an établissement, who answer to their own processes; benevole: volunteers and
# trainees; public: people who comment on the pages, bound by the nétiquette only.
# administrateur: board and committee members (their code d'éthique or by-laws);
# etudiant: students (some registered with an ordre); stagiaire: trainees on placement.
Regime = Literal["employeur", "administrateur", "membre", "professionnel_independant", "etudiant",
                 "benevole", "stagiaire", "public"]
REGIMES: tuple[str, ...] = typing.get_args(Regime)
Texte = Annotated[str, Field(min_length=1)]

_HOUR = re.compile(r"^([01]?[0-9]|2[0-3])(?::| ?h ?)([0-5][0-9])?$")
# What a telephone number is typed with; phonenumbers alone would read letters as digits
# (« 1-800-FLOWERS ») and pick digits out of any text.
_PHONE_CHARACTERS = re.compile(r"^[0-9 ()+.\-]+$")
# Characters RFC 3986 never allows unencoded in an address (and « [ ] » outside a host):
# typed, they are a mistake or markup, never part of a page's address.
_URL_FORBIDDEN = re.compile(r"[\s<>\"{}|\\^`\[\]]")
_HTTP_URL = TypeAdapter(HttpUrl)


def _normalise_hour(value: object) -> object:
    """« 8:30 », « 08:30 », « 8 h 30 », « 8h » -> « 08:30 »."""
    if isinstance(value, int):  # « 17 » written alone
        value = f"{value}:00"
    if isinstance(value, str):
        match = _HOUR.match(value.strip())
        if match:
            return f"{int(match.group(1)):02d}:{match.group(2) or '00'}"
    return value


def _accepted(test: Callable[[str], bool], error_type: str):
    """An after-validator that rejects values `test` refuses.

    The error type names the French message in `validation.py`.
    """
    def check(value: str) -> str:
        if not test(value):
            raise PydanticCustomError(error_type, error_type)
        return value
    check.accepts, check.error_type = test, error_type  # type: ignore[attr-defined]  # for the JSON Schema
    return AfterValidator(check)


def _email(value: str) -> bool:
    """An address as email-validator reads it (RFC 5321/5322, internationalised), without DNS."""
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


def _phone(value: str) -> bool:
    """A North American number phonenumbers knows as valid (the documents write it « 450 432-2777 »)."""
    if not _PHONE_CHARACTERS.match(value):
        return False
    try:
        number = phonenumbers.parse(value, "CA")
    except phonenumbers.NumberParseException:
        return False
    return number.country_code == 1 and phonenumbers.is_valid_number(number)


def _url(value: str) -> bool:
    """A web address (http or https, a host with a dot) as pydantic's URL parser reads it."""
    if _URL_FORBIDDEN.search(value) or not value.lower().startswith(("https://", "http://")):
        return False
    try:
        host = _HTTP_URL.validate_python(value).host or ""
    except ValidationError:
        return False
    return "." in host.strip(".")


Heure = Annotated[str, BeforeValidator(_normalise_hour),
                  _accepted(re.compile(r"^[0-2][0-9]:[0-5][0-9]$").match, "heure_invalide")]
Courriel = Annotated[str, _accepted(_email, "courriel_invalide")]
Telephone = Annotated[str, _accepted(_phone, "telephone_invalide")]
Url = Annotated[str, _accepted(_url, "url_invalide")]

# How an editor reading YAML 1.2 sees the values the before-validators read (« oui »,
# « 8 h 30 », « 17 »): the JSON Schema must accept them as `check` does (jsonschema.py).
# Each reading is a (schema of the value as typed, regular expression of its text form):
# jsonschema.py adds the text form followed by « (à confirmer) », which `check` accepts on any value.
READINGS: dict[Callable[..., object], tuple[dict[str, object], str]] = {
    _french_bool: ({"anyOf": [{"type": "boolean"}, {"enum": sorted(_YES | _NO)}]},
                   "|".join(sorted(_YES | _NO | {"true", "false"}))),
    _normalise_hour: ({"anyOf": [{"type": "string", "pattern": _HOUR.pattern},
                                 {"type": "integer", "minimum": 0, "maximum": 23}]}, _HOUR.pattern[1:-1]),
}


class Organisation(Strict):
    """Identity of the body."""

    nom: Texte
    nom_court: Texte
    genre: Genre = "masculin"
    nombre: Nombre = "singulier"
    # « non » for a name that never takes an article (brands, many non-profits):
    # « de Kinatex », « à Tel-jeunes », never « du Kinatex ».
    article: OuiNon = True
    appellation: Texte               # the short reference after first mention: « Collège », « Institut »
    appellation_genre: Genre = "masculin"   # always singular: clauses conjugate it in the singular
    appellation_article: OuiNon = True      # as `article`, for the appellation
    type: Literal["etablissement_sante", "ordre_professionnel", "autre"]
    secteur: Literal["public", "prive"]
    # An établissement de Santé Québec (G-1.021, since 2024-12-01): Santé Québec is its
    # employer and the public body under A-2.1; « non » for the private and northern ones.
    sante_quebec: OuiNon = False
    # A certified seniors' residence (résidence privée pour aînés): its residents reach the local complaints
    # commissioner because it is one, and the conformity table gives it the reasons proper to it.
    residence_privee_aines: OuiNon = False
    # Whether the body is an organisme du secteur de la santé et des services sociaux under the
    # Loi sur les renseignements de santé (R-22.1, art. 4 and its annexes), which then governs its
    # health information instead of P-39.1: its legal department decides. « à confirmer » (the
    # default, or typed « (à confirmer) ») prints the question open, and marked; `build --final`
    # refuses the typed mark. Read only where the politique raises the question (type `autre`).
    loi_renseignements_sante: Annotated[Literal["oui", "non", "à confirmer"], BeforeValidator(_oui_non_open)] = "à confirmer"
    mission: Texte
    # The languages the body's own accounts publish in (« Elle écrit en français ou en anglais »),
    # distinct from those in which comments are accepted (`netiquette.langues`).
    langues_publication: list[Texte] = Field(default=["français"], min_length=1)
    valeurs: list[Texte] = []
    site_web: Url | None = None
    region: str | None = None
    profession: str | None = None            # kept for older files: `vocabulaire.profession` replaces it
    membres_nombre: int | None = Field(default=None, ge=1)
    membres_appellation: str | None = None   # kept for older files: `vocabulaire.membres` replaces it


class Unite(Strict):
    """An administrative unit (service, direction)."""

    nom: Texte
    genre: Genre = "masculin"
    nombre: Nombre = "singulier"
    direction: str | None = None
    direction_genre: Genre | None = None  # guessed from its first word when absent (« Secrétariat » : masculin)


class Roles(Strict):
    communications: Unite
    approbation_publications: Texte
    # Who must agree together, beforehand, to content that is not the body's own
    # (source 000: the president and the director general); empty: approbation_publications.
    approbation_conjointe: list[Texte] = []
    moderation: Texte
    courriel_propositions: Courriel | None = None
    securite_information: str | None = None
    gestionnaires: list[Texte] = []
    # Who supervises the volunteers and handles their breaches (« la coordination de l’écoute »): a volunteer who
    # reports a content tells it too (reader5 E6); absent, the communications unit alone.
    encadrement_benevoles: Texte | None = None


class Plateforme(Strict):
    nom: Texte
    adresse: Url | None = None
    statut: Literal["officielle", "veille"] = "officielle"
    # A private group kept for the people the body serves (a caregivers' support group): the nétiquette's
    # « your pages » leave it out, and it tells its members they may speak of their situation there but keep
    # what is said in the group (reader 6, finding 9). Its `nom` reads after « notre ».
    groupe_prive: OuiNon | None = None  # left out: a public page (None keeps it out of the reviewer's notes)


def _days(value: object) -> object:
    """A list of days or a phrase -> the phrase a sentence needs (see `weekdays`)."""
    try:
        return days_phrase(value) if isinstance(value, (str, list)) else value
    except ValueError as exc:
        raise PydanticCustomError("jour_invalide", "{day}", {"day": str(exc)}) from None


Jours = Annotated[str, BeforeValidator(_days)]
READINGS[_days] = ({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}, "minItems": 1}]},
                   ".+")

# The editor cannot run email-validator, phonenumbers or pydantic's URL parser: the JSON Schema
# gives each of these values its nearest form (the editor's own e-mail format, a North American
# number, an address without the characters `_url` refuses), and its text form for a value
# marked « (à confirmer) ». The catalogue of tests/orgfile/test_editor.py holds both to one answer.
FORMS: dict[Callable[[str], bool], tuple[dict[str, object], str]] = {
    _email: ({"format": "email"}, r"[^\s@<>()\[\]\\,;:\"]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}"),
    _phone: ({}, r"(?:\+?1[ .-]?)?(?:\([2-9][0-9]{2}\)|[2-9][0-9]{2})[ .-]?[2-9][0-9]{2}[ .-]?[0-9]{4}"),
    _url: ({}, r"[hH][tT][tT][pP][sS]?://[^\s<>\"{}|\\^`\[\]/]+\.[^\s<>\"{}|\\^`\[\]]+"),
}


class Moderation(Strict):
    """When a person reads the pages: days (a list or a phrase) and hours."""

    jours: Jours = "du lundi au vendredi"
    debut: Heure = "08:30"
    fin: Heure = "16:30"
    jours_feries: OuiNon = False
    # Who is alerted at once when a comment expresses distress or suicidal intent, as the
    # sentence « elle alerte … » reads it: « l’intervenante ou l’intervenant de garde ».
    # Left out, the unit responsible for the accounts is.
    equipe_de_garde: Texte | None = None

    @model_validator(mode="after")
    def _end_after_start(self) -> Moderation:
        if self.fin <= self.debut:  # « HH:MM » strings sort like the hours they name
            raise PydanticCustomError("heures_inversees", "fin", {"debut": self.debut, "fin": self.fin})
        return self


class MotifsRetrait(Strict):
    """Grounds of removal that Québec nétiquettes name on their own (each: oui/non)."""

    majuscules: OuiNon = True      # a comment written in capitals (shouting)
    repetitions: OuiNon = True     # the same comment posted again and again
    desinformation: OuiNon = True  # false or misleading information, as a ground of its own


class ModeUrgence(Strict):
    """What changes on the pages during a crisis (an outbreak, a disaster)."""

    heures_prolongees: OuiNon = True   # moderation beyond the usual hours
    echanges_suspendus: OuiNon = True  # other subjects wait until the crisis is over


class LigneAide(Strict):
    """The body's own help line, given first in the nétiquette's emergency notice."""

    nom: Texte                       # whom one reaches, as « Pour parler à … » reads it: « une intervenante de Tel-jeunes »
    telephone: Telephone | None = None
    texto: str | None = None         # a number to text, as typed: « 514 600-1002 »
    adresse_web: Url | None = None   # a chat or a page
    heures: str | None = None        # « jour et nuit, tous les jours »


class Netiquette(Strict):
    """The public nétiquette's choices; the defaults are what most Québec bodies publish."""

    langues: list[Texte] = Field(default=["français"], min_length=1)
    comptes_anonymes: Literal["refuses", "permis"] = "refuses"
    lecture: Literal["avant_publication", "apres_publication", "non"] = "apres_publication"
    corrections: OuiNon = True
    retrait: Literal["masquer", "supprimer", "masquer_ou_supprimer"] = "masquer_ou_supprimer"
    motifs: MotifsRetrait = MotifsRetrait()
    urgence: ModeUrgence = ModeUrgence()
    ligne_aide: LigneAide | None = None
    # Lines of the sector the body points to (Ligne Aide Abus Aînés for a residence): printed after
    # its own, never taken for a line the body runs (its volunteers are not listeners for them).
    lignes_secteur: list[LigneAide] = []


class Contact(Strict):
    titre: Texte
    # The title as a sentence names it, with its article: « la secrétaire de l’Ordre »
    # for « Secrétaire de l’Ordre » (`check` asks for it where a title of function is
    # printed in running text).
    dans_une_phrase: str | None = None
    nom: str | None = None
    personne: str | None = None
    courriel: Courriel | None = None
    telephone: Telephone | None = None
    poste: str | None = None
    sans_frais: Telephone | None = None
    adresse_web: Url | None = None
    politique_web: Url | None = None   # the body's published privacy policy (protection_renseignements)
    # An ordre's person responsible other than its présidence: the date of the written delegation (reader 8, M-6).
    delegation: dt.date | None = None
    heures: str | None = None


class AutrePlainte(Contact):
    """Another complaint route and what it covers: the syndic of the professional's ordre for
    a professional's conduct, the Protecteur du citoyen after the commissaire."""

    objet: Texte   # what it receives, as « Une plainte sur … s’adresse à » reads it
    # A route open at any time beside the first (a CISSS's commissaire for a residence's resident):
    # the documents send the complaint first to `plaintes`, then name this one « en tout temps »
    # (reader 6, finding 1: two routes for the same complaint read as a contradiction).
    en_tout_temps: OuiNon | None = None  # left out: no (None keeps it out of the reviewer's notes)


class Contacts(Strict):
    communications: Contact
    plaintes: Contact
    protection_renseignements: Contact
    # An ordre's own complaint route, for its own services (the syndic, in `plaintes`, receives
    # requests for inquiry on members); left out, the communications contact receives them.
    plaintes_organisme: Contact | None = None
    autres_plaintes: list[AutrePlainte] = []


class Sanctions(Strict):
    """Measures by regime: each document names only those of the regimes it addresses.

    Members answer to the syndic and the disciplinary council, never to a list of the
    body's own (see the clauses); professionals without an employment tie and volunteers
    answer to the processes of their status, so their lists never hold a dismissal."""

    personnel: list[Texte] = [                    # the employer's measures, the default being the usual ones
        "le retrait complet ou partiel de l’accès aux comptes et aux outils de communication de l’employeur",
        "le retrait ou la modification du contenu publié, ou sa rétractation par son auteur",
        "des mesures administratives ou disciplinaires, de la simple réprimande jusqu’au congédiement",
    ]
    professionnels_independants: list[Texte] = []  # physicians, midwives, independent workers
    benevoles: list[Texte] = []                   # volunteers and trainees
    public: list[Texte] = []                      # people commenting on the pages


class Choix(Strict):
    """Where the sources differ, the organisation chooses."""

    # interdit: only on a personal device outside working hours; hors_heures: outside working
    # hours, breaks and meals included; hors_lieux: outside working hours and off the premises;
    # permis: moderate use at work. One phrase renders it in every document (`regles`).
    usage_personnel_au_travail: Literal["interdit", "hors_heures", "hors_lieux", "permis"] = "hors_heures"
    amitie_usagers: Literal["interdite", "deconseillee"] = "interdite"
    # Whom the ban on links covers, and whose friend requests are refused: the users one
    # serves or has served directly, or every user, current or former.
    amitie_portee: Literal["usagers_servis", "tous_usagers"] = "usagers_servis"
    amitie_demandes: Literal["usagers_servis", "tous_usagers"] = "usagers_servis"
    # oui: the official accounts also make the body's services known, paid ones included (a
    # private clinic); the ban on commercial use then stays for comments and personal accounts.
    promotion_services: OuiNon = False
    cyberintervention: OuiNon = False
    # How the people who answer the public on the official pages sign: their name (the default),
    # their first name, or their first name or a pseudonym (a help line's volunteers).
    signature_reponses: Literal["nom", "prenom", "prenom_ou_pseudonyme"] = "nom"
    comptes_separes: OuiNon = True
    partage_fichiers_internes: OuiNon = True


class PartageFichiers(Strict):
    outils_permis: list[Texte] = []
    applications_interdites: list[Texte] = []


class Approbation(Strict):
    instance: Texte
    date: dt.date
    resolution: Texte | None = None  # the resolution number, when the instance gives one


class Consultation(Strict):
    """An instance the body's rules require to be consulted before adoption (a draft may leave the date)."""

    instance: Texte
    date: dt.date | None = None


class Version(Strict):
    version: Texte
    date: dt.date
    description: Texte


class Revision(Strict):
    """The version being produced: its number, dates, approval and history."""

    numero: Texte
    version: str | None = None  # this version's number, as in its line of `historique` (« 2.0 »)
    en_vigueur: dt.date
    approbation: Approbation
    validation: Approbation | None = None
    diffusion: Approbation | None = None
    derniere_revision: dt.date | None = None
    cadence_annees: int = Field(default=3, ge=1, le=10)
    remplace: str | None = None
    consultations: list[Consultation] = []
    historique: list[Version] = []


class Annexes(Strict):
    outils_internes: list[Texte] = []
    outils_externes: list[Texte] = []
    references: list[Texte] = []


class Fondements(Strict):
    lois: list[Texte] = []
    documents_internes: list[Texte] = []


class LigneEditoriale(Strict):
    """Optional editorial line (source 000, 6.1-6.2). Empty lists let the
    politique fall back on the subjects and audiences usual for the body's type."""

    sujets: list[Texte] = []   # every official post relates to one of these subjects
    publics: list[Texte] = []  # audiences the official posts address


def _no_bare_category(value: object) -> object:
    """A category typed alone (the first edition's form) says how to add its regime."""
    if isinstance(value, str):
        raise PydanticCustomError("personne_sans_regime", "personne_sans_regime")
    return value


class Personne(Strict):
    """A category of people the politique binds, and how it binds them."""

    categorie: Texte   # as it reads in a list: « les membres du Collège »
    regime: Regime
    # People a placement agency employs and assigns to the body (« le personnel d’agence »): no contract
    # ties them to it, so a breach goes to the agency, under the body–agency contract (reader 5, R3).
    # Read for the regime professionnel_independant.
    agence: OuiNon | None = None  # left out: not an agency's (None keeps it out of the reviewer's notes)


class Instance(Strict):
    """A body or office named in running text, with its agreement."""

    nom: Texte         # without article unless the article is part of it: « commissaire locale aux plaintes… »
    genre: Genre = "masculin"
    nombre: Nombre = "singulier"


class Vocabulaire(Strict):
    """The body's own words; each one left out comes from `templates/data/termes.yaml`
    for the body's type."""

    usagers: str | None = None           # the people served, with their article: « les usagers », « la population »
    un_usager: str | None = None         # one of them: « un usager », « une personne de la population »
    # What the body offers the people it serves: care (« soins »: professional secrecy, records,
    # complaints about care), other services (« accompagnement »), or none (« aucun »: a foundation,
    # whose donors are not people served). Left out: the usual one for the body's type.
    services: Literal["soins", "accompagnement", "aucun"] | None = None
    membres: str | None = None           # an ordre's members, with their article: « les médecins »
    un_membre: str | None = None         # « un médecin »
    plaintes: Instance | None = None     # who receives complaints: « syndic », « commissaire aux plaintes… »
    profession: str | None = None        # the discipline, with its article: « la médecine »
    titre_professionnel: str | None = None   # the title: « médecin »
    # The practice, with its article: « la pratique infirmière »; left out, it is derived
    # from `profession` (« la profession infirmière » -> « la pratique infirmière »).
    pratique: str | None = None
    exercice: Literal["exclusif", "titre_reserve"] | None = None  # exclusive practice or reserved title
    # The body's own code, with its article, where the politique invokes it: « le code de conduite de
    # Kinetika » for a business, which has no « code d’éthique de l’organisme » (reader 5, K3).
    code_ethique: str | None = None
    h_aspire: list[Texte] = []           # words starting a name whose h is aspirated: « Halte »


class OrganisationFile(Strict):
    """The whole organisation file."""

    organisation: Organisation
    personnes_visees: list[Annotated[Personne, BeforeValidator(_no_bare_category)]] = []   # empty: the usual categories for the body's type
    vocabulaire: Vocabulaire = Vocabulaire()
    roles: Roles
    plateformes: list[Plateforme] = Field(min_length=1)
    moderation: Moderation = Moderation()
    netiquette: Netiquette = Netiquette()
    contacts: Contacts
    sanctions: Sanctions = Sanctions()
    choix: Choix = Choix()
    fondements: Fondements = Fondements()
    partage_fichiers: PartageFichiers = PartageFichiers()
    revision: Revision
    annexes: Annexes = Annexes()
    ligne_editoriale: LigneEditoriale = LigneEditoriale()
    langues: Langues = Langues()  # editions in English beside the French (off by default)
