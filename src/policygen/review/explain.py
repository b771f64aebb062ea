"""`policygen explain`: for every clause of the library, whether a document
includes it and why — the condition and the values it read — in French, so a
reviewer can see why a rule is absent as well as why it is there.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..assembly.edition import translation_lines
from ..assembly.inputs import load_all
from ..assembly.render import guarded, render_line
from ..assembly.select import applies
from ..library.language import MissingValue
from ..library.reads import condition_fields, shown, value_at
from ..diagnostics import DiagnosticError, display_path
from ..library.context import build_context
from ..library.lint import ORGANISATION_SOURCE
from ..library.schema import Clause, Library, Local
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
    origin: str = ""  # for an organisation's own clause or a withdrawn one: what the organisation did
    rules: tuple[str, ...] = ()  # the rulebook's rules it states

    def lines(self) -> list[str]:
        state = "incluse" if self.included else "exclue "
        out = [f"  {state}  {self.clause_id} — {self.title}"]
        if self.rules:
            out.append(f"           Règles énoncées : {', '.join(self.rules)}.")
        if self.origin:
            out.append(f"           {self.origin}")
            if self.condition == "":  # withdrawn: no condition to weigh
                return out
        if self.condition.strip() == "true":
            out.append("           Aucune condition : la clause figure toujours dans ce document.")
            return out
        verdict = "vraie" if self.included else "fausse"
        out.append(f"           Condition « {self.condition.strip()} » : {verdict}.")
        for reading in self.readings:
            where = f" (ligne {reading.line})" if reading.line else " (valeur par défaut)"
            out.append(f"           {reading.path} = « {reading.value} »{where}")
        return out


def _origin(clause: Clause, withdrawn: set[str]) -> str:
    if clause.id in withdrawn:
        return "Retirée par l’organisme (clauses/retire.yaml) : elle ne figure pas dans le document."
    if clause.origin != ORGANISATION_SOURCE:
        return ""
    text = f"Clause propre à l’organisme ({display_path(clause.path)})"
    return text + (f", qui remplace la clause {clause.meta.remplace} de la bibliothèque." if clause.meta.remplace
                   else ", ajoutée à la bibliothèque.")


def explain(library: Library, document: str, context: dict[str, Any], located: Located,
            local: Local = Local()) -> list[Explanation]:
    """Every clause meant for `document`, in outline order: the library's, with the organisation's
    own clauses laid over it (`local`) and the library clauses it withdraws shown as such."""
    outline = library.outlines[document]
    sections = {s.id: (index, s.title) for index, s in enumerate(outline.sections)}
    withdrawn = set(local.withdrawn)
    replaced = {c.meta.remplace for c in local.clauses if c.meta.remplace}
    layered = local.layered(library)
    candidates = [*layered.clauses, *(c for c in library.clauses if c.id in withdrawn and c.id not in replaced)]
    clauses = sorted((c for c in candidates if document in c.meta.documents),
                     key=lambda c: (sections[c.meta.documents[document]][0], c.meta.order, c.id))
    result = []
    for clause in clauses:
        if clause.id in withdrawn and clause.origin != ORGANISATION_SOURCE:
            result.append(Explanation(clause.id, _clause_title(clause, context),
                                      _title(sections[clause.meta.documents[document]][1], context),
                                      False, "", (), _origin(clause, withdrawn)))
            continue
        readings = tuple(Reading(dotted(path), shown(value_at(context, path)),
                                 located.key_lines.get(path))
                         for path in sorted(condition_fields(clause)))
        result.append(Explanation(clause.id, _clause_title(clause, context),
                                  _title(sections[clause.meta.documents[document]][1], context),
                                  applies(clause, context), clause.meta.when, readings,
                                  _origin(clause, withdrawn), clause.rules))
    return result


def _clause_title(clause: Clause, context: dict[str, Any]) -> str:
    """A clause's title; one that fails (an organisation's own clause) is a located error."""
    return guarded(clause, "title", lambda: _title(clause.meta.title, context))


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


def explain_file(path: Path, library: Library, documents: list[str]) -> str:
    """What `policygen explain` prints for one organisation file; raises DiagnosticError when it is invalid."""
    loaded, problems = load_all([path], library)
    if problems:
        raise DiagnosticError(problems)
    item = loaded[0]
    context = build_context(item.organisation, item.local.layered(library))
    return "\n".join([f"Fichier : {item.display}"] + [
        "\n" + "\n".join([report(library, document, explain(library, document, context, item.located, item.local),
                                context), *translation_lines(library, item, document, context)])
        for document in documents])
