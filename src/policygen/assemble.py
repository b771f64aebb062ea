"""Organisation × library -> one document model per document.

Stages, each a small function: `select` keeps the clauses whose condition
holds, in outline order; `render_clause` fills a clause body with the
organisation's values (Jinja, values escaped as data); `parse_markdown` turns
it into blocks; `number` adds section and clause numbers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from typing import Any

from jinja2 import TemplateError, UndefinedError

from .diagnostics import Diagnostic, DiagnosticError, display_path
from .library import Clause, Library, Outline
from .model import Clause as ClauseNode
from .model import Document, Paragraph, Provenance, Section, inline_text
from .parse import parse_markdown
from .reads import body_fields, fields_read, shown, value_at
from .review import notes
from .templating import MissingValue, environment
from .typography import typeset
from .yamlsource import Located, dotted


def applies(clause: Clause, context: dict[str, Any]) -> bool:
    return bool(clause.condition(**context))


def select(library: Library, document: str, context: dict[str, Any]) -> list[tuple[Any, list[Clause]]]:
    """The outline's sections, each with the clauses that apply, in order."""
    outline = library.outlines[document]
    by_section: dict[str, list[Clause]] = {s.id: [] for s in outline.sections}
    for clause in library.clauses:
        section = clause.meta.documents.get(document)
        if section is not None and applies(clause, context):
            by_section[section].append(clause)
    return [(s, sorted(by_section[s.id], key=lambda c: (c.meta.order, c.id))) for s in outline.sections]


def _missing(clause: Clause, context: dict[str, Any], located: Located, display: str) -> list[Diagnostic]:
    """Explain a MissingValue: which fields read by the clause are empty in the organisation file."""
    empty = sorted(p for p in body_fields(clause) if value_at(context, p) is None)
    if not empty:
        return [Diagnostic(display, None, clause.id,
                           f"La clause « {clause.meta.title} » a besoin d’une valeur que le fichier laisse vide.")]
    return [Diagnostic(display, located.line_of(path), ".".join(path),
                       f"Ce champ est vide, mais la clause « {clause.meta.title} » en a besoin.",
                       "Remplissez-le dans le fichier d’organisation.") for path in empty]


def render_clause(clause: Clause, context: dict[str, Any], located: Located, display: str) -> str:
    try:
        return clause.template.render(context)
    except MissingValue:
        raise DiagnosticError(_missing(clause, context, located, display)) from None
    except (UndefinedError, TemplateError) as exc:  # a library fault the lint cannot see before rendering
        raise DiagnosticError([Diagnostic(display_path(clause.path), clause.body_line, clause.id,
                                          f"Le gabarit de la clause échoue : {exc.message}")]) from None


def law_applies(law: dict[str, Any], organisation: dict[str, Any]) -> bool:
    """A law the data says this kind of body, in this sector, relies on.

    A clause lists every law its rule may rest on (A-2.1 for public bodies, P-39.1
    for private ones); a reviewer is shown only those that bind this body.
    """
    kinds, sectors = law.get("applies_to"), law.get("sectors")
    return (not kinds or organisation["type"] in kinds) and (not sectors or organisation["secteur"] in sectors)


def provenance(clause: Clause, context: dict[str, Any], library: Library) -> Provenance:
    meta = clause.meta
    variables = tuple((dotted(path), shown(value_at(context, path))) for path in sorted(fields_read(clause)))
    legal = tuple((ref.law, tuple(ref.articles)) for ref in meta.legal
                  if law_applies(library.laws.get(ref.law, {}), context["organisation"]))
    return Provenance(
        clause_id=meta.id, version=meta.version,
        sources=tuple((s.source, tuple(s.sections)) for s in meta.sources),
        legal=legal,
        variables=variables,
        notes=notes(meta, library, legal, variables),
    )


def number(document: Document, outline: Outline) -> Document:
    """« 1. », « 5.1 », « Annexe 2 » where the outline asks for numbers."""
    if not outline.numbered:
        return document
    sections, body, annex = [], 0, 0
    for section in document.sections:
        if section.role == "metadata":
            sections.append(section)
            continue
        if section.annex:
            annex += 1
            label = f"Annexe {annex}"
        else:
            body += 1
            label = str(body)
        clauses, sub = [], 0
        for clause in section.clauses:
            if clause.show_title and not section.annex:
                sub += 1
                clause = dataclasses.replace(clause, number=f"{label}.{sub}")
            clauses.append(clause)
        sections.append(dataclasses.replace(section, number=label, clauses=tuple(clauses)))
    return dataclasses.replace(document, sections=tuple(sections))


def render_line(source: str, context: dict[str, Any]) -> str:
    """A one-line template (a title) as plain text: rendered, then read as Markdown
    so escaped values come back as the characters they are."""
    blocks = parse_markdown(environment().from_string(source).render(context))
    return inline_text(blocks[0].inlines) if blocks and isinstance(blocks[0], Paragraph) else ""


def timestamp(date: dt.date) -> dt.datetime:
    """File metadata time: SOURCE_DATE_EPOCH when set, else the document's own date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
    return dt.datetime.combine(date, dt.time(12, 0))


def assemble(library: Library, document: str, context: dict[str, Any], located: Located,
             display: str, review: bool = False) -> Document:
    outline = library.outlines[document]
    problems: list[Diagnostic] = []
    sections = []
    for outline_section, clauses in select(library, document, context):
        nodes = []
        for clause in clauses:
            try:
                markdown = render_clause(clause, context, located, display)
            except DiagnosticError as exc:
                problems.extend(exc.diagnostics)
                continue
            title = render_line(clause.meta.title, context)
            nodes.append(ClauseNode(clause.id, title, clause.meta.heading, parse_markdown(markdown),
                                    provenance(clause, context, library)))
        if nodes:
            title = render_line(outline_section.title, context)
            sections.append(Section(outline_section.id, title, tuple(nodes), outline_section.annex,
                                    outline_section.role))
    if not sections and not problems:
        problems.append(Diagnostic(display, None, document,
                                   f"Aucune clause de la bibliothèque ne s’applique au document « {document} »."))
    if problems:
        raise DiagnosticError(sorted(set(problems)))
    org = context["organisation"]
    date = context["revision"]["derniere_revision"] or context["revision"]["en_vigueur"]
    short_title = render_line(outline.short_title, context)
    doc = Document(
        kind=document,
        title=render_line(outline.title, context),
        organisation=org["nom"],
        short_title=short_title,
        sections=tuple(sections),
        author=org["nom"],
        subject=short_title,
        keywords=("médias sociaux", short_title, org["nom_court"]),
        date=date,
        timestamp=timestamp(date),
        review=review,
    )
    return typeset(number(doc, outline))
