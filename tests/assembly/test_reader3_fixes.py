"""The defects the third-pass legal reader found (notes reader3, December 2026) and that are
fixed in the library, each read back from the built model of a body that shows it.

Read on the document model (the three formats carry its text: tests/writers).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.cli.main import main
from policygen.library.loader import load_library
from policygen.model.nodes import document_texts

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests/fixtures/organismes"
SHIPPED = ("cisss-laurentides", "iucpq", "ocq", "otstcfq")


def flat(document) -> str:
    return " ".join("\n".join(document_texts(document)).replace("\u00a0", " ").replace("\u202f", " ").split())


def build(paths: list[Path]) -> dict[tuple[str, str], str]:
    library = load_library()
    loaded, problems = load_all(paths, library)
    assert not problems, problems
    return {(item.slug, document.kind): flat(document)
            for item in loaded for document in documents_for(item, library, list(library.documents))}


@pytest.fixture(scope="module")
def texts(assembled) -> dict[tuple[str, str], str]:
    """The shipped bodies' documents as text, from the session's models (conftest's `assembled`)."""
    return {(slug, document.kind): flat(document) for slug in SHIPPED for document in assembled[slug][1].values()}


# --- X1: the prior authorisation to post internal information binds the staff only ---------------

@pytest.mark.parametrize("slug", ["cisss-laurentides", "ocq"])
def test_prior_authorisation_to_post_internal_information_binds_the_staff_only(texts, slug):
    politique = texts[slug, "politique"]
    # Nobody bound is told to ask the communications unit before posting: only the staff are.
    assert "Aucune personne visée ne diffuse, sans l’autorisation préalable" not in politique
    assert "ne l’utilise ni ne la diffuse sur les médias sociaux sans l’autorisation" not in politique
    assert "Aucune personne visée ne diffuse un document interne" in politique
    assert "hors du cadre de ses fonctions ou d’un mandat qu’elle a reçu ; le personnel obtient en outre l’autorisation préalable" in politique
    assert "ne l’utilise ni ne la diffuse sur les médias sociaux, sauf, pour le personnel, avec l’autorisation" in politique


# --- U3: a public body writes in English only in addition to French, on a basis the Charte names ---

def english_ciusss(tmp_path: Path, basis: str = "") -> Path:
    text = (FIXTURES / "ciusss.yaml").read_text(encoding="utf-8")
    text = text.replace("  sante_quebec: oui\n", "  sante_quebec: oui\n  langues_publication: [français, anglais (à confirmer)]\n")
    text += "netiquette:\n  langues: [français, anglais]\n" + basis
    path = tmp_path / "ciusss-anglais.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_public_body_writes_french_first_and_english_only_in_addition(tmp_path):
    texts = build([english_ciusss(tmp_path)])
    politique, netiquette = texts["ciusss-anglais", "politique"], texts["ciusss-anglais", "netiquette"]
    assert "Elle écrit en français, dans une langue claire" in politique
    assert "en français ou en anglais" not in politique
    # The file's mark stays on the language it marks; the Charte's cases are named.
    assert ("Elle peut y ajouter une version en anglais (à confirmer), jamais seule, dans les seuls cas que permet "
            "la Charte de la langue française (RLRQ, c. C-11, art. 22.3)") in politique
    assert "répond en français ; il peut aussi répondre en anglais." in politique
    assert "Nous répondons en français ; nous pouvons aussi répondre en anglais." in netiquette
    assert "en français et en anglais" not in netiquette


def test_check_warns_a_public_body_that_writes_in_english_without_basis(tmp_path):
    path = english_ciusss(tmp_path)
    line = path.read_text(encoding="utf-8").splitlines().index("  langues_publication: [français, anglais (à confirmer)]") + 1
    result = CliRunner().invoke(main, ["check", str(path)])
    assert f"ciusss-anglais.yaml:{line}: avertissement [organisation.language] — organisation.langues_publication" in result.output
    assert "avertissement [organisation.language] — netiquette.langues" in result.output
    assert "Ajoutez sous « langues: » « fondement: »" in result.output
    final = CliRunner().invoke(main, ["check", "--final", str(path)])
    assert "erreur [organisation.language]" in final.output and final.exit_code != 0
    # With the Charte's basis and the directive, nothing to say.
    based = english_ciusss(tmp_path, "langues:\n  fondement: exception_22_3\n  exception: santé\n  directive:\n"
                                     "    titre: Directive sur l’emploi d’une autre langue\n    date: 2026-01-15\n")
    assert "organisation.language" not in CliRunner().invoke(main, ["check", str(based)]).output


# --- U4, C10: personal use at breaks is not « outside working hours »; never during an intervention --

def test_personal_use_at_breaks_is_allowed_but_never_during_an_intervention(texts):
    politique, fiche = texts["cisss-laurentides", "politique"], texts["cisss-laurentides", "fiche-synthese"]
    assert ("à des fins personnelles aux pauses, au repas et hors du travail, sur un appareil personnel, jamais "
            "en intervention (à confirmer).") in politique
    assert "y compris pendant les pauses et le repas" not in politique + fiche
    # The next sentence no longer forbids what the first allows at breaks.
    assert "Le reste du temps de travail, seules les personnes autorisées s’en servent" in politique
    assert "Le reste du temps, seules les personnes autorisées" in fiche
    assert "Pendant les heures de travail, seules" not in politique
    # The strict choice keeps its wording (IUCPQ, source 001).
    assert "Pendant les heures de travail, seules les personnes autorisées" in texts["iucpq", "politique"]


# --- R3: the regional commissaire receives a complaint directly, not after the body's answer -----

def with_route(tmp_path: Path, objet: str) -> Path:
    text = (FIXTURES / "maison.yaml").read_text(encoding="utf-8").replace("\ncontacts:\n", (
        "\ncontacts:\n  autres_plaintes:\n"
        f"    - objet: {objet}\n"
        "      titre: Commissaire aux plaintes et à la qualité des services du CIUSSS de la Capitale-Nationale\n"
        "      telephone: 1 844 691-0762\n"), 1)  # a route with no contact is warned apart (reader6, U6)
    path = tmp_path / "maison-plaintes.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_check_warns_a_commissaire_route_made_to_wait_for_the_bodys_answer(tmp_path):
    objet = "les services reçus, si la réponse de la Maison ne vous satisfait pas"
    path = with_route(tmp_path, objet)
    line = path.read_text(encoding="utf-8").splitlines().index(f"    - objet: {objet}") + 1
    output = CliRunner().invoke(main, ["check", str(path)]).output
    assert (f"maison-plaintes.yaml:{line}: avertissement [organisation.phrasing] — contacts.autres_plaintes[1].objet"
            in output)
    assert "reçoit la plainte directement, en tout temps" in output
    assert "contacts.autres_plaintes" not in CliRunner().invoke(main, ["check", str(with_route(tmp_path, "les services reçus"))]).output


# --- R4: under P-39.1 a person has access to the information about them, not to documents --------

def test_a_private_bodys_netiquette_grants_access_to_ones_own_information(texts):
    clinique = build([FIXTURES / "clinique.yaml"])["clinique", "netiquette"]
    # the Act by its title, not only its chapter (reader4-en m10)
    expected = ("vous pouvez consulter vos renseignements personnels et les faire corriger (Loi sur la protection des "
                "renseignements personnels dans le secteur privé, RLRQ, c. P-39.1, art. 27 et 28)")
    assert expected + "." in clinique
    assert "demande d’accès selon la Loi sur la protection des renseignements personnels dans le secteur privé" not in clinique
    # An ordre: documents on the control of the profession under, one's own information otherwise.
    ocq = texts["ocq", "netiquette"]
    assert (expected + " ou, s’ils portent sur le contrôle de l’exercice de la profession, y demander accès selon la "
            "Loi sur l’accès aux documents des organismes publics") in ocq
    # A public body keeps the access to documents (the law by its full title, r3legal A-M13).
    assert ("vous pouvez y demander accès selon la Loi sur l’accès aux documents des organismes publics"
            in texts["cisss-laurentides", "netiquette"])


# --- O1: an ordre's consultants are not its employees (no employer's measures reach them) ---------

def test_an_ordres_employees_are_bound_by_a_contract_of_employment_not_of_services(texts):
    # The definition that made a contractor an « employé » is gone (r3legal: the word is defined nowhere else).
    politique = texts["ocq", "politique"]
    assert "employé : toute personne" not in politique
    assert "qu’elle soit salariée ou contractuelle" not in politique


# --- T1, O3: the mission ends its sentence; a reserved title is usurped, an exclusive practice exercised --

def test_an_ordres_mission_ends_its_sentence_and_names_what_it_combats(texts):
    otstcfq, ocq = texts["otstcfq", "politique"], texts["ocq", "politique"]
    # The mission follows the colon in lower case, and a period closes it before the next sentence.
    assert "sa mission est la suivante : protéger le public en encadrant" in otstcfq
    assert "préserver la confiance envers ces professions (à confirmer). Nul ne peut porter le titre" in otstcfq
    assert ("Nul ne peut porter le titre de travailleuse sociale, de travailleur social, de thérapeute conjugale et "
            "familiale ou de thérapeute conjugal et familial au Québec sans être membre de l’Ordre ;") in otstcfq
    assert ("combat l’usurpation du titre et, le cas échéant, l’exercice illégal des activités réservées à ses "
            "membres.") in otstcfq
    assert "l’exercice illégal de la profession" not in otstcfq
    # Chiropractic is an exclusive practice: the formula stays; « en » has its antecedent.
    assert "sa mission est la suivante : protéger le public en veillant" in ocq
    assert "Nul ne peut exercer la chiropratique au Québec sans être membre de l’Ordre ;" in ocq
    assert "combat l’exercice illégal de la profession." in ocq
    assert "sans en être membre" not in ocq + otstcfq


# --- I1, C4: measures against the public follow the closed list; a warning comes first; a ban is last --

def test_measures_against_the_public_leave_nothing_to_judgment_and_ban_last(texts):
    for slug in ("iucpq", "cisss-laurentides"):
        for document in ("netiquette", "politique"):
            text = texts[slug, document]
            assert "le retrait du contenu jugé litigieux" not in text, (slug, document)
            assert "privilège de membre du groupe" not in text, (slug, document)
            assert "avec ou sans préavis" not in text, (slug, document)
    assert ("nous pouvons prendre ces mesures : un avertissement ; le masquage du contenu ; sa suppression ; "
            "en dernier recours, le blocage de son auteur.") in texts["iucpq", "netiquette"]
    # The file's own measures get the warning the blocking rule requires before them.
    assert ("nous pouvons prendre ces mesures : un avertissement ; le masquage du commentaire (à confirmer) ;"
            in texts["cisss-laurentides", "netiquette"])


def test_check_warns_a_measure_left_to_judgment_or_a_ban_outside_the_last_resort(tmp_path):
    text = (ROOT / "organisations/iucpq.yaml").read_text(encoding="utf-8").replace("\nsanctions:\n", (
        "\nsanctions:\n  public:\n    - le retrait du contenu jugé litigieux\n"
        "    - le retrait du privilège de membre du groupe\n"), 1)
    path = tmp_path / "iucpq.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    output = CliRunner().invoke(main, ["check", str(path)]).output
    first = lines.index("    - le retrait du contenu jugé litigieux") + 1
    assert f"iucpq.yaml:{first}: avertissement [organisation.phrasing] — sanctions.public[1]" in output
    assert "laisse le retrait au jugement de l’organisme" in output
    assert f"iucpq.yaml:{first + 1}: avertissement [organisation.phrasing] — sanctions.public[2]" in output
    assert "c’est un blocage, mesure de dernier recours" in output


# --- T5: the fiche keeps the rule members most need from source 002: no services on social media --

def test_the_fiche_of_an_ordre_that_speaks_of_cyberintervention_forbids_services_on_social_media(texts):
    fiche, politique = texts["otstcfq", "fiche-synthese"], texts["otstcfq", "politique"]
    assert ("Services professionnels et médias sociaux Si vous êtes membre, évitez d’offrir un service "
            "professionnel sur un média social, où le secret professionnel n’est pas assuré.") in fiche  # reader 8 S-2
    # One rule, read the same in the politique.
    assert "Les médias sociaux ne sont pas des plateformes appropriées pour offrir des services professionnels" in politique
    # An ordre that leaves cyberintervention out says nothing of it.
    assert "Services professionnels et médias sociaux" not in texts["ocq", "fiche-synthese"]


# --- T3, T4: two disciplines each take « en »; no parentheses nested around the platforms ----------

def test_the_netiquette_of_two_disciplines_and_its_platforms_read_plainly(texts):
    netiquette = texts["otstcfq", "netiquette"]
    assert "la pratique professionnelle en travail social et en thérapie conjugale et familiale" in netiquette
    assert "En participant à nos pages Facebook, X et LinkedIn (à confirmer), vous acceptez" in netiquette
    assert "nos pages (" not in netiquette


# --- T6/X7, X3: dignity is a person's; the Charte's property right is not cited for social media ---

@pytest.mark.parametrize("slug", ["otstcfq", "cisss-laurentides"])
def test_a_body_has_a_reputation_not_a_dignity(texts, slug):
    politique, fiche = texts[slug, "politique"], texts[slug, "fiche-synthese"]
    for text in (politique, fiche):
        assert not any(f"dignité {article}" in text for article in ("de l’Ordre", "du CISSS", "de l’établissement")), slug
    # an ordre names its own reputation for the persons other than its members (reader 5, O1)
    assert "atteinte sans droit à la réputation de l’" in politique or "porte atteinte sans droit à la réputation du" in politique
    assert "à la réputation, à la vie privée ou à la dignité d’une personne visée" in politique
    assert "jouissance paisible" not in politique


# --- X5 (C8, O8): the annex lists every law and regulation the politique's text cites -------------

CITATION = re.compile(r"RLRQ, c\. ([A-Z][-\w]*(?:\.\d+)*(?:, r\. \d+(?:\.\d+)*)?)")


def test_the_annex_lists_every_law_the_politique_cites(texts):
    more = build([FIXTURES / "chsld-jardins.yaml", FIXTURES / "clinique.yaml"])
    for (slug, document), text in {**texts, **more}.items():
        if document != "politique":
            continue
        body, annex = text.split("Lois et règlements cités")
        annex = annex.split("Documents consultés")[0]
        cited, listed = set(CITATION.findall(body)), set(CITATION.findall(annex))
        assert cited and not cited - listed, (slug, sorted(cited - listed))


# --- Minor wording: U7/X6, O9, O6, C6, C7 -----------------------------------------------------------

def test_minor_wording_of_the_third_reading(texts):
    # U7/X6: who sees a masked comment depends on the platform; the nétiquette claims no more than the author.
    assert "Sur Facebook, un commentaire masqué reste visible pour son auteur." in texts["iucpq", "netiquette"]  # reader 7 X5
    assert "son auteur et ses proches" not in texts["iucpq", "netiquette"]
    # O9: only a member has a title that follows them.
    assert "Si vous êtes membre, votre titre vous suit en ligne" in texts["ocq", "fiche-synthese"]
    # O6: one asks the syndic for an inquiry; the Office des professions is a route too.
    ocq = texts["ocq", "politique"]
    assert "de demander une enquête au syndic, de s’adresser à la Commission d’accès à l’information ou à l’Office des professions du Québec ;" in ocq
    assert "porter plainte auprès du syndic" not in ocq
    # C6: « qui » no longer reads as the CISSS; C7: a Santé Québec establishment has no board of its own.
    cisss = texts["cisss-laurentides", "politique"]
    assert "est un établissement de Santé Québec ; depuis le 1er décembre 2024, Santé Québec exploite" in cisss
    assert "sur son personnel, ses gestionnaires ou ses partenaires" in cisss
    assert "ses administrateurs ou ses partenaires" in ocq


# --- U6: a category that is its group's own name is listed once, not under itself ------------------

def test_a_category_named_as_its_group_is_not_nested_under_itself(texts):
    ocq = texts["ocq", "politique"]
    assert "les consultants, liés à l’Ordre par un contrat de services ; les étudiants ; les stagiaires." in ocq
    assert "les étudiants : les étudiants" not in ocq and "les stagiaires : les stagiaires" not in ocq
    # A group whose categories say more keeps its heading.
    assert "les chiropraticiens et chiropraticiennes, soit les membres de l’Ordre ;" in ocq


# --- U3 (a), C10: « à confirmer » in a YAML comment is seen; in the value, it is printed -------------

def test_check_sees_a_mark_left_in_a_comment(tmp_path):
    text = (FIXTURES / "ciusss.yaml").read_text(encoding="utf-8").replace(
        "  sante_quebec: oui\n", "  sante_quebec: oui\n  langues_publication: [français, anglais]   # (à confirmer) : aussi en anglais\n")
    text += "choix:\n  usage_personnel_au_travail: hors_heures   # choix à confirmer\n  amitie_usagers: interdite\n"
    path = tmp_path / "commentaires.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    output = CliRunner().invoke(main, ["check", str(path)]).output
    for line, field in ((lines.index("  langues_publication: [français, anglais]   # (à confirmer) : aussi en anglais") + 1,
                         "organisation.langues_publication"),
                        (lines.index("  usage_personnel_au_travail: hors_heures   # choix à confirmer") + 1,
                         "choix.usage_personnel_au_travail")):
        assert f"commentaires.yaml:{line}: avertissement [organisation.to-confirm] — {field}\n  Le commentaire dit « à confirmer »" in output
    assert "choix.amitie_usagers\n  Le commentaire" not in output


def test_a_choice_to_confirm_keeps_its_mark_in_the_phrase_it_chooses(texts):
    # cisss-laurentides.yaml: « usage_personnel_au_travail: hors_heures (à confirmer) »
    for document in ("politique", "fiche-synthese"):
        assert "hors du travail, sur un appareil personnel, jamais en intervention (à confirmer)." in texts["cisss-laurentides", document]


# --- O4, O7: OCQ's membership figure is marked; its measures name masking, not « désabonnement » -----

def test_the_ocq_marks_its_membership_and_its_measures_include_masking(texts):
    politique, netiquette = texts["ocq", "politique"], texts["ocq", "netiquette"]
    assert "L’Ordre compte environ 1 400 (à confirmer) chiropraticiens" in politique
    assert "un avertissement ; le masquage du contenu ; la suppression du contenu ;" in netiquette
    assert "désabonnement" not in politique + netiquette


# --- O5, I2-I4: one word for the people served; épicène functions; the annex of the ordres; staff measures --

def test_the_people_a_member_serves_are_named_in_the_files_word(texts):
    ocq, otstcfq = texts["ocq", "politique"], texts["otstcfq", "politique"]
    assert "qui fonde la relation de confiance avec ses patients." in ocq
    assert "Les liens avec les patients des chiropraticiens sur les médias sociaux" in ocq
    assert "ses clients" not in ocq and "la clientèle" not in ocq
    assert "qui fonde la relation de confiance avec ses clients." in otstcfq


def test_iucpq_names_a_function_epicene_and_its_staff_measures_on_official_pages(texts):
    politique = texts["iucpq", "politique"]
    assert "la personne responsable des communications et des relations publiques" in politique
    assert "le responsable des communications" not in politique
    assert "des membres des ordres énumérés à l’annexe I du Code des professions" in politique
    assert "la demande de retrait des propos jugés litigieux et leur retrait sans préavis des plateformes officielles" in politique


# --- U10: a public body acts against defamation of the people it names, not of itself --------------

def test_a_public_body_acts_against_defamation_of_people_not_of_itself(texts):
    cisss = texts["cisss-laurentides", "politique"]
    assert "des informations diffamatoires au sujet d’une personne visée ou d’un usager." in cisss
    assert "diffamatoires à son sujet" not in cisss
    assert "des informations diffamatoires à son sujet ou au sujet d’une personne visée." in texts["ocq", "politique"]
    assert "analyse un tel contenu" in cisss and "tout contenu jugé litigieux" not in cisss
