"""A clause filled with the organisation's values: Jinja -> Markdown, with located errors.

Values are escaped as data by the clause language; a value the file leaves
empty is reported with the field and its line, not as a template error. An
organisation's own clause is untrusted code: whatever its body, title or
condition does (divide by zero, recurse, go over the sandbox's bounds), the
answer is a diagnostic naming the clause file and line, never a crash.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from jinja2 import TemplateError

from ..diagnostics import Diagnostic, DiagnosticError, display_path
from ..library.language import LONG_WORD, MissingValue, environment, long_word_message
from ..library.reads import body_fields, value_at
from ..library.sandbox import TemplateLimit, holds, render
from ..library.schema import Clause
from ..model.nodes import Inline, Paragraph, inline_text
from ..orgfile.yamlsource import Located
from .parse import parse_markdown

T = TypeVar("T")

# What a failure means, for the person who wrote the clause.
_REASONS: tuple[tuple[type[BaseException], str], ...] = (
    (ZeroDivisionError, "division par zéro"),
    (OverflowError, "nombre trop grand"),
    (RecursionError, "le gabarit s’appelle lui-même sans fin (boucle récursive ou macro)"),
    (MemoryError, "le gabarit demande trop de mémoire"),
    (TypeError, "opération entre des valeurs de types incompatibles (par exemple un nombre et un texte)"),
    (ValueError, "valeur impossible à convertir ou nombre trop long pour être écrit"),
    (LookupError, "élément ou clé absent"),
)
_NOT_PRINTED = re.compile(r"\]\(<[^>\n]*>\)|\\(?=[^\w\s])")  # link destinations, escaping backslashes
_PART = {"corps": "Le gabarit de la clause", "title": "Le titre de la clause", "when": "La condition de la clause"}


# Jinja's own messages, in French.
_JINJA = ((re.compile(r"'(.+)' is undefined"), "« {0} » n’est pas défini"),
          (re.compile(r"has no attribute '(.+)'"), "l’attribut « {0} » n’existe pas"),
          (re.compile(r"access to attribute '(.+)' of '(.+)' object is unsafe"),
           "l’attribut « {0} » n’est pas permis dans un gabarit (heure, hasard ou fonctionnement interne)"),
          (re.compile(r"is not safely callable"), "cet appel n’est pas permis dans un gabarit"))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, TemplateError) and exc.message:
        return next((french.format(*match.groups()) for pattern, french in _JINJA
                     if (match := pattern.search(exc.message))), exc.message.rstrip("."))
    return next((text for kind, text in _REASONS if isinstance(exc, kind)), f"erreur imprévue ({type(exc).__name__})")


def _line(clause: Clause, part: str) -> int:
    return clause.body_line if part == "corps" else clause.line_of((part,))


def _limit_code(clause: Clause) -> str:
    return f"{'organisation' if clause.origin == 'organisation' else 'library'}.limit"


def guarded(clause: Clause, part: str, run: Callable[[], T]) -> T:
    """`run()`, with any failure of the clause's template (`part`: « corps », « title » or
    « when ») turned into a diagnostic located at that part of the clause file."""
    try:
        return run()
    except (MissingValue, DiagnosticError):
        raise
    except TemplateLimit as exc:
        raise DiagnosticError([Diagnostic(display_path(clause.path), _line(clause, part), f"{clause.id}: {part}",
                                          f"{_PART[part]} dépasse une limite : {exc.message}.",
                                          "Simplifiez le gabarit : une clause n’a besoin que des valeurs du "
                                          "fichier d’organisation et de courtes boucles sur ses listes.",
                                          code=_limit_code(clause))]) from None
    except Exception as exc:  # noqa: BLE001 - any failure of an untrusted template is the clause's
        raise DiagnosticError([Diagnostic(display_path(clause.path), _line(clause, part), f"{clause.id}: {part}",
                                          f"{_PART[part]} échoue : {_reason(exc)}.",
                                          "Corrigez cette partie de la clause.", code="render.template")]) from None


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


def _words_fit(clause: Clause, text: str) -> str:
    """`text`, unless it holds a word too long to lay out (the organisation file's limit)."""
    if (word := LONG_WORD.search(_NOT_PRINTED.sub("", text))) is not None:
        raise DiagnosticError([Diagnostic(display_path(clause.path), clause.body_line, f"{clause.id}: corps",
                                          long_word_message(word.group()), "Ajoutez les espaces qui manquent.",
                                          code=_limit_code(clause))])
    return text


def render_clause(clause: Clause, context: dict[str, Any], located: Located, display: str) -> str:
    try:
        return _words_fit(clause, guarded(clause, "corps", lambda: render(clause.template, context)))
    except MissingValue:
        raise DiagnosticError(_missing(clause, context, located, display)) from None


def render_title(clause: Clause, context: dict[str, Any], located: Located, display: str) -> tuple[Inline, ...]:
    try:
        title = guarded(clause, "title", lambda: line_inlines(clause.meta.title, context))
        _words_fit(clause, inline_text(title))
        return title
    except MissingValue:
        raise DiagnosticError(_missing(clause, context, located, display)) from None


def applies(clause: Clause, context: dict[str, Any]) -> bool:
    """Whether the clause's `when` condition holds for this organisation."""
    return guarded(clause, "when", lambda: holds(clause.condition, context))


@lru_cache(maxsize=1024)
def _line_template(source: str):
    """A line's template, compiled once per process: every body's documents print the same titles."""
    return environment().template(source)


def line_inlines(source: str, context: dict[str, Any]) -> tuple[Inline, ...]:
    """A one-line template (a title) rendered and read as Markdown: its inlines, a French name in an English
    edition's title as `Foreign`."""
    blocks = parse_markdown(render(_line_template(source), context))
    return blocks[0].inlines if blocks and isinstance(blocks[0], Paragraph) else ()


def render_line(source: str, context: dict[str, Any]) -> str:
    """A one-line template (a title) as plain text: escaped values come back as the characters they are."""
    return inline_text(line_inlines(source, context))
