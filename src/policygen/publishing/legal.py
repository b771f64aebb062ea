"""`policygen conformite`: the legal department's table, for each body.

Each obligation of `templates/data/obligations.yaml` → the rules and clauses of the
body's politique that meet it, with their section numbers as the politique prints
them; « non applicable » with the reason; or « non couverte » (which `build --final`
refuses: finding `organisation.obligation`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..assembly.assemble import documents_for
from ..assembly.conformity import Row, citation, conformity
from ..assembly.inputs import load_all
from ..diagnostics import DiagnosticError, plural
from ..library.obligations import POLITIQUE
from ..library.schema import Library
from .service import BuildOptions, library

_SCOPE = {"enonce": "à énoncer", "non_contradiction": "à ne pas contredire"}


@dataclass(frozen=True)
class Table:
    """One body's table: its file, its name, and a row per obligation."""

    display: str
    organisation: str
    rows: list[Row]
    library: Library

    @property
    def complete(self) -> bool:
        return all(row.status != "non couverte" for row in self.rows)

    def text(self) -> str:
        out = [f"Conformité de la politique — {self.organisation} ({self.display})", ""]
        for row in self.rows:
            obligation = row.obligation
            out.append(f"- {obligation.titre} — {citation(obligation, self.library)} "
                       f"({_SCOPE[obligation.portee]})")
            if row.status == "couverte":
                met = ", ".join(f"{m.kind} {m.id} (section {m.section})" for m in row.met_by)
                out.append(f"    couverte par : {met}")
            elif row.status == "non applicable":
                out.append(f"    non applicable : {row.reason}")
            else:
                out.append(f"    NON COUVERTE : {obligation.exige}")
        count = {status: sum(1 for r in self.rows if r.status == status)
                 for status in ("couverte", "non applicable", "non couverte")}
        out += ["", f"Bilan : {plural(count['couverte'], 'obligation couverte', 'obligations couvertes')}, "
                f"{plural(count['non applicable'], 'non applicable')}, "
                f"{plural(count['non couverte'], 'non couverte')}."]
        return "\n".join(out)


def conformity_tables(paths: list[Path], options: BuildOptions) -> list[Table]:
    """The table of each file, from its politique as a build would assemble it.

    Raises `LibraryInvalid` or `DiagnosticError` (every problem) as `check` does."""
    lib = library(options.library_dir)
    loaded, problems = load_all(paths, lib)
    tables = []
    for item in loaded:
        try:
            politique = documents_for(item, lib, [POLITIQUE])[0]
        except DiagnosticError as exc:
            problems += exc.diagnostics
            continue
        layered = item.local.layered(lib)
        tables.append(Table(item.display, politique.organisation,
                            conformity(item.organisation, politique, layered), layered))
    if problems:
        raise DiagnosticError(problems)
    return tables
