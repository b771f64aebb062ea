"""`policygen init`: the questionnaire, driven by piped answers as a script would."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path

from docx import Document as DocxDocument

from reviewkit import run_cli

POLICYGEN = [sys.executable, "-m", "policygen"]

# One answer per line, in the order asked; an empty line takes the offered default.
ANSWERS = [
    "Collège des artisans de la santé du Québec",  # nom
    "Collège",                                    # nom court
    "",                                           # genre: default from « Collège »
    "",                                           # an article: yes
    "",                                           # appellation: « Collège »
    "",                                           # its gender
    "",                                           # type: ordre_professionnel, from « Collège »
    "",                                           # secteur
    "Protéger le public en encadrant l’exercice de la profession.",
    "",                                           # no web site
    "",                                           # publishes in French
    "les artisans et artisanes",                  # members, with their article
    "un artisan ou une artisane",                 # one member
    "l’artisanat de santé",                       # profession
    "artisan ou artisane",                        # title
    "",                                           # exclusive practice
    "",                                           # people bound: defaults
    "", "", "la direction générale", "l’équipe des communications",
    "Facebook", "LinkedIn", "",                   # platforms
    "", "communications@college.example.qc.ca",
    "", "syndic@college.example.qc.ca",
    "",                                           # complaints on the Collège's services: communications
    "", "prp@college.example.qc.ca",
    "", "", "", "",                               # moderation days and hours, no on-call team
    "CASQ-2026-01", "2026-12-01", "Conseil d’administration", "",
    "",                                           # revised every 3 years
]


def _init(tmp_path: Path, answers: list[str]):
    """`init` in-process with the answers piped (the first test runs the real command once)."""
    with contextlib.chdir(tmp_path):
        return run_cli("init", tmp_path / "college.yaml", input="\n".join(answers) + "\n")


def _in(folder: Path, *args: str):
    with contextlib.chdir(folder):
        return run_cli(*args)


def test_piped_answers_write_a_file_that_checks_and_builds(tmp_path: Path) -> None:
    # The one real process: answers piped to `python -m policygen init` as a script would.
    result = subprocess.run([*POLICYGEN, "init", str(tmp_path / "college.yaml")], input="\n".join(ANSWERS) + "\n",
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "college.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=./organisation.schema.json\n")
    assert "type: ordre_professionnel" in text and "genre: masculin" in text
    assert json.loads((tmp_path / "organisation.schema.json").read_text())["$schema"].endswith("2020-12/schema")
    check = _in(tmp_path, "check", "college.yaml")
    assert check.exit_code == 0, check.output
    build = _in(tmp_path, "build", "college.yaml", "--format", "docx", "--document", "netiquette", "--jobs", "1")
    assert build.exit_code == 0, build.stderr
    body = "\n".join(p.text for p in DocxDocument(tmp_path / "output/college/netiquette.docx").paragraphs)
    assert "Collège" in body and "syndic@college.example.qc.ca" in body


def test_a_wrong_answer_is_explained_and_asked_again(tmp_path: Path) -> None:
    answers = list(ANSWERS)
    answers[2] = "neutre"  # not a gender: asked again, then the default is taken
    answers.insert(3, "")
    wrong_mail = ANSWERS.index("communications@college.example.qc.ca") + 1
    answers.insert(wrong_mail, "communications chez college")
    result = _init(tmp_path, answers)
    assert result.exit_code == 0, result.stderr
    assert "Valeur non reconnue : « neutre »" in result.stderr
    assert "Une adresse courriel était attendue" in result.stderr
    assert "Recommencez." in result.stderr


def test_answers_that_run_out_write_nothing(tmp_path: Path) -> None:
    result = _init(tmp_path, ANSWERS[:5])
    assert result.exit_code == 2
    assert "Questionnaire interrompu" in result.stderr and "aucun fichier n’a été écrit" in result.stderr
    assert not (tmp_path / "college.yaml").exists()


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "college.yaml").write_text("# le mien\n")
    result = _init(tmp_path, ANSWERS)
    assert result.exit_code == 2 and "existe déjà" in result.stderr
    assert (tmp_path / "college.yaml").read_text() == "# le mien\n"
