"""The library's own words in the nétiquette and the fiche-synthèse stay under the budget their
outlines set (library.budget, run on every load): a new clause that would push the longest
bodies over 900 words is refused at load, before any body is built."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from policygen.library.budget import document_words, fixed_words
from policygen.library.lint import lint
from policygen.library.loader import _load_clause, load_library, with_rule_sources


def _plant(tmp_path: Path, library, words: int):
    path = tmp_path / "ajout.md"
    body = " ".join(["mot"] * words)
    path.write_text("---\nid: netiquette.ajout\ntitle: Ajout\ndocuments: {netiquette: bienvenue}\n"
                    "sources:\n  - {source: \"000\", sections: [\"8.3\"]}\n---\n" + body + "\n", encoding="utf-8")
    problems: list = []
    clause = _load_clause(path, problems)
    assert clause is not None and not problems, problems
    return dataclasses.replace(library, clauses=library.clauses + (with_rule_sources(clause, library.rules),))


def test_the_short_documents_have_a_budget_and_the_library_keeps_to_it():
    library = load_library()
    for document in ("netiquette", "fiche-synthese"):
        budget = library.outlines[document].budget_mots
        assert budget is not None and document_words(library, document) <= budget < 1000, document
    assert not [p for p in lint(library) if p.code == "library.budget"]


def test_a_clause_that_would_push_the_netiquette_over_its_budget_is_refused(tmp_path):
    library = load_library()
    room = library.outlines["netiquette"].budget_mots - document_words(library, "netiquette")
    assert not [p for p in lint(_plant(tmp_path, library, room)) if p.code == "library.budget"]
    problems = [p for p in lint(_plant(tmp_path, library, room + 1)) if p.code == "library.budget"]
    assert len(problems) == 1 and problems[0].path == "templates/outlines/netiquette.yaml"
    assert "« netiquette »" in problems[0].message and "benchmarks/words.py" in problems[0].hint


def test_the_count_takes_the_longer_branch_and_the_rules_a_clause_prints():
    library = load_library()
    assert fixed_words("un {% if a %}deux trois{% else %}quatre{% endif %} {{ nom.du }}", library, "netiquette") == 3
    assert fixed_words("{{ 'un deux' if a else 'trois' }} {% for x in y %}quatre{% endfor %}", library, "netiquette") == 3
    blocking = library.rules["blocage"].meta.rendering("netiquette")
    assert fixed_words("{{ regle('blocage') }}", library, "netiquette") == len(blocking.split()) > 5


def test_in_a_loop_every_branch_counts():
    """Each pass of a loop may take another branch: the emergency notice's lines are all counted."""
    library = load_library()
    assert fixed_words("{% for x in y %}{% if x == 1 %}un deux{% else %}trois{% endif %}{% endfor %}",
                       library, "netiquette") == 3
