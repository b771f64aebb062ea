"""The one build service: what `check`, `build` and `publish` do, from one options object.

`check` is the validation of a build without the writing; `build` redoes what the
cache says is stale, in worker processes, and installs each organisation's folder
whole; `publish` is that same build (same cache, same workers, same install) followed
by the site's layout, which renders no DOCX or PDF of its own. Every command grades
the same findings with `findings.SEVERITIES`, so `--final` means the same thing
everywhere. Problems are raised as one `DiagnosticError` holding every problem and
every warning; the command surface (`cli`) only prints and exits.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from ..assembly.assemble import documents_for
from ..assembly.conformity import review_edition
from ..assembly.edition import is_edition, original_kind
from ..assembly.inputs import Loaded, load_all
from ..diagnostics import Diagnostic, DiagnosticError, display_path
from ..library.loader import load_library, organisation_folder, own_files
from ..library.schema import Library
from ..model.nodes import Document
from ..orgfile.cadence import today
from ..orgfile.naming import conflicts, slug
from ..resources import TEMPLATES
from ..writers import FORMATS
from .build import LibraryState, Organisation, Plan, plan, run, start_workers, sweep, work_folder
from .cache import BuildCache
from .findings import Finding, findings, graded
from .manifest import Manifest
from .register import Row, as_of, rows
from .legaltable import site_page
from .site import HOME_LABEL, NotASiteError, SiteIsWorkingFolderError, publish_site, refuse_unless_site
from .site import Organisation as SiteOrganisation
from .staging import remove_leftovers


@dataclass(frozen=True)
class BuildOptions:
    """Everything a command says about a build."""

    out_dir: Path = Path("output")
    formats: tuple[str, ...] = tuple(FORMATS)
    documents: tuple[str, ...] | None = None  # None: every document the library has an outline for
    final: bool = False  # a final version: findings graded by the table's second column
    review: bool = False  # the reviewers' variant, in <out>/<slug>/revision/
    jobs: int = 1
    rebuild_all: bool = False
    library_dir: Path = TEMPLATES


class Progress(Protocol):
    """What the service tells of a long run (the command surface draws it)."""

    def start(self, total: int, what: str) -> None: ...
    def advance(self, label: str) -> None: ...
    def stop(self) -> None: ...


class Silent:
    """No progress shown (a test, a script, a short command)."""

    def start(self, total: int, what: str) -> None:
        pass

    def advance(self, label: str) -> None:
        pass

    def stop(self) -> None:
        pass


__all__ = ["BuildOptions", "LibraryInvalid", "as_built", "NotASiteError", "Progress", "Silent", "SiteIsWorkingFolderError",
           "UnknownChoice",
           "build", "check", "library", "publish", "register"]


class LibraryInvalid(DiagnosticError):
    """The clause library itself is invalid."""


class UnknownChoice(ValueError):
    """A document asked for has no outline: (asked, known)."""


@dataclass
class FileResult:
    """One organisation file's outcome."""

    path: Path
    target: Path
    keys: dict[str, str]  # document -> its key in the build cache
    changed: list[Path] | None = None  # the files this build changed; None: everything was up to date
    documents: list[Document] = field(default_factory=list)  # the models assembled by this run (`keep_models`)


@dataclass
class Outcome:
    results: list[FileResult]
    warnings: list[Diagnostic]


def library(folder: Path) -> Library:
    try:
        return load_library(folder)
    except DiagnosticError as exc:
        raise LibraryInvalid(exc.diagnostics) from exc


def _chosen(asked: tuple[str, ...] | None, known: list[str]) -> list[str]:
    if asked is None:
        return list(known)
    if not asked or set(asked) - set(known):
        raise UnknownChoice(sorted(set(asked) - set(known)), known)
    return [k for k in known if k in asked]


def as_built(documents: list[Document], found: list[Finding]) -> list[Document]:
    """The documents as every command writes them: marked « Projet » while what a final version
    refuses is still in the file (`found`: the findings on them)."""
    draft = any(d.severity == "erreur" for d in graded(found, True, today()))
    return [replace(document, draft=draft) for document in documents]


def _stop_on_errors(problems: list[Diagnostic], found: list[Finding], final: bool) -> list[Diagnostic]:
    """The warnings among the graded `found`; raises with everything if anything is an error."""
    everything = problems + graded(found, final, today())
    if any(d.severity == "erreur" for d in everything):
        raise DiagnosticError(everything)
    return everything


def check(paths: list[Path], options: BuildOptions) -> tuple[list[Loaded], list[Diagnostic]]:
    """The validation of a build of `paths`, writing nothing: the files loaded, and their warnings.

    Raises `DiagnosticError` with every problem and warning when a build would stop."""
    lib = library(options.library_dir)
    documents = _chosen(options.documents, list(lib.documents))
    loaded, problems = load_all(paths, lib)
    problems += conflicts((path, display_path(path)) for path in paths)
    found, assembling = _everything(loaded, lib, documents)
    return loaded, _stop_on_errors(problems + assembling, found, options.final)


def _everything(loaded: list[Loaded], lib: Library, documents: list[str]) -> tuple[list[Finding], list[Diagnostic]]:
    """The findings on each file and on its assembled documents, and the problems assembling them."""
    found: list[Finding] = []
    problems: list[Diagnostic] = []
    for item in loaded:
        try:
            found += findings(item, documents_for(item, lib, documents), lib)
        except DiagnosticError as exc:
            problems += exc.diagnostics
    return found, problems


def _overlaps(paths: list[Path], folder: Path, option: str) -> list[Diagnostic]:
    """`folder` (where `option` writes, in `<folder>/<slug>/`) must neither be nor lie inside an
    organisation's own folder in use (`organisations/<slug>/` with its clauses or laws), and
    `<folder>/<slug>/` must not hold it: writing there would replace them."""
    problems = []
    for path in paths:
        folder_of_its_own = organisation_folder(path)
        if own_files(folder_of_its_own) == ([], []):
            continue  # nothing the loader reads there (« ...yaml » names no folder): nothing to replace
        own = Path(os.path.realpath(folder_of_its_own))
        top, each = Path(os.path.realpath(folder)), Path(os.path.realpath(folder / slug(path)))
        if top.is_relative_to(own) or each.is_relative_to(own) or own.is_relative_to(each):
            problems.append(Diagnostic(
                display_path(path), None, "",
                f"{option} {display_path(folder)} recouvre le dossier propre de l’organisme "
                f"({display_path(organisation_folder(path))}/, ses clauses et ses lois) : policygen y remplacerait "
                "des fichiers.", f"Donnez à {option} un dossier hors de {display_path(organisation_folder(path))}/, "
                "par exemple output.", code="organisation.output"))
    return problems


def build(paths: list[Path], options: BuildOptions, progress: Progress = Silent(), keep_models: bool = False) -> Outcome:
    """Redo what is stale among the documents of `paths` and install each organisation whole.

    Nothing is installed unless every file of every organisation is written; the models assembled
    are kept in the outcome only if `keep_models` (for the site: a build of many organisations lets
    each one's go once its files are written). Raises
    `DiagnosticError` (every problem and warning) when a file is invalid, `OSError` when
    the system refuses a write (earlier outputs are then untouched)."""
    clashes = [*conflicts((path, display_path(path)) for path in paths), *_overlaps(paths, options.out_dir, "--out")]
    if clashes:
        raise DiagnosticError(clashes)
    cache = BuildCache(options.out_dir, "revision" if options.review else "normal")
    if options.rebuild_all:
        cache.clear()
    sweep(cache)
    remove_leftovers(options.out_dir)  # staging folders of a killed `diff` (its default output is in here)
    state = LibraryState.read(options.library_dir, cache)
    lib = None
    index = state.index
    if index is None:  # a cold library: most likely a cold build
        start_workers(list(options.formats), options.jobs)
        lib = library(options.library_dir)
        index = state.indexed(options.library_dir, {d: [c.path for c in lib.clauses if d in c.meta.documents]
                                                    for d in lib.documents})
    documents = _chosen(options.documents, list(index.documents))
    formats = list(options.formats)
    plans = plan(paths, options.out_dir, options.review, documents, formats, state, index, cache)
    cached = [f for p in plans for found in p.found.values() for f in found]
    results = {p.path: FileResult(p.path, p.target, p.keys) for p in plans}
    stale = [p for p in plans if p.stale]
    warnings = _stop_on_errors([], cached, options.final)
    if stale:
        start_workers(list(options.formats), options.jobs)
        lib = lib or library(options.library_dir)
        loaded, problems = load_all([p.path for p in stale], lib)
        early = [f for item in loaded for f in findings(item, [], lib)]  # before any document is assembled
        if problems or any(d.severity == "erreur" for d in graded(cached + early, options.final, today())):
            found, assembling = _everything(loaded, lib, documents)  # stopping: all that `check` says
            _stop_on_errors(problems + assembling, cached + found, options.final)
        late: list[Finding] = []

        def assembled() -> Iterator[Organisation]:
            """Each organisation's documents, assembled as the workers need them; all problems at the end."""
            failed: list[Diagnostic] = []
            for item, item_plan in zip(loaded, stale):
                kept = _kept_models(cache, item.slug, item_plan)
                try:
                    built = documents_for(item, lib, documents if kept is None else item_plan.stale)
                    if options.review:  # the politique's reviewers read the legal table as its last annex
                        built = [review_edition(document, item, lib) for document in built]
                except DiagnosticError as exc:
                    failed.extend(exc.diagnostics)
                    continue
                found = {document.kind: findings(item, [document], lib) for document in built}
                own = [f for each in found.values() for f in each]
                built = as_built(_in_order(built + (kept or []), documents),
                                 own + [f for each in item_plan.found.values() for f in each])
                late.extend(own)
                failed.extend(d for d in graded(own, options.final, today()) if d.severity == "erreur")
                if keep_models:
                    results[item.path].documents = built
                if not failed:
                    yield Organisation(item_plan, built, found, Manifest(item.path, lib.version, options.review),
                                       work_folder(cache, item.slug))
            if failed:
                raise DiagnosticError(failed + [d for d in graded(cached + late, options.final, today())
                                                 if d.severity != "erreur"])

        total = sum(len(p.stale) for p in stale) * len(formats)
        progress.start(total, "Production des documents")
        try:
            run(assembled(), formats, max(1, min(options.jobs, total)), cache,
                lambda organisation, job: progress.advance(
                    f"{organisation.plan.path.stem} · {job.document.kind} ({job.fmt.upper()})"),
                lambda organisation, files: setattr(results[organisation.plan.path], "changed", files))
        finally:
            progress.stop()
        warnings = _stop_on_errors([], cached + late, options.final)
    if state.index is None:
        cache.save_library_index(index)
    return Outcome(list(results.values()), warnings)


def _kept_models(cache: BuildCache, slug: str, item_plan: Plan) -> list[Document] | None:
    """The cached models of the documents `item_plan` keeps (its own and its editions'), so that
    only the stale ones are assembled again (the manifest lists every document's clauses); None
    when the cache lacks one: everything is then assembled."""
    kept = []
    for kind in item_plan.found:
        models = cache.models(slug, kind, item_plan.keys[kind])
        if models is None:
            return None
        kept += models
    return kept


def _in_order(models: list[Document], documents: list[str]) -> list[Document]:
    """`models` in the order `documents_for` gives them: the French documents in the order asked,
    then the editions in their originals' order."""
    return sorted(models, key=lambda d: (is_edition(d), documents.index(original_kind(d.kind))))


def _assembled_all(paths: list[Path], outcome: Outcome, options: BuildOptions) -> list[tuple[Loaded, list[Document]]]:
    """Every file of a successful build with its documents, as the build made them: assembled by this
    run, or kept in the cache with the files they were written from, an English edition's with its
    original's (assembled again only when the cache no longer holds them), for the site's pages and
    register."""
    lib = library(options.library_dir)
    loaded, problems = load_all(paths, lib)
    if problems:  # the build has just accepted these files: only a change in between gets here
        raise DiagnosticError(problems)
    cache = BuildCache(options.out_dir, "normal")
    results = {r.path: r for r in outcome.results}
    kinds = _chosen(options.documents, list(lib.documents))
    out = []
    for item in loaded:
        result = results[item.path]
        documents = result.documents
        if not documents:
            cached = [cache.models(item.slug, kind, result.keys[kind]) for kind in kinds]
            documents = (documents_for(item, lib, kinds) if None in cached
                         else _french_then_editions([model for models in cached for model in models]))
        out.append((item, documents))
    return out


def _french_then_editions(documents: list[Document]) -> list[Document]:
    """The cached models in the order `documents_for` gives: the French documents, then the editions."""
    return [d for d in documents if not is_edition(d)] + [d for d in documents if is_edition(d)]


def publish(paths: list[Path], options: BuildOptions, site_dir: Path, progress: Progress = Silent()) -> Outcome:
    """`build` every format of the normal variant (the site links to each), then lay out the site.

    The site folder is checked first (`NotASiteError`, `SiteIsWorkingFolderError`), so a
    refused site costs no build; the site is swapped in whole once laid out."""
    overlaps = _overlaps(paths, site_dir, "--site")
    if overlaps:
        raise DiagnosticError(overlaps)
    refuse_unless_site(site_dir)
    options = replace(options, formats=tuple(FORMATS), review=False)
    outcome = build(paths, options, progress, keep_models=True)
    targets = {result.path: result.target for result in outcome.results}
    lib, built = library(options.library_dir), _assembled_all(paths, outcome, options)
    on = as_of([item for item, _ in built])
    publish_site(site_dir, [SiteOrganisation(item.slug, documents[0].organisation, tuple(documents),
                                             targets[item.path], tuple(_register(item, documents, lib, on)),
                                             site_page(item, documents, lib, HOME_LABEL))
                            for item, documents in built], on)
    return outcome


def _register(item: Loaded, documents: list[Document], lib: Library, on: dt.date) -> list[Row]:
    """The body's register rows; a draft is what a final version would refuse."""
    final = graded(findings(item, documents, lib), True, on)
    return rows(item, documents, on, any(d.severity == "erreur" for d in final))


def register(paths: list[Path], options: BuildOptions) -> list[Row]:
    """The register of the bodies of `paths` (what the site shows), from a validation like `check`'s:
    raises `DiagnosticError` when a build of them would stop."""
    lib = library(options.library_dir)
    loaded, _ = check(paths, options)
    on = as_of(loaded)
    return [row for item in loaded for row in _register(item, documents_for(item, lib, list(lib.documents)), lib, on)]
