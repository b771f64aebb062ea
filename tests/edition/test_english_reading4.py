"""What the fourth bilingual reading found in the English editions (notes/reader4-en.md), read back from
the model and the page and Word file the writers make of it. The links to the French original (B1, S1) are
test_edition_links's; the French names in headings (m15, E12) test_english_politique's."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document as open_docx

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.writers.docx.document import build_docx
from policygen.writers.docx.package import save_docx
from policygen.writers.html import render_html
from conftest import FIXTURES, ROOT

RECOGNISED = FIXTURES / "organismes" / "etablissement-reconnu-en.yaml"
CISSS = ROOT / "organisations" / "cisss-laurentides.yaml"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """The English editions of the recognised body and of the CISSS des Laurentides, and the recognised body's
    French politique, as standalone pages."""
    library = load_library()
    loaded, problems = load_all([RECOGNISED, CISSS], library)
    assert not problems
    return {f"{item.slug}/{d.kind}": render_html(d)
            for item in loaded for d in documents_for(item, library, list(library.documents))
            if d.kind.endswith(".en") or (item.path == RECOGNISED and d.kind == "politique")}


def test_the_directive_is_cited_by_its_english_title_its_mark_after_the_quotes(pages):
    """S2: the MSSS directive of July 18, 2024, by the title of its English version; « (to be confirmed) »
    follows the closing quote instead of reading as a part of the title."""
    notice = pages["cisss-laurentides/netiquette.en"]
    assert ('<mark class="a-confirmer">“Use of a Language Other Than French With Users of Health and Social '
            'Services”</mark><span class="mention-a-confirmer">\u00a0(to be confirmed)</span>') in notice
    assert "adopted on <mark class=\"a-confirmer\">July 18, 2024</mark>" in notice
    assert "(to be confirmed)”" not in notice and "June 1, 2024" not in notice


def test_the_privacy_officer_is_named_in_english_without_a_glossary_line(pages):
    """S4: the contact at the end of the politique gives the A-2.1 English title of its office, the French
    after it, as the other contacts do (the fixture's glossary has no line for it)."""
    assert ("<strong>Person in charge of the protection of personal information (<span lang=\"fr-CA\">Responsable "
            "de la protection des renseignements personnels</span>)</strong>") in pages["etablissement-reconnu-en/politique.en"]
    assert "glossaire" in RECOGNISED.read_text(encoding="utf-8")
    assert "Responsable de la protection des renseignements personnels:" not in RECOGNISED.read_text(encoding="utf-8")


def test_french_names_the_english_keeps_are_tagged_as_french(pages):
    """m15: the Commission d’accès à l’information and « nétiquette » in English text, and the body's French
    name above the title, carry their language."""
    politique = pages["etablissement-reconnu-en/politique.en"]
    main = politique.split("<main", 1)[1]
    assert main.count("Commission d’accès à l’information") == main.count(
        '<span lang="fr-CA">Commission d’accès à l’information</span>') > 0
    assert '(<span lang="fr-CA">nétiquette</span>)' in main
    assert re.search(r'<p class="doc-organisation" lang="fr-CA">Centre intégré', politique)


def test_the_word_file_tags_the_bodys_french_name_above_the_title():
    library = load_library()
    loaded, _ = load_all([CISSS], library)
    edition = next(d for d in documents_for(loaded[0], library, ["netiquette"]) if d.kind == "netiquette.en")
    name = open_docx(io.BytesIO(save_docx(build_docx(edition)))).paragraphs[0]
    assert name.text.startswith("Centre intégré de santé et de services sociaux des Laurentides")
    assert name.runs[0]._r.xpath("./w:rPr/w:lang/@w:val") == ["fr-CA"]


def test_the_law_25_link_goes_to_the_national_assemblys_english_page(pages):
    """m8: the Appendix's link to Law 25 (a bill's page at the National Assembly) in English, as the
    LégisQuébec and Justice Laws links are."""
    politique = pages["etablissement-reconnu-en/politique.en"]
    assert "https://www.assnat.qc.ca/en/travaux-parlementaires/projets-loi/projet-loi-64-42-1.html" in politique
    assert "assnat.qc.ca/fr/" not in politique


def test_the_english_reads_as_english(pages):
    """m4, m7, m12, m13, m14: calques of the French replaced, the meaning unchanged."""
    netiquette = pages["cisss-laurentides/netiquette.en"]
    assert "which posts there and enforces these guidelines" in netiquette
    assert "Deleting a comment does not delete its copies." in netiquette and "even once deleted" not in netiquette
    politique = pages["etablissement-reconnu-en/politique.en"]
    for phrase in ("is the sole responsibility of its author", "familiarize themselves with it",
                   "to liability and harm its reputation", "not to have their privacy invaded"):
        assert phrase in politique, phrase
    assert "engage" not in politique.split("<main", 1)[1] and "make it their own" not in politique
    fiche = pages["etablissement-reconnu-en/fiche-synthese.en"]
    assert "Does inappropriate content target" in fiche and "Has personal information held by" in fiche
    assert "The name and logo" in fiche and "according to its seriousness" in fiche


def test_a_recognised_body_posts_in_english_on_the_basis_of_its_recognition(pages):
    """S3: the politique of a body recognised under art. 29.1 gives art. 26 as the basis of its English posts,
    not art. 22.3's exceptions, and names no directive « of the institution » (its notices name the MSSS's);
    French first, the English following it."""
    french = pages["etablissement-reconnu-en/politique"]
    assert ("Elle peut y ajouter une version en anglais, jamais seule, comme le permet la reconnaissance de "
            "l’établissement en vertu de l’article 29.1 de la Charte de la langue française (RLRQ, c.\u00a0C-11, "
            "art.\u00a026) et selon la directive applicable") in french
    english = pages["etablissement-reconnu-en/politique.en"]
    assert "as the recognition of the institution under section 29.1 of the Charter of the French language" in english
    assert "s. 26) allows, and in accordance with the applicable directive" in english
    for page in (french, english):
        assert "22.3" not in page.split("<main", 1)[1].split("Appendix", 1)[0].split("Annexe", 1)[0]


def test_a_units_english_gloss_is_given_at_its_first_mention_only(pages):
    """m6: one rule in every English document, the politique's: the unit's French name with its English gloss
    the first time, its French name alone after that."""
    unit = '<span lang="fr-CA">Direction des communications et des affaires publiques</span>'
    for kind in ("politique.en", "netiquette.en", "fiche-synthese.en"):
        main = pages[f"etablissement-reconnu-en/{kind}"].split("<main", 1)[1]
        assert main.count(f"{unit} (Communications and Public Affairs)") == 1, kind
        assert main.count(unit) > 1 or kind == "netiquette.en", kind
