"""Markdown (rendered clause bodies) -> document model blocks, via markdown-it-py.

Raw HTML is disabled in the parser: whatever reaches it, even from a template,
is text, never markup. E-mail and web addresses printed as plain text become links
(mailto: for e-mails) here, once, so every format links them.
"""

from __future__ import annotations

import re
from functools import cache

from linkify_it import LinkifyIt
from linkify_it.main import Match
from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..model.nodes import FRENCH_CLOSE, FRENCH_OPEN, Block, Emphasis, Foreign, Heading, Inline, LineBreak, Link, \
    ListBlock, Note, Paragraph, Strong, Table, Text, ToConfirm
from ..orgfile.confirm import CLOSE, OPEN

_MARKERS = re.compile(f"([{OPEN}{CLOSE}{FRENCH_OPEN}{FRENCH_CLOSE}])")


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    # After text_join, so an address holding an escaped character (values are escaped for
    # Markdown: « a\\_b@x.ca ») is one text run, linked whole.
    md.core.ruler.after("text_join", "addresses", _link_addresses)
    return md


@cache
def _linkify() -> LinkifyIt:
    return LinkifyIt()


def _may_hold_address(text: str) -> bool:
    """Whether `text` can hold an address `_address` keeps (an e-mail's « @ », a scheme's « : » or
    « // », « www. »): linkify's scan of every text run is most of an assembly's time otherwise."""
    return "@" in text or ":" in text or "//" in text or "www." in text.lower()


def _address(match: Match) -> bool:
    """E-mails, URLs with a scheme and « www… »; a bare « M.Sc » or « quebec.ca » stays text."""
    return bool(match.schema) or match.text.lower().startswith("www.")


def _link_addresses(state: StateCore) -> None:
    """Wrap each address in a plain text run in a link whose text is exactly what was printed."""
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        in_link = 0
        for token in block.children:
            in_link += {"link_open": 1, "link_close": -1}.get(token.type, 0)
            # The markers of a value to confirm are not part of an address: blanked, at their place.
            plain = _MARKERS.sub(" ", token.content)
            found = _linkify().match(plain) if token.type == "text" and not in_link and _may_hold_address(plain) \
                else None
            matches = [m for m in found or [] if _address(m) and state.md.validateLink(state.md.normalizeLink(m.url))]
            if not matches:
                children.append(token)
                continue
            last = 0
            for m in matches:
                children += [Token("text", "", 0, content=token.content[last:m.index]),
                             Token("link_open", "a", 1, attrs={"href": state.md.normalizeLink(m.url)}),
                             Token("text", "", 0, content=token.content[m.index:m.last_index]),
                             Token("link_close", "a", -1)]
                last = m.last_index
            children.append(Token("text", "", 0, content=token.content[last:]))
        block.children = children


def _inlines(tokens: list[Token]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    stack: list[tuple[str, str, list[Inline]]] = []

    def emit(node: Inline) -> None:
        (stack[-1][2] if stack else out).append(node)

    for token in tokens:
        kind = token.type
        if kind in ("text", "code_inline", "html_inline"):
            for part in _MARKERS.split(token.content):  # a value to confirm is set apart by markers
                if part in (OPEN, FRENCH_OPEN):
                    stack.append((part, "", []))
                elif part == CLOSE and stack and stack[-1][0] == OPEN:
                    emit(ToConfirm(_merge(stack.pop()[2])))
                elif part == FRENCH_CLOSE and stack and stack[-1][0] == FRENCH_OPEN:
                    emit(Foreign(_merge(stack.pop()[2])))
                elif part and part not in (CLOSE, FRENCH_CLOSE):
                    emit(Text(part))
        elif kind == "softbreak":
            emit(Text(" "))
        elif kind == "hardbreak":
            emit(LineBreak())
        elif kind in ("em_open", "strong_open", "link_open"):
            stack.append((kind, str(token.attrs.get("href", "")), []))
        elif kind in ("em_close", "strong_close", "link_close"):
            opened, href, children = stack.pop()
            children_t = _merge(children)
            emit(Emphasis(children_t) if opened == "em_open"
                 else Strong(children_t) if opened == "strong_open" else Link(href, children_t))
    while stack:  # a marker left open (never by our filters): keep its text
        out.extend(stack.pop()[2])
    return _merge(out)


def _merge(nodes: list[Inline]) -> tuple[Inline, ...]:
    """Join adjacent text nodes, so writers and transforms see whole runs."""
    merged: list[Inline] = []
    for node in nodes:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return tuple(merged)


def _blocks(tokens: list[Token], start: int, stop_type: str | None) -> tuple[list[Block], int]:
    """Parse blocks from tokens[start:] until a closing token of `stop_type`."""
    blocks: list[Block] = []
    i = start
    while i < len(tokens):
        token = tokens[i]
        if stop_type and token.type == stop_type:
            return blocks, i
        if token.type == "paragraph_open":
            blocks.append(Paragraph(_inlines(tokens[i + 1].children or [])))
            i += 3
        elif token.type == "heading_open":
            blocks.append(Heading(_inlines(tokens[i + 1].children or [])))
            i += 3
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            ordered = token.type == "ordered_list_open"
            close = "ordered_list_close" if ordered else "bullet_list_close"
            items: list[tuple[Block, ...]] = []
            i += 1
            while tokens[i].type != close:
                item, i = _blocks(tokens, i + 1, "list_item_close")  # tokens[i] is list_item_open
                items.append(tuple(item))
                i += 1
            blocks.append(ListBlock(ordered, tuple(items), int(token.attrs.get("start", 1) or 1)))
            i += 1
        elif token.type == "blockquote_open":
            inner, i = _blocks(tokens, i + 1, "blockquote_close")
            blocks.append(Note(tuple(inner)))
            i += 1
        elif token.type == "table_open":
            table, i = _table(tokens, i)
            blocks.append(table)
        else:  # tbody etc. never reach here; hr, code blocks carry no clause text
            if token.type in ("fence", "code_block") and token.content.strip():
                blocks.append(Paragraph((Text(token.content.strip()),)))
            i += 1
    return blocks, i


def _table(tokens: list[Token], i: int) -> tuple[Table, int]:
    header: list[tuple[Inline, ...]] = []
    rows: list[tuple[tuple[Inline, ...], ...]] = []
    row: list[tuple[Inline, ...]] = []
    in_head = False
    while tokens[i].type != "table_close":
        kind = tokens[i].type
        if kind == "thead_open":
            in_head = True
        elif kind == "thead_close":
            in_head = False
        elif kind == "inline":
            row.append(_inlines(tokens[i].children or []))
        elif kind == "tr_close":
            if in_head:
                header = row
            else:
                rows.append(tuple(row))
            row = []
        i += 1
    return Table(tuple(header), tuple(rows)), i + 1


def parse_markdown(text: str) -> tuple[Block, ...]:
    blocks, _ = _blocks(_parser().parse(text), 0, None)
    return tuple(blocks)
