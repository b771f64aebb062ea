"""Revision cadence: when the documents are due for review, and whether that is past.

A check is not a build output, so it may read the clock; SOURCE_DATE_EPOCH,
when set, stands for « today » so that CI and tests are repeatable, and
`today` takes the environment and the clock as arguments for tests.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping

from ..diagnostics import Diagnostic
from ..french import long_date
from .schema import OrganisationFile
from .yamlsource import Located


def next_review(org: OrganisationFile) -> dt.date:
    """In-force date (or last revision) plus the revision cadence, in years."""
    start = org.revision.derniere_revision or org.revision.en_vigueur
    years = org.revision.cadence_annees
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def source_date(environ: Mapping[str, str] = os.environ) -> dt.datetime | None:
    """SOURCE_DATE_EPOCH as a UTC time (naive), or None when it is not set to a number of seconds:
    the one reading of it, for `check`'s « today » and the builds' file dates."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None) if epoch.isdigit() else None


def today(environ: Mapping[str, str] = os.environ, clock: Callable[[], dt.date] = dt.date.today) -> dt.date:
    fixed = source_date(environ)
    return fixed.date() if fixed else clock()


def overdue(organisation: OrganisationFile, located: Located, display: str, on: dt.date) -> list[Diagnostic]:
    """A warning when the documents should have been revised before `on`."""
    revision = organisation.revision
    due = next_review(organisation)
    if on <= due:
        return []
    key = "derniere_revision" if revision.derniere_revision else "en_vigueur"
    start = revision.derniere_revision or revision.en_vigueur
    since = "dernière révision" if revision.derniere_revision else "entrée en vigueur"
    years = revision.cadence_annees
    return [Diagnostic(
        display, located.line_of(("revision", key)), f"revision.{key}",
        f"Les documents devaient être révisés au plus tard le {long_date(due)} ({since} le {long_date(start)}, "
        f"révision {'chaque année' if years == 1 else f'tous les {years} ans'}) : la date est dépassée.",
        "Une fois la révision faite, inscrivez sa date dans « revision.derniere_revision ».",
        severity="avertissement", code="cadence.overdue")]


def unrecorded_version(organisation: OrganisationFile, located: Located, display: str) -> list[Diagnostic]:
    """The version being produced (`revision.version`) has its own line in `revision.historique`,
    dated like the documents."""
    revision = organisation.revision
    if revision.version is None:
        return []
    date = revision.derniere_revision or revision.en_vigueur
    lines = [(index, line) for index, line in enumerate(revision.historique) if line.version == revision.version]
    if not lines:
        return [Diagnostic(display, located.line_of(("revision", "version")), "revision.version",
                           f"La version {revision.version} n’a pas sa ligne dans revision.historique.",
                           f"Ajoutez-la : « - version: \"{revision.version}\" », « date: {date.isoformat()} » "
                           "et sa description.", code="organisation.revision")]
    index, line = lines[-1]
    if line.date != date:
        return [Diagnostic(display, located.line_of(("revision", "historique", index, "date")),
                           f"revision.historique[{index + 1}].date",
                           f"La ligne de la version {revision.version} est datée du {long_date(line.date)}, "
                           f"mais les documents le sont du {long_date(date)}.",
                           "Donnez-leur la même date.", code="organisation.revision")]
    return []
