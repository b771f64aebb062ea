"""The findings on a valid organisation file, and the one table that says which of them stop a build.

Every command — `check`, `build`, `publish`, with or without `--final` — grades the
same findings with `SEVERITIES`, so a file gets one verdict whatever the command:
`check` is a build that writes nothing, `--final` means the same thing everywhere.
Findings are part of what a build produces: the cache keeps them with each document
and a build with nothing to redo prints them again (`Finding` is their stored form).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from ..assembly.conformity import uncovered
from ..assembly.edition import stale_translations
from ..assembly.inputs import Loaded
from ..assembly.lawdates import stale_readings, unread_laws
from ..assembly.placeholders import own_law_placeholders
from ..assembly.provenance import laws_in_force
from ..diagnostics import Diagnostic
from ..library.schema import Library
from ..model.nodes import Document
from ..orgfile.advice import advice
from ..orgfile.approval import problems as approval_problems
from ..orgfile.complaints import problems as complaints_problems
from ..orgfile.cadence import next_review, overdue, unrecorded_version
from ..orgfile.confirm import warnings as to_confirm
from ..orgfile.fictitious import fictitious_numbers
from ..orgfile.langues import problems as language_problems
from ..orgfile.comment_marks import marks_in_comments
from ..orgfile.publication import languages_without_basis
from ..orgfile.renames import renamed_keys

DRAFT, FINAL = 0, 1
# code: (severity of a draft, severity of a final version)
SEVERITIES = {
    "organisation.to-confirm": ("avertissement", "erreur"),
    "organisation.law-in-force": ("avertissement", "erreur"),
    "organisation.consultation": ("avertissement", "erreur"),
    "organisation.obligation": ("avertissement", "erreur"),  # an obligation of the law its politique does not meet
    "organisation.obligation-partielle": (None, "avertissement"),  # met in part, or with a point to check
    "organisation.law-read": ("avertissement", "avertissement"),  # a cited law read over a year before the date
    # a cited law with no reading date: no « Droit à jour au »; a draft is not told (most laws are unread)
    "organisation.law-unread": (None, "avertissement"),
    "organisation.revision": ("erreur", "erreur"),
    "organisation.renamed-key": ("avertissement", "avertissement"),
    "organisation.phrasing": ("avertissement", "avertissement"),
    "organisation.fictitious": ("avertissement", "erreur"),  # a number reserved for fiction, printed highlighted
    "cadence.overdue": ("avertissement", "avertissement"),
    "organisation.edition": ("erreur", "erreur"),  # an English edition the law does not allow
    "organisation.directive": ("avertissement", "avertissement"),
    "organisation.contact": ("avertissement", "avertissement"),  # a complaints contact no one can reach
    "organisation.glossary": ("avertissement", "avertissement"),  # French words an English politique prints
    "organisation.language": ("avertissement", "erreur"),  # another language with no basis (a public body)
    "organisation.translation": ("avertissement", "erreur"),  # an English text older than its French
}


@dataclass(frozen=True)
class Finding:
    """A finding as the cache keeps it; `due` is set for the overdue review, shown only once past."""

    diagnostic: Diagnostic
    due: dt.date | None = None

    def to_json(self) -> dict:
        return {**dataclasses.asdict(self.diagnostic), "echeance": self.due.isoformat() if self.due else None}

    @staticmethod
    def from_json(data: dict) -> Finding:
        """Raises ValueError or TypeError on anything but what `to_json` wrote (the caller rebuilds)."""
        fields = {f.name for f in dataclasses.fields(Diagnostic)}
        if set(data) != fields | {"echeance"} or data["code"] not in SEVERITIES:
            raise ValueError("not a finding")
        due = data["echeance"]
        return Finding(Diagnostic(**{k: data[k] for k in fields}), dt.date.fromisoformat(due) if due else None)


def _unconsulted(item: Loaded) -> list[Diagnostic]:
    """A consultation the file declares with no date: the documents cannot be final before its advice."""
    return [Diagnostic(item.display, item.located.line_of(("revision", "consultations", index, "instance")),
                       f"revision.consultations[{index + 1}].date",
                       f"La consultation de l’instance « {consultation.instance} » n’a pas de date.",
                       "Inscrivez la date de son avis (AAAA-MM-JJ) ; une version définitive l’exige.",
                       code="organisation.consultation")
            for index, consultation in enumerate(item.organisation.revision.consultations)
            if consultation.date is None]


def findings(item: Loaded, documents: list[Document], library: Library) -> list[Finding]:
    """Every finding on `item` and its assembled `documents`, ungraded."""
    organisation = item.organisation
    found = [Finding(d) for d in (*to_confirm(list(item.pending), item.display), *own_law_placeholders(item),
                                  *laws_in_force(item, documents, library),
                                  *uncovered(item, documents, library),
                                  *stale_readings(item, documents, library),
                                  *unread_laws(item, documents, library),
                                  *unrecorded_version(organisation, item.located, item.display),
                                  *_unconsulted(item),
                                  *renamed_keys(item.located, item.display),
                                  *advice(organisation, item.located, item.display),
                                  *fictitious_numbers(item.located, {p.path for p in item.pending}, item.display),
                                  *languages_without_basis(organisation, item.located, item.display),
                                  *marks_in_comments(item.located, item.display),
                                  *approval_problems(organisation, item.located, item.display),
                                  *complaints_problems(organisation, item.located, item.display),
                                  *language_problems(organisation, item.located, item.display,
                                                     organisation.revision.derniere_revision
                                                     or organisation.revision.en_vigueur),
                                  *stale_translations(item, documents, library))]
    late = overdue(organisation, item.located, item.display, dt.date.max)  # the warning, whatever the day
    return found + [Finding(d, next_review(organisation)) for d in late]


def graded(found: list[Finding], final: bool, today: dt.date) -> list[Diagnostic]:
    """The findings that apply `today`, each with its severity for a draft or a final version, in order."""
    column = FINAL if final else DRAFT
    return sorted({dataclasses.replace(f.diagnostic, severity=SEVERITIES[f.diagnostic.code][column])
                   for f in found if (f.due is None or today > f.due) and SEVERITIES[f.diagnostic.code][column]},
                  key=lambda d: (d.path, d.line or 0, d.field, d.code, d.message))
