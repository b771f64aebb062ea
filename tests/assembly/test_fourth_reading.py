"""The minor findings of readers 2A and 2B left after the third reading, each read on the built
documents of the bodies they read (document model; the three formats carry its text: tests/writers).
"""

from __future__ import annotations


import pytest

from policygen.model.nodes import document_texts

PATHS = {"osbl": "tests/fixtures/organismes/osbl.yaml", "clinique": "tests/fixtures/organismes/clinique.yaml",
         "coop-vallee": "tests/fixtures/organismes/coop-vallee.yaml",
         "ligne-ecoute": "tests/fixtures/organismes/ligne-ecoute.yaml",
         "ordre-inhalotherapie": "tests/fixtures/organismes/ordre-inhalotherapie.yaml",
         "ocq": "organisations/ocq.yaml", "cisss-laurentides": "organisations/cisss-laurentides.yaml"}


@pytest.fixture(scope="module")
def texts(assembled) -> dict[tuple[str, str], str]:
    """Each document's text, from the session's models (conftest's `assembled`)."""
    return {(slug, d.kind): " ".join("\n".join(document_texts(d)).replace("\u00a0", " ").replace("\u202f", " ").split())
            for slug in PATHS for d in assembled[slug][1].values()}


@pytest.mark.parametrize("slug", PATHS)
def test_an_incident_is_about_information_the_body_holds(texts, slug):
    """A-M1: a photo a colleague took privately is a breach of privacy, not the body's incident."""
    politique, fiche = texts[slug, "politique"], texts[slug, "fiche-synthese"]
    assert "Publier sans droit un renseignement personnel que détient " in politique
    assert "relève plutôt du Code civil du Québec (art. 35 et 36) et se signale comme un contenu inapproprié" in politique
    assert "Un renseignement personnel que détient " in fiche and "a été publié sans droit ? Déclarez cet incident de confidentialité" in fiche
    assert "la photo ou la voix d’une personne —" not in politique


def test_the_harmful_content_rule_ends_its_enumeration(texts):
    """A-M2: « …de la Fondation, d'une personne visée ; » lacked its last term."""
    # a body has a reputation, a person a dignity (r3fix T6/X7)
    assert ("à la réputation de la Fondation, ou à la réputation, à la vie privée ou à la dignité d’une personne visée "
            "ou de toute autre personne ; une critique") in texts["osbl", "politique"]
    assert "sur des contenus liés à son travail ou à sa profession" in texts["osbl", "politique"]


def test_the_loyalty_paragraph_names_its_duty(texts):
    """A-M3: « Ce devoir s'applique en tout temps » after the administrators' plural duties."""
    for slug in PATHS:
        assert "Ce devoir s’applique en tout temps" not in texts[slug, "politique"], slug
    assert "Le devoir de loyauté s’applique en tout temps" in texts["osbl", "politique"]


@pytest.mark.parametrize("slug", PATHS)
def test_one_appointer_of_the_content_manager(texts, slug):
    """A-M16: 10.2 has the communications unit appoint the content manager; 10.3 says the same."""
    politique = texts[slug, "politique"]
    assert "La personne gestionnaire de contenu, que désigne " in politique
    assert "désigne une personne gestionnaire de contenu" not in politique


def test_the_privacy_officers_delegation_is_written(texts):
    """A-M17: P-39.1 art. 3.1 and A-2.1 art. 8 delegate the function in writing."""
    assert "celle à qui elle délègue cette fonction par écrit" in texts["ocq", "politique"]
    assert "elle peut déléguer par écrit tout ou partie de cette fonction" in texts["clinique", "politique"]


@pytest.mark.parametrize("slug", PATHS)
def test_the_netiquette_access_paragraph_gives_the_persons_own_right(texts, slug):
    """A-M13: under P-39.1 only the person concerned has access (arts. 27-28, r3fix R4); the Loi sur l'accès by
    its full title."""
    netiquette = texts[slug, "netiquette"]
    assert ("vous pouvez y demander accès selon la " in netiquette
            or "vous pouvez consulter vos renseignements personnels et les faire corriger (Loi sur la protection des "
               "renseignements personnels dans le secteur privé, RLRQ, c. P-39.1, art. 27 et 28)" in netiquette)
    assert "faire l’objet d’une demande d’accès" not in netiquette
    assert "la Loi sur l’accès (RLRQ" not in netiquette


@pytest.mark.parametrize("slug", ["ocq", "ordre-inhalotherapie"])
def test_an_ordre_never_calls_the_people_its_members_serve_clients(texts, slug):
    """B-X3: the files say « patients », and the text says so (r3fix I2); « les personnes qu'il sert » when a file
    names no one."""
    politique = texts[slug, "politique"]
    assert "ses clients" not in politique
    assert "la relation de confiance avec ses patients" in politique


def test_a_non_profits_administrators_answer_to_the_civil_code(texts):
    """A-M3 / B-C6: an organisme's administrators are bound by C.c.Q. art. 322; its code d'éthique only if
    it has one (nothing in the file says so)."""
    osbl = texts["osbl", "politique"]
    assert ("sont tenus aux devoirs que leur imposent leur mandat, le Code civil du Québec (art. 322 : prudence, "
            "diligence, honnêteté et loyauté dans l’intérêt de la personne morale) et, s’il en existe un, le code "
            "d’éthique de l’organisme.") in osbl
    # an ordre's administrators keep their own code
    assert "art. 322" not in texts["ocq", "politique"]


def test_a_health_coops_professionals_answer_to_their_ordres_syndic(texts):
    """A-M11: a complaint about a physician's or a nurse's conduct at a coop may go to their ordre."""
    assert ("Une plainte sur la conduite d’un membre d’un ordre professionnel qui exerce à la Coopérative peut aussi "
            "être adressée au syndic de cet ordre.") in texts["coop-vallee", "politique"]
    assert "peut aussi être adressée au syndic de son ordre professionnel" in texts["coop-vallee", "netiquette"]
    # a clinic that names its ordre's office already gives that route; a foundation has no professionals
    assert "syndic de son ordre professionnel" not in texts["clinique", "netiquette"]
    assert "Direction des enquêtes du Collège des médecins du Québec" in texts["clinique", "netiquette"]
    assert "syndic de son ordre professionnel" not in texts["osbl", "netiquette"]


def test_an_ordre_of_a_reserved_title_fights_its_usurpation(texts):
    """B-O6: for a reserved title, the offence is chiefly using the title."""
    assert "combat l’usurpation du titre et, le cas échéant, l’exercice illégal des activités réservées" in texts["ordre-inhalotherapie", "politique"]
    assert "combat l’exercice illégal de la profession" in texts["ocq", "politique"]


def test_the_competence_rule_is_epicene_outside_an_ordre(texts):
    """B-L7 and épicène: « Le professionnel qui intervient… il » for a help line's volunteers and everyone else."""
    clinique = texts["clinique", "politique"]
    assert "La personne qui intervient sur les médias sociaux bénéficie d’une crédibilité supplémentaire" in clinique
    assert "Elle reste prudente dans ses affirmations" in clinique
    assert "Le professionnel qui intervient" not in clinique
    assert "son interlocuteur" not in clinique
    assert "Le membre qui intervient sur les médias sociaux" in texts["ocq", "politique"]
    assert "lorsqu’une publication se rattache au travail, au bénévolat ou à la profession" in texts["ligne-ecoute", "politique"]


def test_the_short_name_is_set_once_before_its_first_use(texts):
    """B-L6: « l'Écoute Solidaire est désignée par les mots « l'Écoute Solidaire » » was circular, and the
    designation came after the short name's first use."""
    assert "désignée par les mots" not in texts["ligne-ecoute", "politique"]
    assert "que l’Écoute Solidaire ne peut ignorer" in texts["ligne-ecoute", "politique"]
    osbl = texts["osbl", "politique"]
    assert "que la Fondation Santé (ci-après « la Fondation ») ne peut ignorer" in osbl
    assert osbl.index("(ci-après « la Fondation »)") < osbl.index("La Fondation tient des comptes officiels")
