"""Values still to be confirmed by the body: « telephone: 514 355-8540 (à confirmer) ».

A communications advisor types « (à confirmer) » after any value — text, date,
e-mail, a list item — when the body has not confirmed it yet. `unmark` strips the
mention before validation, so the value is checked as what it will be, and records
where it stood. A normal build lists these values as warnings, `build --final`
refuses them, and the documents show them highlighted: `mark_context` wraps them
in the `Unconfirmed` types, which the clause language carries through to the model.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic
from .yamlsource import Located, Path_, dotted, load_yaml

MENTION = "(à confirmer)"
# any case, with or without the accent, spaces inside the parentheses allowed
_MENTION = re.compile(r"\(\s*[àa]\s+confirmer\s*\)", re.I)


def _without_mention(value: str) -> str | None:
    """`value` without a final « (à confirmer) » and the spaces around it, or None without one.

    Matched from the last « ( » only, so the time is linear in the value (a search for
    `\\s*\\(…\\Z` from every position was quadratic on a long run of spaces)."""
    stripped = value.rstrip()
    start = stripped.rfind("(")
    if start < 0 or not _MENTION.fullmatch(stripped, start):
        return None
    return stripped[:start].rstrip()


@dataclass(frozen=True)
class Pending:
    """A value of the file marked « (à confirmer) »."""

    path: Path_
    line: int | None
    value: str  # as typed, without the mention
    # A value the file leaves out where the documents cannot print a default as its answer
    # (`unanswered`): what to type, and where. None for a value typed « (à confirmer) ».
    missing: str | None = None


def strip_mention(text: str) -> str:
    """`text` without its trailing « (à confirmer) » (for `init`, which asks one value at a time)."""
    bare = _without_mention(text)
    return text if bare is None else bare


def _typed(text: str) -> Any:
    """The value as YAML would have read it without the mention (a date stays a date)."""
    if not text:
        return None
    located, problems = load_yaml(text, "", "organisation")
    data = None if located is None or problems else located.data
    return text if isinstance(data, (dict, list)) or data is None else data


def unmark(located: Located) -> list[Pending]:
    """Strip every « (à confirmer) » from the file's values; return where they stood."""
    pending: list[Pending] = []

    def walk(value: Any, path: Path_) -> Any:
        if isinstance(value, dict):
            return {key: walk(child, path + (key,)) for key, child in value.items()}
        if isinstance(value, list):
            return [walk(child, path + (index,)) for index, child in enumerate(value)]
        if isinstance(value, str) and (text := _without_mention(value)) is not None:
            pending.append(Pending(path, located.lines.get(path), text))
            return _typed(text)
        return value

    located.data = walk(located.data, ())
    return pending


def warnings(pending: list[Pending], display: str, final: bool = False) -> list[Diagnostic]:
    """One diagnostic per value to confirm: a warning, or an error for a final build."""
    hint = f"Une fois la valeur confirmée, retirez la mention « {MENTION} »."
    return [Diagnostic(display, item.line, dotted(item.path),
                       (f"Réponse absente, imprimée « {MENTION} » : {item.value}" if item.missing
                        else f"Valeur à confirmer : « {item.value} »." if item.value else "Valeur à confirmer (vide)."),
                       item.missing or hint, severity="erreur" if final else "avertissement",
                       code="organisation.to-confirm")
            for item in pending]


# Private-use characters around a printed value to confirm, in the rendered Markdown;
# the parser turns what they enclose into a `ToConfirm` node of the model.
OPEN, CLOSE = "\ue000", "\ue001"


class Unconfirmed:
    """A value the body has still to confirm; the clause language highlights it in the documents."""


class UnconfirmedStr(Unconfirmed, str):
    pass


class UnconfirmedDate(Unconfirmed, dt.date):
    pass


def marked(value: Any) -> Any:
    """`value` as an `Unconfirmed` of its own type (text and dates; other values unchanged)."""
    if isinstance(value, Unconfirmed):
        return value
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return UnconfirmedDate(value.year, value.month, value.day)
    if isinstance(value, str):
        return UnconfirmedStr(value)
    return value


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and part < len(node):
        return node[part]
    return None


def mark_context(context: dict[str, Any], pending: list[Pending]) -> dict[str, Any]:
    """The template context with every pending value marked, where the file's paths lead."""
    for item in pending:
        *parents, last = item.path
        node: Any = context
        for part in parents:
            node = _child(node, part)
        if _child(node, last) is not None:
            node[last] = marked(node[last])
    return context
