"""The `policygen` command: build and check, in French."""

from __future__ import annotations

import errno
import os
import sys
import traceback
from pathlib import Path

import click

from . import clickfr
from .build import Loaded, documents_for, load_all, write_outputs
from .diagnostics import Diagnostic, DiagnosticError, plural
from .library import DOCUMENTS, load_library
from .model import Document
from .publish import NotASiteError, Organisation, publish_site
from .writers import FORMATS

clickfr.install()

EXIT_INVALID = 2
EXIT_INTERNAL = 70


def _report(problems: list[Diagnostic], action: str) -> None:
    for problem in problems:
        click.echo(problem.format(), err=True)
    files = sorted({p.path for p in problems})
    errors = [p for p in problems if p.severity == "erreur"]
    click.echo(f"\n{plural(len(errors), 'erreur')} dans {', '.join(files)} : {action}", err=True)


def _choices(value: str, known: tuple[str, ...], what: str) -> list[str]:
    chosen = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [v for v in chosen if v not in known]
    if unknown or not chosen:
        raise click.BadParameter(
            f"{what} inconnu : {', '.join(unknown) or '(aucun)'}. Valeurs permises : {', '.join(known)}.")
    return [k for k in known if k in chosen]


def _library():
    try:
        return load_library()
    except DiagnosticError as exc:
        _report(exc.diagnostics, "la bibliothèque de clauses est invalide.")
        sys.exit(EXIT_INVALID)


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
            sys.exit(EXIT_INTERNAL)


@click.group(cls=FrenchGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="policygen", message="%(prog)s, version %(version)s")
def main() -> None:
    """Produit la politique, la nétiquette et la fiche-synthèse sur les médias
    sociaux d’un organisme de santé, à partir de son fichier d’organisation."""


FILES = click.argument("fichiers", nargs=-1, required=True, metavar="FICHIER...",
                       type=click.Path(dir_okay=False, path_type=Path))


def _build_all(fichiers: tuple[Path, ...], documents: list[str]) -> dict[Loaded, list[Document]]:
    """Every document of every file, or every problem of every file and exit 2."""
    library = _library()
    loaded, problems = load_all(list(fichiers), library)
    built = {}
    for item in loaded:
        try:
            built[item] = documents_for(item, library, documents)
        except DiagnosticError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        _report(problems, "aucun document n’a été produit.")
        sys.exit(EXIT_INVALID)
    return built


@main.command()
@FILES
@click.option("--out", "out_dir", default="output", show_default=True, metavar="DOSSIER",
              type=click.Path(file_okay=False, path_type=Path), help="Dossier où écrire les documents.")
@click.option("--format", "formats", default=",".join(FORMATS), show_default=True, metavar="FORMATS",
              help="Formats à produire, séparés par des virgules : html, docx, pdf.")
@click.option("--document", "documents", default=",".join(DOCUMENTS), show_default=True, metavar="DOCUMENTS",
              help="Documents à produire, séparés par des virgules : politique, netiquette, fiche-synthese.")
def build(fichiers: tuple[Path, ...], out_dir: Path, formats: str, documents: str) -> None:
    """Produit les documents de chaque FICHIER d’organisation.

    Écrit DOSSIER/<nom-du-fichier>/politique.{html,docx,pdf}, netiquette.* et
    fiche-synthese.*. Si un fichier contient une erreur, rien n’est écrit et
    les documents déjà produits restent intacts.
    """
    chosen_formats = _choices(formats, FORMATS, "Format")
    chosen_documents = _choices(documents, DOCUMENTS, "Document")
    built = _build_all(fichiers, chosen_documents)
    for item, documents_built in built.items():
        target = out_dir / item.slug
        written = write_outputs(target, documents_built, chosen_formats)
        click.echo(f"{item.display} → {target}/ ({plural(len(written), 'fichier')})")


@main.command()
@FILES
def check(fichiers: tuple[Path, ...]) -> None:
    """Vérifie chaque FICHIER d’organisation sans rien produire."""
    library = _library()
    loaded, problems = load_all(list(fichiers), library)
    for item in loaded:
        try:
            documents_for(item, library, list(DOCUMENTS))
        except DiagnosticError as exc:
            problems.extend(exc.diagnostics)
    if problems:
        _report(problems, "corrigez-les, puis relancez la vérification.")
        sys.exit(EXIT_INVALID)
    for item in loaded:
        click.echo(f"{item.display} : aucun problème.")


_OS_REASONS = {errno.EACCES: "permission refusée", errno.EPERM: "permission refusée",
               errno.EEXIST: "un fichier porte déjà ce nom", errno.ENOTDIR: "un fichier porte déjà ce nom",
               errno.ENOSPC: "le disque est plein", errno.EROFS: "le disque est en lecture seule"}


def _os_reason(exc: OSError) -> str:
    return _OS_REASONS.get(exc.errno, f"erreur du système ({exc.strerror or exc})")


@main.command()
@FILES
@click.option("--site", "site_dir", required=True, metavar="DOSSIER",
              type=click.Path(file_okay=False, path_type=Path), help="Dossier où écrire le site intranet.")
def publish(fichiers: tuple[Path, ...], site_dir: Path) -> None:
    """Publie les documents de chaque FICHIER d’organisation en site intranet statique.

    Écrit DOSSIER/index.html (les organismes et leurs documents) et, pour
    chaque document, une page accessible avec sa table des matières et ses
    versions Word et PDF à télécharger. Le site remplace celui qu’une
    publication précédente a écrit dans DOSSIER ; si un fichier contient une
    erreur, rien n’est publié.
    """
    built = _build_all(fichiers, list(DOCUMENTS))
    organisations = [Organisation(item.slug, documents[0].organisation, tuple(documents))
                     for item, documents in built.items()]
    try:
        publish_site(site_dir, organisations)
    except NotASiteError:
        click.echo(f"Le dossier {site_dir} contient déjà des fichiers qui ne viennent pas de policygen : "
                   "choisissez un dossier vide ou un site déjà publié.", err=True)
        sys.exit(EXIT_INVALID)
    except OSError as exc:
        click.echo(f"Impossible d’écrire le site dans {site_dir} : {_os_reason(exc)}. "
                   "Le site déjà publié, s’il y en a un, est intact.", err=True)
        sys.exit(EXIT_INVALID)
    click.echo(f"Site publié dans {site_dir}/ ({plural(len(organisations), 'organisme')}) : "
               f"ouvrez {site_dir}/index.html.")
