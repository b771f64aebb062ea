"""One body's legal table (obligation → the rules and clauses of its politique that meet it), as
`policygen conformite` prints it and as the page of the body's register on the site shows it.

The rows come from `assembly.conformity`; « Droit à jour au … » from `assembly.lawdates`.
The page (`templates/layouts/site-conformite.html.j2`) links each meeting to the clause
that prints it in the politique's page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..assembly.conformity import (STATUSES, Row, citation, conformity, duty, label, section_label, state,
                                   table_readings)
from ..assembly.inputs import Loaded
from ..assembly.lawdates import LawReading, current_to, reading_lines
from ..diagnostics import plural
from ..library.obligations import POLITIQUE
from ..library.schema import Library
from ..model.nodes import Document
from ..model.typography import typeset_text
from ..writers.common import anchor
from ..writers.html import layouts

PAGE = "conformite.html"  # in the body's folder of the site, beside its register (index.html)


_SCOPE = {"enonce": "à énoncer", "non_contradiction": "à ne pas contredire"}


@dataclass(frozen=True)
class Table:
    """One body's table: its file, its name, and a row per obligation."""

    display: str
    organisation: str
    rows: list[Row]
    library: Library
    found: tuple[LawReading, ...] = ()  # what was read of each law the politique or a row cites (lois.yaml)

    @property
    def current_to(self) -> str:
        """« Droit à jour au … » (the earliest reading of the laws cited), or why it cannot say."""
        return current_to(list(self.found), self.library.laws)

    @property
    def law_lines(self) -> list[str]:
        """One line per law: when it was read, and which of its cited articles were and were not."""
        return reading_lines(list(self.found), self.library.laws)

    @property
    def complete(self) -> bool:
        return all(row.status != "non couverte" for row in self.rows)

    def text(self) -> str:
        out = [f"Conformité de la politique — {self.organisation} ({self.display})"]
        out.append(self.current_to)
        out += [f"  {line}" for line in self.law_lines]
        out.append("")
        if not self.rows:
            out.append("La bibliothèque ne définit aucune obligation (data/obligations.yaml).")
        for row in self.rows:
            obligation = row.obligation
            out.append(f"- {obligation.titre} — {citation(obligation.ref, self.library)} "
                       f"({_SCOPE[obligation.portee]})")
            out.append(f"    {duty(row)}")
            out += [f"    {line}" for line in state(row)]
        out += ["", self.summary]
        return "\n".join(out)

    @property
    def summary(self) -> str:
        """« Bilan : 12 obligations couvertes, 8 respectées (à ne pas contredire), 2 couvertes en partie,
        1 à vérifier, 1 à examiner, 3 non applicables, 1 sans objet, 0 non couverte. », with, while an article is unread, the
        rule that keeps each row resting on one from « couverte » (reader5-table T1)."""
        count = {status: sum(1 for r in self.rows if r.status == status) for status in STATUSES}
        respected = sum(1 for r in self.rows if label(r) != r.status)
        reserve = (" Une ligne qui repose sur un article marqué « non lu » ci-dessus est au mieux « à vérifier »."
                   if any(r.unread for r in self.found) else "")
        return (f"Bilan : {plural(count['couverte'] - respected, 'obligation couverte', 'obligations couvertes')}, "
                f"{plural(respected, 'respectée', 'respectées')} (à ne pas contredire), "
                f"{plural(count['couverte en partie'], 'couverte en partie', 'couvertes en partie')}, "
                f"{count['à vérifier']} à vérifier, {count['à examiner']} à examiner, "
                f"{plural(count['non applicable'], 'non applicable')}, {count['sans objet']} sans objet, "
                f"{plural(count['non couverte'], 'non couverte')}.{reserve}")


def table_for(item: Loaded, politique: Document, library: Library) -> Table:
    """The table of one body, from its assembled politique (its own laws and obligations laid over `library`)."""
    layered = item.local.layered(library)
    rows = conformity(item, politique, layered)
    return Table(item.display, politique.organisation, rows, layered,
                 tuple(table_readings(politique, rows, layered.laws)))


def site_page(item: Loaded, documents: list[Document], library: Library, home_label: str) -> str:
    """The page of the body's register on the site, "" when it has no politique among `documents`."""
    politique = next((d for d in documents if d.kind == POLITIQUE), None)
    return page(table_for(item, politique, library), home_label, f"{POLITIQUE}.html") if politique else ""


def page(table: Table, home_label: str, politique: str) -> str:
    """The register's page of the table: `politique` is the politique's page, the anchor of each clause.
    Its sentences are typeset as the documents are (no-break spaces before « : » and « ; »); the
    terminal's table keeps plain spaces."""
    t = typeset_text
    rows = []
    for row in table.rows:
        obligation = row.obligation
        rows.append({
            "titre": t(obligation.titre), "citation": t(citation(obligation.ref, table.library)),
            "portee": _SCOPE[obligation.portee], "statut": row.status, "libelle": label(row), "exige": t(obligation.exige),
            "raison": t(row.reason), "duty": t(duty(row)), "etat": [t(line) for line in state(row)[1:]],
            "premier": t(state(row)[0]),
            "meetings": [{"kind": m.kind, "id": m.id, "section": section_label(m.section),
                          "href": f"{politique}#{anchor(m.clause)}",
                          "articles": ", ".join(m.articles) if len(obligation.articles) > 1 else ""}
                         for m in row.met_by]})
    return layouts().get_template("site-conformite.html.j2").render(
        title=t(f"Conformité de la politique — {table.organisation}"), home_label=home_label,
        current_to=t(table.current_to), law_lines=[t(line) for line in table.law_lines], summary=t(table.summary),
        rows=rows)
