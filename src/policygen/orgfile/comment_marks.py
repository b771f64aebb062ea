"""« à confirmer » written in a YAML comment beside a value that does not carry the mention.

YAML comments are not read: `# choix à confirmer` after a value leaves it printed as
settled in the documents and unlisted by `check`. A located warning says where, and that
the mention goes in the value itself (« hors_heures (à confirmer) »), where it is kept in
print and refused by a final build.
"""

from __future__ import annotations

import re

from ..diagnostics import Diagnostic
from .confirm import MENTION
from .weekdays import fold
from .yamlsource import Located, dotted

# A comment starts at a « # » after a blank (YAML); it speaks of a value to confirm.
_COMMENT = re.compile(r"\s#(.*)$")
_TO_CONFIRM = re.compile(r"\ba confirmer\b")


def _value(data: object, path: tuple) -> object:
    for part in path:
        data = data[part] if isinstance(data, (dict, list)) else None
    return data


def marks_in_comments(text: str, located: Located, display: str) -> list[Diagnostic]:
    """One warning per line whose comment says « à confirmer » while its value has no mention."""
    # The value a line holds: the shortest path that starts there (a key before the items of its flow list),
    # never a section, which starts on the line of its first key.
    at_line: dict[int, tuple] = {}
    for path, line in located.lines.items():
        if not isinstance(_value(located.data, path), dict) and (line not in at_line or len(path) < len(at_line[line])):
            at_line[line] = path
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        comment = _COMMENT.search(line)
        path = at_line.get(number)
        if path is None or not comment or not _TO_CONFIRM.search(fold(comment.group(1))):
            continue
        if _TO_CONFIRM.search(fold(line[:comment.start()])):
            continue  # the value carries the mention; the comment speaks of others
        found.append(Diagnostic(
            display, number, dotted(path),
            "Le commentaire dit « à confirmer », mais la valeur ne porte pas la mention : les documents "
            "l’impriment comme acquise et une version définitive ne la signale pas.",
            f"Écrivez « {MENTION} » après la valeur elle-même (par exemple « hors_heures {MENTION} », "
            f"« [français, anglais {MENTION}] ») ; le commentaire peut rester.",
            severity="avertissement", code="organisation.to-confirm"))
    return found
