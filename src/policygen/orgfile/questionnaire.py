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

from .jsonschema import FILE_NAME
from .schema import OrganisationFile
from .validation import error_message, fold_choices, typed
from .yamlsource import load_yaml

Answers = dict[tuple[str, ...], Any]


@dataclass(frozen=True)
class Question:
    """One value of the file: where it goes, how it is asked, what it defaults to."""

    path: tuple[str, ...]
    prompt: str
    comment: str = ""                        # written above the key in the file
    default: Callable[[Answers], Any] | str | None = None
    choices: tuple[str, ...] = ()
    many: bool = False                       # a list, one item per line
    optional: bool = False                   # an empty answer leaves the key out
    when: Callable[[Answers], bool] = lambda answers: True
    section: str = ""                        # a heading shown before the first question of a part
    stored: bool = True                      # False: an answer that steers the questions, not a key

    def default_for(self, answers: Answers) -> Any:
        return self.default(answers) if callable(self.default) else self.default


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


def _is(kind: str) -> Callable[[Answers], bool]:
    return lambda answers: answers.get(("organisation", "type")) == kind


# Who can be bound under each regime, by kind of body (the schema's `Regime`), and how it is asked.
_REGIMES = (
    ("employeur", "Catégories liées par les règles de l’employeur (« le personnel »…), une par ligne",
     ("etablissement_sante", "ordre_professionnel", "autre")),
    ("administrateur", "Administrateurs et membres des comités, une catégorie par ligne",
     ("etablissement_sante", "ordre_professionnel", "autre")),
    ("membre", "Catégories de membres de l’ordre (« les membres »), une par ligne", ("ordre_professionnel",)),
    ("professionnel_independant", "Professionnels indépendants (« les médecins »…), une par ligne",
     ("etablissement_sante",)),
    ("etudiant", "Étudiants, une catégorie par ligne", ("etablissement_sante", "ordre_professionnel", "autre")),
    ("benevole", "Bénévoles, une catégorie par ligne", ("etablissement_sante", "autre")),
    ("stagiaire", "Stagiaires, une catégorie par ligne", ("etablissement_sante", "ordre_professionnel", "autre")),
    ("public", "Le public (« le public qui commente les pages »), une catégorie par ligne",
     ("etablissement_sante", "ordre_professionnel", "autre")),
)


def _custom_people(kinds: tuple[str, ...]) -> Callable[[Answers], bool]:
    return lambda answers: (answers.get(("_habituelles",)) == "non"
                            and answers.get(("organisation", "type")) in kinds)


QUESTIONS: tuple[Question, ...] = (
    Question(("organisation", "nom"), "Nom officiel de l’organisme", section="Qui êtes-vous ?",
             comment="Nom officiel, tel qu’il figure en titre des documents."),
    Question(("organisation", "nom_court"), "Nom court, tel qu’il s’écrit dans une phrase (sigle ou nom abrégé)",
             default=lambda a: a[("organisation", "nom")]),
    Question(("organisation", "genre"), "Genre du nom court", choices=("masculin", "féminin"),
             default=lambda a: _APPELLATIONS.get(str(a[("organisation", "nom_court")]).split(" ")[0].lower(),
                                                 "masculin")),
    Question(("organisation", "appellation"), "Mot qui désigne l’organisme dans le texte (Ordre, Collège, "
             "Institut, CISSS…)", default=_first_word,
             comment="Le texte dira « l’Ordre », « le Collège »…"),
    Question(("organisation", "appellation_genre"), "Genre de ce mot", choices=("masculin", "féminin"),
             default=lambda a: _APPELLATIONS.get(str(a[("organisation", "appellation")]).lower(), "masculin")),
    Question(("organisation", "type"), "Type d’organisme",
             choices=("etablissement_sante", "ordre_professionnel", "autre"), default=_default_kind),
    Question(("organisation", "secteur"), "Secteur", choices=("public", "prive"),
             default=lambda a: "prive" if a[("organisation", "type")] == "ordre_professionnel" else "public",
             comment="Un ordre professionnel relève surtout de la loi sur le secteur privé."),
    Question(("organisation", "mission"), "Mission, en une ou deux phrases"),
    Question(("organisation", "site_web"), "Adresse du site Web (https://…), ou Entrée pour aucune",
             optional=True),
    Question(("organisation", "profession"), "Profession encadrée par l’ordre (par exemple « chiropratique »)",
             when=_is("ordre_professionnel")),
    Question(("organisation", "membres_appellation"), "Comment appelez-vous vos membres ? "
             "(par exemple « chiropraticiens et chiropraticiennes »)", when=_is("ordre_professionnel")),
    Question(("_habituelles",), "Garder les catégories de personnes habituelles pour ce type d’organisme ?",
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
    Question(("contacts", "communications", "courriel"), "Son adresse courriel"),
    Question(("contacts", "plaintes", "titre"), "Où dépose-t-on une plainte ? (titre exact du service)",
             default=lambda a: {"ordre_professionnel": "Bureau du syndic",
                                "etablissement_sante": "Commissaire aux plaintes et à la qualité des services",
                                }.get(a[("organisation", "type")], "Responsable du traitement des plaintes")),
    Question(("contacts", "plaintes", "courriel"), "Son adresse courriel"),
    Question(("contacts", "protection_renseignements", "titre"),
             "Titre du responsable de la protection des renseignements personnels",
             default="Responsable de la protection des renseignements personnels"),
    Question(("contacts", "protection_renseignements", "courriel"), "Son adresse courriel"),
    Question(("moderation", "jours"), "Jours où les pages sont modérées", section="Modération",
             default="du lundi au vendredi"),
    Question(("moderation", "debut"), "Heure de début de la modération", default="8 h 30"),
    Question(("moderation", "fin"), "Heure de fin de la modération", default="16 h 30"),
    Question(("revision", "numero"), "Numéro de la politique (par exemple « COM-2026-01 »)",
             section="Adoption"),
    Question(("revision", "en_vigueur"), "Date d’entrée en vigueur (AAAA-MM-JJ)"),
    Question(("revision", "approbation", "instance"), "Instance qui l’adopte (par exemple « Conseil "
             "d’administration »)"),
    Question(("revision", "approbation", "date"), "Date de l’adoption (AAAA-MM-JJ)",
             default=lambda a: a[("revision", "en_vigueur")]),
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
    `prive`), and what `check` would say of it given the answers before it (French)."""
    if not question.stored:
        return value, [] if value in question.choices else [f"Répondez {' ou '.join(question.choices)}."]
    where = question.path[:1] if question.path[0] == "personnes_visees" else question.path
    try:
        typed(file_data({**answers, question.path: value}))
    except ValidationError as exc:  # the questions not yet answered are missing: only this one counts
        found = [error_message(error, OrganisationFile) for error in exc.errors()
                 if tuple(error["loc"][:len(where)]) == where]
        if found:
            return value, found
    if question.choices:
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
    if read == text or isinstance(read, dt.date) and read.isoformat() == text:
        return text
    return json.dumps(text, ensure_ascii=False)


def render(answers: Answers) -> str:
    """The organisation file, commented, in the questionnaire's order."""
    lines = [f"# yaml-language-server: $schema=./{FILE_NAME}",
             "# Fichier d’organisation écrit par « policygen init ». Vérifiez-le avec « policygen check ».",
             "# Le guide complet de chaque clé est dans README.md."]
    written: set[tuple[str, ...]] = set()
    for question in QUESTIONS:
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
        if question.comment:
            lines.append(f"{indent}# {question.comment}")
        if question.path == ("plateformes",):
            lines.append(f"{indent}{key}:")
            lines += [f"{indent}  - nom: {_scalar(name)}" for name in value]
        elif question.many:
            lines.append(f"{indent}{key}:")
            lines += [f"{indent}  - {_scalar(item)}" for item in value]
        else:
            lines.append(f"{indent}{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"
