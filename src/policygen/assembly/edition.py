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
from ..model.nodes import Document, Inline, Link, Note, Paragraph, Provenance, Section, Strong, Text, ToConfirm
from ..orgfile.confirm import Unconfirmed, marked
from ..orgfile.schema import REGIMES
from ..orgfile.weekdays import DAYS, fold
from ..orgfile.langues import BASIS_EN, ENGLISH, Langues
from ..orgfile.langues import problems as problems_of
from .inputs import Loaded
from .select import select

SUFFIX = "." + ENGLISH
NOTICE = "Translation — the French version prevails"
ELIGIBILITY = "Who can consult this page?"


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
           "etudiant": "students", "benevole": "volunteers", "stagiaire": "interns"}
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


def english_context(context: dict[str, Any], langues: Langues) -> dict[str, Any]:
    """The French context plus `anglais`: the body's English name and its agreement (« it is » / « they are »)."""
    name = langues.nom_anglais or ""
    plural = langues.accord_anglais == "they"
    words = {"nom": name, "Nom": name[:1].upper() + name[1:], "il": "they" if plural else "it",
             "Il": "They" if plural else "It", "son": "their" if plural else "its",
             "est": "are" if plural else "is", "a": "have" if plural else "has",
             "heures": english_hours(context["moderation"]),
             "personnes": english_list([_GROUPS[r] for r in REGIMES if context["regimes"][r] and r != "public"]),
             "un_usager": _SERVED[context["organisation"]["type"]][0],
             "usagers": _SERVED[context["organisation"]["type"]][1],
             "usage_personnel": _PERSONAL_USE[context["choix"]["usage_personnel_au_travail"]],
             "sanctions_personnel": context["langues"]["sanctions_anglais"]["personnel"] or list(_STAFF_MEASURES),
             "sanctions_public": context["langues"]["sanctions_anglais"]["public"] or [],
             "langues": english_list([_LANGUAGES.get(fold(str(w)), str(w)) for w in context["netiquette"]["langues"]])}
    return {**context, "anglais": words}


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


def _notice(original: Document, langues: dict[str, Any], org_name: str) -> Section:
    """The opening notice: what the edition is, on what basis, for whom, and where the French is.
    `langues`: the context's, whose values keep their « (à confirmer) » mark."""
    basis: list[Inline] = [Text(BASIS_EN[langues["fondement"] or "organisme_prive"])]
    if langues["fondement"] == "exception_22_3" and langues["exception"]:
        basis += [Text(" (exception: "), _value(langues["exception"]), Text(")")]
    if langues["precision"]:
        basis += [Text(" ("), _value(langues["precision"]), Text(")")]
    directive: list[Inline] = []
    if langues["directive"]:
        titre, date = langues["directive"]["titre"], langues["directive"]["date"]
        directive = [Text(" Directive it applies (Charter, s. 29.15): “"), _value(titre),
                     Text("”, adopted or last reviewed on "), _value(date, english_date(date)), Text(".")]
    href = f"{original.kind}.html"
    blocks = (
        Note((Paragraph((Strong((Text(NOTICE + "."),)),)),
              Paragraph((Text(f"This document translates the French original, “{original.title}”, of the same "
                              "version and date. Where the two versions differ, the French version prevails. "),
                         Link(href, (Text("Read the French original"),)), Text(".")),))),
        Paragraph((Strong((Text(ELIGIBILITY),)),)),
        Paragraph((Text(f"{org_name} publishes this English version in addition to French, on the basis of "),
                   *basis, Text(", for the persons the Charter of the French language allows it to serve in English."),
                   *directive, Text(" Everyone may read the French original."))),
    )
    clause = ClauseNode("edition.avis", NOTICE, False, blocks, Provenance("edition.avis", 1, (), ()))
    return Section("edition-avis", "About this translation", (clause,), role="metadata",
                   label="About this translation")


def _relabel(document: Document) -> Document:
    """English labels: « Appendix 2: … », « Version of April 27, 2018 »."""
    sections = tuple(dataclasses.replace(s, number=s.number.replace("Annexe", "Appendix"),
                                         label=s.label.replace("Annexe", "Appendix").replace(" : ", ": "))
                     for s in document.sections)
    return dataclasses.replace(document, sections=sections,
                               version_line=f"Version of {english_date(document.date)}")


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
        notice = _notice(original, context["langues"], context["anglais"]["Nom"])
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
