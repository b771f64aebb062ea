"""What clause templates and conditions can read: the organisation file plus
a few derived values (names with their articles, the body's words merged over
the defaults of its type, the people bound by regime and how the text names
each group, the legal references,
the next review date).

`context_schema` describes the same names for the library lint, so a clause
that reads a field the organisation model lacks fails before any build.
"""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from ..french import NAME_FORMS, UNIT_WORDS, Name, every, hour, in_sentence, practice
from ..orgfile.cadence import next_review
from ..orgfile.schema import REGIMES, OrganisationFile
from .schema import Library

# Top-level names derived from the organisation file, beside its own sections.
DERIVED_NAMES = ("nom", "appellation", "communications", "direction")

# Rules more than one document states, each rendered once (`_rules`).
RULES = ("usage_personnel", "amitie_portee", "amitie_demandes", "heures_moderation", "par_defaut")

# Words of `termes` that are names (they agree and contract), the others being text.
TERM_NAMES = ("usagers", "membres", "plaintes", "profession", "syndic")
TERM_TEXTS = ("un_usager", "un_membre", "titre_professionnel", "exercice", "code_ethique",
              "code_deontologie", "employeur", "pratique", "services")

# The organisation-file fields each derived name is computed from (for provenance and diffs).
DERIVED_FROM: dict[str, tuple[tuple[str, ...], ...]] = {
    "nom": (("organisation", "nom_court"), ("organisation", "genre"), ("organisation", "nombre"),
            ("organisation", "article")),
    "appellation": (("organisation", "appellation"), ("organisation", "appellation_genre"),
                    ("organisation", "appellation_article")),
    "communications": (("roles", "communications", "nom"), ("roles", "communications", "genre"),
                       ("roles", "communications", "nombre")),
    "direction": (("roles", "communications", "direction"), ("roles", "communications", "direction_genre")),
    "termes": (("organisation", "type"), ("vocabulaire",), ("organisation", "profession"),
               ("organisation", "membres_appellation")),
    "regimes": (("organisation", "type"), ("personnes_visees",)),
    "groupes": (("organisation", "type"), ("vocabulaire", "membres")),
    "groupes_vises": (("organisation", "type"), ("personnes_visees",), ("vocabulaire", "membres")),
    "personnes_visees": (("organisation", "type"), ("personnes_visees",)),
    "regles": (("choix",), ("moderation",), ("organisation", "type"), ("vocabulaire", "un_usager")),
    "prochaine_revision": (("revision", "en_vigueur"), ("revision", "derniere_revision"),
                           ("revision", "cadence_annees")),
}

def _unit_gender(text: str) -> bool:
    """A direction's gender from its first word, when the file does not give it: True
    (feminine) for « Direction… », « Vice-présidence… »; False for « Secrétariat… »."""
    return text.split()[0].lower() not in UNIT_WORDS[False]


def _syndic(kind: str, complaints: Name | None) -> Name | None:
    """Who alone investigates a member: in an ordre the syndic (C. prof., art. 122), not the office the file names
    as its complaint route, which is named beside it (« le syndic (Direction des enquêtes) »); elsewhere that route."""
    if complaints is None or kind != "ordre_professionnel" or complaints.text == "syndic":
        return complaints
    return Name.parse("syndic" if "syndic" in complaints.text.lower() else f"syndic ({complaints.text})")


def _terms(org: OrganisationFile, defaults: dict[str, Any], aspirated: frozenset[str]) -> dict[str, Any]:
    """The body's words: its `vocabulaire` over the defaults of its type."""
    own = org.vocabulaire
    ident = org.organisation
    members = own.membres or (f"les {ident.membres_appellation}" if ident.membres_appellation else None)
    complaints = own.plaintes.model_dump() if own.plaintes else defaults.get("plaintes")
    discipline = own.profession or ident.profession
    words: dict[str, Any] = {key: defaults.get(key) for key in TERM_TEXTS}
    words.update({key: value for key, value in own.model_dump().items() if key in TERM_TEXTS and value})
    served, members = own.usagers or defaults.get("usagers"), members or defaults.get("membres")
    if words["services"] == "aucun":
        # A body that serves no one (a foundation) has no « usagers »: its donors or members are
        # not people served, and no rule about people served is printed for it.
        served = words["un_usager"] = None
    # A word neither the file nor the library gives stays None: a clause that prints it
    # stops with « render.missing », as for any empty value.
    words.update(
        usagers=Name.parse(served, aspirated=aspirated) if served else None,
        membres=Name.parse(members, aspirated=aspirated) if members else None,
        plaintes=Name.parse(complaints["nom"], complaints.get("genre") == "féminin",
                            complaints.get("nombre") == "pluriel", aspirated) if complaints else None,
        # A discipline typed without its article is feminine, as most are (« chiropratique »).
        profession=Name.parse(discipline, feminine=True, aspirated=aspirated) if discipline else None,
    )
    words["syndic"] = _syndic(ident.type, words["plaintes"])
    words["pratique"] = own.pratique or practice(words["profession"])
    return words


def _chosen(model: Any, *path: str) -> bool:
    """Whether the file itself gave the value at `path` (a section left out, or a key left
    out of it, takes the schema's default: a choice the body never made)."""
    for part in path:
        if part not in model.model_fields_set:
            return False
        model = getattr(model, part)
    return True


def _rules(org: OrganisationFile, phrases: dict[str, Any], terms: dict[str, Any]) -> dict[str, Any]:
    """The phrase of each rule that the politique, the nétiquette and the fiche-synthèse
    all state, computed once from the file's choices so that they cannot differ."""
    if not phrases:  # a library without `regles` (a test library): clauses cannot read them
        return {**dict.fromkeys(RULES), "par_defaut": []}
    choice, hours = org.choix, org.moderation
    served = str(terms.get("un_usager") or "")
    friends = {key: text.format(un_usager=served, tout_usager=every(served))
               for key, text in phrases["amitie"].items()}
    moderation = phrases["heures_moderation"].format(jours=hours.jours, debut=hour(hours.debut),
                                                     fin=hour(hours.fin))
    # A default is never printed as the body's choice: the rule is worded without it, and
    # `par_defaut` lists which ones (the clauses leave out what they would assert).
    # A `moderation` section that names only an on-call team sets no hours.
    given = {"usage_personnel": [("choix", "usage_personnel_au_travail")],
             "heures_moderation": [("moderation", key) for key in ("jours", "debut", "fin")],
             "cadence": [("revision", "cadence_annees")]}
    defaults = [name for name, paths in given.items() if not any(_chosen(org, *path) for path in paths)]
    return {
        "par_defaut": defaults,
        "usage_personnel": phrases["usage_personnel"]["non_precise" if "usage_personnel" in defaults
                                                      else choice.usage_personnel_au_travail],
        "amitie_portee": friends[choice.amitie_portee],
        # A ban on links with every user refuses every user's request too.
        "amitie_demandes": friends["tous_usagers" if "tous_usagers" in (choice.amitie_portee, choice.amitie_demandes)
                                   else "usagers_servis"],
        "heures_moderation": None if "heures_moderation" in defaults
        else moderation + ("" if hours.jours_feries else phrases["sauf_jours_feries"]),
    }


def people(org: OrganisationFile, defaults: dict[str, Any]) -> list[dict[str, str]]:
    """The people the documents bind: the file's, else its type's defaults (termes.yaml)."""
    if org.personnes_visees:
        return [p.model_dump() for p in org.personnes_visees]
    return [{"agence": None, **p} for p in defaults.get("personnes_visees", [])]  # as a file's `Personne` reads


def groups_bound(regimes: dict[str, list], groups: dict[str, Any]) -> list[Any]:
    """How running text names everyone the politique binds, regime by regime (the public aside)."""
    return [groups[r] for r in REGIMES if regimes[r] and r != "public" and groups.get(r)]


def build_context(org: OrganisationFile, library: Library) -> dict[str, Any]:
    ident = org.organisation
    unit = org.roles.communications
    defaults = library.terms.get(ident.type, {})
    aspirated = frozenset(w.lower() for w in org.vocabulaire.h_aspire)
    bound = people(org, defaults)
    terms = _terms(org, defaults, aspirated)
    regimes = {regime: [p["categorie"] for p in bound if p["regime"] == regime] for regime in REGIMES}
    # How running text names the people of each regime: « le personnel », « les médecins ».
    labels = {**defaults.get("groupes", {}), **(defaults.get("groupes_sante_quebec", {}) if ident.sante_quebec else {})}
    groups = {regime: Name.parse(label, aspirated=aspirated) for regime, label in labels.items()}
    if terms["membres"]:
        groups["membre"] = terms["membres"]
    context: dict[str, Any] = org.model_dump()
    for contact in (c for c in context["contacts"].values() if isinstance(c, dict)):  # « à la secrétaire de l’Ordre »
        contact["dans_une_phrase"] = contact["dans_une_phrase"] or in_sentence(contact["titre"]) or contact["titre"]
    context.update(
        nom=Name.parse(ident.nom_court, ident.genre == "féminin", ident.nombre == "pluriel", aspirated,
                       ident.article),
        appellation=Name.parse(ident.appellation, ident.appellation_genre == "féminin", aspirated=aspirated,
                               article=ident.appellation_article),
        communications=Name.parse(unit.nom, unit.genre == "féminin", unit.nombre == "pluriel", aspirated),
        direction=Name.parse(unit.direction, (unit.direction_genre or ("féminin" if _unit_gender(unit.direction)
                                                                        else "masculin")) == "féminin",
                             aspirated=aspirated) if unit.direction else None,
        termes=terms,
        personnes_visees=bound,
        regimes=regimes,
        groupes=groups,
        groupes_vises=groups_bound(regimes, groups),
        lois=library.laws,
        regles=_rules(org, library.terms.get("regles", {}), terms),
        prochaine_revision=next_review(org),
    )
    return context


Schema = dict[str, Any] | None  # None: a leaf, or a value whose inside is not checked


def _model_schema(annotation: Any) -> Schema:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_schema(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            if arg is not type(None):
                return _model_schema(arg)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return {name: _model_schema(f.annotation) for name, f in annotation.model_fields.items()}
    return None


def context_schema(library: Library) -> dict[str, Schema]:
    schema = _model_schema(OrganisationFile) or {}
    name_schema = {form: None for form in NAME_FORMS}
    schema.update({name: name_schema for name in DERIVED_NAMES})
    schema["termes"] = {**{key: name_schema for key in TERM_NAMES}, **{key: None for key in TERM_TEXTS}}
    schema["regimes"] = {regime: None for regime in REGIMES}
    schema["groupes"] = {regime: name_schema for regime in REGIMES}
    schema["groupes_vises"] = None
    schema["regles"] = dict.fromkeys(RULES)
    schema["lois"] = {law_id: None for law_id in library.laws}
    schema["prochaine_revision"] = None
    schema["regle"] = None  # the rulebook's printer (rules.rule_printer), given per document
    return schema


def path_exists(schema: dict[str, Schema], path: tuple[str, ...]) -> bool:
    node: Schema = schema
    for part in path:
        if node is None:
            return True  # inside a leaf (a list, a law entry): not checked further
        if part not in node:
            return False
        node = node[part]
    return True
