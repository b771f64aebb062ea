"""Organisation × library -> one document model per document.

`select` keeps the clauses whose condition holds, in outline order;
`render_clause` fills each with the organisation's values; `parse_markdown`
turns it into blocks; the outline's layout is copied in; `number`, `label` and
`typeset` finish the model every writer reads; a character the documents' font
lacks is refused there (`characters`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from ..diagnostics import Diagnostic, DiagnosticError
from ..library.context import build_context
from ..library.marks import mark_derived
from ..library.rules import RULE_FUNCTION, rule_printer
from ..library.schema import Library
from ..model.nodes import Clause as ClauseNode
from ..model.labels import label
from ..model.nodes import Document, Inline, Layout, Section, has_foreign, inline_text
from ..model.numbering import number
from ..model.typography import typeset
from ..orgfile.cadence import source_date
from ..orgfile.confirm import Unconfirmed, mark_context
from ..orgfile.fictitious import fictitious_pending
from ..orgfile.yamlsource import Located
from .characters import undrawable
from .edition import english_editions, with_alternates
from .inputs import Loaded
from .lawdates import stamp
from .parse import parse_markdown
from .provenance import provenance
from .render import line_inlines, render_clause, render_line, render_title
from .select import select


FRENCH = "fr-CA"


def timestamp(date: dt.date) -> dt.datetime:
    """File metadata time: SOURCE_DATE_EPOCH when set, else the document's own date."""
    return source_date() or dt.datetime.combine(date, dt.time(12, 0))


def _spans(title: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A title's inlines, kept where part of it is in another language (its plain text is all else needs)."""
    return title if has_foreign(title) else ()


def assemble(library: Library, document: str, context: dict[str, Any], located: Located,
             display: str, lang: str = FRENCH) -> Document:
    outline = library.outlines[document]
    problems: list[Diagnostic] = []
    context = {**context}  # this document's own printer of rules, in its voice
    context[RULE_FUNCTION] = rule_printer(library.rules, document, context)
    sections = []
    for outline_section, clauses in select(library, document, context):
        nodes = []
        for clause in clauses:
            try:
                markdown = render_clause(clause, context, located, display)
                title = render_title(clause, context, located, display)
            except DiagnosticError as exc:
                problems.extend(exc.diagnostics)
                continue
            nodes.append(ClauseNode(clause.id, inline_text(title), clause.meta.heading, parse_markdown(markdown),
                                    provenance(clause, context, library, markdown), title_inlines=_spans(title)))
        if nodes:
            title = line_inlines(outline_section.title, context)
            sections.append(Section(outline_section.id, inline_text(title), tuple(nodes), outline_section.annex,
                                    outline_section.role, title_inlines=_spans(title)))
    if not sections and not problems:
        problems.append(Diagnostic(display, None, document,
                                   f"Aucune clause de la bibliothèque ne s’applique au document « {document} ».",
                                   code="render.empty"))
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
        date_to_confirm=isinstance(date, Unconfirmed),
        timestamp=timestamp(date),
        layout=Layout(**outline.layout.model_dump()),
        lang=lang,
    )
    doc = label(number(stamp(doc, library.laws), outline.numbered))
    if lang == FRENCH:  # the OQLF's rules; an English edition keeps its text as written
        doc = typeset(doc)
    if problems := undrawable(doc, library, located, display):
        raise DiagnosticError(problems)
    return doc


def documents_for(loaded: Loaded, library: Library, documents: list[str]) -> list[Document]:
    """The organisation's documents, from `library` with its own laws and clauses laid over it."""
    library = loaded.local.layered(library)
    # an example's number in a help line is printed as a value to confirm, which the file did not mark
    pending = [*loaded.pending, *fictitious_pending(loaded.located, {p.path for p in loaded.pending})]
    context = mark_derived(mark_context(build_context(loaded.organisation, library), pending), pending)
    problems, result = [], []
    for document in documents:
        try:
            built = assemble(library, document, context, loaded.located, loaded.display)
            result.append(built)
        except DiagnosticError as exc:
            problems.extend(exc.diagnostics)
    try:
        result = with_alternates(result, english_editions(loaded, library, context, result, assemble))
    except DiagnosticError as exc:
        problems.extend(exc.diagnostics)
    if problems:
        raise DiagnosticError(sorted(set(problems)))
    # every document and edition carries the register's number in its footer, marked while the file marks it
    numero = loaded.organisation.revision.numero
    to_confirm = any(tuple(p.path) == ("revision", "numero") for p in loaded.pending)
    return [dataclasses.replace(d, number=str(numero or ""), number_to_confirm=to_confirm) for d in result]


def documents_for_all(loaded: list[Loaded], library: Library,
                      documents: list[str]) -> tuple[dict[Loaded, list[Document]], list[Diagnostic]]:
    """The documents of every loaded file, and every problem of the files that failed."""
    built, problems = {}, []
    for item in loaded:
        try:
            built[item] = documents_for(item, library, documents)
        except DiagnosticError as exc:
            problems.extend(exc.diagnostics)
    return built, problems
