"""A clause filled with the organisation's values: Jinja -> Markdown, with located errors.

Values are escaped as data by the clause language; a value the file leaves
empty is reported with the field and its line, not as a template error.
"""

from __future__ import annotations

from typing import Any

from jinja2 import TemplateError, UndefinedError

from ..diagnostics import Diagnostic, DiagnosticError, display_path
from ..library.language import MissingValue, environment
from ..library.reads import body_fields, value_at
from ..library.schema import Clause
from ..model.nodes import Paragraph, inline_text
from ..orgfile.yamlsource import Located
from .parse import parse_markdown


def _missing(clause: Clause, context: dict[str, Any], located: Located, display: str) -> list[Diagnostic]:
    """Explain a MissingValue: which fields read by the clause are empty in the organisation file."""
    empty = sorted(p for p in body_fields(clause) if value_at(context, p) is None)
    if not empty:
        return [Diagnostic(display, None, clause.id,
                           f"La clause « {clause.meta.title} » a besoin d’une valeur que le fichier laisse vide.",
                           code="render.missing")]
    return [Diagnostic(display, located.line_of(path), ".".join(path),
                       f"Ce champ est vide, mais la clause « {clause.meta.title} » en a besoin.",
                       "Remplissez-le dans le fichier d’organisation.", code="render.missing") for path in empty]


def render_clause(clause: Clause, context: dict[str, Any], located: Located, display: str) -> str:
    try:
        return clause.template.render(context)
    except MissingValue:
        raise DiagnosticError(_missing(clause, context, located, display)) from None
    except (UndefinedError, TemplateError) as exc:  # a library fault the lint cannot see before rendering
        raise DiagnosticError([Diagnostic(display_path(clause.path), clause.body_line, clause.id,
                                          f"Le gabarit de la clause échoue : {exc.message}",
                                          code="render.template")]) from None


def render_line(source: str, context: dict[str, Any]) -> str:
    """A one-line template (a title) as plain text: rendered, then read as Markdown
    so escaped values come back as the characters they are."""
    blocks = parse_markdown(environment().from_string(source).render(context))
    return inline_text(blocks[0].inlines) if blocks and isinstance(blocks[0], Paragraph) else ""
