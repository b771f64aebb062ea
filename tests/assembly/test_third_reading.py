"""The defects the third pair of legal readers found (reader2A, reader2B, December 2026), each
read on the built documents of the eight bodies they read: osbl, chsld-jardins, coop-vallee,
cisss-laurentides, ordre-inhalotherapie, ocq, ligne-ecoute and clinique.

Read on the document model (the three formats carry its text: tests/writers).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from policygen.model.nodes import document_texts

ROOT = Path(__file__).resolve().parents[2]
BODIES = ("osbl", "chsld-jardins", "coop-vallee", "ordre-inhalotherapie", "ligne-ecoute", "clinique")
SHIPPED = ("cisss-laurentides", "ocq")
DOCUMENTS = ("politique", "netiquette", "fiche-synthese")


@pytest.fixture(scope="module")
def texts(assembled) -> dict[tuple[str, str], str]:
    """Each document's text, from the session's models (conftest's `assembled`)."""
    return {(slug, document.kind): " ".join("\n".join(document_texts(document)).replace("\u00a0", " ")
                                             .replace("\u202f", " ").split())
            for slug in (*BODIES, *SHIPPED) for document in assembled[slug][1].values()}


# --- A-S1: who consents for an adult who cannot; under 14 only where children are served --------

def test_consent_for_an_incapable_adult_is_given_by_a_representative(texts):
    for slug in ("chsld-jardins", "cisss-laurentides", "coop-vallee"):
        politique, fiche = texts[slug, "politique"], texts[slug, "fiche-synthese"]
        assert ("Pour une personne majeure inapte, le consentement est donné par son représentant (mandataire "
                "ou tuteur) ; sans représentant, ou dans le doute sur son aptitude, rien n’est publié.") in politique, slug
        assert "(personne inapte : celui de son représentant)" in fiche, slug
    # A CHSLD serves no children: no rule about people under 14 there.
    assert "14 ans" not in texts["chsld-jardins", "politique"] + texts["chsld-jardins", "fiche-synthese"]
    # said once, for whoever publishes (8.6), not again in the staff's own rule
    assert texts["cisss-laurentides", "politique"].count("moins de 14 ans") == 1
    assert ("le consentement d’une personne de moins de 14 ans est donné par le titulaire de l’autorité parentale"
            in texts["cisss-laurentides", "politique"])
    # A body that serves no one has no representative to ask.
    assert "majeure inapte" not in texts["osbl", "politique"]


# --- A-S2: the people served do not include their relatives by definition -----------------------

@pytest.mark.parametrize("slug", ["chsld-jardins", "coop-vallee", "cisss-laurentides", "clinique"])
def test_the_people_served_are_defined_without_their_relatives(texts, slug):
    politique = texts[slug, "politique"]
    definition = re.search(r"(résidents|patients|usagers) : les personnes qui reçoivent ou ont reçu des services [^;]*;", politique)
    assert definition, slug
    assert "proches" not in definition.group(0), definition.group(0)
    assert "ainsi que leurs proches" not in politique


# --- A-S3: a Santé Québec body's staff are employed by Santé Québec ----------------------------

def test_a_sante_quebec_bodys_staff_are_bound_to_sante_quebec_by_employment(texts):
    politique = texts["cisss-laurentides", "politique"]
    assert "le personnel, soit les personnes liées à Santé Québec par un emploi et affectées au CISSS des Laurentides :" in politique
    assert "liées à l’établissement par un emploi" not in politique
    # A body outside Santé Québec employs its own staff.
    assert "le personnel et les gestionnaires, soit les personnes liées à la Résidence par un emploi" in texts["chsld-jardins", "politique"]


# --- B-X1: members' personal speech answers to their code and the Code des professions only -----

@pytest.mark.parametrize("slug", ["ocq", "ordre-inhalotherapie"])
def test_members_personal_speech_is_held_to_their_code_not_to_the_ordres_values(texts, slug):
    politique = texts[slug, "politique"]
    assert ("sont permis à titre personnel ; ceux des membres restent régis par le code de déontologie de la "
            "profession et par le Code des professions, et par eux seuls ; ceux du personnel respectent en outre "
            "les politiques et les valeurs de l’Ordre.") in politique
    assert "s’ils respectent le code de déontologie de la profession ainsi que les politiques" not in politique


# --- B-Q1: consultants and trainees are not under the employer's regime ------------------------

def test_an_ordres_consultants_and_trainees_answer_to_their_contract(texts):
    politique = texts["ocq", "politique"]
    assert "y compris les consultants, les étudiants et les stagiaires" not in politique
    assert "les consultants, liés à l’Ordre par un contrat de services ;" in politique
    assert ("Pour les personnes qui exercent sans lien d’emploi, un manquement est traité selon "
            "l’entente qui les lie à l’Ordre (contrat de services ou convention d’exercice)") in politique
    assert "Pour les étudiants et les stagiaires, un manquement est traité selon la convention de stage" in politique


# --- B-C3: a private clinic's physicians are bound by contract, not by privileges -------------

def test_a_private_clinics_physicians_answer_to_their_contract(texts):
    assert "privilèges" not in texts["clinique", "politique"] + texts["clinique", "fiche-synthese"]
    assert "l’entente qui les lie à la Clinique (contrat de services ou convention d’exercice)" in texts["clinique", "politique"]
    # an établissement's physicians and dentists: the rules of their privileges (G-1.021 arts. 245, 248)
    assert "pour les médecins et les dentistes, le régime de leurs privilèges" in texts["chsld-jardins", "politique"]


# --- B-Q2: a joint prior approval stays joint ----------------------------------------------------

def test_a_joint_prior_approval_stays_joint(texts):
    politique = texts["ocq", "politique"]
    assert "le partage d’un contenu externe ou lié à l’actualité exige cet accord préalable conjoint" in politique
    assert "exige l’accord préalable du président de l’Ordre" not in politique


# --- B-L2, B-C2, A-M8: the friendship ban binds who is in scope, and a help line's listeners ---

def test_the_friendship_ban_binds_a_help_lines_volunteer_listeners(texts):
    politique, fiche = texts["ligne-ecoute", "politique"], texts["ligne-ecoute", "fiche-synthese"]
    assert "Il est interdit au personnel, aux bénévoles et aux stagiaires d’entretenir" in politique
    assert "Ces liens compromettraient la confidentialité et l’anonymat de l’écoute." in politique
    assert "Membre du personnel, bénévole ou stagiaire, n’acceptez" in fiche


@pytest.mark.parametrize("slug", ["clinique", "coop-vallee"])
def test_the_friendship_ban_binds_no_trainee_a_body_does_not_have(texts, slug):
    politique, fiche = texts[slug, "politique"], texts[slug, "fiche-synthese"]
    assert "Il est interdit au personnel d’entretenir" in politique
    assert "stagiaire" not in politique and "en stage" not in fiche
    assert "Ces liens peuvent être incompatibles avec les obligations déontologiques" in politique


# --- B-L3, A-M4, B-X2: no hours the file never gave, no « éclosion » outside care -------------

@pytest.mark.parametrize("slug", ["ligne-ecoute", "osbl", "clinique"])
def test_a_file_without_moderation_hours_prints_none(texts, slug):
    for document in DOCUMENTS:
        text = texts[slug, document]
        assert not re.search(r"\d h \d\d|\bde \d+ h à\b", text.split("Historique des versions")[0].replace(
            "de 8 h à minuit", "")), (slug, document)
        assert "heures habituelles" not in text and "Qui anime ces pages et quand" not in text
    assert "Nous ne suivons pas nos pages en tout temps" in texts[slug, "netiquette"]


def test_an_outbreak_is_a_care_bodys_crisis_only(texts):
    for slug in ("osbl", "ligne-ecoute", "ocq", "ordre-inhalotherapie"):
        assert "éclosion" not in texts[slug, "netiquette"], slug
    assert "Lors d’une crise (une éclosion, un sinistre)" in texts["cisss-laurentides", "netiquette"]


# --- A-S6, A-M14: the file's blocking choice stays visible; threats and spam are blocked at once --

def test_the_files_blocking_keeps_its_mark_and_check_says_what_the_rule_replaced(texts):
    for document in ("politique", "netiquette"):
        text = texts["cisss-laurentides", document]
        assert "en dernier recours, le blocage de son auteur (à confirmer)." in text, document
    assert ("l’auteur d’une menace, d’une usurpation d’identité ou d’un pourriel est bloqué sans avertissement"
            in texts["cisss-laurentides", "politique"])
    assert ("Sauf menace, usurpation ou pourriel, nous ne bloquons qu’après un avertissement, et jamais pour une "
            "opinion.") in texts["cisss-laurentides", "netiquette"]
    # A file whose blocking is not marked prints it without a mark.
    assert "en dernier recours, le blocage de son auteur." in texts["ocq", "netiquette"]
    result = CliRunner().invoke(main, ["check", str(ROOT / "organisations/cisss-laurentides.yaml")])
    warning = re.search(r"cisss-laurentides\.yaml:(\d+): avertissement \[organisation\.phrasing\] — sanctions\.public\[3\]\n"
                        r"  Les documents n’impriment pas « le blocage de son auteur, avec ou sans préavis » tel quel",
                        result.output)
    assert warning, result.output
    lines = (ROOT / "organisations/cisss-laurentides.yaml").read_text(encoding="utf-8").splitlines()
    assert "avec ou sans préavis" in lines[int(warning.group(1)) - 1]


# --- B-O1: any person may bring a complaint before the conseil de discipline -------------------

@pytest.mark.parametrize("slug", ["ocq", "ordre-inhalotherapie"])
def test_any_person_may_bring_a_complaint_before_the_conseil_de_discipline(texts, slug):
    assert ("ou toute autre personne peut porter plainte devant le conseil de discipline (Code des professions, "
            "art. 128)") in texts[slug, "politique"]
    fiche = texts[slug, "fiche-synthese"]
    assert "seul à enquêter, ou une plainte au conseil de discipline." in fiche
    assert "seul à pouvoir enquêter et saisir le conseil de discipline" not in fiche


# --- B-L1, A-M15: the pseudonym rule binds the people bound, and leaves the responders' signature --

def test_the_pseudonym_rule_binds_the_people_bound_and_allows_the_responders_signature(texts):
    politique = texts["ligne-ecoute", "politique"]
    assert ("aucune personne visée n’emploie une fausse identité ni un pseudonyme, hormis le pseudonyme que la "
            "Coordination des communications attribue pour signer les réponses, et aucune n’intervient alors de "
            "façon anonyme.") in politique
    assert "nul n’emploie" not in politique and "comme le prévoit la présente section" not in politique
    assert "hormis le pseudonyme" not in texts["cisss-laurentides", "politique"]


# --- B-L4: a help line listens on its line, never in comments or private messages ------------------

def test_a_help_line_does_no_listening_through_social_media(texts):
    politique = texts["ligne-ecoute", "politique"]
    assert ("Aucune écoute ni intervention ne se fait par les commentaires ou les messageries des médias sociaux"
            in politique)
    assert "vers notre ligne, au 514 555-0199 (à confirmer), tous les jours, de 8 h à minuit (à confirmer), ou en tout temps vers le 9-8-8." in politique
    assert "Aucune écoute ni intervention" not in texts["cisss-laurentides", "politique"]


# --- B-Q3: an ordre without its own complaint desk names where complaints on its services go ---------

def test_the_complaint_on_an_ordres_services_names_its_desk(texts):
    netiquette = texts["ocq", "netiquette"]
    assert "une plainte sur nos services, au Service des communications (à confirmer), sous « Nous joindre »." in netiquette
    assert "une plainte sur nos services, aux coordonnées ci-dessous" in texts["ordre-inhalotherapie", "netiquette"]


# --- B-C1: a clinic promoting its services follows its professionals' rules on advertising ----------

def test_a_clinics_advertising_follows_its_professionals_code_and_bills_no_insured_service(texts):
    politique = texts["clinique", "politique"]
    assert ("Toute publicité des soins que donnent des membres d’un ordre professionnel respecte leur code de "
            "déontologie : elle ne contient aucun témoignage d’appui ou de reconnaissance") in politique
    # a non-participating physician's services may be shown as payable, said clearly (reader5-table K2)
    assert ("ne présente comme payant un service que couvre le régime public d’assurance maladie que si le médecin "
            "qui le rend ne participe pas au régime, ce qu’elle dit alors clairement.") in politique
    assert "Toute publicité des soins" not in texts["ligne-ecoute", "politique"]


# --- B-X4, B-X5: the Charte's words (« l’ordre public »); managers' measures reach the staff only ----

def test_the_charter_is_paraphrased_with_its_own_words_and_managers_measure_only_the_staff(texts):
    for slug in ("ocq", "clinique"):
        politique = texts[slug, "politique"]
        # art. 9.1 named without closing its list (the law has added values since: readings5)
        assert "des valeurs que nomme l’art. 9.1, dont les valeurs démocratiques, l’ordre public et le bien-être général" \
            in politique
        assert "paix publique" not in politique
        assert "des mesures administratives ou disciplinaires à l’égard du personnel" in politique
