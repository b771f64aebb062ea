"""The output and organisation folders are untrusted (a shared drive): what a planted file
there can and cannot make a build do (issue 21's publishing findings). The builds use the
fixture library: what is checked is how policygen treats its folders, whatever the clauses."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from policygen.diagnostics import DiagnosticError
from policygen.publishing import build as build_module
from policygen.publishing import outputs
from policygen.publishing.build import Organisation, Plan, run, work_folder
from policygen.publishing.cache import BuildCache, _sealed
from policygen.publishing.manifest import Manifest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE = FIXTURES / "organisation.yaml"
LIBRARY = ("--bibliotheque", FIXTURES / "library")
EPOCH = "1767225600"


@pytest.fixture
def place(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    shutil.copy(FIXTURE, tmp_path / "essai.yaml")
    return tmp_path


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def build(*args):
    # in this process (--jobs 1): a pool would start worker processes that import the writers again
    return invoke("build", *args, "--jobs", "1", *LIBRARY)


def edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace("2025-03-01", "2025-03-02"), encoding="utf-8")


def test_a_planted_manifest_deletes_nothing_but_names_policygen_writes(place):
    victims = [place / "victime-absolue.txt", place / "victime-relative.txt"]
    for victim in victims:
        victim.write_text("à garder", encoding="utf-8")
    assert build("essai.yaml", "--out", "sortie", "--format", "html,docx").exit_code == 0
    folder = place / "sortie" / "essai"
    (folder / "notes.txt").write_text("à moi", encoding="utf-8")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["documents"]["politique"]["fichiers"].update(
        {str(victims[0]): "0", "../../victime-relative.txt": "0", "notes.txt": "0"})
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    edit(place / "essai.yaml")
    # a format no longer built goes: that name is policygen's
    result = build("essai.yaml", "--out", "sortie", "--format", "html")
    assert result.exit_code == 0, result.output
    assert all(victim.read_text(encoding="utf-8") == "à garder" for victim in victims)
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "à moi"
    assert not (folder / "politique.docx").exists() and (folder / "politique.html").exists()


@pytest.mark.parametrize("option", ["--out", "--site"])
def test_an_output_folder_over_the_organisations_own_folder_is_refused(place, option):
    organisations = place / "organisations"
    (organisations / "essai" / "clauses").mkdir(parents=True)
    shutil.move(place / "essai.yaml", organisations / "essai.yaml")
    clause = organisations / "essai" / "clauses" / "retire.yaml"
    clause.write_text("retire: []\n", encoding="utf-8")
    command = ["build"] if option == "--out" else ["publish", "--out", place / "sortie"]
    for folder in (organisations, organisations / "essai" / "sortie"):
        result = invoke(*command, organisations / "essai.yaml", option, folder)
        assert result.exit_code == 3, result.output
        assert "erreur [organisation.output]" in result.output and "recouvre le dossier propre" in result.output
    assert sorted(p.name for p in (organisations / "essai").rglob("*")) == ["clauses", "retire.yaml"]


def test_a_forged_cache_entry_is_never_trusted(place):
    assert build("essai.yaml", "--out", "sortie", "--format", "html").exit_code == 0
    page = place / "sortie" / "essai" / "politique.html"
    page.write_text("<p>falsifié</p>", encoding="utf-8")
    entry = place / "sortie" / ".policygen-cache" / "normal" / "essai" / "politique.json"
    content = json.loads(entry.read_text(encoding="utf-8"))["contenu"]
    content["fichiers"]["politique.html"] = hashlib.sha256(b"<p>falsifi\xc3\xa9</p>").hexdigest()
    entry.write_text(_sealed(content), encoding="utf-8")  # its seal recomputed from the entry itself
    result = build("essai.yaml", "--out", "sortie", "--format", "html")
    assert result.exit_code == 0 and "(1 fichier" in result.output, result.output  # the page, redone
    assert "falsifié" not in page.read_text(encoding="utf-8")
    # an entry that names a device or a FIFO is read as nothing: the build neither hangs nor reads it
    os.mkfifo(place / "tube")
    content["fichiers"] = {"/dev/zero": "0", "../../tube": "0"}
    entry.write_text(_sealed(content), encoding="utf-8")
    result = build("essai.yaml", "--out", "sortie", "--format", "html")
    assert result.exit_code == 0 and "(1 fichier" in result.output, result.output


def _build_subprocess(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "policygen", "build", *args, "--format", "html", "--jobs", "1",
                           *map(str, LIBRARY)],
                          cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})


def test_build_reads_inputs_with_checks_guards(place):
    own = place / "essai"
    (own / "clauses").mkdir(parents=True)
    os.mkfifo(own / "clauses" / "tube.md")
    (own / "gros.bin").write_bytes(b"x" * 5_000_000)
    (own / "zero").symlink_to("/dev/zero")
    result = _build_subprocess("essai.yaml", "--out", "sortie", cwd=place)  # would block on the FIFO
    assert result.returncode not in (0, 70), result.stdout + result.stderr
    assert "essai" in result.stderr and "Traceback" not in result.stderr
    os.mkfifo(place / "tube.yaml")
    result = _build_subprocess("tube.yaml", "/dev/zero", "--out", "sortie", cwd=place)
    assert result.returncode == 6, result.stderr
    assert "ce n’est pas un fichier ordinaire" in result.stderr


def test_a_non_utf8_file_name_builds_as_check_accepts_it(place):
    name = os.fsdecode(b"essai-\xff.yaml")
    shutil.copy(FIXTURE, place / name)
    result = _build_subprocess(name, "--out", "sortie", cwd=place)
    assert result.returncode == 0 and "Erreur interne" not in result.stderr, result.stderr
    manifest = json.loads((place / "sortie" / "essai" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["fichier_organisation"]["nom"] == "essai-\\xff.yaml"


def test_a_running_builds_work_folder_is_left_alone(place):
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        theirs = place / "sortie" / ".policygen-cache" / "travail" / f".policygen-{other.pid}-essai-x"
        theirs.mkdir(parents=True)
        dead = theirs.with_name(".policygen-999999999-essai-y")
        dead.mkdir()
        assert build("essai.yaml", "--out", "sortie", "--format", "html").exit_code == 0
        assert theirs.is_dir() and not dead.exists()
    finally:
        other.kill()
        other.wait()


def test_a_kill_during_install_leaves_the_old_folder_whole(place, monkeypatch):
    assert build("essai.yaml", "--out", "sortie", "--format", "html").exit_code == 0
    folder = place / "sortie" / "essai"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    edit(place / "essai.yaml")

    def killed(new, target):
        raise KeyboardInterrupt  # the moment before the folder is swapped in
    monkeypatch.setattr(outputs, "swap", killed)
    build("essai.yaml", "--out", "sortie", "--format", "html")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    monkeypatch.undo()
    monkeypatch.chdir(place)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    result = build("essai.yaml", "--out", "sortie", "--format", "html")
    assert result.exit_code == 0 and "(4 fichiers" in result.output, result.output
    assert (folder / "politique.html").read_bytes() != before["politique.html"]  # the new version, whole


class _Killer:
    """A document whose unpickling ends the worker process, as a kill or the OOM killer would."""

    kind = "politique"

    def __reduce__(self):
        return (os._exit, (9,))


def test_a_killed_worker_is_a_located_error(place):
    cache = BuildCache(place / "sortie", "normal")
    plan = Plan(place / "essai.yaml", place / "sortie" / "essai", {"politique": "k"}, ["politique"], {})
    organisation = Organisation(plan, [_Killer()], {"politique": []}, Manifest(place / "essai.yaml", "1"),
                                work_folder(cache, "essai"))
    with pytest.raises(DiagnosticError) as failed:
        run(iter([organisation]), ["html", "docx"], 2, cache, lambda *a: None, lambda *a: None)
    [problem] = failed.value.diagnostics
    assert problem.path == "essai.yaml" and problem.field == "politique" and problem.code == "io.write"
    assert "s’est arrêté avant la fin" in problem.message
    assert not (place / "sortie" / "essai").exists()
    assert not (cache.root / build_module.WORK).exists()  # its work folder swept
