"""The library's own words in a short document, under the budget its outline sets.

The nétiquette and the fiche-synthèse must stay at most 900 words for every body (issue 17),
and a body's names, units, contacts and complaint routes take a share of that which the
library cannot know. So the library's fixed text — every word a template writes itself,
not a value of the organisation file — is held under a budget per document, well below the
limit: a new clause or a longer rule cannot silently push the longest bodies over it.

The count is an upper bound: each clause that may enter the document counts, whatever its
condition; where a template branches (`if`, `a if c else b`), the longer branch counts; a
loop's body counts once, every branch in it (each pass may take another); `regle('…')` counts
the rule's rendering for that document.
"""

from __future__ import annotations

from jinja2 import nodes

from ..diagnostics import Diagnostic
from .language import environment
from .rules import RULE_FUNCTION
from .schema import Library


def _words(text: str) -> int:
    return len(text.split())


def _count(node: nodes.Node, library: Library, document: str, loop: bool = False) -> int:
    """The most literal words `node` can print (`loop`: inside a loop, where branches add up)."""
    def count(child: nodes.Node) -> int:
        return _count(child, library, document, loop or isinstance(node, nodes.For))

    if isinstance(node, nodes.TemplateData):
        return _words(node.data)
    if isinstance(node, nodes.Const):
        return _words(node.value) if isinstance(node.value, str) else 0
    if isinstance(node, nodes.If):
        branches = [sum(count(child) for child in branch)
                    for branch in (node.body, *[branch.body for branch in node.elif_], node.else_)]
        return sum(branches) if loop else max(branches)
    if isinstance(node, nodes.CondExpr):
        branches = [count(node.expr1), count(node.expr2) if node.expr2 else 0]
        return sum(branches) if loop else max(branches)
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == RULE_FUNCTION:
        rule = next((library.rules.get(a.value) for a in node.args if isinstance(a, nodes.Const)), None)
        if rule is None or document not in rule.meta.textes:
            return 0  # the rule lint reports it
        return fixed_words(rule.meta.rendering(document), library, document)
    if isinstance(node, (nodes.Getattr, nodes.Getitem, nodes.Name, nodes.Compare, nodes.Test)):
        return 0  # a value of the file, or a test: no words of the library's own
    if isinstance(node, nodes.Assign):
        return 0  # a `set`: counted where it is printed, if at all (never twice)
    if isinstance(node, nodes.Filter) and node.name in ("lien", "comme"):
        return count(node.node)  # a label the library writes, not its link or the file's word
    return sum(count(child) for child in node.iter_child_nodes())


def fixed_words(template: str, library: Library, document: str) -> int:
    """The most words of its own that `template` can print in `document`."""
    return _count(environment().parse(template), library, document)


def document_words(library: Library, document: str) -> int:
    """The library's own words in `document`: its title, section titles and every clause that may enter it."""
    outline = library.outlines[document]
    titles = [outline.title, *(s.title for s in outline.sections)]
    clauses = [c for c in library.clauses if document in c.meta.documents]
    return (sum(fixed_words(t, library, document) for t in titles)
            + sum(fixed_words(c.meta.title, library, document) * c.meta.heading + fixed_words(c.body, library, document)
                  for c in clauses))


def lint_budgets(library: Library) -> list[Diagnostic]:
    problems = []
    for document, outline in sorted(library.outlines.items()):
        if outline.budget_mots is None:
            continue
        count = document_words(library, document)
        if count > outline.budget_mots:
            problems.append(Diagnostic(
                f"templates/outlines/{document}.yaml", None, "budget_mots",
                f"Le texte propre de la bibliothèque pour « {document} » compte {count} mots, au-delà de son budget "
                f"de {outline.budget_mots} : le document risque de dépasser sa limite pour les organismes aux noms et "
                "aux recours les plus longs.",
                "Dites-le plus court ailleurs dans ce document, ou relevez le budget après avoir vérifié les "
                "comptes de chaque organisme (python benchmarks/words.py).",
                code="library.budget"))
    return problems
