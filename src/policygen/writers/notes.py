"""The reviewer's note beside each clause, and the draft marks, as the writers show them.

The note is for review outputs only. The note is worded here, once, from the provenance facts in the model,
for a lawyer: where the clause comes from (the source documents and their sections, by title),
the law it rests on (title, citation, articles) and which of the body's choices it reflects, in
words. The values it read, key by key, stay in `policygen explain`. The HTML writer (and so the
PDF) places the note in an aside beside the clause, the Word writer in a comment
(writers/docx/comments.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..french import french_list
from ..model.nodes import Document, Law, Provenance, Source, Value
from .design import labels

OBLIGATIONS = "Obligations de la loi qu’elle remplit (tableau de conformité) : "  # Word links each to the annex
AUTHOR = "policygen"
EXPLAIN = "Le détail : policygen explain."

# The organisation-file fields that hold a choice of the body (not its names or addresses), in
# words; the longest matching prefix of a value's path wins. Fields not listed are not choices.
CHOICES = {
    "choix": "ses règles d’usage",
    "choix.usage_personnel_au_travail": "l’usage personnel au travail",
    "choix.amitie_usagers": "les liens d’« amitié » avec les personnes servies",
    "choix.comptes_separes": "la séparation des comptes personnels et professionnels",
    "choix.partage_fichiers_internes": "le partage de fichiers internes",
    "choix.cyberintervention": "la cyberintervention",
    "moderation": "les heures de modération",
    "netiquette": "les règles de sa nétiquette",
    "sanctions": "les mesures en cas de manquement",
    "roles.approbation_publications": "qui approuve les publications",
    "roles.approbation_conjointe": "l’approbation conjointe des publications",
    "roles.moderation": "qui modère les pages",
    "partage_fichiers": "les outils de partage de fichiers",
    "plateformes": "ses plateformes",
    "personnes_visees": "les personnes visées et leur régime",
    "fondements": "les lois et les documents internes qu’il invoque",
    "ligne_editoriale": "sa ligne éditoriale",
}


def _choice(value: Value) -> str | None:
    keys = [key for key in CHOICES if value.path == key or value.path.startswith(key + ".")]
    return CHOICES[max(keys, key=len)] if keys else None


# A note names this many sources, sections of a source and laws at most; the others are counted, and
# `policygen explain` lists them all.
SOURCES, SECTIONS, LAWS = 1, 2, 3
ROWS = 3  # rows of the legal table a note names (each a link in Word); the annex lists every row


def draft_mark(document: Document, review: bool) -> str:
    """The mark above the title and in the running head, in the document's language: the reviewers',
    else « Projet » (« Draft ») on a document that is not final."""
    return labels(document.lang)["draft"] if review else labels(document.lang)["projet"] if document.draft else ""


def _counted(items: Sequence, shown: int, other: str, others: str) -> tuple[list, str]:
    """The first `shown` items, and the others counted in words (« 3 autres sections »), or ""."""
    rest = len(items) - shown
    return (list(items), "") if rest <= 0 else (list(items[:shown]), f"{rest} {other if rest == 1 else others}")


def named_rows(obligations: Sequence[tuple[str, str]]) -> tuple[Sequence[tuple[str, str]], str]:
    """The rows of the legal table a note names, and how it counts the others (« ; 3 autres lignes de
    l’annexe »), so that a clause meeting many rows keeps a short note."""
    named, rest = _counted(obligations, ROWS, "autre ligne", "autres lignes")
    return named, f" ; {rest} de l’annexe" if rest else ""


def _some(items: list[str], shown: int, other: str, others: str) -> list[str]:
    """The first `shown` items, the rest counted: [« A », « B », « 3 autres sections »]."""
    named, rest = _counted(items, shown, other, others)
    return [*named, rest] if rest else named


def _source(source: Source) -> str:
    title = f"« {source.title} »" if source.title else f"source {source.id} (non répertoriée)"
    sections = [f"« {name} »" if name else ident for ident, name in source.sections]
    if not sections:
        return title
    return f"{title}, {'section' if len(sections) == 1 else 'sections'} {french_list(_some(sections, SECTIONS, 'autre', 'autres'))}"


def _law(law: Law) -> str:
    text = f"{law.title or law.id} ({law.citation or 'citation inconnue'})"
    return text + (f", art. {french_list(list(law.articles))}" if law.articles else "")


def note(provenance: Provenance) -> list[str]:
    """The note on one clause, a sentence a line: which clause, where from, on what law, which choices; the
    rules it states (internal ids) and the long lists are left to `policygen explain`."""
    lines = [f"Clause {provenance.clause_id}, version {provenance.version}."]
    if provenance.replaces:
        lines.append(f"Clause propre à l’organisme : elle remplace la clause {provenance.replaces} de la bibliothèque.")
    if provenance.sources:
        lines.append(f"Source : {' ; '.join(_some([_source(s) for s in provenance.sources], SOURCES, 'autre document', 'autres documents'))}.")
    lines.append(f"Fondement légal : {' ; '.join(_some([_law(law) for law in provenance.legal], LAWS, 'autre loi', 'autres lois'))}."
                 if provenance.legal else "Fondement légal : aucun inscrit pour cette clause.")
    if provenance.obligations:
        named, others = named_rows(provenance.obligations)
        lines.append(OBLIGATIONS + " ; ".join(words for _, words in named) + others + ".")
    choices = list(dict.fromkeys(c for c in map(_choice, provenance.values) if c))
    if choices:
        lines.append(f"Elle reflète les choix de l’organisme sur {french_list(choices)}.")
    return lines


def note_text(provenance: Provenance) -> str:
    """The note as the plain text of a Word comment, a sentence a line, ending on where the detail is (not
    in the PDF's asides: a line repeated at the foot of many pages reads as a running footer)."""
    return "\n".join([*note(provenance), EXPLAIN])


def note_html(provenance: Provenance) -> str:
    """The same note as an aside beside the clause in HTML and PDF."""
    sentences = "".join(f"<p>{escape(line, quote=False)}</p>" for line in note(provenance))
    return (f'<aside class="provenance" aria-label="Provenance de la clause {escape(provenance.clause_id)}">'
            f'<p class="provenance-titre">Provenance</p>{sentences}</aside>')
