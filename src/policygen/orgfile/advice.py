"""What `check` says of a valid file beyond the schema: values the documents would
print in a form the file has to give (warnings, located, with the fix).

A title of function printed in running text (« écrivez à … ») needs its article, and
its gender cannot be guessed (« Secrétaire de l’Ordre »): the file gives the form.
"""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..french import in_sentence
from .schema import OrganisationFile
from .yamlsource import Located

# The contacts whose title the documents print inside a sentence.
IN_RUNNING_TEXT = ("protection_renseignements",)


def advice(organisation: OrganisationFile, located: Located, display: str) -> list[Diagnostic]:
    """One warning per value that needs a form of its own in the file."""
    found = []
    for key in IN_RUNNING_TEXT:
        contact = getattr(organisation.contacts, key)
        if contact.dans_une_phrase is None and in_sentence(contact.titre) is None:
            found.append(Diagnostic(
                display, located.line_of(("contacts", key, "titre")), f"contacts.{key}.titre",
                f"Les documents écrivent « écrivez à … » devant ce titre (« {contact.titre} ») : "
                "ils ont besoin de la forme que prend ce titre dans une phrase, avec son article.",
                f"Ajoutez sous « titre » la clé « dans_une_phrase », par exemple « dans_une_phrase: la "
                f"{contact.titre[:1].lower()}{contact.titre[1:]} » (voir README.md, « Les contacts »).",
                severity="avertissement", code="organisation.phrasing"))
    return found
