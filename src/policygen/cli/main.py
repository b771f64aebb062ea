"""The `policygen` command: build and check, in French.

Every command ends with an `ExitCode`: after problems, the one their codes call
for (`diagnostics.exit_code`); a write that the system refuses is reported like
any other problem, as an `io.write` diagnostic.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from ..assembly.assemble import documents_for, documents_for_all
from ..assembly.inputs import Loaded, load_all
from ..diagnostics import Diagnostic, DiagnosticError, ExitCode, display_path, exit_code, os_reason, plural
from ..library.context import build_context
from ..library.coverage import coverage
from ..library.loader import load_library
from ..library.schema import Library
from ..model.nodes import Document
from ..orgfile.cadence import overdue, today
from ..publishing.build import LibraryState, Organisation, plan, run, sweep, work_folder
from ..publishing.cache import BuildCache
from ..publishing.manifest import Manifest
from ..publishing.site import NotASiteError, publish_site
from ..publishing.site import Organisation as SiteOrganisation
from ..review.explain import explain as explain_clauses
from ..review.explain import report as explanation_report
from ..resources import TEMPLATES
from ..writers import FORMATS
from ..writers.options import WriterOptions
from . import clickfr
from .progress import BuildProgress

clickfr.install()

T = TypeVar("T")


def _fail(problems: list[Diagnostic], action: str) -> NoReturn:
    """Print every problem, then a summary, and exit with the status their codes call for."""
    for problem in problems:
        click.echo(problem.format(), err=True)
    files = sorted({p.path for p in problems})
    errors = [p for p in problems if p.severity == "erreur"]
    click.echo(f"\n{plural(len(errors), 'erreur')} dans {', '.join(files)} : {action}", err=True)
    sys.exit(exit_code(problems))


def _writing(target: Path, write: Callable[[], T]) -> T:
    """`write()`, or, if the system refuses it, an `io.write` diagnostic and exit 6.

    The writers stage their files beside `target` and move them in at the end,
    so a failed write leaves what `target` already held as it was.
    """
    try:
        return write()
    except OSError as exc:
        where = display_path(target)
        reason = os_reason(exc)
        # name the file that stands where a folder should be
        blocker = next((p for p in (target, *target.parents) if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            reason += f" ({display_path(blocker)})"
        _fail([Diagnostic(where, None, "", f"Écriture impossible : {reason}.",
                          f"Si {where} existe déjà, son contenu est intact.", code="io.write")],
              "rien n’y a été écrit.")


def _choices(value: str | None, known: tuple[str, ...], what: str) -> list[str]:
    """The values named in `value` (all of `known` when it is None), in the order of `known`."""
    if value is None:
        return list(known)
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in known]
    if unknown or not chosen:
        raise click.BadParameter(
            f"{what} inconnu : {', '.join(unknown) or '(aucun)'}. Valeurs permises : {', '.join(known)}.")
    return [k for k in known if k in chosen]


def _library(folder: Path) -> Library:
    try:
        return load_library(folder)
    except DiagnosticError as exc:
        _fail(exc.diagnostics, "la bibliothèque de clauses est invalide.")


class FrenchGroup(click.Group):
    """Catches what should never happen, so the user sees a sentence, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except Exception:  # noqa: BLE001 - the last line of defence
            if os.environ.get("POLICYGEN_DEBUG"):
                traceback.print_exc()
            click.echo("Erreur interne inattendue de policygen. Relancez avec POLICYGEN_DEBUG=1 "
                       "et transmettez le message à l’équipe de soutien.", err=True)
            sys.exit(ExitCode.INTERNAL)


@click.group(cls=FrenchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policygen", message="%(prog)s, version %(version)s")
def main() -> None:
    """Produit la politique, la nétiquette et la fiche-synthèse sur les médias
    sociaux d’un organisme de santé, à partir de son fichier d’organisation."""


# Organisation files are read by the loader, which reports a missing file, a folder or a
# refused permission as an `io.read` problem like any other, hence no check by click.
ORGANISATION_FILE = click.Path(readable=False, path_type=Path)
FILES = click.argument("fichiers", nargs=-1, required=True, metavar="FICHIER...", type=ORGANISATION_FILE)
LIBRARY = click.option("--bibliotheque", "library_dir", default=TEMPLATES, metavar="DOSSIER",
                       type=click.Path(exists=True, file_okay=False, path_type=Path),
                       help="Dossier de la bibliothèque de clauses (clauses/, outlines/, data/). "
                            "[par défaut : celle livrée avec policygen]")


def _documents_option(verb: str):
    return click.option("--document", "documents", default=None, metavar="DOCUMENTS",
                        help=f"Documents à {verb}, séparés par des virgules : ceux dont la bibliothèque a le plan "
                             "(politique, netiquette, fiche-synthese). [par défaut : tous]")


def _build_all(library: Library, fichiers: tuple[Path, ...],
               documents: list[str]) -> dict[Loaded, list[Document]]:
    """Every document of every file, or every problem of every file and exit."""
    loaded, problems = load_all(list(fichiers), library)
    built, failed = documents_for_all(loaded, library, documents)
    problems += failed
    if problems:
        _fail(problems, "aucun document n’a été produit.")
    return built


def _jobs(ctx: click.Context, param: click.Parameter, value: str | None) -> int:
    """The number of worker processes: `value`, or one per core this process may run on."""
    if value is None:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if not value.strip().isdigit() or not 1 <= int(value) <= MAX_JOBS:
        raise click.BadParameter(f"« {value} » n’est pas un nombre de processus : donnez un entier "
                                 f"de 1 à {MAX_JOBS}.")
    return int(value)


MAX_JOBS = 64


@main.command()
@FILES
@click.option("--out", "out_dir", default="output", show_default=True, metavar="DOSSIER",
              type=click.Path(file_okay=False, path_type=Path), help="Dossier où écrire les documents.")
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True, metavar="FORMATS",
              help="Formats à produire, séparés par des virgules : html, docx, pdf.")
@_documents_option("produire")
@click.option("--review", "--revision", "review", is_flag=True,
              help="Version de révision pour les juristes : commentaire de provenance sur chaque clause, "
                   "mention « PROJET — pour révision ». Écrite dans DOSSIER/<nom-du-fichier>/revision/.")
@click.option("--jobs", "-j", "jobs", callback=_jobs, metavar="N",
              help="Nombre de processus qui produisent les fichiers en parallèle. "
                   "[par défaut : un par cœur de l’ordinateur]")
@click.option("--tout-refaire", "rebuild_all", is_flag=True,
              help="Refaire tous les documents, même ceux qui sont à jour (vide le cache de DOSSIER).")
@click.option("--silencieux", "quiet", is_flag=True, help="N’afficher aucune progression pendant la production.")
@LIBRARY
def build(fichiers: tuple[Path, ...], out_dir: Path, formats: str, documents: str | None, review: bool,
          jobs: int, rebuild_all: bool, quiet: bool, library_dir: Path) -> None:
    """Produit les documents de chaque FICHIER d’organisation.

    Écrit DOSSIER/<nom-du-fichier>/politique.{html,docx,pdf}, netiquette.* et
    fiche-synthese.*. Si un fichier contient une erreur, rien n’est écrit et
    les documents déjà produits restent intacts. Seuls les documents dont une
    source a changé (fichier d’organisation, clauses, options, version de
    policygen) sont refaits : le cache est dans DOSSIER/.policygen-cache/.
    """
    chosen_formats = _choices(formats, FORMATS, "Format")
    cache = BuildCache(out_dir, "revision" if review else "normal")
    if rebuild_all:
        _writing(out_dir, cache.clear)
    sweep(cache)
    state = LibraryState.read(library_dir, cache)
    library = None
    index = state.index
    if index is None:
        library = _library(library_dir)
        index = state.indexed(library_dir, {d: [c.path for c in library.clauses if d in c.meta.documents]
                                            for d in library.documents})
    chosen_documents = _choices(documents, tuple(index.documents), "Document")
    plans = plan(list(fichiers), out_dir, review, chosen_documents, chosen_formats, state, index, cache)
    stale = [p for p in plans if p.stale]
    if stale:
        library = library or _library(library_dir)
        loaded, problems = load_all([p.path for p in stale], library)
        if problems:
            _fail(problems, "aucun document n’a été produit.")
        total = sum(len(p.stale) for p in stale) * len(chosen_formats)

        def assembled() -> Iterator[Organisation]:
            """Each organisation's documents, assembled as the workers need them; all problems at the end."""
            failed: list[Diagnostic] = []
            for item, item_plan in zip(loaded, stale):
                try:
                    documents_built = documents_for(item, library, chosen_documents)
                except DiagnosticError as exc:
                    failed.extend(exc.diagnostics)
                    continue
                if not failed:
                    yield Organisation(item_plan, documents_built, Manifest(item.path, library.version, review),
                                       work_folder(cache, item.slug))
            if failed:
                raise DiagnosticError(failed)

        with BuildProgress(total, not quiet) as progress:
            try:
                _writing(out_dir, lambda: run(
                    assembled(), chosen_formats, min(jobs, total), cache,
                    lambda organisation, job: progress.written(organisation.plan.path.stem, job.document.kind,
                                                               job.fmt),
                    lambda organisation, files: click.echo(
                        f"{display_path(organisation.plan.path)} → {organisation.plan.target}/ "
                        f"({plural(len(files), 'fichier')})")))
            except DiagnosticError as exc:
                _fail(exc.diagnostics, "aucun document n’a été produit.")
    if state.index is None:
        _writing(out_dir, lambda: cache.save_library_index(index))
    for item in plans:
        if not item.stale:
            click.echo(f"{display_path(item.path)} : à jour, rien à refaire ({item.target}/).")


@main.command()
@FILES
@LIBRARY
def check(fichiers: tuple[Path, ...], library_dir: Path) -> None:
    """Vérifie chaque FICHIER d’organisation sans rien produire.

    Signale aussi, par un avertissement, les documents dont la date de révision
    est dépassée (aujourd’hui, ou la date de SOURCE_DATE_EPOCH si elle est définie).
    """
    library = _library(library_dir)
    loaded, problems = load_all(list(fichiers), library)
    problems += documents_for_all(loaded, library, list(library.documents))[1]
    warnings = [w for item in loaded for w in overdue(item.organisation, item.located, item.display, today())]
    if problems:
        _fail(problems + warnings, "corrigez-les, puis relancez la vérification.")
    for warning in warnings:
        click.echo(warning.format() + "\n", err=True)
    for item in loaded:
        count = sum(1 for w in warnings if w.path == item.display)
        click.echo(f"{item.display} : aucune erreur, {plural(count, 'avertissement')}." if count
                   else f"{item.display} : aucun problème.")


@main.command()
@click.argument("ancien", metavar="ANCIEN", type=ORGANISATION_FILE)
@click.argument("nouveau", metavar="NOUVEAU", type=ORGANISATION_FILE)
@click.option("--out", "out_dir", default="output/comparaison", show_default=True, metavar="DOSSIER",
              type=click.Path(file_okay=False, path_type=Path), help="Dossier où écrire les comparaisons.")
@_documents_option("comparer")
@LIBRARY
def diff(ancien: Path, nouveau: Path, out_dir: Path, documents: str | None, library_dir: Path) -> None:
    """Compare deux versions d’un fichier d’organisation.

    Écrit, pour chaque document, DOSSIER/<document>.redline.docx (modifications
    suivies de Word : « Accepter tout » donne la nouvelle version, « Refuser
    tout » l’ancienne) et DOSSIER/<document>.diff.html (comparaison à lire dans
    un navigateur), puis affiche les champs modifiés et les clauses touchées.
    """
    from ..review.compare import compare, summary, write_comparison  # python-docx: only when comparing

    library = _library(library_dir)
    chosen_documents = _choices(documents, library.documents, "Document")
    loaded, problems = load_all([ancien, nouveau], library)
    comparison = None
    if not problems:
        try:
            comparison = compare(loaded[0], loaded[1], library, chosen_documents)
        except DiagnosticError as exc:
            problems.extend(exc.diagnostics)
    if problems or comparison is None:
        _fail(problems, "aucune comparaison n’a été produite.")
    _writing(out_dir, lambda: write_comparison(comparison, out_dir))
    click.echo(summary(comparison, loaded[0].display, loaded[1].display, out_dir))


@main.command(short_help="Dit pourquoi chaque clause figure, ou non, dans les documents.")
@click.argument("fichier", metavar="FICHIER", type=ORGANISATION_FILE)
@_documents_option("expliquer")
@LIBRARY
def explain(fichier: Path, documents: str | None, library_dir: Path) -> None:
    """Explique, pour chaque clause de la bibliothèque, si elle figure dans le
    document et pourquoi : sa condition et les valeurs du FICHIER qu’elle a lues."""
    library = _library(library_dir)
    chosen_documents = _choices(documents, library.documents, "Document")
    loaded, problems = load_all([fichier], library)
    if problems:
        _fail(problems, "aucune explication n’a été produite.")
    item = loaded[0]
    context = build_context(item.organisation, library)
    click.echo(f"Fichier : {item.display}")
    for document in chosen_documents:
        click.echo("\n" + explanation_report(library, document, explain_clauses(library, document, context,
                                                                                 item.located), context))


@main.command()
@click.option("--manquantes", is_flag=True, help="N’afficher que les sections qu’aucune clause ne couvre.")
@LIBRARY
def sources(manquantes: bool, library_dir: Path) -> None:
    """Montre, pour chaque section des documents sources, les clauses qui la couvrent.

    Se termine avec le code 1 si une section n’est couverte par aucune clause.
    """
    library = _library(library_dir)
    entries = coverage(library)
    titles = {s["id"]: f"{s.get('organisation', '')} — {s.get('title', '')}" for s in library.sources}
    current = None
    for entry in entries:
        if manquantes and entry.clauses:
            continue
        if entry.source != current:
            current = entry.source
            click.echo(f"\nSource {entry.source} : {titles[entry.source]}")
        covered_by = ", ".join(entry.clauses) if entry.clauses else "AUCUNE CLAUSE"
        click.echo(f"  {entry.section} ({entry.title}) : {covered_by}")
    missing = [e for e in entries if not e.clauses]
    click.echo(f"\nCouverture : {len(entries) - len(missing)} sections sur {len(entries)} ; "
               f"{plural(len(missing), 'section')} sans clause.")
    if missing:
        sys.exit(ExitCode.FINDING)


@main.command()
@FILES
@click.option("--site", "site_dir", required=True, metavar="DOSSIER",
              type=click.Path(file_okay=False, path_type=Path), help="Dossier où écrire le site intranet.")
@LIBRARY
def publish(fichiers: tuple[Path, ...], site_dir: Path, library_dir: Path) -> None:
    """Publie les documents de chaque FICHIER d’organisation en site intranet statique.

    Écrit DOSSIER/index.html (les organismes et leurs documents) et, pour
    chaque document, une page accessible avec sa table des matières et ses
    versions Word et PDF à télécharger. Le site remplace celui qu’une
    publication précédente a écrit dans DOSSIER ; si un fichier contient une
    erreur, rien n’est publié.
    """
    library = _library(library_dir)
    built = _build_all(library, fichiers, list(library.documents))
    organisations = [SiteOrganisation(item.slug, documents[0].organisation, tuple(documents))
                     for item, documents in built.items()]
    try:
        _writing(site_dir, lambda: publish_site(site_dir, organisations))
    except NotASiteError:
        _fail([Diagnostic(display_path(site_dir), None, "",
                          "Écriture refusée : ce dossier contient déjà des fichiers qui ne viennent pas de policygen.",
                          "Choisissez un dossier vide ou un site déjà publié.", code="io.write")],
              "rien n’y a été écrit.")
    click.echo(f"Site publié dans {site_dir}/ ({plural(len(organisations), 'organisme')}) : "
               f"ouvrez {site_dir}/index.html.")
