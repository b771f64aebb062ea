"""What `check` says of a valid file beyond the schema: values the documents would
print in a form the file has to give, or that say two things at once (warnings,
located, with the fix).

A title of function printed in running text (« écrivez à … ») needs its article, and
its gender cannot be guessed (« Secrétaire de l’Ordre »): the file gives the form.
A blocking « avec ou sans préavis » is printed as the rule on blocking says it (after a
warning): `check` says so where the file says otherwise.
A category of people that joins two regimes (« les bénévoles et la main-d’œuvre
indépendante ») binds half of its people wrongly: it is split, one category per regime.
A commissaire aux plaintes receives a complaint directly, never only after the body's own
answer: a route to one is not made conditional.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic
from ..french import Name, in_sentence
from .schema import OrganisationFile
from .weekdays import fold
from .yamlsource import Located, dotted

# The contacts whose title the documents print inside a sentence.
IN_RUNNING_TEXT = ("protection_renseignements",)

# The word of the complaint recipient the documents name by default, by type (`vocabulaire.plaintes`
# in templates/data/termes.yaml): a complaint title without it is named otherwise in a sentence.
_COMPLAINTS_WORD = {"etablissement_sante": ("commissa", "commissaire aux plaintes et à la qualité des services"),
                    "ordre_professionnel": ("syndic", "syndic"),
                    "autre": ("responsable", "responsable du traitement des plaintes")}

# A condition inside a complaint route's object (« les services reçus, si la réponse ne vous satisfait pas »).
_CONDITION = re.compile(r",\s*(?:si|lorsque|quand|à moins)\b|\bsi la réponse\b", re.I)

# The regime the words of a category suggest (README, « Qui est visé, et comment »).
_REGIME_WORDS = (
    ("public", ("public", "population", "abonne", "internaute", "citoyen")),
    ("stagiaire", ("stagiaire",)),
    ("etudiant", ("etudiant",)),
    ("benevole", ("benevole",)),
    ("professionnel_independant", ("medecin", "dentiste", "pharmacien", "sage-femme", "chercheur", "resident",
                                   "main-d", "travailleur autonome", "travailleuse autonome")),
    ("membre", ("membre",)),
    ("administrateur", ("administrat",)),
    ("employeur", ("employe", "personnel", "gestionnaire", "cadre", "consultant", "dirigeant")),
)
# Where a category stops naming people and starts saying who they include.
_ELABORATION = re.compile(r",?\s+(?:y compris|soit|notamment|incluant|dont|tous|toutes)\b.*$")
_ARTICLE = re.compile(r"(?:le|la|les|un|une|des)\s|l[’']", re.I)
_PARTS = re.compile(r"\s*(?:,|\bet\b|\bainsi que\b)\s*")
# A measure against the public left to judgment (« le contenu jugé litigieux ») rather than to the closed list
# of grounds, and an exclusion, which is a ban: the last resort the rule on blocking states.
_DISCRETIONARY = re.compile(r"\bjuge|litigieu|inappropri|discretion")
_EXCLUSION = re.compile(r"privilege|exclu|retrait (?:du|de son) (?:statut|acces)")
# A route made to wait for the body's own answer (« si la réponse de la Résidence ne vous satisfait pas »).
_CONDITIONAL = re.compile(r"\bsi (?:la|sa|notre|votre) reponse|\bsi vous n|ne vous satisf|insatisf|\bapres (?:la|sa|avoir)")


def regime_of(category: str, ordre: bool = True) -> str | None:
    """The regime of the first word that names one (« les employés…, y compris les stagiaires »:
    employeur), or None. Outside an ordre, « membres » (of a cooperative, of a foundation) names
    no regime of its own."""
    # « les membres du personnel » are staff, not an ordre's members.
    words = re.sub(r"\bmembres? (?:du|de la|de l’|des) ?(personnel|direction|equipe)", r"\1", fold(category))
    if "conseil" in words or "comite" in words:  # the board's and committees' members are administrators
        return "administrateur"
    found = [(words.find(key), regime) for regime, keys in _REGIME_WORDS for key in keys
             if key in words and (ordre or regime != "membre")]
    return min(found)[1] if found else None


def split_by_regime(category: str, ordre: bool = True) -> list[tuple[str, str]]:
    """The parts of a category that name people of different regimes, each with its regime;
    one part or none when it names one regime (what follows « y compris » or « soit » only
    says whom the first part includes)."""
    head = _ELABORATION.sub("", category)
    parts = [(part, regime) for part in _PARTS.split(head) if part and (regime := regime_of(part, ordre))]
    return parts if len({regime for _, regime in parts}) > 1 else []


def names_usual_recipient(kind: str, title: str) -> bool:
    """Whether a complaint title is the one the documents name by default for this type."""
    return _COMPLAINTS_WORD[kind][0] in fold(title)


def complaints_form(title: str) -> tuple[str, str]:
    """`vocabulaire.plaintes` for a complaint title: its name in a sentence, without article,
    and its gender (« Direction générale » → « Direction générale », féminin)."""
    form = in_sentence(title)
    if form:
        return Name.parse(form).bare, "féminin" if Name.parse(form).feminine else "masculin"
    return f"{title[:1].lower()}{title[1:]}", "masculin"


def _complaints_named_otherwise(organisation: OrganisationFile, located: Located, display: str) -> list[Diagnostic]:
    """The sentence « adressez votre plainte au … » names the type's usual recipient unless
    `vocabulaire.plaintes` says otherwise: a contact titled otherwise would contradict it."""
    title = organisation.contacts.plaintes.titre
    usual = _COMPLAINTS_WORD[organisation.organisation.type][1]
    if organisation.vocabulaire.plaintes is not None or names_usual_recipient(organisation.organisation.type, title):
        return []
    name, gender = complaints_form(title)
    return [Diagnostic(
        display, located.line_of(("contacts", "plaintes", "titre")), "contacts.plaintes.titre",
        f"Les documents disent « adressez votre plainte au {usual} » : ils ne nomment pas ainsi « {title} ».",
        f"Ajoutez la forme qu’une phrase emploie : « vocabulaire: plaintes: {{nom: {name}, genre: {gender}}} » "
        "(voir README.md, « Les mots de l’organisme »).", severity="avertissement", code="organisation.phrasing")]


def _code_unnamed(organisation: OrganisationFile, located: Located, display: str) -> list[Diagnostic]:
    """A body of no listed type has no code its type implies: the politique's « le code d’éthique de l’organisme »,
    which it follows and binds its board and staff to, would state as fact a code the file never names (reader 8,
    M-9)."""
    if organisation.organisation.type != "autre" or organisation.vocabulaire.code_ethique is not None:
        return []
    path = ("vocabulaire",) if "vocabulaire" in organisation.model_fields_set else ("organisation", "type")
    return [Diagnostic(
        display, located.line_of(path), "vocabulaire.code_ethique",
        "Les documents renvoient les administrateurs et le personnel au « code d’éthique de l’organisme » comme "
        "à un code adopté : le fichier ne dit pas lequel.",
        "Sous « vocabulaire: », ajoutez « code_ethique: » et le nom du code avec son article (« le code d’éthique "
        "de Tel-Écoute », « le code de conduite de … »), puis « (à confirmer) » tant qu’il n’est pas adopté.",
        severity="avertissement", code="organisation.phrasing")]


def _replies_in_fewer_languages(organisation: OrganisationFile, located: Located, display: str) -> list[Diagnostic]:
    """A private body's accounts that publish in a language its nétiquette does not reply in: the politique says a
    version in it may be added, the nétiquette « Nous répondons en français » (reader 8, M-7). A public body's other
    languages are `publication`'s to judge."""
    if organisation.organisation.secteur == "public" and organisation.organisation.type != "ordre_professionnel":
        return []
    replies = {fold(str(language)) for language in organisation.netiquette.langues}
    others = [str(language) for language in organisation.organisation.langues_publication
              if fold(str(language)) not in replies]
    if not others:
        return []
    path = ("organisation", "langues_publication")
    listed = ", ".join(str(language) for language in (*organisation.netiquette.langues, *others))
    return [Diagnostic(
        display, located.line_of(path), dotted(path),
        f"Les comptes publient aussi en {' et en '.join(others)}, mais la nétiquette ne répond qu’en "
        f"{' et en '.join(str(language) for language in organisation.netiquette.langues)} : une personne qui écrit "
        "dans une autre langue ne sait pas qu’on peut lui répondre dans la sienne.",
        f"Si l’organisme y répond aussi, ajoutez sous « netiquette: » « langues: [{listed}] » ; sinon, gardez ce "
        "choix.", severity="avertissement", code="organisation.phrasing")]


def _undated_delegation(organisation: OrganisationFile, located: Located, display: str) -> list[Diagnostic]:
    """An ordre's person responsible for personal information who is not its présidence, with no date of delegation:
    the politique can only say « si la présidence lui a délégué cette fonction par écrit », a condition an adopted
    text should not leave open (reader 8, M-6)."""
    officer = organisation.contacts.protection_renseignements
    named = officer.dans_une_phrase or ""
    if (organisation.organisation.type != "ordre_professionnel" or officer.delegation is not None or not named
            or "présiden" in named or "responsable" in named):
        return []
    path = ("contacts", "protection_renseignements", "dans_une_phrase")
    return [Diagnostic(
        display, located.line_of(path), "contacts.protection_renseignements.delegation",
        f"La politique écrit « {named} si la présidence lui a délégué cette fonction par écrit » : le fichier ne "
        "donne pas la date de cette délégation, et une politique adoptée ne la laisse pas en condition.",
        f"Sous la ligne {located.line_of(path)}, ajoutez « delegation: » et la date de la délégation écrite "
        "(AAAA-MM-JJ), suivie de « (à confirmer) » tant qu’elle n’est pas vérifiée ; sans délégation, la personne "
        "responsable est la présidence.", severity="avertissement", code="organisation.phrasing")]


def advice(organisation: OrganisationFile, located: Located, display: str) -> list[Diagnostic]:
    """One warning per value that needs a form of its own in the file."""
    found = []
    for key in IN_RUNNING_TEXT:
        contact = getattr(organisation.contacts, key)
        if contact.dans_une_phrase is None and in_sentence(contact.titre) is None:
            found.append(Diagnostic(
                display, located.line_of(("contacts", key, "titre")), f"contacts.{key}.titre",
                f"Les documents écrivent « écrivez à … » devant ce titre (« {contact.titre} ») : "
                "ils ont besoin de la forme que prend ce titre dans une phrase, avec son article.",
                f"Ajoutez sous « titre » la clé « dans_une_phrase », par exemple « dans_une_phrase: la "
                f"{contact.titre[:1].lower()}{contact.titre[1:]} » (voir README.md, « Les contacts »).",
                severity="avertissement", code="organisation.phrasing"))
    found += _complaints_named_otherwise(organisation, located, display)
    for index, route in enumerate(organisation.contacts.autres_plaintes):
        if _CONDITION.search(route.objet):
            path = ("contacts", "autres_plaintes", index, "objet")
            found.append(Diagnostic(
                display, located.line_of(path), dotted(path),
                f"Les documents écrivent « Une plainte sur {route.objet} s’adresse à : » : l’objet dit ce que ce "
                "recours reçoit, et une condition s’y lit mal.",
                "Écrivez seulement ce qu’il reçoit (« les services reçus à la Résidence ») : les documents le "
                "donnent après la voie de plainte principale.", severity="avertissement",
                code="organisation.phrasing"))
    found += _code_unnamed(organisation, located, display)
    found += _replies_in_fewer_languages(organisation, located, display)
    found += _undated_delegation(organisation, located, display)
    regimes = {person.regime for person in organisation.personnes_visees}
    if organisation.organisation.type == "ordre_professionnel" and "administrateur" not in regimes:
        # The board that adopts the politique and the committees answer to the code d'éthique it adopts.
        found.append(Diagnostic(
            display, located.line_of(("personnes_visees",)), "personnes_visees",
            "Un ordre professionnel lie par sa politique ses administrateurs et les membres de ses comités, "
            "tenus par le code d’éthique que le conseil d’administration adopte : aucune catégorie n’a le "
            "régime « administrateur ».",
            "Ajoutez « - categorie: les administrateurs et les membres des comités de l’Ordre » avec "
            "« regime: administrateur ».", severity="avertissement", code="organisation.phrasing"))
    roles = organisation.roles
    for path, value in [(("roles", "approbation_publications"), roles.approbation_publications),
                        (("roles", "moderation"), roles.moderation),
                        *((("roles", "approbation_conjointe", i), v) for i, v in enumerate(roles.approbation_conjointe))]:
        if not _ARTICLE.match(value):
            form = in_sentence(value) or f"la {value[:1].lower()}{value[1:]}"
            found.append(Diagnostic(
                display, located.line_of(path), dotted(path),
                f"Les documents écrivent cette valeur telle quelle dans une phrase (« c’est … qui approuve ») : "
                f"« {value} » y manque d’article.",
                f"Écrivez-la comme une phrase la lit, avec son article : « {form} ».",
                severity="avertissement", code="organisation.phrasing"))
    for index, item in enumerate(organisation.roles.gestionnaires):
        if regime_of(item) is not None and fold(item).startswith(("le ", "la ", "les ", "l’", "l'")):
            found.append(Diagnostic(
                display, located.line_of(("roles", "gestionnaires", index)), dotted(("roles", "gestionnaires", index)),
                f"« {item} » nomme des personnes ; la politique lit cette liste comme les manquements pour "
                "lesquels les gestionnaires interviennent (« … mesures disciplinaires, notamment pour … »).",
                "Écrivez-y des manquements (« les propos diffamatoires envers un collègue ») ; les personnes "
                "visées vont dans « personnes_visees ».", severity="avertissement", code="organisation.phrasing"))
    for index, person in enumerate(organisation.personnes_visees):
        if parts := split_by_regime(person.categorie, organisation.organisation.type == "ordre_professionnel"):
            listed = " ; ".join(f"« - categorie: {part} » avec « regime: {regime} »" for part, regime in parts)
            found.append(Diagnostic(
                display, located.line_of(("personnes_visees", index, "categorie")),
                dotted(("personnes_visees", index, "categorie")),
                f"Cette catégorie réunit des personnes de régimes différents "
                f"({', '.join(sorted({r for _, r in parts}))}) : la politique les lierait toutes par le régime "
                f"« {person.regime} ».",
                f"Écrivez une catégorie par régime : {listed} (voir README.md, « Qui est visé, et comment »).",
                severity="avertissement", code="organisation.phrasing"))
    for index, route in enumerate(organisation.contacts.autres_plaintes):
        if "commissaire aux plaintes" in fold(route.titre) and _CONDITIONAL.search(fold(route.objet)):
            found.append(Diagnostic(
                display, located.line_of(("contacts", "autres_plaintes", index, "objet")),
                dotted(("contacts", "autres_plaintes", index, "objet")),
                f"« {route.objet} » fait attendre la réponse de l’organisme : un commissaire aux plaintes et à la "
                "qualité des services reçoit la plainte directement, en tout temps, sans que l’organisme ait d’abord "
                "répondu.", "Écrivez l’objet sans condition, par exemple « les services reçus » (la plainte peut "
                "aussi être faite à l’organisme).", severity="avertissement", code="organisation.phrasing"))
    for index, measure in enumerate(organisation.sanctions.public):
        folded = fold(measure)
        if _DISCRETIONARY.search(folded) or (_EXCLUSION.search(folded) and "bloc" not in folded):
            found.append(Diagnostic(
                display, located.line_of(("sanctions", "public", index)), dotted(("sanctions", "public", index)),
                f"« {measure} » " + ("laisse le retrait au jugement de l’organisme : sur des pages publiques, un contenu "
                                     "n’est retiré que pour un des motifs de la liste fermée de la nétiquette."
                                     if _DISCRETIONARY.search(folded) else
                                     "exclut une personne des pages : c’est un blocage, mesure de dernier recours "
                                     "après un avertissement."),
                "Retirez la mesure (la nétiquette donne alors l’avertissement, le masquage, la suppression et, en "
                "dernier recours, le blocage), ou écrivez « le masquage ou la suppression d’un contenu qui relève "
                "d’un des motifs de retrait ».", severity="avertissement", code="organisation.phrasing"))
        if re.search(r"bloc|banni", measure, re.I) and re.search(r"préavis|sans avertissement", measure, re.I):
            found.append(Diagnostic(
                display, located.line_of(("sanctions", "public", index)), dotted(("sanctions", "public", index)),
                f"Les documents n’impriment pas « {measure} » tel quel : le blocage y est une mesure de dernier "
                "recours, après un avertissement, sauf menace, usurpation d’identité ou pourriel "
                "(Charte des droits et libertés de la personne, art. 3) ; la mention « à confirmer » est gardée.",
                "Écrivez « le blocage de son auteur » une fois ce choix confirmé par l’organisme, ou retirez "
                "la mesure.", severity="avertissement", code="organisation.phrasing"))
    return found
