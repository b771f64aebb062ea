"""Parallel and incremental builds: the same bytes whatever the number of processes, nothing
rewritten when nothing changed, exactly the documents a change touches redone, and an
interrupted build that a normal build repairs. What these tests assert holds for any body and any
library, so most build the fixture organisation with the fixture library (tests/fixtures/library:
three short documents, the same layouts, ~1.4 s of CPU for every format against ~7.7 s with the
shipped library, whose load and lint alone take ~2 s in a fresh process)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from policygen.library.loader import load_library

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
ORGANISATIONS = sorted((ROOT / "organisations").glob("*.yaml"))
# A small fixture body (three documents, no edition), built with the shipped library where that library's
# clauses matter; the fixture library (`org_file`'s organisation with LIBRARY) everywhere else.
CLINIQUE = FIXTURES / "organismes" / "clinique.yaml"
LIBRARY = ("--bibliotheque", FIXTURES / "library")
CACHE = ".policygen-cache"
EPOCH = "1767225600"  # 2026-01-01


@pytest.fixture
def build(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)

    def invoke(*args):
        return CliRunner().invoke(main, ["build", *map(str, args)], prog_name="policygen")

    return invoke


def outputs(out: Path) -> dict[str, bytes]:
    """Every output file's bytes, by path, the cache aside."""
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*")) if p.is_file() and CACHE not in p.parts}


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of every file under `out`, the cache included."""
    return {p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(out.rglob("*")) if p.is_file()}


def test_parallel_equals_serial(build, tmp_path, org_file):
    """PDF and Word bytes the same with 1, 2 and 8 processes: the fixture library's three documents (a
    politique with its table of contents and annex, a nétiquette, a fiche in two columns), three layout
    tasks, so that with 2 processes a worker lays out a second document after a first and with 8 each
    starts fresh, while --jobs 1 lays them all out in this process."""
    organisation = org_file()
    built = {}
    for jobs in ("1", "2", "8"):
        result = build(organisation, "--out", tmp_path / jobs, *LIBRARY, "--jobs", jobs)
        assert result.exit_code == 0, result.output
        built[jobs] = outputs(tmp_path / jobs)
    assert built["1"] == built["2"] == built["8"]
    assert sorted(built["1"]) == sorted(["essai/manifest.json", *(f"essai/{kind}.{fmt}" for kind in (
        "fiche-synthese", "netiquette", "politique") for fmt in ("docx", "html", "pdf"))])


def test_nothing_changed_writes_nothing_and_says_the_same_warnings(build, tmp_path):
    out = tmp_path / "sortie"
    first = build(*ORGANISATIONS[:2], "--out", out, "--format", "html", "--detail", "--jobs", "1")
    assert first.exit_code == 0 and "avertissement [organisation.to-confirm]" in first.stderr
    pending = [sum(1 for line in first.stderr.splitlines()
                   if line.startswith(f"{path}:") and "[organisation.to-confirm]" in line) for path in ORGANISATIONS[:2]]
    before = stamps(out)
    time.sleep(0.01)
    result = build(*ORGANISATIONS[:2], "--out", out, "--format", "html", "--detail", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert result.stderr == first.stderr  # the warnings are part of the build's result, kept in the cache
    assert stamps(out) == before
    # without --detail, the values to confirm are counted on each body's line
    result = build(*ORGANISATIONS[:2], "--out", out, "--format", "html")
    for line, path, count in zip(result.stdout.splitlines(), ORGANISATIONS[:2], pending):
        # (other warnings, such as a law read over a year before, are counted after them)
        assert line.startswith(f"{path} : à jour, rien à refaire ({out / path.stem}/) : {count} valeurs à confirmer")
    assert stamps(out) == before


def test_changed_options_or_lost_file_redo_the_build(build, tmp_path, org_file):
    out = tmp_path / "sortie"
    organisation = org_file()
    # in this process (--jobs 1): a pool would start workers that import the writers again, ~2 s of CPU a build
    options = (*LIBRARY, "--jobs", "1")
    assert build(organisation, "--out", out, "--format", "html", *options).exit_code == 0
    (out / "essai" / "netiquette.html").unlink()
    result = build(organisation, "--out", out, "--format", "html", *options)
    assert "(1 fichier" in result.output and (out / "essai" / "netiquette.html").exists()
    # another format is another build; --tout-refaire redoes everything
    assert "(7 fichiers" in build(organisation, "--out", out, "--format", "html,docx", *options).output
    # (the manifest, the same bytes, stays as it was)
    assert "(6 fichiers" in build(organisation, "--out", out, "--format", "html,docx", "--tout-refaire",
                                  *options).output


def test_changed_clause_redoes_exactly_the_documents_that_use_it(build, tmp_path, org_file):
    library = tmp_path / "bibliotheque"
    shutil.copytree(FIXTURES / "library", library)
    organisation = org_file()
    out = tmp_path / "sortie"
    # in HTML: a document is stale or not whatever its formats (test_changed_options_or_lost_file_redo_the_build
    # adds one; the interrupted build's repair compares Word files with a clean build's)
    args = (organisation, "--out", out, "--format", "html", "--bibliotheque", library)
    assert build(*args).exit_code == 0
    before = stamps(out / "essai")

    clause = library / "clauses" / "contact.md"  # politique only
    clause.write_text(clause.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")
    load_library.cache_clear()  # one build per process in real use
    result = build(*args)
    assert result.exit_code == 0, result.output
    after = stamps(out / "essai")
    changed = sorted(name for name in after if after[name] != before[name])
    assert changed == ["manifest.json", "politique.html"]
    assert "Une phrase ajoutée." in (out / "essai" / "politique.html").read_text(encoding="utf-8")

    # a clause in every document redoes them all, and the result is what a clean build gives
    clause = library / "clauses" / "intro.md"
    clause.write_text(clause.read_text(encoding="utf-8") + "\nEncore une phrase.\n", encoding="utf-8")
    load_library.cache_clear()
    assert "(4 fichiers" in build(*args).output
    clean = tmp_path / "propre"
    assert build(organisation, "--out", clean, "--format", "html", "--bibliotheque", library).exit_code == 0
    assert outputs(out) == outputs(clean)


# The build as a child whose installation stops for good once the first organisation is in
# place and recorded: the kill always lands there, between two organisations' installs.
STOPS_AFTER_FIRST_INSTALL = """
import sys, time
import policygen.publishing.build as build
from policygen.cli.main import main
finish = build._finish
def finish_then_stop(*args, **kwargs):
    finish(*args, **kwargs)
    print("--- arrêt ---", flush=True)
    time.sleep(600)
build._finish = finish_then_stop
sys.argv = ["policygen", *sys.argv[1:]]
main()
"""


def test_interrupted_build_then_normal_build_gives_clean_bytes(build, tmp_path, org_file):
    out, clean = tmp_path / "sortie", tmp_path / "propre"
    # two bodies: one installed when the kill lands, one not (a third would be a second « not yet »); their
    # nétiquettes in both writers' formats (the install and the cache treat every document alike, and the
    # nétiquette's Word file needs no politique's page numbers nor fiche's fit), from the fixture library
    organisations = [org_file(name="un.yaml"), org_file(name="deux.yaml")]
    what = ("--format", "html,docx", "--document", "netiquette", *map(str, LIBRARY))
    command = [sys.executable, "-c", STOPS_AFTER_FIRST_INSTALL, "build", *map(str, organisations), "--out", str(out),
               *what, "--jobs", "2", "--silencieux"]
    process = subprocess.Popen(command, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH}, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    try:
        assert "--- arrêt ---\n" in iter(process.stdout.readline, "")  # the first organisation is in place
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # with its workers
        process.wait()
        process.stdout.close()
    assert (out / organisations[0].stem / "manifest.json").is_file()
    assert not (out / organisations[1].stem).exists()
    # a half-written, or altered, entry is never trusted
    entries = sorted((out / CACHE).glob("normal/*/*.json"))
    assert entries
    entries[0].write_text(entries[0].read_text(encoding="utf-8")[:40], encoding="utf-8")

    result = build(*organisations, "--out", out, *what, "--jobs", "1")  # (the repair's processes do not matter)
    assert result.exit_code == 0, result.output
    assert not (out / CACHE / "travail").exists()
    assert build(*organisations, "--out", clean, *what, "--jobs", "1").exit_code == 0
    assert outputs(out) == outputs(clean)


@pytest.mark.parametrize("value", ["0", "deux", "-3", "1000"])
def test_bad_jobs_value_is_refused_in_french(build, value):
    result = build(CLINIQUE, "--jobs", value)
    assert result.exit_code == 2
    assert f"« {value} » n’est pas un nombre de processus : donnez un entier de 1 à 64." in result.output


def modules_loaded(tmp_path: Path, *commands: tuple[str, ...]) -> list[set[str]]:
    """The heavy libraries loaded after each of `commands` (`policygen` arguments), run one after the
    other in one fresh interpreter: what a command imports shows after it, as it would in a process of
    its own, since each assertion below holds that none came before (one interpreter start, ~0.5 s
    of CPU, and one load of each library, instead of one for each command)."""
    script = ("import json, sys\nfrom policygen.cli.main import main\n"
              "for args in json.loads(sys.argv[1]):\n"
              "    try:\n        main(args, prog_name='policygen')\n    except SystemExit as exit:\n"
              "        assert not exit.code, (args, exit.code)\n"
              "    print('LOADED', ' '.join(sorted({m.split('.')[0] for m in sys.modules}"
              " & {'weasyprint', 'docx', 'rich'})))\n")
    result = subprocess.run([sys.executable, "-c", script, json.dumps(commands)], capture_output=True, text=True,
                            cwd=tmp_path, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH}, check=True)
    return [set(line.removeprefix("LOADED").split()) for line in result.stdout.splitlines()
            if line.startswith("LOADED")]


def test_cheap_commands_import_neither_weasyprint_nor_docx(tmp_path, org_file):
    # the builds in HTML with the shipped library (what its clauses and layouts ask for might import a writer),
    # `check` and `explain` with the fixture library (the same code, less to load)
    organisation, small = str(CLINIQUE), str(org_file())
    library = list(map(str, LIBRARY))
    assert modules_loaded(
        tmp_path, ["--help"], ["check", small, *library], ["explain", small, "--document", "netiquette", *library],
        ["build", organisation, "--format", "html", "--jobs", "1"],
        ["build", organisation, "--format", "html"],  # nothing to redo
        # the Word table of contents carries the PDF's page numbers: a Word file is laid out by WeasyPrint too
        # (one document shows it: the fixture library's nétiquette)
        ["build", small, "--format", "docx", "--document", "netiquette", "--jobs", "1", *library],
    ) == [set(), set(), set(), set(), set(), {"docx", "weasyprint"}]
