"""The build manifest: what went into an organisation's outputs, and their hashes.

`manifest.json` lets a reviewer tell whether two sets of documents come from
the same organisation file, the same library and the same clause versions.
It holds no clock time, so the same input gives the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import visible
from ..library.lint import ORGANISATION_SOURCE
from ..library.loader import organisation_folder
from ..model.nodes import Document, Provenance
from .cache import INPUT_BYTES, digest, hash_of, own_file_hashes, policygen_version, read_bounded

NAME = "manifest.json"


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
            "policygen": policygen_version(),
            # a name that is not UTF-8 is written with its bytes escaped (« caf\\xe9.yaml »)
            "fichier_organisation": {"nom": visible(self.organisation_file.name),
                                     "sha256": hash_of(self.organisation_file)},
            "bibliotheque": {"version": self.library_version},
            # the organisation's own laws and clauses (organisations/<slug>/), when it has some
            **({"fichiers_organisme": own} if (own := self._own_files()) else {}),
            "revision": self.review,
            "documents": {
                document.kind: {
                    "clauses": [_clause(c.provenance) for s in document.sections for c in s.clauses],
                    "fichiers": {p.name: digest(p.read_bytes())
                                 for p in sorted(folder.glob(f"{document.kind}.*")) if p.stem == document.kind},
                } for document in documents
            },
        }

    def _own_files(self) -> dict[str, str]:
        return own_file_hashes(organisation_folder(self.organisation_file))

    def write(self, folder: Path, documents: list[Document]) -> None:
        text = json.dumps(self.content(folder, documents), ensure_ascii=False, indent=2, sort_keys=True)
        (folder / NAME).write_text(text + "\n", encoding="utf-8")


def recorded(folder: Path) -> dict[str, str]:
    """{file name: sha256} of the files the manifest in `folder` lists (none if it is unreadable,
    not a regular file, too large or not a manifest: it is untrusted, only ever compared)."""
    data = read_bounded(folder / NAME, INPUT_BYTES)
    try:
        content = json.loads((data or b"").decode("utf-8"))
        return {str(name): str(sha) for document in content["documents"].values()
                for name, sha in document["fichiers"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}


def listed(folder: Path) -> set[str]:
    """The names the manifest in `folder` says a previous build wrote there."""
    return set(recorded(folder))
