"""The defects the third-pass legal reader found (notes reader3, December 2026) and that are
fixed in the library, each read back from the built model of a body that shows it.

Read on the document model (the three formats carry its text: tests/writers).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import document_texts

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests/fixtures/organismes"
SHIPPED = ("cisss-laurentides", "iucpq", "ocq", "otstcfq")


def flat(document) -> str:
    return " ".join("\n".join(document_texts(document)).replace("\u00a0", " ").replace("\u202f", " ").split())


def build(paths: list[Path]) -> dict[tuple[str, str], str]:
    library = load_library()
    loaded, problems = load_all(paths, library)
    assert not problems, problems
    return {(item.slug, document.kind): flat(document)
            for item in loaded for document in documents_for(item, library, list(library.documents))}


@pytest.fixture(scope="module")
def texts() -> dict[tuple[str, str], str]:
    return build([ROOT / "organisations" / f"{slug}.yaml" for slug in SHIPPED])


# --- X1: the prior authorisation to post internal information binds the staff only ---------------

@pytest.mark.parametrize("slug", ["cisss-laurentides", "ocq"])
def test_prior_authorisation_to_post_internal_information_binds_the_staff_only(texts, slug):
    politique = texts[slug, "politique"]
    # Nobody bound is told to ask the communications unit before posting: only the staff are.
    assert "Aucune personne visée ne diffuse, sans l’autorisation préalable" not in politique
    assert "ne l’utilise ni ne la diffuse sur les médias sociaux sans l’autorisation" not in politique
    assert "Aucune personne visée ne diffuse un document interne" in politique
    assert "hors du cadre de ses fonctions ou d’un mandat qu’elle a reçu ; le personnel obtient en outre l’autorisation préalable" in politique
    assert "ne l’utilise ni ne la diffuse sur les médias sociaux, sauf, pour le personnel, avec l’autorisation" in politique
