"""What `check` accepts builds in every format; what `build` would refuse, `check` reports."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
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
    built = CliRunner().invoke(main, ["build", str(path), "--document", "fiche-synthese", "--jobs", "1",
                                      "--out", str(tmp_path / "out")])
    assert built.exit_code == 0, built.output
    assert {p.suffix for p in (tmp_path / "out" / "long").iterdir()} >= {".html", ".docx", ".pdf"}
    # the fiche's Word title carries the short name, its author the name: both shortened with « … », not refused
    # (this test took in test_hostile_cli's « a very long name builds in Word », the same build and check)
    properties = docx.Document(str(tmp_path / "out" / "long" / "fiche-synthese.docx")).core_properties
    for value in (properties.title, properties.author):
        assert len(value) == 255 and value.endswith("…"), value


# One verdict per file, whatever the command: the same findings graded by one table.
DRAFT_COMMANDS = (("check",), ("build",), ("publish",))
FINAL_COMMANDS = (("check", "--final"), ("build", "--final"), ("publish", "--final"))


def _edited(tmp_path: Path, name: str, replacements: dict[str, str]) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _verdict(result) -> tuple[int, list[str]]:
    """The exit code and the findings said (severity, code and field), in order."""
    return result.exit_code, re.findall(r": (erreur|avertissement) \[([a-z.-]+)\](?: — (\S+))?", result.output)


def test_every_command_gives_one_verdict_per_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    # The fixture library (the verdict is the commands' grading, whatever the clauses; publish lays every
    # document out), its Charte dated as a recent law so that a politique can be dated before a law it cites.
    library = tmp_path / "bibliotheque"
    shutil.copytree(FIXTURE.parent / "library", library)
    with (library / "data" / "lois.yaml").open("a", encoding="utf-8") as laws:
        laws.write("    en_vigueur: 2024-06-01\n")
    files = {
        # a value to confirm and a date before a law the politique cites: warnings, errors when final
        "brouillon": (_edited(tmp_path, "brouillon", {"courriel: communications@essai.qc.ca":
                                                      "courriel: communications@essai.qc.ca (à confirmer)",
                                                      "  en_vigueur: 2025-03-01": "  en_vigueur: 2024-03-01"}),
                      0, 3),
        # a version with no line in the history: an error for every command
        "sans-historique": (_edited(tmp_path, "sans-historique",
                                    {"  numero: POL-ESSAI-1": "  numero: POL-ESSAI-1\n  version: \"2.0\""}), 3, 3),
        "invalide": (_edited(tmp_path, "invalide", {"  en_vigueur: 2025-03-01": "  en_vigueur: demain"}), 3, 3),
    }
    out, site = tmp_path / "sortie", tmp_path / "site"
    for name, (path, draft_code, final_code) in files.items():
        for commands, expected in ((DRAFT_COMMANDS, draft_code), (FINAL_COMMANDS, final_code)):
            verdicts = {}
            for command in commands:
                # (build counts the values to confirm on its summary line; --detail prints them as check does)
                extra = {"check": [], "build": ["--out", str(out), "--detail"],
                         "publish": ["--out", str(out), "--site", str(site)]}[command[0]]
                result = CliRunner().invoke(main, [*command, str(path), *extra, "--bibliotheque", str(library)]
                                            + (["--jobs", "1"] if command[0] != "check" else []))
                assert "Traceback" not in result.output and result.exit_code != 70, result.output
                verdicts[" ".join(command)] = _verdict(result)
            assert {code for code, _ in verdicts.values()} == {expected}, (name, verdicts)
            found = list(verdicts.values())[0][1]
            assert found and all(said == found for _, said in verdicts.values()), (name, verdicts)
            if name == "brouillon":
                assert {code for _, code, _ in found} == {"organisation.to-confirm", "organisation.law-in-force"}
    # the draft was built once, then published from what the build produced
    assert (out / "brouillon" / "politique.pdf").is_file() and (site / "brouillon" / "politique.pdf").is_file()
    assert not (out / "sans-historique").exists() and not (out / "invalide").exists()
