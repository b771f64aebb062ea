"""The `policygen` command: build and check, in French.

Every command ends with an `ExitCode`: after problems, the one their codes call
for (`diagnostics.exit_code`); a write that the system refuses is reported like
any other problem, as an `io.write` diagnostic.
"""

from __future__ import annotations

import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from ..diagnostics import Diagnostic, DiagnosticError, ExitCode, display_path, exit_code, os_reason, plural
from ..library.coverage import coverage
from ..orgfile.jsonschema import FILE_NAME, schema_text
from ..orgfile.migrate import migrate_file
from ..orgfile.questionnaire import render
from .summary import detail_hint, shown, summary_line
from ..publishing import service
from ..publishing.legal import conformity_tables, law_changes
from ..publishing.register import as_csv, as_json
from ..publishing.service import BuildOptions, LibraryInvalid, NotASiteError, SiteIsWorkingFolderError, UnknownChoice
from ..review.explain import explain_file
from ..resources import TEMPLATES
from ..writers import FORMATS
from . import clickfr
from .progress import TerminalProgress
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


def _writing(target: Path, write: Callable[[], T], *others: Path) -> T:
    """`write()`, or, if the system refuses it, an `io.write` diagnostic and exit 6.

    Files are staged beside `target` (or `others`, the other folders the command writes
    into) and moved in at the end, so a failed write leaves what they held as it was.
    """
    try:
        return write()
    except OSError as exc:
        failed = Path(os.path.abspath(exc.filename)) if isinstance(exc.filename, str) else None
        target = next((t for t in (target, *others) if failed and failed.is_relative_to(os.path.abspath(t))),
                      target)
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


def _library(folder: Path) -> service.Library:
    try:
        return service.library(folder)
    except LibraryInvalid as exc:
        _fail(exc.diagnostics, "la bibliothèque de clauses est invalide.")


def _served(run: Callable[[], T], out_dir: Path, action: str, *others: Path) -> T:
    """`run()` (a call to the build service), its problems printed and the command ended by them."""
    try:
        return _writing(out_dir, run, *others)
    except LibraryInvalid as exc:
        _fail(exc.diagnostics, "la bibliothèque de clauses est invalide.")
    except DiagnosticError as exc:
        _fail(exc.diagnostics, action)
    except UnknownChoice as exc:
        unknown, known = exc.args
        raise click.BadParameter(f"Document inconnu : {', '.join(unknown) or '(aucun)'}. "
                                 f"Valeurs permises : {', '.join(known)}.", param_hint="'--document'") from exc


def _warn(warnings: list[Diagnostic]) -> None:
    for warning in warnings:
        click.echo(warning.format() + "\n", err=True)


def _document_names(value: str | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(v.strip() for v in value.split(",") if v.strip())


class FrenchGroup(click.Group):
    """Catches what should never happen, so the user sees a sentence, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except DiagnosticError as exc:  # a located problem found past the checks (an own clause that fails)
            _fail(exc.diagnostics, "corrigez-les, puis relancez la commande.")
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


FINAL = click.option("--final", "final", is_flag=True,
                     help="Version définitive : refuse les documents tant qu’une valeur est marquée "
                          "« (à confirmer) », qu’un document serait daté d’avant une loi qu’il cite ou "
                          "qu’une obligation légale de l’organisme n’est pas couverte (voir « conformite »).")


def _documents_option(verb: str):
    return click.option("--document", "documents", default=None, metavar="DOCUMENTS",
                        help=f"Documents à {verb}, séparés par des virgules : ceux dont la bibliothèque a le plan "
                             "(politique, netiquette, fiche-synthese). [par défaut : tous]")


def _jobs(ctx: click.Context, param: click.Parameter, value: str | None) -> int:
    """The number of worker processes: `value`, or one per core this process may run on."""
    if value is None:
        return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if not value.strip().isdigit() or not 1 <= int(value) <= MAX_JOBS:
        raise click.BadParameter(f"« {value} » n’est pas un nombre de processus : donnez un entier "
                                 f"de 1 à {MAX_JOBS}.")
    return int(value)


MAX_JOBS = 64

def _site(site_dir: Path, write: Callable[[], T]) -> T:
    """`write()` into the site folder, its refusals said in French."""
    try:
        return write()
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


OUT = click.option("--out", "out_dir", default="output", show_default=True, metavar="DOSSIER",
                   type=click.Path(file_okay=False, path_type=Path), help="Dossier où écrire les documents.")
JOBS = click.option("--jobs", "-j", "jobs", callback=_jobs, metavar="N",
                    help="Nombre de processus qui produisent les fichiers en parallèle. "
                         "[par défaut : un par cœur de l’ordinateur]")
QUIET = click.option("--silencieux", "quiet", is_flag=True, help="N’afficher aucune progression pendant la production.")


@main.command()
@FILES
@OUT
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True, metavar="FORMATS",
              help="Formats à produire, séparés par des virgules : html, docx, pdf.")
@_documents_option("produire")
@FINAL
@click.option("--review", "--revision", "review", is_flag=True,
              help="Version de révision pour les juristes : commentaire de provenance sur chaque clause, "
                   "mention « PROJET — pour révision ». Écrite dans DOSSIER/<nom-du-fichier>/revision/.")
@JOBS
@click.option("--tout-refaire", "rebuild_all", is_flag=True,
              help="Refaire tous les documents, même ceux qui sont à jour (vide le cache de DOSSIER).")
@QUIET
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
    options = BuildOptions(out_dir, tuple(_choices(formats, FORMATS, "Format")), _document_names(documents),
                           final, review, jobs, rebuild_all, library_dir)
    outcome = _served(lambda: service.build(list(fichiers), options, TerminalProgress(not quiet)), out_dir,
                      "aucun document n’a été produit.")
    _warn(shown(outcome.warnings, detail))
    for result in outcome.results:  # one line per body (cli/summary.py)
        click.echo(summary_line(display_path(result.path), str(result.target),
                                None if result.changed is None else len(result.changed), outcome.warnings))
    if hint := detail_hint(outcome.warnings, detail):
        click.echo(hint)


@main.command()
@FILES
@click.option("--migrer", "migrer", is_flag=True,
              help="Réécrit chaque FICHIER d’une forme antérieure dans la forme actuelle, à côté de lui "
                   "(FICHIER-migre.yaml), liste les décisions à prendre, puis vérifie le fichier migré.")
@_documents_option("vérifier")
@FINAL
@LIBRARY
def check(fichiers: tuple[Path, ...], documents: str | None, final: bool, migrer: bool,
          library_dir: Path) -> None:
    """Vérifie chaque FICHIER d’organisation sans rien produire.

    Fait la même validation que « build » (et, avec --final, que « build --final ») :
    ce que « check » accepte se produit. Signale aussi, par un avertissement, les
    documents dont la date de révision est dépassée (aujourd’hui, ou la date de
    SOURCE_DATE_EPOCH si elle est définie) et les valeurs marquées « (à confirmer) ».
    """
    if migrer:
        fichiers = _migrated(fichiers)
    options = BuildOptions(documents=_document_names(documents), final=final, library_dir=library_dir)
    loaded, warnings = _served(lambda: service.check(list(fichiers), options), Path("."),
                               "corrigez-les, puis relancez la vérification.")
    _warn(warnings)
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
@QUIET
@LIBRARY
def diff(ancien: Path, nouveau: Path, out_dir: Path, documents: str | None, quiet: bool, library_dir: Path) -> None:
    """Compare deux versions d’un fichier d’organisation.

    Écrit, pour chaque document, DOSSIER/<document>.redline.docx (modifications
    suivies de Word : « Accepter tout » donne la nouvelle version, « Refuser
    tout » l’ancienne) et DOSSIER/<document>.diff.html (comparaison à lire dans
    un navigateur), puis affiche les champs modifiés et les clauses touchées.
    """
    from ..review.compare import compare_files, summary, write_comparison  # python-docx: only when comparing

    library = _library(library_dir)
    chosen_documents = _choices(documents, library.documents, "Document")
    try:
        comparison, old_name, new_name = compare_files(ancien, nouveau, library, chosen_documents,
                                                       TerminalProgress(not quiet))
    except DiagnosticError as exc:
        _fail(exc.diagnostics, "aucune comparaison n’a été produite.")
    _writing(out_dir, lambda: write_comparison(comparison, out_dir))
    click.echo(summary(comparison, old_name, new_name, out_dir))


@main.command(short_help="Dit pourquoi chaque clause figure, ou non, dans les documents.")
@click.argument("fichier", metavar="FICHIER", type=ORGANISATION_FILE)
@_documents_option("expliquer")
@LIBRARY
def explain(fichier: Path, documents: str | None, library_dir: Path) -> None:
    """Explique, pour chaque clause de la bibliothèque, si elle figure dans le
    document et pourquoi : sa condition et les valeurs du FICHIER qu’elle a lues."""
    library = _library(library_dir)
    chosen_documents = _choices(documents, library.documents, "Document")
    try:
        click.echo(explain_file(fichier, library, chosen_documents))
    except DiagnosticError as exc:
        _fail(exc.diagnostics, "aucune explication n’a été produite.")


@main.command(short_help="Tableau des obligations légales que remplit la politique de chaque organisme.")
@FILES
@LIBRARY
def conformite(fichiers: tuple[Path, ...], library_dir: Path) -> None:
    """Dresse, pour chaque FICHIER d’organisation, le tableau des obligations légales
    (templates/data/obligations.yaml) : pour chacune, les règles et les clauses de la
    politique qui la remplissent, avec leurs numéros de section, « non applicable » avec
    le motif, ou « NON COUVERTE ».

    Se termine avec le code 1 si une obligation applicable n’est pas couverte
    (« build --final » refuse alors la politique).
    """
    tables = _served(lambda: conformity_tables(list(fichiers), BuildOptions(library_dir=library_dir)), Path("."),
                     "aucun tableau n’a été dressé.")
    click.echo("\n\n".join(table.text() for table in tables))
    if not all(table.complete for table in tables):
        sys.exit(ExitCode.FINDING)


@main.command(short_help="Ce que touche chaque article de loi modifié, abrogé ou pas encore en vigueur.")
@click.option("--verifier", "changes", required=True, metavar="CHANGEMENTS",
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Liste YAML des articles modifiés, abrogés ou pas encore en vigueur.")
@click.argument("fichiers", nargs=-1, metavar="[FICHIER...]", type=ORGANISATION_FILE)
@LIBRARY
def lois(changes: Path, fichiers: tuple[Path, ...], library_dir: Path) -> None:
    """Liste, pour chaque article de CHANGEMENTS, les règles et les clauses qui le citent
    et, pour chaque FICHIER d’organisation donné, les documents et les sections touchés.

    \b
    CHANGEMENTS, tenu par les responsables de la bibliothèque :
      changements:
        - loi: renseignements-sante   # identifiant de templates/data/lois.yaml
          articles: ["108"]           # aucun : toute la loi
          nature: modifie             # modifie, abroge ou non_en_vigueur
          depuis: 2026-01-01          # facultatif
          note: Ce qui a changé.      # facultatif

    Se termine avec le code 1 si une clause cite un article de la liste.
    """
    impacts = _served(lambda: law_changes(changes, list(fichiers), BuildOptions(library_dir=library_dir)),
                      Path("."), "aucune vérification n’a été faite.")
    click.echo("\n\n".join(impact.text() for impact in impacts) or "La liste ne contient aucun changement.")
    if any(impact.clauses for impact in impacts):
        sys.exit(ExitCode.FINDING)


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
@click.option("--out", "out_dir", default="output", show_default=True, metavar="DOSSIER",
              type=click.Path(file_okay=False, path_type=Path),
              help="Dossier des documents produits (celui de « build ») : seuls ceux qui ont changé sont refaits.")
@FINAL
@JOBS
@QUIET
@LIBRARY
def publish(fichiers: tuple[Path, ...], site_dir: Path, out_dir: Path, final: bool, jobs: int, quiet: bool,
            library_dir: Path) -> None:
    """Publie les documents de chaque FICHIER d’organisation en site intranet statique.

    Produit d’abord les documents comme « build » (dans le dossier --out, avec son
    cache : ce qui est à jour n’est pas refait), puis écrit DOSSIER/index.html (le
    registre du réseau), pour chaque organisme son registre et, pour chaque
    document, une page accessible avec sa table des matières et ses versions Word
    et PDF à télécharger. Le site remplace celui qu’une publication précédente a
    écrit dans DOSSIER ; si un fichier contient une erreur, rien n’est publié.
    """
    options = BuildOptions(out_dir, final=final, jobs=jobs, library_dir=library_dir)
    outcome = _site(site_dir, lambda: _served(
        lambda: service.publish(list(fichiers), options, site_dir, TerminalProgress(not quiet)), out_dir,
        "rien n’a été publié.", site_dir))
    _warn(outcome.warnings)
    click.echo(f"Site publié dans {site_dir}/ ({plural(len(outcome.results), 'organisme')}) : "
               f"ouvrez {site_dir}/index.html.")


@main.command()
@FILES
@click.option("--format", "output_format", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="csv (pour un tableur) ou json.")
@FINAL
@LIBRARY
def registre(fichiers: tuple[Path, ...], output_format: str, final: bool, library_dir: Path) -> None:
    """Affiche le registre des documents de chaque FICHIER d’organisation.

    Une ligne par document (numéro, version, statut — projet, en vigueur, adopté —,
    approbation et résolution, consultations, entrée en vigueur, dernière et
    prochaine révision, fichiers), puis une par version antérieure (« remplacé ») :
    le registre que montre le site, à ouvrir dans un tableur.
    Exemple : policygen registre organisations/*.yaml > registre.csv
    """
    options = BuildOptions(final=final, library_dir=library_dir)
    found = _served(lambda: service.register(list(fichiers), options), Path("."),
                    "corrigez-les, puis relancez la commande.")
    click.echo(as_csv(found) if output_format == "csv" else as_json(found), nl=False)


@main.command()
def schema() -> None:
    """Affiche le schéma JSON (2020-12) du fichier d’organisation.

    Enregistrez-le sous le nom organisation.schema.json à côté de vos fichiers : un éditeur
    comme VS Code (extension YAML) complète et vérifie alors le fichier pendant
    la saisie, grâce à sa première ligne :
    « # yaml-language-server: $schema=./organisation.schema.json ».
    """
    click.echo(schema_text())


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
            try:
                _, found = service.check([path], BuildOptions())
            except DiagnosticError as exc:
                found = exc.diagnostics
        # a date before a cited law is asked again too, though a draft only warns of it
        return [p for p in found if p.severity == "erreur" or p.code == "organisation.law-in-force"]

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
        _writing(schema_file, lambda: schema_file.write_text(schema_text() + "\n", encoding="utf-8"))
    click.echo(f"\n{display_path(fichier)} est écrit. Vérifiez-le avec : policygen check {display_path(fichier)}")
