"""Annexe « Lois et règlements cités »: it lists every law the politique cites and no other (readers
2A M7, 2B X6: the Code des professions listed for a foundation that never cites it; the LCCJTI, the
Loi sur l'accès for an ordre, the incident regulation cited but not listed).

Read on the document model of every fixture body and shipped body (the three formats carry its text).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policygen.library.loader import load_library
from policygen.model.nodes import block_texts

ROOT = Path(__file__).resolve().parents[2]
PATHS = [p for p in sorted((ROOT / "tests/fixtures/organismes").glob("*.yaml")) + sorted((ROOT / "organisations").glob("*.yaml"))
         if not p.stem.endswith("-en")]
ANNEX = "politique.annexe-references"


def _flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.fixture(scope="module")
def politiques(assembled):
    """Each body's politique, body and annex as text, from the session's models (conftest's `assembled`)."""
    library = load_library()
    out = {}
    for path in PATHS:
        politique = assembled[path.stem][1]["politique"]
        body, annex = [], []
        for section in politique.sections:
            for clause in section.clauses:
                (annex if clause.id == ANNEX else body).append(" ".join(t for b in clause.blocks for t in block_texts(b)))
        out[path.stem] = (_flat(" ".join(body)), _flat(" ".join(annex)))
    return library, out


def _cited(law: dict, body: str) -> bool:
    """The law's citation (not a regulation made under it: « RLRQ, c. A-2.1, r. 3.1 »), title or short title."""
    return bool(re.search(re.escape(law["citation"]) + r"(?!, r\.)", body) or law["title"] in body
                or (law.get("short_title") and law["short_title"] in body))


def test_every_body_lists_exactly_the_laws_its_politique_cites(politiques):
    library, texts = politiques
    assert len(texts) == len(PATHS)
    for slug, (body, annex) in texts.items():
        laws = {i: law for i, law in library.laws.items() if law.get("citation")}
        listed = {i for i, law in laws.items() if f"{law['title']}, {law['citation']}" in annex}
        cited = {i for i, law in laws.items() if _cited(law, body)}
        assert listed == cited, (slug, "listed, not cited:", sorted(listed - cited), "cited, not listed:", sorted(cited - listed))


def test_the_readers_cases(politiques):
    _, texts = politiques
    assert "Code des professions" not in texts["osbl"][1]
    assert "Loi concernant le cadre juridique des technologies de l’information" in texts["osbl"][1]
    assert "Loi sur l’accès aux documents des organismes publics" in texts["ocq"][1]
    assert "Loi sur les renseignements de santé et de services sociaux" in texts["clinique"][1]
