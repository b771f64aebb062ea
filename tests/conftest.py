"""Shared fixtures: a tiny clause library and organisation for unit tests;
session-scoped outputs (each organisation built once, the site published once,
the sample documents written once) that many tests read back."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.cli.main import main
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


# Property tests draw the same examples on every run (derandomize: no seed, no example
# database), so CI passes or fails the same way each time; POLICYGEN_HYPOTHESIS=long draws
# fresh ones, with the test files' own variables (POLICYGEN_FUZZ_EXAMPLES,
# POLICYGEN_DIFF_EXAMPLES) for more examples.
settings.register_profile("fixed", derandomize=True, database=None)
settings.register_profile("long", derandomize=False)
settings.load_profile("long" if os.environ.get("POLICYGEN_HYPOTHESIS") == "long" else "fixed")


# Log records outside our control, (logger, message start), each with its reason.
EXPECTED_ELSEWHERE: tuple[tuple[str, str], ...] = ()  # none today (writers/pdf.py subsets the fonts itself)


def stray(record: logging.LogRecord) -> bool:
    """A WARNING or worse that says something about our code or data."""
    return record.levelno >= logging.WARNING and not any(
        record.name == name and record.getMessage().startswith(start) for name, start in EXPECTED_ELSEWHERE)


@pytest.fixture(autouse=True)
def no_stray_log(request, caplog):
    """A WARNING or worse from any logger (root included) during a test's setup or call fails
    it, as an ignored CSS rule or a missing font is a defect. A test that expects one says so
    with @pytest.mark.expected_log and checks it with caplog. Session fixtures set up inside
    a test's setup phase are covered too."""
    yield
    if request.node.get_closest_marker("expected_log"):
        return
    strays = [f"{r.name} {r.levelname}: {r.getMessage()}" for when in ("setup", "call")
              for r in caplog.get_records(when) if stray(r)]
    if strays:
        pytest.fail("unexpected log records (fix the cause, or mark the test expected_log):\n"
                    + "\n".join(strays), pytrace=False)


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/goldens/ from the document model the code assembles now")


def run_once(*args) -> None:
    """`policygen` in-process for a session fixture; SOURCE_DATE_EPOCH unset so the dates are
    the organisation files' whatever the shell says."""
    result = CliRunner().invoke(main, [str(a) for a in args], env={"SOURCE_DATE_EPOCH": None})
    assert result.exit_code == 0, result.output


# Rendering PDFs dominates the suite's time: each organisation's are rendered once, by
# `built`; `site` publishes what `built` produced (nothing is rendered again).
# Tests read these outputs instead of building their own.

@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """`policygen build` on every organisation file, once."""
    out = tmp_path_factory.mktemp("output")
    run_once("build", *ORGANISATIONS, "--out", out)
    return out


@pytest.fixture(scope="session")
def site(built, tmp_path_factory) -> Path:
    """`policygen publish` on every organisation file, once, installing what `built` produced."""
    target = tmp_path_factory.mktemp("intranet") / "site"
    run_once("publish", *ORGANISATIONS, "--site", target, "--out", built)
    return target


@pytest.fixture(scope="session")
def cisss_builds(built, tmp_path_factory) -> dict[str, Path]:
    """The CISSS file built plainly (its folder in `built`) and for review: the politique
    only, the one document the review tests read in every format."""
    out = tmp_path_factory.mktemp("cisss")
    run_once("build", ROOT / "organisations" / "cisss-laurentides.yaml", "--out", out, "--review",
             "--document", "politique")
    return {"plain": built / "cisss-laurentides", "review": out / "cisss-laurentides" / "revision"}


@dataclass(frozen=True)
class Ran:
    exit_code: int
    output: str  # standard output and error, interleaved


# Root reads and writes past file permissions through two capabilities; without them in its
# bounding set a child run as root meets them as any user does (CI runs as root).
MEET_PERMISSIONS = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"] if os.geteuid() == 0 else []


@pytest.fixture
def run_unprivileged(tmp_path):
    """`policygen` in a child process, in `tmp_path`, that file permissions stop even as root."""
    def invoke(*args) -> Ran:
        process = subprocess.run([*MEET_PERMISSIONS, sys.executable, "-m", "policygen", *map(str, args)],
                                 cwd=tmp_path, env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"},
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
        return Ran(process.returncode, process.stdout)
    return invoke


def output_files(out: Path, extension: str) -> list[Path]:
    """Every document's file of that format (a site's register pages, index.html, are not documents)."""
    documents = load_library().documents
    files = sorted(path for path in out.glob(f"*/*.{extension}") if path.stem in documents)
    assert len(files) == len(ORGANISATIONS) * len(documents)
    return files


def sample_files(out: Path, extension: str) -> list[Path]:
    """One file of each document kind, each from another organisation: every layout (table of
    contents, columns, title block) for the outside validators (LibreOffice, outloud,
    page-validation, axe-core), which are slow, at a fifth of the cost of every file."""
    files = output_files(out, extension)
    kinds = sorted({path.stem for path in files})
    folders = sorted({path.parent for path in files})
    return [folders[index % len(folders)] / f"{kind}.{extension}" for index, kind in enumerate(kinds)]


SAMPLES = {"rich": samples.rich_politique, "dense-fiche": samples.dense_fiche}


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)


SAMPLE_LOGS: list[str] = []  # WARNING records logged while `sample_outputs` rendered


@pytest.fixture(scope="session")
def sample_outputs(tmp_path_factory) -> Path:
    """The hand-built sample documents in every format, once: out/<name>.<format>.
    What any logger said meanwhile is kept in SAMPLE_LOGS for the writers' tests."""
    out = tmp_path_factory.mktemp("samples")
    collect = _Collect()
    logging.getLogger().addHandler(collect)
    try:
        for name, make in SAMPLES.items():
            document = make()
            for fmt, write in WRITERS.items():
                write(document, out / f"{name}.{fmt}")
    finally:
        logging.getLogger().removeHandler(collect)
    SAMPLE_LOGS.extend(f"{r.name}: {r.getMessage()}" for r in collect.records if stray(r))
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
    return {(item.slug, doc.kind): doc for item in loaded for doc in documents_for(item, library, list(library.documents))}


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
