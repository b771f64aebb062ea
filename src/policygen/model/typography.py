"""OQLF typography, applied once to the document model so every format agrees.

`typeset(document)` returns a new document whose every piece of text follows
the Office québécois de la langue française (and a table cell starts with a
capital): « guillemets » with non-breaking
spaces inside, a non-breaking space before the colon and a narrow one before
; ! ?, the typographic apostrophe, hours « 8 h 30 », dates « 27 avril 2018 »
(never 27/04/2018), telephone numbers « 450 432-2777, poste 22898 » that do
not break across lines, and the mark of a value to confirm inside parentheses
in brackets (« (courriel [à confirmer]) », never two closing parentheses). Link addresses are left as they are: only words are
typeset, and a link whose text is its address (a web or e-mail address) keeps
that text as typed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from .nodes import TO_CONFIRM_NESTED, Block, Clause, Document, Inline, LineBreak, Link, Section, \
    Text, ToConfirm, inline_text, map_inlines
from ..french import long_date

NBSP = "\u00a0"
NNBSP = "\u202f"  # narrow no-break space, accepted before ; ! ?
_SPACES = f"[ {NBSP}{NNBSP}]"

_OPENERS = set(" \t\n([{" + NBSP + NNBSP + "«—–/")


def _quotes(text: str, before: str) -> str:
    """Straight double quotes become « guillemets »: opening after a space or an
    opening bracket (or at the start), closing otherwise."""
    out = []
    previous = before
    for char in text:
        if char == '"':
            char = "«" if previous == "" or previous in _OPENERS else "»"
        out.append(char)
        previous = char
    return "".join(out)


def _numeric_date(match: re.Match[str]) -> str:
    day, month, year = (int(g) for g in match.groups())
    try:
        return long_date(dt.date(year, month, day))
    except ValueError:  # not a date after all
        return match.group(0)


def _phone(match: re.Match[str]) -> str:
    prefix, area, exchange, line, extension = match.groups()
    number = f"{prefix + NBSP if prefix else ''}{area}{NBSP}{exchange}-{line}"
    return number + (f", poste{NBSP}{extension}" if extension else "")


# Applied in order, after straight quotes have become guillemets (_quotes).
_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"'"), "’"),
    (re.compile(r"\.\.\."), "…"),
    (re.compile(rf"«{_SPACES}*"), f"«{NBSP}"),
    (re.compile(rf"{_SPACES}*»"), f"{NBSP}»"),
    # Colon: a non-breaking space before it, except inside « 08:30 » or an address (« https: »).
    (re.compile(rf"(?<=\S){_SPACES}?:(?=\s|$)"), f"{NBSP}:"),
    (re.compile(rf"(?<=\S){_SPACES}?([;!?])(?=\s|$|{NBSP}»|\))"), rf"{NNBSP}\1"),
    # Hours: « 8h30 », « 8 h 30 », « 17 h » -> non-breaking « 8 h 30 ».
    (re.compile(r"\b([01]?\d|2[0-4])[ \u00a0]?h[ \u00a0]?([0-5]\d)\b"), rf"\1{NBSP}h{NBSP}\2"),
    (re.compile(r"\b([01]?\d|2[0-4])[ ]h\b"), rf"\1{NBSP}h"),
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), _numeric_date),
    # Dates in words keep day and month together: « 27 avril ».
    (re.compile(r"\b(1er|\d{1,2}) (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre"
                r"|novembre|décembre)\b"), rf"\1{NBSP}\2"),
    # Telephone: « (450) 432-2777 », « 450-432-2777 », « 450.432.2777 » -> « 450 432-2777 ».
    (re.compile(r"(?<![\d-])(?:(1)[ .-]?)?\(?(\d{3})\)?[ .\u00a0-]?(\d{3})[ .-](\d{4})(?![\d-])"
                r"(?:,? ?(?:poste|p\.|ext\.|#) ?(\d{1,6})\b)?"), _phone),
    # Numbers stay whole and with their unit: « 3 500 », « 25 % », « 10 $ ».
    (re.compile(r"\b(\d{1,3}) (?=\d{3}\b(?![-\u00a0]\d))"), rf"\1{NBSP}"),
    (re.compile(rf"(?<=\d){_SPACES}?([%$])"), rf"{NBSP}\1"),
    # Abbreviations that must stay with their number: « art. 3 », « c. C-12 ».
    (re.compile(r"\b(art\.|arts\.|c\.|ch\.|chap\.|n°) (?=\S)"), rf"\1{NBSP}"),
)


# Characters the documents' font (Lato) lacks, written as the one it has that reads the same:
# the non-breaking hyphen Word inserts (Ctrl+Maj+-) is a hyphen.
_EQUIVALENTS = str.maketrans({"\u2011": "-"})


def typeset_text(text: str, before: str = "") -> str:
    """One run of text; `before` is the character that precedes it in its paragraph."""
    text = _quotes(text.translate(_EQUIVALENTS), before[-1:] if before else "")
    # The rules look behind: a run that starts at a node boundary (« … (à confirmer) » then
    # « : ») is read after the character that precedes it, which is already written.
    prefix = before[-1:] if before[-1:].strip() else ""
    joined = prefix + text
    for pattern, replacement in _RULES:
        joined = pattern.sub(replacement, joined)
    return joined[len(prefix):] if joined.startswith(prefix) else joined


def _shows_address(link: Link) -> bool:
    """Whether the link's text is its own address, which typography must not alter."""
    text = "".join(child.text for child in link.children if isinstance(child, Text))
    return bool(text) and link.href.removeprefix("mailto:") == text


def _inlines(nodes: tuple[Inline, ...], before: list[str]) -> tuple[Inline, ...]:
    """Typeset a run of inlines; `before` carries the last character written across nodes."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text):
            text = typeset_text(node.text, before[0])
            out.append(Text(text))
            before[0] = text[-1:] or before[0]
        elif isinstance(node, LineBreak):
            out.append(node)
            before[0] = "\n"
        elif isinstance(node, Link) and _shows_address(node):
            out.append(node)
            before[0] = node.href[-1:] or before[0]
        else:
            out.append(dataclasses.replace(node, children=_inlines(node.children, before)))
    return tuple(out)


def _bracket_nested(nodes: tuple[Inline, ...], depth: list[int]) -> tuple[Inline, ...]:
    """Each mark of a value to confirm written inside parentheses takes brackets; `depth`
    carries the parentheses left open across nodes."""
    out: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text):
            depth[0] = max(0, depth[0] + node.text.count("(") - node.text.count(")"))
            out.append(node)
        elif isinstance(node, LineBreak):
            out.append(node)
        else:
            inner = _bracket_nested(node.children, depth)
            nested = isinstance(node, ToConfirm) and depth[0] > 0
            out.append(dataclasses.replace(node, children=inner, **({"mention": TO_CONFIRM_NESTED} if nested else {})))
    return tuple(out)


def _run(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    return _bracket_nested(_inlines(nodes, [""]), [0])


def _capital(nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """A table cell starts with a capital (« La présidente-directrice générale… »); an address
    (a link) is left as typed."""
    if not nodes or isinstance(nodes[0], (Link, LineBreak)):
        return nodes
    first = nodes[0]
    if isinstance(first, Text):
        first = Text(first.text[:1].upper() + first.text[1:])
    else:
        first = dataclasses.replace(first, children=_capital(first.children))
    return (first, *nodes[1:])


def _block(block: Block) -> Block:
    return map_inlines(block, _run, lambda cell: _capital(_run(cell)))


def _title(unit: Clause | Section) -> dict[str, Any]:
    """A heading's title and label typeset; a title with inlines (French names in an English edition) typeset
    as inlines, its text theirs, so the label still ends with it (`writers.common.heading`)."""
    if not unit.title_inlines:
        return {"title": typeset_text(unit.title), "label": typeset_text(unit.label)}
    spans = _run(unit.title_inlines)
    prefix = unit.label.removesuffix(unit.title)
    return {"title": inline_text(spans), "title_inlines": spans, "label": typeset_text(prefix) + inline_text(spans)}


def _clause(clause: Clause) -> Clause:
    return dataclasses.replace(clause, **_title(clause), blocks=tuple(_block(b) for b in clause.blocks))


def _section(section: Section) -> Section:
    return dataclasses.replace(section, **_title(section), clauses=tuple(_clause(c) for c in section.clauses))


def typeset(document: Document) -> Document:
    """The document with OQLF typography in every title, label, paragraph, list and table."""
    return dataclasses.replace(
        document,
        title=typeset_text(document.title),
        organisation=typeset_text(document.organisation),
        short_title=typeset_text(document.short_title),
        author=typeset_text(document.author),
        subject=typeset_text(document.subject),
        keywords=tuple(typeset_text(k) for k in document.keywords),
        version_line=typeset_text(document.version_line),
        version_mark=typeset_text(document.version_mark),
        sections=tuple(_section(s) for s in document.sections),
    )

