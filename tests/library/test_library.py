import shutil

import pytest

from policygen.diagnostics import DiagnosticError
from policygen.library.loader import load_library
from conftest import FIXTURES


@pytest.fixture
def broken(tmp_path):
    """A copy of the fixture library with one clause file replaced or added."""

    count = iter(range(100))

    def make(name: str, text: str):
        root = tmp_path / f"library-{next(count)}"
        shutil.copytree(FIXTURES / "library", root)
        (root / "clauses" / name).write_text(text, encoding="utf-8")
        with pytest.raises(DiagnosticError) as info:
            load_library(root)
        return info.value.diagnostics

    return make


HEAD = """---
id: {id}
title: Essai
documents: {{politique: {section}}}
when: "{when}"
variables: [{variables}]
sources: [{{source: "004", sections: ["{source_section}"]}}]
legal: [{{law: {law}, articles: ["{article}"]}}]
---
"""


def clause(body="Texte.", id="essai.nouvelle", section="regles", when="true", variables="",
           source_section="1", law="charte", article="5"):
    return HEAD.format(id=id, section=section, when=when, variables=variables,
                       source_section=source_section, law=law, article=article) + body


def messages(problems):
    return [p.message for p in problems]


def test_fixture_library_loads(fixture_library):
    assert {c.id for c in fixture_library.clauses} >= {"essai.intro", "essai.regles.ordre"}


def test_real_library_loads_clean():
    library = load_library()
    assert library.outlines.keys() == {"politique", "netiquette", "fiche-synthese"}
    assert library.clauses


def test_duplicate_id(broken):
    problems = broken("double.md", clause(id="essai.intro"))
    assert any("Identifiant déjà utilisé" in m for m in messages(problems))


def test_unknown_section(broken):
    problems = broken("x.md", clause(section="nulle-part"))
    assert messages(problems) == ["Le plan « politique » n’a pas de section « nulle-part »."]


def test_condition_must_compile(broken):
    problems = broken("x.md", clause(when="organisation.type ==="))
    assert problems[0].message.startswith("Gabarit Jinja invalide")
    assert problems[0].path.endswith("x.md")


def test_condition_reads_known_fields(broken):
    problems = broken("x.md", clause(when="organisation.categorie == 'x'"))
    assert messages(problems) == [
        "La condition lit « organisation.categorie », qui n’existe pas dans le modèle d’organisation."]


def test_body_variables_must_exist_and_be_declared(broken):
    problems = broken("x.md", clause(body="{{ contacts.plaintes.courriel }} {{ organisation.couleur }}",
                                     variables="contacts.plaintes.courriel"))
    assert messages(problems) == [
        "Le gabarit lit « organisation.couleur », qui n’existe pas dans le modèle d’organisation."]
    problems = broken("x.md", clause(body="{{ contacts.plaintes.courriel }}"))
    assert messages(problems) == ["Le gabarit lit « contacts.plaintes.courriel » sans le déclarer dans « variables »."]


def test_declared_variables_must_exist(broken):
    problems = broken("x.md", clause(variables="contacts.fax"))
    assert messages(problems) == ["« contacts.fax » n’existe pas dans le modèle d’organisation."]


def test_loop_variables_are_not_context_reads(broken, fixture_library):
    # the fixture's annexe loops over plateformes and reads p.nom: that is fine
    assert fixture_library.clause("essai.annexe")
    problems = broken("x.md", clause(body="{% for p in plateformes %}{{ p.nom }}{% endfor %}"))
    assert messages(problems) == ["Le gabarit lit « plateformes » sans le déclarer dans « variables »."]


def test_sources_and_laws_are_checked(broken):
    problems = broken("x.md", clause(source_section="9", law="charte", article="99"))
    assert set(messages(problems)) == {
        "L’article 99 n’est pas répertorié pour « charte ».",
        "La source 004 n’a pas de section « 9 »."}
    problems = broken("x.md", clause(law="loi-imaginaire"))
    assert messages(problems) == ["Loi inconnue « loi-imaginaire » (voir templates/data/lois.yaml)."]


def test_front_matter_errors_have_lines(broken):
    problems = broken("x.md", "---\nid: essai.x\ntitle: Essai\ndocuments: {politique: regles}\nordre: 3\n"
                              "sources: [{source: \"004\", sections: [\"1\"]}]\n---\nTexte.")
    [problem] = problems
    assert problem.line == 5 and problem.field == "ordre"
    problems = broken("y.md", "Pas d’en-tête.")
    assert problems[0].message.startswith("La clause doit commencer par un en-tête YAML")


def test_front_matter_errors_are_in_french_with_their_line(broken):
    problems = broken("x.md", "---\nid: Essai X\ntitle: Essai\ndocuments: {politique: regles}\norder: dix\n"
                              "sources: [{source: \"004\", sections: [\"1\"]}]\nlegal: [{laws: charte}]\n---\nTexte.")
    assert [(p.path.endswith("x.md"), p.line, p.code, p.field, p.message, p.hint) for p in problems] == [
        (True, 2, "library.schema", "id", "Cette valeur n’a pas la forme attendue. Trouvé : « Essai X ».", ""),
        (True, 5, "library.schema", "order", "Un nombre entier était attendu. Trouvé : « dix ».", ""),
        (True, 7, "library.unknown-key", "legal[1].laws", "Clé inconnue : « laws ».", "Vouliez-vous dire « law » ?"),
    ]
    [missing] = broken("y.md", "---\nid: essai.y\ndocuments: {politique: regles}\n"
                               "sources: [{source: \"004\", sections: [\"1\"]}]\n---\nTexte.")
    assert (missing.line, missing.field, missing.message) == (2, "title", "Ce champ est obligatoire et il est absent.")
    assert missing.hint == "Ajoutez-le (voir l’en-tête d’une clause voisine)."


def test_front_matter_yaml_errors_have_the_file_line(broken):
    [problem] = broken("x.md", "---\nid: essai.x\ntitle: Essai\n\tdocuments: {politique: regles}\n---\nTexte.")
    assert (problem.line, problem.code) == (4, "library.yaml")
    assert problem.message.startswith("Une tabulation a été trouvée")
    [twice] = broken("y.md", clause().replace("title: Essai\n", "title: Essai\ntitle: Encore\n"))
    assert (twice.line, twice.code) == (4, "library.duplicate-key")


def test_lint_points_at_the_line_of_the_key_at_fault(broken):
    # HEAD: id on line 2, documents 4, when 5, variables 6, sources 7, legal 8; the body on line 10
    def where(problems):
        return [(p.line, p.code) for p in problems]

    assert where(broken("a.md", clause(section="nulle-part"))) == [(4, "library.document")]
    assert where(broken("b.md", clause(when="organisation.categorie == 'x'"))) == [(5, "library.variable")]
    assert where(broken("c.md", clause(variables="contacts.fax"))) == [(6, "library.variable")]
    assert where(broken("d.md", clause(source_section="9"))) == [(7, "library.source")]
    assert where(broken("e.md", clause(law="loi-imaginaire"))) == [(8, "library.law")]
    assert where(broken("f.md", clause(body="{{ organisation.couleur }}"))) == [(10, "library.variable")]
    assert where(broken("g.md", clause(id="essai.intro"))) == [(2, "library.duplicate")]


def test_a_clause_not_in_utf8_is_reported_not_raised(tmp_path):
    root = tmp_path / "library"
    shutil.copytree(FIXTURES / "library", root)
    (root / "clauses" / "x.md").write_bytes(clause(body="Québec").encode("latin-1"))
    with pytest.raises(DiagnosticError) as info:
        load_library(root)
    [problem] = info.value.diagnostics
    assert (problem.path.endswith("x.md"), problem.code, problem.message) == (
        True, "library.encoding", "Le fichier n’est pas encodé en UTF-8.")
