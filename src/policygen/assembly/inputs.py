"""The organisation files of one command, loaded and checked against the library.

Every file is read and validated before anything is assembled, so one run
reports every problem of every file at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, DiagnosticError, display_path
from ..library.schema import Library
from ..orgfile.naming import slug
from ..orgfile.schema import OrganisationFile
from ..orgfile.validation import load_organisation, suggest
from ..orgfile.yamlsource import Located


@dataclass(frozen=True, eq=False)  # identity: used as a key per file
class Loaded:
    path: Path
    display: str
    organisation: OrganisationFile
    located: Located

    @property
    def slug(self) -> str:
        return slug(self.path)


def _cross_check(loaded: Loaded, library: Library) -> list[Diagnostic]:
    """Checks that need the library: laws named in the file must be known."""
    problems = []
    for index, law in enumerate(loaded.organisation.fondements.lois):
        if law not in library.laws:
            path = ("fondements", "lois", index)
            problems.append(Diagnostic(loaded.display, loaded.located.line_of(path), "fondements.lois",
                                       f"Loi inconnue : « {law} ».",
                                       suggest(law, sorted(library.laws)) or
                                       "Les identifiants connus sont dans templates/data/lois.yaml.",
                                       code="organisation.law"))
    return problems


def load_all(paths: list[Path], library: Library) -> tuple[list[Loaded], list[Diagnostic]]:
    """Load every file; return the valid ones and every problem of the others."""
    loaded, problems = [], []
    for path in paths:
        try:
            organisation, located = load_organisation(path)
        except DiagnosticError as exc:
            problems.extend(exc.diagnostics)
            continue
        item = Loaded(path, display_path(path), organisation, located)
        cross = _cross_check(item, library)
        problems.extend(cross)
        if not cross:
            loaded.append(item)
    return loaded, problems
