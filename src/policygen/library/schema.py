"""What the library is made of: clause front matter, outlines, and the loaded library.

Pydantic models (`extra="forbid"`) for the front matter of a clause file and
for an outline; `Clause` (a parsed, compiled clause file) and `Library` (every
clause, outline and reference table) are what the other stages read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..french import Name
from ..orgfile.schema import REGIMES, Regime, Url
from ..orgfile.yamlsource import Located, Path_


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceRef(_Meta):
    source: str
    sections: list[str] = Field(min_length=1)


class LegalRef(_Meta):
    law: str
    articles: list[str] = []


class ClauseMeta(_Meta):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    title: str = Field(min_length=1)
    documents: dict[str, str] = Field(min_length=1)
    order: int = 100
    heading: bool = False
    when: str = "true"
    variables: list[str] = []
    sources: list[SourceRef] = Field(min_length=1)
    legal: list[LegalRef] = []
    version: int = Field(default=1, ge=1)
    remplace: str | None = None  # an organisation's clause: the library clause it stands in for
    # Whom the clause speaks to, when narrower than its document's readers (the outline's
    # `destinataires`): a rule it prints must bind every one of them (lint).
    destinataires: list[Regime] | None = None


class LawEntry(_Meta):
    """A law in templates/data/lois.yaml or in an organisation's own lois.yaml."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    title: str = Field(min_length=1)
    genre: Literal["masculin", "féminin"] = "féminin"  # « le Code de déontologie… », « la Loi… »
    nombre: Literal["singulier", "pluriel"] = "singulier"
    short_title: str | None = None
    citation: str = Field(min_length=1)
    url: Annotated[Url, Field(pattern=r"^https://")]  # a web address, never markup (orgfile.schema)
    articles: dict[str, str] = {}
    applies_to: list[Literal["etablissement_sante", "ordre_professionnel", "autre"]] = []
    sectors: list[Literal["public", "prive"]] = []
    # types it binds in part whatever their sector (A-2.1 for an ordre's regulatory files, C. prof. art. 108.1)
    en_partie: list[Literal["etablissement_sante", "ordre_professionnel", "autre"]] = []
    en_vigueur: dt.date | None = None  # a document dated earlier cannot cite it
    lu_le: dt.date | None = None  # the date of the consolidated text last read (« à jour au »); check warns a year on
    # Without lu_le, the listed articles whose consolidated text was read, each with its date: a document that
    # cites only these is current to their earliest reading (assembly.lawdates).
    lus: dict[str, dt.date] = {}
    # The « À jour au » LégisQuébec printed on the consolidated text read (the earliest, when articles were read
    # in several): how current the text was, which the reading date is not (reader5-table T5).
    a_jour_au: dt.date | None = None
    modifie: list[str] = []  # an amending act: the laws it amended, whose consolidated text is read instead
    note: str = ""


    @model_validator(mode="after")
    def _read_articles_are_listed(self) -> LawEntry:
        if self.lus and self.lu_le:
            raise ValueError("« lus » ne sert que si la loi n’a pas de « lu_le » : avec « lu_le », chaque article "
                             "énuméré a été lu")
        if unknown := [a for a in self.lus if a not in self.articles]:
            raise ValueError(f"« lus » nomme des articles que « articles » n’énumère pas : {', '.join(unknown)}")
        if self.a_jour_au and not (self.lu_le or self.lus):
            raise ValueError("« a_jour_au » date le texte consolidé lu : il ne sert qu’avec « lu_le » ou « lus »")
        if self.a_jour_au and self.a_jour_au > (self.lu_le or max(self.lus.values())):
            raise ValueError("« a_jour_au » ne peut suivre la date de lecture (« lu_le » ou « lus »)")
        return self

    @property
    def le(self) -> str:
        """The title with its article: « le Code de déontologie… », « la Loi… », « les Règles… »."""
        return Name.parse(self.title, self.genre == "féminin", self.nombre == "pluriel").le


class LawFile(_Meta):
    lois: list[LawEntry] = []


class Withdrawals(_Meta):
    """organisations/<slug>/clauses/retire.yaml: library clauses the organisation leaves out."""

    retire: list[str] = Field(min_length=1)


class OutlineSection(_Meta):
    id: str
    title: str
    annex: bool = False
    role: str = "body"  # « metadata » for the identification block


class Layout(_Meta):
    """How a document is laid out; copied into the model (model.nodes.Layout), read by every writer."""

    toc: bool = False
    columns: int = Field(default=1, ge=1, le=2)
    title_block: bool = True
    annex_page_break: bool = False
    compact: bool = False


class Outline(_Meta):
    id: str
    title: str
    short_title: str
    order: int = 100  # rank among the library's documents (lists, the site's index), then id
    numbered: bool = False
    layout: Layout = Layout()
    # Whom the document speaks to: the regimes a clause addresses unless it narrows them.
    destinataires: list[Regime] = Field(default=[r for r in REGIMES if r != "public"], min_length=1)
    sections: list[OutlineSection] = Field(min_length=1)
    # The most words of its own the library may write in this document (library.budget): room left
    # under a short document's limit for the longest names, contacts and routes of a body.
    budget_mots: int | None = Field(default=None, ge=1)


@dataclass(frozen=True)
class Clause:
    """One clause file, parsed and compiled."""

    meta: ClauseMeta
    body: str
    path: Path
    body_line: int  # line of the file where the body starts
    template: Any = field(compare=False, repr=False)
    condition: Any = field(compare=False, repr=False)
    front_matter: Located = field(compare=False, repr=False)  # where each front-matter value stands
    origin: str = "bibliotheque"  # « organisation » for a clause of the organisation's own folder
    rules: tuple[str, ...] = ()  # the rules its body prints with `regle('…')`
    rule_sources: tuple[str, ...] = ()  # their renderings' text, for the fields they read (reads.py)

    @property
    def id(self) -> str:
        return self.meta.id

    def readers(self, outline: Outline) -> list[str]:
        return list(self.meta.destinataires or outline.destinataires)

    def line_of(self, path: Path_) -> int:
        """The file line of a front-matter value (the front matter starts on line 2, below « --- »)."""
        line = self.front_matter.line_of(path)
        return 1 if line is None else line + 1


@dataclass(frozen=True)
class Library:
    clauses: tuple[Clause, ...]
    outlines: dict[str, Outline]
    sources: list[dict[str, Any]]
    laws: dict[str, dict[str, Any]]
    terms: dict[str, dict[str, str]]
    version: str
    rules: dict[str, Any] = field(default_factory=dict)  # id -> rules.Rule, the rulebook
    obligations: tuple[Any, ...] = ()  # obligations.Obligation: what the law asks of a politique
    english: Any = None  # english.English: the English texts, by the ids they translate

    @property
    def documents(self) -> tuple[str, ...]:
        """The documents this library writes: one per outline, in the outlines' order."""
        return tuple(sorted(self.outlines, key=lambda d: (self.outlines[d].order, d)))

    def clause(self, clause_id: str) -> Clause:
        return next(c for c in self.clauses if c.id == clause_id)


@dataclass(frozen=True)
class Local:
    """An organisation's own laws and clauses (organisations/<slug>/), linted against a library.

    Kept apart from the shared library, which is loaded (and cached) once: `layered`
    lays this small part over it for one organisation's documents.
    """

    laws: dict[str, dict[str, Any]] = field(default_factory=dict)
    clauses: tuple[Clause, ...] = ()
    withdrawn: tuple[str, ...] = ()
    obligations: tuple[Any, ...] = ()  # obligations.Obligation: what the body's own laws ask of its politique

    def layered(self, library: Library) -> Library:
        if not (self.laws or self.clauses or self.withdrawn or self.obligations):
            return library
        gone = set(self.withdrawn) | {c.meta.remplace for c in self.clauses if c.meta.remplace}
        clauses = [c for c in library.clauses if c.id not in gone] + list(self.clauses)
        return replace(library, clauses=tuple(sorted(clauses, key=lambda c: c.id)),
                       laws={**library.laws, **self.laws}, obligations=library.obligations + self.obligations)
