"""What the sixth legal reading found (notes/reader6.md), read back on the built text of the bodies new users
wrote (tests/orgfile/corps) and of the shipped bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import document_texts

ROOT = Path(__file__).resolve().parents[2]
CORPS = ROOT / "tests" / "orgfile" / "corps"
SHIPPED = ROOT / "organisations"
KINDS = ("politique", "netiquette", "fiche-synthese")


def _text(document) -> str:
    return " ".join(" ".join(document_texts(document)).replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def library():
    return load_library()


def _build(library, path: Path) -> dict[str, str]:
    loaded, problems = load_all([path], library)
    assert not problems, problems
    return {d.kind: _text(d) for d in documents_for(loaded[0], library, list(library.documents)) if d.kind in KINDS}


@pytest.fixture(scope="module")
def rpa(library):
    return _build(library, CORPS / "rpa-opalia.yaml")


def test_1_one_complaint_route_then_the_commissioner_at_any_time(rpa):
    """Finding 1: « s'adresse à la Direction » then « s'adresse au commissaire » for the same complaint."""
    politique, netiquette = rpa["politique"], rpa["netiquette"]
    assert "Une plainte sur les soins ou les services reçus s’adresse d’abord à : Direction de la Résidence" in politique
    commissioner = ("En tout temps, une plainte sur les services reçus à la Résidence peut aussi s’adresser à : "
                    "Commissaire aux plaintes")
    assert commissioner in politique and commissioner in netiquette
    assert "Une plainte sur les services reçus à la Résidence s’adresse à" not in politique + netiquette
    assert ("Une plainte sur les services reçus à la Résidence, en tout temps : Commissaire aux plaintes"
            in rpa["fiche-synthese"])
    assert "Une plainte sur le bail s’adresse à : Tribunal administratif du logement" in politique


def test_2_article_21_as_the_law_reads(rpa):
    """Finding 2: the duty to report bound every provider for every resident and named no recipient."""
    politique = rpa["politique"]
    assert ("Dans les cas que prévoit l’art. 21, dont celui d’une résidente ou d’un résident en situation de "
            "vulnérabilité, tout prestataire") in politique
    assert ("le signale sans délai au commissaire local aux plaintes et à la qualité des services compétent ou, "
            "selon le cas, à un intervenant désigné") in politique
    assert "qu’une résidente ou un résident en situation de vulnérabilité est victime de maltraitance doit" not in politique


def test_3_the_fiche_keeps_the_sector_rule_on_maltreatment(rpa):
    fiche = rpa["fiche-synthese"]
    assert ("Humilier une résidente ou un résident en ligne peut être de la maltraitance : signalez-le à la "
            "Direction de la Résidence.") in fiche
