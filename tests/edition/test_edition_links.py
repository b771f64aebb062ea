"""An edition's link to its French original, as each format writes it: relative, to the sibling file of
the same format (« netiquette.pdf » from the PDF, « netiquette.docx » from the Word file), so that it
opens from the body's output folder and the bytes do not depend on where the project is checked out.

WeasyPrint resolves a relative link against its base URL (the templates folder, where the fonts are):
the English PDF used to link to `file:///<checkout>/templates/netiquette.html`. These tests build the
same body from the project and from a copy of it at another path, as a user's checkout and the CI's would be.
"""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT
from policygen.cli.main import main

BODY = FIXTURES / "organismes" / "etablissement-reconnu-en.yaml"


def _checkout(folder: Path) -> Path:
    """A copy of the project's code and library at `folder`, importable as `policygen` from there (the
    library as its package data, as an installed package has it)."""
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "src" / "policygen", folder / "policygen", ignore=ignore)
    shutil.copytree(ROOT / "templates", folder / "policygen" / "templates", ignore=ignore)
    return folder


def _build(checkout: Path, out: Path) -> Path:
    env = {**os.environ, "PYTHONPATH": str(checkout), "SOURCE_DATE_EPOCH": "1767225600"}
    where = subprocess.run([sys.executable, "-c", "from policygen.resources import TEMPLATES; print(TEMPLATES)"],
                           env=env, capture_output=True, text=True, check=True)
    assert where.stdout.strip() == str(checkout / "policygen" / "templates")  # the copy is the one that runs
    done = subprocess.run([sys.executable, "-m", "policygen", "build", str(BODY), "--out", str(out),
                           "--format", "pdf,docx", "--document", "netiquette", "-j", "1"],
                          env=env, capture_output=True, text=True, cwd=checkout)
    assert done.returncode == 0, done.stdout + done.stderr
    return out / BODY.stem


def _build_here(out: Path) -> Path:
    """The same build by this checkout, in this process (no second interpreter to start)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        result = CliRunner().invoke(main, ["build", str(BODY), "--out", str(out), "--format", "pdf,docx",
                                           "--document", "netiquette", "-j", "1"])
    assert result.exit_code == 0, result.output
    return out / BODY.stem


@pytest.fixture(scope="module")
def two_checkouts(tmp_path_factory):
    """The body built by this checkout and by a copy of it somewhere else."""
    here = tmp_path_factory.mktemp("links")
    return [_build_here(here / "out-0"), _build(_checkout(here / "somewhere-else/policygen-checkout"), here / "out-1")]


def _uris(pdf: Path) -> list[str]:
    with pikepdf.open(pdf) as document:
        return [str(annot.A.URI) for page in document.pages for annot in page.obj.get("/Annots", [])
                if "/A" in annot and "/URI" in annot.A]


def test_the_same_body_built_from_two_checkouts_gives_the_same_bytes(two_checkouts):
    first, second = two_checkouts
    for name in ("netiquette.pdf", "netiquette.en.pdf", "netiquette.docx", "netiquette.en.docx"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_the_english_pdf_links_to_the_french_pdf_beside_it(two_checkouts):
    uris = _uris(two_checkouts[0] / "netiquette.en.pdf")
    assert "netiquette.pdf" in uris  # « Read the French original »
    assert not [u for u in uris if not u.startswith(("mailto:", "tel:", "https:", "http:")) and u != "netiquette.pdf"]
    assert all(not u.startswith("file:") for u in _uris(two_checkouts[0] / "netiquette.pdf"))


def test_the_english_word_file_links_to_the_french_word_file_beside_it(two_checkouts):
    with zipfile.ZipFile(two_checkouts[0] / "netiquette.en.docx") as docx:
        relations = docx.read("word/_rels/document.xml.rels").decode("utf-8")
    assert 'Target="netiquette.docx" TargetMode="External"' in relations
    assert "file:" not in relations and ".html" not in relations
