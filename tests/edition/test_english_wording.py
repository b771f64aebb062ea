"""What a bilingual reader of the English editions checks (the review of 2026-12-07, defects 1–10):
the notice names who may consult the page on the edition's own basis, with no French left in it;
the directive is cited under s. 29.15 as « adopted », with its author; the staff fiche says whom it
addresses; measures are listed item by item in English; units keep their official French name
with an English gloss, office holders are named by their title; values to confirm carry the
English mark; statutes are cited CQLR; Santé Québec's bodies are « institutions »; and the
ground of removal is « impersonation ».
"""

import html
import re

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from conftest import FIXTURES, ROOT

BODIES = {"cisss-laurentides": ROOT / "organisations" / "cisss-laurentides.yaml",
          "clinique-en": FIXTURES / "organismes" / "clinique-en.yaml",
          "etablissement-reconnu-en": FIXTURES / "organismes" / "etablissement-reconnu-en.yaml"}


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The English HTML of the three bodies, as text (tags out), by « body/document »."""
    out = tmp_path_factory.mktemp("english")
    for body, path in BODIES.items():
        result = CliRunner().invoke(main, ["build", str(path), "--out", str(out), "--format", "html", "-j", "1"],
                                    env={"SOURCE_DATE_EPOCH": "1767225600"})
        assert result.exit_code == 0, result.output
    found = {}
    for page in out.glob("*/*.en.html"):
        body = re.sub(r"<style.*?</style>", "", page.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"<[^>]+>", "", re.sub(r"</(p|li|h\d)>", "\n", body))
        found[f"{page.parent.name}/{page.name.removesuffix('.en.html')}"] = html.unescape(text)
    return found


def _notice(text: str) -> str:
    return text[text.index("Who "):text.index("\n", text.index("Who ") + 30)]


def test_each_basis_says_who_may_consult_the_page(pages):
    assert "Everyone may consult this page." in _notice(pages["etablissement-reconnu-en/netiquette"])
    assert "section 26" in _notice(pages["etablissement-reconnu-en/netiquette"])
    access = _notice(pages["cisss-laurentides/netiquette"])
    assert "to English-speaking persons" in access and "No proof of eligibility is required." in access
    assert "a private organization" in _notice(pages["clinique-en/netiquette"])
    assert "Everyone may consult either version." in _notice(pages["clinique-en/netiquette"])
    for text in pages.values():
        assert "the Charter of the French language allows it to serve" not in text


def test_the_notice_leaves_no_french_phrase_and_cites_the_directive_as_adopted(pages):
    reconnu = _notice(pages["etablissement-reconnu-en/netiquette"])
    assert "reconnaissance par" not in reconnu
    assert "recognized by the Office québécois de la langue française under section 29.1" in reconnu
    access = _notice(pages["cisss-laurentides/netiquette"])
    assert "programme d’accès" not in access
    for notice in (reconnu, access):
        assert "(same Charter, s. 29.15)" in notice and "adopted on" in notice and "last reviewed" not in notice


def test_the_staff_fiche_says_it_is_an_internal_document(pages):
    notice = _notice(pages["etablissement-reconnu-en/fiche-synthese"])
    assert notice.startswith("Who is this document for?")
    assert "This internal document is addressed to staff" in notice
    assert "communicate internally in English in addition to French" in notice
    assert "Everyone may consult" not in notice


def test_staff_measures_are_listed_in_english_up_to_dismissal(pages):
    fiche = pages["etablissement-reconnu-en/fiche-synthese"]
    assert "as listed in its French version" not in fiche
    assert ("For staff: full or partial withdrawal of access to the employer’s accounts and communication tools; "
            "removal or modification of the content posted, or its retraction by its author; or administrative "
            "or disciplinary measures, from a simple reprimand up to dismissal.") in fiche


def test_public_measures_are_translated_item_by_item_with_their_marks(pages):
    text = pages["cisss-laurentides/netiquette"]
    assert "the French version lists" not in text
    assert "hiding the comment\u00a0(to be confirmed);\ndeleting it\u00a0(to be confirmed);\n" \
           "as a last resort, blocking its author\u00a0(to be confirmed)." in text


def test_units_keep_their_french_name_with_a_gloss_and_office_holders_their_title(pages):
    assert "communications team" not in "".join(pages.values())
    assert ("run by the Direction des communications et des affaires publiques (Communications and Public "
            "Affairs)") in pages["etablissement-reconnu-en/netiquette"]
    assert "without a mandate from the Direction des communications et des affaires publiques" in \
        pages["etablissement-reconnu-en/fiche-synthese"]
    assert "run by the Service des relations médias, relations publiques et à la communauté (Media, Public and " \
           "Community Relations)" in pages["cisss-laurentides/netiquette"]
    clinic = pages["clinique-en/netiquette"]
    assert "run by the Bureau de la direction (Management Office)" in clinic
    assert "address yours to the Director of Operations of the Clinique de l’Essai" in clinic
    assert "Director of Operations (Directrice des opérations)" in clinic
    assert "Service Quality and Complaints Commissioner (Commissaire aux plaintes et à la qualité des services)" \
        in pages["cisss-laurentides/netiquette"]


def test_english_editions_mark_values_to_confirm_in_english(pages):
    text = pages["cisss-laurentides/netiquette"]
    assert "à confirmer" not in text
    assert "(to be confirmed)" in _notice(text)
    assert "Version of October 1, 2026\u00a0(to be confirmed)" in text


def test_the_clinic_is_named_in_its_title_and_text(pages):
    clinic = pages["clinique-en/netiquette"]
    assert "Social Media Guidelines of the Clinique de l’Essai" in clinic
    assert "run by the Bureau de la direction (Management Office) of the Clinique de l’Essai" in clinic


def test_statutes_institutions_and_impersonation(pages):
    for text in pages.values():
        assert "RLRQ" not in text and "identity theft" not in text
    assert "(CQLR, c. A-2.1)" in pages["cisss-laurentides/netiquette"]
    assert ("(Act respecting the protection of personal information in the private sector, CQLR, c. P-39.1, ss. 27 "
            "and 28)") in pages["clinique-en/netiquette"]  # the Act by its title (reader4-en m10)
    assert "Santé Québec (the CISSS des Laurentides is one of its institutions)" in pages["cisss-laurentides/netiquette"]
    assert "impersonation, using several accounts" in pages["clinique-en/netiquette"]
