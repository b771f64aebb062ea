"""A body's own law cited with a placeholder (« r. [numéro à confirmer] ») keeps its documents drafts.

The file's own values still to confirm are findings (`orgfile.confirm`); a law of the body's folder
(lois.yaml) is not the file, and its placeholder was printed in a document with no « Projet » mark
(reader 7, OI-4). The same finding, on that law's line, marks the documents and stops `--final`.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, display_path
from ..library.loader import LAWS_FILE, organisation_folder
from .inputs import Loaded

PLACEHOLDER = "à confirmer"
_FIELDS = ("title", "citation", "url")


def own_law_placeholders(item: Loaded) -> list[Diagnostic]:
    """One finding per field of the body's own laws that still holds « à confirmer »."""
    path = organisation_folder(item.path) / LAWS_FILE
    if not item.local.laws or not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    found = []
    for law_id, law in item.local.laws.items():
        for name in _FIELDS:
            value = str(law.get(name) or "")
            if PLACEHOLDER not in value:
                continue
            line = next((n for n, text in enumerate(lines, 1) if f"{name}:" in text and PLACEHOLDER in text), None)
            found.append(Diagnostic(
                display_path(path), line, f"lois.{law_id}.{name}",
                f"La loi « {law_id} » est citée avec une valeur à confirmer : « {value} ».",
                "Inscrivez la valeur vérifiée (sur LégisQuébec) ; d’ici là, les documents restent des projets et "
                "une version définitive est refusée.", code="organisation.to-confirm"))
    return found
