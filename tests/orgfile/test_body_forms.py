"""What a body needs to say about its own words, read back from its built documents:
a name without an article, a law's title with its own, a role title's form in a
sentence, a profession's practice (fixture bodies in tests/orgfile/corps/)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import run_once
from policygen.cli.main import main
from policygen.french import Name, in_sentence, practice
from readback import html_text

CORPS = Path(__file__).parent / "corps"
DOCUMENTS = ("politique", "netiquette", "fiche-synthese")


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def texts(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("corps")
    run_once("build", *sorted(CORPS.glob("*.yaml")), "--out", out, "--format", "html", "--silencieux")
    return {body.stem: " ".join(_plain(html_text(out / body.stem / f"{document}.html")) for document in DOCUMENTS)
            for body in CORPS.glob("*.yaml")}


def test_a_name_without_article_is_never_given_one(texts):
    text = texts["kinetika"]
    assert "de Kinetika" in text and "à Kinetika" in text and "envers Kinetika" in text
    found = re.search(r"\b(?:du|au|le|la|Le|La|cette|ce|l’) Kinetika\b", text)
    assert found is None, text[max(0, found.start() - 60):found.end() + 60]


def test_forms_of_a_name_without_article():
    assert [Name.parse("Actimed", article=False).du, Name.parse("Tel-jeunes", article=False).au,
            Name.parse("Tel-jeunes", article=False).Le, Name.parse("La Halte", article=False).du] == [
        "d’Actimed", "à Tel-jeunes", "Tel-jeunes", "de La Halte"]


def test_an_own_law_is_cited_with_its_own_article(texts):
    assert "le Règlement sur les normes d’exercice de l’Ordre des infirmières" in texts["ordre-infirmier"]
    assert "la Règlement" not in texts["ordre-infirmier"]


def test_a_profession_named_by_its_adjective_gives_its_practice(texts):
    text = texts["ordre-infirmier"]
    assert "sur la pratique infirmière, sur l’Ordre" in text
    assert "Nul ne peut exercer la profession infirmière au Québec" in text
    assert "en profession infirmière" not in text
    assert practice(Name.parse("la chiropratique")) == "la pratique professionnelle en chiropratique"


def test_a_role_title_takes_its_article_in_a_sentence(texts):
    assert "écrivez à la secrétaire de l’Ordre (secretaire@oiie-essai.qc.ca)" in texts["ordre-infirmier"]
    # The usual title reads as a person, épicène, never « à Responsable… ».
    assert "écrivez à la personne responsable de la protection des renseignements personnels" in texts["kinetika"]
    assert in_sentence("Bureau du syndic") == "le Bureau du syndic"


def test_check_asks_for_the_form_of_a_function_title(tmp_path):
    text = (CORPS / "ordre-infirmier.yaml").read_text(encoding="utf-8")
    (tmp_path / "ordre.yaml").write_text(text.replace("    dans_une_phrase: la secrétaire de l’Ordre\n", ""),
                                         encoding="utf-8")
    shutil.copytree(CORPS / "ordre-infirmier", tmp_path / "ordre")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "ordre.yaml")])
    assert result.exit_code == 0, result.output
    assert "avertissement [organisation.phrasing] — contacts.protection_renseignements.titre" in result.output
    assert "« dans_une_phrase: la secrétaire de l’Ordre »" in result.output


def test_an_own_law_address_is_an_address_not_markup(tmp_path):
    shutil.copy(CORPS / "ordre-infirmier.yaml", tmp_path / "ordre.yaml")
    (tmp_path / "ordre").mkdir()
    laws = (CORPS / "ordre-infirmier" / "lois.yaml").read_text(encoding="utf-8")
    (tmp_path / "ordre" / "lois.yaml").write_text(laws.replace(
        "url: https://www.legisquebec.gouv.qc.ca/fr/document/lc/I-8",
        'url: "https://x.ca/[Formulaire](https://evil.example/phish)"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "ordre.yaml")])
    assert result.exit_code != 0
    assert "lois.yaml:8: erreur [organisation.law]" in result.output, result.output
    assert "Une adresse Web complète était attendue" in result.output


def test_check_says_how_to_split_a_category_of_two_regimes(org_file):
    path = org_file({"  - {categorie: le personnel, regime: employeur}":
                     "  - {categorie: le personnel, regime: employeur}\n"
                     "  - {categorie: les bénévoles et la main-d’œuvre indépendante, regime: benevole}"})
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "essai.yaml:11: avertissement [organisation.phrasing] — personnes_visees[2].categorie" in text
    assert ("Écrivez une catégorie par régime : « - categorie: les bénévoles » avec « regime: benevole » ; "
            "« - categorie: la main-d’œuvre indépendante » avec « regime: professionnel_independant »") in text


def test_check_says_the_managers_list_holds_failings_not_people(org_file):
    path = org_file({"  moderation: le Service des communications":
                     "  moderation: le Service des communications\n  gestionnaires:\n    - les employés"})
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "roles.gestionnaires[1]" in result.output and "nomme des personnes" in result.output


def test_a_private_clinic_makes_its_services_known_in_two_languages(texts):
    text = texts["kinetika"]
    assert "Des services connus, aucun usage personnel ou politique" in text
    assert "font connaître ses services, y compris ceux qu’elle offre contre paiement" in text
    assert "ne servent ni à des affaires commerciales ou publicitaires" not in text
    assert "Elle écrit en français, dans une langue claire, accessible à tous les publics. Une version en anglais peut s’y ajouter." in text
    assert "ne servent ni à des affaires commerciales ou publicitaires" in texts["ordre-infirmier"]
    assert "Elle écrit en français, dans une langue claire" in texts["ordre-infirmier"]


def test_a_second_complaint_route_is_given_with_what_it_covers(texts):
    text = texts["kinetika"]
    assert ("Une plainte sur la conduite d’un physiothérapeute ou d’un technologue en physiothérapie s’adresse à : "
            "Bureau du syndic de l’Ordre") in text
    assert "https://www.oppe.example.qc.ca/plainte" in text


def test_a_help_line_comes_first_after_911(texts):
    text = texts["ligne-ecoute"]
    assert ("composez le 911. Pour parler à une intervenante ou un intervenant de Tel-Écoute, appelez le "
            "1 800 555-0142 (à confirmer) ou textez le 514 555-0143 (à confirmer), jour et nuit, tous les jours. Pour une question sur "
            "votre santé") in text
    assert "de Tel-Écoute" in text and "du Tel-Écoute" not in text and "le Tel-Écoute" not in text
    assert "Pour parler à" not in texts["kinetika"]


def test_check_asks_for_a_role_written_as_a_title_with_its_article(org_file):
    path = org_file({"  approbation_publications: le Service des communications":
                     "  approbation_publications: Secrétaire de l’Ordre",
                     "  moderation: le Service des communications": "  moderation: Service des communications"})
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "essai.yaml:14: avertissement [organisation.phrasing] — roles.approbation_publications" in text
    assert "avec son article : « la secrétaire de l’Ordre »" in text
    assert "avec son article : « le Service des communications »" in text


def test_an_epicene_pair_of_residents_contracts_each_noun(texts):
    """An RPA calls the people it serves « les résidentes et les résidents »."""
    text = texts["rpa-opalia"]
    assert "des droits des résidentes et des résidents" in text
    assert "qui vient des résidentes et des résidents ou de leurs proches" in text
    assert "résidentes et résidents : les personnes qui reçoivent" in text
    assert "des résidentes et les résidents" not in text


def test_a_ban_on_links_with_every_resident_is_printed_as_chosen(texts):
    """`choix.amitie_portee: tous_usagers` reaches the politique and the fiche."""
    text = texts["rpa-opalia"]
    assert ("des liens avec toute résidente ou tout résident, actuel ou ancien, connu comme tel au travail, même "
            "sans relation de service") in text
    # the fiche bans the same links as the politique (the fiche once said « que vous lui ayez offert des services ou
    # non », without the limit to those known at work)
    assert ("aucun lien avec une résidente ou un résident, actuel ou ancien, connu comme tel au travail, même sans "
            "relation de service") in text
    assert "à qui ils offrent ou ont offert directement des services" not in text
    assert "à qui ils offrent ou ont offert directement des services" in texts["kinetika"]


def test_trainees_are_not_called_students(texts):
    text = texts["rpa-opalia"]
    assert "Pour les stagiaires : la convention de stage et les règles de leur établissement d’enseignement." in text
    assert "étudiants" not in text


def test_a_complaint_recipient_that_names_the_body_is_not_followed_by_its_name(texts):
    assert "adressez la vôtre à la Direction de la Résidence, qui la traite" in texts["rpa-opalia"]
    assert "adressez la vôtre au commissaire aux plaintes et à la qualité des services (à confirmer) " \
           "d’Urgences-santé" in texts["urgences-sante"]


def test_a_public_body_outside_sante_quebec_is_its_own_employer(texts):
    """Urgences-santé: a public body under the access law, not part of Santé Québec, whose
    name takes no article while its appellation does."""
    text = texts["urgences-sante"]
    assert re.search(r"selon la Loi sur l’accès aux documents des organismes publics [^()]*\(RLRQ, c\. A-2\.1\)", text)
    assert "Santé Québec" not in text
    assert "liées à la Corporation par un emploi" in text
    assert "Urgences-santé (ci-après « la Corporation »)" in text
    assert "Loi sur les services préhospitaliers d’urgence (RLRQ, c. S-6.2)" in text
    found = re.search(r"\b(?:du|au|le|la|l’) Urgences-santé\b", text)
    assert found is None, text[max(0, found.start() - 60):found.end() + 60]


def test_check_asks_how_a_sentence_names_a_complaint_service_titled_otherwise(org_file):
    """Without `vocabulaire.plaintes`, « adressez votre plainte au … » names the type's usual
    recipient: a contact titled otherwise gets a warning with the form to add."""
    path = org_file({"    titre: Commissaire aux plaintes et à la qualité des services":
                     "    titre: Direction de la qualité"})
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "avertissement [organisation.phrasing] — contacts.plaintes.titre" in text
    assert "« vocabulaire: plaintes: {nom: Direction de la qualité, genre: féminin} »" in text
    assert "contacts.plaintes.titre" not in CliRunner().invoke(main, ["check", str(org_file({}))]).output


def test_a_mark_written_in_a_comment_is_pointed_out(org_file):
    """The documents never read comments: « secteur: public   # à confirmer » would print as settled."""
    path = org_file({"  secteur: public": "  secteur: public   # à confirmer avec la direction",
                     "  debut: 8 h 30": "  debut: 8 h 30 (à confirmer)   # à confirmer aussi pour la fin"})
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert ("avertissement [organisation.to-confirm] — organisation.secteur Le commentaire dit « à confirmer », "
            "mais la valeur ne porte pas la mention") in text
    assert "Écrivez « (à confirmer) » après la valeur elle-même" in text
    assert text.count("Le commentaire") == 1  # a value already marked is not pointed out again


def test_one_mark_in_a_comment_is_one_finding_that_a_final_version_refuses(org_file):
    """One commented mark, one finding: never a second one with the opposite advice."""
    path = org_file({"  secteur: public": "  secteur: public   # à confirmer"})
    draft = CliRunner().invoke(main, ["check", str(path)])
    assert draft.exit_code == 0, draft.output
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("  secteur: public"))
    findings = [text for text in draft.output.splitlines() if f":{line}: " in text]
    assert findings == [f"{path}:{line}: avertissement [organisation.to-confirm] — organisation.secteur"], \
        draft.output
    assert "aucune erreur, 1 avertissement." in draft.output
    assert "retirez-le du commentaire" not in draft.output
    final = CliRunner().invoke(main, ["check", "--final", str(path)])
    assert final.exit_code != 0 and "organisation.secteur" in final.output


def test_a_public_bodys_publication_language_to_confirm_is_never_printed_as_a_fact(texts):
    # a public body outside the Charte's cases writes in French (check warns): its publication language to
    # confirm is never printed as a fact
    text = texts["urgences-sante"]
    assert "Elle écrit en français, dans une langue claire" in text
    assert "en français ou en anglais" not in text


def test_a_choice_to_confirm_keeps_its_mark_in_the_phrase_that_states_it(org_file, tmp_path):
    """« usage_personnel_au_travail: hors_lieux (à confirmer) »: the politique's and the fiche's phrase
    is highlighted, as the README promises for any value to confirm."""
    text = (CORPS.parent.parent / "fixtures" / "organisation.yaml").read_text(encoding="utf-8")
    path = org_file({text.splitlines()[-1]: text.splitlines()[-1] + "\nchoix:\n  usage_personnel_au_travail: hors_lieux (à confirmer)"})
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "out"), "--format", "html",
                                       "--silencieux"])
    assert result.exit_code == 0, result.output
    for document in ("politique", "fiche-synthese"):
        html = (tmp_path / "out" / "essai" / f"{document}.html").read_text(encoding="utf-8")
        assert ('à des fins personnelles <mark class="a-confirmer">en dehors des heures de travail, hors des lieux '
                'de travail et sur un appareil personnel</mark>') in html, document


def test_a_category_that_is_its_regimes_heading_is_listed_once(texts):
    """« les bénévoles : – les bénévoles » repeated the heading (reader 3, U6)."""
    text = texts["rpa-opalia"]
    assert "le personnel d’agence ; les bénévoles ; les stagiaires. Dans la suite du texte" in text
    assert "les bénévoles : les bénévoles" not in text and "les stagiaires : les stagiaires" not in text
    assert "les personnes qui exercent sans lien d’emploi : le personnel d’agence ;" in text


def test_a_condition_inside_a_complaint_routes_object_is_pointed_out(org_file):
    path = org_file({"  protection_renseignements:": (
        "  autres_plaintes:\n    - objet: les services reçus, si la réponse ne vous satisfait pas\n"
        "      titre: Protecteur du citoyen\n  protection_renseignements:")})
    result = CliRunner().invoke(main, ["check", str(path)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "avertissement [organisation.phrasing] — contacts.autres_plaintes[1].objet" in text
    assert "Écrivez seulement ce qu’il reçoit" in text
