"""The questions `policygen init` asks, and the commented file it writes.

Questions come in the order a person thinks of her organisation (who we are,
who is bound, who runs the accounts, platforms, contacts, choices, revision);
each answer is checked by the schema that `check` uses, against the answers
given so far, so a wrong answer is caught when it is typed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ..french import Name
from .advice import complaints_form, names_usual_recipient
from .confirm import strip_mention, unmark
from .jsonschema import FILE_NAME
from .schema import OrganisationFile
from .validation import error_message, fold_choices, typed
from .yamlsource import load_yaml

Answers = dict[tuple[str, ...], Any]

# The question that keeps the usual categories of people: the terminal shows them first.
USUAL = ("_habituelles",)



@dataclass(frozen=True)
class Question:
    """One value of the file: where it goes, how it is asked, what it defaults to."""

    path: tuple[str, ...]
    prompt: str
    comment: Callable[[Answers], str] | str = ""   # written above the key in the file, if it applies
    default: Callable[[Answers], Any] | str | None = None
    choices: tuple[str, ...] = ()
    many: bool = False                       # a list, one item per line
    optional: bool = False                   # an empty answer leaves the key out
    when: Callable[[Answers], bool] = lambda answers: True
    section: str = ""                        # a heading shown before the first question of a part
    stored: bool = True                      # False: an answer that steers the questions, not a key

    def default_for(self, answers: Answers) -> Any:
        return self.default(answers) if callable(self.default) else self.default

    def comment_for(self, answers: Answers) -> str:
        return self.comment(answers) if callable(self.comment) else self.comment


# Usual bodies' appellations, with their gender, to offer good defaults.
_APPELLATIONS = {"ordre": "masculin", "collège": "masculin", "institut": "masculin", "centre": "masculin",
                 "cisss": "masculin", "ciusss": "masculin", "chu": "masculin", "fondation": "féminin",
                 "clinique": "féminin", "régie": "féminin", "corporation": "féminin", "maison": "féminin"}
_KINDS = {"ordre": "ordre_professionnel", "collège": "ordre_professionnel", "cisss": "etablissement_sante",
          "ciusss": "etablissement_sante", "institut": "etablissement_sante", "chu": "etablissement_sante",
          "centre": "etablissement_sante"}


def _first_word(answers: Answers) -> str:
    return str(answers.get(("organisation", "nom"), "")).split(" ")[0]


def _default_kind(answers: Answers) -> str:
    return _KINDS.get(_first_word(answers).lower(), "autre")


def _default_appellation(answers: Answers) -> str | None:
    """The body's usual word (« Ordre », « CISSS », « Corporation »…) when its name starts with
    one; else the name itself when it takes no article (« Kinatex »); never any other first
    word (a common noun, « Ligne… »)."""
    for name in (answers.get(("organisation", "nom_court")), answers.get(("organisation", "nom"))):
        word = str(name or "").split(" ")[0]
        if word.lower() in _APPELLATIONS and word.lower() != "centre":  # « Centre… » names no body alone
            return word
    return str(answers[("organisation", "nom_court")]) if _no_article(answers) else None


def _same_as_name(answers: Answers) -> bool:
    return strip_mention(str(answers.get(("organisation", "appellation"), ""))) == strip_mention(
        str(answers.get(("organisation", "nom_court"), "")))


def _appellation_comment(answers: Answers) -> str:
    """What the text will write, from the answers: « la Corporation », or the name as it is."""
    if _no_article(answers) and (_same_as_name(answers) or str(
            answers.get(("organisation", "appellation_article"), "oui")).lower().startswith("n")):
        return "Sans article, le texte reprend ce mot tel quel (« de Kinatex », « à Kinatex »)."
    word = Name.parse(strip_mention(str(answers.get(("organisation", "appellation"), ""))),
                      feminine=str(answers.get(("organisation", "appellation_genre"), "")).startswith("f"))
    return f"Le texte dira « {word.le} », « {word.du} », « {word.au} »."


def _no_article(answers: Answers) -> bool:
    return str(answers.get(("organisation", "article"), "oui")).lower().startswith("n")


def _default_secteur(answers: Answers) -> str:
    """Public for an établissement of Santé Québec or a public one; private otherwise (an ordre,
    a private clinic, a community organisation are bound by the private-sector law)."""
    if _kind(answers) == "etablissement_sante":
        return "public" if str(answers.get(("organisation", "sante_quebec"), "oui")).lower().startswith("o") \
            else "prive"
    return "prive"


_SANTE_QUEBEC_WORDS = ("cisss", "ciusss", "chu", "institut", "centre")


def _default_sante_quebec(answers: Answers) -> str:
    name = str(answers.get(("organisation", "nom"), "")).lower()
    return "oui" if any(word in name.split() for word in _SANTE_QUEBEC_WORDS) else "non"


def _secteur_comment(answers: Answers) -> str:
    """Why this sector, for this type and this answer (no comment that does not apply)."""
    public = strip_mention(str(answers.get(("organisation", "secteur"), ""))) == "public"
    return {"ordre_professionnel": "Un ordre professionnel relève surtout de la loi sur le secteur privé.",
            "etablissement_sante": "Un établissement de Santé Québec relève de la Loi sur l’accès (public) ; "
                                   "un établissement privé, de la loi sur le secteur privé.",
            }.get(_kind(answers),
                  "Un organisme public relève de la Loi sur l’accès (RLRQ, c. A-2.1)." if public else
                  "Un organisme communautaire ou une clinique privée relève de la loi sur le secteur privé.")


def _complaint_title(answers: Answers) -> str:
    return strip_mention(str(answers.get(("contacts", "plaintes", "titre"), "")))


def _complaints_named_otherwise(answers: Answers) -> bool:
    """The complaint title is not the type's usual recipient: the sentence needs its own form."""
    return not names_usual_recipient(_kind(answers) or "autre", _complaint_title(answers))


def _accompanies(answers: Answers) -> bool:
    """A body of type autre that offers support without care (a help line) may have its own line."""
    return _kind(answers) == "autre" and strip_mention(str(answers.get(("vocabulaire", "services")))) == "accompagnement"


def _has_line(answers: Answers) -> bool:
    return answers.get(("netiquette", "ligne_aide", "nom")) is not None


def _no_mail(contact: str) -> Callable[[Answers], bool]:
    return lambda answers: answers.get(("contacts", contact, "courriel")) is None


def _kind(answers: Answers) -> str:
    """The type answered, even marked « (à confirmer) »."""
    return strip_mention(str(answers.get(("organisation", "type"), "")))


def _is(kind: str) -> Callable[[Answers], bool]:
    return lambda answers: _kind(answers) == kind


# Who can be bound under each regime, by kind of body (the schema's `Regime`), and how it is asked.
_REGIMES = (
    ("employeur", "Catégories liées par les règles de l’employeur (« le personnel »…), une par ligne",
     ("etablissement_sante", "ordre_professionnel", "autre")),
    ("administrateur", "Administrateurs et membres des comités, une catégorie par ligne",
     ("etablissement_sante", "ordre_professionnel", "autre")),
    ("membre", "Catégories de membres de l’ordre (« les membres »), une par ligne", ("ordre_professionnel",)),
    ("professionnel_independant", "Professionnels et main-d’œuvre sans lien d’emploi (« les médecins », « le "
     "personnel d’agence »…), une par ligne", ("etablissement_sante", "autre")),
    ("etudiant", "Étudiants, une catégorie par ligne", ("etablissement_sante", "ordre_professionnel", "autre")),
    ("benevole", "Bénévoles, une catégorie par ligne", ("etablissement_sante", "autre")),
    ("stagiaire", "Stagiaires, une catégorie par ligne", ("etablissement_sante", "ordre_professionnel", "autre")),
    ("public", "Le public (« le public qui commente les pages »), une catégorie par ligne",
     ("etablissement_sante", "ordre_professionnel", "autre")),
)


def _custom_people(kinds: tuple[str, ...]) -> Callable[[Answers], bool]:
    return lambda answers: (answers.get(("_habituelles",)) == "non"
                            and _kind(answers) in kinds)


def _reach(contact: str) -> tuple[Question, ...]:
    """How a service is reached: its e-mail, or, when it has none, a telephone number or a web form."""
    return (
        Question(("contacts", contact, "courriel"), "Son adresse courriel (Entrée s’il n’en a pas : un téléphone "
                 "ou une page Web sera demandé)", optional=True),
        Question(("contacts", contact, "telephone"), "Sans courriel : son numéro de téléphone (Entrée pour aucun)",
                 optional=True, when=_no_mail(contact)),
        Question(("contacts", contact, "adresse_web"), "Sans courriel : l’adresse de sa page ou de son formulaire "
                 "Web (https://…, Entrée pour aucune)", optional=True, when=_no_mail(contact)),
    )


QUESTIONS: tuple[Question, ...] = (
    Question(("organisation", "nom"), "Nom officiel de l’organisme", section="Qui êtes-vous ?",
             comment="Nom officiel, tel qu’il figure en titre des documents."),
    Question(("organisation", "nom_court"), "Nom court, tel qu’il s’écrit dans une phrase (sigle ou nom abrégé)",
             default=lambda a: a[("organisation", "nom")]),
    Question(("organisation", "genre"), "Genre du nom court", choices=("masculin", "féminin"),
             default=lambda a: _APPELLATIONS.get(str(a[("organisation", "nom_court")]).split(" ")[0].lower(),
                                                 "masculin")),
    Question(("organisation", "article"), "Le nom court prend-il un article (« le CISSS », « l’Ordre ») ? "
             "Répondez non pour une marque ou un nom sans article (« Kinatex », « Tel-jeunes »)",
             choices=("oui", "non"), default="oui"),
    Question(("organisation", "appellation"), "Mot qui désigne l’organisme dans le texte après sa première "
             "mention (Ordre, Collège, Institut, CISSS, Clinique, organisme…)", default=_default_appellation,
             comment=_appellation_comment),
    Question(("organisation", "appellation_article"), "Cette appellation prend-elle un article ? (un nom commun "
             "comme « Corporation » ou « Clinique » en prend un : « la Corporation »)",
             choices=("oui", "non"), default=lambda a: "non" if _same_as_name(a) else "oui", when=_no_article),
    Question(("organisation", "appellation_genre"), "Genre de ce mot", choices=("masculin", "féminin"),
             default=lambda a: _APPELLATIONS.get(str(a[("organisation", "appellation")]).lower(), "masculin")),
    Question(("organisation", "type"), "Type d’organisme",
             choices=("etablissement_sante", "ordre_professionnel", "autre"), default=_default_kind),
    Question(("organisation", "sante_quebec"), "L’établissement fait-il partie de Santé Québec (CISSS, CIUSSS, "
             "établissement non fusionné) ? Santé Québec est alors son employeur",
             choices=("oui", "non"), default=_default_sante_quebec, when=_is("etablissement_sante"),
             comment=lambda a: "Santé Québec est l’employeur et l’organisme public visé par la Loi sur l’accès."
             if strip_mention(str(a.get(("organisation", "sante_quebec")))) == "oui"
             else "Hors de Santé Québec : l’établissement est lui-même l’employeur."),
    Question(("organisation", "secteur"), "Secteur, qui choisit la loi sur les renseignements personnels "
             "(public : Loi sur l’accès ; prive : loi sur le secteur privé, pour un ordre, une clinique privée, "
             "un organisme communautaire)", choices=("public", "prive"), default=_default_secteur,
             comment=_secteur_comment),
    Question(("organisation", "mission"), "Mission, en une ou deux phrases"),
    Question(("organisation", "site_web"), "Adresse du site Web (https://…), ou Entrée pour aucune",
             optional=True),
    Question(("organisation", "langues_publication"), "Langues dans lesquelles vos comptes publient, une par "
             "ligne (par exemple français, puis anglais pour un établissement qui sert aussi une population "
             "anglophone)", many=True, default=("français",)),
    Question(("vocabulaire", "membres"), "Vos membres, avec leur article (par exemple « les infirmières et "
             "infirmiers », « les chiropraticiens »)", when=_is("ordre_professionnel"),
             section="Les mots de l’ordre"),
    Question(("vocabulaire", "un_membre"), "Un membre (par exemple « une infirmière ou un infirmier »)",
             when=_is("ordre_professionnel")),
    Question(("vocabulaire", "profession"), "La profession, avec son article (par exemple « la profession "
             "infirmière », « la chiropratique »)", when=_is("ordre_professionnel")),
    Question(("vocabulaire", "titre_professionnel"), "Le titre professionnel (par exemple « infirmière ou "
             "infirmier »)", when=_is("ordre_professionnel")),
    Question(("vocabulaire", "exercice"), "La profession est-elle d’exercice exclusif (nul ne peut l’exercer sans "
             "être membre) ou à titre réservé (nul ne peut porter le titre) ?",
             choices=("exclusif", "titre_reserve"), default="exclusif", when=_is("ordre_professionnel")),
    Question(("vocabulaire", "services"), "Qu’offrez-vous aux personnes que vous servez ? (soins : des soins de "
             "santé, avec secret professionnel et dossier ; accompagnement : des services sans soins, comme une "
             "ligne d’écoute ; aucun : personne n’est servi, comme une fondation)",
             choices=("soins", "accompagnement", "aucun"), default="accompagnement", when=_is("autre"),
             section="Les personnes que vous servez"),
    Question(("vocabulaire", "usagers"), "Ces personnes, avec leur article (par exemple « les patients », « les "
             "résidentes et les résidents » ; Entrée : « les personnes desservies »)", optional=True,
             when=lambda a: _kind(a) == "autre" and strip_mention(str(a.get(("vocabulaire", "services")))) != "aucun"),
    Question(("vocabulaire", "un_usager"), "L’une d’elles (par exemple « un patient », « une résidente ou un "
             "résident »)", when=lambda a: a.get(("vocabulaire", "usagers")) is not None),
    Question(USUAL, "Garder les catégories de personnes habituelles pour ce type d’organisme ?",
             section="Qui la politique vise-t-elle ?", choices=("oui", "non"), default="oui", stored=False),
    *(Question(("personnes_visees", regime), prompt, many=True, when=_custom_people(kinds))
      for regime, prompt, kinds in _REGIMES),
    Question(("roles", "communications", "nom"), "Nom de l’unité qui gère les comptes officiels",
             section="Qui gère les comptes ?", default="Service des communications"),
    Question(("roles", "communications", "genre"), "Genre de ce nom", choices=("masculin", "féminin"),
             default=lambda a: "féminin" if str(a[("roles", "communications", "nom")]).lower().startswith(
                 ("direction", "division")) else "masculin"),
    Question(("roles", "approbation_publications"), "Qui approuve les publications ? "
             "(par exemple « la direction des communications »)"),
    Question(("roles", "moderation"), "Qui modère les pages ? (par exemple « l’équipe des communications »)"),
    Question(("plateformes",), "Plateformes où l’organisme a des comptes (une par ligne, ligne vide pour finir)",
             many=True, section="Plateformes", default=("Facebook", "LinkedIn")),
    Question(("contacts", "communications", "titre"), "Contact pour les médias sociaux : titre du service",
             section="Coordonnées", default=lambda a: a[("roles", "communications", "nom")]),
    *_reach("communications"),
    Question(("contacts", "plaintes", "titre"), "Où dépose-t-on une plainte ? (titre exact du service)",
             default=lambda a: {"ordre_professionnel": "Bureau du syndic",
                                "etablissement_sante": "Commissaire aux plaintes et à la qualité des services",
                                }.get(_kind(a), "Responsable du traitement des plaintes")),
    *_reach("plaintes"),
    Question(("vocabulaire", "plaintes", "nom"), "Comment une phrase nomme-t-elle ce service, sans article ? "
             "(« adressez votre plainte à … »)", default=lambda a: complaints_form(_complaint_title(a))[0],
             when=_complaints_named_otherwise),
    Question(("vocabulaire", "plaintes", "genre"), "Genre de ce nom", choices=("masculin", "féminin"),
             default=lambda a: complaints_form(_complaint_title(a))[1], when=_complaints_named_otherwise),
    Question(("contacts", "plaintes_organisme", "titre"), "Où s’adresse une plainte sur les services de l’Ordre "
             "lui-même ? (titre du service ; le syndic ne reçoit que les demandes d’enquête sur les membres ; "
             "Entrée : le contact des communications)", optional=True, when=_is("ordre_professionnel")),
    Question(("contacts", "plaintes_organisme", "courriel"), "Son adresse courriel (Entrée s’il n’en a pas)",
             optional=True, when=lambda a: a.get(("contacts", "plaintes_organisme", "titre")) is not None),
    Question(("contacts", "protection_renseignements", "titre"),
             "Titre du responsable de la protection des renseignements personnels",
             default="Responsable de la protection des renseignements personnels"),
    *_reach("protection_renseignements"),
    Question(("moderation", "jours"), "Jours où les pages sont modérées", section="Modération",
             default="du lundi au vendredi"),
    Question(("moderation", "debut"), "Heure de début de la modération", default="8 h 30"),
    Question(("moderation", "fin"), "Heure de fin de la modération", default="16 h 30"),
    Question(("moderation", "equipe_de_garde"), "Qui alerter sans délai quand un commentaire exprime de la "
             "détresse ou une intention suicidaire ? (par exemple « l’intervenante ou l’intervenant de garde » ; "
             "Entrée : l’unité des communications)", optional=True),
    Question(("netiquette", "ligne_aide", "nom"), "Votre organisme a-t-il sa propre ligne d’aide ? Qui l’on y "
             "joint, tel que « Pour parler à … » le lit (par exemple « une intervenante ou un intervenant de "
             "Tel-jeunes » ; Entrée : aucune ligne)", optional=True, when=_accompanies),
    Question(("netiquette", "ligne_aide", "telephone"), "Son numéro de téléphone (Entrée pour aucun)",
             optional=True, when=_has_line),
    Question(("netiquette", "ligne_aide", "texto"), "Son numéro pour les textos (Entrée pour aucun)",
             optional=True, when=_has_line),
    Question(("netiquette", "ligne_aide", "heures"), "Quand elle répond, en toutes lettres (par exemple « jour et "
             "nuit, tous les jours »)", optional=True, when=_has_line),
    Question(("choix", "promotion_services"), "Vos comptes officiels font-ils aussi connaître vos services, "
             "payants compris, comme ceux d’une clinique privée ? (non : aucun usage commercial ou publicitaire)",
             choices=("oui", "non"), default="non",
             when=lambda a: _kind(a) == "autre" and strip_mention(str(a.get(("organisation", "secteur")))) == "prive"),
    Question(("choix", "signature_reponses"), "Comment signent les personnes qui répondent au public sur vos "
             "pages ? (nom ; prenom ; prenom_ou_pseudonyme, par exemple pour des bénévoles)",
             choices=("nom", "prenom", "prenom_ou_pseudonyme"), default="nom", when=_is("autre")),
    Question(("revision", "numero"), "Numéro de la politique (par exemple « COM-2026-01 »)",
             section="Adoption"),
    Question(("revision", "en_vigueur"), "Date d’entrée en vigueur (AAAA-MM-JJ)"),
    Question(("revision", "approbation", "instance"), "Instance qui l’adopte (par exemple « Conseil "
             "d’administration »)"),
    Question(("revision", "approbation", "date"), "Date de l’adoption (AAAA-MM-JJ)",
             default=lambda a: a[("revision", "en_vigueur")]),
    Question(("revision", "cadence_annees"), "La politique est révisée au moins tous les combien d’années ?",
             default="3", comment="La fiche d’identification en tire la date de la prochaine révision."),
)


def _nested(answers: Answers) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for path, value in answers.items():
        node = data
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return data


def file_data(answers: Answers) -> dict[str, Any]:
    """The organisation file's data: platforms and people are sections the questionnaire
    asks for as plain lists of names."""
    kept: Answers = {}
    for path, value in answers.items():
        if path[0] == "plateformes":
            kept[path] = [{"nom": name} for name in value]
        elif path[0] == "personnes_visees":
            people = kept.setdefault(("personnes_visees",), [])
            people += [{"categorie": name, "regime": path[1]} for name in value]
        elif not path[0].startswith("_"):
            kept[path] = value
    return _nested(kept)


def checked(answers: Answers, question: Question, value: Any) -> tuple[Any, list[str]]:
    """The answer as the file will hold it (a choice as the schema spells it: « privé » →
    `prive`), and what `check` would say of it given the answers before it (French).

    The answer is read as `check` reads the file: written into it, read back by the same
    loader (limits, control and invisible characters, years), its « (à confirmer) » set
    aside, then validated; only the problems of this answer, or of its section as a whole
    (an end hour before the start), count: the questions not yet answered are missing."""
    if not question.stored:
        plain = strip_mention(str(value))
        return plain, [] if plain in question.choices else [f"Répondez {' ou '.join(question.choices)}."]
    located, problems = load_yaml(render({**answers, question.path: value}), "")
    if located is None or problems:
        return value, [f"{p.message} {p.hint}".strip() for p in problems]
    unmark(located)
    where = question.path[:1] if question.path[0] == "personnes_visees" else question.path
    try:
        typed(located.data)
    except ValidationError as exc:
        found = [error_message(error, OrganisationFile) for error in exc.errors()
                 if tuple(error["loc"][:len(where)]) == where or tuple(error["loc"]) == where[:len(error["loc"])]]
        if found:
            return value, found
    if question.choices and strip_mention(str(value)) == str(value):
        folded = fold_choices(file_data({question.path: value}), OrganisationFile)
        for part in question.path:
            folded = folded[part]
        return folded, []
    return value, []


def _scalar(value: Any) -> str:
    """A value as YAML that reads back exactly as it was typed: written plain when the
    loader `check` uses reads it back as this text (or as the date it spells), quoted otherwise."""
    text = str(value)
    located, _ = load_yaml(f"v: {text}\n", "")
    read = located.data.get("v") if located is not None and isinstance(located.data, dict) else None
    if read == text or isinstance(read, dt.date) and read.isoformat() == text or (
            isinstance(read, int) and not isinstance(read, bool) and str(read) == text):  # « cadence_annees: 5 »
        return text
    return json.dumps(text, ensure_ascii=False)


def render(answers: Answers) -> str:
    """The organisation file, commented, in the questionnaire's order."""
    lines = [f"# yaml-language-server: $schema=./{FILE_NAME}",
             "# Fichier d’organisation écrit par « policygen init ». Vérifiez-le avec « policygen check ».",
             "# Le guide complet de chaque clé est dans README.md."]
    written: set[tuple[str, ...]] = set()
    # A section is written whole where its first question comes (`vocabulaire.plaintes` is asked
    # with the contacts, and written with the other words).
    first = {}
    for index, question in enumerate(QUESTIONS):
        first.setdefault(question.path[0], index)
    for question in sorted(QUESTIONS, key=lambda q: first[q.path[0]]):
        if question.path not in answers or not question.stored:
            continue
        key, value = question.path[-1], answers[question.path]
        if question.path[0] == "personnes_visees":  # one list of categories, each with its regime
            if ("personnes_visees",) not in written:
                written.add(("personnes_visees",))
                lines += ["", "personnes_visees:"]
            lines += [f"  - categorie: {_scalar(name)}\n    regime: {key}" for name in value]
            continue
        for depth, part in enumerate(question.path[:-1]):
            if question.path[:depth + 1] not in written:
                written.add(question.path[:depth + 1])
                lines += ([""] if depth == 0 else []) + [f"{'  ' * depth}{part}:"]
        indent = "  " * (len(question.path) - 1)
        if len(question.path) == 1:
            lines.append("")
        if comment := question.comment_for(answers):
            lines.append(f"{indent}# {comment}")
        if question.path == ("plateformes",):
            lines.append(f"{indent}{key}:")
            lines += [f"{indent}  - nom: {_scalar(name)}" for name in value]
        elif question.many:
            lines.append(f"{indent}{key}:")
            lines += [f"{indent}  - {_scalar(item)}" for item in value]
        else:
            lines.append(f"{indent}{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"
