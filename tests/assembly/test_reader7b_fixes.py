"""What the seventh legal reading found (notes/reader7.md: X1-X7, OI, OCQ, C, TE, K, R), read back on the built
text of the bodies concerned. Each body builds only the documents its tests read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.library.context import people
from policygen.library.loader import load_library

from bodytext import built_texts, flat, loaded_body, text_of

ROOT = Path(__file__).resolve().parents[2]
CORPS = ROOT / "tests" / "orgfile" / "corps"
BODIES = sorted([*ROOT.glob("organisations/*.yaml"), *CORPS.glob("*.yaml"),
                 ROOT / "tests" / "fixtures" / "organisation.yaml", *ROOT.glob("tests/fixtures/organismes/*.yaml")])


@pytest.fixture(scope="module")
def library():
    return load_library()


# --- X1: the scope list, one item per regime, none under the staff's « liées … par un emploi » -------------------

@pytest.mark.parametrize("path", BODIES, ids=lambda p: p.stem)
def test_no_category_is_listed_under_a_heading_whose_definition_it_contradicts(library, path):
    item = loaded_body(library, path)
    bound = people(item.organisation, library.terms.get(item.organisation.organisation.type, {}))
    politique = text_of(documents_for(item, library, ["politique"])[0])
    scope = re.search(r"aux personnes suivantes : (.*?)\. Dans la suite", politique).group(1)
    entries = scope.split(" ; ")
    regimes = [p["regime"] for p in bound if p["regime"] != "public"]
    assert len(entries) == len(dict.fromkeys(regimes)), entries  # one item per regime, nothing nested
    for person in (p for p in bound if p["regime"] != "public"):
        holders = [e for e in entries if flat(person["categorie"]) in e]
        # the staff's lone category that restates the heading (« le personnel de l’Ordre ») is printed as the heading
        assert holders or person["regime"] == "employeur" and entries[0].startswith("le personnel, soit"), (person, entries)
        if person["regime"] != "employeur":
            assert not any("par un emploi" in e for e in holders), (person, entries)
    assert not re.search(r"\ble personnel, soit [^;]*: le personnel\b", scope), scope  # no « le personnel : le personnel »


def test_the_ordres_administrators_and_members_are_not_the_staff(library):
    politique = built_texts(library, CORPS / "ordre-infirmier.yaml", ["politique"])["politique"]
    assert ("aux personnes suivantes : le personnel, soit les personnes liées à l’Ordre par un emploi ; les "
            "administrateurs et les membres des comités de l’Ordre ; les infirmières et infirmiers inscrits au "
            "tableau.") in politique


# --- X2: an ordre binds its members only when they act for it; on its pages, as anyone, the nétiquette -----------

@pytest.fixture(scope="module")
def ordres(library):
    return {path.stem: built_texts(library, path, ["politique", "fiche-synthese"])
            for path in (CORPS / "ordre-infirmier.yaml", ROOT / "organisations" / "ocq.yaml")}


@pytest.mark.parametrize("slug", ["ordre-infirmier", "ocq"])
def test_members_commenting_on_the_ordres_pages_are_the_public(ordres, slug):
    politique = ordres[slug]["politique"]
    assert "sur les tribunes de l’Ordre" not in politique and "Sur les tribunes de l’Ordre" not in politique
    assert ("Ses autres règles ne les lient que lorsqu’ils agissent au nom de l’Ordre, au sein d’un comité ou dans le "
            "cadre d’un mandat qu’il leur confie ; lorsqu’ils commentent les plateformes de l’Ordre à titre personnel, "
            "seule la nétiquette leur est opposable.") in politique
    assert "ils ont les rôles énoncés ci-dessus ; sur les plateformes de l’Ordre, à titre personnel, ils sont le public." in politique
    assert ("Lorsqu’elle agit au nom de l’Ordre, dans le cadre de ses fonctions ou d’un mandat, aucune personne visée "
            "n’emploie une fausse identité ni un pseudonyme") in politique


@pytest.mark.parametrize("slug", ["ordre-infirmier", "ocq"])
def test_the_ban_on_insulting_remarks_does_not_reach_members_speaking_for_themselves(ordres, slug):
    politique = ordres[slug]["politique"]
    assert "Tout propos injurieux" not in politique
    assert ("Les personnes visées autres que les membres s’interdisent aussi tout propos injurieux, méprisant ou "
            "calomnieux visant un collègue, l’Ordre, un patient ou toute autre personne ; les propos d’un membre qui "
            "s’exprime en son seul nom relèvent de son code de déontologie.") in politique


# --- X3: the fiche keeps the politique's condition on the members' measures ---------------------------------------

@pytest.mark.parametrize("slug", ["ordre-infirmier", "ocq"])
def test_the_fiche_sends_a_member_to_the_syndic_only_for_a_possible_ethics_breach(ordres, slug):
    fiche = ordres[slug]["fiche-synthese"]
    members = {"ordre-infirmier": "les infirmières et infirmiers", "ocq": "les chiropraticiens et chiropraticiennes"}[slug]
    assert (f"Pour {members}, si les faits peuvent constituer une faute déontologique : une demande d’enquête "
            f"au") in fiche
    assert "seul à enquêter, ou une plainte au conseil de discipline." in fiche
    assert "toute personne peut aussi saisir le conseil de discipline" not in fiche


# --- OI-4: a body's own law cited with « [numéro à confirmer] » keeps the documents drafts --------------------------

def test_an_own_law_still_to_confirm_marks_the_documents_projet_and_stops_final(library):
    from click.testing import CliRunner

    from policygen.cli.main import main
    from policygen.publishing.findings import findings
    from policygen.publishing.service import as_built

    item = loaded_body(library, CORPS / "ordre-infirmier.yaml")
    documents = documents_for(item, library, ["politique"])
    assert "r. [numéro à confirmer]" in text_of(documents[0])
    assert all(d.draft for d in as_built(documents, findings(item, documents, library)))
    final = CliRunner().invoke(main, ["check", "--final", str(CORPS / "ordre-infirmier.yaml")])
    assert final.exit_code != 0
    assert ("ordre-infirmier/lois.yaml:7: erreur [organisation.to-confirm] — lois.reglement-normes-oiie.citation"
            in final.output), final.output


# --- C-1: the CISSS des Laurentides refuses the requests of the users its staff serve, not a whole region's -------

def test_the_cisss_friendship_ban_reaches_the_users_one_serves_only(library):
    built = built_texts(library, ROOT / "organisations" / "cisss-laurentides.yaml", ["politique", "fiche-synthese"])
    for text in built.values():
        assert "même sans relation de service" not in text
    assert ("des liens avec un usager à qui ils offrent ou ont offert directement des services ; chaque membre du "
            "personnel et chaque stagiaire refuse toute demande d’amitié ou d’abonnement qui en vient.") in built["politique"]
    assert ("n’acceptez sur vos comptes personnels aucun lien avec un usager à qui vous offrez ou avez offert "
            "directement des services.") in built["fiche-synthese"]
    # the advice to weigh any other link stays
    assert "Avant d’accepter un lien avec les usagers ou leurs proches" in built["fiche-synthese"]


# --- TE-2, K-2, K-3: the new users' clinic and crisis line ----------------------------------------------------------

def test_the_crisis_lines_fixture_prints_fictitious_numbers_not_another_lines(library):
    netiquette = built_texts(library, CORPS / "ligne-ecoute.yaml", ["netiquette"])["netiquette"]
    assert "appelez le 1 800 555-0142 (à confirmer) ou textez le 514 555-0143 (à confirmer)" in netiquette  # reader 8 S-3
    assert "263-2266" not in netiquette and "600-1002" not in netiquette  # Tel-jeunes's


@pytest.fixture(scope="module")
def kinetika(library):
    return built_texts(library, CORPS / "kinetika.yaml", ["politique", "netiquette", "fiche-synthese"])


def test_the_clinic_names_its_staff_by_the_title_in_force(kinetika):
    for text in kinetika.values():
        assert "réadaptation physique" not in text
    assert "les physiothérapeutes, les technologues en physiothérapie et les autres membres du personnel" in kinetika["politique"]
    assert "la conduite d’un physiothérapeute ou d’un technologue en physiothérapie" in kinetika["netiquette"]


def test_a_clinic_promoting_paid_care_recalls_the_advertising_rules(kinetika):
    assert ("Toute publicité des soins que donnent des membres d’un ordre professionnel respecte leur code de "
            "déontologie : elle ne contient aucun témoignage d’appui ou de reconnaissance ni aucune représentation "
            "fausse, trompeuse ou incomplète.") in kinetika["politique"]  # reader 8 M-15


# --- X4, X6: minor wording ---------------------------------------------------------------------------------------

def test_moderation_hours_are_named_only_where_the_file_gives_them(library):
    oiie = built_texts(library, CORPS / "ordre-infirmier.yaml", ["netiquette"])["netiquette"]  # no hours in its file
    assert "heures de modération" not in oiie
    assert "Nous lisons les commentaires après leur publication." in oiie
    ocq = built_texts(library, ROOT / "organisations" / "ocq.yaml", ["netiquette"])["netiquette"]  # hours given
    assert "Nous lisons les commentaires pendant nos heures de modération." in ocq


def test_the_minister_is_named_as_the_health_information_act_names_him(library):
    politique = built_texts(library, ROOT / "organisations" / "cisss-laurentides.yaml", ["politique"])["politique"]
    assert "ministre de la Santé" not in politique
    assert ("en avise avec diligence le ministre (art. 108 de la Loi sur les renseignements de santé et de services "
            "sociaux), la Commission d’accès à l’information") in politique


def test_a_hidden_comment_is_said_visible_to_its_author_on_facebook_only(library):
    ocq = built_texts(library, ROOT / "organisations" / "ocq.yaml", ["netiquette"])["netiquette"]
    ecoute = built_texts(library, CORPS / "ligne-ecoute.yaml", ["netiquette"])["netiquette"]  # Instagram only
    assert "Sur Facebook, un commentaire masqué reste visible pour son auteur." in ocq
    assert "masqué reste visible" not in ecoute


def test_an_ordre_is_named_not_called_an_organisme_or_il(library):
    politique = built_texts(library, CORPS / "ordre-infirmier.yaml", ["politique"])["politique"]
    assert "les règlements de l’organisme" not in politique
    assert "l’instance que ce code ou les règlements de l’Ordre désignent" in politique
    assert "avancées de son domaine : l’Ordre ne fait pas la promotion de ses membres." in politique


def test_the_ocq_names_its_offices_in_epicene_words(ordres):
    politique = ordres["ocq"]["politique"]
    assert "le président de l’Ordre" not in politique and "comme modérateur" not in politique
    assert "par la présidence de l’Ordre" in politique
    assert "la personne gestionnaire de contenu, qui agit aussi à titre de modératrice" in politique


def test_the_residences_fiche_sends_agency_staff_to_the_agency_contract(library):
    fiche = built_texts(library, CORPS / "rpa-opalia.yaml", ["fiche-synthese"])["fiche-synthese"]
    assert "Pour les personnes qui exercent sans lien d’emploi : le contrat de la Résidence avec l’agence." in fiche
    assert "l’entente qui les lie à la Résidence. Pour les stagiaires" not in fiche


def test_only_clearly_false_information_endangering_the_public_is_removed(ordres):
    assert ("une information manifestement fausse qui présente un risque pour la santé ou la sécurité du public"
            in ordres["ocq"]["politique"])
    assert "une information fausse qui présente" not in ordres["ocq"]["politique"]


def test_the_crisis_line_names_its_complaint_route_as_its_contact_does(library):
    built = built_texts(library, CORPS / "ligne-ecoute.yaml", ["netiquette", "fiche-synthese"])
    assert "adressez la vôtre à la Direction générale de Tel-Écoute, qui la traite en toute confidentialité" in built["netiquette"]
    assert "dirigez la personne vers la Direction générale." in built["fiche-synthese"]
    assert all("responsable du traitement des plaintes" not in text for text in built.values())
