"""Whether the complaints contact can be reached: every document sends complaints to it (the politique's
« Inquiries », the nétiquette's « Complaints », the fiche) and prints its card; a card with a title only
leaves a person who wants to complain with nowhere to write or call."""

from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic
from .yamlsource import Located

MEANS = ("courriel", "telephone", "adresse_web")  # what makes a contact reachable


def reachable(contact: Any) -> bool:
    """Whether a contact gives an e-mail address, a telephone number or a web form."""
    return any(getattr(contact, means, None) for means in MEANS)


def problems(org: Any, located: Located, display: str) -> list[Diagnostic]:
    """A warning when `contacts.plaintes` has neither e-mail, telephone nor web form."""
    if reachable(org.contacts.plaintes):
        return []
    return [Diagnostic(display, located.line_of(("contacts", "plaintes")), "contacts.plaintes",
                       f"Les documents renvoient les plaintes à « {org.contacts.plaintes.titre} » sans aucun moyen "
                       "de le joindre : ni courriel, ni téléphone, ni formulaire.",
                       "Ajoutez sous « contacts: plaintes: » un « courriel: », un « telephone: » ou l’« adresse_web: » "
                       "du formulaire de plainte.", severity="avertissement", code="organisation.contact")]
