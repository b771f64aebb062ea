"""The politique the clause library writes for each organisation, read as a
lawyer would: the rules of each kind of body, the current law, the choices of
the organisation file, and the coverage of the sources it derives from."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policygen.assembly.inputs import Loaded, load_all
from policygen.assembly.assemble import documents_for
from policygen.library.loader import load_library
from policygen.model.nodes import document_texts

ROOT = Path(__file__).resolve().parents[2]
ORGANISATIONS = sorted((ROOT / "organisations").glob("*.yaml"))
# Sources whose every section the politique must carry (003 is the fiche's).
POLITIQUE_SOURCES = ("000", "001", "002", "004")


@pytest.fixture(scope="module")
def library():
    return load_library()


@pytest.fixture(scope="module")
def loaded(library):
    items, problems = load_all(ORGANISATIONS, library)
    assert not problems, problems
    return {item.slug: item for item in items}


def politique(item: Loaded, library):
    return documents_for(item, library, ["politique"])[0]


def text_of(document) -> str:
    """All the text, with non-breaking spaces read as plain spaces."""
    return re.sub(r"[\u00a0\u202f]", " ", "\n".join(document_texts(document)))


def variant(item: Loaded, **changes) -> Loaded:
    """The same organisation with some sections of its file changed."""
    organisation = item.organisation
    for section, values in changes.items():
        current = getattr(organisation, section)
        organisation = organisation.model_copy(update={section: current.model_copy(update=values)})
    return Loaded(item.path, item.display, organisation, item.located)


def of_type(loaded, kind: str) -> list[Loaded]:
    return [item for item in loaded.values() if item.organisation.organisation.type == kind]


@pytest.fixture(scope="module")
def texts(loaded, assembled):
    """Each shipped politique as text, from the session's models (conftest's `assembled`)."""
    return {slug: text_of(assembled[slug][1]["politique"]) for slug in loaded}


def test_every_organisation_file_is_built(texts):
    assert len(texts) == len(ORGANISATIONS) >= 1


@pytest.mark.parametrize("path", ORGANISATIONS, ids=lambda p: p.stem)
def test_every_politique_treats_confidentiality_incidents(path, loaded, texts):
    item, text = loaded[path.stem], texts[path.stem]
    assert "incident de confidentialité" in text
    assert "registre des incidents de confidentialité" in text
    assert "Commission d’accès à l’information" in text
    assert "risque de préjudice sérieux" in text
    assert "le déclare immédiatement" in text
    contact = item.organisation.contacts.protection_renseignements
    assert contact.titre in text
    if contact.courriel:
        assert contact.courriel in text


@pytest.mark.parametrize("path", ORGANISATIONS, ids=lambda p: p.stem)
def test_every_politique_cites_current_law_and_reads_cleanly(path, texts):
    text = texts[path.stem]
    assert "L.R.Q." not in text and "R.L.R.Q." not in text
    assert "RLRQ, c. C-12" in text and "RLRQ, c. CCQ-1991" in text
    assert "manifeste, libre, éclairé" in text
    assert "None" not in text and "{{" not in text and "{%" not in text


@pytest.mark.parametrize("path", ORGANISATIONS, ids=lambda p: p.stem)
def test_names_that_carry_their_article_are_contracted(path, loaded, library, texts):
    """« au président », never « à le président » or « de le bureau du syndic »."""
    roles = loaded[path.stem].organisation.roles
    terms = library.terms[loaded[path.stem].organisation.organisation.type]
    values = [roles.approbation_publications, roles.moderation, roles.securite_information,
              f"le {terms['plaintes']['nom']}", terms["code_ethique"], terms["code_deontologie"]]
    for value in filter(None, values):
        for glued in (f"de {value}", f"à {value}"):
            if value.startswith(("le ", "les ")):
                assert glued not in texts[path.stem]


@pytest.mark.parametrize("path", ORGANISATIONS, ids=lambda p: p.stem)
def test_every_politique_has_every_body_section_numbered(path, assembled):
    document = assembled[path.stem][1]["politique"]
    ids = [section.id for section in document.sections]
    for section in ("preambule", "champ-application", "objectifs", "definitions", "fondements",
                    "principes", "enonces", "regles-officielles", "regles-personnelles", "roles",
                    "procedures", "moderation", "non-observance", "revision", "contacts"):
        assert section in ids
    fondements = next(s for s in document.sections if s.id == "fondements")
    assert [c.number for c in fondements.clauses if c.show_title][:2] == [f"{fondements.number}.1",
                                                                          f"{fondements.number}.2"]


# What a lawyer looks for first in the politique of each kind of body.
BY_KIND = {
    "etablissement_sante": (
        ["RLRQ, c. G-1.021", "RLRQ, c. R-22.1", "RLRQ, c. S-4.2", "titre historique",
         "commissaire aux plaintes et à la qualité des services", "usagers"],
        ["syndic"]),
    "ordre_professionnel": (
        ["syndic", "Code des professions (RLRQ, c. C-26)", "art. 59.2", "responsabilité accrue"],
        ["commissaire aux plaintes", "G-1.021", "R-22.1"]),
}


@pytest.mark.parametrize("kind", sorted(BY_KIND))
def test_each_kind_of_body_gets_its_own_law_and_complaint_channel(kind, loaded, texts):
    bodies = of_type(loaded, kind)
    assert bodies, f"aucun organisme de type {kind} dans organisations/"
    present, absent = BY_KIND[kind]
    for item in bodies:
        text = texts[item.slug]
        assert [p for p in present if p not in text] == [], item.slug
        assert [a for a in absent if a in text] == [], item.slug


def test_an_ordre_cites_its_own_code_de_deontologie(loaded, library, texts):
    for item in of_type(loaded, "ordre_professionnel"):
        for law in item.organisation.fondements.lois:
            if law.startswith("code-deontologie"):
                assert library.laws[law]["citation"] in texts[item.slug]


def test_the_sector_chooses_the_privacy_law(loaded, texts):
    for item in loaded.values():
        text = texts[item.slug]
        if item.organisation.organisation.secteur == "public":
            assert "RLRQ, c. A-2.1" in text and "art. 63.8 à 63.11" in text
            assert "P-39.1" not in text
        else:
            assert "RLRQ, c. P-39.1" in text and "art. 3.5 et 3.8" in text


def test_laws_listed_by_the_organisation_are_cited(loaded, library, texts):
    for item in loaded.values():
        for law in item.organisation.fondements.lois:
            assert library.laws[law]["citation"] in texts[item.slug], (item.slug, law)


def test_the_iucpq_forbids_personal_use_at_work(loaded, texts):
    item = loaded.get("iucpq")
    if item is None or item.organisation.choix.usage_personnel_au_travail != "interdit":
        pytest.skip("organisations/iucpq.yaml ne choisit pas « interdit »")
    text = texts["iucpq"]
    assert ("à des fins personnelles seulement en dehors des heures de travail et sur un "
            "appareil personnel, jamais au moyen des postes") in text
    assert "bloquer l’accès aux médias sociaux" in text


@pytest.mark.parametrize("choice, expected, absent", [
    ("interdit", "jamais au moyen des postes", "pendant les pauses"),
    ("hors_heures", "personnelles aux pauses, au repas et hors du travail", "jamais au moyen des postes"),
    ("hors_lieux", "hors des lieux de travail et sur un appareil personnel", "pendant les pauses"),
    ("permis", "personnelles au travail comme ailleurs, avec modération", "jamais au moyen des postes"),
])
def test_personal_use_at_work_follows_the_choice(choice, expected, absent, loaded, library):
    item = variant(next(iter(loaded.values())), choix={"usage_personnel_au_travail": choice})
    text = text_of(politique(item, library))
    assert expected in text and absent not in text


def test_friendship_with_users_follows_the_choice(loaded, library):
    item = next(iter(loaded.values()))
    forbidden = text_of(politique(variant(item, choix={"amitie_usagers": "interdite",
                                                       "amitie_portee": "usagers_servis",
                                                       "amitie_demandes": "usagers_servis"}), library))
    discouraged = text_of(politique(variant(item, choix={"amitie_usagers": "deconseillee"}), library))
    # (the users one serves oneself, set explicitly: the first body bans links with every user)
    # the ban binds the staff and the trainees (the users they serve themselves); everyone bound is advised
    assert "Il est interdit au personnel et aux stagiaires d’entretenir" in forbidden
    assert "à qui ils offrent ou ont offert directement des services" in forbidden
    assert "Il est interdit à toute personne visée" not in forbidden
    assert "Il est recommandé à toute personne visée d’examiner avec vigilance" in forbidden
    assert "Il est recommandé à toute personne visée d’examiner avec vigilance" in discouraged
    assert "Il est interdit au personnel" not in discouraged
    for text in (forbidden, discouraged):
        assert "qu’on lui ait offert des services ou non" not in text


def test_separate_accounts_and_file_sharing_are_optional(loaded, library):
    item = next(iter(loaded.values()))
    on = text_of(politique(variant(item, choix={"comptes_separes": True, "partage_fichiers_internes": True}), library))
    off = text_of(politique(variant(item, choix={"comptes_separes": False, "partage_fichiers_internes": False}), library))
    assert "comptes distincts" in on and "comptes distincts" not in off
    assert "Partage d’information et de documents internes" in on
    assert "Partage d’information et de documents internes" not in off


def test_cyberintervention_choice_changes_the_ordre_rule(loaded, library):
    ordres = of_type(loaded, "ordre_professionnel")
    if not ordres:
        pytest.skip("aucun ordre professionnel dans organisations/")
    without = text_of(politique(variant(ordres[0], choix={"cyberintervention": False}), library))
    with_ = text_of(politique(variant(ordres[0], choix={"cyberintervention": True}), library))
    assert "Médias sociaux et services professionnels à distance" not in without   # « non »: no such rule
    assert "pratique la cyberintervention" in with_


def test_laurentides_carries_its_own_facts(loaded, texts):
    item = loaded.get("cisss-laurentides")
    if item is None:
        pytest.skip("organisations/cisss-laurentides.yaml absent")
    text = texts["cisss-laurentides"]
    # one address per service: 004 gives two for the same unit (7.2 and 10); the file keeps one
    assert "mrpc.cissslau@ssss.gouv.qc.ca" in text and "rmpc.ciessler" not in text
    assert "450 432-2777, poste 22898" in text
    assert "Messenger et WhatsApp" in text
    assert "RLRQ, c. P-34.1" in text and "RLRQ, c. S-2.2" in text
    assert "la population des Laurentides" in text  # ligne_editoriale.publics


def test_every_section_of_the_politique_sources_is_cited(library):
    cited = {(ref.source, section) for clause in library.clauses if "politique" in clause.meta.documents
             for ref in clause.meta.sources for section in ref.sections}
    missing = [(source["id"], section["id"]) for source in library.sources if source["id"] in POLITIQUE_SOURCES
               for section in source["sections"] if (source["id"], section["id"]) not in cited]
    assert not missing
