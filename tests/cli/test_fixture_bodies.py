"""Bodies no one modelled before describe themselves, and their three documents read right.

The fixture organisations (tests/fixtures/organismes/) are built to HTML once for the whole run
(conftest's `bodies_built`); each document is read back and checked for the body's own words and
for agreement with its names. (The Word files print the HTML's words: tests/writers/test_parity.py
on every shipped body's; laying out each fixture body's Word files again would only repeat it.)
"""

from __future__ import annotations

import re

import pytest

from conftest import BODIES
from readback import html_text

DOCUMENTS = ("politique", "netiquette", "fiche-synthese")

# Contractions and articles that French never writes before a noun (an infinitive may follow
# « de le », « à les »: « avant de le publier »).
BROKEN = re.compile(r"(?<![\w’])(?:(?:à|de) (?:le|les) (?!\w+(?:er|ir|re|oir)\b)|la le |le la |de la le |"
                    r"(?:le|la|du|au|de|à) (?:Le|La|Les|L’) ?[A-Z])")


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def texts(bodies_built) -> dict[tuple[str, str, str], str]:
    out = bodies_built  # the session's build of every fixture body, HTML
    return {(body.stem, document): _plain(html_text(out / body.stem / f"{document}.html"))
            for body in BODIES for document in DOCUMENTS}


def _all(texts, body: str) -> str:
    return " ".join(text for (stem, _), text in texts.items() if stem == body)


@pytest.mark.parametrize("body", [b.stem for b in BODIES])
def test_no_broken_contraction_in_any_document(texts, body):
    for document in DOCUMENTS:
        text = texts[body, document]
        found = BROKEN.search(text)
        assert found is None, (document, text[max(0, found.start() - 60):found.end() + 60])
        for word in ("l’Ordre" if not body.startswith("ordre") else "de OPIE", "bureau du syndic", "None"):  # ordre-en: the same ordre
            assert word not in text, (document, word)


def test_college_members_are_not_employees(texts):
    politique = texts["college", "politique"]
    assert "Nul ne peut exercer la médecine au Québec" in politique
    assert "sous l’autorité du Secrétariat général" in politique
    assert "à la Direction des enquêtes" in politique
    assert "soit les médecins" in politique
    # Loyalty and prior authorisation bind the staff and the directors, never the members.
    assert "le personnel, soit les personnes liées au Collège par un emploi" in politique
    assert "Le personnel est tenu à un devoir de loyauté envers le Collège" in politique
    assert "Les médecins n’ont besoin d’aucune autorisation pour s’exprimer en leur nom propre" in politique
    assert "Toute personne visée est tenue à un devoir de loyauté" not in politique
    assert "n’est tenu qu’au respect de la nétiquette" in politique
    fiche = texts["college", "fiche-synthese"]
    assert "s’applique au personnel, aux membres du conseil d’administration et des comités et aux médecins" in fiche
    assert "Membre du personnel, vous devez loyauté au Collège" in fiche
    netiquette = texts["college", "netiquette"]
    assert "non de défendre nos membres : une demande d’enquête sur l’un d’eux s’adresse à la Direction des enquêtes" \
        in netiquette and "pratique professionnelle en médecine" in netiquette


def test_a_feminine_name_with_its_own_article_contracts(texts):
    text = _all(texts, "maison")
    assert "de la Maison de l’Essai" in text and "à la Maison de l’Essai" in text
    assert "la Maison de l’Essai (ci-après « la Maison ») ne peut ignorer" in text
    assert "aux Services des communications" in text and "des Services des communications" in text
    assert "les résidents" in text
    assert "de La Maison" not in text and "à La Maison" not in text


def test_a_name_starting_with_a_vowel_elides(texts):
    text = _all(texts, "institut")
    assert "de l’Institut" in text and "à l’Institut" in text
    assert "à la commissaire locale aux plaintes et à la qualité des services" in text
    assert "sous l’autorité du Secrétariat général" in text
    assert "de la Secrétariat" not in text and "le Institut" not in text


def test_an_establishment_serving_the_population_names_it(texts):
    text = _all(texts, "ciusss")
    # the population as an audience; the rights G-1.021 confers stay the users' (reader5-table U5)
    assert "la population peut voir" in text and "les droits de la population" not in text
    # Only where the politique speaks of a law in its own terms: the former one's, and the users' rights.
    assert text.count("usagers") == (text.count("respect des droits des usagers (art. 3)")
                                     + text.count("les droits des usagers, dont le droit d’être traité"))
    # Physicians and volunteers answer to their own processes, not to the employer's measures.
    assert "Pour les personnes qui exercent sans lien d’emploi et les bénévoles, " \
           "un manquement est traité selon les processus propres à leur statut" in text


def test_a_private_clinic_speaks_of_its_patients(texts):
    text = _all(texts, "clinique")
    assert "droits des patients" in text and "la Clinique" in text
    assert "commissaire" not in text
