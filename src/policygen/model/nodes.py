"""The one document model every writer reads.

Closed sets of inline and block nodes (as in pandoc): the parser produces
them, transforms rewrite them, writers only consume them. Nodes are frozen so
a transform returns a new tree instead of editing a shared one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass


# Inlines ---------------------------------------------------------------------

@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Emphasis:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class Link:
    href: str
    children: tuple[Inline, ...]


@dataclass(frozen=True)
class LineBreak:
    pass


# Every format prints these words after a highlighted value to confirm, so no reader depends on colour.
TO_CONFIRM = "\u00a0(à confirmer)"  # no-break: the words never start a line alone
# Inside parentheses the words take brackets (OQLF: no parentheses within parentheses).
TO_CONFIRM_NESTED = "\u00a0[à confirmer]"
TO_CONFIRM_EN = "\u00a0(to be confirmed)"  # in an English edition


@dataclass(frozen=True)
class ToConfirm:
    """A value the organisation file marks « (à confirmer) »: highlighted and so marked until confirmed."""

    children: tuple[Inline, ...]
    mention: str = TO_CONFIRM   # the words printed after it (`model.typography` chooses)


@dataclass(frozen=True)
class Foreign:
    """Words in another language than the document's (a French name inside an English edition):
    every format tags their language, so a screen reader pronounces them right (WCAG 3.1.2)."""

    children: tuple[Inline, ...]
    lang: str = "fr-CA"


# Private-use characters around French words in an English edition's rendered Markdown
# (`assembly.edition` sets them); the parser turns what they enclose into a `Foreign` node.
FRENCH_OPEN, FRENCH_CLOSE = "\ue002", "\ue003"


Inline = Text | Emphasis | Strong | Link | LineBreak | ToConfirm | Foreign


# Blocks ----------------------------------------------------------------------

@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[tuple[Block, ...], ...]
    start: int = 1


@dataclass(frozen=True)
class Table:
    header: tuple[tuple[Inline, ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]


@dataclass(frozen=True)
class Heading:
    """A heading inside a clause body, below the clause's own title."""

    inlines: tuple[Inline, ...]


@dataclass(frozen=True)
class Note:
    """A notice set apart from the text (Markdown `>`): the emergency notice, a reminder."""

    blocks: tuple[Block, ...]


Block = Paragraph | ListBlock | Table | Heading | Note


# Structure -------------------------------------------------------------------

@dataclass(frozen=True)
class Source:
    """A source document a clause derives from, as the library's data describes it."""

    id: str
    title: str  # "" when the library does not list this source
    organisation: str
    sections: tuple[tuple[str, str], ...]  # (section id, its title or "")


@dataclass(frozen=True)
class Law:
    """A law a clause rests on, with the articles it cites."""

    id: str
    title: str  # "" when the library does not list this law
    citation: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class Value:
    """An organisation-file field a clause read, and its value as shown to a reviewer."""

    path: str
    shown: str
    empty: bool  # the file leaves it empty: `shown` says so


@dataclass(frozen=True)
class RuleUse:
    """A rule of the rulebook a clause states: its id, whom it binds, how strongly, on what basis."""

    id: str
    strength: str                # « doit », « ne doit pas », « peut », « il est recommandé »
    regimes: tuple[str, ...]
    basis: str                   # « RLRQ, c., art. 108 », a source section, « choix de l’organisme »


@dataclass(frozen=True)
class Provenance:
    """Where a clause comes from and what it rests on, for legal review; writers word the note."""

    clause_id: str
    version: int
    sources: tuple[Source, ...]
    legal: tuple[Law, ...]  # only the laws that bind this body
    values: tuple[Value, ...] = ()
    replaces: str = ""  # an organisation's own clause: the library clause it stands in for
    rules: tuple[RuleUse, ...] = ()  # the rulebook's rules the clause states, in order
    # review edition: the lines of the legal table's annex it meets, each (the annex clause holding it, its words)
    obligations: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Clause:
    id: str
    title: str
    show_title: bool
    blocks: tuple[Block, ...]
    provenance: Provenance
    number: str = ""
    label: str = ""  # the heading as shown: « 5.1 Les comptes officiels » (model/labels.py)
    # the title as inlines where part of it is in another language (a French name in an English edition's
    # heading, `Foreign`), so headings and tables of contents tag it; empty for a title all in the document's
    title_inlines: tuple[Inline, ...] = ()


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    clauses: tuple[Clause, ...]
    annex: bool = False
    role: str = "body"  # or a part of the front matter (`FRONT_ROLES`)
    number: str = ""
    label: str = ""  # the heading as shown: « 1. Préambule », « Annexe 1 : Définitions »
    title_inlines: tuple[Inline, ...] = ()  # as a clause's


@dataclass(frozen=True)
class Layout:
    """How the document is laid out, from its outline: every writer reads it, none tests a kind."""

    toc: bool = False  # a table of contents after the identification block
    columns: int = 1  # the body flows in this many columns under the full-width title
    title_block: bool = True  # the organisation above the title and the version line under it
    annex_page_break: bool = False  # (print) the annexes start on a new page
    compact: bool = False  # (HTML, PDF) small type and boxed sections, to fit one sheet


@dataclass(frozen=True)
class Document:
    kind: str  # the outline's id: politique, netiquette, fiche-synthese…; names the files
    title: str
    organisation: str  # full name
    short_title: str
    sections: tuple[Section, ...]
    author: str
    subject: str
    keywords: tuple[str, ...]
    date: dt.date  # shown in the text: in force or last revised
    timestamp: dt.datetime  # file metadata: SOURCE_DATE_EPOCH, else `date`; never the clock
    lang: str = "fr-CA"
    layout: Layout = Layout()
    version_line: str = ""  # « Version du 27 avril 2018 » (model/labels.py): the title block's line and the footer's
    version_mark: str = ""  # « (à confirmer) » after it while the date is to confirm (title block and footer)
    number: str = ""  # the document's number in the body's register (revision.numero), in every footer
    number_to_confirm: bool = False  # the number is still « (à confirmer) »: the footer says so
    date_to_confirm: bool = False  # the date is still « (à confirmer) »: the version mark says so
    draft: bool = False  # a « projet »: what a final version refuses is still in the file (every format marks it)
    alternates: tuple[tuple[str, str], ...] = ()  # (lang, file) of the same document in another language
    organisation_lang: str = ""  # the language of `organisation` where not the document's (an edition: the French)


# The roles of the front matter, in the order every writer prints it after the title block, unnumbered and
# outside the table of contents: an English edition's translation notice (« About this translation »,
# `assembly.edition`), then the identification block. A writer finds each by its role, wherever the model
# holds it, and lays out the body (role « body ») after them.
NOTICE_ROLE, METADATA_ROLE = "notice", "metadata"
FRONT_ROLES = (NOTICE_ROLE, METADATA_ROLE)


def front_matter(document: Document) -> list[Section]:
    """The document's front matter, in `FRONT_ROLES`' order."""
    return [s for role in FRONT_ROLES for s in document.sections if s.role == role]


def body_sections(document: Document) -> list[Section]:
    """The document's sections after its front matter, in the model's order."""
    return [s for s in document.sections if s.role not in FRONT_ROLES]


def has_foreign(inlines: tuple[Inline, ...]) -> bool:
    """Whether a run of inlines holds words in another language than the document's."""
    return any(isinstance(n, Foreign) or has_foreign(getattr(n, "children", ())) for n in inlines)


def inline_text(inlines: tuple[Inline, ...]) -> str:
    """The plain text of a run of inlines."""
    parts = []
    for node in inlines:
        if isinstance(node, Text):
            parts.append(node.text)
        elif isinstance(node, LineBreak):
            parts.append("\n")
        else:
            parts.append(inline_text(node.children) + (node.mention if isinstance(node, ToConfirm) else ""))
    return "".join(parts)


def block_texts(block: Block, text: Callable[[tuple[Inline, ...]], str] = inline_text) -> list[str]:
    """The plain text of a block, one string per paragraph-like unit, its inlines read by `text`."""
    if isinstance(block, (Paragraph, Heading)):
        return [text(block.inlines)]
    if isinstance(block, ListBlock):
        return [t for item in block.items for b in item for t in block_texts(b, text)]
    if isinstance(block, Note):
        return [t for b in block.blocks for t in block_texts(b, text)]
    return [text(cell) for row in (block.header, *block.rows) for cell in row]


def map_inlines(block: Block, change: Callable[[tuple[Inline, ...]], tuple[Inline, ...]],
                cell: Callable[[tuple[Inline, ...]], tuple[Inline, ...]] | None = None) -> Block:
    """`block` with each of its runs of inlines passed through `change` (a table cell through
    `cell`, by default `change`), the blocks of its lists and notes included."""
    cell = cell or change
    if isinstance(block, (Paragraph, Heading)):
        return dataclasses.replace(block, inlines=change(block.inlines))
    if isinstance(block, ListBlock):
        return dataclasses.replace(block, items=tuple(tuple(map_inlines(b, change, cell) for b in item)
                                                      for item in block.items))
    if isinstance(block, Note):
        return Note(tuple(map_inlines(b, change, cell) for b in block.blocks))
    return dataclasses.replace(block, header=tuple(cell(c) for c in block.header),
                               rows=tuple(tuple(cell(c) for c in row) for row in block.rows))


def document_texts(document: Document) -> list[str]:
    """Every piece of text of the document, in reading order (for format parity checks)."""
    texts = [document.title, document.organisation]
    for section in document.sections:
        texts.append(section.title)
        for clause in section.clauses:
            if clause.show_title:
                texts.append(clause.title)
            for block in clause.blocks:
                texts.extend(block_texts(block))
    return texts
