"""The build: organisation files -> documents on disk, all or nothing.

Every file is loaded and checked before anything is written; each
organisation's outputs are written to a temporary folder beside the target
and moved into place only when all of them succeeded, so a failed build
leaves earlier outputs untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .assemble import assemble
from .context import build_context
from .diagnostics import Diagnostic, DiagnosticError, display_path
from .library import Library
from .manifest import Manifest
from .model import Document
from .organisation import OrganisationFile
from .validation import load_organisation, suggest
from .writers import WRITERS
from .yamlsource import Located


@dataclass(frozen=True, eq=False)  # identity: used as a key per file
class Loaded:
    path: Path
    display: str
    organisation: OrganisationFile
    located: Located

    @property
    def slug(self) -> str:
        return self.path.stem


def _cross_check(loaded: Loaded, library: Library) -> list[Diagnostic]:
    """Checks that need the library: laws named in the file must be known."""
    problems = []
    for index, law in enumerate(loaded.organisation.fondements.lois):
        if law not in library.laws:
            path = ("fondements", "lois", index)
            problems.append(Diagnostic(loaded.display, loaded.located.line_of(path), "fondements.lois",
                                       f"Loi inconnue : « {law} ».",
                                       suggest(law, sorted(library.laws)) or
                                       "Les identifiants connus sont dans templates/data/lois.yaml."))
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


def documents_for(loaded: Loaded, library: Library, documents: list[str], review: bool = False) -> list[Document]:
    context = build_context(loaded.organisation, library)
    problems, result = [], []
    for document in documents:
        try:
            result.append(assemble(library, document, context, loaded.located, loaded.display, review))
        except DiagnosticError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        raise DiagnosticError(sorted(set(problems)))
    return result


def publish(target: Path, produce: Callable[[Path], None]) -> list[Path]:
    """Let `produce` write files into a staging folder, then move them all into `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        produce(staging)
        target.mkdir(exist_ok=True)
        written = []
        for produced in sorted(staging.iterdir()):
            os.replace(produced, target / produced.name)
            written.append(target / produced.name)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def documents_for_all(loaded: list[Loaded], library: Library, documents: list[str],
                      review: bool = False) -> tuple[dict[Loaded, list[Document]], list[Diagnostic]]:
    """The documents of every loaded file, and every problem of the files that failed."""
    built, problems = {}, []
    for item in loaded:
        try:
            built[item] = documents_for(item, library, documents, review)
        except DiagnosticError as exc:
            problems.extend(exc.diagnostics)
    return built, problems


def write_outputs(target: Path, documents: list[Document], formats: list[str],
                  manifest: Manifest | None = None) -> list[Path]:
    """Write every document in every format (and the manifest) into `target`, atomically per file set."""
    def produce(staging: Path) -> None:
        for document in documents:
            for fmt in formats:
                WRITERS[fmt](document, staging / f"{document.kind}.{fmt}")
        if manifest is not None:
            manifest.write(staging, documents)
    return publish(target, produce)
