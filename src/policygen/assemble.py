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

from jinja2 import UndefinedError

from .diagnostics import Diagnostic, DiagnosticError, display_path
from .library import Clause, Library, Outline
from .model import Clause as ClauseNode
from .model import Document, Paragraph, Provenance, Section, inline_text
from .parse import parse_markdown
from .templating import MissingValue, environment
from .typography import typeset
from .yamlsource import Located


def resolve(context: dict[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = context
    for part in path:
        value = value.get(part) if isinstance(value, dict) else getattr(value, part, None)
        if value is None:
            return None
    return value


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
    """Explain a MissingValue: which declared variables are empty in the organisation file."""
    empty = [v for v in clause.meta.variables if resolve(context, tuple(v.split("."))) is None]
    if not empty:
        return [Diagnostic(display, None, clause.id,
                           f"La clause « {clause.meta.title} » a besoin d’une valeur que le fichier laisse vide.")]
    return [Diagnostic(display, located.line_of(tuple(v.split("."))), v,
                       f"Ce champ est vide, mais la clause « {clause.meta.title} » en a besoin.",
                       "Remplissez-le dans le fichier d’organisation.") for v in empty]


def render_clause(clause: Clause, context: dict[str, Any], located: Located, display: str) -> str:
    try:
        return clause.template.render(context)
    except MissingValue:
        raise DiagnosticError(_missing(clause, context, located, display)) from None
    except UndefinedError as exc:  # the lint makes this unreachable for a linted library
        raise DiagnosticError([Diagnostic(display_path(clause.path), clause.body_line, clause.id,
                                          f"Variable inconnue : {exc.message}")]) from None


def provenance(clause: Clause, context: dict[str, Any]) -> Provenance:
    meta = clause.meta
    return Provenance(
        clause_id=meta.id, version=meta.version,
        sources=tuple((s.source, tuple(s.sections)) for s in meta.sources),
        legal=tuple((ref.law, tuple(ref.articles)) for ref in meta.legal),
        variables=tuple((v, str(resolve(context, tuple(v.split("."))))) for v in meta.variables),
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
                                    provenance(clause, context)))
        if nodes:
            title = render_line(outline_section.title, context)
            sections.append(Section(outline_section.id, title, tuple(nodes), outline_section.annex,
                                    outline_section.role))
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
