"""What the fourth legal reading (after this round's word cuts and new rules) found, read back on
the fixture bodies' politiques: section 2's frame and the rules it announces say the same."""

from __future__ import annotations

import pytest

from policygen.model.nodes import document_texts

BODIES = ("ligne-ecoute", "clinique", "ciusss", "ordre-inhalotherapie")


@pytest.fixture(scope="module")
def politiques(assembled) -> dict[str, str]:
    return {slug: " ".join(" ".join(document_texts(assembled[slug][1]["politique"])).replace("\u00a0", " ").split())
            for slug in BODIES}


@pytest.mark.parametrize("slug", ["ligne-ecoute", "clinique", "ciusss"])
def test_the_frame_does_not_say_photo_consent_binds_staff_only_when_a_rule_binds_the_others(politiques, slug):
    politique = politiques[slug]
    # the rule of 8.x binds the other persons covered (photos-consentement-autres) ...
    assert "Les autres personnes visées ne publient pas davantage" in politique
    # ... so section 2 no longer lists « les photos prises au travail » among the staff-only rules
    assert "heures de travail, les photos prises au travail" not in politique
    assert ("les règles du personnel sur les photos prises au travail et les mesures administratives ou "
            "disciplinaires, ne visent que") in politique
    assert ("le consentement exigé avant de publier l’image d’une personne reconnaissable lie aussi les autres "
            "personnes visées.") in politique


def test_an_ordres_frame_keeps_its_members_under_their_code_for_photos(politiques):
    politique = politiques["ordre-inhalotherapie"]
    assert "Les autres personnes visées, à l’exception" in politique
    assert "lie aussi les autres personnes visées, sauf les " in politique
    assert ", que lie leur code de déontologie." in politique


def test_volunteers_and_trainees_harassed_online_get_the_staffs_support(politiques):
    # reader 4's finding 9: the help line's volunteer listeners sign public replies
    assert ("offre le même soutien aux personnes bénévoles et stagiaires harcelées en ligne en raison de leur "
            "engagement ou de leur stage." in politiques["ligne-ecoute"])
    # a body that names no volunteer or trainee promises nothing more
    assert "offre le même soutien aux personnes" not in politiques["clinique"]


def test_blocking_names_the_author_not_the_threat(politiques):
    assert ("l’auteur d’une menace, d’une usurpation d’identité ou d’un pourriel est bloqué sans "
            "avertissement") in politiques["ciusss"]


def test_a_public_bodys_removed_content_is_kept_and_access_requests_forwarded(politiques):
    sentence = "Avant d’être retiré, un commentaire ou un contenu est saisi et conservé selon le calendrier de conservation"
    assert sentence in politiques["ciusss"]
    assert "une demande d’accès à un document reçue sur une page est transmise à la personne responsable" \
        in politiques["ciusss"]
    assert sentence not in politiques["clinique"]  # a private body is under neither nor
