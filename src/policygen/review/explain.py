"""`policygen explain`: for every clause of the library, whether a document
includes it and why — the condition and the values it read — in French, so a
reviewer can see why a rule is absent as well as why it is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..assembly.render import render_line
from ..assembly.select import applies
from ..library.language import MissingValue
from ..library.reads import condition_fields, shown, value_at
from ..library.schema import Library
from ..orgfile.yamlsource import Located, dotted


@dataclass(frozen=True)
class Reading:
    path: str
    value: str
    line: int | None


@dataclass(frozen=True)
class Explanation:
    clause_id: str
    title: str
    section: str
    included: bool
    condition: str  # "true" when the clause has none
    readings: tuple[Reading, ...]

    def lines(self) -> list[str]:
        state = "incluse" if self.included else "exclue "
        out = [f"  {state}  {self.clause_id} — {self.title}"]
        if self.condition.strip() == "true":
            out.append("           Aucune condition : la clause figure toujours dans ce document.")
            return out
        verdict = "vraie" if self.included else "fausse"
        out.append(f"           Condition « {self.condition.strip()} » : {verdict}.")
        for reading in self.readings:
            where = f" (ligne {reading.line})" if reading.line else " (valeur par défaut)"
            out.append(f"           {reading.path} = « {reading.value} »{where}")
        return out


def explain(library: Library, document: str, context: dict[str, Any], located: Located) -> list[Explanation]:
    """Every clause of the library meant for `document`, in outline order."""
    outline = library.outlines[document]
    sections = {s.id: (index, s.title) for index, s in enumerate(outline.sections)}
    clauses = sorted((c for c in library.clauses if document in c.meta.documents),
                     key=lambda c: (sections[c.meta.documents[document]][0], c.meta.order, c.id))
    result = []
    for clause in clauses:
        readings = tuple(Reading(dotted(path), shown(value_at(context, path)),
                                 located.key_lines.get(path))
                         for path in sorted(condition_fields(clause)))
        result.append(Explanation(clause.id, _title(clause.meta.title, context),
                                  _title(sections[clause.meta.documents[document]][1], context),
                                  applies(clause, context), clause.meta.when, readings))
    return result


def _title(template: str, context: dict[str, Any]) -> str:
    try:
        return render_line(template, context)
    except MissingValue:  # a title reading an empty field: show it as written
        return template


def report(library: Library, document: str, explanations: list[Explanation], context: dict[str, Any]) -> str:
    included = sum(e.included for e in explanations)
    title = _title(library.outlines[document].title, context)
    lines = [f"{title} ({document}) : {included} clause{'s' if included > 1 else ''} incluse{'s' if included > 1 else ''} "
             f"sur {len(explanations)}"]
    section = None
    for explanation in explanations:
        if explanation.section != section:
            section = explanation.section
            lines.append(f" Section « {section} »")
        lines += explanation.lines()
    return "\n".join(lines)
