"""Review mode: what a legal reviewer reads beside each clause.

`notes` turns a clause's provenance into French sentences (source documents
and sections with their titles, legal basis with its citation, values read
from the organisation file). The writers show them only in review outputs:
as a Word comment anchored on the clause's runs (`comment_clause`), as a note
beside the clause in HTML and PDF (`note_html`), under the draft mark.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.run import Run

from .library import ClauseMeta, Library
from .model import Clause, Document
from .reads import EMPTY
from .templating import french_list

DRAFT_MARK = "PROJET — pour révision"
AUTHOR = "policygen"
ITEM = "– "  # a note line that details the line before it (one value read)


def _source_line(library: Library, source_id: str, sections: Sequence[str]) -> str:
    source: dict[str, Any] = next((s for s in library.sources if s.get("id") == source_id), {})
    titles = {s.get("id"): s.get("title", "") for s in source.get("sections", [])}
    parts = [f"{section} (« {titles[section]} »)" if titles.get(section) else section for section in sections]
    word = "section" if len(parts) == 1 else "sections"
    origin = f"« {source['title']} », {source.get('organisation', '')}" if source else "source non répertoriée"
    return f"Source {source_id} : {origin} — {word} {french_list(parts)}."


def _legal_line(library: Library, law_id: str, articles: Sequence[str]) -> str:
    law = library.laws.get(law_id, {})
    text = f"Fondement légal : {law.get('title', law_id)} ({law.get('citation', 'citation inconnue')})"
    if articles:
        text += f", art. {french_list(list(articles))}"
    return text + "."


def notes(meta: ClauseMeta, library: Library, legal: Sequence[tuple[str, Sequence[str]]],
          variables: Sequence[tuple[str, str]]) -> tuple[str, ...]:
    """The reviewer's note on one clause, one sentence per line; `legal`: the laws that bind this body."""
    lines = [f"Clause {meta.id}, version {meta.version}."]
    lines += [_source_line(library, ref.source, ref.sections) for ref in meta.sources]
    lines += [_legal_line(library, law, articles) for law, articles in legal] or [
        "Fondement légal : aucun inscrit pour cette clause."]
    if not variables:
        return (*lines, "Valeurs du fichier d’organisation : aucune (texte fixe).")
    lines.append("Valeurs du fichier d’organisation :")
    lines += [f"{ITEM}{path} : {value}" if value in EMPTY else f"{ITEM}{path} = « {value} »"
              for path, value in variables]
    return tuple(lines)


def mark_draft(docx: DocxDocument) -> None:
    """« PROJET — pour révision » above the title and as the file's status (the DOCX writer
    puts it in the page headers too)."""
    docx.add_paragraph(DRAFT_MARK, style="Intense Quote")
    docx.core_properties.content_status = DRAFT_MARK


def comment_clause(docx: DocxDocument, clause: Clause, elements: Sequence[Any], document: Document) -> None:
    """Anchor a Word comment on the runs the clause wrote (`elements`: its body elements)."""
    paragraphs = [p for element in elements for p in element.iter(qn("w:p"))]
    if not paragraphs:
        return
    # Empty runs at both ends hold the range, so it covers links at the edges too.
    start, end = OxmlElement("w:r"), OxmlElement("w:r")
    properties = paragraphs[0].find(qn("w:pPr"))
    if properties is None:
        paragraphs[0].insert(0, start)
    else:
        properties.addnext(start)
    paragraphs[-1].append(end)
    first, last = Run(start, docx._body), Run(end, docx._body)
    comment = docx.add_comment([first, last], "\n".join(clause.provenance.notes), author=AUTHOR, initials="PG")
    comment._comment_elm.date = document.timestamp  # python-docx stamps the clock; builds must not


def note_html(clause: Clause) -> str:
    """The same note beside the clause in HTML and PDF."""
    groups: list[tuple[str, list[str]]] = []
    for line in clause.provenance.notes:
        if line.startswith(ITEM) and groups:
            groups[-1][1].append(line.removeprefix(ITEM))
        else:
            groups.append((line, []))
    items = "".join(
        f"<li>{escape(line, quote=False)}"
        + (f"<ul>{''.join(f'<li>{escape(d, quote=False)}</li>' for d in details)}</ul>" if details else "")
        + "</li>" for line, details in groups)
    return (f'<aside class="provenance" aria-label="Provenance de la clause {escape(clause.provenance.clause_id)}">'
            f'<p class="provenance-titre">Provenance</p><ul>{items}</ul></aside>')
