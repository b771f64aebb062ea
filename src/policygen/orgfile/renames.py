"""Keys that moved: files written for an earlier schema keep building.

One table, `RENAMED` (old dotted path -> new dotted path), read by validation
(the value is validated at its new place) and by `check` (a warning that names
the new place). Add a line here whenever a key of the organisation file is
renamed or moved.
"""

from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic
from .yamlsource import Located

RENAMED: dict[str, str] = {
    "organisation.profession": "vocabulaire.profession",
    "organisation.membres_appellation": "vocabulaire.membres",
}
# The new key of some renames holds its article where the old one had none.
ARTICLE: dict[str, str] = {"organisation.membres_appellation": "les "}


def _find(data: Any, path: list[str]) -> tuple[bool, Any]:
    for part in path:
        if not isinstance(data, dict) or part not in data:
            return False, None
        data = data[part]
    return True, data


def _moved(data: Any) -> list[tuple[str, str]]:
    """The renames that apply to `data`: its old key is present."""
    return [(old, new) for old, new in RENAMED.items() if _find(data, old.split("."))[0]]


def _without(data: dict[str, Any], path: list[str]) -> dict[str, Any]:
    copy = dict(data)
    if len(path) == 1:
        del copy[path[0]]
    else:
        copy[path[0]] = _without(copy[path[0]], path[1:])
    return copy


def _with(data: dict[str, Any], path: list[str], value: Any) -> dict[str, Any]:
    copy = dict(data)
    if len(path) == 1:
        copy.setdefault(path[0], value)  # the new key, when both are written, wins
    else:
        inner = copy.get(path[0])
        copy[path[0]] = _with(inner if isinstance(inner, dict) else {}, path[1:], value)
    return copy


def apply_renames(data: Any) -> Any:
    """`data` with every old key moved to its new place (the input is not changed)."""
    for old, new in _moved(data):
        value = _find(data, old.split("."))[1]
        if old in ARTICLE and isinstance(value, str):
            value = ARTICLE[old] + value
        data = _with(_without(data, old.split(".")), new.split("."), value)
    return data


def renamed_keys(located: Located, display: str) -> list[Diagnostic]:
    """One warning per old key in the file, naming its new place."""
    warnings = []
    for old, new in _moved(located.data):
        both = _find(located.data, new.split("."))[0]
        message = (f"La clé « {old} » s’appelle maintenant « {new} »."
                   + (" Les deux sont présentes : seule « " + new + " » est lue." if both
                      else " Sa valeur est acceptée à ce nouvel endroit"
                      + (f", précédée de « {ARTICLE[old].strip()} »." if old in ARTICLE else ".")))
        warnings.append(Diagnostic(display, located.line_of(tuple(old.split("."))), old, message,
                                   f"Renommez-la « {new} » (voir README.md#cles-renommees).",
                                   severity="avertissement", code="organisation.renamed-key"))
    return warnings
