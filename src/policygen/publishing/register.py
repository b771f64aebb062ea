"""The register of a body's documents: what a secretariat keeps for each adopted document.

One row per document (number, version, status, approval, in force, last and next
review, the files), then one per earlier version of the set (« remplacé »). The
intranet site shows it per body and for the whole network; `policygen registre`
gives it as CSV or JSON for a spreadsheet. Everything comes from the organisation
files, the day the status and the overdue reviews are judged included (`as_of`:
SOURCE_DATE_EPOCH when set, else the latest date the files record, never the
clock), so the same files give the same register, byte for byte.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass, fields

from ..assembly.inputs import Loaded
from ..model.nodes import Document
from ..orgfile.cadence import next_review, source_date
from ..writers import FORMATS

PROJET, EN_VIGUEUR, ADOPTE, REMPLACE = "projet", "en vigueur", "adopté", "remplacé"


@dataclass(frozen=True)
class Row:
    organisme: str
    dossier: str  # the body's folder on the site and in the build (its slug)
    document: str  # kind, or « ensemble » for an earlier version of the set
    titre: str
    numero: str
    version: str
    statut: str
    approbation_instance: str
    approbation_date: str  # ISO dates: a spreadsheet sorts them
    approbation_resolution: str
    consultations: str  # « instance (date) ; … »
    remplace: str
    en_vigueur: str
    derniere_revision: str
    prochaine_revision: str
    revision_en_retard: bool
    fichiers: str  # « dossier/document.html dossier/document.docx … »


def as_of(items: list[Loaded]) -> dt.date:
    """The day the register of `items` is judged by: SOURCE_DATE_EPOCH's when set, else the latest date
    their files record (entry into force, last review, approval, consultations, history)."""
    fixed = source_date()
    if fixed is not None:
        return fixed.date()
    dates = [dt.date.min]
    for item in items:
        revision = item.organisation.revision
        dates += [revision.en_vigueur, revision.derniere_revision, revision.approbation.date,
                  *(c.date for c in revision.consultations), *(line.date for line in revision.historique)]
    return max(d for d in dates if d is not None)


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def rows(item: Loaded, documents: list[Document], on: dt.date, draft: bool) -> list[Row]:
    """The register of one body: its documents, then the earlier versions they replace.

    `draft`: what a final version would refuse is still in the file (a value to confirm, a
    consultation with no date…): the documents are a « projet »."""
    revision = item.organisation.revision
    approval = revision.approbation
    due = next_review(item.organisation)
    status = PROJET if draft else EN_VIGUEUR if revision.en_vigueur <= on else ADOPTE
    consulted = " ; ".join(f"{c.instance} ({_iso(c.date) or 'date à inscrire'})"
                           for c in revision.consultations)
    common = dict(organisme=documents[0].organisation if documents else item.organisation.organisation.nom,
                  dossier=item.slug, numero=revision.numero, approbation_instance=approval.instance,
                  approbation_date=_iso(approval.date), approbation_resolution=approval.resolution or "",
                  consultations=consulted)
    current = [Row(**common, document=document.kind, titre=document.title, version=revision.version or "",
                   statut=status, remplace=revision.remplace or "", en_vigueur=_iso(revision.en_vigueur),
                   derniere_revision=_iso(revision.derniere_revision), prochaine_revision=_iso(due),
                   revision_en_retard=on > due and status != PROJET,
                   fichiers=" ".join(f"{item.slug}/{document.kind}.{fmt}" for fmt in FORMATS))
               for document in documents]
    earlier = [Row(**{**common, "numero": ""}, document="ensemble", titre=line.description, version=line.version,
                   statut=REMPLACE, remplace="", en_vigueur=_iso(line.date), derniere_revision="",
                   prochaine_revision="", revision_en_retard=False, fichiers="")
               for line in revision.historique if line.version != revision.version]
    return current + earlier


def as_csv(register: list[Row]) -> str:
    """Comma-separated, a header line, CRLF line ends (RFC 4180): what a spreadsheet opens."""
    stream = io.StringIO()
    writer = csv.writer(stream)
    writer.writerow([f.name for f in fields(Row)])
    for row in register:
        writer.writerow(["oui" if value is True else "non" if value is False else value
                         for value in asdict(row).values()])
    return stream.getvalue()


def as_json(register: list[Row]) -> str:
    return json.dumps([asdict(row) for row in register], ensure_ascii=False, indent=2) + "\n"
