"""The organisation files of one command, loaded and checked against the library.

Every file is read and validated before anything is assembled, so one run
reports every problem of every file at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, DiagnosticError, display_path
from ..library.loader import load_local, organisation_folder
from ..library.schema import Library, Local
from ..orgfile.confirm import Pending, unmark
from ..orgfile.naming import slug
from ..orgfile.schema import OrganisationFile
from ..orgfile.unanswered import unanswered
from ..orgfile.validation import suggest, validate
from ..orgfile.yamlsource import Located, read_yaml


@dataclass(frozen=True, eq=False)  # identity: used as a key per file
class Loaded:
    path: Path
    display: str
    organisation: OrganisationFile
    located: Located
    local: Local = field(default_factory=Local)  # its own laws and clauses (organisations/<slug>/)
    pending: tuple[Pending, ...] = ()  # its values still « (à confirmer) »

    @property
    def slug(self) -> str:
        return slug(self.path)


def _cross_check(loaded: Loaded, library: Library) -> list[Diagnostic]:
    """Checks that need the library: laws named in the file must be known (to it or to the file's folder)."""
    problems = []
    laws = loaded.local.layered(library).laws
    for index, law in enumerate(loaded.organisation.fondements.lois):
        if law not in laws:
            path = ("fondements", "lois", index)
            problems.append(Diagnostic(loaded.display, loaded.located.line_of(path), "fondements.lois",
                                       f"Loi inconnue : « {law} ».",
                                       suggest(law, sorted(laws)) or
                                       "Les identifiants connus sont dans templates/data/lois.yaml ; "
                                       f"ajoutez une loi propre à l’organisme dans "
                                       f"{display_path(organisation_folder(loaded.path))}/lois.yaml.",
                                       code="organisation.law"))
    return problems


def load_all(paths: list[Path], library: Library) -> tuple[list[Loaded], list[Diagnostic]]:
    """Load every file; return the valid ones and every problem of the others."""
    loaded, problems = [], []
    for path in paths:
        display = display_path(path)
        located, read_problems = read_yaml(path, display)
        if located is None or read_problems:
            problems.extend(read_problems)
            continue
        pending = unmark(located)  # « (à confirmer) » is not part of the value to validate
        pending += unanswered(located, pending)  # left out where the documents must say it: printed marked
        try:
            organisation = validate(located, display)
        except DiagnosticError as exc:
            problems.extend(exc.diagnostics)
            organisation = None
        try:
            local = load_local(organisation_folder(path), library)
        except DiagnosticError as exc:
            problems.extend(exc.diagnostics)
            continue
        if organisation is None:
            continue
        item = Loaded(path, display, organisation, located, local, tuple(pending))
        cross = _cross_check(item, library)
        problems.extend(cross)
        if not cross:
            loaded.append(item)
    return loaded, problems
