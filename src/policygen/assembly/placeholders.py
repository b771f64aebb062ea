"""A body's own law cited with a placeholder (« r. [numéro à confirmer] ») keeps its documents drafts.

The file's own values still to confirm are findings (`orgfile.confirm`); a law of the body's folder
(lois.yaml) is not the file, and its placeholder was printed in a document with no « Projet » mark
(reader 7, OI-4). The same finding, on that law's line, marks the documents and stops `--final`.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, display_path
from ..library.loader import LAWS_FILE, organisation_folder
from ..orgfile.yamlsource import read_yaml
from .inputs import Loaded

PLACEHOLDER = "à confirmer"
_FIELDS = ("title", "citation", "url")


def own_law_placeholders(item: Loaded) -> list[Diagnostic]:
    """One finding per field of the body's own laws that still holds « à confirmer », on that field's line."""
    pending = [(law_id, name, str(law.get(name) or "")) for law_id, law in item.local.laws.items() for name in _FIELDS
               if PLACEHOLDER in str(law.get(name) or "")]
    if not pending:
        return []
    path = organisation_folder(item.path) / LAWS_FILE
    # read again, with check's guards, for the lines only: the loaded laws keep none
    located, _ = read_yaml(path, display_path(path))
    entries = located.data.get("lois", []) if located is not None and isinstance(located.data, dict) else []
    index = {entry.get("id"): n for n, entry in enumerate(entries) if isinstance(entry, dict)}
    return [Diagnostic(
        display_path(path), located.line_of(("lois", index[law_id], name)) if law_id in index else None,
        f"lois.{law_id}.{name}", f"La loi « {law_id} » est citée avec une valeur à confirmer : « {value} ».",
        "Inscrivez la valeur vérifiée (sur LégisQuébec) ; d’ici là, les documents restent des projets et "
        "une version définitive est refusée.", code="organisation.to-confirm") for law_id, name, value in pending]
