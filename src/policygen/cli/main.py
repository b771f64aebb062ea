"""The `policygen` command: build and check, in French.

Every command ends with an `ExitCode`: after problems, the one their codes call
for (`diagnostics.exit_code`); a write that the system refuses is reported like
any other problem, as an `io.write` diagnostic.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from ..assembly.assemble import documents_for, documents_for_all
from ..assembly.inputs import Loaded, load_all
from ..assembly.provenance import laws_in_force
from ..diagnostics import Diagnostic, DiagnosticError, ExitCode, display_path, exit_code, os_reason, plural
from ..library.context import build_context
from ..library.coverage import coverage
from ..library.loader import load_library
from ..library.schema import Library
from ..model.nodes import Document
from ..orgfile.advice import advice
from ..orgfile.cadence import overdue, today, unrecorded_version
from ..orgfile.confirm import warnings as confirm_warnings
from ..orgfile.jsonschema import FILE_NAME, organisation_schema
from ..orgfile.migrate import migrate_file
from ..orgfile.naming import conflicts
from ..orgfile.questionnaire import render
from ..orgfile.renames import renamed_keys
from ..orgfile.summary import detail_hint, shown, summary_line
from ..publishing.build import LibraryState, Organisation, plan, run, sweep, work_folder
from ..publishing.cache import BuildCache
from ..publishing.staging import remove_leftovers
from ..publishing.manifest import Manifest
from ..publishing.site import NotASiteError, SiteIsWorkingFolderError, publish_site
from ..publishing.site import Organisation as SiteOrganisation
from ..review.explain import explain as explain_clauses
from ..review.explain import report as explanation_report
from ..resources import TEMPLATES
from ..writers import FORMATS
from . import clickfr
from .progress import BuildProgress
from .questions import Unanswered, ask

clickfr.install()

T = TypeVar("T")


def _fail(problems: list[Diagnostic], action: str) -> NoReturn:
    """Print every problem, then a summary, and exit with the status their codes call for."""
    for problem in problems:
        click.echo(problem.format(), err=True)
    errors = [p for p in problems if p.severity == "erreur"]
    files = sorted({p.path for p in errors})  # a file with only warnings is not to blame
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
        except BrokenPipeError:  # the reader stopped early (`explain … | head`): not a failure
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(ExitCode.OK)
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


def _validate(library: Library, fichiers: tuple[Path, ...],
              documents: list[str]) -> tuple[list[Loaded], dict[Loaded, list[Document]], list[Diagnostic]]:
    """Every file loaded, its documents assembled, and every problem that would stop a build:
    `check` and `build` run this same validation, so what `check` accepts builds."""
    loaded, problems = load_all(list(fichiers), library)
    problems += conflicts((path, display_path(path)) for path in fichiers)
    built, failed = documents_for_all(loaded, library, documents)
    return loaded, built, problems + failed


def _build_all(library: Library, fichiers: tuple[Path, ...], documents: list[str]) -> dict[Loaded, list[Document]]:
    """Every document of every file, or every problem of every file and exit (for `publish`).

    Values still « (à confirmer) » and documents dated before a law they cite are
    warnings, printed here."""
    _, built, problems = _validate(library, fichiers, documents)
    findings = [d for item, docs in built.items()
                for d in (*confirm_warnings(list(item.pending), item.display),
                          *laws_in_force(item, docs, library, "avertissement"))]
    if problems:
        _fail(problems + findings, "aucun document n’a été produit.")
    for warning in findings:
        click.echo(warning.format() + "\n", err=True)
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
@click.option("--final", "final", is_flag=True,
              help="Version définitive : refuse de produire les documents tant qu’une valeur est marquée "
                   "« (à confirmer) » ou qu’un document serait daté d’avant une loi qu’il cite.")
@click.option("--review", "--revision", "review", is_flag=True,
              help="Version de révision pour les juristes : commentaire de provenance sur chaque clause, "
                   "mention « PROJET — pour révision ». Écrite dans DOSSIER/<nom-du-fichier>/revision/.")
@click.option("--jobs", "-j", "jobs", callback=_jobs, metavar="N",
              help="Nombre de processus qui produisent les fichiers en parallèle. "
                   "[par défaut : un par cœur de l’ordinateur]")
@click.option("--tout-refaire", "rebuild_all", is_flag=True,
              help="Refaire tous les documents, même ceux qui sont à jour (vide le cache de DOSSIER).")
@click.option("--silencieux", "quiet", is_flag=True, help="N’afficher aucune progression pendant la production.")
@click.option("--detail", "detail", is_flag=True,
              help="Afficher chaque avertissement en entier (par défaut : une ligne de bilan par organisme).")
@LIBRARY
def build(fichiers: tuple[Path, ...], out_dir: Path, formats: str, documents: str | None, final: bool,
          review: bool, jobs: int, rebuild_all: bool, quiet: bool, detail: bool, library_dir: Path) -> None:
    """Produit les documents de chaque FICHIER d’organisation.

    Écrit DOSSIER/<nom-du-fichier>/politique.{html,docx,pdf}, netiquette.* et
    fiche-synthese.*. Si un fichier contient une erreur, rien n’est écrit et
    les documents déjà produits restent intacts. Seuls les documents dont une
    source a changé (fichier d’organisation, clauses, options, version de
    policygen) sont refaits : le cache est dans DOSSIER/.policygen-cache/.
    """
    chosen_formats = _choices(formats, FORMATS, "Format")
    clashes = conflicts((path, display_path(path)) for path in fichiers)
    if clashes:
        _fail(clashes, "aucun document n’a été produit.")
    cache = BuildCache(out_dir, "revision" if review else "normal")
    if rebuild_all:
        _writing(out_dir, cache.clear)
    sweep(cache)
    # Staging folders a killed `diff` (whose default output is inside this folder) or a build of an
    # earlier version left here; this build's own work folders live in the cache, swept above.
    remove_leftovers(out_dir)
    state = LibraryState.read(library_dir, cache)
    library = None
    index = state.index
    if index is None:
        library = _library(library_dir)
        index = state.indexed(library_dir, {d: [c.path for c in library.clauses if d in c.meta.documents]
                                            for d in library.documents})
    chosen_documents = _choices(documents, tuple(index.documents), "Document")
    plans = plan(list(fichiers), out_dir, review, chosen_documents, chosen_formats, state, index, cache, final)
    stale = [p for p in plans if p.stale]
    if stale:
        library = library or _library(library_dir)
        loaded, problems = load_all([p.path for p in stale], library)
        pending = [d for item in loaded for d in confirm_warnings(list(item.pending), item.display, final)]
        if problems or final and pending:
            _fail(problems + pending, "aucun document n’a été produit.")
        late: list[Diagnostic] = []  # documents dated before a law they cite
        written: dict[Path, int] = {}  # files installed, by organisation file
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
                found = laws_in_force(item, documents_built, library, "erreur" if final else "avertissement")
                (failed if final else late).extend(found)
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
                    lambda organisation, files: written.__setitem__(organisation.plan.path, len(files))))
            except DiagnosticError as exc:
                _fail(exc.diagnostics, "aucun document n’a été produit.")
        for warning in shown(pending + late, detail):
            click.echo(warning.format() + "\n", err=True)
        for item in stale:  # one line per body (orgfile/summary.py)
            click.echo(summary_line(display_path(item.path), str(item.target), written.get(item.path, 0),
                                    pending + late))
        if hint := detail_hint(pending + late, detail):
            click.echo(hint)
    if state.index is None:
        _writing(out_dir, lambda: cache.save_library_index(index))
    for item in plans:
        if not item.stale:
            click.echo(f"{display_path(item.path)} : à jour, rien à refaire ({item.target}/).")


@main.command()
@FILES
@click.option("--migrer", "migrer", is_flag=True,
              help="Réécrit chaque FICHIER d’une forme antérieure dans la forme actuelle, à côté de lui "
                   "(FICHIER-migre.yaml), liste les décisions à prendre, puis vérifie le fichier migré.")
@LIBRARY
def check(fichiers: tuple[Path, ...], migrer: bool, library_dir: Path) -> None:
    """Vérifie chaque FICHIER d’organisation sans rien produire.

    Signale aussi, par un avertissement, les documents dont la date de révision
    est dépassée (aujourd’hui, ou la date de SOURCE_DATE_EPOCH si elle est définie)
    et les valeurs marquées « (à confirmer) » ; et, par une erreur, un document
    qui serait daté d’avant l’entrée en vigueur d’une loi qu’il cite.
    """
    if migrer:
        fichiers = _migrated(fichiers)
    library = _library(library_dir)
    loaded, built, problems = _validate(library, fichiers, list(library.documents))
    problems += [p for item, docs in built.items() for p in (
        *laws_in_force(item, docs, library), *unrecorded_version(item.organisation, item.located, item.display))]
    warnings = [w for item in loaded for w in (*overdue(item.organisation, item.located, item.display, today()),
                                               *confirm_warnings(list(item.pending), item.display),
                                               *renamed_keys(item.located, item.display),
                                               *advice(item.organisation, item.located, item.display))]
    if problems:
        _fail(problems + warnings, "corrigez-les, puis relancez la vérification.")
    for warning in warnings:
        click.echo(warning.format() + "\n", err=True)
    for item in loaded:
        count = sum(1 for w in warnings if w.path == item.display)
        click.echo(f"{item.display} : aucune erreur, {plural(count, 'avertissement')}." if count
                   else f"{item.display} : aucun problème.")


def _migrated(fichiers: tuple[Path, ...]) -> tuple[Path, ...]:
    """Each file written in the current form beside it (orgfile/migrate.py), its decisions listed."""
    written, problems = [], []
    for path in fichiers:
        new, decisions, found = migrate_file(path)
        problems += found
        if new is not None:
            written.append(new)
            click.echo(f"{display_path(path)} → {display_path(new)} : "
                       + (f"{plural(len(decisions), 'décision')} à prendre :" if decisions else "rien à décider."))
            for decision in decisions:
                click.echo(f"  - {decision}")
    if problems:
        _fail(problems, "aucun fichier migré n’a été vérifié.")
    return tuple(written)


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
    context = build_context(item.organisation, item.local.layered(library))
    click.echo(f"Fichier : {item.display}")
    for document in chosen_documents:
        click.echo("\n" + explanation_report(library, document, explain_clauses(library, document, context,
                                                                                 item.located, item.local),
                                              context))


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
    except NotASiteError as exc:
        _fail([Diagnostic(display_path(site_dir), None, "",
                          "Écriture refusée : ce dossier contient des fichiers qu’aucune publication de policygen "
                          f"n’y a écrits ({', '.join(exc.args)}).",
                          "Choisissez un dossier vide ou un site déjà publié, ou déplacez ces fichiers.",
                          code="io.write")],
              "rien n’y a été écrit.")
    except SiteIsWorkingFolderError:
        _fail([Diagnostic(display_path(site_dir), None, "",
                          "Écriture refusée : le site ne peut pas être le dossier courant ni l’un de ses parents.",
                          "Donnez un sous-dossier, par exemple --site site.", code="io.write")],
              "rien n’y a été écrit.")
    click.echo(f"Site publié dans {site_dir}/ ({plural(len(organisations), 'organisme')}) : "
               f"ouvrez {site_dir}/index.html.")


@main.command()
def schema() -> None:
    """Affiche le schéma JSON (2020-12) du fichier d’organisation.

    Enregistrez-le sous le nom organisation.schema.json à côté de vos fichiers : un éditeur
    comme VS Code (extension YAML) complète et vérifie alors le fichier pendant
    la saisie, grâce à sa première ligne :
    « # yaml-language-server: $schema=./organisation.schema.json ».
    """
    click.echo(json.dumps(organisation_schema(), ensure_ascii=False, indent=2))


@main.command()
@click.argument("fichier", metavar="FICHIER", type=click.Path(dir_okay=False, path_type=Path))
def init(fichier: Path) -> None:
    """Crée un fichier d’organisation en posant les questions utiles, dans l’ordre.

    Chaque réponse est vérifiée dès qu’elle est tapée. Le fichier écrit est
    commenté et passe « policygen check ». Le schéma qui permet à un éditeur
    de le compléter (organisation.schema.json) est écrit à côté s’il n’y est pas déjà. Les
    réponses peuvent venir d’un fichier : policygen init FICHIER < reponses.txt
    """
    if os.path.lexists(fichier):  # a dangling link too: it would write wherever it points
        raise click.UsageError(f"{display_path(fichier)} existe déjà : choisissez un autre nom, "
                               "ou supprimez-le d’abord.")
    library = _library(TEMPLATES)

    def verify(answers: dict) -> list[Diagnostic]:
        """What `check` would say of the file these answers make (its errors)."""
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / fichier.name
            path.write_text(render(answers), encoding="utf-8")
            _, built, problems = _validate(library, (path,), list(library.documents))
            problems += [p for item, docs in built.items() for p in (
                *laws_in_force(item, docs, library), *unrecorded_version(item.organisation, item.located, item.display))]
        return [p for p in problems if p.severity == "erreur"]

    usual = {kind: [f"{p['categorie']} ({p['regime']})" for p in terms.get("personnes_visees", [])]
             for kind, terms in library.terms.items() if isinstance(terms, dict)}
    try:
        answers = ask(usual, verify)
    except Unanswered as exc:
        click.echo(f"\nQuestionnaire interrompu à la question « {exc} » : aucun fichier n’a été écrit.",
                   err=True)
        sys.exit(ExitCode.USAGE)
    schema_file = fichier.parent / FILE_NAME

    def write() -> None:
        with open(fichier, "x", encoding="utf-8") as file:  # « x »: never through a link planted meanwhile
            file.write(render(answers))

    _writing(fichier, write)
    if not schema_file.exists():
        _writing(schema_file, lambda: schema_file.write_text(
            json.dumps(organisation_schema(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8"))
    click.echo(f"\n{display_path(fichier)} est écrit. Vérifiez-le avec : policygen check {display_path(fichier)}")
