"""The English editions of a body's documents: the French document's clauses, in English.

An edition is assembled from the same outline and the same clauses as its French
original (same selection, order, numbering, number, version and date), each clause
and rule read from its English text (`library.english`). It opens with a notice that
says what it is — a translation, the French version prevailing —, the basis the
Charte de la langue française gives it and the body's directive, who may consult it,
and a link to the French original. Its kind is `<document>.en`, so its files are
`netiquette.en.html`, `netiquette.en.pdf`…, beside the French ones.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticError
from ..library.english import LANG, English, english_list, clause_keys, english_date, english_library, outline_key, \
    stale
from ..library.schema import Library
from ..model.nodes import Clause as ClauseNode
from ..model.nodes import FRENCH_CLOSE, FRENCH_OPEN, TO_CONFIRM_EN, Block, Document, Emphasis, Foreign, Inline, Link, \
    NOTICE_ROLE, Note, Paragraph, Provenance, Section, Strong, Text, ToConfirm, inline_text, map_inlines
from ..orgfile.confirm import Unconfirmed, marked
from ..orgfile.schema import REGIMES
from ..orgfile.weekdays import DAYS, fold
from ..orgfile.langues import ENGLISH, STAFF_DOCUMENTS, Langues, category_in_english, glossed, names_unit, \
    title_in_english, without_article
from ..orgfile.langues import problems as problems_of
from .inputs import Loaded
from .select import select

SUFFIX = "." + ENGLISH
NOTICE = "Translation — the French version prevails"
ELIGIBILITY = "Who can consult this page?"
STAFF_ELIGIBILITY = "Who is this document for?"
UNTRANSLATED = "Not yet translated: the French text follows."  # a draft's clause with no English yet
CHARTER = "Charter of the French language"
# the statute under which a public institution of the network has its English access program (reader4-en m2)
GOVERNANCE = "Act respecting the governance of the health and social services system"


def edition_kind(document: str) -> str:
    return document + SUFFIX


def original_kind(kind: str) -> str:
    """« netiquette.en » -> « netiquette »; a French kind is its own original."""
    return kind.removesuffix(SUFFIX)


def is_edition(document: Document) -> bool:
    return document.lang == LANG


_DAYS = dict(zip(DAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")))
_LANGUAGES = {"francais": "French", "anglais": "English", "espagnol": "Spanish", "inuktitut": "Inuktitut",
              "cri": "Cree", "arabe": "Arabic", "mandarin": "Mandarin", "italien": "Italian"}


# How English names each regime's people, the people served and the body's usual words.
_GROUPS = {"employeur": "staff", "administrateur": "directors and committee members",
           "professionnel_independant": "persons working with no employment relationship", "membre": "members",
           "etudiant": "students", "benevole": "volunteers", "stagiaire": "trainees"}
_SERVED = {"etablissement_sante": ("a user", "users"), "ordre_professionnel": ("a client", "clients"),
           "autre": ("a person served", "the people served")}
_PERSONAL_USE = {
    "interdit": "only outside working hours and on a personal device, never with the computers, equipment or "
                "Internet access provided for work",
    "hors_heures": "outside working hours, including breaks and meals, and on a personal device",
    "hors_lieux": "outside working hours, away from the workplace and on a personal device",
    "permis": "at work as elsewhere, in moderation and without harming your tasks or the security of "
              "information systems",
    # the file does not choose: the French says « within the employer's rules » (termes.yaml)
    "non_precise": "within the employer’s rules on working time and work equipment",
}


# The official English titles of the statutes the library cites (LégisQuébec's and Justice Laws' English
# versions); a law not listed here keeps its French title, tagged as French.
_LAW_TITLES = {
    "charte": "Charter of human rights and freedoms",
    "ccq": "Civil Code of Québec",
    "code-professions": "Professional Code",
    "acces": "Act respecting access to documents held by public bodies and the protection of personal information",
    "prive": "Act respecting the protection of personal information in the private sector",
    "lsss": "Act respecting health services and social services",
    "gouvernance": "Act respecting the governance of the health and social services system",
    "renseignements-sante": "Act respecting health and social services information",
    "reglement-incidents": "Regulation respecting confidentiality incidents",
    "reglement-rsss": "Regulation respecting the application of certain provisions of the Act respecting health and "
                      "social services information",
    "divulgation": "Act to facilitate the disclosure of wrongdoings relating to public bodies",
    "represailles": "Act respecting protection against reprisals related to the disclosure of wrongdoings",
    "protection-jeunesse": "Youth Protection Act",
    "sante-publique": "Public Health Act",
    "technologies": "Act to establish a legal framework for information technology",
    "droit-auteur": "Copyright Act",
    "loi25": "Act to modernize legislative provisions as regards the protection of personal information",
    "loi-chiropratique": "Chiropractic Act",
    "langue-francaise": "Charter of the French language",
}
# How English cites the statute books: CQLR for RLRQ, R.S.C. for L.R.C., S.Q. for L.Q.
_CITATIONS = (("RLRQ", "CQLR"), ("L.R.C. (1985), ch.", "R.S.C. 1985, c."), ("L.Q.", "S.Q."))
# The English pages of LégisQuébec (« cs » statutes, « cr » regulations) and of Justice Laws.
_ENGLISH_PAGES = (("legisquebec.gouv.qc.ca/fr/document/lc/", "legisquebec.gouv.qc.ca/en/document/cs/"),
                  ("legisquebec.gouv.qc.ca/fr/document/rc/", "legisquebec.gouv.qc.ca/en/document/cr/"),
                  ("laws-lois.justice.gc.ca/fra/lois/", "laws-lois.justice.gc.ca/eng/acts/"),
                  ("www.assnat.qc.ca/fr/", "www.assnat.qc.ca/en/"))  # the National Assembly's (Law 25's bill)


def _english_law(ident: str, law: Any) -> Any:
    if not isinstance(law, dict):
        return law
    citation = str(law.get("citation", ""))
    for french, english in _CITATIONS:
        citation = citation.replace(french, english)
    title = _LAW_TITLES.get(ident) or (_french(law["title"]) if law.get("title") else law.get("title"))
    url = law.get("url")
    for french, english in _ENGLISH_PAGES if url else ():
        url = url.replace(french, english)
    return {**law, "citation": citation, "title": title, "url": url}


# The English of the usual staff measures (orgfile.schema.Sanctions' default), item by item.
_STAFF_MEASURES = (
    "full or partial withdrawal of access to the employer’s accounts and communication tools",
    "removal or modification of the content posted, or its retraction by its author",
    "administrative or disciplinary measures, from a simple reprimand up to dismissal",
)


def _clock(value: str) -> str:
    """« 16:30 » -> « 4:30 p.m. » (Canadian English)."""
    hour, minute = map(int, value.split(":"))
    return f"{hour % 12 or 12}:{minute:02d} {'a.m.' if hour < 12 else 'p.m.'}"


def english_hours(moderation: dict[str, Any]) -> str:
    """The moderation days and hours as an English sentence reads them: « Monday to Friday, from 8:30 a.m.
    to 4:30 p.m., except on public holidays »."""
    phrase = fold(str(moderation["jours"]))
    days = [_DAYS[d] for d in re.findall("|".join(DAYS), phrase)]
    if phrase.startswith("du ") and len(days) == 2:
        when = f"{days[0]} to {days[1]}"
    else:
        when = "on " + english_list([d + "s" for d in days])
    holidays = "" if moderation["jours_feries"] else ", except on public holidays"
    text = f"{when}, from {_clock(moderation['debut'])} to {_clock(moderation['fin'])}{holidays}"
    # still to confirm when one of the values it is made from is (as the French phrase)
    return marked(text) if any(isinstance(v, Unconfirmed) for v in moderation.values()) else text


def _french(text: Any) -> str:
    """French words inside English text, so every format tags their language (`model.nodes.Foreign`)."""
    return f"{FRENCH_OPEN}{text}{FRENCH_CLOSE}"


def _unit(glossary: dict[str, Any], french: Any) -> Any:
    """A unit by its official French name, with its English gloss: « the Direction des communications
    (Communications and Public Affairs) »; its « (à confirmer) » mark kept."""
    gloss = glossed(glossary, french)
    text = f"the {_french(french)}" + (f" ({gloss})" if gloss else "")
    return marked(text) if isinstance(french, Unconfirmed) else text


def _in_english(glossary: dict[str, Any], french: Any) -> Any:
    """Free French words of the file in the English the glossary gives them, else tagged as French; their
    « (à confirmer) » mark kept."""
    if not french:
        return None
    english = glossed(glossary, french) or _french(french)
    return marked(english) if isinstance(french, Unconfirmed) else english


def _help_lines(glossary: dict[str, Any], netiquette: dict[str, Any]) -> list[Any]:
    """The lines of the nétiquette's emergency notice as the French lists them (the body's own, 811, 9-8-8, then
    the sector's), each line's name and hours in English."""
    own = [netiquette["ligne_aide"]] if netiquette["ligne_aide"] else []
    return [line if isinstance(line, str) else {**line, **{key: _in_english(glossary, line.get(key))
                                                           for key in ("nom", "heures")}}
            for line in [*own, "811", "988", *(netiquette["lignes_secteur"] or [])]]


def _category(glossary: dict[str, Any], french: Any) -> Any:
    """A category of people of the file in English (`langues.category_in_english`), else its French tagged;
    its « (à confirmer) » mark kept."""
    english = category_in_english(glossary, french) or _french(french)
    return marked(english) if isinstance(french, Unconfirmed) else english


def _bare(french: Any) -> Any:
    """An official French name without its French article (« la Direction … » -> « Direction … »)."""
    text = without_article(str(french))
    return marked(text) if isinstance(french, Unconfirmed) else text


def _role(glossary: dict[str, Any], french: Any) -> Any:
    """Whoever a role of the file names in French, as English names it: a unit (« la Direction des
    communications », capitalised) by its French name and gloss, as `_unit`; an office holder (« la directrice
    générale ») by the English title the glossary gives, the French after it; else the French name, tagged."""
    if french is None:
        return None
    bare = str(_bare(french))
    if names_unit(bare):
        english = _unit(glossary, bare)
    else:
        gloss = glossed(glossary, bare)
        english = f"the {gloss} ({_french(bare)})" if gloss else f"the {_french(bare)}"
    return marked(english) if isinstance(french, Unconfirmed) else english


def _approver(glossary: dict[str, Any], french: Any) -> Any:
    """The instance that approved the politique: « President and Executive Director … (Présidente-directrice
    générale …) » when the glossary gives its English, else its French name tagged (« Santé Québec »)."""
    gloss = glossed(glossary, french)
    english = f"{gloss} ({_french(french)})" if gloss else _french(french)
    return marked(english) if isinstance(french, Unconfirmed) else english


def _titled(contact: Any, glossary: dict[str, Any]) -> Any:
    """A contact whose title is given in English, the French after it: « Director of Operations
    (Directrice des opérations) »."""
    if not isinstance(contact, dict) or not contact.get("titre"):
        return contact
    gloss = title_in_english(glossary, contact["titre"])
    title = f"{gloss[:1].upper()}{gloss[1:]} ({_french(contact['titre'])})" if gloss else _french(contact["titre"])
    return {**contact, "titre": marked(title) if isinstance(contact["titre"], Unconfirmed) else title}


def english_context(context: dict[str, Any], langues: Langues) -> dict[str, Any]:
    """The French context plus `anglais`: the body's English name and its agreement (« it is » / « they are »),
    its units and office holders as the file's glossary gives them; contact titles in English."""
    glossary = context["langues"]["glossaire"] or {}
    name = langues.nom_anglais or ""
    officer = context["termes"].get("plaintes")
    complaints = glossed(glossary, getattr(officer, "text", officer)) if officer else None
    plural = langues.accord_anglais == "they"
    words = {"nom": name, "Nom": name[:1].upper() + name[1:], "il": "they" if plural else "it",
             "Il": "They" if plural else "It", "son": "their" if plural else "its",
             "est": "are" if plural else "is", "a": "have" if plural else "has",
             "heures": english_hours(context["moderation"]),
             "personnes": english_list([_GROUPS[r] for r in REGIMES if context["regimes"][r] and r != "public"]),
             "un_usager": _SERVED[context["organisation"]["type"]][0],
             "usagers": _SERVED[context["organisation"]["type"]][1],
             "usage_personnel": _PERSONAL_USE["non_precise" if "usage_personnel" in context["regles"]["par_defaut"]
                                              else context["choix"]["usage_personnel_au_travail"]],
             "communications": _unit(glossary, context["roles"]["communications"]["nom"]),
             # names the English keeps in French, tagged so every format says so (reader 4, m15)
             "commission_acces": _french("Commission d’accès à l’information"), "netiquette": _french("nétiquette"),
             "plaintes": f"the {complaints} of {name}" if complaints else f"the person who handles complaints at {name}",
             "groupes": _GROUPS,
             # the file's categories of people in English (glossary, or the library's proposed ones), else tagged
             "categories": {r: [_category(glossary, c) for c in context["regimes"][r] or []] for r in REGIMES},
             "documents_internes": [_french(d) for d in context["fondements"]["documents_internes"] or []],
             "mission": _french(context["organisation"]["mission"]) if context["organisation"]["mission"] else None,
             "equipe_de_garde": _in_english(glossary, context["moderation"].get("equipe_de_garde")),
             # the emergency notice's lines in the French order, names and hours in English (`check` asks
             # for the hours' English)
             "lignes": _help_lines(glossary, context["netiquette"]),
             "sanctions_personnel": context["langues"]["sanctions_anglais"]["personnel"] or list(_STAFF_MEASURES),
             "sanctions_public": context["langues"]["sanctions_anglais"]["public"] or [],
             # the file's own measures for volunteers and independent professionals: glossed, else tagged as French
             "sanctions_benevoles": [_in_english(glossary, m) for m in context["sanctions"]["benevoles"] or []],
             "sanctions_professionnels": [_in_english(glossary, m)
                                          for m in context["sanctions"]["professionnels_independants"] or []],
             # the languages replies are written in, the first one always, the others as the file allows
             "langues": [_LANGUAGES.get(fold(str(w)), str(w)) for w in context["netiquette"]["langues"]]}
    # the politique's roles and the file's own phrases (subjects, audiences, values, managers' examples)
    roles, editorial = context["roles"], context["ligne_editoriale"]
    words |= {"direction": _role(glossary, roles["communications"]["direction"]),
              **{key: _role(glossary, roles[field]) for key, field in (
                  ("approbation", "approbation_publications"), ("moderation", "moderation"),
                  ("securite_information", "securite_information"), ("encadrement_benevoles", "encadrement_benevoles"))},
              "approbation_conjointe": [_role(glossary, r) for r in roles["approbation_conjointe"]],
              **{key: [_in_english(glossary, p) for p in phrases] for key, phrases in (
                  ("gestionnaires", roles["gestionnaires"]), ("sujets", editorial["sujets"]),
                  ("publics", editorial["publics"]), ("valeurs", context["organisation"]["valeurs"]))},
              # who approved the politique: the English title the glossary gives, the French after it
              "approbation_instance": _approver(glossary, context["revision"]["approbation"]["instance"]),
              # the communications unit's office hours, which the French prints as the file writes them
              "heures_communications": _in_english(glossary, context["contacts"]["communications"].get("heures")),
              "langues_publication": [_LANGUAGES.get(fold(str(w)), _french(w))
                                      for w in context["organisation"]["langues_publication"]]}
    contacts = {key: [_titled(c, glossary) for c in value] if isinstance(value, list) else _titled(value, glossary)
                for key, value in context["contacts"].items()}
    laws = {key: _english_law(key, law) for key, law in context["lois"].items()}
    # platform names the file writes in French (« groupe Facebook privé des proches aidants »): as the glossary
    # gives them (reader 6, finding 8; `check` asks for them), a brand name (« Facebook ») as written
    platforms = [{**p, "nom": glossed(glossary, p["nom"]) or p["nom"]} for p in context["plateformes"]]
    return {**context, "anglais": words, "contacts": contacts, "lois": laws, "plateformes": platforms}


# How the English politique refers to the body after naming it once, as the French does with its
# `appellation` (« l’établissement »): English legal drafting defines a short form and keeps to it.
_REFERRED = {"etablissement": "institution"}


_GLOSSED_UNIT = re.compile(f"^(the {FRENCH_OPEN}[^{FRENCH_CLOSE}]*{FRENCH_CLOSE}) \\([^)]*\\)$")
_UNITS = ("communications", "direction", "approbation", "moderation", "securite_information")


def _unglossed(value: Any) -> Any:
    """A unit without its English gloss (« the Direction des communications »), its mark kept; any other
    value as it is."""
    match = _GLOSSED_UNIT.match(str(value)) if isinstance(value, str) else None
    if not match:
        return value
    return marked(match.group(1)) if isinstance(value, Unconfirmed) else match.group(1)


def _referred(context: dict[str, Any]) -> dict[str, Any]:
    """The politique's context: the body named in full once (`nom_complet`), then « the institution », which
    agrees in the singular; a body whose appellation has no English short form keeps its name. A unit's
    gloss is given once, in the identification block (`communications_glosee`), then its French name alone."""
    short = _REFERRED.get(fold(str(context["organisation"]["appellation"] or "")))
    words = context["anglais"]
    words = {**words, "communications_glosee": words["communications"],
             **{key: _unglossed(words[key]) for key in _UNITS},
             "approbation_conjointe": [_unglossed(r) for r in words["approbation_conjointe"]]}
    if not short:
        return {**context, "anglais": {**words, "nom_complet": words["nom"], "Nom_complet": words["Nom"]}}
    return {**context, "anglais": {**words, "nom_complet": words["nom"], "Nom_complet": words["Nom"],
                                   "nom": f"the {short}", "Nom": f"The {short}", "il": "it", "Il": "It",
                                   "son": "its", "est": "is", "a": "has"}}


def _needed(library: Library, document: str, context: dict[str, Any]) -> list[str]:
    """The translation keys the edition of `document` needs, for the clauses this body's French selects."""
    keys = [outline_key(document)]
    for _, clauses in select(library, document, context):
        for clause in clauses:
            keys.extend(k for k in clause_keys(clause, document) if k not in keys)
    return keys


def _value(value: Any, text: str | None = None) -> Inline:
    """A value of the file as it prints, highlighted while it is still to confirm."""
    node = Text(str(value) if text is None else text)
    return ToConfirm((node,)) if isinstance(value, Unconfirmed) else node


def _foreign(value: Any) -> Inline:
    """A French value of the file in English text: tagged as French, its « (to be confirmed) » mark outside the
    French span (so that a screen reader reads the mark in English)."""
    node = Foreign((Text(str(value)),))
    return ToConfirm((node,)) if isinstance(value, Unconfirmed) else node


_RESTRICTED = ("programme_acces", "exception_22_3")  # the bases that name whom the English serves
# The words of art. 22.3's exceptions as a file may name them, in English.
_EXCEPTIONS = {"santé": "health", "sécurité publique": "public safety", "justice naturelle": "natural justice",
               " et ": " and "}


def _exception(value: Any) -> Inline:
    text = str(value)
    for french, english in _EXCEPTIONS.items():
        text = text.replace(french, english)
    return _value(value, text)


def _basis(langues: dict[str, Any], name: str, staff: bool, audience: str) -> list[Inline]:
    """Who may read this edition, and on what the Charter lets the body publish it, as its basis says."""
    if langues["fondement"] == "reconnaissance_29_1":
        lead = (f"This internal document is addressed to {audience}. " if staff else "")
        return [Text(f"{lead}{name} is recognized by the "),
                Foreign((Text("Office québécois de la langue française"),)),
                Text(f" under section 29.1 of the {CHARTER}; section 26 allows it to "
                     + ("communicate internally" if staff else "publish") + " in English in addition to French."
                     + ("" if staff else " Everyone may consult this page."))]
    if langues["fondement"] == "programme_acces":
        program = "its program of access to English-language health services and social services"  # the statute's words
        return [Text(f"{name} provides this English version, in addition to French, to English-speaking persons "
                     "under "), _value(langues["precision"], program) if langues["precision"] else Text(program),
                Text(f" ({GOVERNANCE}; {CHARTER}, s. 22.3). No proof of eligibility is required.")]
    if langues["fondement"] == "exception_22_3":
        return [Text(f"{name} publishes this English version in addition to French under section 22.3 of the {CHARTER}"
                     " (exception: "), _exception(langues["exception"]),
                Text("), for the persons that exception covers.")]
    return [Text(f"{name}, a private organization, publishes this English version in addition to the French version. "
                 "Everyone may consult either version.")]


def _notice(original: Document, langues: dict[str, Any], org_name: str, audience: str) -> Section:
    """The opening notice: what the edition is, for whom and on what basis, and where the French is.
    `langues`: the context's, whose values keep their « (à confirmer) » mark."""
    staff = original.kind in STAFF_DOCUMENTS
    directive: list[Inline] = []
    if langues["directive"]:
        titre, date, author, english = (langues["directive"][k] for k in ("titre", "date", "auteur", "titre_anglais"))
        # the basis has just named the Charter, except a private body's
        charter = CHARTER if langues["fondement"] == "organisme_prive" else "same Charter"
        # its English version's title where its author published one, else its French title, tagged
        quoted: tuple[Inline, ...] = (Text("“"), Text(str(english)) if english else Foreign((Text(str(titre)),)),
                                      Text("”"))
        # its « (to be confirmed) » after the closing quote, not read as a part of the title (reader 4, S2)
        directive = [Text(f" Directive applied ({charter}, s. 29.15): "),
                     *((ToConfirm(quoted),) if isinstance(english or titre, Unconfirmed) else quoted),
                     # an author the title already names (« Directive du ministère… ») is not repeated
                     *((Text(" (author: "), _foreign(author), Text(")"))
                       if author and fold(str(author)) not in fold(str(titre)) else ()),
                     Text(", adopted on "), _value(date, english_date(date)), Text(".")]
    href = f"{original.kind}.html"
    translation = _english_block(Note((
        Paragraph((Strong((Text(NOTICE + "."),)),)),
        Paragraph((Text("This document translates the French original, “"), Foreign((Text(original.title),)),
                   Text("”, of the same version and date. "),  # the line above says the French prevails
                   Link(href, (Text("Read the French original"),)), Text("."))))))
    basis = _english_block(Paragraph((*_basis(langues, org_name, staff, audience), *directive, Text(
        " Everyone may read the French original." if langues["fondement"] in _RESTRICTED and not staff else ""))))
    # who may read it under a heading of its own (h3 under the notice's h2), as the eligibility notices of
    # Québec bodies have it; the heading's clause is `edition.avis.lecteurs`
    eligibility = STAFF_ELIGIBILITY if staff else ELIGIBILITY
    clauses = (ClauseNode("edition.avis", NOTICE, False, (translation,), Provenance("edition.avis", 1, (), ())),
               ClauseNode("edition.avis.lecteurs", eligibility, True, (basis,),
                          Provenance("edition.avis.lecteurs", 1, (), ()), label=eligibility))
    return Section("edition-avis", "About this translation", clauses, role=NOTICE_ROLE,
                   label="About this translation")


def _marks(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    return tuple(dataclasses.replace(n, mention=TO_CONFIRM_EN, children=_marks(n.children)) if isinstance(n, ToConfirm)
                 else dataclasses.replace(n, children=_marks(n.children)) if hasattr(n, "children") else n
                 for n in inlines)


def _english_block(block: Block) -> Block:
    """`block` with the English mark after each value to confirm."""
    return map_inlines(block, _marks)


def _in_french(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    return (Foreign(inlines),) if inlines else inlines


def _glossed_once(sections: tuple[Section, ...], glossary: dict[str, Any]) -> tuple[Section, ...]:
    """The sections with each unit's English gloss given at its first mention only (« the Direction des
    communications (Communications and Public Affairs) », then its French name alone), in reading order, as the
    politique does by its context (`_referred`); reader 4, m6."""
    glosses = {str(name): f" ({gloss})" for name, gloss in glossary.items() if names_unit(without_article(str(name)))}
    seen: set[str] = set()

    def once(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in inlines:
            before = out[-1] if out else None
            gloss = glosses.get(inline_text(before.children)) if isinstance(before, Foreign) else None
            if isinstance(node, Text) and gloss and node.text.startswith(gloss):
                if gloss in seen:
                    node = Text(node.text.removeprefix(gloss))
                seen.add(gloss)
            out.append(dataclasses.replace(node, children=once(node.children)) if hasattr(node, "children") else node)
        return tuple(out)

    return tuple(dataclasses.replace(s, clauses=tuple(dataclasses.replace(c, blocks=tuple(map_inlines(b, once)
                                                                                             for b in c.blocks))
                                                      for c in s.clauses)) for s in sections)


def _english_clause(clause: ClauseNode, translated: set[str]) -> ClauseNode:
    """The clause with English marks; one with no English yet (a draft's: the build warns, the final
    version refuses) says so in English, its French text tagged as French."""
    blocks = tuple(map(_english_block, clause.blocks))
    if clause.id not in translated:
        blocks = (Paragraph((Emphasis((Text(UNTRANSLATED),)),)),
                  *(map_inlines(b, _in_french) for b in blocks))
    return dataclasses.replace(clause, blocks=blocks)


class _Tagged:
    """A French rule's template whose text prints tagged as French."""

    def __init__(self, template: Any):
        self.template = template

    def render(self, context: dict[str, Any]) -> str:
        return _french(self.template.render(context).strip())


def _french_rules(library: Library, english: English, document: str) -> Library:
    """`library` whose rules with no English rendering for `document` print their French tagged as French
    (a draft edition's: the build warns, the final version refuses)."""
    rules = {ident: rule if (ident, document) in english.rules or document not in rule.templates
             else dataclasses.replace(rule, templates={**rule.templates, document: _Tagged(rule.templates[document])})
             for ident, rule in library.rules.items()}
    return dataclasses.replace(library, rules=rules)


def english_editions(loaded: Loaded, library: Library, context: dict[str, Any], french: list[Document],
                     assemble: Callable[..., Document]) -> list[Document]:
    """The English edition of each document of `french` the file asks for in English.

    `assemble` is `assemble.assemble` (which calls this function). Raises `DiagnosticError` when a
    document has no English outline yet. A clause or rule with no English text keeps its French, tagged
    and announced as such: `stale_translations` makes that a warning, and an error for a final version."""
    langues = loaded.organisation.langues
    english = library.english
    revision = loaded.organisation.revision
    if not langues.english or english is None or any(
            d.severity == "erreur" for d in problems_of(loaded.organisation, loaded.located, loaded.display,
                                                        revision.derniere_revision or revision.en_vigueur)):
        return []  # what the law refuses is reported by the findings (`organisation.edition`), never built
    wanted = [d for d in french if d.kind in langues.documents_anglais]
    problems, editions = [], []
    context = english_context(context, langues)
    for original in wanted:
        if outline_key(original.kind) not in english.where:
            problems.append(Diagnostic(
                loaded.display, loaded.located.line_of(("langues", "documents_anglais")), "langues.documents_anglais",
                f"L’édition anglaise de « {original.kind} » n’est pas encore traduite : "
                f"{outline_key(original.kind)}.",
                f"Retirez « {original.kind} » de langues.documents_anglais, ou ajoutez son plan anglais sous "
                "templates/en/plans/.", code="organisation.edition"))
            continue
        edition_library = _french_rules(english_library(library, english, original.kind), english, original.kind)
        built = assemble(edition_library, original.kind, _referred(context) if original.kind == "politique" else context,
                         loaded.located, loaded.display, lang=LANG)
        sections = _glossed_once(tuple(dataclasses.replace(s, clauses=tuple(_english_clause(c, set(english.clauses))
                                                                            for c in s.clauses))
                                       for s in built.sections), context["langues"]["glossaire"] or {})
        notice = _notice(original, context["langues"], context["anglais"]["Nom"], context["anglais"]["personnes"])
        editions.append(dataclasses.replace(
            built, kind=edition_kind(original.kind), sections=(notice, *sections),
            keywords=("social media", built.short_title, loaded.organisation.organisation.nom_court),
            alternates=(("fr-CA", f"{original.kind}.html"),), organisation_lang=original.lang))
    if problems:
        raise DiagnosticError(problems)
    return editions


def with_alternates(french: list[Document], editions: list[Document]) -> list[Document]:
    """The French documents, each linking to its English edition (hreflang), then the editions."""
    english = {original_kind(e.kind) for e in editions}
    return [dataclasses.replace(d, alternates=((LANG, f"{edition_kind(d.kind)}.html"),)) if d.kind in english else d
            for d in french] + editions


def stale_translations(item: Loaded, documents: list[Document], library: Library) -> list[Diagnostic]:
    """One finding per English edition whose texts translate a French text that has changed since."""
    english, found = library.english, []
    for document in documents:
        if not is_edition(document) or english is None:
            continue
        kind = original_kind(document.kind)
        context_ids = [c.id for s in document.sections if s.role != NOTICE_ROLE for c in s.clauses]
        keys = [outline_key(kind)] + [k for c in library.clauses if c.id in context_ids
                                     for k in clause_keys(c, kind)]
        old = stale(library, english, keys)
        missing = [k for k in keys if k not in english.where]
        if old or missing:
            said = ([f"traduit un texte français modifié depuis : {', '.join(t.key for t in old)}"] if old else []) + (
                [f"n’a pas encore de traduction de {len(missing)} texte{'s' if len(missing) > 1 else ''} (le français y "
                 f"est imprimé) : {', '.join(missing[:8])}{' …' if len(missing) > 8 else ''}"] if missing else [])
            found.append(Diagnostic(
                item.display, item.located.line_of(("langues", "editions")), f"{document.kind}",
                f"L’édition anglaise « {document.kind} » {' ; elle '.join(said)}.",
                "Traduisez ou mettez à jour ces textes sous templates/en/ (policygen explain les nomme tous), puis "
                "leur empreinte « traduit » (python -m policygen.library.translations --signer).",
                code="organisation.translation"))
    return found


def translation_lines(library: Library, item: Loaded, document: str, context: dict[str, Any]) -> list[str]:
    """What `explain` says of the English edition of `document`: none asked, up to date, or which French
    rules and clauses changed since their translation (and which have none)."""
    langues = item.organisation.langues
    english = library.english
    if not langues.english or document not in langues.documents_anglais or english is None:
        return []
    keys = _needed(library, document, english_context(context, langues))
    missing = [k for k in keys if k not in english.where]
    old = [t.key for t in stale(library, english, keys)]
    lines = [f" Édition anglaise ({edition_kind(document)}) : "
             + ("traductions à jour" if not (missing or old) else
                f"{len(old)} texte{'s' if len(old) > 1 else ''} modifié{'s' if len(old) > 1 else ''} en français "
                f"depuis sa traduction, {len(missing)} sans traduction")]
    lines += [f"   modifié depuis sa traduction : {key}" for key in old]
    lines += [f"   sans traduction : {key}" for key in missing]
    return lines
