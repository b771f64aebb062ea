"""Heading labels and the version line, composed once on the model.

« 1. Préambule », « Annexe 1 : Définitions », « 5.1 Les comptes officiels »,
« Version du 27 avril 2018 » — « Appendix 1: Definitions », « Version of April 27, 2018 » in an
English edition —: composed here in the document's language, after numbering and before
typography, so the typography pass typesets them like any other text and
every writer shows the same words without composing them itself.
"""

from __future__ import annotations

import dataclasses

from ..french import long_date
from ..library.english import english_date
from .nodes import TO_CONFIRM, TO_CONFIRM_EN, Clause, Document, Section

# By language: the annex label's colon, the version line and its mark of a date to confirm.
_COLON = {"fr": " :", "en": ":"}  # the French space becomes no-break in typography
_VERSION = {"fr": lambda day: f"Version du {long_date(day)}", "en": lambda day: f"Version of {english_date(day)}"}
_MARK = {"fr": TO_CONFIRM, "en": TO_CONFIRM_EN}

# The intranet site's words around a document's page, in the page's language (publishing/site.py): the way
# home, the body's register, a draft's banner, and the units and decimal mark of a download's size.
_SITE = {
    "fr": {"home": "Documents sur les médias sociaux", "register": "Registre des documents de l’organisme",
           "banner": "Projet — ce document n’est pas adopté ; les valeurs surlignées sont à confirmer.",
           "kilobytes": "Ko", "megabytes": "Mo", "decimal": ","},
    "en": {"home": "Social media documents", "register": "Register of the organization’s documents",
           "banner": "Draft — this document has not been adopted; the highlighted values are to be confirmed.",
           "kilobytes": "KB", "megabytes": "MB", "decimal": "."},
}


def site_words(lang: str) -> dict[str, str]:
    """The site's words for a page in `lang` (« fr-CA », « en-CA »)."""
    return _SITE[lang[:2]]


def _section(section: Section, lang: str) -> str:
    if not section.number:
        return section.title
    if section.annex:
        return f"{section.number}{_COLON[lang]} {section.title}"
    return f"{section.number}. {section.title}"


def _clause(clause: Clause) -> str:
    return f"{clause.number} {clause.title}" if clause.number else clause.title


def label(document: Document) -> Document:
    """The document with every section and clause label and its version line filled in."""
    lang = document.lang[:2]
    sections = tuple(dataclasses.replace(
        section, label=_section(section, lang),
        clauses=tuple(dataclasses.replace(c, label=_clause(c)) for c in section.clauses))
        for section in document.sections)
    mark = _MARK[lang] if document.date_to_confirm else ""
    return dataclasses.replace(document, sections=sections, version_line=_VERSION[lang](document.date),
                               version_mark=mark)
