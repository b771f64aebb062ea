"""The build manifest: what went into an organisation's outputs, and their hashes.

`manifest.json` lets a reviewer tell whether two sets of documents come from
the same organisation file, the same library and the same clause versions.
It holds no clock time, so the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from ..library.lint import ORGANISATION_SOURCE
from ..library.loader import organisation_folder
from ..model.nodes import Document, Provenance

NAME = "manifest.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _clause(provenance: Provenance) -> dict:
    """A clause's entry; an organisation's own clause says so, and which library clause it replaces."""
    entry: dict = {"id": provenance.clause_id, "version": provenance.version}
    if any(source.id == ORGANISATION_SOURCE for source in provenance.sources):
        entry["origine"] = "organisation"
    if provenance.replaces:
        entry["remplace"] = provenance.replaces
    if provenance.rules:  # the rulebook's rules the clause states (templates/data/regles.yaml)
        entry["regles"] = [rule.id for rule in provenance.rules]
    return entry


@dataclass(frozen=True)
class Manifest:
    organisation_file: Path
    library_version: str
    review: bool = False

    def content(self, folder: Path, documents: list[Document]) -> dict:
        """The manifest of `documents`, whose output files are in `folder`."""
        return {
            "policygen": version("policygen"),
            "fichier_organisation": {"nom": self.organisation_file.name,
                                     "sha256": sha256(self.organisation_file.read_bytes())},
            "bibliotheque": {"version": self.library_version},
            # the organisation's own laws and clauses (organisations/<slug>/), when it has some
            **({"fichiers_organisme": own} if (own := self._own_files()) else {}),
            "revision": self.review,
            "documents": {
                document.kind: {
                    "clauses": [_clause(c.provenance) for s in document.sections for c in s.clauses],
                    "fichiers": {p.name: sha256(p.read_bytes())
                                 for p in sorted(folder.glob(f"{document.kind}.*"))},
                } for document in documents
            },
        }

    def _own_files(self) -> dict[str, str]:
        folder = organisation_folder(self.organisation_file)
        if not folder.is_dir():
            return {}
        return {p.relative_to(folder).as_posix(): sha256(p.read_bytes())
                for p in sorted(folder.rglob("*")) if p.is_file()}

    def write(self, folder: Path, documents: list[Document]) -> None:
        text = json.dumps(self.content(folder, documents), ensure_ascii=False, indent=2, sort_keys=True)
        (folder / NAME).write_text(text + "\n", encoding="utf-8")


def listed(folder: Path) -> set[str]:
    """The files the manifest in `folder` says a previous build wrote there (none if unreadable)."""
    try:
        content = json.loads((folder / NAME).read_text(encoding="utf-8"))
        return {NAME} | {name for document in content["documents"].values() for name in document["fichiers"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return set()
