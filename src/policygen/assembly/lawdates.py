"""When the law a document cites was last read: « Droit à jour au … », and the warnings on it.

Each law of lois.yaml may record `lu_le`, the date of the consolidated text last
read on LégisQuébec (or `lus`, the articles read and when, while another is not). A document is only as current as the oldest reading of the
laws it cites for this body: `reading` gives that date (and the laws whose reading
is not recorded); `stamp` prints it as a row « Droit à jour au … » of the document's
identification block, withheld while a cited law has no recorded reading (finding
`organisation.law-unread`, for a final version); `stale_readings` warns (finding
`organisation.law-read`) when a cited law was read more than a year before the
document's date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..diagnostics import Diagnostic
from ..french import long_date
from ..library.schema import Library
from ..model.nodes import Document, Table, Text
from .inputs import Loaded

FRESH = dt.timedelta(days=365)
CURRENT_TO = "Droit à jour au"  # the row of the identification block, as legislation.gov.uk says « up to date »


def cited_laws(document: Document) -> dict[str, str]:
    """The laws a document's clauses cite for this body, each with the first clause that cites it."""
    cited: dict[str, str] = {}
    for section in document.sections:
        for clause in section.clauses:
            for law in clause.provenance.legal:
                cited.setdefault(law.id, clause.id)
    return cited


def cited_articles(document: Document) -> dict[str, set[str]]:
    """The articles of each law a document's clauses cite; « » for a citation that names none."""
    cited: dict[str, set[str]] = {}
    for section in document.sections:
        for clause in section.clauses:
            for law in clause.provenance.legal:
                cited.setdefault(law.id, set()).update(law.articles or {""})
    return cited


@dataclass(frozen=True)
class LawReading:
    """What was read of one cited law: its reading date, and the cited articles whose reading lois.yaml
    records (`articles` of a law with `lu_le`, « » a citation of the whole law, read with it; else those of
    `lus`, `date` being the earliest of their readings) or not (`TO_FIND`: an obligation whose articles nobody
    has found, which no reading vouches for)."""

    law: str
    date: dt.date | None
    read: tuple[str, ...]
    unread: tuple[str, ...]
    amends: tuple[str, ...] = ()  # an amending act: the laws whose consolidated text is read instead


TO_FIND = "*"  # the articles of an obligation still « à trouver »


def _article_key(article: str) -> tuple:
    return tuple(int(p) if p.isdigit() else 0 for p in article.split(".")) if article.strip(TO_FIND) else (10**9,)


def readings(cited: dict[str, set[str]], laws: dict[str, dict[str, Any]]) -> list[LawReading]:
    """Each cited law, in the order of its citation, with the articles read and not read; an amending act
    (lois.yaml: modifie) has nothing to read, its articles being read in the laws it amended."""
    found = []
    for law_id, articles in cited.items():
        law = laws.get(law_id, {})
        if law.get("modifie"):  # an amending act has no consolidated text: the laws it amended are read
            found.append(LawReading(law_id, None, (), (), tuple(law["modifie"])))
            continue
        # lu_le: every listed article (and the law cited as a whole) read that day; else those of `lus`, each on
        # its own date, the law as a whole unread
        read_on = (dict.fromkeys(("", *(law.get("articles") or {})), law["lu_le"]) if law.get("lu_le")
                   else law.get("lus") or {})
        ordered = sorted(articles, key=_article_key)
        read = tuple(a for a in ordered if a in read_on)
        date = law.get("lu_le") or min((read_on[a] for a in read), default=None)
        found.append(LawReading(law_id, date, read, tuple(a for a in ordered if a not in read_on)))
    return sorted(found, key=lambda r: laws.get(r.law, {}).get("citation", r.law))


def reading(document: Document, laws: dict[str, dict[str, Any]]) -> tuple[dt.date | None, list[str]]:
    """The earliest reading date of the laws the document cites, and those not read for each article it
    cites (a law counts as read only when every article the document cites was)."""
    found = readings(cited_articles(document), laws)
    dates = [r.date for r in found if r.date and not r.unread]
    return (min(dates) if dates else None), sorted(r.law for r in found if r.unread)


def _articles(articles: tuple[str, ...]) -> str:
    named = [a for a in articles if a not in ("", TO_FIND)]
    return ", ".join(([f"art. {', '.join(named)}"] if named else []) + (["cité sans article"] if "" in articles
                                                                        else [])
                     + (["articles à trouver"] if TO_FIND in articles else []))


def _current(law: dict[str, Any]) -> str:
    """How current the consolidated text read was: LégisQuébec's « À jour au », or that it was not recorded."""
    return (f"texte consolidé à jour au {long_date(law['a_jour_au'])}" if law.get("a_jour_au")
            else "date de mise à jour du texte consolidé non consignée")


def reading_lines(found: list[LawReading], laws: dict[str, dict[str, Any]]) -> list[str]:
    """One line per law: « RLRQ, c. G-1.021 : lu le 7 décembre 2026 (art. 51) ; non lu (cité sans article) ;
    texte consolidé à jour au 20 novembre 2024 » (the last part for a law of which something was read)."""
    lines = []
    for r in found:
        citation = laws.get(r.law, {}).get("citation", r.law)
        if r.amends:
            lines.append(f"{citation} : loi modificative, sans texte consolidé ; on lit les lois qu’elle a modifiées ("
                         + " ; ".join(laws.get(law, {}).get("citation", law) for law in r.amends) + ").")
            continue
        read = f"lu le {long_date(r.date)}" + (f" ({_articles(r.read)})" if r.read else "") if r.date else ""
        unread = f"non lu ({_articles(r.unread)})" if r.unread else ""
        current = _current(laws.get(r.law, {})) if r.date else ""
        lines.append(f"{citation} : {' ; '.join(part for part in (read, unread, current) if part)}.")
    return lines


def current_to(found: list[LawReading], laws: dict[str, dict[str, Any]]) -> str:
    """« Droit à jour au … » as the legal table says it (the earliest reading, when every cited article of
    every law in `found` was read), or why it cannot say; `reading_lines` says it law by law."""
    unread = [r.law for r in found if r.unread]
    if unread:
        return ("Droit à jour : date non établie, la lecture du texte consolidé de chaque article cité n’est pas "
                "consignée pour " + " ; ".join(laws.get(law, {}).get("citation", law) for law in unread) + ".")
    if any(r.date for r in found):
        return (f"Droit à jour au {long_date(min(r.date for r in found if r.date))} : la plus ancienne lecture "
                "des lois que citent la politique et ce tableau.")
    return "La politique ne cite aucune loi."


def stamp(document: Document, laws: dict[str, dict[str, Any]]) -> Document:
    """The document with « Droit à jour au … » as the last row of its identification block (the first table
    of its « metadata » section): the earliest reading of the laws it cites. Unchanged when it has no such
    block, cites no law, or cites one whose reading is not recorded (a date it cannot vouch for)."""
    read, unread = reading(document, laws)
    if read is None or unread:
        return document
    row = ((Text(CURRENT_TO),), (Text(long_date(read)),))
    sections = list(document.sections)
    for s, section in enumerate(sections):
        for c, clause in enumerate(section.clauses if section.role == "metadata" else ()):
            for b, block in enumerate(clause.blocks):
                if isinstance(block, Table):
                    blocks = (*clause.blocks[:b], dataclasses.replace(block, rows=(*block.rows, row)),
                              *clause.blocks[b + 1:])
                    clauses = list(section.clauses)
                    clauses[c] = dataclasses.replace(clause, blocks=blocks)
                    sections[s] = dataclasses.replace(section, clauses=tuple(clauses))
                    return dataclasses.replace(document, sections=tuple(sections))
    return document


@dataclass(frozen=True)
class Citing:
    """A law a document cites, with the first clause citing it and the file line that dates the document."""

    document: Document
    clause_id: str
    law: dict[str, Any]
    field: str  # revision.derniere_revision, or revision.en_vigueur when there is none
    line: int | None


def _dated_by(loaded: Loaded) -> tuple[str, int | None]:
    """The field that dates the documents (the last revision, else the entry into force) and its line."""
    field = "revision.derniere_revision" if loaded.organisation.revision.derniere_revision else "revision.en_vigueur"
    return field, loaded.located.line_of(tuple(field.split(".")))


def citings(loaded: Loaded, documents: list[Document], library: Library) -> Iterator[Citing]:
    """Each law each document cites for this body (its own laws included), in order."""
    laws = loaded.local.layered(library).laws
    field, line = _dated_by(loaded)
    for document in documents:
        for law_id, clause_id in sorted(cited_laws(document).items()):
            if law_id in laws:
                yield Citing(document, clause_id, laws[law_id], field, line)


def stale_readings(loaded: Loaded, documents: list[Document], library: Library) -> list[Diagnostic]:
    """A warning for each law a document cites whose text was read more than a year before the document's date."""
    return [Diagnostic(
                loaded.display, c.line, c.field,
                f"Le document « {c.document.kind} », daté du {long_date(c.document.date)}, cite (clause {c.clause_id}) "
                f"la loi « {c.law['title']} » ({c.law['citation']}), dont le texte consolidé a été lu à jour au "
                f"{long_date(c.law['lu_le'])}, plus d’un an avant.",
                "Faites relire le texte en vigueur sur LégisQuébec, puis inscrivez la date de lecture (lu_le) "
                "dans lois.yaml ; « policygen lois --verifier » liste ce que touche un article modifié.",
                severity="avertissement", code="organisation.law-read")
            for c in citings(loaded, documents, library)
            if c.law.get("lu_le") and c.document.date - c.law["lu_le"] > FRESH]


def unread_laws(loaded: Loaded, documents: list[Document], library: Library) -> list[Diagnostic]:
    """A finding for each document with an identification block that cites a law whose reading is not
    recorded: « Droit à jour au … » is withheld (graded for a final version only: see publishing.findings)."""
    laws = loaded.local.layered(library).laws
    field, line = _dated_by(loaded)
    found = []
    for document in documents:
        _, unread = reading(document, laws)
        if unread and any(section.role == "metadata" for section in document.sections):
            cited = " ; ".join(laws.get(law, {}).get("citation", law) for law in unread)
            found.append(Diagnostic(
                loaded.display, line, field,
                f"Le document « {document.kind} » ne dit pas à quelle date le droit qu’il cite est à jour : la date "
                f"de lecture du texte consolidé n’est pas consignée pour {cited}.",
                "Faites lire sur LégisQuébec le texte en vigueur des articles cités, puis inscrivez la date de "
                "lecture (lu_le) dans lois.yaml ; le document dira alors « Droit à jour au … ».",
                severity="avertissement", code="organisation.law-unread"))
    return found
