"""Heading labels and the version line: composed on the model, then typeset with the rest."""

import datetime as dt

from policygen.model.labels import label
from policygen.model.nodes import Clause, Document, Provenance, Section
from policygen.model.typography import typeset

PROV = Provenance("c", 1, (), ())


def _document(*sections):
    return Document(kind="essai", title="Essai", organisation="O", short_title="E", sections=sections,
                    author="O", subject="E", keywords=(), date=dt.date(2018, 4, 1),
                    timestamp=dt.datetime(2018, 4, 1, 12))


def test_labels_number_sections_clauses_and_annexes_and_typography_sets_them():
    clause = Clause("a", "Les comptes officiels", True, (), PROV, number="5.1")
    document = typeset(label(_document(
        Section("regles", "Règles", (clause,), number="5"),
        Section("annexe", "Définitions", (), annex=True, number="Annexe 1"),
        Section("libre", "Sans numéro", ()))))
    body, annex, free = document.sections
    assert body.label == "5. Règles"
    assert body.clauses[0].label == "5.1 Les comptes officiels"
    assert annex.label == "Annexe 1\u00a0: Définitions"  # composed before typography: the colon is set
    assert free.label == "Sans numéro"
    assert document.version_line == "Version du 1er\u00a0avril 2018"
