"""The rulebook: every normative statement of the documents, stated once.

`templates/data/regles.yaml` holds one entry per rule: who it binds (regimes),
how strongly (« doit », « ne doit pas », « peut », « il est recommandé »), what it
rests on (a law and its articles, source sections, or the body's own choice), the
file values it reads, and one rendering per document, each in that document's
voice. A clause prints a rule with `{{ regle('id') }}`; the politique, the
fiche-synthèse and the nétiquette thus cannot say different things about it, and
the lint (`lint.py`) refuses a rule printed in a clause whose readers it does not bind.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Literal

from jinja2 import nodes
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..orgfile.schema import Regime
from .language import Markdown, environment
from .schema import LegalRef, SourceRef

# The function clauses call to print a rule: `{{ regle('confidentialite') }}`.
RULE_FUNCTION = "regle"

Strength = Literal["doit", "ne doit pas", "peut", "il est recommandé"]
# « tribunes »: the rule binds only on the body's own pages, under its name and marks, or when one acts
# for it (a committee, a mandate). An ordre may hold its members to such a rule; for their own speech
# it may only remind them of the Code des professions and their code de déontologie (lint.py).
Reach = Literal["", "tribunes"]


class Basis(BaseModel):
    """What a rule rests on: laws, source sections, or the body's own choice (at least one)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lois: list[LegalRef] = []
    sources: list[SourceRef] = []
    choix_organisme: bool = False

    @model_validator(mode="after")
    def _something(self) -> Basis:
        if not (self.lois or self.sources or self.choix_organisme):
            raise ValueError("une règle repose sur une loi, une source ou le choix de l’organisme")
        return self


class RuleMeta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    famille: str = Field(min_length=1)
    regimes: list[Regime] = Field(min_length=1)  # the people it binds
    force: Strength
    fondement: Basis
    portee: Reach = ""
    valeurs: list[str] = []                      # organisation-file fields its renderings read
    textes: dict[str, str] = Field(min_length=1)  # document id -> rendering in that document's voice
    liste: str = ""  # a list every rendering introduces and prints word for word (a closed list of grounds)

    def rendering(self, document: str) -> str:
        return self.textes[document] + (f"\n\n{self.liste}" if self.liste else "")


class RuleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    regles: list[RuleMeta] = []


@dataclass(frozen=True)
class Rule:
    meta: RuleMeta
    line: int                                     # line of its entry in regles.yaml
    templates: dict[str, Any] = field(compare=False, repr=False)

    @property
    def id(self) -> str:
        return self.meta.id


def compile_rule(meta: RuleMeta, line: int) -> Rule:
    env = environment()
    return Rule(meta, line, {document: env.from_string(meta.rendering(document)) for document in meta.textes})


def rule_calls(ast: nodes.Node) -> list[str]:
    """The rule ids a template prints with `regle('…')`, in order (a non-constant id is listed as « ? »)."""
    ids = []
    for call in ast.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name == RULE_FUNCTION:
            arg = call.args[0] if len(call.args) == 1 else None
            ids.append(arg.value if isinstance(arg, nodes.Const) and isinstance(arg.value, str) else "?")
    return ids


class UnknownRule(Exception):
    """A clause printed a rule the rulebook lacks, or one with no rendering for this document."""


def rule_printer(rules: dict[str, Rule], document: str, context: dict[str, Any]) -> Callable[[str], Markdown]:
    """`regle('id')` for the clauses of one document: the rule's rendering in that document's voice."""
    def regle(rule_id: str) -> Markdown:
        rule = rules.get(rule_id)
        if rule is None or document not in rule.templates:
            raise UnknownRule(rule_id)
        return Markdown(rule.templates[document].render(context).strip())
    return regle
