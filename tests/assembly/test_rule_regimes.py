"""Every rule reaches the people it binds, and only them, in the built documents of every
fixture body (an ordre whose members work elsewhere, a private clinic, a community help
line run by volunteers, establishments of Santé Québec, a non-profit with a volunteer
board…); the defects of the December 2026 legal reading stay fixed.

Read on the document model (the three formats carry its text: tests/writers).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from policygen.library.context import build_context
from policygen.library.loader import load_library
from policygen.model.nodes import block_texts

ROOT = Path(__file__).resolve().parents[2]
BODIES = sorted((ROOT / "tests/fixtures/organismes").glob("*.yaml"))
STAFF_ONLY = ("usage-personnel", "loyaute", "reserve", "autorisation-prealable", "photos-consentement",
              "signalement-personnel", "sanctions-personnel")
EVERYONE = ("confidentialite", "parler-au-nom")


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def bodies(assembled):
    """Each fixture body's file, context and documents (assembled once for the run: conftest)."""
    library = load_library()
    return {path.stem: (assembled[path.stem][0], build_context(assembled[path.stem][0].organisation, library),
                        assembled[path.stem][1]) for path in BODIES}


def _clauses(document):
    return [c for s in document.sections for c in s.clauses]


def _text(document) -> str:
    return _plain("\n".join(t for c in _clauses(document) for b in c.blocks for t in block_texts(b)))


def _stated(document) -> dict[str, tuple[str, ...]]:
    return {r.id: r.regimes for c in _clauses(document) for r in c.provenance.rules}


def test_the_fixtures_cover_the_kinds_of_body_the_issue_names(bodies):
    regimes = {slug: {r for r, people in context["regimes"].items() if people} for slug, (_, context, _) in bodies.items()}
    kinds = {slug: (item.organisation.organisation.type, item.organisation.organisation.sante_quebec)
             for slug, (item, _, _) in bodies.items()}
    assert any(k == ("ordre_professionnel", False) and {"membre", "etudiant"} <= regimes[s] for s, k in kinds.items())
    assert any(k[1] for k in kinds.values())  # an establishment of Santé Québec
    assert "professionnel_independant" in regimes["clinique"]
    assert {"benevole", "stagiaire", "administrateur"} <= regimes["ligne-ecoute"]
    assert bodies["ligne-ecoute"][0].organisation.netiquette.ligne_aide is not None
    assert "administrateur" in regimes["osbl"] and "benevole" in regimes["osbl"]


@pytest.mark.parametrize("slug", [b.stem for b in BODIES])
def test_each_rule_reaches_only_people_it_binds(bodies, slug):
    item, context, docs = bodies[slug]
    present = {r for r, people in context["regimes"].items() if people}
    for kind, document in docs.items():
        for rule, regimes in _stated(document).items():
            assert set(regimes) & (present | {"public"}), (kind, rule, "binds nobody this body names")
            if kind == "netiquette":
                assert "public" in regimes, (rule, "a nétiquette rule that does not bind the public")
    politique = _stated(docs["politique"])
    for rule in STAFF_ONLY:
        if "employeur" in present:
            assert politique.get(rule) == ("employeur",), rule
        else:
            assert rule not in politique, rule
    for rule in EVERYONE:
        assert set(politique[rule]) >= present - {"public"}, rule


@pytest.mark.parametrize("slug", [b.stem for b in BODIES])
def test_the_defects_of_the_legal_reading_stay_fixed(bodies, slug):
    item, context, docs = bodies[slug]
    org = item.organisation.organisation
    present = {r for r, people in context["regimes"].items() if people}
    politique, netiquette, fiche = (_text(docs[k]) for k in ("politique", "netiquette", "fiche-synthese"))
    everything = " ".join((politique, netiquette, fiche))
    # friendship: the users one serves oneself, or every user when the file says so; relatives exempt
    choice = item.organisation.choix
    if "tous_usagers" not in (choice.amitie_portee, choice.amitie_demandes):
        assert "qu’on lui ait offert des services ou non" not in everything
    serves = context["termes"]["services"] != "aucun"  # a foundation serves no one: no friendship rule
    if choice.amitie_usagers == "interdite" and org.type != "ordre_professionnel" \
            and "employeur" in present and serves:
        assert ("actuel ou ancien, qu’on lui ait offert des services ou non" if choice.amitie_portee == "tous_usagers"
                else "offert directement des services ; chaque membre") in politique
        assert ("Les liens familiaux et personnels qui existaient "  # reader 8 M-12: before any service, every user
                + ("avant l’entrée en fonction ou avant que la personne reçoive les services" if choice.amitie_portee
                   == "tous_usagers" else "avant la relation de service ne sont pas visés")) in politique
    # safe harbour: public disclosure in urgent cases, P-33.01; not absolute outside D-11.1
    if org.secteur == "public":
        assert "en cas d’urgence et aux conditions de l’article 7" in politique and "P-33.01" in politique
    else:
        assert "Protecteur du citoyen" not in politique
        assert "selon les voies que la loi prévoit" in politique
    # nétiquette: no ground the politique lacks, blocking a last resort, languages and anonymity no ground
    for word in ("vexants", "disgracieux", "en particulier :", "bannie", "sans préavis", "peut être retiré"):
        assert word not in netiquette, word
    assert "dernier recours" in netiquette and "dernier recours" in politique
    assert "écrit dans une autre langue" in netiquette
    # the fiche keeps the carve-out; its reporting route is the politique's, for each regime
    if "employeur" in present:
        assert "critique de bonne foi et mesurée" in fiche
        assert "à votre gestionnaire" in fiche and "à son gestionnaire" in politique
    if present & {"administrateur", "professionnel_independant", "membre", "etudiant", "benevole", "stagiaire"}:
        assert "Transmettez-la directement" in fiche and "de transmettre un tel contenu directement" in politique
    # consent to publish: art. 6 for a public health establishment; the access paragraph names the holder
    if org.type == "etablissement_sante" and org.secteur == "public":
        assert "R-22.1, art. 6" in politique and "moins de 14 ans" in politique
    if org.sante_quebec:
        assert "conservés par Santé Québec" in netiquette
    # physicians and an ordre
    assert "résiliation du contrat" not in everything
    if org.type == "ordre_professionnel":
        assert "les professions qu’il encadre" not in politique
        assert not re.search(r"défend(re|ra)? (ses|les) membres", everything)
        assert "cet incident relève de qui détient le renseignement" in politique  # members report to the holder, not the ordre
    # administrators: never the employer's dismissal
    if "administrateur" in present:
        assert "Pour les membres du conseil d’administration et des comités, un manquement est examiné selon" in politique
    # no paragraph printed twice in one document
    for kind, document in docs.items():
        paragraphs = Counter(_plain(t) for c in _clauses(document) for b in c.blocks for t in block_texts(b)
                             if len(t.split()) > 8)
        assert [p for p, n in paragraphs.items() if n > 1] == [], kind


def test_the_help_line_opens_the_netiquette_with_the_emergency_numbers(bodies):
    _, _, docs = bodies["ligne-ecoute"]
    first = docs["netiquette"].sections[0]
    text = _plain(" ".join(t for c in first.clauses for b in c.blocks for t in block_texts(b)))
    assert first.id == "urgence"
    for number in ("911", "811", "9-8-8", "514 555-0199"):
        assert number in text
    # when the pages are watched; this file sets no hours, so no default is printed as its choice
    assert "Nous ne suivons pas nos pages en tout temps" in text


# What a second legal reading (December 2026, eight bodies) found still reaching everyone the
# politique binds, though the frame in section 2 keeps them for the staff: never again.
LEAKS_TO_EVERYONE = (
    "respecte les devoirs décrits ci-après : loyauté, réserve",
    "Elle en fait un usage modéré",
    "information erronée ou négative",
    "Nul ne l’utilise ni ne la diffuse",
    "ou qui le concerne sans l’autorisation préalable",
    "nul n’utilise le nom, le logo",
    "qui en est informé",
    "est le premier à la corriger",
)


@pytest.mark.parametrize("slug", [p.stem for p in BODIES])
def test_staff_duties_stay_with_the_staff_in_the_politique(bodies, slug):
    _, context, docs = bodies[slug]
    text = _text(docs["politique"])
    assert [leak for leak in LEAKS_TO_EVERYONE if leak in text] == []
    if context["regimes"]["employeur"]:
        assert "seulement, la loyauté, la réserve et la discrétion" in text
    else:
        assert "la loyauté, la réserve" not in text
