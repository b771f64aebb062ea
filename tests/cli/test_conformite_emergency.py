"""The 911 call of the politique (rule detresse-commentaire) meets the law that lets one disclose without consent
to prevent a death or serious injury (A-2.1 art. 59.1 for a public body, P-39.1 art. 18.1 for a private one): it
passes on only what is needed, only to whoever can help (by the public body's directive) and records the
communication (reader4-table C-7, E-3). The politique names who receives Santé Québec's delegation (C-2) and the
law that founds consent for a person who is not a user (C-8)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.assembly.assemble import documents_for
from policygen.assembly.conformity import conformity, printed
from policygen.assembly.inputs import load_all
from policygen.cli.main import main
from policygen.library.loader import load_library
from policygen.library.rules import compile_rule
from policygen.model.nodes import block_texts
from test_conformite_statuses import _row, _status

CISSS = Path(__file__).parent.parent.parent / "organisations" / "cisss-laurentides.yaml"
ECOUTE = Path(__file__).parent.parent / "fixtures" / "organismes" / "ligne-ecoute.yaml"
ENV = {"SOURCE_DATE_EPOCH": "1767225600"}
PUBLIC = "Communication sans consentement pour prévenir un acte de violence, dont un suicide (organisme public)"
PRIVATE = "Communication sans consentement pour prévenir un acte de violence, dont un suicide (secteur privé)"


def _built(path: Path, library=None):
    library = library or load_library()
    [item], problems = load_all([path], library)
    assert not problems
    [politique] = documents_for(item, library, ["politique"])
    return item, politique, library


def _section(path: Path, clause_id: str) -> str:
    """The number the built politique prints the clause under."""
    _, politique, _ = _built(path)
    return next(number for clause, number in printed(politique) if clause.id == clause_id)


def _printed(politique, clause_id: str) -> str:
    [text] = [" ".join(t for b in c.blocks for t in block_texts(b)) for c, _ in printed(politique) if c.id == clause_id]
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _table(path: Path) -> str:
    result = CliRunner().invoke(main, ["conformite", str(path)], env=ENV)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("path, heading, other", [(CISSS, PUBLIC, PRIVATE), (ECOUTE, PRIVATE, PUBLIC)])
def test_the_911_call_meets_the_disclosure_row_of_the_bodys_sector(path, heading, other):
    output = _table(path)
    number = _section(path, "politique.moderation.detresse")
    row = _row(output, heading)
    assert _status(row) == f"respectée (à ne pas contredire) par : règle detresse-commentaire (section {number})", row
    assert "manque" not in row
    assert _status(_row(output, other)).startswith("non applicable : ")


def test_the_911_call_says_what_may_be_given_to_whom_and_that_it_is_recorded():
    _, politique, _ = _built(CISSS)
    text = _printed(politique, "politique.moderation.detresse")
    assert "ne donne alors que les renseignements nécessaires pour retrouver et secourir la personne" in text
    assert "selon la directive de l’organisme" in text  # a public body: the directive of its highest authority
    # reader4 F4: a public body's record is kept by its person responsible for personal information (A-2.1 art. 8)
    assert ("elle en informe ensuite sans délai la personne responsable de la protection des renseignements "
            "personnels, qui consigne ce qui a été communiqué, à qui et à quel moment") in text
    assert "registre que tient" not in text
    _, politique, _ = _built(ECOUTE)
    text = _printed(politique, "politique.moderation.detresse")
    assert "directive" not in text  # P-39.1 art. 18.1 asks for none
    assert "qui consigne ce qui a été communiqué" in text and "registre que tient" not in text  # reader 8 M-10


def _without_new_wording(library):
    """The library with the 911 call as it read before: « elle compose le 911 en donnant ce qu’elle sait pour la
    retrouver », with no word on what is given, to whom, or its record."""
    rule = library.rules["detresse-commentaire"]
    text = rule.meta.textes["politique"]
    start, end = text.index(". Sans attendre"), text.index(" Elle ne retire")
    old = text[:start] + " en donnant ce qu’elle sait pour la retrouver." + text[end:]
    meta = rule.meta.model_copy(update={"textes": {**rule.meta.textes, "politique": old}})
    return dataclasses.replace(library, rules={**library.rules, rule.id: compile_rule(meta, rule.line)})


@pytest.mark.parametrize("path, obligation", [(CISSS, "acces-secours"), (ECOUTE, "prive-secours")])
def test_without_the_new_wording_the_row_is_met_in_part_again(path, obligation):
    item, politique, library = _built(path, _without_new_wording(load_library()))
    row = next(r for r in conformity(item, politique, library) if r.obligation.id == obligation)
    assert row.status == "couverte en partie", row
    assert any("renseignements nécessaires pour porter secours" in m for m in row.missing), row.missing
    wanted = "directive" if obligation == "acces-secours" else "inscrire la communication"
    assert any(wanted in m for m in row.missing), row.missing


def test_c2_c8_the_politique_names_who_receives_the_delegation_and_the_law_of_each_consent():
    item, politique, library = _built(CISSS)
    text = _printed(politique, "politique.fondements.reseau-sante")
    assert "par la personne ou l’instance à qui le conseil d’administration de Santé Québec en a délégué le pouvoir " \
           "(art. 51)" in text
    assert "exerce les pouvoirs que Santé Québec lui délègue" not in text
    row = next(r for r in conformity(item, politique, library) if r.obligation.id == "sante-quebec-delegation")
    # the wording meets the lawyer's check; the act of delegation, « à confirmer » in the file and cited nowhere
    # (reader5-table U2), is all it lacks
    assert row.status == "à vérifier" and len(row.missing) == 2, row
    assert all("acte de délégation" in m for m in row.missing), row
    assert "non subordonné à une autorisation du gouvernement" in row.obligation.exige  # art. 51, 2°
    consent = next(_printed(politique, c.id) for c, _ in printed(politique)
                   if any(use.id == "photos-consentement" for use in c.provenance.rules))
    assert "(RLRQ, c. R-22.1, art. 6, pour un usager ; RLRQ, c. A-2.1, art. 53.1, pour toute autre personne)" in consent
