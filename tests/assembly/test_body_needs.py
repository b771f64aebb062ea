"""What a body needs to say (issue 19), read back from the built documents: an ordre's two
privacy regimes and complaint routes, the cyberintervention choice, a help line's distress
protocol, responders' signature and sector slot, a clinic promoting its services, several
complaint routes in all three documents, and the mark of a value to confirm in parentheses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policygen.model.nodes import document_texts
from policygen.writers.html import render_html

ROOT = Path(__file__).resolve().parents[2]
FILES = {"opie": ROOT / "tests/fixtures/organismes/ordre-inhalotherapie.yaml",
         "ocq": ROOT / "organisations/ocq.yaml",
         "otstcfq": ROOT / "organisations/otstcfq.yaml",
         "ecoute": ROOT / "tests/fixtures/organismes/ligne-ecoute.yaml",
         "clinique": ROOT / "tests/fixtures/organismes/clinique.yaml"}
DOCUMENTS = ["politique", "netiquette", "fiche-synthese"]


@pytest.fixture(scope="module")
def built(assembled):
    """The documents of each body, from the session's models (conftest's `assembled`)."""
    return {name: {kind: assembled[path.stem][1][kind] for kind in DOCUMENTS} for name, path in FILES.items()}


def text(built, body: str, document: str) -> str:
    """The document's text, no-break spaces read as spaces."""
    return re.sub(r"[\u00a0\u202f]", " ", "\n".join(document_texts(built[body][document])))


@pytest.mark.parametrize("body", ["opie", "ocq", "otstcfq"])
def test_an_ordre_names_its_two_privacy_regimes_and_who_answers_for_them(built, body):
    politique = text(built, body, "politique")
    assert "art. 108.1 et suivants du Code des professions" in politique
    assert "Loi sur la protection des renseignements personnels dans le secteur privé." in politique
    assert "La personne qui occupe la présidence de l’Ordre, ou celle à qui elle délègue cette fonction" in politique
    assert "le syndic l’est pour les documents et les renseignements qu’il obtient ou détient" in politique
    assert "La personne qui a la plus haute autorité de l’Ordre" not in politique


@pytest.mark.parametrize("body", ["opie", "ocq", "otstcfq"])
def test_an_ordre_protects_the_public_and_does_not_defend_its_members(built, body):
    assert "ne représente pas" in text(built, body, "politique")
    assert "ne prend pas leur défense" in text(built, body, "politique")
    assert "Notre mission est de protéger le public, non de défendre nos membres" in text(built, body,
                                                                                          "netiquette")


def test_an_ordre_sends_each_complaint_to_its_own_route(built):
    politique, netiquette = text(built, "opie", "politique"), text(built, "opie", "netiquette")
    assert "Une demande d’enquête sur la conduite d’un membre s’adresse à :\nBureau du syndic" in politique
    assert ("Une plainte sur les services de l’Ordre lui-même s’adresse à :\nSecrétariat général de l’Ordre"
            in politique)
    assert "Office des professions du Québec" in politique and "Office des professions du Québec" in netiquette
    assert "adressez la vôtre au syndic" not in netiquette   # the syndic is not the ordre's complaint desk
    assert "Une plainte sur nos services s’adresse à :\nSecrétariat général de l’Ordre" in netiquette


def test_an_ordre_without_its_own_route_receives_complaints_on_its_services_at_communications(built):
    politique, netiquette = text(built, "ocq", "politique"), text(built, "ocq", "netiquette")
    assert ("Toute question ou plainte au sujet de la présente politique, et toute plainte sur les services de "
            "l’Ordre lui-même, s’adresse à :\nService des communications") in politique
    # named, not « ci-dessous », where the syndic's card comes first (third reading, B-Q3)
    assert "une plainte sur nos services, au Service des communications (à confirmer), sous « Nous joindre »" in netiquette
    assert re.search(r"Nous joindre\n[^\n]*\nService des communications", netiquette)   # the contact below


def test_the_cyberintervention_rule_follows_the_file(built):
    title = "Médias sociaux et services professionnels à distance"
    assert title not in text(built, "ocq", "politique")      # cyberintervention: non
    assert title in text(built, "otstcfq", "politique")      # cyberintervention: oui


def test_the_help_line_states_its_distress_protocol_in_every_document(built):
    politique = text(built, "ecoute", "politique")
    assert "elle alerte aussitôt l’intervenante ou l’intervenant de garde" in politique
    assert "elle compose le 911" in politique
    assert "nous appelons le 911" in text(built, "ecoute", "netiquette")
    # no on-call team: the public is still told of the 911 call (reader 4, F3)
    assert "nous appelons le 911" in text(built, "ocq", "netiquette")
    assert "alertez l’intervenante ou l’intervenant de garde" in text(built, "ecoute", "fiche-synthese")
    # a body that names no on-call team alerts the unit responsible for the accounts
    assert "elle alerte aussitôt le Service des communications" in text(built, "opie", "politique")


def test_volunteers_sign_with_a_first_name_or_a_pseudonym(built):
    politique = text(built, "ecoute", "politique")
    assert "signe de son prénom ou d’un pseudonyme que la Coordination des communications lui attribue" in politique
    assert "ni pseudonyme" not in politique
    assert "Qui vous répond signe de son prénom ou d’un pseudonyme" in text(built, "ecoute", "netiquette")
    assert "ni pseudonyme" in text(built, "ocq", "politique")   # the default: one names oneself


def test_a_sector_rule_fills_the_named_slot_and_the_slot_is_empty_otherwise(built):
    politique = text(built, "ecoute", "politique")
    assert "Règles propres au secteur d’activité\nParler du suicide dans nos publications" in politique
    assert "ne décrit jamais le moyen ni le lieu d’un suicide" in politique
    assert "Règles propres au secteur d’activité" not in text(built, "ocq", "politique")


def test_a_clinic_promotes_its_services_but_not_from_staff_personal_accounts(built):
    politique = text(built, "clinique", "politique")
    assert "y compris ceux qu’elle offre contre paiement" in politique
    assert "ne servent ni à des affaires commerciales" not in politique
    assert "ne fait pas, sur ses comptes personnels, la promotion commerciale des services de la Clinique" in politique
    assert "ne faites pas la promotion commerciale des services de la Clinique" in text(built, "clinique",
                                                                                        "fiche-synthese")
    assert "la publicité, la sollicitation" in text(built, "clinique", "netiquette")   # kept for comments
    assert "ne servent ni à des affaires commerciales" in text(built, "ocq", "politique")


def test_every_complaint_route_is_in_all_three_documents(built):
    route = "Direction des enquêtes du Collège des médecins du Québec"
    assert f"Une plainte sur la conduite d’un médecin s’adresse à :\n{route}" in text(built, "clinique", "politique")
    assert f"Une plainte sur la conduite d’un médecin s’adresse à :\n{route}" in text(built, "clinique",
                                                                                       "netiquette")
    assert f"Une plainte sur la conduite d’un médecin : {route}." in text(built, "clinique", "fiche-synthese")


def test_a_value_to_confirm_inside_parentheses_is_marked_in_brackets(built):
    page = render_html(built["ocq"]["politique"])
    assert "(à confirmer))" not in page and "(à confirmer)</span>)" not in page
    assert re.search(r"@ordredeschiropraticiens\.qc\.ca</span></a></mark><span class=\"mention-a-confirmer\">"
                     r"\u00a0\[à confirmer\]</span>\)", page)
    assert "communications@opie-essai.qc.ca (à confirmer)" in text(built, "opie", "politique")  # not nested
