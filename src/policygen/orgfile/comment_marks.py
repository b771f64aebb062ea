"""« à confirmer » written in a YAML comment beside a value that does not carry the mention.

YAML comments are not read: `# choix à confirmer` after a value leaves it printed as
settled in the documents and unlisted by `check`. A located warning says where, and that
the mention goes in the value itself (« hors_heures (à confirmer) »), where it is kept in
print and refused by a final build.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from .confirm import MENTION
from .yamlsource import Located, dotted


def _value(data: object, path: tuple) -> object:
    for part in path:
        data = data[part] if isinstance(data, (dict, list)) else None
    return data


def marks_in_comments(located: Located, display: str) -> list[Diagnostic]:
    """One warning per line whose comment says « à confirmer » while its value has no mention.

    The loader found those lines (`Located.commented_marks`) while it had the file's text.
    """
    # The value a line holds: the shortest path that starts there (a key before the items of its flow list),
    # never a section, which starts on the line of its first key.
    at_line: dict[int, tuple] = {}
    for path, line in located.lines.items():
        if not isinstance(_value(located.data, path), dict) and (line not in at_line or len(path) < len(at_line[line])):
            at_line[line] = path
    return [Diagnostic(
        display, number, dotted(at_line[number]),
        "Le commentaire dit « à confirmer », mais la valeur ne porte pas la mention : les documents "
        "l’impriment comme acquise et une version définitive ne la signale pas.",
        f"Écrivez « {MENTION} » après la valeur elle-même (par exemple « hors_heures {MENTION} », "
        f"« [français, anglais {MENTION}] ») ; le commentaire peut rester.",
        severity="avertissement", code="organisation.to-confirm")
        for number in sorted(located.commented_marks) if number in at_line]  # a section's own line: no value
