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
