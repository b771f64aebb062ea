"""The command line as an advisor uses it: exit codes and exact French messages."""

import os

import pytest
from click.testing import CliRunner

from policygen.cli.main import main


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    # « Today » for the review-date warning: fixed, so the fixture (in force 2025-03-01,
    # reviewed every 3 years) is never overdue, whatever the date the suite runs on.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01

    def invoke(*args):
        return CliRunner().invoke(main, list(map(str, args)), prog_name="policygen")

    return invoke


def test_help_is_in_french(run):
    result = run("--help")
    assert result.exit_code == 0
    assert "Utilisation : policygen [OPTIONS] COMMAND [ARGS]..." in result.output
    assert "Options :" in result.output and "Commandes :" in result.output
    assert "Afficher cette aide et quitter." in result.output
    build_help = run("build", "--help").output
    assert "Produit les documents de chaque FICHIER d’organisation." in build_help
    assert "Dossier où écrire les documents." in build_help


def test_check_valid_file(run, org_file):
    path = org_file()
    result = run("check", path)
    assert result.exit_code == 0
    assert result.output.endswith(": aucun problème.\n")


def test_check_reports_three_mistakes_with_lines_and_exits_3(run, org_file):
    path = org_file({
        "type: etablissement_sante": "type: etablissement",
        "courriel: communications@essai.qc.ca": "courriel: communications-essai.qc.ca",
        "  mission:": "  misison:",
    })
    result = run("check", path)
    assert result.exit_code == 3
    output = result.output
    path = path.name  # shown relative to the working directory
    assert f"{path}:6: erreur [organisation.schema] — organisation.type\n" in output
    assert f"{path}:8: erreur [organisation.unknown-key] — organisation.misison\n  Clé inconnue : « misison ».\n  Vouliez-vous dire « mission » ?" in output
    assert f"{path}:25: erreur [organisation.schema] — contacts.communications.courriel\n" in output
    assert f"3 erreurs dans {path} : corrigez-les, puis relancez la vérification." in output  # three slips, three errors
    assert "Traceback" not in output


def test_unknown_command_and_option_in_french(run):
    result = run("bild")
    assert result.exit_code == 2
    assert "Erreur : Commande inconnue : 'bild'." in result.output
    assert "Vouliez-vous dire 'build' ?" in result.output
    result = run("build", "--formt", "pdf", "x.yaml")
    assert "Option inconnue : '--formt'." in result.output


def test_missing_file(run):
    result = run("check", "absent.yaml")
    assert result.exit_code == 6
    assert "absent.yaml: erreur [io.read]\n  Lecture impossible : fichier introuvable." in result.output


def test_unknown_format(run, org_file):
    result = run("build", org_file(), "--format", "html,odt")
    assert result.exit_code == 2
    assert "Format inconnu : odt. Valeurs permises : html, docx, pdf." in result.output


def test_build_writes_requested_files(run, org_file, tmp_path):
    path = org_file()
    result = run("build", path, "--out", tmp_path / "sortie", "--format", "html,docx", "--document", "netiquette",
                 "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert sorted(os.listdir(tmp_path / "sortie" / "essai")) == ["manifest.json", "netiquette.docx", "netiquette.html"]
    assert result.output == f"{path.name} → {tmp_path / 'sortie' / 'essai'}/ (3 fichiers)\n"


def test_failed_build_leaves_earlier_outputs_untouched(run, org_file, tmp_path):
    good = org_file()
    assert run("build", good, "--out", tmp_path / "out", "--format", "html").exit_code == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "out" / "essai").iterdir()}
    bad = org_file({"type: etablissement_sante": "type: inconnu"})
    result = run("build", bad, "--out", tmp_path / "out", "--format", "html")
    assert result.exit_code == 3
    assert "aucun document n’a été produit." in result.output
    after = {p.name: p.read_bytes() for p in (tmp_path / "out" / "essai").iterdir()}
    assert after == before
    # no staging left behind; the cache keeps no work folder
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".policygen-cache", "essai"]
    assert not (tmp_path / "out" / ".policygen-cache" / "travail").exists()


def test_one_bad_file_among_several_builds_nothing(run, org_file, tmp_path):
    good = org_file(name="bon.yaml")
    bad = org_file({"en_vigueur: 2025-03-01": "en_vigueur: bientôt"}, name="mauvais.yaml")
    result = run("build", good, bad, "--out", tmp_path / "out", "--format", "html")
    assert result.exit_code == 3
    assert "mauvais.yaml:34: erreur [organisation.schema] — revision.en_vigueur" in result.output
    assert not (tmp_path / "out" / "bon").exists()


def test_internal_error_is_a_sentence_not_a_traceback(run, org_file, monkeypatch):
    import policygen.publishing.service

    def boom(*args, **kwargs):
        raise RuntimeError("bogue")

    monkeypatch.setattr(policygen.publishing.service, "load_all", boom)
    monkeypatch.delenv("POLICYGEN_DEBUG", raising=False)
    result = run("check", org_file())
    assert result.exit_code == 70
    assert "Erreur interne inattendue de policygen" in result.output
    assert "Traceback" not in result.output
