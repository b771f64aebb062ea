"""What the fourth legal reading left (notes/reader4.md F2, F3, F5), read back on every shipped and
fixture body: the fiche and the nétiquette say what the politique binds its readers to, in French and
in English."""

from __future__ import annotations

import pytest

from policygen.model.nodes import document_texts


def _text(document) -> str:
    return " ".join(" ".join(document_texts(document)).replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def texts(assembled) -> dict[str, dict[str, str]]:
    return {slug: {kind: _text(doc) for kind, doc in docs.items()} for slug, (_, docs) in assembled.items()}


OTHERS_CONSENT = "Les autres personnes visées ne publient pas davantage, sur quelque compte que ce soit"
UNDER_14 = "le consentement d’une personne de moins de 14 ans est donné par le titulaire de l’autorité parentale"


def test_the_fiche_binds_whom_the_politique_binds_to_photo_consent(texts):
    """F2: the politique binds the other persons covered to the consent, and says who consents for a
    child under 14; the fiche's photo item spoke to staff only."""
    seen = {"others": 0, "under 14": 0}
    for slug, documents in texts.items():
        politique, fiche = documents["politique"], documents["fiche-synthese"]
        others = OTHERS_CONSENT in politique or "Les autres personnes visées, à l’exception" in politique
        assert others == ("ne publient pas davantage, sur aucun compte, une telle photo ou vidéo sans consentement"
                          in fiche), slug
        assert (UNDER_14 in politique) == (
            "Sous 14 ans, le titulaire de l’autorité parentale ou le tuteur consent." in fiche), slug
        assert "du parent ou du tuteur" not in fiche  # the politique's words, not a narrower one
        seen["others"] += others
        seen["under 14"] += UNDER_14 in politique
    assert seen["others"] >= 5 and seen["under 14"] >= 5, seen


def test_an_ordres_members_are_not_bound_by_the_fiches_photo_rule_for_the_others(texts):
    fiche = texts["ordre-inhalotherapie"]["fiche-synthese"]
    assert "Les autres personnes visées, sauf les " in fiche
    assert ", ne publient pas davantage, sur aucun compte" in fiche


def test_the_netiquette_tells_the_public_the_moderator_may_call_911(texts):
    """F3: the politique's moderator calls 911 and, without consent, gives only what is needed; the
    nétiquette said so only where the body has an on-call team."""
    for slug, documents in texts.items():
        assert "si la vie d’une personne paraît en danger, elle compose le 911" in documents["politique"], slug
        assert ("nous lui écrivons en privé ; si sa vie paraît en danger, nous appelons le 911 et ne transmettons "
                "que le nécessaire pour la secourir.") in documents["netiquette"], slug


def test_every_fiche_says_what_to_do_with_distress(texts):
    """F5: the distress instruction was printed only where an on-call team is alerted."""
    for slug, documents in texts.items():
        fiche = documents["fiche-synthese"]
        assert "Un commentaire exprime de la détresse ? Répondez vite, en privé, avec les ressources d’aide, " \
               "alertez " in fiche, slug
        assert "et composez le 911 si une vie paraît en danger." in fiche, slug


def test_the_english_editions_say_the_same(texts):
    english = {(slug, kind): text for slug, documents in texts.items() for kind, text in documents.items()
               if kind.endswith(".en")}
    assert any(kind == "netiquette.en" for _, kind in english) and any(kind == "fiche-synthese.en"
                                                                       for _, kind in english)
    for (slug, kind), text in english.items():
        if kind == "netiquette.en":
            assert "if their life appears to be in danger, we call 911 and give only the information needed to " \
                   "help them." in text, slug
        if kind == "fiche-synthese.en":
            assert "A comment expresses distress? Reply quickly, privately," in text, slug
            assert "must not post such a photo or video either, on any account, without consent." in text, slug
            assert "Under 14, the person having parental authority or the tutor consents." in text, slug
