"""The output name of an organisation file: a safe folder name, unique in one command.

The name comes from the file's name (`cisss-laurentides.yaml` → `cisss-laurentides`),
reduced to lower-case ASCII letters, digits and hyphens: accents are dropped
(« Lévis » → « levis »), and separators, dots, control characters and undecodable
bytes become hyphens, so the folder is always a single name inside the output folder
(never `.` or `..`). Two files of one command that reduce to the same name would
overwrite each other's documents: that is an error, reported before anything is built.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from ..diagnostics import Diagnostic

DEFAULT = "organisation"
MAX_LENGTH = 80
_OTHER = re.compile(r"[^a-z0-9]+")


def slug(path: Path) -> str:
    """The folder name of `path`'s documents."""
    name = path.name.removesuffix(".yaml").removesuffix(".yml")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _OTHER.sub("-", ascii_name.lower()).strip("-")[:MAX_LENGTH].strip("-") or DEFAULT


def conflicts(files: Iterable[tuple[Path, str]]) -> list[Diagnostic]:
    """An error for every file whose output name another file of the command already has.

    `files` are (path, name as displayed)."""
    first: dict[str, str] = {}
    problems = []
    for path, display in files:
        name = slug(path)
        if name in first:
            problems.append(Diagnostic(
                display, None, "",
                f"Ce fichier et {first[name]} écriraient leurs documents dans le même dossier « {name} ».",
                "Renommez l’un des deux fichiers (le nom du dossier vient du nom du fichier), "
                "ou produisez-les par deux commandes avec des --out différents.", code="organisation.output"))
        else:
            first[name] = display
    return problems
