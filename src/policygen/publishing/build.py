"""A build: which documents must be redone (`plan`), and redoing them in worker processes (`run`).

Every file is written by `outputs.write_file`, in this process or in a worker: the
same function on the same model, so the bytes do not depend on the number of
processes. Files are written into a work folder per organisation, inside the cache;
once all of an organisation's files are written they are installed together and
only then recorded in the cache.
"""

from __future__ import annotations

import contextlib
import gc
import json
import multiprocessing
import multiprocessing.forkserver
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from ..assembly.edition import original_kind
from ..diagnostics import Diagnostic, DiagnosticError, display_path
from ..model.nodes import Document, document_texts
from ..orgfile.naming import slug
from ..resources import TEMPLATES
from ..writers.options import WriterOptions
from .cache import BuildCache, LibraryIndex, digest, document_key, file_hashes, organisation_inputs
from .findings import Finding
from .manifest import Manifest, recorded
from .outputs import FileJob, install, stage, write_file
from .staging import remove_leftovers

WORK = "travail"  # the work folders of a build in progress, inside the cache
WRITER_FOLDERS = ("layouts", "styles", "fonts")  # what the writers read from policygen's own library
# What a worker imports before its first file, once, in the fork server (per format).
PRELOAD = {"pdf": "policygen.writers.pdf", "docx": "policygen.writers.docx.document",
           "html": "policygen.writers.preload"}
# Run as a script (the console script `policygen`, not `python -m policygen`), the parent's main is
# run again by each worker before its first task (multiprocessing's « main » fix-up): what the console
# script imports, the command line with the library's schemas and the build service (0.5 s of CPU a
# worker), is then imported once, in the fork server.
SCRIPT_PRELOAD = "policygen.cli.main"


@dataclass(frozen=True)
class LibraryState:
    """The library's files as they are now, and which of them each document depends on."""

    hashes: dict[str, str]
    digest: str
    index: LibraryIndex | None  # None: not in the cache, the library must be loaded
    writers: dict[str, str]  # the files the writers read from policygen's own library

    @staticmethod
    def read(root: Path, cache: BuildCache) -> LibraryState:
        hashes = file_hashes(root)
        whole = digest(json.dumps(hashes, sort_keys=True).encode("utf-8"))
        writers = {f"{folder}/{path}": sha for folder in WRITER_FOLDERS
                   for path, sha in file_hashes(TEMPLATES / folder).items()}
        return LibraryState(hashes, whole, cache.library_index(whole), writers)

    def files_of(self, index: LibraryIndex, document: str) -> dict[str, str | None]:
        """{path: sha256} of every library file `document` depends on."""
        return {**{p: self.hashes.get(p) for p in index.documents[document]},
                **{f"policygen:{p}": sha for p, sha in self.writers.items()}}

    def indexed(self, root: Path, clauses: dict[str, list[Path]]) -> LibraryIndex:
        """The index of the loaded library: `clauses` names the clause files of each document."""
        return LibraryIndex.of(root, self.hashes, clauses, self.digest)


@dataclass
class Plan:
    """One organisation file: where its documents go and which of them must be redone."""

    path: Path
    target: Path
    keys: dict[str, str]  # document -> key
    stale: list[str]  # documents to redo, in the order asked
    found: dict[str, list[Finding]]  # the findings the cache holds on each document not redone


def plan(paths: list[Path], out_dir: Path, review: bool, documents: list[str], formats: list[str],
         library: LibraryState, index: LibraryIndex, cache: BuildCache, everything: bool = False) -> list[Plan]:
    """What each file needs redone: the documents whose key the cache does not hold (all when `everything`)."""
    plans = []
    for path in paths:
        target = out_dir / slug(path) / "revision" if review else out_dir / slug(path)
        inputs = organisation_inputs(path)
        keys = {d: document_key(d, formats, review, inputs, library.files_of(index, d)) for d in documents}
        manifest = recorded(target)
        found = {} if everything else {
            d: cached for d, k in keys.items()
            if (cached := cache.fresh(slug(path), d, k, target, [f"{d}.{fmt}" for fmt in formats],
                                      manifest)) is not None}
        stale = [d for d in documents if d not in found]
        if not stale and not manifest:
            stale = documents[:1]  # a lost manifest is rewritten by redoing the first document
        plans.append(Plan(path, target, keys, stale, found))
    return plans


@dataclass
class Organisation:
    """An organisation being built: its documents and the findings on each, files left to write, work folder."""

    plan: Plan
    documents: list[Document]  # let go once its folder is staged (`_stage`)
    found: dict[str, list[Finding]]  # document -> findings
    manifest: Manifest
    work: Path
    left: int = 0  # files handed out and not yet written
    queued: bool = False  # every file of it handed out (or held to be)
    staged: bool = False
    changed: list[str] = field(default_factory=list)  # once staged: the names this build changes
    # once staged: (document, the kinds it covers — its own and its editions' —, its files' sha256)
    entries: list[tuple[str, list[str], dict[str, str]]] = field(default_factory=list)


# Formats whose writers share one WeasyPrint layout of a document (the Word table of contents
# takes the PDF's page numbers): written in one task, so that one worker lays the document out once.
LAID_OUT = ("pdf", "docx")
Task = tuple[FileJob, ...]
# The short tasks of this many organisations, the last assembled, wait to fill the cores' ends (`run`).
QUICK_HELD = 2


def tasks(jobs: list[FileJob]) -> Iterator[Task]:
    """One document's `jobs` as tasks: its PDF and Word file together (the PDF first, which lays
    the document out), each other file alone."""
    shared = tuple(sorted((job for job in jobs if job.fmt in LAID_OUT), key=lambda job: LAID_OUT.index(job.fmt)))
    if shared:
        yield shared
    yield from ((job,) for job in jobs if job.fmt not in LAID_OUT)


# A layout in columns (the fiche) is laid out several times, its measures at two or three sizes then the
# final one (writers/columns.py `fit`): per character of text it takes about three times a single column's
# time (measured on the shipped bodies: a 5,300-character fiche 0.9 s of CPU, a 5,500-character
# nétiquette 0.35 s, a 65,000-character politique 3.6 s).
COLUMNS_COST = 3


def _cost(task: Task) -> tuple[bool, int]:
    """How long a task is expected to take, to start the longest first: a layout (PDF, Word) before a
    web page, then by the length of the document's text, a layout in columns weighed as its
    several layouts (COLUMNS_COST)."""
    document = task[0].document
    return task[0].fmt in LAID_OUT, (sum(map(len, document_texts(document)))
                                     * (COLUMNS_COST if document.layout.columns > 1 else 1))


def write_task(task: Task) -> None:
    """Write a task's files; then the layout they shared is let go, before the worker's next document.

    The collector's automatic passes are paused meanwhile: a layout makes millions of objects, which
    set off full collections that free nothing while the document is still being written (0.7 of
    9.2 s of CPU for two bodies); the writers collect where it frees memory (`render_pdf` before the
    PDF/UA repair, `release_layouts` after the document), and the peak stays the same."""
    paused = gc.isenabled()
    gc.disable()
    try:
        for job in task:
            write_file(job)
    finally:
        if paused:
            gc.enable()
    if any(job.fmt in LAID_OUT for job in task):
        from ..writers.pdf import release_layouts  # WeasyPrint: imported only by a build that lays out
        release_layouts()


def _workers(formats: list[str]) -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    main = sys.modules.get("__main__")
    script = getattr(getattr(main, "__spec__", None), "name", None) is None and hasattr(main, "__file__")
    context.set_forkserver_preload(sorted({PRELOAD[f] for f in formats if f in PRELOAD} | ({SCRIPT_PRELOAD} if script else set())))
    return context


def start_workers(formats: list[str], processes: int) -> None:
    """Start the fork server of the workers now, so that it imports the writers (WeasyPrint,
    python-docx: 1 to 2 s) while this process loads the library and assembles, instead of after."""
    if processes > 1:
        _workers(formats)
        multiprocessing.forkserver.ensure_running()


def _pool_jobs(jobs: Iterator[Task], formats: list[str], processes: int) -> Iterator[FileJob]:
    """Write every task's files in `processes` worker processes, yielding each job once written.

    Tasks are drawn from `jobs` as workers free up, at most two per process in flight: the
    caller prepares the next ones while the workers write, and memory stays bounded."""
    context = _workers(formats)
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        pending: dict[Future, tuple[int, Task]] = {}
        submitted = 0

        def submit() -> None:
            nonlocal submitted
            task = next(jobs, None)
            if task is not None:
                pending[pool.submit(write_task, task)] = (submitted, task)
                submitted += 1
        for _ in range(2 * processes):
            submit()
        while pending:
            finished, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=lambda f: pending[f][0]):
                try:
                    future.result()
                except BrokenProcessPool as exc:
                    raise WorkerLost(pending[future][1][0]) from exc
                yield from pending.pop(future)[1]
                submit()


class WorkerLost(Exception):
    """A worker process died (killed, out of memory) while it wrote `args[0]` (a `FileJob`)."""


def _inline_jobs(jobs: Iterator[Task]) -> Iterator[FileJob]:
    for task in jobs:
        write_task(task)
        yield from task


def run(organisations: Iterable[Organisation], formats: list[str], processes: int, cache: BuildCache,
        written: Callable[[Organisation, FileJob], None], installed: Callable[[Organisation, list[Path]], None]) -> None:
    """Write the stale documents of every organisation, then install each organisation's files.

    `organisations` is drawn lazily, so the next is assembled while workers write; none is
    installed before every file of every organisation is written, so an organisation that
    fails to assemble (its iterator raises) or a file that cannot be written leaves every
    output folder as it was. `written` is told of each file,
    `installed` of each organisation in place."""
    owner: dict[Path, Organisation] = {}
    waiting: list[Organisation] = []  # drawn and not yet installed, in the order given
    drawn = False

    def jobs() -> Iterator[Task]:
        """Each organisation's longest layout (its longest text) as soon as it is assembled; its other
        tasks later, longest first and its web pages (a few hundredths of a second) last, to fill each
        core's end while the last long layouts run: those of the last QUICK_HELD organisations, so
        that the others' models can be let go. A build's end then waits on no long layout started
        after the other core's last short task (the politiques are the critical path)."""
        nonlocal drawn
        held: list[Task] = []
        laying_out = any(fmt in LAID_OUT for fmt in formats)
        for organisation in organisations:
            waiting.append(organisation)
            if len(waiting) > QUICK_HELD:
                work = waiting[-QUICK_HELD - 1].work
                yield from (task for task in held if task[0].path.parent == work)
                held = [task for task in held if task[0].path.parent != work]
            own: list[Task] = []
            quick: list[FileJob] = []  # its web pages, one task: a worker writes them in a blink
            for document in organisation.documents:
                if original_kind(document.kind) in organisation.plan.stale:  # an edition goes with its original
                    files = [FileJob(document, fmt, organisation.work / f"{document.kind}.{fmt}",
                                     WriterOptions(review=organisation.manifest.review)) for fmt in formats]
                    organisation.left += len(files)
                    owner.update((job.path, organisation) for job in files)
                    for task in tasks(files):
                        if task[0].fmt in LAID_OUT:
                            own.append(task)
                        else:
                            quick.extend(task)
            if len(own) > 1:  # a document's text is read only to order several
                own.sort(key=_cost, reverse=True)
            own += [tuple(quick)] if quick else []
            # The first organisation's all at once: the other core would otherwise wait for the next assembly.
            if len(waiting) == 1 or not laying_out:
                yield from own
            else:
                yield from own[:1]
                held += own[1:]
            organisation.queued = True
            ready(organisation)  # its files may all be written already (`--jobs 1`)
        yield from sorted(held, key=_cost, reverse=True)
        drawn = True

    def ready(organisation: Organisation) -> None:
        """Stage an organisation as soon as all its files are written."""
        if organisation.queued and organisation.left == 0 and not organisation.staged:
            _stage(organisation, formats, cache)

    def install_written() -> None:
        """Install, in the order given, the organisations whose files are all written."""
        while drawn and waiting and all(organisation.left == 0 for organisation in waiting):
            _finish(waiting.pop(0), cache, installed)

    try:
        for job in _pool_jobs(jobs(), formats, processes) if processes > 1 else _inline_jobs(jobs()):
            organisation = owner.pop(job.path)
            written(organisation, job)
            organisation.left -= 1
            ready(organisation)
            install_written()
        install_written()
    except WorkerLost as lost:
        job = lost.args[0]
        raise DiagnosticError([Diagnostic(
            display_path(owner[job.path].plan.path), None, job.document.kind,
            f"Le processus qui produisait {job.document.kind}.{job.fmt} s’est arrêté avant la fin "
            "(interrompu par le système, ou à court de mémoire) : aucun document n’a été installé.",
            "Relancez la commande ; si cela se reproduit, essayez --jobs 1.", code="io.write")]) from lost
    finally:
        sweep(cache)


def _stage(organisation: Organisation, formats: list[str], cache: BuildCache) -> None:
    """Everything of an organisation's install that does not touch its folder, as soon as its files are
    written (its folder waits for every other organisation's files): its work folder made whole
    (`outputs.stage`), its models kept in the cache; then its models are let go, so that a build of
    many organisations does not hold them all until the end."""
    plan = organisation.plan
    organisation.changed = stage(organisation.work, plan.target, organisation.documents, formats,
                                 organisation.manifest)
    models = {document.kind: document for document in organisation.documents}
    for document in plan.stale:
        kinds = [document, *(kind for kind in models if kind != document and original_kind(kind) == document)]
        cache.record_models(slug(plan.path), document, plan.keys[document], [models[kind] for kind in kinds])
        names = [f"{kind}.{fmt}" for kind in kinds for fmt in formats]  # an edition's files too
        organisation.entries.append((document, kinds,
                                     {name: digest((organisation.work / name).read_bytes()) for name in names}))
    organisation.documents = []
    organisation.staged = True


def _finish(organisation: Organisation, cache: BuildCache,
            installed: Callable[[Organisation, list[Path]], None]) -> None:
    plan = organisation.plan
    files = install(organisation.work, plan.target, organisation.changed)
    for document, kinds, hashes in organisation.entries:
        cache.record(slug(plan.path), document, plan.keys[document], hashes,
                     [f for kind in kinds for f in organisation.found[kind]])
    installed(organisation, files)


def work_folder(cache: BuildCache, slug: str) -> Path:
    """A new work folder, named after this process (`staging`'s rule: only a dead run's are swept)."""
    (cache.root / WORK).mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".policygen-{os.getpid()}-{slug}-", dir=cache.root / WORK))


def sweep(cache: BuildCache) -> None:
    """Remove this process's work folders and those interrupted builds left, never another running build's."""
    folder = cache.root / WORK
    if folder.is_dir():
        for own in folder.glob(f".policygen-{os.getpid()}-*"):
            shutil.rmtree(own, ignore_errors=True)
        remove_leftovers(folder)
        with contextlib.suppress(OSError):  # empty unless another build is running
            folder.rmdir()

