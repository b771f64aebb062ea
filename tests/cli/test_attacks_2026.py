"""This round's attacks on an organisation's own folder (issue 21), through the CLI: each ends in a
located French diagnostic and a documented exit code — never a hang, a memory blow-up or exit 70."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from policygen.cli.main import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "organisation.yaml"


def own_clause(tmp_path: Path, body: str = "Notre texte.", title: str = "Notre règle", when: str = "true",
               extra: str = "") -> Path:
    """essai.yaml and essai/clauses/propre.md; with one `extra` line, the body starts on line 8."""
    org = tmp_path / "essai.yaml"
    org.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "essai" / "clauses").mkdir(parents=True)
    (tmp_path / "essai" / "clauses" / "propre.md").write_text(
        f"---\nid: essai.propre\ntitle: {json.dumps(title)}\ndocuments: {{politique: enonces}}\n"
        f"when: {json.dumps(when)}\n{extra}---\n{body}\n", encoding="utf-8")
    return org


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


BODY, TITLE, WHEN = "essai/clauses/propre.md:8:", "essai/clauses/propre.md:3:", "essai/clauses/propre.md:5:"


@pytest.mark.parametrize(("body", "where", "code", "message"), [
    ("{% for a in 'x'*100000 %}{% for b in 'x'*100000 %}{% endfor %}{% endfor %}", BODY, "organisation.limit",
     "Le gabarit de la clause dépasse une limite : taille maximale dépassée"),
    ("{% for a in organisation.nom %}{% for b in organisation.nom %}{% for c in organisation.nom %}"
     "{% for d in organisation.nom %}{% endfor %}{% endfor %}{% endfor %}{% endfor %}", BODY, "organisation.limit",
     "le gabarit demande trop de calcul (plus de 100\u00a0000 opérations"),
    ("{{ 9**(9**9) }}", BODY, "organisation.limit", "un nombre du gabarit dépasserait 4\u00a0096 bits"),
    ("{{ 'a'*100000000 }}", BODY, "organisation.limit", "taille maximale dépassée par une répétition (*)"),
    ("{{ '{:>999999999}'.format('a') }}", BODY, "organisation.limit", "taille maximale dépassée par une largeur"),
    ("{{ '%999999999s' % 'a' }}", BODY, "organisation.limit", "taille maximale dépassée par une largeur"),
    ("{{ 'a'.ljust(999999999) }}", BODY, "organisation.limit", "la plus grande largeur ou répétition permise"),
    ("{{ 'a'|center(999999999) }}", BODY, "organisation.limit", "la plus grande largeur ou répétition permise"),
    ("{{ ('x'*1000)|replace('x', 'x'*1000) }}", BODY, "organisation.limit", "taille maximale dépassée par un "
                                                                             "remplacement"),
    ("{{ ([1]*300000000)|length }}", BODY, "organisation.limit", "taille maximale dépassée par une répétition"),
    ("{{ (10**5000)|string }}", BODY, "organisation.limit", "un nombre du gabarit dépasserait"),
    ("{% for c in organisation.nom * 50 %}Une phrase d’une soixantaine de caractères, répétée sans fin. "
     "{% endfor %}", BODY, "organisation.limit", "le gabarit écrirait plus de 20\u00a0000"),
    ("Début.\n" + "x" * 200_000, "essai/clauses/propre.md:9:", "organisation.limit",
     "Mot trop long : « xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… » compte 200000 caractères"),
    ("Un {{ 'y' * 300 }} mot.", BODY, "organisation.limit", "compte 300 caractères sans espace (au plus 200)"),
    ("{{ lipsum(100000) }}", BODY, "organisation.clause", "Le gabarit lit « lipsum », qui n’existe pas"),
    ("{% include 'autre.md' %}", BODY, "organisation.clause", "« {% include %} » n’est pas permis"),
    ("{% import 'autre.md' as autre %}", BODY, "organisation.clause", "« {% import %} » n’est pas permis"),
    ("Texte.\n{% extends 'autre.md' %}", "essai/clauses/propre.md:9:", "organisation.clause",
     "« {% extends %} » n’est pas permis"),
    ("{{ 1/0 }}", BODY, "render.template", "Le gabarit de la clause échoue : division par zéro."),
    ("{{ 1+'a' }}", BODY, "render.template", "opération entre des valeurs de types incompatibles"),
    ("{{ 2.0**100000 }}", BODY, "render.template", "nombre trop grand"),
    ("{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}", BODY, "render.template",
     "le gabarit s’appelle lui-même sans fin"),
    ("{{ cycler.__init__ }}", BODY, "organisation.clause", "Le gabarit lit « cycler.__init__ », qui n’existe pas"),
])
def test_a_hostile_own_clause_body_is_a_located_error(tmp_path, body, where, code, message):
    result = run("check", own_clause(tmp_path, body=body, extra="variables: [organisation.nom]\n"))
    assert result.exit_code == {"organisation": 3, "render": 5}[code.split(".")[0]], result.output
    assert f"{where} erreur [{code}]" in result.output
    assert message in result.output
    assert "Erreur interne" not in result.output


@pytest.mark.parametrize(("title", "code", "message"), [
    ("{{", "organisation.clause", "Gabarit Jinja invalide"),
    ("{{ x }}", "organisation.clause", "Le titre lit « x », qui n’existe pas dans le modèle d’organisation."),
    ("{{ cycler.__init__ }}", "organisation.clause", "Le titre lit « cycler.__init__ », qui n’existe pas"),
    ("{{ lipsum }}", "organisation.clause", "Le titre lit « lipsum », qui n’existe pas"),
    ("{{ lipsum(100000) }}", "organisation.clause", "Le titre lit « lipsum », qui n’existe pas"),
    ("{{ organisation.nom.__class__ }}", "render.template", "l’attribut « __class__ » n’est pas permis"),
    ("{{ prochaine_revision.today() }}", "render.template", "l’attribut « today » n’est pas permis"),
    ("{{ 1/0 }}", "render.template", "Le titre de la clause échoue : division par zéro."),
])
def test_a_hostile_own_clause_title_is_a_located_error(tmp_path, title, code, message):
    result = run("check", own_clause(tmp_path, title=title))
    assert result.exit_code == {"organisation": 3, "render": 5}[code.split(".")[0]], result.output
    assert f"{TITLE} erreur [{code}]" in result.output
    assert message in result.output


@pytest.mark.parametrize("command", [["check"], ["explain", "--document", "politique"]])
def test_a_failing_condition_is_located_in_check_and_explain(tmp_path, command):
    result = run(command[0], own_clause(tmp_path, when="1/0"), *command[1:])
    assert result.exit_code == 5, result.output
    assert f"{WHEN} erreur [render.template] — essai.propre: when\n  La condition de la clause échoue : " \
           "division par zéro." in result.output


def test_a_huge_constant_in_a_condition_is_refused_not_computed(tmp_path):
    result = run("check", own_clause(tmp_path, when="9**(9**9) > 1"))
    assert result.exit_code == 3, result.output
    assert f"{WHEN} erreur [organisation.limit]" in result.output


@pytest.mark.parametrize("text", ["42", "- loi-a\n- loi-b\n", "lois: 5"])
def test_a_laws_file_that_is_not_a_list_of_laws_is_located(tmp_path, text):
    org = own_clause(tmp_path)
    (tmp_path / "essai" / "lois.yaml").write_text(text, encoding="utf-8")
    result = run("check", org)
    assert result.exit_code == 3, result.output
    assert "essai/lois.yaml:1: erreur [organisation.law]" in result.output


def test_an_ordinary_own_clause_still_checks(tmp_path):
    body = "{% for p in plateformes %}{{ p.nom }} ; {% endfor %}{{ organisation.nom_court | lower }}."
    result = run("check", own_clause(tmp_path, body=body, extra="variables: [plateformes, organisation.nom_court]\n"))
    assert result.exit_code == 0, result.output


def test_python_internals_stay_out_of_reach(tmp_path):
    result = run("check", own_clause(tmp_path, body="{{ organisation.nom.__class__ }}",
                                     extra="variables: [organisation.nom]\n"))
    assert result.exit_code == 5, result.output
    assert "propre.md:8: erreur [render.template]" in result.output
    assert "l’attribut « __class__ » n’est pas permis dans un gabarit" in result.output


def test_an_own_law_address_holding_markup_is_refused_and_never_built(tmp_path):
    org = own_clause(tmp_path)
    org.write_text(org.read_text(encoding="utf-8").replace("revision:", "fondements:\n  lois: [loi-essai]\nrevision:"),
                   encoding="utf-8")
    (tmp_path / "essai" / "lois.yaml").write_text(
        "lois:\n  - id: loi-essai\n    title: Loi sur l’essai\n    citation: RLRQ, c. E-99\n"
        "    url: \"https://x.ca/<[Formulaire](https://evil.example/phish)>**URGENT**\"\n", encoding="utf-8")
    # Refused on input (its line, the fix), so it never reaches a page; that a value which passes
    # the check stays one link whatever it holds: tests/library/test_values_stay_data.py.
    result = run("build", org, "--format", "html", "--out", tmp_path / "out")
    assert result.exit_code == 3, result.output
    assert "essai/lois.yaml:5: erreur [organisation.law] — lois[1].url" in result.output
    assert not (tmp_path / "out" / "essai").exists()


def test_an_own_clause_declaring_library_sources_is_still_credited_to_the_organisation(tmp_path):
    org = own_clause(tmp_path, extra='remplace: politique.enonces.presence\n'
                                     'sources:\n  - {source: "004", sections: ["5"]}\n'
                                     '  - {source: "001", sections: [introduction]}\n')
    out = tmp_path / "out"
    # the politique, where the clause is: its note (HTML), its Word comment and its manifest entry
    result = run("build", org, "--format", "html,docx", "--review", "--document", "politique", "--out", out,
                 "--jobs", "1")
    assert result.exit_code == 0, result.output
    folder = out / "essai" / "revision"
    page = (folder / "politique.html").read_text(encoding="utf-8")
    note = page[page.index("Clause essai.propre, version 1"):][:1500]
    # the organisation's own source first; the library's two counted (the note names one, explain all)
    assert "Source : « clause propre à l’organisme », section propre.md ; 2 autres documents." in note
    manifest = (folder / "manifest.json").read_text(encoding="utf-8")
    assert '"id": "essai.propre",\n' in manifest
    entry = manifest[manifest.index('"id": "essai.propre"'):][:200]
    assert '"origine": "organisation"' in entry.split("}")[0]
    comments = [part.blob.decode("utf-8") for part in docx.Document(folder / "politique.docx").part.package.parts
                if part.partname.endswith("comments.xml")]
    assert "Source : « clause propre à l’organisme », section propre.md ;" in "".join(comments)


def test_a_withdrawal_file_linked_outside_the_folder_is_refused_unread(tmp_path):
    org = own_clause(tmp_path)
    secret = tmp_path / "ailleurs.yaml"
    secret.write_text("motdepasse: hunter2-SECRET\n", encoding="utf-8")
    (tmp_path / "essai" / "clauses" / "retire.yaml").symlink_to(secret)
    result = run("check", org)
    assert result.exit_code == 3, result.output
    assert "essai/clauses/retire.yaml: erreur [organisation.clause]\n  Ce lien mène hors du dossier de " \
           "l’organisme : il n’est pas lu." in result.output
    assert "SECRET" not in result.output and "hunter2" not in result.output


def test_a_clauses_folder_linked_outside_is_refused(tmp_path):
    org = own_clause(tmp_path)
    (tmp_path / "essai" / "clauses").rename(tmp_path / "ailleurs")
    (tmp_path / "essai" / "clauses").symlink_to(tmp_path / "ailleurs")
    result = run("check", org)
    assert result.exit_code == 3, result.output
    assert "essai/clauses: erreur [organisation.clause]\n  Ce lien mène hors du dossier" in result.output


def test_an_edit_behind_a_clauses_link_inside_the_folder_is_rebuilt(tmp_path):
    org = own_clause(tmp_path, body="Première version de notre texte.")
    (tmp_path / "essai" / "clauses").rename(tmp_path / "essai" / "v2")
    (tmp_path / "essai" / "clauses").symlink_to("v2")
    out = tmp_path / "out"  # the politique's HTML alone: the own clause is in it
    assert run("build", org, "--format", "html", "--document", "politique", "--out", out).exit_code == 0
    assert "Première version de notre texte." in (out / "essai" / "politique.html").read_text(encoding="utf-8")
    clause = tmp_path / "essai" / "v2" / "propre.md"
    clause.write_text(clause.read_text(encoding="utf-8").replace("Première", "Seconde"), encoding="utf-8")
    result = run("build", org, "--format", "html", "--document", "politique", "--out", out)
    assert result.exit_code == 0, result.output
    assert "Seconde version de notre texte." in (out / "essai" / "politique.html").read_text(encoding="utf-8")
    manifest = (out / "essai" / "manifest.json").read_text(encoding="utf-8")
    assert '"clauses/propre.md"' in manifest


@pytest.mark.parametrize("command", ["check", "diff", "publish", "build"])
def test_a_huge_constant_stops_every_command_with_a_located_limit(tmp_path, command):
    org = own_clause(tmp_path, body="{{ 9**(9**9) }}")
    args = {"check": [org], "diff": [FIXTURE, org, "--out", tmp_path / "cmp"],
            "publish": [org, "--site", tmp_path / "site"], "build": [org, "--out", tmp_path / "out"]}[command]
    result = run(command, *args)
    assert result.exit_code == 3, result.output
    assert "essai/clauses/propre.md:7: erreur [organisation.limit] — essai.propre: corps\n  Le gabarit de la " \
           "clause dépasse une limite : un nombre du gabarit dépasserait 4\u00a0096 bits." in result.output
    assert not (tmp_path / "out").exists() and not (tmp_path / "site").exists()


def test_explain_compiles_a_huge_constant_without_computing_it(tmp_path):
    result = run("explain", own_clause(tmp_path, body="{{ 9**(9**9) }}"), "--document", "politique")
    assert result.exit_code == 0, result.output
    assert "incluse  essai.propre — Notre règle" in result.output


def test_a_failing_title_is_located_in_explain(tmp_path):
    result = run("explain", own_clause(tmp_path, title="{{ 1/0 }}"), "--document", "politique")
    assert result.exit_code == 5, result.output
    assert f"{TITLE} erreur [render.template] — essai.propre: title\n  Le titre de la clause échoue : " \
           "division par zéro." in result.output


def test_an_organisation_folder_that_is_a_link_elsewhere_is_refused(tmp_path):
    org = own_clause(tmp_path)
    (tmp_path / "essai").rename(tmp_path / "autre")
    (tmp_path / "essai").symlink_to(tmp_path / "autre")
    result = run("check", org)
    assert result.exit_code == 3, result.output
    assert "essai: erreur [organisation.clause]\n  Ce lien mène hors du dossier de l’organisme" in result.output


def test_more_own_clauses_than_a_document_can_hold_are_refused(tmp_path):
    org = own_clause(tmp_path)
    for index in range(101):
        (tmp_path / "essai" / "clauses" / f"c{index}.md").write_text("---\nid: x\n---\n", encoding="utf-8")
    result = run("check", org)
    assert result.exit_code == 3, result.output
    assert "essai/clauses: erreur [organisation.limit]\n  Le dossier compte 102 clauses ; il en faut au plus 100." \
        in result.output


def test_a_clause_cannot_forge_a_value_to_confirm(tmp_path):
    result = run("check", own_clause(tmp_path, body="Texte.\nCourriel : \ue000faux@x.ca\ue001.",
                                     extra="variables: [organisation.nom]\n"))
    assert result.exit_code == 3, result.output
    # refused at its line, as any private-use or invisible character of a file the body writes
    assert "essai/clauses/propre.md:9: erreur [organisation.clause]\n" in result.output
    assert "U+E000" in result.output
