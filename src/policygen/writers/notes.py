"""The reviewer's note beside each clause, and the draft mark, as the writers show them.

Review outputs only. The note is worded here, once, from the provenance facts
in the model: the HTML writer (and so the PDF) places it in an aside beside
the clause, the Word writer in a comment (writers/docx/comments.py).
"""

from __future__ import annotations

from html import escape

from ..french import french_list
from ..model.nodes import Law, Provenance, Source

DRAFT_MARK = "PROJET — pour révision"
AUTHOR = "policygen"
ITEM = "– "  # in a Word comment, a line that details the line before it (one value read)

Note = list[tuple[str, list[str]]]  # sentences, each with the detail lines under it


def _source(source: Source) -> str:
    parts = [f"{ident} (« {title} »)" if title else ident for ident, title in source.sections]
    word = "section" if len(parts) == 1 else "sections"
    origin = f"« {source.title} », {source.organisation}" if source.title else "source non répertoriée"
    return f"Source {source.id} : {origin} — {word} {french_list(parts)}."


def _law(law: Law) -> str:
    text = f"Fondement légal : {law.title or law.id} ({law.citation or 'citation inconnue'})"
    if law.articles:
        text += f", art. {french_list(list(law.articles))}"
    return text + "."


def note(provenance: Provenance) -> Note:
    """The note on one clause: its identity, sources, legal basis and the values it read."""
    lines: Note = [(f"Clause {provenance.clause_id}, version {provenance.version}.", [])]
    if provenance.replaces:
        lines.append((f"Clause propre à l’organisme : elle remplace la clause {provenance.replaces} "
                      "de la bibliothèque.", []))
    lines += [(_source(source), []) for source in provenance.sources]
    lines += [(_law(law), []) for law in provenance.legal] or [
        ("Fondement légal : aucun inscrit pour cette clause.", [])]
    lines += [(f"Règle {rule.id} ({rule.strength}) : lie {french_list(list(rule.regimes))} ; "
               f"fondement : {rule.basis}.", []) for rule in provenance.rules]
    if not provenance.values:
        return [*lines, ("Valeurs du fichier d’organisation : aucune (texte fixe).", [])]
    lines.append(("Valeurs du fichier d’organisation :", [
        f"{value.path} : {value.shown}" if value.empty else f"{value.path} = « {value.shown} »"
        for value in provenance.values]))
    return lines


def note_text(provenance: Provenance) -> str:
    """The note as the plain text of a Word comment, one sentence or detail per line."""
    return "\n".join(line for sentence, details in note(provenance)
                     for line in (sentence, *(ITEM + d for d in details)))


def note_html(provenance: Provenance) -> str:
    """The same note as an aside beside the clause in HTML and PDF."""
    items = "".join(
        f"<li>{escape(line, quote=False)}"
        + (f"<ul>{''.join(f'<li>{escape(d, quote=False)}</li>' for d in details)}</ul>" if details else "")
        + "</li>" for line, details in note(provenance))
    return (f'<aside class="provenance" aria-label="Provenance de la clause {escape(provenance.clause_id)}">'
            f'<p class="provenance-titre">Provenance</p><ul>{items}</ul></aside>')
