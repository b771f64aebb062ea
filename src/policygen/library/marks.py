"""Values still « (à confirmer) » keep their mark in what is derived from them.

`orgfile.confirm.mark_context` marks the file's own values where their paths lead in
the template context. The context also holds values derived from the file: names with
their articles (« la Direction générale »), the body's words, composed phrases
(moderation days and hours), the people bound grouped by regime. Each of these is
marked here when a value it is made of is still to confirm, so that no document
prints a marked value without its mark; a list keeps the marks of its own items only.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..french import Name
from ..orgfile.confirm import Pending, Unconfirmed, marked
from ..orgfile.schema import REGIMES
from .context import DERIVED_FROM, groups_bound

# The forms of a name that print it (a pronoun such as « il » does not).
_PRINTED_FORMS = frozenset({"le", "Le", "que", "du", "au", "ce", "text", "bare"})


class UnconfirmedName(Unconfirmed, Name):
    """A name made from a value still to confirm: each form that prints it carries the mark."""

    def __getattribute__(self, attribute: str) -> Any:
        value = super().__getattribute__(attribute)
        return marked(value) if attribute in _PRINTED_FORMS else value

    def __str__(self) -> str:
        return marked(self.text)


class UnconfirmedInt(Unconfirmed, int):
    """A number still to confirm (a count of members): it compares and computes as a number."""


def _name(value: Name) -> Name:
    return value if isinstance(value, Unconfirmed) else UnconfirmedName(**dataclasses.asdict(value))


def _mark(value: Any) -> Any:
    if isinstance(value, Name):
        return _name(value)
    if isinstance(value, int) and not isinstance(value, (bool, Unconfirmed)):
        return UnconfirmedInt(value)
    return marked(value)


def _child(node: Any, part: Any) -> Any:
    if isinstance(node, dict):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and part < len(node):
        return node[part]
    return None


def _along(context: dict[str, Any], path: tuple) -> None:
    """Mark the value at `path`, or the phrase a typed list became (« du lundi au jeudi »)."""
    node: Any = context
    for depth, part in enumerate(path):
        child = _child(node, part)
        if child is None:
            return
        if depth == len(path) - 1 or isinstance(child, str):
            node[part] = _mark(child)
            return
        node = child


def mark_derived(context: dict[str, Any], pending: list[Pending]) -> dict[str, Any]:
    """`context` (already through `mark_context`) with every derived value made of a pending one marked."""
    paths = [tuple(item.path) for item in pending]
    for path in paths:
        _along(context, path)

    def touched(*fields: tuple[str, ...]) -> bool:
        return any(p[:len(f)] == f or f[:len(p)] == p for p in paths for f in fields)

    for key in ("nom", "appellation", "communications", "direction"):
        if context.get(key) is not None and touched(*DERIVED_FROM[key]):
            context[key] = _name(context[key])
    terms = context["termes"]
    for key, value in terms.items():
        if value is not None and touched(("vocabulaire", key)):
            terms[key] = _mark(value)
    rules = context["regles"]
    if rules.get("heures_moderation") and touched(("moderation",)):
        rules["heures_moderation"] = marked(rules["heures_moderation"])
    # A rule's phrase chosen by a choice still to confirm (« usage_personnel_au_travail: hors_heures (à confirmer) »).
    for key, choices in (("usage_personnel", ("usage_personnel_au_travail",)),
                         ("amitie_portee", ("amitie_portee",)), ("amitie_demandes", ("amitie_portee", "amitie_demandes"))):
        if rules.get(key) and touched(*(("choix", choice) for choice in choices)):
            rules[key] = marked(rules[key])
    if context.get("prochaine_revision") and touched(*DERIVED_FROM["prochaine_revision"]):
        context["prochaine_revision"] = marked(context["prochaine_revision"])
    # The people bound, by regime, from the (marked) categories of the file.
    people = context["personnes_visees"]
    context["regimes"] = {regime: [p["categorie"] for p in people if p["regime"] == regime] for regime in REGIMES}
    if terms.get("membres") is not None:
        context["groupes"]["membre"] = terms["membres"]
    context["groupes_vises"] = groups_bound(context["regimes"], context["groupes"])
    return context
