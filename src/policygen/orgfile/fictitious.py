"""Telephone numbers reserved for fiction (555-0100 to 555-0199 in every North American area code) in
the nétiquette's emergency notice: an example copied into a file, which a final document must not
print as the number a person in distress calls (a legal reader's blocking finding). Other contacts'
numbers are not judged here: a wrong one there is an error of the file, not a danger. A draft prints such a
number highlighted, as a value to confirm, and `check` warns of it; a final version refuses it."""

from __future__ import annotations

import re
from typing import Any

from ..diagnostics import Diagnostic
from .confirm import Pending
from .yamlsource import Located, Path_, dotted

# The emergency notice's own help line and the sector's lines it gives after 811 and 9-8-8.
HELP_LINES = ("ligne_aide", "lignes_secteur")
_FICTITIOUS = re.compile(r"(?<!\d)555\D{0,2}01\d\d(?!\d)")


def fictitious_values(located: Located, to_confirm: set[Path_]) -> list[tuple[Path_, str]]:
    """Each help-line value holding a fictitious number the file does not mark « (à confirmer) », with its path."""
    found: list[tuple[Path_, str]] = []

    def walk(value: Any, path: Path_) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                walk(child, path + (key,))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, path + (index,))
        elif isinstance(value, str) and path not in to_confirm and _FICTITIOUS.search(value):
            found.append((path, value))

    netiquette = located.data.get("netiquette") if isinstance(located.data, dict) else None
    if isinstance(netiquette, dict):
        for key in HELP_LINES:
            walk(netiquette.get(key), ("netiquette", key))
    return found


def fictitious_pending(located: Located, to_confirm: set[Path_]) -> list[Pending]:
    """The same values as values to confirm, which the documents print highlighted: a draft never shows an
    example's number as the one a person in distress calls (reader 8, S-3)."""
    return [Pending(path, located.line_of(path), value) for path, value in fictitious_values(located, to_confirm)]


def fictitious_numbers(located: Located, to_confirm: set[Path_], display: str) -> list[Diagnostic]:
    """One finding per help-line value holding a fictitious number the file does not mark « (à confirmer) »."""
    return [Diagnostic(
        display, located.line_of(path), dotted(path),
        f"« {value} » est un numéro réservé aux exemples (555-0100 à 555-0199) : personne n’y répond. Les "
        "documents l’impriment surligné, comme une valeur à confirmer, et l’avis d’urgence d’une nétiquette "
        "définitive ne peut pas le donner comme le numéro à composer.",
        "Écrivez le vrai numéro, ou ajoutez « (à confirmer) » après la valeur tant qu’il n’est pas vérifié.",
        code="organisation.fictitious") for path, value in fictitious_values(located, to_confirm)]
