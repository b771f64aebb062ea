"""Who approved the politique of an establishment of Santé Québec, as its identification block says it.

Santé Québec's board delegates its powers to an establishment's board, which may pass them on to the
establishment's president and executive director (G-1.021, ss. 51, 52 and 150): the approval line then says
« en vertu d’une délégation de pouvoirs de Santé Québec ». When Santé Québec approves, no delegation is said;
a file that names Santé Québec as the approver « by delegation » names the delegator as its own delegate,
which `check` warns of (the politique's legal framework says the establishment adopts it by delegation).
"""

from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic
from .weekdays import fold
from .yamlsource import Located

DELEGATOR = "sante quebec"


def approver_is_delegator(instance: Any) -> bool:
    """Whether the approving instance, before any « délégation » it states, is Santé Québec itself."""
    approver = fold(str(instance)).lower().split("delegation")[0]
    return DELEGATOR in approver


def problems(org: Any, located: Located, display: str) -> list[Diagnostic]:
    """A warning when an establishment of Santé Québec names Santé Québec as the approver of its politique."""
    instance = org.revision.approbation.instance
    if not org.organisation.sante_quebec or not approver_is_delegator(instance):
        return []
    return [Diagnostic(display, located.line_of(("revision", "approbation", "instance")),
                       "revision.approbation.instance",
                       f"L’approbation nomme « {instance} », alors que la politique d’un établissement de Santé "
                       "Québec est adoptée par l’établissement en vertu d’une délégation de Santé Québec : "
                       "Santé Québec ne peut être sa propre délégataire.",
                       "Nommez l’instance de l’établissement qui l’a approuvée (par exemple « Présidente-directrice "
                       "générale du CIUSSS… » ou « Conseil d’administration d’établissement ») ; la ligne "
                       "d’approbation ajoute « en vertu d’une délégation de pouvoirs de Santé Québec ».",
                       severity="avertissement", code="organisation.phrasing")]
