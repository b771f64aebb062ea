"""One output pipeline: `publish` installs what `build` produced, and the cache knows
policygen's own code, so a change to a writer rebuilds what it writes. None of it depends on the
clauses: the fixture organisation is built with the fixture library (three short documents)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from reviewkit import fixture_documents

import policygen
from policygen.cli.main import main
from policygen.model.serial import from_json, to_json
from policygen.resources import TEMPLATES
from policygen.writers import WRITERS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE = FIXTURES / "organisation.yaml"
LIBRARY = ["--bibliotheque", str(FIXTURES / "library")]
EPOCH = "1767225600"
KINDS = ("politique", "netiquette", "fiche-synthese")


@dataclass
class Published:
    folder: Path  # sortie/ (the build), site/ (the publish)
    writes: list  # (kind, format) of every writer called by `publish`
    assemblies: list  # the arguments of every document assembled by `publish`


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Published:
    """`build` of the fixture organisation in every format, then `publish` of it with the writers and
    the assembly replaced by recorders: once for the module's tests on what `publish` did again."""
    from policygen.publishing import service
    folder = tmp_path_factory.mktemp("publie")
    writes, assemblies = [], []
    real = service.documents_for
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.setenv("SOURCE_DATE_EPOCH", EPOCH)
        shutil.copy(FIXTURE, folder / "essai.yaml")
        built = CliRunner().invoke(main, ["build", "essai.yaml", "--out", "sortie", "--jobs", "1", *LIBRARY])
        assert built.exit_code == 0, built.output
        for fmt in list(WRITERS):
            patch.setitem(WRITERS, fmt, lambda document, path, options, fmt=fmt: writes.append((document.kind, fmt)))
        patch.setattr(service, "documents_for", lambda *args: assemblies.append(args) or real(*args))
        result = CliRunner().invoke(main, ["publish", "essai.yaml", "--out", "sortie", "--site", "site", "--jobs", "1",
                                           *LIBRARY])
        assert result.exit_code == 0, result.output
    return Published(folder, writes, assemblies)


def test_publish_after_build_calls_no_writer(published):
    assert published.writes == []
    for kind in KINDS:
        for fmt in ("docx", "pdf"):  # the very files the build installed
            assert (published.folder / "site" / "essai" / f"{kind}.{fmt}").read_bytes() == \
                (published.folder / "sortie" / "essai" / f"{kind}.{fmt}").read_bytes()


def _build(package: Path, work: Path) -> str:
    result = subprocess.run([sys.executable, "-m", "policygen", "build", "essai.yaml", "--format", "html",
                             "--out", "sortie", "--jobs", "1", *LIBRARY], cwd=work, capture_output=True, text=True,
                            env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(package)})
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_change_to_a_writer_rebuilds_its_documents(tmp_path):
    package = tmp_path / "paquet"
    shutil.copytree(Path(policygen.__file__).parent, package / "policygen",
                    ignore=shutil.ignore_patterns("__pycache__"))
    (package / "policygen" / "templates").symlink_to(TEMPLATES, target_is_directory=True)
    work = tmp_path / "travail"
    work.mkdir()
    shutil.copy(FIXTURE, work / "essai.yaml")
    assert "(4 fichiers" in _build(package, work)
    assert "à jour, rien à refaire" in _build(package, work)
    writer = package / "policygen" / "writers" / "html.py"
    writer.write_text(writer.read_text(encoding="utf-8").replace(
        "path.write_text(render_html(document, options),",
        "path.write_text(render_html(document, options) + '<!-- version modifiée -->',", 1), encoding="utf-8")
    assert "(4 fichiers" in _build(package, work)
    assert "version modifiée" in (work / "sortie" / "essai" / "politique.html").read_text(encoding="utf-8")


def test_where_hard_links_are_refused_files_are_copied(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    organisation = tmp_path / "essai.yaml"
    shutil.copy(FIXTURE, organisation)
    first = CliRunner().invoke(main, ["build", "essai.yaml", "--out", "sortie", "--format", "html", "--jobs", "1",
                                      *LIBRARY])
    assert first.exit_code == 0, first.output
    kept = (tmp_path / "sortie" / "essai" / "netiquette.html").read_bytes()

    def refused(*args, **kwargs):
        raise OSError(18, "Invalid cross-device link")  # EXDEV, as between two file systems
    monkeypatch.setattr(os, "link", refused)
    (tmp_path / "sortie" / "essai" / "a-moi.txt").write_text("à garder", encoding="utf-8")
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("2025-03-01", "2025-03-02"),
                            encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "essai.yaml", "--out", "sortie", "--format", "html", "--jobs", "1",
                                       *LIBRARY])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "sortie" / "essai"
    assert (folder / "a-moi.txt").read_text(encoding="utf-8") == "à garder"  # copied into the new folder
    assert (folder / "netiquette.html").read_bytes() != kept and (folder / "manifest.json").is_file()
    # and the site, which links the build's Word and PDF files, copies them instead
    site = CliRunner().invoke(main, ["publish", "essai.yaml", "--out", "sortie", "--site", "site", "--jobs", "1",
                                     *LIBRARY])
    assert site.exit_code == 0, site.output
    assert (tmp_path / "site" / "essai" / "politique.pdf").read_bytes() == (folder / "politique.pdf").read_bytes()


def test_publish_after_build_lays_the_site_out_from_the_models_the_build_kept(published):
    """Nothing assembled again: the site reads each document's model from the build's cache."""
    assert published.assemblies == []
    folder = published.folder
    for kind in KINDS:
        title = re.search(r"<h1>(.*?)</h1>", (folder / "sortie" / "essai" / f"{kind}.html").read_text("utf-8"))
        page = (folder / "site" / "essai" / f"{kind}.html").read_text("utf-8")
        assert f"<h1>{title.group(1)}</h1>" in page


def test_a_model_kept_in_the_cache_reads_back_whole_and_nothing_else_is_read():
    _, documents = fixture_documents(documents=("politique", "netiquette", "fiche-synthese"))
    for document in documents:
        assert from_json(json.loads(json.dumps(to_json(document)))) == document
    for foreign in ({"_": "Ailleurs"}, {"_": "Text", "text": "a", "autre": 1}, {"_": "Text"}, 1.5,
                    {"_": "date", "iso": 3}):
        with pytest.raises(ValueError):
            from_json(foreign)
