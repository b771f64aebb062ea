"""The public nétiquette and the staff fiche-synthèse, read as their readers would.

Each organisation file of the project is built through the Python API; the
assertions are about what the public (nétiquette) or a staff member (fiche)
sees: hours, emergency numbers, where complaints go, headings, questions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import Document, ListBlock, block_texts, document_texts

ROOT = Path(__file__).resolve().parents[2]
ORGANISATIONS = ROOT / "organisations"
ETABLISSEMENTS = ["cisss-laurentides", "cisss-chaudiere-appalaches", "iucpq"]
ORDRES = ["ocq", "otstcfq"]
NBSP = "\u00a0"


def build(path: Path) -> dict[str, Document]:
    library = load_library()
    loaded, problems = load_all([path], library)
    assert not problems, problems
    documents = documents_for(loaded[0], library, ["netiquette", "fiche-synthese"])
    return {doc.kind: doc for doc in documents}


@pytest.fixture(scope="module")
def built(models) -> dict[str, dict[str, Document]]:
    """The documents of each shipped file, as the session assembled them (conftest's `models`)."""
    return {slug: {kind: models[slug, kind] for kind in ("netiquette", "fiche-synthese")}
            for slug in ETABLISSEMENTS + ORDRES}


def text(doc: Document) -> str:
    return "\n".join(document_texts(doc))


def section(doc: Document, section_id: str) -> str:
    """The text of one section: clause headings and bodies."""
    found = [s for s in doc.sections if s.id == section_id]
    assert found, f"section « {section_id} » absente de {doc.kind}"
    texts = []
    for clause in found[0].clauses:
        if clause.show_title:
            texts.append(clause.title)
        texts.extend(t for block in clause.blocks for t in block_texts(block))
    return "\n".join(texts)


# Nétiquette -----------------------------------------------------------------

@pytest.mark.parametrize("slug", ETABLISSEMENTS + ORDRES)
def test_netiquette_gives_moderation_hours_in_french_form(built, slug):
    urgence = section(built[slug]["netiquette"], "urgence")  # when the pages are watched, beside the emergency
    assert "du lundi au vendredi, de 8 h 30 à 16 h 30" in urgence.replace(NBSP, " ")
    assert "08:30" not in text(built[slug]["netiquette"])


@pytest.mark.parametrize("slug", ETABLISSEMENTS + ORDRES)
def test_netiquette_emergency_notice_for_health_bodies(built, slug):
    urgence = section(built[slug]["netiquette"], "urgence")
    assert "911" in urgence
    assert "811" in urgence and "Info-Santé" in urgence and "9-8-8" in urgence
    # when the pages are watched is said once, in the notice: the hours, or that they are not watched at all times
    assert "Nous suivons nos pages du" in urgence or "Nous ne suivons pas nos pages en tout temps" in urgence
    assert built[slug]["netiquette"].sections[0].id == "urgence"  # the nétiquette opens with it
    plaintes = section(built[slug]["netiquette"], "plaintes")
    assert "politique de confidentialité" in plaintes and "y demander accès selon la" in plaintes


@pytest.mark.parametrize("slug", ETABLISSEMENTS)
def test_netiquette_sends_complaints_of_an_etablissement_to_the_commissaire(built, slug):
    plaintes = section(built[slug]["netiquette"], "plaintes")
    assert "commissaire aux plaintes et à la qualité des services" in plaintes.lower()  # the contact’s title
    assert "syndic" not in plaintes.lower()


@pytest.mark.parametrize("slug, courriel", [("ocq", "syndics@ordredeschiropraticiens.qc.ca"),
                                            ("otstcfq", "syndic@otstcfq.org")])
def test_netiquette_sends_complaints_of_an_ordre_to_the_syndic(built, slug, courriel):
    plaintes = section(built[slug]["netiquette"], "plaintes")
    assert "syndic" in plaintes
    assert courriel in plaintes
    assert "commissaire" not in plaintes


def test_netiquette_removal_grounds_include_the_charter_discrimination_grounds(built):
    retrait = section(built["otstcfq"]["netiquette"], "retrait")
    for ground in ("orientation sexuelle", "grossesse", "convictions politiques", "handicap",
                   "l’identité ou l’expression de genre"):
        assert ground in retrait
    assert "diffamatoires" in retrait and "droit d’auteur" in retrait


@pytest.mark.parametrize("slug, measure", [("ocq", "le masquage du contenu"),
                                           # blocking in the rulebook's words, never the file's
                                           ("otstcfq", "en dernier recours, le blocage de son auteur"),
                                           ("cisss-chaudiere-appalaches", "le masquage du commentaire")])
def test_netiquette_lists_the_organisations_own_measures(built, slug, measure):
    mesures = section(built[slug]["netiquette"], "mesures")
    assert measure in mesures
    assert "dernier recours" in mesures  # blocking, in the politique's words
    assert "sans avertissement préalable" not in mesures


def test_netiquette_contact_is_the_role_not_a_person_named_in_2012(built):
    contact = section(built["otstcfq"]["netiquette"], "contact").replace(NBSP, " ")
    assert "Anouk Boislard" not in contact and "aboislard" not in contact
    assert "communications@otstcfq.org" in contact
    assert "514 731-3925, poste 223" in contact
    assert "1 888 731-9420" in contact


def test_netiquette_says_users_content_is_not_endorsed(built):
    responsabilite = section(built["ocq"]["netiquette"], "responsabilite")
    assert "ne signifie pas que nous l’approuvons" in responsabilite


def test_netiquette_users_responsibilities(built):
    retrait = section(built["ocq"]["netiquette"], "retrait")  # the politique's closed list of grounds
    assert "consentement" in retrait  # identifiable photos
    assert "publicité" in retrait
    assert "renseignements personnels" in retrait


def test_non_health_body_gets_911_and_info_sante_too(tmp_path):
    source = (ORGANISATIONS / "cisss-chaudiere-appalaches.yaml").read_text(encoding="utf-8")
    other = tmp_path / "organisme.yaml"
    other.write_text(source.replace("type: etablissement_sante", "type: autre"), encoding="utf-8")
    netiquette = build(other)["netiquette"]
    urgence = section(netiquette, "urgence")
    assert "911" in urgence
    assert "811" in urgence  # Info-Santé and Info-Social answer everyone in Québec
    assert "adressez la vôtre au responsable du traitement des plaintes" in section(netiquette, "plaintes")


@pytest.mark.parametrize("slug", ETABLISSEMENTS + ORDRES)
def test_public_texts_follow_french_typography(built, slug):
    for doc in built[slug].values():
        body = text(doc)
        assert "'" not in body, "apostrophe droite"
        assert not re.search(r"[^\s] :", body), "espace ordinaire avant le deux-points"
        assert "« " not in body and " »" not in body, "guillemets sans espace insécable"
        assert not re.search(r"\{\{|\{%|None", body)
        assert not re.search(r"\b(à|de) (le|les) ", body), "article non contracté (« au », « du », « aux », « des »)"


# Fiche-synthèse -------------------------------------------------------------

GOOD_PRACTICES = [
    "Protégez vos profils",
    "Le nom et le logo",
    "Des comportements interdits",
    "Tout peut être conservé",
    "Réfléchissez avant de publier",
]


@pytest.mark.parametrize("slug", ETABLISSEMENTS + ORDRES)
def test_fiche_has_the_good_practice_headings(built, slug):
    fiche = built[slug]["fiche-synthese"]
    practices = next(s for s in fiche.sections if s.id == "bonnes-pratiques")
    headings = [c.title for c in practices.clauses if c.show_title]
    for heading in GOOD_PRACTICES:
        assert heading in headings
    # each good practice is the fiche's rendering of a rule of the politique
    assert all(c.provenance.rules for c in practices.clauses), [c.id for c in practices.clauses if not c.provenance.rules]


@pytest.mark.parametrize("slug", ETABLISSEMENTS + ORDRES)
def test_fiche_asks_a_few_questions(built, slug):
    fiche = built[slug]["fiche-synthese"]
    questions = next(s for s in fiche.sections if s.id == "questions")
    lists = [b for c in questions.clauses for b in c.blocks if isinstance(b, ListBlock)]
    assert lists
    items = ["\n".join(t for block in item for t in block_texts(block)) for item in lists[0].items]
    assert len(items) >= 4
    assert all(item.rstrip().endswith("?") for item in items)


def test_fiche_of_an_etablissement_follows_the_chaudiere_appalaches_model(built):
    fiche = built["cisss-chaudiere-appalaches"]["fiche-synthese"]
    titles = [s.title for s in fiche.sections]
    assert "Vos fonctions ne requièrent pas les médias sociaux" in titles
    assert "Vos fonctions requièrent les médias sociaux" in titles
    assert "mandat du Service des communications et des relations publiques" in section(fiche, "avec-medias-sociaux")
    signalement = section(fiche, "signalement")
    assert "capture d’écran" in signalement and "gestionnaire" in signalement
    assert "congédiement" in signalement
    assert "humanisme, équité et collaboration" not in text(fiche)  # the fiche states rules only
    assert "aucun lien avec" in text(fiche)  # friendship with users one serves is forbidden


def test_fiche_of_an_ordre_speaks_to_members(built):
    fiche = built["otstcfq"]["fiche-synthese"]
    titles = [s.title for s in fiche.sections]
    assert "Vous utilisez les médias sociaux à titre personnel" in titles
    assert "Vous publiez au nom de l’Ordre" in titles
    assert "Prudence avec les demandes d’amitié" in text(fiche)
    assert "Vos fonctions" not in "\n".join(titles)
    assert "communications@otstcfq.org" in section(fiche, "signalement")


def test_fiche_states_the_personal_use_rule_the_file_chooses(built):
    interdit = section(built["iucpq"]["fiche-synthese"], "sans-medias-sociaux")
    assert "jamais au moyen des postes" in interdit
    hors_lieux = section(built["cisss-chaudiere-appalaches"]["fiche-synthese"], "sans-medias-sociaux")
    assert "hors des lieux de travail" in hors_lieux


def test_contact_card_prints_values_as_text_and_skips_empty_fields():
    from policygen.model.nodes import Link, Paragraph, inline_text
    from policygen.assembly.parse import parse_markdown
    from policygen.library.language import contact_card

    card = contact_card({"titre": "Bureau *du* syndic", "personne": None, "courriel": "a_b@ordre.qc.ca",
                         "telephone": "5147313925", "poste": "223", "sans_frais": None,
                         "adresse_web": None, "heures": "[lundi]"})
    blocks = parse_markdown(card)
    assert len(blocks) == 1 and isinstance(blocks[0], Paragraph)
    shown = inline_text(blocks[0].inlines)
    assert shown.split("\n") == ["Bureau *du* syndic", f"Courriel{NBSP}: a_b@ordre.qc.ca",
                                 f"Téléphone{NBSP}: 514 731-3925, poste 223", f"Heures de bureau{NBSP}: [lundi]"]
    assert [n.href for n in blocks[0].inlines if isinstance(n, Link)] == ["mailto:a_b@ordre.qc.ca"]
