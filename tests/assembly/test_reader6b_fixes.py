"""What the sixth legal reading found (notes/reader6.md), read back on the built text of the bodies new users
wrote (tests/orgfile/corps) and of the shipped bodies."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.cli.main import main
from policygen.library.loader import load_library
from policygen.model.nodes import document_texts

ROOT = Path(__file__).resolve().parents[2]
CORPS = ROOT / "tests" / "orgfile" / "corps"
SHIPPED = ROOT / "organisations"
KINDS = ("politique", "netiquette", "fiche-synthese")


def _text(document) -> str:
    return " ".join(" ".join(document_texts(document)).replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def library():
    return load_library()


def _build(library, path: Path) -> dict[str, str]:
    loaded, problems = load_all([path], library)
    assert not problems, problems
    return {d.kind: _text(d) for d in documents_for(loaded[0], library, list(library.documents)) if d.kind in KINDS}


@pytest.fixture(scope="module")
def rpa(library):
    return _build(library, CORPS / "rpa-opalia.yaml")


def test_1_one_complaint_route_then_the_commissioner_at_any_time(rpa):
    """Finding 1: « s'adresse à la Direction » then « s'adresse au commissaire » for the same complaint."""
    politique, netiquette = rpa["politique"], rpa["netiquette"]
    assert "Une plainte sur les soins ou les services reçus s’adresse d’abord à : Direction de la Résidence" in politique
    commissioner = ("Une plainte sur les services reçus à la Résidence s’adresse aussi, en tout temps, à : "
                    "Commissaire aux plaintes")
    assert commissioner in politique and commissioner in netiquette
    assert "Une plainte sur les services reçus à la Résidence s’adresse à :" not in politique + netiquette
    assert ("Une plainte sur les services reçus à la Résidence s’adresse aussi, en tout temps, à : Commissaire aux plaintes"
            in rpa["fiche-synthese"])
    assert "Tribunal administratif du logement" not in politique  # reader 8 M-14: it takes no complaint


def test_2_article_21_as_the_law_reads(rpa):
    """Finding 2: the duty to report bound every provider for every resident and named no recipient."""
    politique = rpa["politique"]
    assert ("Dans les cas que prévoit l’art. 21, dont celui d’une résidente ou d’un résident en situation de "
            "vulnérabilité, tout prestataire") in politique
    assert ("le signale sans délai au commissaire local aux plaintes et à la qualité des services compétent ou, "
            "selon le cas, à un intervenant désigné") in politique
    assert "qu’une résidente ou un résident en situation de vulnérabilité est victime de maltraitance doit" not in politique


def test_3_the_fiche_keeps_the_sector_rule_on_maltreatment(rpa):
    fiche = rpa["fiche-synthese"]
    assert ("Humilier une résidente ou un résident en ligne peut être de la maltraitance : signalez-le à la "
            "Direction de la Résidence ; la loi peut exiger un signalement immédiat au commissaire") in fiche  # reader 8


@pytest.fixture(scope="module")
def aidants(library):
    loaded, problems = load_all([CORPS / "reseau-aidants.yaml"], library)
    assert not problems, problems
    return {d.kind: _text(d) for d in documents_for(loaded[0], library, list(library.documents))}


def test_8_and_10_the_english_editions_print_no_french_the_glossary_gives(aidants):
    """Findings 8 and 10: the sector line's name and hours, the group's name and the units were French inside the
    English; « a private enterprise » called a volunteer community body a business."""
    netiquette, fiche = aidants["netiquette.en"], aidants["fiche-synthese.en"]
    assert ("To reach a worker at the Elder Mistreatment Helpline (Ligne Aide Maltraitance Adultes Aînés), call "
            "1-888-489-2287, 8 a.m. to 8 p.m., every day (to be confirmed).") in netiquette
    assert "tous les jours" not in netiquette and "groupe Facebook privé" not in netiquette
    assert "Executive Office (Direction générale)" in netiquette
    assert "the Coordination des communications (Communications Coordination)" in fiche
    for text in (netiquette, fiche):
        assert "a private organization, publishes this English version" in text
        assert "private enterprise" not in text


def test_8_check_names_the_french_words_an_english_netiquette_would_print(tmp_path):
    text = (CORPS / "reseau-aidants.yaml").read_text(encoding="utf-8")
    head, tail = text.split("  glossaire:\n")
    bare = tmp_path / "reseau-aidants.yaml"
    bare.write_text(head + "  glossaire: {}\nroles:" + tail.split("\nroles:", 1)[1], encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(bare)])
    assert "La nétiquette ou la fiche anglaise imprime en français ces mots du fichier" in result.output
    for word in ("« tous les jours, de 8 h à 20 h »", "« groupe Facebook privé des proches aidants »",
                 "« Coordination des communications »", "« Direction générale »"):
        assert word in result.output
    clean = CliRunner().invoke(main, ["check", str(CORPS / "reseau-aidants.yaml")])
    assert "imprime en français ces mots" not in clean.output


def test_9_a_private_group_of_users_is_not_a_public_page(aidants):
    """Finding 9: the private support group was listed among « nos pages » and its members told never to speak
    of their situation."""
    for kind, own in (("netiquette", "En participant à nos pages Facebook, vous acceptez"),
                      ("netiquette.en", "By taking part in our Facebook pages, you accept")):
        assert own in aidants[kind]
    assert ("Dans notre groupe Facebook privé des proches aidants, réservé aux personnes que nous accompagnons, vous "
            "pouvez parler de votre situation ; ce qui s’y dit reste dans le groupe (ni copie ni capture d’écran).") \
        in aidants["netiquette"]
    assert "In our private Facebook group for caregivers, kept for the people we support" in aidants["netiquette.en"]
    assert "nos pages Facebook et groupe Facebook" not in aidants["netiquette"]


def test_12_the_caregivers_number_is_not_a_seniors_residence(aidants):
    assert "RPAP-COM-2027-1" in aidants["politique"] and "RPA-COM-2027-1" not in aidants["politique"]


def test_13_a_regulation_is_cited_as_one_its_number_to_confirm_in_brackets(library):
    """Finding 13: « (RLRQ, c. I-8 (à confirmer)) » cited the Act for a regulation, with nested parentheses."""
    politique = _build(library, CORPS / "ordre-infirmier.yaml")["politique"]
    assert "l’Essai (RLRQ, c. I-8, r. [numéro à confirmer])" in politique
    assert "c. I-8 (à confirmer)" not in politique


def test_16_17_no_one_remains_bound_by_the_directive_the_politique_replaces(library):
    politique = _build(library, SHIPPED / "cisss-chaudiere-appalaches.yaml")["politique"]
    bound = politique.split("demeure soumise")[1][:400]
    assert "Directive" not in bound and "Nétiquette" not in bound
    assert "le code d’éthique de Santé Québec (à confirmer)" in bound
    assert "code d’éthique de l’établissement" not in politique
    assert "la Directive sur l’utilisation des médias sociaux et la Nétiquette de l’intranet (à confirmer)" in politique


def test_minor_elision_agreement_and_the_communication_that_takes_place(rpa, aidants):
    """Findings 4, 5, 7: « que Opalia », « au personnel … ; elle refuse », « l’évaluation … ; elle n’a lieu »."""
    politique = rpa["politique"]
    assert "d’échange qu’Opalia (ci-après « la Résidence »)" in politique and "que Opalia" not in politique
    for text in (politique, aidants["politique"]):
        assert "; chaque membre du personnel" in text and "refuse toute demande d’amitié" in text
        assert "; elle refuse" not in text and "la personne visée refuse" not in text
    assert "sur cette communication ; la communication n’a lieu que si l’évaluation montre" in politique
    assert "; elle n’a lieu que si" not in politique


def test_minor_6_a_residence_gets_no_physicians_rule_and_the_maltreatment_example(rpa, library):
    politique = rpa["politique"]
    assert "régime public d’assurance maladie" not in politique
    assert ("de faire un signalement que la loi exige ou permet, notamment au commissaire local aux plaintes et à la "
            "qualité des services en cas de maltraitance") in politique
    assert "directeur de la protection de la jeunesse" not in politique
    clinic = _build(library, ROOT / "tests" / "fixtures" / "organismes" / "clinique.yaml")["politique"]
    assert "régime public d’assurance maladie que si le médecin qui le rend ne participe pas" in clinic


def test_minor_11_the_caregivers_r22_1_answer_is_to_be_confirmed(aidants):
    assert "organisme du secteur de la santé et des services sociaux (à confirmer)" in aidants["politique"] or \
        "(à confirmer) au sens de la Loi sur les renseignements de santé" in aidants["politique"]
    assert "Le Réseau n’est pas un organisme du secteur de la santé" not in aidants["politique"]


@pytest.mark.parametrize("path", [CORPS / "rpa-opalia.yaml", CORPS / "reseau-aidants.yaml",
                                  SHIPPED / "cisss-chaudiere-appalaches.yaml"])
def test_minor_18_the_definitions_are_in_alphabetical_order(library, path):
    """Finding 18: « respect … » came before « personne autorisée … », and the served people's word (« résidentes
    et résidents ») between them."""
    import re
    import unicodedata
    definitions = _build(library, path)["politique"].split("on entend par :")[1].split("Fondements juridiques")[0]
    terms = [t.strip() for t in re.findall(r"(?:^|; |\. )([^;.:()]{3,45}) :", definitions)
             if t.strip()[:1].isalpha() and t.strip() != "ils comprennent notamment"]
    folded = [unicodedata.normalize("NFD", t.lower()).encode("ascii", "ignore").decode() for t in terms]
    assert len(folded) >= 12 and folded == sorted(folded), terms
    assert definitions.strip().endswith("."), definitions[-80:]


def test_minor_14_the_nurses_ordre_speaks_of_patients_and_the_syndic_files_the_complaint(library):
    politique = _build(library, CORPS / "ordre-infirmier.yaml")["politique"]
    assert "envers le public, leurs patients et la profession" in politique
    assert "la confidentialité des échanges avec ses patients" in politique and "clients" not in politique
    assert "le syndic (ou un syndic adjoint) ou toute autre personne peut porter plainte devant le conseil" in politique
    assert "le Bureau du syndic ou toute autre personne peut porter plainte" not in politique


def test_minor_15_a_one_category_regime_is_not_repeated_under_its_heading(library):
    politique = _build(library, CORPS / "ordre-infirmier.yaml")["politique"]
    assert "les infirmières et infirmiers : les infirmières et infirmiers inscrits au tableau" not in politique
    assert "les membres du conseil d’administration et des comités : les administrateurs" not in politique
    assert "; les administrateurs et les membres des comités de l’Ordre ; les infirmières et infirmiers inscrits " \
        "au tableau." in politique


def test_minor_14_the_ordres_privacy_officer_holds_the_presidents_delegation(library):
    politique = _build(library, CORPS / "ordre-infirmier.yaml")["politique"]
    # reader 7 OI-5: the file names the officer, not the written delegation: the politique states its condition
    assert ("La personne responsable, la secrétaire de l’Ordre si la présidence lui a délégué cette fonction par "
            "écrit, dont les coordonnées figurent") in politique


def test_minor_12_the_caregivers_code_of_ethics_is_named_and_to_be_confirmed(aidants):
    politique = aidants["politique"]
    assert "répondent de leur conduite selon le code d’éthique du Réseau (à confirmer)" in politique
    assert "code d’éthique de l’organisme" not in politique
