"""Shared fixtures: a tiny clause library and organisation for unit tests;
session-scoped outputs that many tests read back.

The shared build (read it, never build the same bodies again in a test):
- `built`: `policygen build` of the five shipped organisations, every document in every
  format, once for the whole run (out/<slug>/<document>.<format>);
- `bodies_built`: the fixture bodies of tests/fixtures/organismes/, HTML, once (their text; the
  Word writer prints the HTML's words, tests/writers/test_parity.py on every shipped body's files);
- `site`: `publish` of what `built` produced; `cisss_builds`: the CISSS politique for review (Word, HTML);
- `review_built`: a fixture clinic's politique for review, in every format (its legal-table annex);
- `english_politique_built`: a fixture body's politique with its English edition, in every format;
- `sample_outputs`: the hand-built sample documents (tests/samples.py) in every format;
- `models` / `body_models`: the document models behind `built` / `bodies_built`;
- `word_as_pdf`, `outloud_results`: one LibreOffice run and one outloud run over every file their
  tests read (each start costs more than a file).
Each is made once per run even under pytest-xdist (`make test` runs `-n 2`), in the run's
shared temporary folder under a file lock (`shared_output`): in a whole run by a process started
beside the workers (tests/prebuild.py), otherwise by the first worker to need it. A test that must build afresh (the cache, an
interruption, permissions, byte identity across --jobs) builds the smallest body that shows
what it asserts (tests/fixtures/organisation.yaml or one fixture body) and says why."""

from __future__ import annotations

import fcntl
import json
import logging
import os
import pickle
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
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

import readback
import samples  # tests/ is on sys.path: pytest puts a conftest's folder there

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
ORGANISATIONS = sorted((ROOT / "organisations").glob("*.yaml"))
BODIES = sorted((FIXTURES / "organismes").glob("*.yaml"))  # the fixture bodies, in `bodies_built`
ANNEX_BODY = FIXTURES / "organismes" / "clinique.yaml"  # its politique for review, in `review_built`
RECOGNISED_BODY = FIXTURES / "organismes" / "etablissement-reconnu-en.yaml"  # in `english_politique_built`
EPOCH = "1767225600"  # 2026-01-01: the date the builds of the tests that set SOURCE_DATE_EPOCH give
CHROMIUM = Path(os.environ.get("POLICYGEN_CHROMIUM", "/usr/bin/chromium"))
SOFFICE = shutil.which("soffice")
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


# The test files that take longest (their own builds, diffs, validators and the shared builds
# they wait for), longest first, from `--durations` (r7, 7 December 2026, 18:50 UTC: every file's
# measured total; the four last from the run before). `make test` hands whole files to the two
# workers in collection order (`--no-loadscope-reorder`: xdist's own order puts the files with most
# tests first, which left the longest few to run alone at the end); these first, the rest after in
# their usual order, so the last files are short ones. A long file missing here ends the run alone. The
# files that read outloud's or LibreOffice's report (made last by the prebuild) come after the first ones.
LONGEST_FIRST = (
    "review/test_one_diff.py", "publishing/test_incremental.py", "review/test_diff_cli.py",
    "publishing/test_packaging.py", "publishing/test_one_pipeline.py", "writers/test_accessibility.py",
    "cli/test_exit_codes.py",
    "publishing/test_register.py", "review/test_review.py", "publishing/test_publish_attacks.py",
    "model/test_typography.py", "publishing/test_manifest_reproducible.py", "writers/test_at_a_glance.py",
    "review/test_conformity_annex.py", "edition/test_english_politique.py",
    "publishing/test_projet_mark.py", "edition/test_edition_links.py", "orgfile/test_bounds.py",
    "publishing/test_conformity_page.py", "cli/test_check_parity.py", "writers/test_pdf_fonts.py",
    "edition/test_english_reading3.py", "edition/test_editions.py", "cli/test_init_bodies.py",
    "writers/test_independent_checks.py", "review/test_redline.py", "cli/test_attacks_2026.py",
    "cli/test_hostile_cli.py", "assembly/test_law_read.py", "cli/test_one_rule.py", "publishing/test_site.py",
    "writers/test_roundtrip.py", "library/test_phrasing_property.py", "cli/test_init.py", "writers/test_lead_in.py",
    "edition/test_edition_checks.py", "writers/test_layout_shared.py", "cli/test_fuzz_orgfile.py",
    "writers/test_fiche_fit.py", "cli/test_law_2026.py", "library/test_library_public.py", "writers/test_pdf.py",
    "writers/test_parity.py",
)


def pytest_collection_modifyitems(items):
    """Longest files first (LONGEST_FIRST), each file's tests in their own order; the same order
    in every xdist worker, as it requires."""
    rank = {name: index for index, name in enumerate(LONGEST_FIRST)}
    tests = Path(__file__).parent

    def key(item) -> int:
        name = Path(str(item.path)).relative_to(tests).as_posix()
        return rank.get(name, len(rank))
    items.sort(key=key)  # stable: the other files, and the tests in a file, keep their order


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/goldens/ from the document model the code assembles now")


def run_once(*args, epoch: str | None = None) -> None:
    """`policygen` in-process for a session fixture; SOURCE_DATE_EPOCH is `epoch`, unset by default so
    the dates are the organisation files' whatever the shell says."""
    result = CliRunner().invoke(main, [str(a) for a in args], env={"SOURCE_DATE_EPOCH": epoch})
    assert result.exit_code == 0, result.output


def shared_root(tmp_path_factory) -> Path:
    """The run's shared temporary folder: under pytest-xdist the parent of each worker's own."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def make_shared(root: Path, name: str) -> None:
    """Fill `root/name` with SHARED[name] unless it is done (`.done`); the WARNING records any logger
    gave meanwhile go to `<name>.log` for the tests that read the folder (`shared_output`)."""
    folder, done = root / name, root / f"{name}.done"
    if done.exists():
        return
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    collect = _Collect()
    logging.getLogger().addHandler(collect)
    try:
        SHARED[name](folder)
    finally:
        logging.getLogger().removeHandler(collect)
    (root / f"{name}.log").write_text("".join(f"{r.name}: {r.getMessage()}\n" for r in collect.records
                                              if stray(r)), encoding="utf-8")
    done.touch()


def shared_output(tmp_path_factory, name: str, strays_fail: bool = True) -> Path:
    """The folder `name` that SHARED[name] fills, made once per test run.

    Under pytest-xdist each worker is a process with its own session fixtures; they share the
    run's temporary folder, where whoever holds the lock first makes the folder and the others
    wait for it and read it: the prebuild started with the run (`pytest_sessionstart`), or else
    the first worker to need it. One that failed midway leaves no `.done` mark, so the next one
    starts over (and fails the same way, in a test). A WARNING logged meanwhile fails the tests
    that read the folder (as `no_stray_log` fails a test for one logged in its setup), unless
    `strays_fail` is false and they check the records themselves (`shared_logs`)."""
    root = shared_root(tmp_path_factory)
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        make_shared(root, name)
    if strays_fail and (strays := shared_logs(root, name)):
        pytest.fail(f"unexpected log records while making {name}:\n" + "\n".join(strays), pytrace=False)
    return root / name


def shared_logs(root: Path, name: str) -> list[str]:
    return (root / f"{name}.log").read_text(encoding="utf-8").splitlines()


def _publish_site(target: Path) -> None:
    run_once("publish", *ORGANISATIONS, "--site", target / "site", "--out", target.parent / "output")


def _write_samples(out: Path) -> None:
    for name, make in SAMPLES.items():
        document = make()
        for fmt, write in WRITERS.items():
            write(document, out / f"{name}.{fmt}")


def _assemble(out: Path) -> None:
    """Every fixture body's and shipped organisation's documents, assembled with the shipped library:
    models.pickle, {slug: {kind: Document}} (the loaded files hold the library's functions: each process
    loads those itself, in a tenth of a second)."""
    library = load_library()
    loaded, problems = load_all([*BODIES, *ORGANISATIONS], library)
    assert not problems, problems
    models = {item.slug: {doc.kind: doc for doc in documents_for(item, library, list(library.documents))}
              for item in loaded}
    (out / "models.pickle").write_bytes(pickle.dumps(models, protocol=pickle.HIGHEST_PROTOCOL))


def outloud_files(root: Path) -> list[Path]:
    """The PDFs outloud reads, in the run's shared folder `root`: the sample of every layout (`sample_files`),
    the English nétiquette, the review edition with its legal table's annex, the English politique."""
    return [*sample_files(root / "output", "pdf"), root / "output" / "cisss-laurentides" / "netiquette.en.pdf",
            root / "annexe" / ANNEX_BODY.stem / "revision" / "politique.pdf",
            root / "politique-en" / RECOGNISED_BODY.stem / "politique.en.pdf"]


def _outloud(out: Path) -> None:
    root = out.parent  # the files named from it: the report holds wherever the folder is
    run = subprocess.run([str(Path(sys.executable).with_name("outloud")), "--json", "-", "--fail-on", "never",
                          *(str(path.relative_to(root)) for path in outloud_files(root))],
                         capture_output=True, text=True, timeout=900, cwd=root)
    (out / "results.json").write_text(run.stdout, encoding="utf-8")


def word_files(out: Path) -> list[Path]:
    """The Word files LibreOffice lays out: every layout in each language (`sample_files`: one of
    each kind, each from another organisation; every English edition) and every body's fiche."""
    documents = output_files(out, "docx")
    english = sorted(set(out.glob("*/*.docx")) - set(documents))
    assert english, "no English edition in the build"
    fiches = [path for path in documents if path.stem == "fiche-synthese"]
    return sorted({*sample_files(out, "docx"), *english, *fiches})


def _libreoffice(out: Path) -> None:
    """`word_files` and the review edition's Word file (its legal table's annex) converted to PDF in one
    LibreOffice process: out/<organisation, or revision>/<document>.pdf."""
    if SOFFICE is None:  # `word_as_pdf` skips, or fails on CI, saying so
        raise FileNotFoundError("soffice")
    root = out.parent
    profile = out / "profil"  # a private profile: no clash with another LibreOffice running
    flat = out / "word"  # one folder, one name per file (organisation -- document), for one process
    flat.mkdir()
    for path in [*word_files(root / "output"), root / "annexe" / ANNEX_BODY.stem / "revision" / "politique.docx"]:
        shutil.copy(path, flat / f"{path.parent.name}--{path.name}")
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(flat), *map(str, sorted(flat.glob("*.docx")))],
                   check=True, capture_output=True, timeout=600)
    for pdf in flat.glob("*.pdf"):
        folder, name = pdf.name.split("--")
        (out / folder).mkdir(exist_ok=True)
        pdf.rename(out / folder / name)


# Rendering PDFs and laying out Word files dominate the suite's time: each organisation's are
# rendered once, by `built`, and each fixture body's once, by `bodies_built`; `site` publishes
# what `built` produced (nothing is rendered again). Tests read these outputs instead of
# building their own. The folders, in the order the prebuild makes them (the most read first,
# `intranet` after the `output` it publishes):
SHARED: dict[str, Callable[[Path], None]] = {
    # the document models of every fixture body and shipped organisation (`assembled`), first: most test
    # files read them
    "models": _assemble,
    # `policygen build` on every organisation file (one process per core)
    "output": lambda out: run_once("build", *ORGANISATIONS, "--out", out),
    # the CISSS politique built for review, its Word file and web page (what its tests read: the comments
    # of a public body's clauses; the PDF of a review edition is `annexe`'s, a shorter one)
    "cisss": lambda out: run_once("build", ROOT / "organisations" / "cisss-laurentides.yaml", "--out", out,
                                  "--review", "--document", "politique", "--format", "html,docx", "-j", "1"),
    # a private clinic's politique built for review, in every format: the legal table's annex, and the
    # review edition's PDF (its draft mark and notes) for the readers and the outside validators
    "annexe": lambda out: run_once("build", ANNEX_BODY, "--out", out, "--review", "--document", "politique", "-j", "1"),
    "intranet": _publish_site,
    # the politique of the body recognised under art. 29.1, French and English, in every format (the English
    # edition's tests read each format), dated by SOURCE_DATE_EPOCH as those tests' own builds are
    "politique-en": lambda out: run_once("build", RECOGNISED_BODY, "--out", out, "--document", "politique",
                                         "-j", "1", epoch=EPOCH),
    # every fixture body, HTML only (Word files would lay each document out in WeasyPrint for its
    # page numbers: ~2.6 s of CPU a body, for words the HTML already shows)
    "organismes": lambda out: run_once("build", *BODIES, "--out", out, "--format", "html", "--silencieux"),
    "samples": _write_samples,
    # the outside checkers, each started once for every file its tests hand it (a start costs more than
    # a file: outloud ~1.3 s of CPU, LibreOffice seconds), after what they read
    "outloud": _outloud,
    "libreoffice": _libreoffice,
}
PREBUILD: list[subprocess.Popen] = []


def pytest_sessionstart(session):
    """A whole run under pytest-xdist (`make test`): the shared outputs are made from the start by a
    process beside the workers (tests/prebuild.py), which holds their locks until each is done.
    Otherwise the first worker to need one made it while the other waited for it, though the files
    handed out first need none. A run of chosen files makes only what its tests ask for."""
    config = session.config
    if (hasattr(config, "workerinput") or config.getoption("dist", "no") == "no" or config.option.collectonly
            or config.args_source is not pytest.Config.ArgsSource.TESTPATHS):
        return
    root = config._tmp_path_factory.getbasetemp()  # xdist gives each worker a subfolder of it
    locks = []
    for name in SHARED:
        lock = os.open(root / f"{name}.lock", os.O_WRONLY | os.O_CREAT, 0o644)
        fcntl.flock(lock, fcntl.LOCK_EX)
        locks.append(lock)
    with open(root / "prebuild.log", "w") as log:
        PREBUILD.append(subprocess.Popen(
            [sys.executable, Path(__file__).with_name("prebuild.py"), root,
             *(f"{name}={lock}" for name, lock in zip(SHARED, locks))],
            pass_fds=locks, stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
    for lock in locks:
        os.close(lock)  # the prebuild's copies hold them now


def pytest_unconfigure(config):
    """A run stopped early (-x, Ctrl-C) stops the prebuild, with its build's workers."""
    for process in PREBUILD:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="session", autouse=True)
def shared_readback(tmp_path_factory) -> None:
    """What one process extracts from a PDF (readback.pdf_read) the others read: kept in the run's
    shared folder, as every built PDF is read by several test files in both workers."""
    folder = shared_root(tmp_path_factory) / "readback"
    folder.mkdir(exist_ok=True)
    readback.SHARED_CACHE[:] = [folder]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """`policygen build` on every organisation file, once: out/<slug>/<document>.<format>."""
    return shared_output(tmp_path_factory, "output")


@pytest.fixture(scope="session")
def bodies_built(tmp_path_factory) -> Path:
    """Every fixture body (tests/fixtures/organismes/), its documents in HTML, once: out/<slug>/<document>.html."""
    return shared_output(tmp_path_factory, "organismes")


@pytest.fixture(scope="session")
def site(built, tmp_path_factory) -> Path:
    """`policygen publish` on every organisation file, once, installing what `built` produced."""
    return shared_output(tmp_path_factory, "intranet") / "site"


@pytest.fixture(scope="session")
def cisss_builds(built, tmp_path_factory) -> dict[str, Path]:
    """The CISSS file built plainly (its folder in `built`) and for review: the politique
    only, its Word file and web page."""
    out = shared_output(tmp_path_factory, "cisss")
    return {"plain": built / "cisss-laurentides", "review": out / "cisss-laurentides" / "revision"}


@pytest.fixture(scope="session")
def review_built(tmp_path_factory) -> Path:
    """The clinic's politique built for review (ANNEX_BODY), in every format, once: its folder, with
    revision/politique.{html,docx,pdf}."""
    return shared_output(tmp_path_factory, "annexe") / ANNEX_BODY.stem


@pytest.fixture(scope="session")
def english_politique_built(tmp_path_factory) -> Path:
    """The recognised body's politique (RECOGNISED_BODY), French and English, in every format, once: its
    folder, with politique{,.en}.{html,docx,pdf}."""
    return shared_output(tmp_path_factory, "politique-en") / RECOGNISED_BODY.stem


@pytest.fixture(scope="session")
def outloud_results(built, review_built, english_politique_built, tmp_path_factory) -> dict[Path, dict]:
    """outloud's result for each of `outloud_files`, from the run's one run of it: {path: its result}."""
    folder = shared_output(tmp_path_factory, "outloud")
    results = {folder.parent / result["path"]: result
               for result in json.loads((folder / "results.json").read_text(encoding="utf-8"))["results"]}
    assert sorted(results) == sorted(outloud_files(folder.parent))
    return results


@pytest.fixture(scope="session")
def word_as_pdf(built, review_built, tmp_path_factory) -> Path:
    """`word_files` and the review edition's Word file as LibreOffice lays them out, from the run's one
    LibreOffice run: <folder>/<organisation, or revision>/<document>.pdf."""
    if SOFFICE is None:
        message = ("LibreOffice est introuvable (soffice) : « make test » l’installe quand il tourne en root "
                   "(apt-get install libreoffice-writer-nogui).")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return shared_output(tmp_path_factory, "libreoffice")


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
    What any logger said meanwhile is kept in SAMPLE_LOGS for the writers' tests (as every xdist
    worker reads it from the file beside the folder, whoever wrote them)."""
    out = shared_output(tmp_path_factory, "samples", strays_fail=False)
    SAMPLE_LOGS[:] = shared_logs(out.parent, "samples")
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
def assembled(tmp_path_factory) -> dict[str, tuple]:
    """Every fixture body and shipped organisation loaded and assembled once, with the shipped
    library: {slug: (loaded item, {kind: Document})}, fixture bodies first. The documents are assembled
    once for the run (`_assemble`, ~3 s of CPU), each xdist worker loads the files."""
    library = load_library()
    loaded, problems = load_all([*BODIES, *ORGANISATIONS], library)
    assert not problems, problems
    models = pickle.loads((shared_output(tmp_path_factory, "models") / "models.pickle").read_bytes())
    return {item.slug: (item, models[item.slug]) for item in loaded}


@pytest.fixture(scope="session")
def models(assembled) -> dict[tuple[str, str], Document]:
    """The document models behind `built`: {(organisation slug, kind): Document}."""
    return {(path.stem, kind): doc for path in ORGANISATIONS for kind, doc in assembled[path.stem][1].items()}


@pytest.fixture(scope="session")
def body_models(assembled) -> dict[tuple[str, str], Document]:
    """The document models behind `bodies_built`: {(fixture body slug, kind): Document}."""
    return {(path.stem, kind): doc for path in BODIES for kind, doc in assembled[path.stem][1].items()}


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
