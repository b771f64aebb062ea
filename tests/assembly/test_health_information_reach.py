"""Whom the Loi sur les renseignements de santé et de services sociaux (R-22.1) reaches (readers
A-S4, B-C4, B-L9): what was read on LégisQuébec is said as fact, what was not is said as a condition.

Read (lois.yaml, note of renseignements-sante): art. 3, an « établissement » is one the Loi sur les
services de santé et les services sociaux governs, private ones included; art. 80 names a professional
order apart from the bodies. Not read: art. 4 and the annexes that list the other bodies.
Read on the document model (the three formats carry its text: tests/writers).
"""

from __future__ import annotations


import pytest

from policygen.model.nodes import document_texts

BODIES = {"clinique": "la Clinique", "coop-vallee": "la Coopérative", "ligne-ecoute": "l’Écoute Solidaire",
          "chsld-jardins": None, "osbl": None, "ordre-inhalotherapie": None}
LAW = "Loi sur les renseignements de santé et de services sociaux"


@pytest.fixture(scope="module")
def politiques(assembled) -> dict[str, str]:
    """Each body's politique as text, from the session's models (conftest's `assembled`)."""
    return {slug: " ".join("\n".join(document_texts(assembled[slug][1]["politique"])).replace("\u00a0", " ")
                           .replace("\u202f", " ").split()) for slug in BODIES}


@pytest.mark.parametrize("slug", ["clinique", "coop-vallee", "ligne-ecoute"])
def test_a_clinic_a_coop_and_a_community_body_are_told_under_a_condition(politiques, slug):
    text, name = politiques[slug], BODIES[slug]
    # their files leave the answer out: the question stays open, and marked (reader6: absent is « à confirmer »)
    assert f"Si {name} est un tel organisme (à confirmer), ceux qu’elle détient relèvent de cette loi" in text
    assert (f"Toutefois, si {name} est un organisme du secteur de la santé et des services sociaux (à confirmer) au sens de la {LAW} "
            "(RLRQ, c. R-22.1, art. 4), un incident touchant un renseignement de santé ou de services sociaux suit "
            "plutôt les articles 108 et 110 de cette loi") in text
    # never the affirmative sentence a private establishment gets
    assert "s’applique aussi aux établissements privés" not in text
    # the law is listed among the laws cited
    assert f"{LAW}, RLRQ, c. R-22.1" in text.split("Lois et règlements cités")[-1]


def test_a_private_chsld_is_an_establishment_under_the_law(politiques):
    text = politiques["chsld-jardins"]
    assert f"La {LAW} (RLRQ, c. R-22.1) s’applique aussi aux établissements privés" in text
    assert "Si la Résidence est un tel organisme" not in text


def test_a_body_that_serves_no_one_and_an_ordre_are_not_said_to_be_under_it(politiques):
    assert "R-22.1" not in politiques["osbl"]
    ordre = politiques["ordre-inhalotherapie"]
    assert "est un tel organisme" not in ordre
    # a member's own practice answers under the law that governs it, not a law the politique picks
    assert "qui en répond selon la loi qui le régit" in ordre
