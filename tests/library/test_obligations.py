"""The obligations file: loaded with the library, and kept in step with what rules and clauses cite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policygen.diagnostics import DiagnosticError
from policygen.library.loader import load_library
from policygen.library.obligations import Obligation, ObligationFile, lint_obligations
from policygen.resources import TEMPLATES

WHERE = Path("obligations.yaml")


def test_the_shipped_library_knows_the_obligations_the_issue_lists():
    library = load_library()
    cited = {(o.loi, a) for o in library.obligations for a in o.articles or ["*"]}
    for law, article in [("acces", "63.8"), ("acces", "63.11"), ("prive", "3.5"), ("prive", "3.8"),
                         ("renseignements-sante", "6"), ("renseignements-sante", "108"),
                         ("renseignements-sante", "110"), ("gouvernance", "*"), ("divulgation", "7"),
                         ("represailles", "3"), ("charte", "3"), ("charte", "4"), ("charte", "5"),
                         ("code-professions", "59.2"), ("code-professions", "60.4"), ("ccq", "35"),
                         ("ccq", "36"), ("ccq", "1457"), ("ccq", "1463"), ("ccq", "2085"), ("ccq", "2088")]:
        assert (law, article) in cited, (law, article)
    assert {o.portee for o in library.obligations} == {"enonce", "non_contradiction"}


def _shipped() -> ObligationFile:
    import yaml
    return ObligationFile.model_validate(yaml.safe_load((TEMPLATES / "data" / "obligations.yaml").read_text("utf-8")))


def test_an_obligation_no_clause_of_the_politique_can_meet_is_reported_for_each_kind_it_binds():
    library = load_library()
    shipped = _shipped()
    orphan = Obligation(id="chiropratique", titre="Loi sur la chiropratique", loi="loi-chiropratique",
                        organismes={"types": ["ordre_professionnel"]}, exige="Une exigence.",
                        debiteur="l’ordre", portee="enonce")
    problems = lint_obligations(library, shipped.model_copy(update={"obligations": [*shipped.obligations, orphan]}),
                                {"chiropratique": 7}, WHERE)
    assert [(p.line, p.code) for p in problems] == [(7, "library.obligation")] * 2
    assert all("Loi sur la chiropratique" in p.message and "ordre_professionnel" in p.message for p in problems)
    assert {"secteur public" in p.message for p in problems} == {True, False}


def test_an_article_a_rule_cites_that_the_file_does_not_know_is_reported_at_the_rule():
    library = load_library()
    shipped = _shipped()
    others = [o for o in shipped.autres_articles if o.loi != "technologies"]
    obligations = [o for o in shipped.obligations if o.loi != "technologies"]
    problems = lint_obligations(library, shipped.model_copy(update={"autres_articles": others,
                                                                    "obligations": obligations}), {}, WHERE)
    assert problems and all(p.code == "library.obligation" for p in problems)
    assert any(p.path == "templates/data/regles.yaml" and "article 22 de « technologies »" in p.message
               for p in problems), [p.message for p in problems]
    assert all("technologies" in p.message for p in problems)


def test_an_obligation_citing_an_article_lois_yaml_lacks_is_reported():
    library = load_library()
    shipped = _shipped()
    wrong = shipped.obligations[0].model_copy(update={"articles": ["63.99"]})
    problems = lint_obligations(library, shipped.model_copy(update={"obligations": [wrong]}), {wrong.id: 3}, WHERE)
    assert any(p.line == 3 and "63.99" in p.message for p in problems)


def test_a_broken_obligations_file_stops_the_library_with_file_and_line(tmp_path):
    root = tmp_path / "templates"
    shutil.copytree(TEMPLATES, root)
    path = root / "data" / "obligations.yaml"
    path.write_text(path.read_text("utf-8").replace("portee: enonce", "portee: obligatoire", 1), "utf-8")
    with pytest.raises(DiagnosticError) as caught:
        load_library(root)
    assert any(p.path.endswith("obligations.yaml") and p.line and "portee" in p.field
               for p in caught.value.diagnostics), caught.value.diagnostics


def test_an_obligation_binding_an_ordre_in_part_must_be_met_through_the_provision_that_applies_it():
    """A-2.1 reaches an ordre through C. prof. art. 108.1: a clause citing that article meets it; an article
    no clause cites leaves it unmet for an ordre, in either sector."""
    library = load_library()
    shipped = _shipped()
    assert not lint_obligations(library, shipped, {}, WHERE)
    incident = next(o for o in shipped.obligations if o.id == "acces-incident")
    assert incident.organismes.en_partie and incident.organismes.en_partie.par.articles == ["108.1"]
    broken = incident.model_copy(update={"organismes": incident.organismes.model_copy(update={
        "en_partie": incident.organismes.en_partie.model_copy(update={
            "par": incident.organismes.en_partie.par.model_copy(update={"articles": ["108.9"]})})})})
    problems = lint_obligations(library, shipped.model_copy(update={"obligations": [broken]}), {}, WHERE)
    messages = [p.message for p in problems if p.field == "acces-incident"]
    assert len(messages) == 2 and all("108.9" in m and "ordre_professionnel" in m for m in messages), messages
