"""What the fifth legal readings left open (notes/reader5.md, reader5-table.md U4 and U6), read back on
the documents of the bodies new users wrote (tests/orgfile/corps), of the shipped and of the fixture bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import document_texts

ROOT = Path(__file__).resolve().parents[2]
CORPS = ROOT / "tests" / "orgfile" / "corps"
FIXTURES = ROOT / "tests" / "fixtures" / "organismes"
SHIPPED = ROOT / "organisations"


def _text(document) -> str:
    return " ".join(" ".join(document_texts(document)).replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def library():
    return load_library()


def _build(library, path: Path, kinds=("politique",)) -> dict[str, str]:
    loaded, problems = load_all([path], library)
    assert not problems, problems
    return {d.kind: _text(d) for d in documents_for(loaded[0], library, list(library.documents)) if d.kind in kinds}


@pytest.fixture(scope="module")
def cisss(library):
    return _build(library, SHIPPED / "cisss-laurentides.yaml", ("politique", "fiche-synthese"))


@pytest.fixture(scope="module")
def rpa(library):
    return _build(library, CORPS / "rpa-opalia.yaml", ("politique", "netiquette", "fiche-synthese"))


def test_c1_friend_requests_are_refused_from_users_known_at_work_only(cisss):
    """C1: « toute demande … de tout usager, actuel ou ancien, qu’on lui ait offert des services ou non » reached
    nearly everyone in a CISSS's region, and no one could obey it without looking people up in the records."""
    for text in cisss.values():
        assert "qu’on lui ait offert des services ou non" not in text
        assert "de tout usager, actuel ou ancien, connu comme tel au travail, même sans relation de service" in text
    assert "Nul ne consulte un dossier pour savoir si une personne est un usager" in cisss["politique"]


def test_c1_a_ban_on_every_resident_is_limited_the_same_way(rpa):
    politique = rpa["politique"]
    assert "des liens avec toute résidente ou tout résident, actuel ou ancien, connu comme tel au travail" in politique
    assert "Nul ne consulte un dossier pour savoir si une personne est une résidente ou un résident" in politique


def test_c2_every_person_without_an_employment_tie_has_the_measure_of_their_status(cisss):
    """C2: §2 named midwives and researchers and §13.2 named no measure for them, while it sanctioned dentists and
    pharmacists whom §2 left out; each category of §2 now has its measure in §13.2, and no other."""
    politique = cisss["politique"]
    scope = politique.split("Champ d’application")[1].split("Dans la suite du texte")[0]
    for category in ("les médecins et les dentistes, qui exercent selon leurs privilèges",
                     "les sages-femmes liées à l’établissement par un contrat de services",
                     "les chercheurs qui ne sont pas membres du personnel", "la main-d’œuvre indépendante"):
        assert category in scope
    assert "pharmaciens" not in scope
    sanctions = politique.split("Pour les personnes qui exercent sans lien d’emploi, un manquement est traité")[1]
    sanctions = sanctions.split("Un manquement à leur déontologie")[0]
    for measure in ("rattachées à leurs privilèges (médecins et dentistes)", "le contrat de services d’une sage-femme",
                    "le statut ou l’affiliation d’un chercheur", "la résiliation du contrat qui lie la main-d’œuvre"):
        assert measure in sanctions
    assert "pharmaciens" not in sanctions


@pytest.mark.parametrize("path", [FIXTURES / "ciusss.yaml", FIXTURES / "etablissement-reconnu-en.yaml"])
def test_u4_an_establishments_pharmacists_are_staff(library, path):
    """U4: the test CIUSSS placed its pharmacists among those who practise « sans lien d’emploi », exempting
    employees from the employer's rules; an establishment's default categories did the same."""
    politique = _build(library, path)["politique"]
    scope = politique.split("Champ d’application")[1].split("Dans la suite du texte")[0]
    staff, independent = scope.split("les personnes qui exercent sans lien d’emploi")
    assert "pharmaciens" in staff and "pharmaciens" not in independent
