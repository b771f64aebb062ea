"""The languages a body's own accounts write and reply in (`organisation.langues_publication`,
`netiquette.langues`), which the documents print as the body's practice.

A body of the civil administration (a public body other than an ordre) writes in another
language only in addition to French and only on a basis the Charte de la langue française
names (art. 22.3), once its directive is made (art. 29.15): the same basis and directive an
English edition states under `langues:`. A file that lists another language without them gets
a located warning (an error for a final version), with the keys to add.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from .schema import OrganisationFile
from .weekdays import fold
from .yamlsource import Located, dotted

FRENCH = "francais"


def languages_without_basis(organisation: OrganisationFile, located: Located, display: str) -> list[Diagnostic]:
    """One warning per list that names a language other than French without the Charte's basis."""
    ident, langues = organisation.organisation, organisation.langues
    if ident.secteur != "public" or ident.type == "ordre_professionnel":
        return []
    if langues.fondement is not None and langues.directive is not None:
        return []
    found = []
    for path, values in ((("organisation", "langues_publication"), ident.langues_publication),
                         (("netiquette", "langues"), organisation.netiquette.langues)):
        others = [str(v) for v in values if fold(str(v)) != FRENCH]
        if others:
            found.append(Diagnostic(
                display, located.line_of(path), dotted(path),
                f"Un organisme de l’Administration n’écrit en {', '.join(others)} qu’en plus du français et dans les "
                "cas que nomme la Charte de la langue française (art. 22.3), une fois prise sa directive (art. "
                "29.15) : le fichier ne dit ni son fondement ni sa directive.",
                "Ajoutez sous « langues: » « fondement: » (exception_22_3 avec « exception: », programme_acces ou "
                "reconnaissance_29_1) et « directive: » avec « titre: » et « date: » (voir README.md, « Les "
                f"langues ») ; sinon, retirez « {others[0]} ».",
                severity="avertissement", code="organisation.language"))
    return found
