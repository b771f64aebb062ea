"""What the eighth legal reading found (notes/reader8.md: S-1 to S-4 and minors M-n), read back on the built text
of the bodies concerned, or on `check`'s findings. Each body builds only the documents its tests read."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.library.loader import load_library

from bodytext import built_texts, flat, loaded_body, text_of

ROOT = Path(__file__).resolve().parents[2]
CORPS = ROOT / "tests" / "orgfile" / "corps"
COLLEGE = ROOT / "tests" / "fixtures" / "organismes" / "college.yaml"
OIIE = CORPS / "ordre-infirmier.yaml"


@pytest.fixture(scope="module")
def library():
    return load_library()


# --- S-1, M-5: only the syndic investigates a member (C. prof., art. 122), not the office the file names ------------

def test_the_power_to_investigate_is_the_syndics_not_a_direction(library):
    built = built_texts(library, COLLEGE, ["politique", "fiche-synthese"])
    politique, fiche = built["politique"], built["fiche-synthese"]
    for text in built.values():
        assert "Direction des enquêtes, seule" not in text and "seule la Direction des enquêtes" not in text
        assert "n’est examinée que par la Direction des enquêtes" not in text
    assert "et seul le syndic (Direction des enquêtes) peut enquêter sur leur conduite." in politique
    assert ("peut adresser une demande d’enquête au syndic (Direction des enquêtes), seul à pouvoir enquêter sur la "
            "conduite d’un membre ; le syndic (ou un syndic adjoint)") in politique
    assert "La conduite d’un membre n’est examinée que par le syndic (Direction des enquêtes)." in politique
    assert ("une demande d’enquête au syndic (Direction des enquêtes), seul à enquêter, ou une plainte au conseil de "
            "discipline.") in fiche
    # a request is still sent where the file says: its office and its address
    assert "Une demande d’enquête sur la conduite d’un membre s’adresse à : Direction des enquêtes" in politique


def test_an_office_of_the_syndic_is_not_given_the_syndics_power(library):
    built = built_texts(library, OIIE, ["politique", "fiche-synthese"])
    for text in built.values():
        assert "Bureau du syndic, seul" not in text and "seul le Bureau du syndic" not in text
    assert "peut en informer le syndic, seul à pouvoir enquêter sur la conduite d’un membre." in built["politique"]
    assert "une demande d’enquête au syndic, seul à enquêter" in built["fiche-synthese"]


# --- S-2: an ordre's politique adds no duty to its members: on services over social media it recommends, on the
# ground of the professional secret (C. prof., art. 60.4) ---------------------------------------------------------

def test_the_ordres_advice_on_services_over_social_media_is_a_grounded_recommendation(library):
    built = built_texts(library, OIIE, ["politique", "fiche-synthese"])
    politique, fiche = built["politique"], built["fiche-synthese"]
    assert "n’offrez aucun service professionnel" not in fiche
    assert "Pas de services professionnels sur les médias sociaux" not in fiche
    assert ("Services professionnels et médias sociaux Si vous êtes membre, évitez d’offrir un service professionnel "
            "sur un média social, où le secret professionnel n’est pas assuré.") in fiche
    assert ("une page, un fil ou un groupe public ne préserve pas le secret professionnel (Code des professions, "
            "art. 60.4). La politique recommande donc aux membres de n’y faire aucune consultation") in politique
    assert "choisit des outils qui lui permettent de respecter les normes et les exigences" not in politique
    assert ("elle rappelle que ses outils doivent lui permettre de respecter le code de déontologie de la profession "
            "et les normes d’exercice") in politique


# --- S-3: an example's number (555-01xx) in a help line is printed as a value to confirm, and check warns of it -----

def test_a_fictitious_help_line_number_is_printed_to_confirm_and_check_warns(library, tmp_path):
    from click.testing import CliRunner

    from policygen.cli.main import main
    from policygen.writers.html import render_html

    path = CORPS / "ligne-ecoute.yaml"
    documents = documents_for(loaded_body(library, path), library, ["netiquette", "politique"])
    netiquette = flat(render_html(documents[0]))
    assert ('appelez le <strong><mark class="a-confirmer">1 800 555-0142</mark><span class="mention-a-confirmer"> '
            '(à confirmer)</span></strong> ou textez le <strong><mark class="a-confirmer">514 555-0143</mark>') in netiquette
    assert "vers notre ligne, au 1 800 555-0142 (à confirmer) ou par texto au 514 555-0143 (à confirmer)" in text_of(documents[1])
    draft = CliRunner().invoke(main, ["check", str(path)])
    assert draft.exit_code == 0, draft.output
    line = next(i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "555-0142" in text)
    assert f"ligne-ecoute.yaml:{line}: avertissement [organisation.fictitious] — netiquette.ligne_aide.telephone" in draft.output
    assert "Les documents l’impriment surligné, comme une valeur à confirmer" in draft.output
    final = CliRunner().invoke(main, ["check", "--final", str(path)])
    assert final.exit_code == 3 and "erreur [organisation.fictitious]" in final.output
    # a real number the file gives is printed as it is
    real = tmp_path / "ligne-ecoute.yaml"
    real.write_text(path.read_text(encoding="utf-8").replace("1 800 555-0142", "1 800 263-2266"), encoding="utf-8")
    text = flat(render_html(documents_for(loaded_body(library, real), library, ["netiquette"])[0]))
    assert "appelez le <strong>1 800 263-2266</strong>" in text


# --- S-4: the residence's fiche gives the commissioner's route the law may require, as its politique; M-14 --------

def test_the_residences_fiche_names_the_commissioner_and_the_duty_to_report(library):
    built = built_texts(library, CORPS / "rpa-opalia.yaml", ["fiche-synthese", "politique", "netiquette"])
    fiche = built["fiche-synthese"]
    assert ("Humilier une résidente ou un résident en ligne peut être de la maltraitance : signalez-le à la Direction "
            "de la Résidence ; la loi peut exiger un signalement immédiat au commissaire aux plaintes.") in fiche
    # the politique says the same duty
    assert "le signale sans délai au commissaire local aux plaintes et à la qualité des services compétent" in built["politique"]
    # M-14: the Tribunal administratif du logement decides disputes; it was given as a complaint route
    assert all("Une plainte sur le bail" not in text for text in built.values())


# --- M-1, M-2: an ordre's « usagers » are its members' patients ----------------------------------------------------

@pytest.mark.parametrize("path", [COLLEGE, ROOT / "organisations" / "ocq.yaml"], ids=lambda p: p.stem)
def test_an_ordres_patients_are_its_members_own(library, path):
    built = built_texts(library, path, ["politique", "fiche-synthese"])
    politique, fiche = built["politique"], built["fiche-synthese"]
    assert "devoirs des membres envers le public, leurs patients et la profession." in politique
    assert "leurs patients des" not in politique
    assert ("Il est recommandé aux membres d’examiner avec vigilance toute demande d’amitié ou d’abonnement qui vient "
            "de leurs patients ou de leurs proches") in politique
    assert "Membre, avant d’accepter un lien avec vos patients ou leurs proches, assurez-vous" in fiche
    assert "un lien avec les patients des" not in fiche


def test_other_bodies_keep_the_advice_for_everyone_bound(library):
    built = built_texts(library, ROOT / "organisations" / "cisss-laurentides.yaml", ["politique", "fiche-synthese"])
    assert "Il est recommandé à toute personne visée d’examiner avec vigilance" in built["politique"]
    assert "Avant d’accepter un lien avec les usagers ou leurs proches" in built["fiche-synthese"]


# --- M-3, M-4, M-13, M-16: the bodies' own answers ----------------------------------------------------------------

def test_the_offices_that_approve_are_named_in_epicene_words(library):
    college = built_texts(library, COLLEGE, ["politique", "fiche-synthese"])
    for text in college.values():
        assert "secrétaire général" not in text
    assert "le Secrétariat général approuve les publications" in college["fiche-synthese"]
    ocq = built_texts(library, ROOT / "organisations" / "ocq.yaml", ["politique"])["politique"]
    assert "la directrice générale" not in ocq
    assert "donné conjointement par la présidence de l’Ordre et la direction générale" in ocq


def test_the_residences_netiquette_removes_no_capitals_and_marks_its_holidays(library):
    netiquette = built_texts(library, CORPS / "rpa-opalia.yaml", ["netiquette"])["netiquette"]
    assert "majuscules" not in netiquette
    assert "de 9 h à 17 h, sauf les jours fériés (à confirmer)" in netiquette


# --- M-8, M-10: the crisis line's politique gives its texting line and hands the record to the privacy officer ----

def test_the_listening_line_is_its_lines_and_the_record_is_the_privacy_officers(library):
    politique = built_texts(library, CORPS / "ligne-ecoute.yaml", ["politique"])["politique"]
    assert "L’écoute se fait au téléphone" not in politique
    assert "L’écoute se fait par nos lignes, pas sur les médias sociaux" in politique
    assert "vers notre ligne, au 1 800 555-0142 (à confirmer) ou par texto au 514 555-0143 (à confirmer), jour et nuit" in politique
    assert "registre que tient" not in politique
    assert ("elle en informe ensuite sans délai la personne responsable de la protection des renseignements personnels, "
            "qui consigne ce qui a été communiqué, à qui et à quel moment.") in politique


# --- M-11, M-12: the residence's agency staff and the friendship ban's exception -----------------------------------

def test_the_residences_agency_staff_and_earlier_links(library):
    politique = built_texts(library, CORPS / "rpa-opalia.yaml", ["politique"])["politique"]
    assert "contrat de services ou convention d’exercice" not in politique
    assert ("Pour les personnes qui exercent sans lien d’emploi, un manquement est traité selon le contrat de la "
            "Résidence avec l’agence qui les emploie.") in politique
    assert "qui existaient avant la relation de service" not in politique
    assert ("Les liens familiaux et personnels qui existaient avant l’entrée en fonction ou avant que la personne "
            "reçoive les services de la Résidence ne sont pas visés.") in politique


# --- M-9: a body of no listed type names the code it follows; check says so where the file does not ---------------

def test_a_body_names_its_code_of_ethics_or_check_warns(library, tmp_path):
    from click.testing import CliRunner

    from policygen.cli.main import main

    path = CORPS / "ligne-ecoute.yaml"
    built = built_texts(library, path, ["politique", "fiche-synthese"])
    assert "code d’éthique de l’organisme" not in built["politique"] + built["fiche-synthese"]
    assert "La politique s’harmonise avec le code d’éthique de Tel-Écoute (à confirmer)," in built["politique"]
    assert "un examen selon le code d’éthique de Tel-Écoute (à confirmer)" in built["fiche-synthese"]
    text = path.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("vocabulaire:"))
    unnamed = tmp_path / "ligne-ecoute.yaml"
    unnamed.write_text("".join(row for row in text.splitlines(keepends=True) if "code_ethique:" not in row), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(unnamed)])
    assert result.exit_code == 0, result.output
    assert (f"ligne-ecoute.yaml:{line}: avertissement [organisation.phrasing] — vocabulaire.code_ethique\n"
            "  Les documents renvoient les administrateurs et le personnel au « code d’éthique de l’organisme » "
            "comme à un code adopté : le fichier ne dit pas lequel.") in result.output
    assert "ajoutez « code_ethique: » et le nom du code avec son article" in result.output
    assert "vocabulaire.code_ethique" not in CliRunner().invoke(main, ["check", str(path)]).output.replace(
        "[organisation.to-confirm] — vocabulaire.code_ethique", "")


# --- M-7: a private body that publishes in English says it may reply in English; check warns where it does not ----

def test_a_clinic_publishing_in_english_may_reply_in_english_or_check_warns(library, tmp_path):
    from click.testing import CliRunner

    from policygen.cli.main import main

    path = CORPS / "kinetika.yaml"
    assert "Nous répondons en français ; nous pouvons aussi répondre en anglais." in built_texts(library, path, ["netiquette"])["netiquette"]
    text = path.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "langues_publication:" in row)
    french_only = tmp_path / "kinetika.yaml"
    french_only.write_text(text.replace("netiquette:\n  langues: [français, anglais]\n", ""), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(french_only)])
    assert result.exit_code == 0, result.output
    assert (f"kinetika.yaml:{line}: avertissement [organisation.phrasing] — organisation.langues_publication\n"
            "  Les comptes publient aussi en anglais, mais la nétiquette ne répond qu’en français") in result.output
    assert "ajoutez sous « netiquette: » « langues: [français, anglais] »" in result.output
    assert "organisation.langues_publication" not in CliRunner().invoke(main, ["check", str(path)]).output


# --- M-17: not every dentist of the CISSS practises under privileges ------------------------------------------------

def test_the_cisss_names_the_dentists_with_privileges_only(library):
    politique = built_texts(library, ROOT / "organisations" / "cisss-laurentides.yaml", ["politique"])["politique"]
    assert "les médecins et les dentistes, qui exercent" not in politique
    assert "les médecins et les dentistes qui exercent selon des privilèges" in politique


# --- M-19, M-20: the aide-mémoire's question on why one shares; one approver of publications ----------------------

def test_the_politique_asks_why_one_shares_and_names_one_approver(library):
    politique = built_texts(library, CORPS / "rpa-opalia.yaml", ["politique"])["politique"]
    assert ("pourquoi il partage cette information avec le public, et si ses raisons sont professionnelles ou "
            "personnelles ;") in politique
    assert "que le Service des communications approuve" not in politique
    assert "selon le calendrier et les contenus qu’approuve la directrice générale (à confirmer)." in politique


# --- M-6: an ordre's delegation of the privacy function is stated with its date, or check warns --------------------

def test_an_ordres_delegation_is_stated_with_its_date_or_check_warns(library, tmp_path):
    import shutil

    from click.testing import CliRunner

    from policygen.cli.main import main

    text = OIIE.read_text(encoding="utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "dans_une_phrase: la secrétaire" in row)
    result = CliRunner().invoke(main, ["check", str(OIIE)])
    assert (f"ordre-infirmier.yaml:{line}: avertissement [organisation.phrasing] — "
            "contacts.protection_renseignements.delegation\n  La politique écrit « la secrétaire de l’Ordre si la "
            "présidence lui a délégué cette fonction par écrit »") in result.output, result.output
    dated = tmp_path / "ordre-infirmier.yaml"
    dated.write_text(text.replace("    dans_une_phrase: la secrétaire de l’Ordre\n",
                                  "    dans_une_phrase: la secrétaire de l’Ordre\n    delegation: 2026-06-01 (à confirmer)\n"),
                     encoding="utf-8")
    shutil.copytree(OIIE.with_suffix(""), tmp_path / "ordre-infirmier")
    politique = built_texts(library, dated, ["politique"])["politique"]
    assert ("La personne responsable, la secrétaire de l’Ordre, à qui la présidence a délégué cette fonction par écrit "
            "le 1er juin 2026 (à confirmer), dont les coordonnées") in politique
    assert "si la présidence lui a délégué" not in politique
    assert "contacts.protection_renseignements.delegation\n  La politique" not in CliRunner().invoke(
        main, ["check", str(dated)]).output


# --- M-15: the advertising rule of a body giving care reaches the care its ordre members give ----------------------

def test_the_advertising_rule_names_the_care_given_by_members_of_an_ordre(library):
    politique = built_texts(library, CORPS / "rpa-opalia.yaml", ["politique"])["politique"]
    assert "Toute publicité respecte le code de déontologie des professionnels dont elle fait connaître" not in politique
    assert ("Toute publicité des soins que donnent des membres d’un ordre professionnel respecte leur code de "
            "déontologie : elle ne contient aucun témoignage") in politique


# --- M-18: the directive on communications to save a life, with who makes it and the provision that asks for it ----

def test_a_public_bodys_directive_on_life_saving_communications_is_grounded(library):
    politique = built_texts(library, ROOT / "organisations" / "cisss-laurentides.yaml", ["politique"])["politique"]
    assert ("à qui peut lui porter secours, selon la directive de l’organisme sur ces communications, que prend la "
            "personne qui y exerce la plus haute autorité (art. 59.1 de la Loi sur l’accès) ;") in politique
