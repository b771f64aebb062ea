"""Hostile names and faults through the CLI: output folders, all or nothing, pipes, terminals."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from policygen.orgfile.naming import slug

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "organisation.yaml"
TEXT = FIXTURE.read_text(encoding="utf-8")


def run(*args, cwd: Path | None = None):
    old = Path.cwd()
    if cwd:
        os.chdir(cwd)
    try:
        return CliRunner().invoke(main, [str(a) for a in args])
    finally:
        os.chdir(old)


@pytest.mark.parametrize(("name", "expected"), [
    ("...yaml", "organisation"), ("..yaml", "organisation"), (".yaml", "organisation"),
    ("Lévis Nord.yaml", "levis-nord"), ("a\x1b[31mb.yaml", "a-31mb"), ("CISSS.Laval.yaml", "cisss-laval"),
    ("cisss-laurentides.yaml", "cisss-laurentides")])
def test_output_folder_names_are_safe(name, expected):
    assert slug(Path("x") / name) == expected


def test_a_dotted_file_name_writes_inside_out(tmp_path):
    (tmp_path / "...yaml").write_text(TEXT, encoding="utf-8")
    result = run("build", "...yaml", "--format", "html", "--out", "out", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["...yaml", "out"]
    assert (tmp_path / "out" / "organisation" / "politique.html").is_file()


def test_two_files_with_one_output_folder_are_refused(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "organisation.yaml").write_text(TEXT, encoding="utf-8")
    result = run("build", "a/organisation.yaml", "b/organisation.yaml", "--format", "html", "--out", "out",
                 cwd=tmp_path)
    assert result.exit_code == 3
    assert "b/organisation.yaml: erreur [organisation.output]\n  Ce fichier et a/organisation.yaml écriraient " \
           "leurs documents dans le même dossier « organisation »." in result.output
    assert not (tmp_path / "out").exists()


def test_a_multi_file_build_is_all_or_nothing(tmp_path, monkeypatch):
    for name in ("premier", "second"):
        (tmp_path / f"{name}.yaml").write_text(TEXT, encoding="utf-8")
    from policygen.writers import WRITERS
    html = WRITERS["html"]

    def fails_for_the_second(document, path, options):
        if "-second-" in path.parent.name:  # the work folder of the second file
            raise OSError(28, "No space left on device")
        html(document, path, options)
    monkeypatch.setitem(WRITERS, "html", fails_for_the_second)
    result = run("build", "premier.yaml", "second.yaml", "--format", "html", "--out", "out", "--jobs", "1",
                 cwd=tmp_path)  # one process: the failing writer is this one's
    assert result.exit_code == 6
    assert "Écriture impossible : le disque est plein." in result.output
    assert not (tmp_path / "out" / "premier").exists()  # the first file's documents were not moved in
    assert [p.name for p in (tmp_path / "out").iterdir()] == [".policygen-cache"]  # no work folder left
    # No cache entry says a document of it was built. Its models may be kept (written as soon as its files
    # are, so that a build of many bodies does not hold them all): they are read only under such an entry.
    entries = list((tmp_path / "out" / ".policygen-cache").glob("*/*/*"))
    assert not [e for e in entries if not e.name.endswith(".modeles.json")], entries
    monkeypatch.setitem(WRITERS, "html", html)  # the disk has room again: both are built, none taken as done
    again = run("build", "premier.yaml", "second.yaml", "--format", "html", "--out", "out", "--jobs", "1", cwd=tmp_path)
    assert again.exit_code == 0, again.output
    assert {p.name for p in (tmp_path / "out" / "premier").glob("*.html")} == {
        "politique.html", "netiquette.html", "fiche-synthese.html"}


def test_a_format_no_longer_built_is_removed_and_the_manifest_says_what_is_there(tmp_path):
    (tmp_path / "essai.yaml").write_text(TEXT, encoding="utf-8")
    (tmp_path / "out" / "essai").mkdir(parents=True)
    (tmp_path / "out" / "essai" / "mes-notes.txt").write_text("à garder", encoding="utf-8")
    # one document, the nétiquette (the quickest Word file to lay out): the formats' files are kept or
    # removed by the same rule for every document
    one = ("--document", "netiquette", "--jobs", "1")  # (no pool: its workers would import the writers again)
    assert run("build", "essai.yaml", "--format", "html,docx", *one, "--out", "out", cwd=tmp_path).exit_code == 0
    assert list((tmp_path / "out" / "essai").glob("*.docx"))  # what the next build must remove
    assert run("build", "essai.yaml", "--format", "html", *one, "--out", "out", cwd=tmp_path).exit_code == 0
    folder = tmp_path / "out" / "essai"
    assert not list(folder.glob("*.docx"))
    assert (folder / "mes-notes.txt").read_text(encoding="utf-8") == "à garder"  # not ours: kept
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    listed = {name for document in manifest["documents"].values() for name in document["fichiers"]}
    assert listed == {p.name for p in folder.glob("*.html")}


def test_leftovers_of_a_killed_build_are_removed(tmp_path):
    (tmp_path / "essai.yaml").write_text(TEXT, encoding="utf-8")
    leftover = tmp_path / "out" / ".policygen-999999999-essai-x"
    leftover.mkdir(parents=True)
    assert run("build", "essai.yaml", "--format", "html", "--out", "out", cwd=tmp_path).exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".policygen-cache", "essai"]


def test_only_the_files_with_errors_are_blamed(tmp_path):
    (tmp_path / "a.yaml").write_text(TEXT.replace("  nom_court:", "  nom_cour:"), encoding="utf-8")
    warned = TEXT.replace("l’Essai.", "l’Essai. (à confirmer)")  # a warning only
    assert warned != TEXT
    (tmp_path / "b.yaml").write_text(warned, encoding="utf-8")
    result = run("check", "a.yaml", "b.yaml", cwd=tmp_path)
    assert result.exit_code == 3 and re.search(r"^b\.yaml:\d+: avertissement", result.output, re.M)
    assert "dans a.yaml : " in result.output


def test_escapes_in_a_file_name_never_reach_the_terminal(tmp_path):
    name = "a\x1b]0;titre\x07\x1b[31m.yaml"
    result = run("check", name, cwd=tmp_path)
    assert result.exit_code == 6 and "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b]0;titre\\x07" in result.output


def test_a_file_name_that_is_not_utf8_is_reported(tmp_path):
    name = os.fsdecode(b"caf\xe9.yaml")
    (tmp_path / name).write_text(TEXT, encoding="utf-8")
    result = run("check", name, cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "caf\\xe9.yaml : aucun problème." in result.output


def test_a_closed_pipe_is_not_an_error(tmp_path):
    # (the fixture library: a child process spares the shipped library's load and lint, ~2 s of CPU)
    library = FIXTURE.parent / "library"
    command = f"{sys.executable} -m policygen explain {FIXTURE} --bibliotheque {library} | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Fichier") and "interne" not in result.stderr


def test_the_complaints_web_form_is_a_link(tmp_path):
    text = TEXT.replace("    titre: Commissaire aux plaintes et à la qualité des services\n",
                        "    titre: Commissaire aux plaintes et à la qualité des services\n"
                        "    adresse_web: https://essai.qc.ca/plaintes\n")
    (tmp_path / "essai.yaml").write_text(text, encoding="utf-8")
    assert run("build", "essai.yaml", "--format", "html", "--out", "out", cwd=tmp_path).exit_code == 0
    page = (tmp_path / "out" / "essai" / "politique.html").read_text(encoding="utf-8")
    assert 'href="https://essai.qc.ca/plaintes">https://essai.qc.ca/plaintes</a>' in page
