"""The list of changed articles that `policygen lois --verifier` reads, and what in the library cites them.

The maintainers keep a small YAML file of the articles LégisQuébec shows as amended,
repealed or not yet in force since they were last read:

    changements:
      - loi: renseignements-sante     # an id of templates/data/lois.yaml
        articles: ["108"]             # none: the whole law
        nature: modifie               # modifie, abroge or non_en_vigueur
        depuis: 2026-01-01            # optional: the date of the change
        note: Ce qui a changé, en une phrase.   # optional

`load_changes` checks it against the library (every problem located, in French);
`citers` lists the rules and clauses that cite a changed article.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from ..diagnostics import Diagnostic, DiagnosticError, display_path
from ..orgfile.validation import schema_diagnostics, suggest
from ..orgfile.yamlsource import read_yaml
from .obligations import cites
from .schema import LegalRef, Library

NATURES = {"modifie": "modifié", "abroge": "abrogé", "non_en_vigueur": "pas encore en vigueur"}


class Change(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    loi: str
    articles: list[str] = []
    nature: Literal["modifie", "abroge", "non_en_vigueur"]
    depuis: dt.date | None = None
    note: str = ""

    @property
    def ref(self) -> LegalRef:
        return LegalRef(law=self.loi, articles=self.articles)


class ChangeFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    changements: list[Change] = []


def load_changes(path: Path, library: Library) -> list[Change]:
    """The changes listed in `path`; raises `DiagnosticError` with every problem (file, line, fix)."""
    where = display_path(path)
    located, problems = read_yaml(path, where, "library")
    if located is None or problems:
        raise DiagnosticError(problems)
    try:
        changes = ChangeFile.model_validate(located.data or {}).changements
    except ValidationError as exc:
        raise DiagnosticError(schema_diagnostics(exc, located, where, ChangeFile, "library",
                                                 "l’exemple de « policygen lois --help »")) from exc
    for index, change in enumerate(changes):
        law = library.laws.get(change.loi)
        if law is None:
            problems.append(Diagnostic(where, located.line_of(("changements", index, "loi")), "changements.loi",
                                       f"Loi inconnue « {change.loi} ».",
                                       suggest(change.loi, sorted(library.laws)) or
                                       "Les identifiants sont ceux de templates/data/lois.yaml.", code="library.law"))
            continue
        for position, article in enumerate(change.articles):
            if article not in (law.get("articles") or {}):
                problems.append(Diagnostic(where, located.line_of(("changements", index, "articles", position)),
                                           "changements.articles",
                                           f"L’article {article} n’est pas répertorié pour « {change.loi} » : "
                                           "aucune clause ne peut le citer.",
                                           "Vérifiez le numéro, ou ajoutez l’article à templates/data/lois.yaml.",
                                           code="library.law"))
    if problems:
        raise DiagnosticError(problems)
    return changes


def citers(library: Library, change: Change) -> tuple[list[str], list[str]]:
    """The rules whose basis cites the changed article, and the clauses that cite it or print such a rule."""
    rules = [r.id for r in library.rules.values() if any(cites(ref, change.ref) for ref in r.meta.fondement.lois)]
    clauses = [c.id for c in library.clauses
               if any(cites(ref, change.ref) for ref in c.meta.legal) or set(c.rules) & set(rules)]
    return rules, clauses
