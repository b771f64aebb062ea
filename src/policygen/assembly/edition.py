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
from ..library.english import LANG, english_list, clause_keys, english_date, english_library, outline_key, stale
from ..library.schema import Library
from ..model.nodes import Clause as ClauseNode
from ..model.nodes import Block, Document, Inline, Link, Note, Paragraph, Provenance, Section, Strong, Text, \
    ToConfirm, map_inlines
from ..orgfile.confirm import Unconfirmed, marked
from ..orgfile.schema import REGIMES
from ..orgfile.weekdays import DAYS, fold
from ..orgfile.langues import ENGLISH, STAFF_DOCUMENTS, Langues
from ..orgfile.langues import problems as problems_of
from .inputs import Loaded
from .select import select

SUFFIX = "." + ENGLISH
NOTICE = "Translation — the French version prevails"
ELIGIBILITY = "Who can consult this page?"
STAFF_ELIGIBILITY = "Who is this document for?"
TO_CONFIRM_EN = "\u00a0(to be confirmed)"  # the mark of a value to confirm, in English
CHARTER = "Charter of the French language"


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
           "professionnel_independant": "professionals with no employment relationship", "membre": "members",
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
}


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


def _gloss(glossary: dict[str, Any], french: Any) -> str | None:
    """The English gloss the file gives an official French name (case and accents aside)."""
    folded = {fold(str(k)).lower(): v for k, v in glossary.items()}
    return folded.get(fold(str(french)).lower().removeprefix("la ").removeprefix("le ").removeprefix("l’"))


def _unit(glossary: dict[str, Any], french: Any) -> Any:
    """A unit by its official French name, with its English gloss: « the Direction des communications
    (Communications and Public Affairs) »; its « (à confirmer) » mark kept."""
    gloss = _gloss(glossary, french)
    text = f"the {french}" + (f" ({gloss})" if gloss else "")
    return marked(text) if isinstance(french, Unconfirmed) else text


def _titled(contact: Any, glossary: dict[str, Any]) -> Any:
    """A contact whose title is given in English, the French after it: « Director of Operations
    (Directrice des opérations) »."""
    if not isinstance(contact, dict) or not (gloss := _gloss(glossary, contact.get("titre", ""))):
        return contact
    title = f"{gloss[:1].upper()}{gloss[1:]} ({contact['titre']})"
    return {**contact, "titre": marked(title) if isinstance(contact["titre"], Unconfirmed) else title}


def english_context(context: dict[str, Any], langues: Langues) -> dict[str, Any]:
    """The French context plus `anglais`: the body's English name and its agreement (« it is » / « they are »),
    its units and office holders as the file's glossary gives them; contact titles in English."""
    glossary = context["langues"]["glossaire"] or {}
    name = langues.nom_anglais or ""
    officer = context["termes"].get("plaintes")
    complaints = _gloss(glossary, getattr(officer, "text", officer)) if officer else None
    plural = langues.accord_anglais == "they"
    words = {"nom": name, "Nom": name[:1].upper() + name[1:], "il": "they" if plural else "it",
             "Il": "They" if plural else "It", "son": "their" if plural else "its",
             "est": "are" if plural else "is", "a": "have" if plural else "has",
             "heures": english_hours(context["moderation"]),
             "personnes": english_list([_GROUPS[r] for r in REGIMES if context["regimes"][r] and r != "public"]),
             "un_usager": _SERVED[context["organisation"]["type"]][0],
             "usagers": _SERVED[context["organisation"]["type"]][1],
             "usage_personnel": _PERSONAL_USE[context["choix"]["usage_personnel_au_travail"]],
             "communications": _unit(glossary, context["roles"]["communications"]["nom"]),
             "plaintes": f"the {complaints} of {name}" if complaints else f"the person who handles complaints at {name}",
             "sanctions_personnel": context["langues"]["sanctions_anglais"]["personnel"] or list(_STAFF_MEASURES),
             "sanctions_public": context["langues"]["sanctions_anglais"]["public"] or [],
             "langues": english_list([_LANGUAGES.get(fold(str(w)), str(w)) for w in context["netiquette"]["langues"]])}
    contacts = {key: [_titled(c, glossary) for c in value] if isinstance(value, list) else _titled(value, glossary)
                for key, value in context["contacts"].items()}
    # English cites Québec statutes as CQLR, not RLRQ
    laws = {key: {**law, "citation": str(law.get("citation", "")).replace("RLRQ", "CQLR")} if isinstance(law, dict)
            else law for key, law in context["lois"].items()}
    return {**context, "anglais": words, "contacts": contacts, "lois": laws}


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
        return [Text(f"{lead}{name} is recognized by the "), Text("Office québécois de la langue française"),
                Text(f" under section 29.1 of the {CHARTER}; section 26 allows it to "
                     + ("communicate internally" if staff else "publish") + " in English in addition to French."
                     + ("" if staff else " Everyone may consult this page."))]
    if langues["fondement"] == "programme_acces":
        program = "its access program for health services and social services in the English language"
        return [Text(f"{name} provides this English version, in addition to French, to English-speaking persons "
                     "under "), _value(langues["precision"], program) if langues["precision"] else Text(program),
                Text(f" ({CHARTER}, s. 22.3). No proof of eligibility is required.")]
    if langues["fondement"] == "exception_22_3":
        return [Text(f"{name} publishes this English version in addition to French under section 22.3 of the {CHARTER}"
                     " (exception: "), _exception(langues["exception"]),
                Text("), for the persons that exception covers.")]
    return [Text(f"{name}, a private enterprise, publishes this English version in addition to the French version. "
                 "Everyone may consult either version.")]


def _notice(original: Document, langues: dict[str, Any], org_name: str, audience: str) -> Section:
    """The opening notice: what the edition is, for whom and on what basis, and where the French is.
    `langues`: the context's, whose values keep their « (à confirmer) » mark."""
    staff = original.kind in STAFF_DOCUMENTS
    directive: list[Inline] = []
    if langues["directive"]:
        titre, date = langues["directive"]["titre"], langues["directive"]["date"]
        directive = [Text(f" Directive applied ({CHARTER}, ss. 29.15 and 29.16): “"), _value(titre),
                     Text("”, adopted on "), _value(date, english_date(date)), Text(".")]
    href = f"{original.kind}.html"
    blocks = tuple(map(_english_block, (
        Note((Paragraph((Strong((Text(NOTICE + "."),)),)),
              Paragraph((Text(f"This document translates the French original, “{original.title}”, of the same "
                              "version and date. Where the two versions differ, the French version prevails. "),
                         Link(href, (Text("Read the French original"),)), Text(".")),))),
        Paragraph((Strong((Text(STAFF_ELIGIBILITY if staff else ELIGIBILITY),)),)),  # a heading would skip a level
        Paragraph((*_basis(langues, org_name, staff, audience), *directive,
                   Text(" Everyone may read the French original." if langues["fondement"] in _RESTRICTED and not staff
                        else ""))),
    )))
    clause = ClauseNode("edition.avis", NOTICE, False, blocks, Provenance("edition.avis", 1, (), ()))
    return Section("edition-avis", "About this translation", (clause,), role="metadata",
                   label="About this translation")


def _marks(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    return tuple(dataclasses.replace(n, mention=TO_CONFIRM_EN, children=_marks(n.children)) if isinstance(n, ToConfirm)
                 else dataclasses.replace(n, children=_marks(n.children)) if hasattr(n, "children") else n
                 for n in inlines)


def _english_block(block: Block) -> Block:
    """`block` with the English mark after each value to confirm."""
    return map_inlines(block, _marks)


def _relabel(document: Document) -> Document:
    """English labels: « Appendix 2: … », « Version of April 27, 2018 », « (to be confirmed) »."""
    sections = tuple(dataclasses.replace(s, number=s.number.replace("Annexe", "Appendix"),
                                         label=s.label.replace("Annexe", "Appendix").replace(" : ", ": "),
                                         clauses=tuple(dataclasses.replace(c, blocks=tuple(map(_english_block, c.blocks)))
                                                       for c in s.clauses))
                     for s in document.sections)
    return dataclasses.replace(document, sections=sections, version_line=f"Version of {english_date(document.date)}",
                               version_mark=TO_CONFIRM_EN if document.date_to_confirm else "")


def english_editions(loaded: Loaded, library: Library, context: dict[str, Any], french: list[Document],
                     assemble: Callable[..., Document]) -> list[Document]:
    """The English edition of each document of `french` the file asks for in English.

    `assemble` is `assemble.assemble` (which calls this function). Raises `DiagnosticError` when a
    clause or rule a document needs has no English text yet."""
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
        missing = [k for k in _needed(library, original.kind, context) if k not in english.where]
        if missing:
            problems.append(Diagnostic(
                loaded.display, loaded.located.line_of(("langues", "documents_anglais")), "langues.documents_anglais",
                f"L’édition anglaise de « {original.kind} » n’est pas encore traduite : "
                f"{', '.join(missing[:6])}{' …' if len(missing) > 6 else ''} ({len(missing)} textes).",
                f"Retirez « {original.kind} » de langues.documents_anglais, ou ajoutez ces traductions sous "
                "templates/en/.", code="organisation.edition"))
            continue
        built = assemble(english_library(library, english, original.kind), original.kind, context,
                         loaded.located, loaded.display, lang=LANG)
        built = _relabel(built)
        notice = _notice(original, context["langues"], context["anglais"]["Nom"], context["anglais"]["personnes"])
        editions.append(dataclasses.replace(
            built, kind=edition_kind(original.kind), sections=(notice, *built.sections),
            keywords=("social media", built.short_title, loaded.organisation.organisation.nom_court),
            alternates=(("fr-CA", f"{original.kind}.html"),)))
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
        context_ids = [c.id for s in document.sections for c in s.clauses if c.id != "edition.avis"]
        keys = [outline_key(kind)] + [k for c in library.clauses if c.id in context_ids
                                     for k in clause_keys(c, kind)]
        old = stale(library, english, keys)
        if old:
            found.append(Diagnostic(
                item.display, item.located.line_of(("langues", "editions")), f"{document.kind}",
                f"L’édition anglaise « {document.kind} » traduit un texte français modifié depuis : "
                f"{', '.join(t.key for t in old)}.",
                "Mettez la traduction à jour, puis son empreinte « traduit » (python -m policygen.library.translations).",
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
