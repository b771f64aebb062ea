"""The clause library: clause files, document outlines and reference data.

A clause is a Markdown file whose YAML front matter says what it is; its body
is Markdown with Jinja variables. `load_library` reads everything under
`templates/` and lints it, reporting a broken library like a broken
organisation file: every problem, with file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import TemplateSyntaxError, nodes
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .diagnostics import Diagnostic, DiagnosticError, display_path
from .templating import environment
from .yamlsource import Located, dotted, load_yaml, read_yaml

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

DOCUMENTS = ("politique", "netiquette", "fiche-synthese")


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(_Meta):
    source: str
    sections: list[str] = Field(min_length=1)


class LegalRef(_Meta):
    law: str
    articles: list[str] = []


class ClauseMeta(_Meta):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    title: str = Field(min_length=1)
    documents: dict[str, str] = Field(min_length=1)
    order: int = 100
    heading: bool = False
    when: str = "true"
    variables: list[str] = []
    sources: list[SourceRef] = Field(min_length=1)
    legal: list[LegalRef] = []
    version: int = Field(default=1, ge=1)


class OutlineSection(_Meta):
    id: str
    title: str
    annex: bool = False
    role: str = "body"  # « metadata » for the identification block


class Outline(_Meta):
    id: str
    title: str
    short_title: str
    numbered: bool = False
    sections: list[OutlineSection] = Field(min_length=1)


@dataclass(frozen=True)
class Clause:
    """One clause file, parsed and compiled."""

    meta: ClauseMeta
    body: str
    path: Path
    body_line: int  # line of the file where the body starts
    template: Any = field(compare=False, repr=False)
    condition: Any = field(compare=False, repr=False)

    @property
    def id(self) -> str:
        return self.meta.id


@dataclass(frozen=True)
class Library:
    clauses: tuple[Clause, ...]
    outlines: dict[str, Outline]
    sources: list[dict[str, Any]]
    laws: dict[str, dict[str, Any]]
    terms: dict[str, dict[str, str]]
    version: str

    def clause(self, clause_id: str) -> Clause:
        return next(c for c in self.clauses if c.id == clause_id)


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
    from .lint import lint  # lint needs the loaded library; imported late to keep layers one-way

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


def referenced_paths(ast: nodes.Template | nodes.Node) -> set[tuple[str, ...]]:
    """Every `name.attr.attr` chain read from the context by a template or expression."""
    assigned = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    if any(True for _ in ast.find_all(nodes.For)):
        assigned.add("loop")  # Jinja's implicit loop variable, not a context name
    chains: set[tuple[str, ...]] = set()
    for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Name)):
        chain: list[str] = []
        current = node
        while isinstance(current, (nodes.Getattr, nodes.Getitem)):
            if isinstance(current, nodes.Getattr):
                chain.append(current.attr)
            elif isinstance(current.arg, nodes.Const) and isinstance(current.arg.value, str):
                chain.append(current.arg.value)
            else:
                chain.clear()
            current = current.node
        if isinstance(current, nodes.Name) and current.ctx == "load" and current.name not in assigned:
            chains.add((current.name, *reversed(chain)))
    # Keep the longest chains only: `a.b` is read as part of `a.b.c`.
    return {c for c in chains if not any(len(o) > len(c) and o[:len(c)] == c for o in chains)}
