"""What the fifth legal reading left (notes/reader5.md: K7, K8/X3, R4, R5, R7, E2, E4, E5, E7, C3, C6, X5), read
back on the built text of the bodies it read: the new users' clinic, residence and ordre (tests/orgfile/corps),
the crisis line « Écoute Solidaire » (fixture) and the CISSS des Laurentides (shipped). Each body builds only the
documents its tests read."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import document_texts

ROOT = Path(__file__).resolve().parents[2]
CORPS = ROOT / "tests" / "orgfile" / "corps"


def _text(document) -> str:
    return " ".join(" ".join(document_texts(document)).replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def library():
    return load_library()


def _build(library, path: Path, kinds: list[str]) -> dict[str, str]:
    loaded, problems = load_all([path], library)
    assert not problems, problems
    return {d.kind: _text(d) for d in documents_for(loaded[0], library, kinds)}


@pytest.fixture(scope="module")
def kinetika(library):
    return _build(library, CORPS / "kinetika.yaml", ["politique", "netiquette", "fiche-synthese"])


@pytest.fixture(scope="module")
def rpa(library):
    return _build(library, CORPS / "rpa-opalia.yaml", ["politique", "fiche-synthese"])


@pytest.fixture(scope="module")
def ecoute(library):
    return _build(library, ROOT / "tests" / "fixtures" / "organismes" / "ligne-ecoute.yaml",
                  ["politique", "netiquette", "fiche-synthese"])


@pytest.fixture(scope="module")
def cisss(library):
    return _build(library, ROOT / "organisations" / "cisss-laurentides.yaml", ["politique", "netiquette"])


@pytest.fixture(scope="module")
def ordre(library):
    return _build(library, CORPS / "ordre-infirmier.yaml", ["politique", "fiche-synthese"])


def test_k7_the_politique_blocks_without_warning_for_what_the_netiquette_says(kinetika):
    """K7: the nétiquette blocks without warning for « menace, usurpation ou pourriel », the politique only for
    « pourriel automatisé »."""
    assert "Sauf menace, usurpation ou pourriel, nous ne bloquons qu’après un avertissement" in kinetika["netiquette"]
    assert ("l’auteur d’une menace, d’une usurpation d’identité ou d’un pourriel est bloqué sans avertissement"
            in kinetika["politique"])
    assert "automatisé" not in kinetika["politique"]


def test_k7_check_says_the_same_of_a_blocking_without_notice(tmp_path):
    """K7: `check`, on a public measure the documents rephrase, gave the old exceptions (« pourriel automatisé »)."""
    from click.testing import CliRunner

    from policygen.cli.main import main

    result = CliRunner().invoke(main, ["check", str(ROOT / "organisations" / "cisss-laurentides.yaml")])
    assert "sauf menace, usurpation d’identité ou pourriel (Charte" in result.output
    assert "automatisé" not in result.output


def test_k7_the_politique_names_the_lines_the_netiquette_gives(kinetika):
    """K7: politique §12.1 named 811 (Info-Santé) only; the nétiquette gives 811 Info-Santé and Info-Social, and
    9-8-8."""
    assert "Info-Santé ou Info-Social au 811" in kinetika["netiquette"] and "9-8-8" in kinetika["netiquette"]
    politique = kinetika["politique"]
    assert ("invite toute personne en situation d’urgence à composer le 911 ; elle donne aussi le 811 (Info-Santé et "
            "Info-Social), pour une question de santé ou un besoin psychosocial, et le 9-8-8, pour une personne qui "
            "pense au suicide ou s’inquiète pour un proche.") in politique
    assert "pour un conseil santé, le 811 (Info-Santé)." not in politique


def test_k8_the_fiche_says_who_consents_for_a_child_in_a_sentence(kinetika):
    fiche = kinetika["fiche-synthese"]
    assert ("Avant 14 ans, c’est le titulaire de l’autorité parentale ou le tuteur qui consent." in fiche)
    assert "Sous 14 ans" not in fiche


def test_r4_the_fiche_says_the_commissioner_is_a_second_route(rpa):
    """R4: « dirigez la personne vers la Direction » beside « Une plainte sur les services reçus, en tout temps :
    Commissaire » left the route to take unsaid; the politique's own rule named the Direction alone."""
    fiche = rpa["fiche-synthese"]
    assert ("Aucune plainte ne se traite en ligne : dirigez la personne vers la Direction de la Résidence. "
            "Une plainte sur les services reçus à la Résidence s’adresse aussi, en tout temps, à : "
            "Commissaire aux plaintes") in fiche
    assert "Résidence, en tout temps :" not in fiche
    assert ("une plainte s’adresse à la Direction de la Résidence, qui la traite en toute confidentialité. "
            "Une plainte sur les services reçus à la Résidence peut aussi, en tout temps, être adressée à "
            "l’instance que nomme la section « Demande de renseignements ».") in rpa["politique"]


def test_r5_the_residences_fiche_keeps_the_rule_for_residents_of_doubtful_capacity(rpa, kinetika):
    """R5: « sans représentant, ou dans le doute sur son aptitude, rien n’est publié » (politique) was not in the
    residence's fiche; its line on children under 14 makes room for it there, and stays in the politique."""
    rule = "sans représentant, ou dans le doute sur son aptitude"
    assert rule in rpa["politique"]
    assert ("(personne inapte : celui de son représentant ; sans représentant, ou dans le doute sur son aptitude, "
            "ne publiez rien).") in rpa["fiche-synthese"]
    assert "moins de 14 ans" in rpa["politique"] and "moins de 14 ans" not in rpa["fiche-synthese"]
    assert rule not in kinetika["fiche-synthese"]  # a clinic: the children's line, not this one


def test_r7_the_friendship_ban_has_its_subject(kinetika, ecoute):
    """R7: « à qui la personne offre … ; la personne visée refuse » had no antecedent."""
    assert ("Il est interdit au personnel et aux stagiaires d’entretenir, au moyen d’un compte personnel sur un média "
            "social, des liens avec un client à qui ils offrent ou ont offert directement des services ; chaque "
            "membre du personnel et chaque stagiaire refuse toute demande d’amitié ou d’abonnement qui en vient."
            ) in kinetika["politique"]
    politique = ecoute["politique"]
    assert ("à qui ils offrent ou ont offert directement des services ; chaque membre du personnel, chaque "
            "bénévole et chaque stagiaire refuse toute demande") in politique
    assert "la personne visée refuse" not in politique + kinetika["politique"]


def test_e2_a_help_lines_volunteers_keep_their_role_to_themselves(ecoute, kinetika):
    politique, fiche = ecoute["politique"], ecoute["fiche-synthese"]
    assert ("Pour les bénévoles, se nommer et indiquer son titre sont de simples recommandations : comme le "
            "pseudonyme qui signe les réponses sur les plateformes officielles, leur anonymat protège leur sécurité "
            "et la confiance des personnes qui font appel à l’Écoute Solidaire ; il leur est plutôt recommandé de ne "
            "pas révéler publiquement leur rôle à l’écoute.") in politique
    assert ("Bénévole, n’affichez pas votre rôle à l’écoute : l’anonymat protège votre sécurité et la confiance "
            "de qui appelle.") in fiche
    assert "votre rôle à l’écoute" not in kinetika["fiche-synthese"]


def test_e6_a_file_can_say_whom_volunteers_also_tell(library, ecoute, tmp_path):
    """E6: the politique never said whether a listener tells the coordination that handles their breaches; the
    body's answer goes in `roles.encadrement_benevoles` (the fixture does not give it: the body has not said)."""
    assert "bénévole, à" not in ecoute["fiche-synthese"]
    source = ROOT / "tests" / "fixtures" / "organismes" / "ligne-ecoute.yaml"
    text = source.read_text(encoding="utf-8")
    anchor = "  moderation: la Coordination des communications\n"
    assert anchor in text
    path = tmp_path / source.name
    path.write_text(text.replace(anchor, anchor + "  encadrement_benevoles: la coordination de l’écoute\n"),
                    encoding="utf-8")
    told = _build(library, path, ["politique", "fiche-synthese"])
    assert ("Transmettez-la directement à la Coordination des communications (communications@ecoute-essai.org) "
            "et, bénévole, à la coordination de l’écoute.") in told["fiche-synthese"]
    assert ("(communications@ecoute-essai.org) et, pour les bénévoles, d’en informer aussi la coordination de "
            "l’écoute.") in told["politique"]


def test_e4_the_line_is_given_with_its_hours_and_9_8_8_at_any_time(ecoute):
    assert ("vers notre ligne, au 514 555-0199 (à confirmer), tous les jours, de 8 h à minuit (à confirmer), ou en tout temps "
            "vers le 9-8-8.") in ecoute["politique"]


def test_e5_the_crisis_lines_fiche_gives_its_complaint_route(ecoute):
    assert ("Aucune plainte ne se traite en ligne : dirigez la personne vers la Coordination générale."
            in ecoute["fiche-synthese"])


def test_e7_one_capital_for_the_named_unit(ecoute):
    for kind, text in ecoute.items():
        assert "coordination générale" not in text, kind
    assert "porter plainte auprès de la Coordination générale" in ecoute["politique"]
    assert "adressez la vôtre à la Coordination générale de l’Écoute Solidaire" in ecoute["netiquette"]


def test_c3_the_english_netiquette_replies_in_english_too(cisss):
    """C3: « We reply in French. » in the edition made for English-speaking persons under the access program."""
    assert "We reply in French, or in English." in cisss["netiquette.en"]
    assert "Nous répondons en français ; nous pouvons aussi répondre en anglais." in cisss["netiquette"]


def test_c6_the_approval_line_names_one_office(cisss):
    politique = cisss["politique"]
    assert "La présidence-direction générale du CISSS des Laurentides, en vertu d’une délégation" in politique
    assert "présidente-directrice générale ou le président-directeur général" not in politique


def test_c7_a_santé_québec_establishment_may_bind_its_conseil_détablissement(library, tmp_path):
    """C7: the scope left out the conseil d'établissement (G-1.021); a file may list its members (the body's
    answer, not given by the shipped file), and the politique then names them as such, never a board of directors
    the establishment no longer has."""
    source = ROOT / "organisations" / "cisss-laurentides.yaml"
    text = source.read_text(encoding="utf-8")
    anchor = "  - categorie: les bénévoles\n"
    assert text.count(anchor) == 1
    path = tmp_path / source.name
    path.write_text(text.replace(anchor, "  - categorie: les membres du conseil d’établissement\n"
                                         "    regime: administrateur\n" + anchor), encoding="utf-8")
    politique = _build(library, path, ["politique"])["politique"]
    assert ("Pour les membres du conseil d’établissement et des comités, un manquement est examiné selon le code "
            "d’éthique") in politique
    assert "conseil d’administration et des comités" not in politique


def test_x5_an_ordres_documents_keep_the_questions_about_the_profession(ordre, kinetika):
    assert "quelle impression ce contenu donne de sa profession." in ordre["politique"]
    assert "s’il communiquerait de cette façon dans sa communauté" in ordre["politique"]
    fiche = ordre["fiche-synthese"]
    assert "Quelle impression ce contenu donne-t-il de ma profession ?" in fiche
    assert "ma profession" not in kinetika["fiche-synthese"]
