"""The clause library: clause files, document outlines and reference data.

A clause is a Markdown file whose YAML front matter says what it is; its body
is Markdown with Jinja variables. `load_library` reads everything under
`templates/` and lints it, reporting a broken library like a broken
organisation file: every problem, with file and line.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError
from pydantic import ValidationError

from ..diagnostics import Diagnostic, DiagnosticError, display_path
from ..orgfile.validation import schema_diagnostics
from ..orgfile.yamlsource import Located, load_yaml, read_text, read_yaml
from ..resources import TEMPLATES
from .language import environment
from .lint import lint
from .schema import Clause, ClauseMeta, Library, Outline


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line where the body starts), or None without front matter."""
    match = re.match(r"---\n(.*?\n)---\n", text, re.S)
    if not match:
        return None
    return match.group(1), text[match.end():], match.group(0).count("\n") + 1


def _load_clause(path: Path, problems: list[Diagnostic]) -> Clause | None:
    display = display_path(path)
    text, unreadable = read_text(path, display, "library")
    problems.extend(unreadable)
    if text is None:
        return None
    parts = split_front_matter(text)
    if parts is None:
        problems.append(Diagnostic(display, 1, "",
                                   "La clause doit commencer par un en-tête YAML entre deux lignes « --- ».",
                                   code="library.front-matter"))
        return None
    front, body, body_line = parts
    located, yaml_problems = load_yaml(front, display, "library")
    # the front matter starts on line 2, below its « --- »
    problems.extend(dataclasses.replace(d, line=(d.line or 0) + 1) for d in yaml_problems)
    if located is None or yaml_problems:
        return None
    try:
        meta = ClauseMeta.model_validate(located.data)
    except ValidationError as exc:
        problems.extend(schema_diagnostics(exc, located, display, ClauseMeta, "library",
                                           "l’en-tête d’une clause voisine", first_line=2))
        return None
    env = environment()
    try:
        template = env.from_string(body)
        condition = env.compile_expression(meta.when, undefined_to_none=False)
    except TemplateSyntaxError as exc:
        line = body_line + (exc.lineno or 1) - 1
        problems.append(Diagnostic(display, line, "", f"Gabarit Jinja invalide : {exc.message}",
                                   code="library.template"))
        return None
    return Clause(meta, body, path, body_line, template, condition, located)


def _read_located(path: Path, problems: list[Diagnostic]) -> Located | None:
    located, yaml_problems = read_yaml(path, display_path(path), "library")
    problems.extend(yaml_problems)
    return located


def _read_data(path: Path, problems: list[Diagnostic]) -> Any:
    located = _read_located(path, problems)
    return None if located is None else located.data


@cache
def load_library(root: Path = TEMPLATES) -> Library:
    """Load and lint the whole library under `root`; cached per process."""
    problems: list[Diagnostic] = []
    outlines: dict[str, Outline] = {}
    for path in sorted((root / "outlines").glob("*.yaml")):
        data = _read_located(path, problems)
        if data is None:
            continue
        try:
            outline = Outline.model_validate(data.data)
        except ValidationError as exc:
            problems.extend(schema_diagnostics(exc, data, display_path(path), Outline, "library",
                                               "un autre plan de templates/outlines/"))
            continue
        outlines[outline.id] = outline
    clauses = [c for p in sorted((root / "clauses").rglob("*.md")) if (c := _load_clause(p, problems))]
    data_dir = root / "data"
    sources = (_read_data(data_dir / "sources.yaml", problems) or {}).get("sources", [])
    laws = {law["id"]: law for law in (_read_data(data_dir / "lois.yaml", problems) or {}).get("lois", [])}
    terms = _read_data(data_dir / "termes.yaml", problems) or {}
    version = str((_read_data(data_dir / "bibliotheque.yaml", problems) or {}).get("version", "0"))
    library = Library(tuple(sorted(clauses, key=lambda c: c.id)), outlines, sources, laws, terms, version)
    problems.extend(lint(library))
    if problems:
        raise DiagnosticError(problems)
    return library
