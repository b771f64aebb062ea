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
                        organismes={"types": ["ordre_professionnel"]}, exige="Une exigence.", portee="enonce")
    problems = lint_obligations(library, shipped.model_copy(update={"obligations": [*shipped.obligations, orphan]}),
                                {"chiropratique": 7}, WHERE)
    assert [(p.line, p.code) for p in problems] == [(7, "library.obligation")] * 2
    assert all("Loi sur la chiropratique" in p.message and "ordre_professionnel" in p.message for p in problems)
    assert {"secteur public" in p.message for p in problems} == {True, False}


def test_an_article_a_rule_cites_that_the_file_does_not_know_is_reported_at_the_rule():
    library = load_library()
    shipped = _shipped()
    others = [o for o in shipped.autres_articles if o.loi != "technologies"]
    problems = lint_obligations(library, shipped.model_copy(update={"autres_articles": others}), {}, WHERE)
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
