"""The legal department's commands: `policygen conformite` and `policygen lois --verifier`.

`conformite` is the table of each body's obligations: 

each obligation of `templates/data/obligations.yaml` → the rules and clauses of the
body's politique that meet it, with their section numbers as the politique prints
them; « non applicable » with the reason; or « non couverte » (which `build --final`
refuses: finding `organisation.obligation`). `lois --verifier` reads the maintainers'
list of changed articles (`library.changes`) and lists what cites each: rules, clauses,
and, for the organisation files given, each body's documents and their sections.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..assembly.assemble import documents_for
from ..assembly.conformity import citation, citations, section_label
from ..assembly.inputs import load_all
from ..diagnostics import Diagnostic, DiagnosticError, display_path
from ..french import long_date
from ..library.changes import NATURES, Change, citers, load_changes
from ..library.obligations import cites
from ..library.obligations import POLITIQUE
from ..library.schema import Library
from .legaltable import Table, table_for
from .service import BuildOptions, library

def conformity_tables(paths: list[Path], options: BuildOptions) -> list[Table]:
    """The table of each file, from its politique as a build would assemble it.

    Raises `LibraryInvalid` or `DiagnosticError` (every problem) as `check` does."""
    lib = library(options.library_dir)
    if POLITIQUE not in lib.outlines:
        raise DiagnosticError([Diagnostic(display_path(options.library_dir / "outlines"), None, "",
                                          f"La bibliothèque n’a pas de plan « {POLITIQUE} » : les obligations "
                                          "portent sur la politique, aucun tableau ne peut être dressé.",
                                          f"Ajoutez outlines/{POLITIQUE}.yaml à la bibliothèque.",
                                          code="library.outline")])
    loaded, problems = load_all(paths, lib)
    tables = []
    for item in loaded:
        try:
            politique = documents_for(item, lib, [POLITIQUE])[0]
        except DiagnosticError as exc:
            problems += exc.diagnostics
            continue
        tables.append(table_for(item, politique, lib))
    if problems:
        raise DiagnosticError(problems)
    return tables


@dataclass(frozen=True)
class Impact:
    """What one changed article touches: rules, clauses, and each body's documents with their sections."""

    change: Change
    rules: list[str]
    clauses: list[str]
    documents: list[tuple[str, str, list[str]]]  # (body's file, document, section numbers), in order
    library: Library

    def text(self) -> str:
        change = self.change
        when = f" depuis le {long_date(change.depuis)}" if change.depuis else ""
        out = [f"{citation(change.ref, self.library)} : {NATURES[change.nature]}{when}"
               + (f" — {change.note}" if change.note else "")]
        out.append(f"  Règles : {', '.join(self.rules) or 'aucune'}")
        out.append(f"  Clauses : {', '.join(self.clauses) or 'aucune'}")
        for display, kind, sections in self.documents:
            out.append(f"  {display} : {kind}, section{'s' if len(sections) > 1 else ''} {', '.join(map(section_label, sections))}")
        return "\n".join(out)


def law_changes(changes: Path, paths: list[Path], options: BuildOptions) -> list[Impact]:
    """For each change listed in `changes`, what cites it; bodies' documents as a build assembles them.

    Raises `LibraryInvalid` or `DiagnosticError` (every problem of the list and of the files)."""
    lib = library(options.library_dir)
    listed = load_changes(changes, lib)
    loaded, problems = load_all(paths, lib)
    built = []
    for item in loaded:
        try:
            built.append((item, documents_for(item, lib, list(lib.documents))))
        except DiagnosticError as exc:
            problems += exc.diagnostics
    if problems:
        raise DiagnosticError(problems)
    impacts = []
    for change in listed:
        touched = []
        for item, documents in built:
            body, layered = item.organisation.organisation, item.local.layered(lib)
            for document in documents:
                sections = [clause.number or section.number or section.label
                            for section in document.sections for clause in section.clauses
                            if any(cites(ref, change.ref)
                                   for _, _, ref in citations(clause, layered, body.type, body.secteur))]
                if sections:
                    touched.append((item.display, document.kind, list(dict.fromkeys(sections))))
        impacts.append(Impact(change, *citers(lib, change), touched, lib))
    return impacts
