"""Shared fixtures: a tiny clause library and organisation for unit tests;
session-scoped outputs (each organisation built once, the site published once,
the sample documents written once) that many tests read back."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.cli.main import main
from policygen.library.schema import DOCUMENTS
from policygen.library.loader import load_library
from policygen.model.nodes import Document
from policygen.writers import WRITERS

import samples  # tests/ is on sys.path: pytest puts a conftest's folder there

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
ORGANISATIONS = sorted((ROOT / "organisations").glob("*.yaml"))
CHROMIUM = Path(os.environ.get("POLICYGEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-dev-shm-usage"]  # containers often have a tiny /dev/shm


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/goldens/ from the document model the code assembles now")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """`policygen build` on every organisation file, once."""
    out = tmp_path_factory.mktemp("output")
    result = CliRunner().invoke(main, ["build", *map(str, ORGANISATIONS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """`policygen publish` on every organisation file, once."""
    target = tmp_path_factory.mktemp("intranet") / "site"
    result = CliRunner().invoke(main, ["publish", *map(str, ORGANISATIONS), "--site", str(target)])
    assert result.exit_code == 0, result.output
    return target


def output_files(out: Path, extension: str) -> list[Path]:
    files = sorted(out.glob(f"*/*.{extension}"))
    assert len(files) == len(ORGANISATIONS) * len(DOCUMENTS)
    return files


SAMPLES = {"rich": samples.rich_politique, "dense-fiche": samples.dense_fiche}


@pytest.fixture(scope="session")
def sample_outputs(tmp_path_factory) -> Path:
    """The hand-built sample documents in every format, once: out/<name>.<format>."""
    out = tmp_path_factory.mktemp("samples")
    for name, make in SAMPLES.items():
        document = make()
        for fmt, write in WRITERS.items():
            write(document, out / f"{name}.{fmt}")
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by playwright; never a browser downloaded by playwright."""
    if not CHROMIUM.exists():
        message = (f"Chromium est introuvable ({CHROMIUM}) : « make test » l’installe quand il tourne en root "
                   "(apt-get install chromium).")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def models() -> dict[tuple[str, str], Document]:
    """The document models behind `built`: {(organisation slug, kind): Document}."""
    library = load_library()
    loaded, problems = load_all(ORGANISATIONS, library)
    assert not problems
    return {(item.slug, doc.kind): doc for item in loaded for doc in documents_for(item, library, list(DOCUMENTS))}


@pytest.fixture(scope="session")
def fixture_library():
    return load_library(FIXTURES / "library")


@pytest.fixture
def org_file(tmp_path):
    """Write a copy of the fixture organisation, optionally edited, and return its path."""

    def make(replacements: dict[str, str] | None = None, name: str = "essai.yaml") -> Path:
        text = (FIXTURES / "organisation.yaml").read_text(encoding="utf-8")
        for old, new in (replacements or {}).items():
            assert old in text, old
            text = text.replace(old, new)
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return make
