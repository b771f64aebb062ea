"""Issue 23, sixth round: the fifth table reader's findings left open (notes/reader5-table.md). T2: a private body
(a clinic, a help line, an ordre for its communications) has the rows that mirror A-2.1 arts. 63.5 and 70.1, P-39.1
arts. 3.3 and 17, met by a rule its politique prints where the creation of official accounts is."""

from __future__ import annotations

from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.conformity import conformity, printed
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.model.nodes import block_texts
from test_conformite_reader4 import BODIES, SHIPPED

PRIVATE = [SHIPPED / "ocq.yaml", *(BODIES / f"{name}.yaml" for name in ("ordre-inhalotherapie", "clinique",
                                                                        "ligne-ecoute"))]
PUBLIC = [SHIPPED / "cisss-laurentides.yaml", BODIES / "ciusss.yaml"]


def _built(path: Path):
    library = load_library()
    [item], problems = load_all([path], library)
    assert not problems, problems
    [politique] = documents_for(item, library, ["politique"])
    return politique, {row.obligation.id: row for row in conformity(item, politique, library)}


def _section_text(politique, number: str) -> tuple[str, str]:
    """(the heading of the subsection numbered `number`, the text of its clauses), as the politique prints them."""
    title, texts = "", []
    for clause, where in printed(politique):
        if where == number:
            title = title or clause.title
            texts += [t for block in clause.blocks for t in block_texts(block)]
    return title, " ".join(texts).replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("path", PRIVATE, ids=lambda p: p.stem)
def test_t2_a_private_body_has_the_impact_assessment_and_outside_quebec_rows_met_where_accounts_are_created(path):
    politique, rows = _built(path)
    for ident, article in (("prive-efvp", "3.3"), ("prive-hors-quebec", "17")):
        row = rows[ident]
        assert row.obligation.loi == "prive" and row.obligation.articles == [article]
        # met by the new rule, never « non couverte » (--final would refuse the body); at worst « à vérifier »
        # because the article is not read yet
        assert row.status in ("couverte", "à vérifier"), (ident, row.status)
        assert all(m.startswith("texte non lu : ") for m in row.missing), row.missing
        [meeting] = [m for m in row.met_by if m.id == "comptes-evaluation-vie-privee-prive"]
        title, text = _section_text(politique, meeting.section)
        assert title.startswith("Création de comptes officiels"), title  # where a lawyer looks for it
        assert f"art. {article}" in text and "évaluation des facteurs relatifs à la vie privée" in text
        assert "hors du Québec" in text and "entente écrite" in text
    # the public body's rows stay the public body's: arts. 63.5 and 70.1 do not apply to it
    assert rows["acces-efvp"].status == rows["acces-hors-quebec"].status == "non applicable"


@pytest.mark.parametrize("path", PUBLIC, ids=lambda p: p.stem)
def test_t2_the_private_rows_do_not_apply_to_a_public_body_which_has_its_own(path):
    politique, rows = _built(path)
    for ident, public in (("prive-efvp", "63.5"), ("prive-hors-quebec", "70.1")):
        assert rows[ident].status == "non applicable"
        assert f"Loi sur l’accès (art. {public})" in rows[ident].reason
    text = " ".join(t for clause, _ in printed(politique) for b in clause.blocks for t in block_texts(b))
    assert "art. 3.3" not in text  # the private rule is not printed for a public body
