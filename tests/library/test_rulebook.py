"""The rulebook: each rule stated once, printed only for the readers it binds.

The lint runs on every library load (so in every test run): these tests plant
leaks (an employer duty addressed to everyone, a member's duty in the public
nétiquette, a list item that swallows the next) and see the lint refuse them;
then they read built documents to check that a rule reads the same wherever it
is printed and that the model names the rule behind each statement.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from policygen.library.lint import lint
from policygen.library.loader import _load_clause, load_library, with_rule_sources
from policygen.library.rules import RuleMeta, compile_rule
from policygen.model.nodes import block_texts

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "organismes"


def _with_clause(library, clause):
    return dataclasses.replace(library, clauses=tuple(c for c in library.clauses if c.id != clause.id) + (clause,))


def _planted(tmp_path: Path, library, front: str, body: str):
    path = tmp_path / "fuite.md"
    path.write_text(f"---\n{front}\n---\n{body}\n", encoding="utf-8")
    problems: list = []
    clause = _load_clause(path, problems)
    assert clause is not None and not problems, problems
    return _with_clause(library, with_rule_sources(clause, library.rules))


def test_the_shipped_library_has_no_leak():
    library = load_library()
    assert lint(library) == []
    printed = {rule for clause in library.clauses for rule in clause.rules}
    assert set(library.rules) - printed == set(), "a rule no clause prints"


def test_an_employer_duty_addressed_to_everyone_is_refused():
    library = load_library()
    loyalty = library.clause("politique.enonces.loyaute")
    leaked = dataclasses.replace(loyalty, meta=loyalty.meta.model_copy(update={"destinataires": None}))
    problems = [p for p in lint(_with_clause(library, leaked)) if p.code == "library.rule"]
    assert problems, "an employer duty printed for « toute personne visée » must fail the lint"
    assert "loyaute" in problems[0].message and "membre" in problems[0].message
    assert problems[0].path.endswith("enonces-loyaute.md")


def test_a_members_duty_in_the_public_netiquette_is_refused(tmp_path):
    library = load_library()
    leaked = _planted(tmp_path, library,
                      "id: netiquette.fuite\ntitle: Fuite\ndocuments: {netiquette: plaintes}\n"
                      "sources:\n  - {source: domaine, sections: [ordres]}",
                      "{{ regle('incident-membres') }}")
    messages = [p.message for p in lint(leaked) if p.code == "library.rule"]
    assert any("incident-membres" in m and "public" in m for m in messages), messages
    # and a rule with no rendering in the nétiquette's voice
    assert any("n’a pas de texte pour le document « netiquette »" in m for m in messages), messages


def _with_rule(library, rule_id, **changes):
    """The library with one rule of the rulebook changed as if its entry in regles.yaml said so."""
    rule = library.rules[rule_id]
    meta = RuleMeta.model_validate({**rule.meta.model_dump(exclude_defaults=True), **changes})
    return dataclasses.replace(library, rules={**library.rules, rule_id: compile_rule(meta, rule.line)})


def test_a_new_duty_on_an_ordres_members_is_refused():
    """An ordre may remind its members of their code and the Code des professions, or bind them on its
    own pages; a politique rule that adds a duty to their own speech is a leak (reader-table O3)."""
    library = load_library()
    # the privacy-settings advice, turned into a duty with no basis in the Code des professions
    leaked = _with_rule(library, "parametres-confidentialite", force="doit")
    problems = [p for p in lint(leaked) if p.code == "library.rule"]
    assert len(problems) == 1, problems
    assert "parametres-confidentialite" in problems[0].message and "Code des professions" in problems[0].message
    assert problems[0].path == "templates/data/regles.yaml" and problems[0].line == library.rules["parametres-confidentialite"].line
    # the members' reminder stripped of the Code des professions it recalls
    stripped = _with_rule(library, "comptes-personnels-membres",
                          fondement={"sources": [{"source": "domaine", "sections": ["ordres"]}]})
    assert any("comptes-personnels-membres" in p.message for p in lint(stripped))
    # the same duty limited to the body's own pages and to those who act for it passes
    scoped = _with_rule(library, "parametres-confidentialite", force="doit", portee="tribunes")
    assert lint(scoped) == []
    # a duty that does not bind members is none of the ordre's concern here
    staff_only = _with_rule(library, "comptes-personnels", force="ne doit pas")
    assert lint(staff_only) == []


def test_an_advice_worded_as_a_duty_is_refused():
    """A rule « il est recommandé » must read as advice in the politique (reader2B O8: « Toute personne visée
    règle les paramètres… » under a recommendation)."""
    library = load_library()
    rule = library.rules["parametres-confidentialite"]
    textes = {**rule.meta.textes, "politique": "Toute personne visée règle les paramètres de confidentialité de ses profils."}
    problems = [p for p in lint(_with_rule(library, "parametres-confidentialite", textes=textes)) if p.code == "library.rule"]
    assert len(problems) == 1 and "se lit comme un devoir" in problems[0].message, problems
    # the same words as a duty, for readers the body may bind, pass
    staff = _with_rule(library, "parametres-confidentialite", textes=textes, force="doit", regimes=["employeur"])
    assert [p for p in lint(staff) if "parametres-confidentialite" in p.message and "devoir" in p.message] == []


def test_an_unknown_rule_is_refused_with_a_suggestion(tmp_path):
    library = load_library()
    leaked = _planted(tmp_path, library,
                      "id: politique.fuite\ntitle: Fuite\ndocuments: {politique: enonces}\n"
                      "sources:\n  - {source: domaine, sections: [ordres]}",
                      "{{ regle('confidentialit') }}")
    messages = [p.message for p in lint(leaked) if p.code == "library.rule"]
    assert messages and "confidentialite" in messages[0]


@pytest.mark.parametrize("body", ["- une ;- deux ;", "- une ; ;", "- une ;{% if true %}\n- deux\n{% endif %}",
                                  "Un paragraphe{% if true %} de plus{% endif %}\n\nqui absorbe le suivant.",
                                  # the second reading: « ; ; » across a tag (8.1), « (à confirmer); »
                                  "Une phrase{% if true %} ;{% endif %} ; et la suite.",
                                  "- {{ organisation.nom }}{{ ';' if true else '.' }}"])
def test_a_list_item_that_swallows_another_is_refused(tmp_path, body):
    library = load_library()
    leaked = _planted(tmp_path, library,
                      "id: politique.fuite\ntitle: Fuite\ndocuments: {politique: enonces}\n"
                      "sources:\n  - {source: domaine, sections: [ordres]}", body)
    assert any(p.code == "library.list" for p in lint(leaked))


@pytest.fixture(scope="module")
def documents(assembled):
    """Every fixture body's documents, from the session's models (conftest's `assembled`)."""
    return {path.stem: assembled[path.stem][1] for path in sorted(FIXTURES.glob("*.yaml"))}


def _clause_texts(document, rule_id):
    """The text of every clause of `document` that states `rule_id`."""
    return ["\n".join(t for block in clause.blocks for t in block_texts(block))
            for section in document.sections for clause in section.clauses
            if rule_id in {r.id for r in clause.provenance.rules}]


def test_the_removal_grounds_are_one_list_word_for_word(documents):
    for slug, docs in documents.items():
        def grounds(kind):
            texts = _clause_texts(docs[kind], "retrait-motifs")
            assert len(texts) == 1, (slug, kind)
            return texts[0][texts[0].index("\n") + 1:].split("\n")[:10]
        assert grounds("politique") == grounds("netiquette"), slug
        listed = " ".join(grounds("netiquette"))
        for word in ("en particulier", "vexants", "disgracieux", "une organisation", "désinformation"):
            assert word not in listed, (slug, word)


def test_the_model_names_the_rule_behind_each_statement(documents):
    for docs in documents.values():
        loyalty = [c for s in docs["politique"].sections for c in s.clauses if c.id == "politique.enonces.loyaute"]
        assert loyalty
        rules = {r.id: r for r in loyalty[0].provenance.rules}
        assert rules["loyaute"].strength == "doit" and rules["loyaute"].regimes == ("employeur",)
        assert "art. 2088" in rules["loyaute"].basis
        stated = {r.id for d in docs.values() for s in d.sections for c in s.clauses for r in c.provenance.rules}
        assert {"confidentialite", "parler-au-nom", "retrait-motifs", "blocage", "heures-moderation"} <= stated
