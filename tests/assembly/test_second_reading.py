"""The defects the second pair of legal readers found (issue 17, December 2026), each read
on the built documents of the fixture bodies: a foundation whose donors are not people
served, a CHSLD privé conventionné outside Santé Québec, a health cooperative with a
volunteer board, and the others of tests/fixtures/organismes.

Read on the document model (the three formats carry its text: tests/writers).
"""

from __future__ import annotations

import re

import pytest

from policygen.model.nodes import document_texts

BODIES = ("osbl", "chsld-jardins", "coop-vallee", "ligne-ecoute", "clinique", "ciusss")
SHIPPED = ("cisss-laurentides", "ocq")


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def raw(assembled) -> dict[tuple[str, str], str]:
    """Each French document's text as the model holds it (typographic spaces kept; an English
    edition follows English typography), from the session's models (conftest's `assembled`)."""
    return {(slug, document.kind): "\n".join(document_texts(document))
            for slug in (*BODIES, *SHIPPED) for document in assembled[slug][1].values() if document.lang == "fr-CA"}


@pytest.fixture(scope="module")
def texts(raw) -> dict[tuple[str, str], str]:
    return {key: _plain(text) for key, text in raw.items()}


def _body(texts, slug: str) -> str:
    return " ".join(text for (stem, _), text in texts.items() if stem == slug)


# --- 1. A foundation's donors are not people served; no care vocabulary without care ------------

CARE_WORDS = re.compile(r"\bsoins\b|secret professionnel|\bdossier\b|\busagers?\b|personnes? desservies?")


def test_a_foundation_prints_no_rule_about_people_served_nor_care(texts):
    for document in ("politique", "fiche-synthese", "netiquette"):
        text = texts["osbl", document]
        assert "donateur" not in text, document
        found = CARE_WORDS.search(text)
        assert found is None, (document, text[max(0, found.start() - 80):found.end() + 80])
    politique = texts["osbl", "politique"]
    # The friendship ban is about people one serves: a foundation has none.
    assert "demande d’amitié" not in politique and "à qui ils offrent" not in politique
    # Confidentiality still binds everyone, about any person.
    assert "permet d’identifier, directement ou indirectement, une personne sans son consentement" in politique


def test_a_help_line_keeps_its_callers_but_gets_no_care_vocabulary(texts):
    for document in ("politique", "fiche-synthese", "netiquette"):
        text = texts["ligne-ecoute", document]
        # Only the Code des professions' reminder to its professionals, « le cas échéant ».
        assert not re.search(r"\bsoins\b|secret professionnel(?! \(art\. 60\.4\))", text), document
    assert "les personnes appelantes" in texts["ligne-ecoute", "politique"]


def test_care_bodies_keep_professional_secrecy_and_the_complaint_about_care(texts):
    for slug in ("coop-vallee", "chsld-jardins", "ciusss"):
        politique = texts[slug, "politique"]
        assert "secret professionnel" in politique, slug
        assert "Une plainte sur les soins ou les services reçus" in politique, slug


# --- 6. One rule on blocking, in both voices: never « avec ou sans préavis » beside « après un avertissement »

def _measures(text: str) -> str:
    start = re.search(r"(les mesures suivantes|ces mesures) :", text).end()  # the nétiquette says « ces mesures »
    return text[start:text.index("dernier recours", start)]


@pytest.mark.parametrize("slug", ["cisss-laurentides", "ocq", "osbl"])
def test_the_measures_against_commenters_are_one_list_and_blocking_one_rule(texts, slug):
    politique, netiquette = texts[slug, "politique"], texts[slug, "netiquette"]
    for text in (politique, netiquette):
        assert "préavis" not in text and "bannissement" not in text
        assert re.search(r"en dernier recours, le blocage de son auteur( \(à confirmer\))?\.", text)
        assert "après un avertissement" in text
    # The same measures, word for word, in the politique and the nétiquette.
    assert _measures(politique) == _measures(netiquette)


# --- 4. A public reply never confirms that someone is a patient or a user ---------------------

NEVER_CONFIRM = {
    "politique": "ne confirme ni ne nie qu’une personne reçoit ou a reçu ses services, même lorsque cette personne le dit elle-même",
    "fiche-synthese": "ne confirmez jamais publiquement qu’une personne reçoit ses services, même si elle le dit",
    "netiquette": "Nous ne confirmons jamais publiquement qu’une personne reçoit nos services, même si elle l’écrit",
}


@pytest.mark.parametrize("slug", ["coop-vallee", "clinique", "chsld-jardins", "ciusss", "ligne-ecoute"])
def test_a_public_reply_never_confirms_that_someone_is_served(texts, slug):
    for document, sentence in NEVER_CONFIRM.items():
        assert sentence in texts[slug, document], (slug, document)


def test_a_body_that_serves_no_one_has_nothing_to_confirm(texts):
    for document, sentence in NEVER_CONFIRM.items():
        assert sentence not in texts["osbl", document]


# --- 2. A private establishment's health information follows R-22.1 (incidents, register, consent) --

def test_a_private_establishment_cites_r22_1_for_incidents_and_consent(texts):
    politique = _body(texts, "chsld-jardins")
    assert ("ces obligations découlent des articles 108 et 110 de la Loi sur les renseignements de santé "
            "et de services sociaux (RLRQ, c. R-22.1), qui vise aussi les établissements privés") in politique
    assert "(RLRQ, c. R-22.1, r. 1, art. 15)" in politique
    assert "articles 3.5 à 3.8 de la Loi sur la protection des renseignements personnels dans le secteur privé" in politique
    assert ("(RLRQ, c. R-22.1, art. 6, pour un résident ; RLRQ, c. P-39.1, art. 14, pour toute autre personne). "
            "Pour une personne majeure inapte") in politique
    # A private body that is not an établissement is under only if it is one of its « organismes »
    # (art. 4, not read): said as a condition (tests/assembly/test_health_information_reach.py).
    assert "ces obligations découlent des articles 108 et 110" not in _body(texts, "coop-vallee")
    assert "si la Coopérative est un organisme du secteur de la santé et des services sociaux" in _body(texts, "coop-vallee")


# --- 5. Photo consent: the heading and the rule say the same --------------------------------

@pytest.mark.parametrize("slug", ["chsld-jardins", "ciusss", "coop-vallee"])
def test_the_photo_consent_heading_and_rule_agree(texts, slug):
    politique, fiche = texts[slug, "politique"], texts[slug, "fiche-synthese"]
    assert "un consentement manifeste et éclairé, recueilli par écrit" in politique
    assert "consentement manifeste, libre et éclairé, donné pour cette fin précise" in politique
    assert "Ce consentement est recueilli par écrit, pour en garder la preuve." in politique
    assert "consentement écrit, donné pour cette fin" in fiche


# --- 8. Administrators of the shipped ordres are administrators, not employees ----------------

def test_an_ordres_administrators_answer_to_their_code_not_to_the_employer(texts):
    politique, fiche = texts["ocq", "politique"], texts["ocq", "fiche-synthese"]
    assert ("Pour les membres du conseil d’administration et des comités, un manquement est examiné selon "
            "le code d’éthique des administrateurs") in politique
    assert "Pour les membres du conseil d’administration et des comités : un examen selon le code d’éthique" in fiche
    for text in (politique, fiche):
        assert "la fin du mandat d’un administrateur" not in text  # never among the employer's measures


# --- 9. French faults of the reading, by class ----------------------------------------------

@pytest.mark.parametrize("slug", BODIES + SHIPPED)
def test_no_doubled_semicolon_nor_half_contracted_list(texts, slug):
    for document in ("politique", "fiche-synthese", "netiquette"):
        text = texts[slug, document]
        assert not re.search(r";\s*;", text), (slug, document)
        # « aux administrateurs et les membres » : the contraction reaches every coordinated noun.
        assert not re.search(r"\baux [^,;.:]{1,40} et les ", text), (slug, document)  # not across a list's colon


def test_a_list_of_measures_whose_items_hold_commas_is_set_apart_by_semicolons(texts):
    fiche = texts["cisss-laurentides", "fiche-synthese"]
    assert ("le retrait ou la modification du contenu publié, ou sa rétractation par son auteur ; ou des "
            "mesures administratives ou disciplinaires") in fiche


def test_the_identification_block_says_the_delegation_once(texts):
    politique = texts["cisss-laurentides", "politique"]
    head = politique[:politique.index("Validation")]
    assert head.count("délégation") == 1, head


def test_third_party_content_cites_the_ti_act_beside_the_civil_code(texts):
    for slug in ("cisss-laurentides", "osbl", "coop-vallee"):
        assert ("(Code civil du Québec, art. 1457), à l’image de ce que la Loi concernant le cadre juridique des "
                "technologies de l’information (RLRQ, c. C-1.1, art. 22)") in texts[slug, "politique"], slug


def test_a_no_break_thin_space_precedes_every_semicolon(raw):
    """« (à confirmer); » in the nétiquette: a value to confirm followed by « ; » kept no space."""
    for (slug, document), text in raw.items():
        found = re.search(r"[^\u202f\u00a0];", text)
        assert found is None, (slug, document, text[max(0, found.start() - 60):found.end() + 10])


# --- 3. A default the file never set is not printed as the body's choice ---------------------

def test_defaults_the_file_never_chose_are_not_printed_as_choices(texts):
    # osbl sets no moderation hours, no review cycle, no rule on personal use at work.
    politique, netiquette, fiche = (texts["osbl", kind] for kind in ("politique", "netiquette", "fiche-synthese"))
    for text in (politique, netiquette, fiche):
        assert "du lundi au vendredi" not in text and "8 h 30" not in text
        assert "en dehors des heures de travail, y compris pendant les pauses" not in text
    assert "Les plateformes officielles ne sont pas suivies en tout temps" in politique
    assert "Nous ne suivons pas nos pages en tout temps" in netiquette
    assert "tous les trois ans" not in politique and "Cadence à fixer par l’instance d’approbation" in politique
    assert "dans le respect des règles de l’employeur sur le temps et les équipements de travail" in fiche
    # The file-sharing tools bind the staff, not everyone the politique binds.
    assert "le personnel échange de l’information, des fichiers ou des documents internes exclusivement" in politique
    assert "les personnes visées échangent" not in politique
    assert "qui vise la Fondation ou une personne qui y travaille le transmet" in politique


def test_values_the_file_sets_are_printed_as_its_choices(texts):
    netiquette = texts["coop-vallee", "netiquette"]
    assert "Nous suivons nos pages du lundi au jeudi, de 9 h à 15 h" in netiquette
