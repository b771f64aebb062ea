"""What the fifth legal readings left open (notes/reader5.md, reader5-table.md U4 and U6), read back on
the documents of the bodies new users wrote (tests/orgfile/corps), of the shipped and of the fixture bodies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import document_texts

ROOT = Path(__file__).resolve().parents[2]
CORPS = ROOT / "tests" / "orgfile" / "corps"
FIXTURES = ROOT / "tests" / "fixtures" / "organismes"
SHIPPED = ROOT / "organisations"


def _text(document) -> str:
    return " ".join(" ".join(document_texts(document)).replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def library():
    return load_library()


def _build(library, path: Path, kinds=("politique",)) -> dict[str, str]:
    loaded, problems = load_all([path], library)
    assert not problems, problems
    return {d.kind: _text(d) for d in documents_for(loaded[0], library, list(library.documents)) if d.kind in kinds}


@pytest.fixture(scope="module")
def cisss(library):
    return _build(library, SHIPPED / "cisss-laurentides.yaml", ("politique", "fiche-synthese"))


@pytest.fixture(scope="module")
def rpa(library):
    return _build(library, CORPS / "rpa-opalia.yaml", ("politique", "netiquette", "fiche-synthese"))


def test_c1_friend_requests_are_refused_from_users_known_at_work_only(cisss):
    """C1: « toute demande … de tout usager, actuel ou ancien, qu’on lui ait offert des services ou non » reached
    nearly everyone in a CISSS's region, and no one could obey it without looking people up in the records."""
    for text in cisss.values():
        assert "qu’on lui ait offert des services ou non" not in text
        # reader 7 C-1: even « connu comme tel au travail » reached a whole region; the CISSS now refuses the
        # requests of the users its staff serve (source 004, 5.3.3), as test_reader7b_fixes asserts
        assert "même sans relation de service" not in text


def test_c1_a_ban_on_every_resident_is_limited_the_same_way(rpa):
    politique = rpa["politique"]
    assert "des liens avec toute résidente ou tout résident, actuel ou ancien, connu comme tel au travail" in politique
    assert "Nul ne consulte un dossier pour savoir si une personne est une résidente ou un résident" in politique


def test_c2_every_person_without_an_employment_tie_has_the_measure_of_their_status(cisss):
    """C2: §2 named midwives and researchers and §13.2 named no measure for them, while it sanctioned dentists and
    pharmacists whom §2 left out; each category of §2 now has its measure in §13.2, and no other."""
    politique = cisss["politique"]
    scope = politique.split("Champ d’application")[1].split("Dans la suite du texte")[0]
    for category in ("les médecins et les dentistes qui exercent selon des privilèges",  # reader 8 M-17
                     "les sages-femmes liées à l’établissement par un contrat de services",
                     "les chercheurs qui ne sont pas membres du personnel", "la main-d’œuvre indépendante"):
        assert category in scope
    assert "pharmaciens" not in scope
    sanctions = politique.split("Pour les personnes qui exercent sans lien d’emploi, un manquement est traité")[1]
    sanctions = sanctions.split("Un manquement à leur déontologie")[0]
    for measure in ("rattachées à leurs privilèges (médecins et dentistes)", "le contrat de services d’une sage-femme",
                    "le statut ou l’affiliation d’un chercheur", "la résiliation du contrat qui lie la main-d’œuvre"):
        assert measure in sanctions
    assert "pharmaciens" not in sanctions


@pytest.mark.parametrize("path", [FIXTURES / "ciusss.yaml", FIXTURES / "etablissement-reconnu-en.yaml"])
def test_u4_an_establishments_pharmacists_are_staff(library, path):
    """U4: the test CIUSSS placed its pharmacists among those who practise « sans lien d’emploi », exempting
    employees from the employer's rules; an establishment's default categories did the same."""
    politique = _build(library, path)["politique"]
    scope = politique.split("Champ d’application")[1].split("Dans la suite du texte")[0]
    staff, independent = scope.split("les personnes qui exercent sans lien d’emploi")
    assert "pharmaciens" in staff and "pharmaciens" not in independent


def test_r1_the_residences_protected_routes_name_the_maltreatment_law(rpa):
    """R1: 7.6 gave a seniors' residence the generic routes only (the DPJ); a lawyer expects the report of
    maltreatment (L-6.3, art. 21, 5°: a resident in a vulnerable situation), the local commissioner, the Ligne
    Aide Maltraitance and the ban on reprisals (art. 22.2), which the residence's own law file now gives."""
    politique = rpa["politique"]
    routes = politique.split("Ce que la politique ne restreint pas")[1].split("Confidentialité, vie privée")[0]
    assert ("Aucune règle de la présente politique n’empêche non plus une personne visée de signaler un cas de "
            "maltraitance envers une résidente ou un résident au commissaire local aux plaintes et à la qualité des "
            "services compétent") in routes
    assert "la Ligne Aide Maltraitance Adultes Aînés (art. 20.7 de la Loi visant à lutter contre la maltraitance" \
        in routes and "RLRQ, c. L-6.3" in routes
    assert "Dans les cas que prévoit l’art. 21" in routes and "(art. 22.2)" in routes
    assert "Loi visant à lutter contre la maltraitance envers les aînés et toute autre personne majeure en situation " \
        "de vulnérabilité, RLRQ, c. L-6.3" in politique.split("Lois et règlements cités")[-1]


def test_r2_a_humiliating_or_unconsented_photo_of_a_resident_is_maltreatment(rpa):
    """R2: nothing tied such a publication to maltreatment, nor to the residence's policy against it."""
    politique = rpa["politique"]
    rule = politique.split("Les publications qui humilient une résidente ou un résident")[1]
    assert rule.startswith(" Publier sans son consentement l’image d’une résidente ou d’un résident, ou une image, une "
                           "vidéo ou un propos qui l’humilie")
    assert "peut constituer de la maltraitance au sens de la Loi visant à lutter contre la maltraitance" in rule
    # the residence's policy against maltreatment is named with the file's mark (its duty was not read)
    assert "selon la politique de lutte contre la maltraitance de la Résidence (à confirmer)" in rule
    assert "la politique de lutte contre la maltraitance de la Résidence (à confirmer)" in \
        politique.split("Autres lois, règlements et documents internes")[1]


def test_u6_a_complaint_route_with_no_contact_is_printed_marked_and_warned(library, tmp_path):
    """U6: the test CIUSSS printed its « Commissariat aux plaintes… » with no e-mail, telephone or address."""
    path = FIXTURES / "ciusss.yaml"
    politique = _build(library, path)["politique"]
    contacts = politique.split("Une plainte sur les soins ou les services reçus s’adresse à :")[1]
    assert contacts.startswith(" Commissariat aux plaintes et à la qualité des services (à confirmer)")
    from policygen.cli.main import main as cli
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["check", str(path)])
    assert "ciusss.yaml:37: avertissement [organisation.to-confirm] — contacts.plaintes.titre" in result.output
    assert "comment joindre « Commissariat aux plaintes et à la qualité des services » ?" in result.output
    assert "Sous la ligne 37, ajoutez au moins une coordonnée : « courriel: », « telephone: »" in result.output
    # a route that gives one is left alone
    text = path.read_text(encoding="utf-8").replace(
        "    titre: Commissariat aux plaintes et à la qualité des services\n",
        "    titre: Commissariat aux plaintes et à la qualité des services\n    telephone: 514 555-0100\n")
    reached = tmp_path / "ciusss.yaml"
    reached.write_text(text, encoding="utf-8")
    assert "contacts.plaintes.titre" not in CliRunner().invoke(cli, ["check", str(reached)]).output


def test_item4_an_absent_health_information_answer_is_marked_warned_and_refused_by_final(library, tmp_path):
    """A file without `organisation.loi_renseignements_sante` printed the question unmarked, and `--final` let it
    pass; it now reads as « (à confirmer) »: marked in print, a located French warning saying what to type, and an
    error for a final build."""
    from policygen.cli.main import main as cli
    from click.testing import CliRunner

    path = FIXTURES / "clinique.yaml"
    assert "loi_renseignements_sante" not in path.read_text(encoding="utf-8")
    politique = _build(library, path)["politique"]
    assert "Si la Clinique est un tel organisme (à confirmer), ceux qu’elle détient" in politique
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert "clinique.yaml:8: avertissement [organisation.to-confirm] — organisation.loi_renseignements_sante" \
        in result.output
    assert ("après la ligne 8 (« type: autre »), ajoutez la réponse de votre contentieux : "
            "« loi_renseignements_sante: oui », « loi_renseignements_sante: non »") in result.output
    final = CliRunner().invoke(cli, ["build", "--final", "--format", "html", "--out", str(tmp_path / "out"),
                                     str(path)])
    assert final.exit_code != 0
    assert "clinique.yaml:8: erreur [organisation.to-confirm] — organisation.loi_renseignements_sante" in final.output


def test_r3_agency_staff_answer_through_the_agency(rpa, library, tmp_path):
    """R3: the file gave « le personnel d’agence » the regime of an independent professional, and the politique
    sent their breaches to « l’entente qui les lie à la Résidence (contrat de services ou convention d’exercice) »,
    which they do not have; the ban on links with residents did not reach them. `agence: oui` says what they are."""
    politique = rpa["politique"]
    assert ("Pour le personnel d’agence, qu’une agence de placement emploie, l’entente en cause est le contrat qui lie "
            "la Résidence à l’agence : un manquement est signalé à celle-ci et peut entraîner, selon ce contrat, le "
            "retrait de l’affectation.") in politique
    assert ("La Résidence demande à l’agence de placement, dans le contrat qui les lie, d’appliquer la même "
            "interdiction au personnel d’agence qu’elle y affecte.") in politique
    # without the key, neither sentence
    text = (CORPS / "rpa-opalia.yaml").read_text(encoding="utf-8").replace("    agence: oui\n", "")
    plain = tmp_path / "rpa-opalia.yaml"
    plain.write_text(text, encoding="utf-8")
    shutil.copytree(CORPS / "rpa-opalia", tmp_path / "rpa-opalia")
    assert "agence de placement" not in _build(library, plain)["politique"]


def test_k2_the_private_sector_act_is_never_called_by_a_nickname(library):
    """K2: « la Loi sur le privé » is an undefined nickname in a formal text; the politique gives its title."""
    politique = _build(library, CORPS / "kinetika.yaml")["politique"]
    assert "Loi sur le privé" not in politique
    assert "plutôt que de la Loi sur la protection des renseignements personnels dans le secteur privé" in politique


def test_o6_an_ordres_editorial_line_does_not_promote_its_members(library):
    """O6: « faire connaître … les réalisations de ses membres » sat badly with an ordre that protects the public
    and does not represent its members."""
    politique = _build(library, CORPS / "ordre-infirmier.yaml")["politique"]
    assert "les initiatives et les réalisations de ses membres" not in politique
    assert ("La ligne éditoriale vise notamment à faire connaître les services de l’Ordre et ses initiatives de "
            "protection du public, et à mettre en valeur les avancées de son domaine : l’Ordre ne fait pas la promotion de "
            "ses membres.") in politique


def test_k3_k4_a_business_binds_the_people_it_declares_under_its_own_code(library):
    """K4: a for-profit clinic bound « bénévoles » and committee members it does not have (its file declared no one,
    so its type's categories applied); K3: « le code d’éthique de l’organisme » does not exist in a business
    corporation: `vocabulaire.code_ethique` gives its own."""
    texts = _build(library, CORPS / "kinetika.yaml", ("politique", "fiche-synthese"))
    for text in texts.values():
        assert "bénévole" not in text and "comités" not in text
        assert "code d’éthique de l’organisme" not in text
    assert "La politique s’harmonise avec le code de conduite de Kinetika (à confirmer)" in texts["politique"]


def test_o7_an_ordres_fiche_names_its_staff_whole(library):
    """O7: in an ordre « membre » means a nurse: « Vous n’êtes pas membre du personnel ? » beside « Si vous êtes
    membre » could be misread."""
    fiche = _build(library, CORPS / "ordre-infirmier.yaml", ("fiche-synthese",))["fiche-synthese"]
    assert "Vous n’êtes pas membre du personnel ?" not in fiche
    assert "Vous ne faites pas partie du personnel de l’Ordre ? Transmettez-la directement" in fiche
    # a body whose members are not professionals keeps its shorter line
    clinique = _build(library, FIXTURES / "clinique.yaml", ("fiche-synthese",))["fiche-synthese"]
    assert "Vous n’êtes pas membre du personnel ? Transmettez-la directement" in clinique


def test_r8_a_brand_without_article_is_at_home_chez_itself(rpa):
    """R8: « l’utilisation des médias sociaux à Opalia »; the file says « chez Opalia »."""
    assert rpa["fiche-synthese"].startswith("Fiche-synthèse : l’utilisation des médias sociaux chez Opalia ")


def test_r6_the_residences_staff_may_use_their_phone_at_meals(rpa):
    """R6: « en dehors des heures de travail, hors des lieux de travail » read together banned a phone during a meal
    in the staff room; the residence now allows breaks and meals, never during care."""
    for kind in ("politique", "fiche-synthese"):
        assert "hors des lieux de travail" not in rpa[kind]
        assert "à des fins personnelles aux pauses, au repas et hors du travail, sur un appareil personnel, jamais en " \
            "intervention" in rpa[kind]


def test_k5_the_verification_step_names_every_category_that_is_not_staff(library, cisss):
    """K5: §13.1 named only volunteers (and the independent professionals), leaving trainees and directors out of
    the verification step although §13.2 names them."""
    assert ("Pour les personnes qui exercent sans lien d’emploi, pour les bénévoles et pour les stagiaires, les faits "
            "sont examinés selon les processus propres à leur statut.") in cisss["politique"]
    kinetika = _build(library, CORPS / "kinetika.yaml")["politique"]
    assert "Pour les stagiaires, les faits sont examinés selon les processus propres à leur statut." in kinetika


def test_c4_a_public_bodys_page_does_not_remove_a_comment_for_its_capitals(library, cisss):
    """C4: « les messages entièrement en majuscules » is a matter of form, not of harm, on a public body's page."""
    netiquette = _build(library, SHIPPED / "cisss-laurentides.yaml", ("netiquette",))["netiquette"]
    for text in (netiquette, cisss["politique"]):
        assert "majuscules" not in text


def test_c5_the_2018_telephone_is_to_confirm_like_the_e_mail_beside_it(cisss):
    """C5: the telephone of the communications service came from the 2018 source and was printed as fact."""
    assert "Téléphone : 450 432-2777, poste 22898 (à confirmer)" in cisss["politique"]
