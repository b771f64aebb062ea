"""An ordre may remind its members of the Code des professions and their code de déontologie, and
bind them on its own pages or when they act for it; it puts no new duty on their own speech
(the legal-table reader's O3: sections 9.1, 9.7, 10.1 and 11.4 of an ordre's politique).

Read on the document model of the ordres' politiques (the three formats carry its text: tests/writers).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policygen.model.nodes import block_texts

ROOT = Path(__file__).resolve().parents[2]
ORDRES = {"ocq": ROOT / "organisations/ocq.yaml", "otstcfq": ROOT / "organisations/otstcfq.yaml",
          "ordre-inhalotherapie": ROOT / "tests/fixtures/organismes/ordre-inhalotherapie.yaml",
          "college": ROOT / "tests/fixtures/organismes/college.yaml"}
OTHER = {"clinique": ROOT / "tests/fixtures/organismes/clinique.yaml"}


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def clauses(assembled) -> dict[str, dict[str, str]]:
    """Each body's politique: clause id -> its text (the session's models, conftest's `assembled`)."""
    return {path.stem: {c.id: _flat("\n".join(t for b in c.blocks for t in block_texts(b)))
                        for s in assembled[path.stem][1]["politique"].sections for c in s.clauses}
            for path in (*ORDRES.values(), *OTHER.values())}


@pytest.mark.parametrize("slug", ORDRES)
def test_personal_accounts_of_members_answer_to_their_code_only(clauses, slug):
    """9.1: the politique binds the others' personal accounts; it reminds the members of their code."""
    general = clauses[slug]["politique.regles-personnelles.conformite"]
    members = clauses[slug]["politique.regles-personnelles.conformite-membres"]
    assert general.startswith("Sous réserve de l’alinéa suivant, toute personne visée"), general
    assert "ne répondent que des devoirs que leur imposent le code de déontologie de la profession et le Code des professions" in members
    assert "la présente politique les rappelle sans en ajouter aucun" in members
    assert "ne les lient que lorsqu’ils agissent au nom d" in members and "seule la nétiquette leur est opposable" in members


@pytest.mark.parametrize("slug", ORDRES)
def test_privacy_settings_are_advice_not_a_duty(clauses, slug):
    """9.7: the settings rule is a recommendation (reader2B O8); its text no longer reads as an order."""
    text = clauses[slug]["politique.regles-personnelles.vie-privee"]
    assert "Il est recommandé à toute personne visée de régler les paramètres de confidentialité" in text
    assert "Toute personne visée règle les paramètres" not in text


@pytest.mark.parametrize("slug", ORDRES)
def test_the_roles_of_every_person_bound_spare_members_speaking_for_themselves(clauses, slug):
    """10.1: the duties to know, follow and report under the politique are not the members'."""
    roles = clauses[slug]["politique.roles.personnes"]
    assert roles.startswith("Toute personne visée, sauf un membre qui s’exprime en son seul nom (voir l’alinéa suivant) :")
    members = clauses[slug]["politique.roles.membres"]
    assert members.startswith("La présente politique ne confie aucun rôle aux ")
    assert "au sein d’un comité ou dans le cadre d’un mandat" in members


@pytest.mark.parametrize("slug", ORDRES)
def test_a_members_incident_is_a_reminder_not_a_procedure_of_the_ordre(clauses, slug):
    """11.4: where a member reports an incident in their own practice is not the ordre's to set."""
    text = clauses[slug]["politique.procedures.incident-membres"]
    assert text.startswith("La présente politique ne fixe pas aux membres la voie de déclaration d’un incident")
    assert "secret professionnel (Code des professions, art. 60.4)" in text
    assert "le déclare à qui détient" not in text


@pytest.mark.parametrize("slug", ["ocq", "ordre-inhalotherapie"])  # the ordres with students in their scope
def test_students_registered_with_the_ordre_answer_to_its_regulation_under_art_94(clauses, slug):
    """B-O2: an ordre reaches registered students only through a regulation under C. prof. art. 94 h
    (read on LégisQuébec), which may apply some of the members' standards to them."""
    text = clauses[slug]["politique.non-observance.etudiants"]
    # the regimes the file declares: the inhalotherapy ordre has students and no trainees
    assert text.startswith({"ocq": "Pour les étudiants et les stagiaires, un manquement est traité selon la convention de stage",
                            "ordre-inhalotherapie": "Pour les étudiants, un manquement est traité selon les règles"}[slug])
    assert ("Un étudiant inscrit au registre de l’Ordre répond en outre des normes applicables aux membres que lui rend "
            "applicables, le cas échéant, un règlement de l’Ordre pris en vertu du paragraphe h de l’article 94 du "
            "Code des professions") in text
    # « employé » no longer defined as anyone salaried or contractual (students and consultants have their own regimes)
    assert "employé :" not in clauses[slug]["politique.definitions"]


@pytest.mark.parametrize("slug", ORDRES)
def test_speaking_in_ones_own_name_is_advice_for_members(clauses, slug):
    """7.2 and 9.4: naming oneself and saying one speaks in one's own name bind the others; for a member
    speaking in their own name they are recommendations (their duties are their code's)."""
    assert clauses[slug]["politique.enonces.prise-de-position"].endswith(
        "; pour un membre qui s’exprime en son seul nom, c’est une recommandation.")
    assert ("; pour un membre qui s’exprime en son seul nom, ces précisions sont des recommandations, ses devoirs "
            "étant ceux de son code de déontologie.") in clauses[slug]["politique.regles-personnelles.opinions"]
    assert clauses[slug]["politique.enonces.conduite"].endswith(
        "; pour un membre qui s’exprime en son seul nom, cette conduite est celle que lui demandent le code de "
        "déontologie de la profession et le Code des professions.")


def test_a_body_without_members_keeps_one_rule_for_everyone(clauses):
    text = clauses["clinique"]
    assert text["politique.regles-personnelles.conformite"].startswith("Toute personne visée qui s’exprime au sujet de la Clinique")
    assert text["politique.roles.personnes"].startswith("Toute personne visée :")
    assert "politique.regles-personnelles.conformite-membres" not in text and "politique.roles.membres" not in text
    assert "pour un membre qui s’exprime en son seul nom" not in " ".join(text.values())
