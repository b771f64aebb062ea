"""What `check` accepts builds in every format; what `build` would refuse, `check` reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from policygen.cli.main import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "organisation.yaml"


def test_check_reports_two_files_that_would_share_an_output_folder(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(FIXTURE, tmp_path / folder / "organisation.yaml")
    files = [str(tmp_path / "a" / "organisation.yaml"), str(tmp_path / "b" / "organisation.yaml")]
    checked = CliRunner().invoke(main, ["check", *files])
    built = CliRunner().invoke(main, ["build", *files, "--format", "html", "--out", str(tmp_path / "out")])
    for result in (checked, built):
        assert result.exit_code == 3, result.output
        assert "erreur [organisation.output]" in result.output
        assert "écriraient leurs documents dans le même dossier « organisation »" in result.output


def test_names_at_the_word_property_limit_pass_check_and_build_in_every_format(tmp_path):
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["organisation"]["nom"] = "Centre " + "intégré de santé " * 16  # over Word's 255 characters
    data["organisation"]["nom_court"] = "Centre de santé " * 14
    path = tmp_path / "long.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    checked = CliRunner().invoke(main, ["check", str(path)])
    assert checked.exit_code == 0, checked.output
    built = CliRunner().invoke(main, ["build", str(path), "--document", "fiche-synthese",
                                      "--out", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert {p.suffix for p in (tmp_path / "out" / "long").iterdir()} >= {".html", ".docx", ".pdf"}
