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
            "Avant 14 ans, c’est le titulaire de l’autorité parentale ou le tuteur qui consent." in fiche), slug
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
            assert "if their life seems in danger, we call 911 and give only the information needed to help " \
                   "them." in text, slug
        if kind == "fiche-synthese.en":
            assert "A comment expresses distress? Reply quickly, privately," in text, slug
            assert "must not post such a photo or video either, on any account, without consent." in text, slug
            assert "Under 14, it is the person having parental authority or the tutor who consents." in text, slug


def test_the_private_sector_act_is_named_not_only_its_chapter(texts):
    """reader4-en m10: « (RLRQ, c. P-39.1, art. 27 et 28) » told the public nothing of which law it is."""
    named = 0
    for slug, documents in texts.items():
        for kind in ("netiquette", "netiquette.en"):
            text = documents.get(kind, "")
            for cited in ("RLRQ, c. P-39.1", "CQLR, c. P-39.1"):
                for found in [i for i in range(len(text)) if text.startswith(cited, i)]:
                    named += 1
                    assert text[max(0, found - 90):found].rstrip(", (").endswith(
                        ("dans le secteur privé", "in the private sector")), (slug, kind, text[found - 90:found])
    assert named >= 5


def test_the_french_politique_names_the_english_editions_it_governs(assembled, texts):
    """reader4-en m11: the CISSS's English nétiquette had no anchor in the French politique."""
    names = {"netiquette": "la nétiquette", "fiche-synthese": "la fiche-synthèse", "politique": "la présente politique"}
    with_editions = 0
    for slug, (item, _) in assembled.items():
        politique = texts[slug]["politique"]
        wanted = item.organisation.langues.documents_anglais if "en" in item.organisation.langues.editions else []
        assert ("publie aussi en anglais" in politique) == bool(wanted), slug
        if wanted:
            with_editions += 1
            sentence = politique[politique.index("publie aussi en anglais"):]
            sentence = sentence[:sentence.index("renvoie à celle-ci.")]
            assert all(names[kind] in sentence for kind in wanted), (slug, sentence)
            assert "la version française prévaut" in sentence
    assert with_editions >= 3
    assert "pour les personnes d’expression anglaise que vise son programme d’accès" in texts["cisss-laurentides"][
        "politique"]
    assert ("The institution also publishes the social media guidelines, the summary sheet and this policy in English"
            in texts["etablissement-reconnu-en"]["politique.en"])


def test_an_access_programs_notice_cites_the_statute_of_the_program(texts):
    """reader4-en m2: the access program rests on the health network's statute, not on the Charter alone."""
    notice = texts["cisss-laurentides"]["netiquette.en"]
    assert ("(Act respecting the governance of the health and social services system; Charter of the French "
            "language, s. 22.3)") in notice
    assert "its program of access to English-language health services and social services" in notice


def test_a_french_page_with_an_english_edition_links_to_it_visibly(assembled):
    """reader4-en m1: the French page pointed to its English edition only in its <head>; the link is the web
    page's navigation, as the skip link, never in the PDF or Word file."""
    from policygen.writers.html import render_html
    from policygen.writers.options import WriterOptions

    documents = assembled["etablissement-reconnu-en"][1]
    french = render_html(documents["netiquette"], WriterOptions(media="screen"))
    assert ('<p class="autre-langue"><a href="netiquette.en.html" hreflang="en-CA" lang="en-CA">English version</a>'
            '</p>') in french
    english = render_html(documents["netiquette.en"], WriterOptions(media="screen"))
    assert '<a href="netiquette.html" hreflang="fr-CA" lang="fr-CA">Version française</a>' in english
    assert 'class="autre-langue"' not in render_html(documents["netiquette"], WriterOptions(media="print"))
    assert 'class="autre-langue"' not in render_html(assembled["ciusss"][1]["netiquette"], WriterOptions(media="screen"))
