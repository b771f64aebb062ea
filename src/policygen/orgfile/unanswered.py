"""Answers an organisation file leaves out where a document cannot print a default as the body's own.

Whether a body is an organisme du secteur de la santé under R-22.1 is its legal department's answer:
a file written before the key existed (or that forgets it) would print the question open, unmarked,
and `build --final` would let it pass. Likewise a complaint route with no way to reach it. Each such
gap becomes a `Pending` value, as if the file had typed « (à confirmer) » there: the documents print
it marked, `check` and `build` warn with the line and what to type, and `--final` refuses it.
"""

from __future__ import annotations

from typing import Any

from .confirm import MENTION, Pending
from .yamlsource import Located

# The lines of a contact that let a person reach it.
REACHED_BY = ("courriel", "telephone", "sans_frais", "adresse_web")


def _health_information(data: dict[str, Any], located: Located) -> list[Pending]:
    """An « autre » body that serves people and does not say whether R-22.1 reaches it."""
    organisation = data.get("organisation")
    services = (data.get("vocabulaire") or {}).get("services") if isinstance(data.get("vocabulaire"), dict) else None
    if (not isinstance(organisation, dict) or organisation.get("type") != "autre" or services == "aucun"
            or "loi_renseignements_sante" in organisation):
        return []
    line = located.line_of(("organisation", "type"))
    return [Pending(("organisation", "loi_renseignements_sante"), line,
                    "l’organisme relève-t-il de la Loi sur les renseignements de santé (R-22.1, art. 4) ?",
                    f"Sous « organisation: », après la ligne {line} (« type: autre »), ajoutez la réponse de votre "
                    "contentieux : « loi_renseignements_sante: oui », « loi_renseignements_sante: non » ou, "
                    f"en attendant, « loi_renseignements_sante: {MENTION} ».")]


def _unreachable_complaints(data: dict[str, Any], located: Located) -> list[Pending]:
    """A complaint route printed with a title and nothing to reach it by (reader5-table U6)."""
    contacts = data.get("contacts") if isinstance(data.get("contacts"), dict) else {}
    routes = [(("contacts", key), contacts.get(key)) for key in ("plaintes", "plaintes_organisme")]
    others = contacts.get("autres_plaintes")
    routes += [(("contacts", "autres_plaintes", index), route)
               for index, route in enumerate(others if isinstance(others, list) else [])]
    found = []
    for path, route in routes:
        if isinstance(route, dict) and route.get("titre") and not any(route.get(key) for key in REACHED_BY):
            line = located.line_of(path + ("titre",))
            found.append(Pending(path + ("titre",), line, f"comment joindre « {route['titre']} » ?",
                                 f"Sous la ligne {line}, ajoutez au moins une coordonnée : « courriel: », "
                                 "« telephone: » ou « adresse_web: » (suivie de "
                                 f"« {MENTION} » tant qu’elle n’est pas confirmée)."))
    return found


def unanswered(located: Located, pending: list[Pending]) -> list[Pending]:
    """The answers `located` leaves out, beside the values already `pending` (none twice)."""
    data = located.data if isinstance(located.data, dict) else {}
    taken = {tuple(item.path) for item in pending}
    return [item for item in (*_health_information(data, located), *_unreachable_complaints(data, located))
            if tuple(item.path) not in taken]
