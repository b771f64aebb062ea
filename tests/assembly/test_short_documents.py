"""The nétiquette and the fiche-synthèse of every body stay short (issue 17, item 5): the shipped
organisations, the fixture bodies and the bodies new users wrote from the README
(tests/orgfile/corps/urgences-sante.yaml, rpa-opalia.yaml, reseau-aidants.yaml), whose names, units and complaint
routes are the longest. Read on the document model (the three formats carry its text:
tests/writers); the library's own share is held by its budget (tests/library/test_budget.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BODIES, ORGANISATIONS
from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import block_texts, document_texts

NEW_USERS = [Path(__file__).resolve().parents[1] / "orgfile" / "corps" / f"{slug}.yaml"
             for slug in ("urgences-sante", "rpa-opalia", "reseau-aidants")]
SHORT = ("netiquette", "fiche-synthese", "netiquette.en", "fiche-synthese.en")
LIMIT = 900


@pytest.fixture(scope="module")
def short(assembled):
    """{slug: {kind: Document}} for the short documents of every shipped, fixture and new-user body."""
    library = load_library()
    loaded, problems = load_all(NEW_USERS, library)
    assert not problems, problems
    documents = {slug: docs for slug, (_, docs) in assembled.items()}
    for item in loaded:
        documents[item.slug] = {d.kind: d for d in documents_for(item, library, list(library.documents))}
    return documents


def _words(document) -> int:
    return sum(len(text.split()) for text in document_texts(document))


def _text(document) -> str:
    return " ".join(" ".join(document_texts(document)).replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.mark.parametrize("slug", [p.stem for p in ORGANISATIONS + BODIES + NEW_USERS])
def test_the_public_and_staff_texts_stay_short(short, slug):
    """At most 900 words, the nétiquette and the fiche, in each edition a body publishes."""
    counts = {kind: _words(doc) for kind, doc in short[slug].items() if kind in SHORT}
    assert {"netiquette", "fiche-synthese"} <= set(counts)
    assert {kind: n for kind, n in counts.items() if n > LIMIT} == {}


def test_the_emergency_notice_and_the_watch_hours_survive_the_cuts(short):
    for slug, documents in short.items():
        notice = _text(documents["netiquette"]).split("Bienvenue sur nos pages")[0]
        assert "911" in notice and "811" in notice and "9-8-8" in notice, slug
        assert "Nous suivons nos pages" in notice or "Nous ne suivons pas nos pages en tout temps" in notice, slug


def test_an_outbreak_is_a_hospitals_crisis_not_a_prehospital_services(short):
    """U8: « une éclosion » is a ward's word; a prehospital service's crisis is named by no example."""
    assert "Lors d’une crise, nos pages servent d’abord à informer" in _text(short["urgences-sante"]["netiquette"])
    assert "éclosion" not in _text(short["urgences-sante"]["netiquette"])
    assert "Lors d’une crise (une éclosion, un sinistre)" in _text(short["cisss-laurentides"]["netiquette"])


def test_agency_staff_are_not_called_professionals(short):
    """Note 3 (issue 19, C3) and R5: the regime of people who work with no employment tie is named
    for all of them, agency staff included."""
    for kind in ("politique", "fiche-synthese"):
        text = _text(short["rpa-opalia"][kind])
        assert "professionnels qui exercent sans lien" not in text
        assert "personnes qui exercent sans lien d’emploi" in text
    assert "les personnes qui exercent sans lien d’emploi : le personnel d’agence" in _text(
        short["rpa-opalia"]["politique"])


def test_the_reporting_route_is_said_once(short):
    """The manager's follow-up with the communications unit is the politique's; the fiche tells the
    reader what to do, once."""
    for slug, documents in short.items():
        fiche = _text(documents["fiche-synthese"])
        assert "qui assurera le suivi" not in fiche, slug
        politique = _text(documents["politique"])
        if "à son gestionnaire, qui en assure le suivi" in politique:
            assert "remettez-en une capture d’écran à votre gestionnaire" in fiche, slug


def test_trainees_answer_to_their_internship_agreement_not_the_volunteers(short):
    """C3: the CISSS des Laurentides' trainees have their own category and regime."""
    politique, fiche = _text(short["cisss-laurentides"]["politique"]), _text(short["cisss-laurentides"]["fiche-synthese"])
    assert "les bénévoles : les bénévoles et les stagiaires" not in politique
    assert "les stagiaires : les stagiaires" not in politique and "les stagiaires." in politique  # one item, as U6
    assert "Pour les stagiaires : la convention de stage" in fiche
    assert "Pour les bénévoles : l’entente qui les lie à l’établissement." in fiche


def test_the_fiche_names_the_banned_messaging_apps_the_politique_bans(short):
    """C11: the fiche renders the politique's file-sharing rule where the body names the apps it bans."""
    documents = short["cisss-laurentides"]
    assert "telles que Messenger et WhatsApp, pour échanger" in _text(documents["politique"])
    assert ("Membre du personnel, n’échangez l’information et les documents internes que par les outils internes "
            "de l’établissement, jamais par Messenger ou WhatsApp.") in _text(documents["fiche-synthese"])
    fiche = next(c for s in documents["fiche-synthese"].sections for c in s.clauses if c.id == "fiche-synthese.partage-fichiers")
    assert [r.id for r in fiche.provenance.rules] == ["partage-fichiers"]
    assert "échangez" not in _text(short["ciusss"]["fiche-synthese"])  # no apps named: the politique alone


def test_an_ordres_members_are_not_told_which_tools_to_share_with(short):
    politique = _text(short["ordre-inhalotherapie"]["politique"])
    assert "les autres personnes visées, sauf les inhalothérapeutes, n’y font pas circuler" in politique


def test_a_sector_help_line_follows_811_and_988_and_is_not_the_bodys_own(short):
    """Note 3 (issue 19, C1): the residence points to the province's elder-abuse line; the notice
    gives it after 811 and 9-8-8, as a list item of its own, and the residence's volunteers do not
    become its listeners."""
    documents = short["rpa-opalia"]
    notice = documents["netiquette"].sections[0]
    items = [_plain_item for c in notice.clauses for b in c.blocks for _plain_item in block_texts(b)]
    lines = [i for i, text in enumerate(items) if "811" in text or "9-8-8" in text or "Maltraitance" in text]
    assert len(lines) == 3 and "Maltraitance" in items[lines[-1]]
    assert "Pour parler à une intervenante ou un intervenant de la Ligne Aide Maltraitance Adultes Aînés, appelez le " \
           "1 888 489-2287, tous les jours, de 8 h à 20 h (à confirmer)." in _text(documents["netiquette"])
    assert "bénévole" not in _text(documents["fiche-synthese"]).split("n’acceptez")[0].rsplit(".", 1)[-1]
