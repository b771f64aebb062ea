"""The end of a build in one line per body: what was written and what is left to look at.

A build on the shipped files raises a hundred warnings, nearly all of them values
still « (à confirmer) »: printed whole, they bury the one that matters. `build`
counts them in these lines and prints only the other warnings (a document dated
before a law it cites), which are few and each needs a decision; `--detail`
prints every one.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic, plural

TO_CONFIRM = "organisation.to-confirm"


def shown(warnings: list[Diagnostic], detail: bool) -> list[Diagnostic]:
    """The warnings printed in full: all with `--detail`, else all but the values to confirm."""
    return list(warnings) if detail else [w for w in warnings if w.code != TO_CONFIRM]


def counts(display: str, warnings: list[Diagnostic]) -> str:
    """« 21 valeurs à confirmer, 1 avertissement » for the file shown as `display`, or ""."""
    mine = [w for w in warnings if w.path == display]
    pending = sum(1 for w in mine if w.code == TO_CONFIRM)
    found = []
    if pending:
        found.append(plural(pending, "valeur à confirmer", "valeurs à confirmer"))
    if len(mine) > pending:
        found.append(plural(len(mine) - pending, "avertissement"))
    return ", ".join(found)


def summary_line(display: str, target: str, written: int | None, warnings: list[Diagnostic]) -> str:
    """« organisations/ocq.yaml → output/ocq/ (9 fichiers) : 21 valeurs à confirmer, 1 avertissement »;
    `written` None: nothing had to be redone (the warnings are the cached build's)."""
    found = counts(display, warnings)
    if written is None:
        return f"{display} : à jour, rien à refaire ({target}/){' : ' + found if found else ''}."
    return f"{display} → {target}/ ({plural(written, 'fichier')}){' : ' + found if found else ''}"


def detail_hint(warnings: list[Diagnostic], detail: bool) -> str:
    """The closing line when values to confirm were only counted, or nothing."""
    if detail or not any(w.code == TO_CONFIRM for w in warnings):
        return ""
    return "Les valeurs à confirmer, une à une : relancez avec --detail (ou « policygen check »)."
