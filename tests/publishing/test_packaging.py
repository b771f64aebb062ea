"""The shipped library, layouts, styles and fonts are package data: a wheel of the
project, installed outside the source tree, builds an organisation's documents from
another folder.

To stay quick, every module and every file of the library (outlines, clauses, data, styles,
fonts, the English edition's) is found in the installed copy with the bytes of the source tree, and
the installed copy builds one document, the fiche-synthèse, in the three formats: each writer's
own package data (the page styles, the Word styles and fonts, the print stylesheet and fonts) is the
same for every document.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from conftest import ROOT

pytestmark = pytest.mark.packaging


def run(*args, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}"
    return result


def can_build_wheels() -> bool:
    try:
        setuptools = version("setuptools")
    except PackageNotFoundError:
        return False
    major, minor = (int(part) for part in setuptools.split(".")[:2])
    return (major, minor) >= (70, 1) or ((major, minor) >= (68, 0) and importlib.util.find_spec("wheel") is not None)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The project built as a wheel from a copy of its sources (so nothing is written into
    the work tree) and installed with `pip install --target`."""
    tmp = tmp_path_factory.mktemp("packaging")
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("src", "templates"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "--quiet"]
    # Without build isolation when the venv can build wheels itself (setuptools ≥ 68, as
    # pyproject.toml asks, with bdist_wheel: setuptools ≥ 70.1 or the wheel package): no
    # download and quicker. Otherwise pip fetches the backend (from its cache when offline).
    isolation = ["--no-build-isolation"] if can_build_wheels() else []
    run(*pip, "wheel", "--no-deps", *isolation, "-w", tmp / "wheel", source, cwd=tmp)
    [wheel] = (tmp / "wheel").glob("policygen-*.whl")
    target = tmp / "site-packages"
    run(*pip, "install", "--no-deps", "--target", target, wheel, cwd=tmp)
    return target


def test_an_installed_wheel_builds_from_any_folder(installed, tmp_path):
    work = tmp_path / "ailleurs"
    work.mkdir()
    shutil.copy2(ROOT / "organisations" / "cisss-laurentides.yaml", work / "organisme.yaml")
    # The installed copy first on the path; the current folder is not the project.
    env = {**os.environ, "PYTHONPATH": str(installed)}
    env.pop("SOURCE_DATE_EPOCH", None)
    where = run(sys.executable, "-c", "import policygen.resources as r; print(r.__file__); print(r.TEMPLATES)",
                cwd=work, env=env).stdout.split()
    assert all(Path(p).is_relative_to(installed) for p in where), where

    package = installed / "policygen"
    for source, copy in ((ROOT / "src" / "policygen", package), (ROOT / "templates", package / "templates")):
        files = sorted(p.relative_to(source) for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        assert files and all((copy / name).read_bytes() == (source / name).read_bytes() for name in files), source

    out = tmp_path / "sortie"
    run(sys.executable, "-m", "policygen", "build", "organisme.yaml", "--out", out, "--document", "fiche-synthese",
        cwd=work, env=env)
    folder = out / "organisme"
    assert 'lang="fr-CA"' in (folder / "fiche-synthese.html").read_text(encoding="utf-8")
    word = docx.Document(str(folder / "fiche-synthese.docx"))
    assert word.core_properties.language == "fr-CA"
    assert any(p.style.name == "Heading 1" for p in word.paragraphs)
    pdf = PdfReader(str(folder / "fiche-synthese.pdf"))
    assert pdf.metadata.title.startswith("Fiche-synthèse")
    assert "médias sociaux" in pdf.pages[0].extract_text()
    fonts = [f.get_object() for page in pdf.pages for f in page["/Resources"]["/Font"].values()]
    # The packaged fonts were found and embedded (not a system fallback).
    assert fonts and all("Lato" in str(f["/BaseFont"]) for f in fonts), [f["/BaseFont"] for f in fonts]
