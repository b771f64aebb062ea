"""The English editions after the fourth round's French: the sector's help lines, the new rule on sharing
internal documents and the 911 call that passes on only what is needed, read back from the pages."""

from __future__ import annotations

import re

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.writers.html import render_html
from conftest import FIXTURES

RECOGNISED = FIXTURES / "organismes" / "etablissement-reconnu-en.yaml"

# The recognised body with a help line of its own, a line of its sector, the glossary's English for both
# and the applications it bans for internal documents.
LINES = """netiquette:
  langues: [français, anglais]
  ligne_aide:
    nom: une intervenante de notre ligne d’écoute
    telephone: 514 555-0100
    heures: jour et nuit
  lignes_secteur:
    - nom: une intervenante de la Ligne Aide Maltraitance Adultes Aînés
      telephone: 1 888 489-2287
      heures: tous les jours, de 8 h à 20 h
"""
GLOSSARY = """    une intervenante de notre ligne d’écoute: a counsellor on our listening line
    jour et nuit: day and night
    une intervenante de la Ligne Aide Maltraitance Adultes Aînés: a counsellor at the Elder Mistreatment Helpline
    tous les jours, de 8 h à 20 h: every day, from 8 a.m. to 8 p.m.

partage_fichiers:
  applications_interdites: [Messenger, WhatsApp]
"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, str]:
    text = RECOGNISED.read_text(encoding="utf-8")
    assert "netiquette:\n  langues: [français, anglais]\n" in text
    body = tmp_path_factory.mktemp("round4") / RECOGNISED.name
    body.write_text(text.replace("netiquette:\n  langues: [français, anglais]\n", LINES).rstrip("\n") + "\n"
                    + GLOSSARY, encoding="utf-8")
    library = load_library()
    loaded, problems = load_all([body], library)
    assert not problems
    return {d.kind: re.sub(r"<[^>]+>", "", render_html(d)) for d in documents_for(loaded[0], library, list(library.documents))}


def test_the_sector_line_follows_811_and_988_in_english_as_in_french(pages):
    french, english = pages["netiquette"], pages["netiquette.en"]
    order = [english.index(s) for s in ("To reach a counsellor on our listening line, call 514-555-0100\u00a0(to be "
                                        "confirmed), day and night.",  # an example's number, to confirm (reader 8)
                                        "Info-Santé or Info-Social at 811", "9-8-8",
                                        "To reach a counsellor at the Elder Mistreatment Helpline, call 1-888-489-2287, "
                                        "every day, from 8 a.m. to 8 p.m.")]
    assert order == sorted(order)
    assert french.index("811") < french.index("9-8-8") < french.index("Ligne Aide Maltraitance")
    assert "Ligne Aide Maltraitance" not in english and "p.m.." not in english  # hours ending in « p.m. »: one stop


def test_the_fiche_names_the_banned_applications_in_english(pages):
    assert ("As a staff member, exchange internal information and documents only through the internal tools of "
            "the CIUSSS de l’Ouest-de-l’Essai, never through Messenger or WhatsApp.") in pages["fiche-synthese.en"]
    assert "jamais par Messenger ou WhatsApp" in pages["fiche-synthese"]


def test_the_911_call_passes_on_only_what_is_needed_and_is_recorded(pages):
    politique = " ".join(pages["politique.en"].split())
    assert ("must dial 911. Without waiting for consent, that person must then give only the information needed to "
            "locate and help the person in danger, and only to emergency services or to whoever can help, as the "
            "directive of the public body on such communications, made by the person exercising the highest authority "
            "in it, provides") in politique  # reader 8 M-18
    assert "what was communicated, to whom and when" in politique
    assert "give what they know to locate" not in politique
