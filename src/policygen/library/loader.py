"""The clause library: clause files, document outlines and reference data.

A clause is a Markdown file whose YAML front matter says what it is; its body
is Markdown with Jinja variables. `load_library` reads everything under
`templates/` and lints it, reporting a broken library like a broken
organisation file: every problem, with file and line.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError
from pydantic import ValidationError

from ..diagnostics import Diagnostic, DiagnosticError, display_path
from ..orgfile.yamlsource import Located, dotted, load_yaml, read_yaml
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


def _schema_errors(exc: ValidationError, located: Located, display: str, offset: int) -> list[Diagnostic]:
    out = []
    for error in exc.errors():
        path = tuple(error["loc"])
        line = located.line_of(path)
        out.append(Diagnostic(display, None if line is None else line + offset, dotted(path),
                              f"{error['msg']} (trouvé : {error.get('input')!r})"))
    return out


def _load_clause(path: Path, problems: list[Diagnostic]) -> Clause | None:
    display = display_path(path)
    parts = split_front_matter(path.read_text(encoding="utf-8"))
    if parts is None:
        problems.append(Diagnostic(display, 1, "", "La clause doit commencer par un en-tête YAML entre deux lignes « --- »."))
        return None
    front, body, body_line = parts
    located, yaml_problems = load_yaml(front, display)
    if located is None:
        problems.extend(Diagnostic(d.path, (d.line or 0) + 1, d.field, d.message, d.hint) for d in yaml_problems)
        return None
    try:
        meta = ClauseMeta.model_validate(located.data)
    except ValidationError as exc:
        problems.extend(_schema_errors(exc, located, display, 1))
        return None
    env = environment()
    try:
        template = env.from_string(body)
        condition = env.compile_expression(meta.when, undefined_to_none=False)
    except TemplateSyntaxError as exc:
        line = body_line + (exc.lineno or 1) - 1
        problems.append(Diagnostic(display, line, "", f"Gabarit Jinja invalide : {exc.message}"))
        return None
    return Clause(meta, body, path, body_line, template, condition)


def _read_located(path: Path, problems: list[Diagnostic]) -> Located | None:
    located, yaml_problems = read_yaml(path, display_path(path))
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
            problems.extend(_schema_errors(exc, data, display_path(path), 0))
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
