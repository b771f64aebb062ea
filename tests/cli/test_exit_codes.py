"""One map of exit codes (README « Codes de sortie »), each reached through the command line
with the message the user reads; write failures reported the same way by every command."""

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import policygen.cli.main
import policygen.publishing.service
from policygen.cli.main import main
from policygen.diagnostics import CODES, Diagnostic, ExitCode, exit_code
from conftest import FIXTURES, ROOT


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: the fixture is not overdue

    def invoke(*args):
        return CliRunner().invoke(main, list(map(str, args)), prog_name="policygen")

    return invoke


@pytest.fixture
def library_copy(tmp_path):
    """A copy of the fixture library, given to the commands with --bibliotheque."""
    root = tmp_path / "bibliotheque"
    shutil.copytree(FIXTURES / "library", root)
    return root


def test_the_worst_kind_wins():
    def problem(code, severity="erreur"):
        return Diagnostic("x.yaml", 1, "", "…", severity=severity, code=code)

    assert exit_code([]) == ExitCode.OK
    assert exit_code([problem("cadence.overdue", "avertissement")]) == ExitCode.OK
    assert exit_code([problem("organisation.schema"), problem("render.missing")]) == ExitCode.RENDER
    assert exit_code([problem("io.write"), problem("library.law")]) == ExitCode.FILESYSTEM
    with pytest.raises(ValueError):
        problem("organisation.typo")  # the vocabulary is closed


def test_every_exit_code_and_problem_code_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Codes de sortie", 1)[1].split("\n#", 1)[0]
    assert [int(code) for code in re.findall(r"^\| `(\d+)` \|", section, re.M)] == list(ExitCode)
    assert re.findall(r"^\| `([a-z]+\.[a-z-]+)` \|", section, re.M) == list(CODES)


def test_0_success(run, org_file):
    result = run("check", org_file())
    assert result.exit_code == 0
    assert result.output == "essai.yaml : aucun problème.\n"


def test_1_a_source_section_no_clause_covers(run, library_copy):
    sources = library_copy / "data" / "sources.yaml"
    sources.write_text(sources.read_text(encoding="utf-8") + '      - {id: "3", title: Trois}\n', encoding="utf-8")
    result = run("sources", "--manquantes", "--bibliotheque", library_copy)
    assert result.exit_code == 1
    assert "  3 (Trois) : AUCUNE CLAUSE" in result.output
    assert "Couverture : 2 sections sur 3 ; 1 section sans clause." in result.output


def test_2_wrong_usage(run, org_file):
    result = run("build", org_file(), "--document", "politiques")
    assert result.exit_code == 2
    assert "Document inconnu : politiques." in result.output


def test_3_invalid_organisation_file(run, org_file):
    result = run("check", org_file({"secteur: public": "secteur: publique"}))
    assert result.exit_code == 3
    assert ("essai.yaml:7: erreur [organisation.schema] — organisation.secteur\n"
            "  Valeur non reconnue : « publique ». Valeurs permises : « public » ou « prive ».\n"
            "  Vouliez-vous dire « public » ?\n") in result.output


def test_4_invalid_library(run, org_file, library_copy):
    intro = library_copy / "clauses" / "intro.md"
    intro.write_text(intro.read_text(encoding="utf-8").replace("order: 10", "order: dix"), encoding="utf-8")
    result = run("check", org_file(), "--bibliotheque", library_copy)
    assert result.exit_code == 4
    assert (f"{Path('bibliotheque/clauses/intro.md')}:5: erreur [library.schema] — order\n"
            "  Un nombre entier était attendu. Trouvé : « dix ».\n") in result.output
    assert "la bibliothèque de clauses est invalide." in result.output


def test_5_a_clause_that_cannot_render_for_this_file(run, org_file, library_copy, tmp_path):
    # the fixture library's contact clause needs the privacy officer's e-mail
    path = org_file({"    courriel: vie.privee@essai.qc.ca\n": ""})
    result = run("build", path, "--out", tmp_path / "out", "--format", "html", "--bibliotheque", library_copy)
    assert result.exit_code == 5
    assert ("essai.yaml:29: erreur [render.missing] — contacts.protection_renseignements.courriel\n"
            "  Ce champ est vide, mais la clause « Joindre la personne responsable » en a besoin.") in result.output
    assert not (tmp_path / "out").exists()


def test_6_an_organisation_file_that_cannot_be_read(run, org_file, tmp_path):
    (tmp_path / "dossier.yaml").mkdir()
    result = run("check", org_file(), "absent.yaml", "dossier.yaml")
    assert result.exit_code == 6
    assert "absent.yaml: erreur [io.read]\n  Lecture impossible : fichier introuvable.\n" in result.output
    assert "dossier.yaml: erreur [io.read]\n  Lecture impossible : c’est un dossier, pas un fichier.\n" \
        in result.output
    assert "2 erreurs dans absent.yaml, dossier.yaml : corrigez-les" in result.output


def test_6_an_organisation_file_without_read_permission(run_unprivileged, org_file):
    path = org_file()
    path.chmod(0o200)
    result = run_unprivileged("explain", path, "--bibliotheque", FIXTURES / "library")
    assert result.exit_code == 6
    assert "essai.yaml: erreur [io.read]\n  Lecture impossible : permission refusée.\n" in result.output


def test_70_internal_error(run, org_file, monkeypatch):
    monkeypatch.setattr(policygen.publishing.service, "load_all", lambda *args: 1 / 0)
    monkeypatch.delenv("POLICYGEN_DEBUG", raising=False)
    result = run("check", org_file())
    assert result.exit_code == 70
    assert "Erreur interne inattendue de policygen" in result.output and "Traceback" not in result.output


# Write failures: the same report from every command that writes.

def _writing_command(command: str, org: Path, folder: Path) -> list:
    """`command` writing into a new entry of `folder`: build's DOSSIER/essai, diff's and publish's own folder;
    with the fixture library (the failure is the folder's, whatever the clauses; a child process spares
    the shipped library's load and lint, ~2 s of CPU)."""
    library = ["--bibliotheque", FIXTURES / "library"]
    return {"build": ["build", org, "--out", folder, "--format", "html", *library],
            "diff": ["diff", org, org, "--out", folder / "comparaison", "--document", "netiquette", *library],
            "publish": ["publish", org, "--site", folder / "site", "--out", folder / "sortie", *library]}[command]


@pytest.mark.parametrize("command", ["build", "diff", "publish"])
def test_6_a_file_where_a_folder_should_be(run, org_file, tmp_path, command):
    blocker = tmp_path / "fichier"
    blocker.write_text("à garder", encoding="utf-8")
    result = run(*_writing_command(command, org_file(), blocker / "sortie"))
    assert result.exit_code == 6, result.output
    assert ": erreur [io.write]\n  Écriture impossible : un fichier porte ce nom à la place d’un dossier " \
           "(fichier).\n" in result.output
    assert "Traceback" not in result.output
    assert blocker.read_text(encoding="utf-8") == "à garder"


@pytest.mark.parametrize("command", ["build", "diff", "publish"])
def test_6_a_read_only_folder(run_unprivileged, org_file, tmp_path, command):
    folder = tmp_path / "lecture-seule"
    earlier = folder / "essai" / "netiquette.html"
    earlier.parent.mkdir(parents=True)
    earlier.write_text("version précédente", encoding="utf-8")
    folder.chmod(0o500)
    try:
        result = run_unprivileged(*_writing_command(command, org_file(), folder))
    finally:
        folder.chmod(0o700)
    assert result.exit_code == 6, result.output
    assert ": erreur [io.write]\n  Écriture impossible : permission refusée.\n" in result.output
    assert earlier.read_text(encoding="utf-8") == "version précédente"
    assert sorted(p.name for p in folder.iterdir()) == ["essai"]  # no staging folder left behind
