"""An organisation's own laws and clauses (organisations/<slug>/): added, replacing, withdrawing,
linted with located French errors, explained, commented for review and listed in the manifest."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from click.testing import CliRunner

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.cli.main import main
from policygen.model.nodes import inline_text

FIXTURE_LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "library"

LAWS = """\
lois:
  - id: loi-essai
    title: Loi sur l’essai des soins
    citation: RLRQ, c. E-99
    url: https://www.legisquebec.gouv.qc.ca/fr/document/lc/E-99
    articles:
      "12": devoir d’essayer avec soin
"""

ADDED = """\
---
id: essai.propre.ajout
title: Notre règle à nous
documents: {politique: regles}
order: 40
heading: true
variables: [organisation.nom_court]
legal: [{law: loi-essai, articles: ["12"]}]
---
{{ organisation.nom_court }} ajoute sa propre règle.
"""

REPLACING = """\
---
id: essai.propre.plaintes
remplace: essai.regles.etablissement
title: Nos plaintes
documents: {politique: regles}
order: 20
heading: true
---
Les plaintes vont à notre commissaire, selon notre procédure.
"""


def own_folder(org: Path, files: dict[str, str]) -> Path:
    """organisations/<slug>/ beside `org`, holding `files` (relative path -> text)."""
    folder = org.with_suffix("")
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def politique(org: Path, fixture_library):
    [item], problems = load_all([org], fixture_library)
    assert not problems, problems
    [document] = documents_for(item, fixture_library, ["politique"])
    return {c.id: c for s in document.sections for c in s.clauses}


def problems_of(org: Path, fixture_library):
    loaded, problems = load_all([org], fixture_library)
    assert not loaded
    return problems


def test_a_clause_of_its_own_is_added_with_the_organisation_as_source_and_its_own_law(org_file, fixture_library):
    org = org_file({"revision:": "fondements:\n  lois: [loi-essai]\nrevision:"})
    own_folder(org, {"lois.yaml": LAWS, "clauses/ajout.md": ADDED})
    clauses = politique(org, fixture_library)
    added = clauses["essai.propre.ajout"]
    assert inline_text(added.blocks[0].inlines) == "CISSS de l’Essai ajoute sa propre règle."
    [source] = added.provenance.sources
    assert (source.id, source.title, source.sections) == ("organisation", "clause propre à l’organisme",
                                                          (("ajout.md", ""),))
    [law] = added.provenance.legal
    assert (law.title, law.citation, law.articles) == ("Loi sur l’essai des soins", "RLRQ, c. E-99", ("12",))
    assert "essai.regles.contact" in clauses  # the library's clauses stay


def test_a_clause_of_its_own_replaces_a_library_clause(org_file, fixture_library):
    org = org_file()
    own_folder(org, {"clauses/plaintes.md": REPLACING})
    clauses = politique(org, fixture_library)
    assert "essai.regles.etablissement" not in clauses
    assert clauses["essai.propre.plaintes"].provenance.replaces == "essai.regles.etablissement"


def test_retire_withdraws_library_clauses(org_file, fixture_library):
    org = org_file()
    own_folder(org, {"clauses/retire.yaml": "retire:\n  - essai.regles.contact\n"})
    assert "essai.regles.contact" not in politique(org, fixture_library)


def test_the_shared_library_is_left_as_it_was(org_file, fixture_library):
    org = org_file()
    own_folder(org, {"clauses/retire.yaml": "retire: [essai.regles.contact]\n", "clauses/ajout.md": ADDED,
                     "lois.yaml": LAWS})
    politique(org, fixture_library)
    assert "essai.regles.contact" in {c.id for c in fixture_library.clauses}
    assert "essai.propre.ajout" not in {c.id for c in fixture_library.clauses}
    assert "loi-essai" not in fixture_library.laws


def test_unknown_ids_in_remplace_and_retire_are_located_french_errors(org_file, fixture_library):
    org = org_file()
    own_folder(org, {"clauses/plaintes.md": REPLACING.replace("remplace: essai.regles.etablissement",
                                                              "remplace: essai.regles.etablisement"),
                     "clauses/retire.yaml": "# retraits\nretire:\n  - essai.regles.contact\n  - essai.inconnue\n"})
    found = {(Path(p.path).name, p.line, p.code, p.message, p.hint) for p in problems_of(org, fixture_library)}
    assert ("plaintes.md", 3, "organisation.clause",
            "La bibliothèque n’a pas de clause « essai.regles.etablisement » à remplacer.",
            "Vouliez-vous dire « essai.regles.etablissement » ?") in found
    assert any(name == "retire.yaml" and line == 4 and message ==
               "La bibliothèque n’a pas de clause « essai.inconnue » à retirer." for name, line, _, message, _ in found)


def test_an_unknown_variable_and_a_broken_condition_are_located_french_errors(org_file, fixture_library):
    org = org_file()
    own_folder(org, {"clauses/ajout.md": ADDED.replace("legal: [{law: loi-essai, articles: [\"12\"]}]\n", "")
                     .replace("{{ organisation.nom_court }} ajoute", "{{ organisation.surnom }} ajoute"),
                     "clauses/cond.md": ADDED.replace("id: essai.propre.ajout", "id: essai.propre.cond")
                     .replace("heading: true", "when: \"choix.cyberintervention ==\"")})
    problems = problems_of(org, fixture_library)
    texts = [(Path(p.path).name, p.line, p.code, p.message) for p in problems]
    assert ("ajout.md", 9, "organisation.clause",
            "Le gabarit lit « organisation.surnom », qui n’existe pas dans le modèle d’organisation.") in texts
    [broken] = [t for t in texts if t[0] == "cond.md"]
    assert broken[2] == "organisation.clause" and broken[3].startswith("Gabarit Jinja invalide")


def test_a_law_of_its_own_is_validated_like_the_library(org_file, fixture_library):
    org = org_file({"revision:": "fondements:\n  lois: [loi-essai]\nrevision:"})
    own_folder(org, {"lois.yaml": LAWS.replace("    url: https://www.legisquebec.gouv.qc.ca/fr/document/lc/E-99\n",
                                               "")})
    problems = problems_of(org, fixture_library)
    assert [(Path(p.path).name, p.line, p.code, p.field) for p in problems if p.path.endswith("lois.yaml")] == \
        [("lois.yaml", 2, "organisation.law", "lois[1].url")]


def test_a_law_named_in_the_file_but_defined_nowhere_points_at_the_folder(org_file, fixture_library):
    org = org_file({"revision:": "fondements:\n  lois: [loi-absente]\nrevision:"})
    [problem] = problems_of(org, fixture_library)
    assert problem.code == "organisation.law" and "essai/lois.yaml" in problem.hint


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args], env={"SOURCE_DATE_EPOCH": None})
    return result


def test_explain_shows_added_replacing_and_withdrawn_clauses(org_file):
    org = org_file()
    own_folder(org, {"clauses/plaintes.md": REPLACING, "clauses/retire.yaml": "retire: [essai.regles.contact]\n"})
    result = invoke("explain", org, "--document", "politique", "--bibliotheque", FIXTURE_LIBRARY)
    assert result.exit_code == 0, result.output
    assert "  incluse  essai.propre.plaintes — Nos plaintes\n           Clause propre à l’organisme (" in result.output
    assert "plaintes.md), qui remplace la clause essai.regles.etablissement de la bibliothèque." in result.output
    assert ("  exclue   essai.regles.contact — Joindre la personne responsable\n"
            "           Retirée par l’organisme (clauses/retire.yaml) : elle ne figure pas dans le document."
            ) in result.output


def test_review_comment_and_manifest_name_the_organisation_clause(org_file, tmp_path):
    org = org_file()
    own_folder(org, {"clauses/plaintes.md": REPLACING})
    out = tmp_path / "out"
    result = invoke("build", org, "--out", out, "--format", "docx", "--document", "politique", "--review",
                    "--bibliotheque", FIXTURE_LIBRARY)
    assert result.exit_code == 0, result.output
    comments = [c.text for c in docx.Document(str(out / "essai" / "revision" / "politique.docx")).comments]
    [ours] = [c for c in comments if c.startswith("Clause essai.propre.plaintes,")]
    assert "Clause propre à l’organisme : elle remplace la clause essai.regles.etablissement de la bibliothèque." \
        in ours
    assert "Source : « clause propre à l’organisme », section plaintes.md." in ours
    manifest = json.loads((out / "essai" / "revision" / "manifest.json").read_text(encoding="utf-8"))
    entries = manifest["documents"]["politique"]["clauses"]
    assert {"id": "essai.propre.plaintes", "version": 1, "origine": "organisation",
            "remplace": "essai.regles.etablissement"} in entries
    assert list(manifest["fichiers_organisme"]) == ["clauses/plaintes.md"]
