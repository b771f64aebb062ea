"""Document model -> a standalone HTML page (CSS embedded, no external request).

Everything from the model is escaped here; the layout template only places
the pieces. The PDF writer reuses this page with the print stylesheet.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..model.nodes import Block, Clause, Document, Emphasis, Heading, Inline, LineBreak, Layout, Link, \
    ListBlock, Note, Paragraph, Section, Strong, Text, ToConfirm, Foreign, body_sections, front_matter
from ..resources import TEMPLATES
from .columns import Placement
from .common import TocEntry, anchor, footer_line, heading, leads_in, safe_href, table_of_contents, title_version
from .design import Step, labels, page_counter_css, stylesheet
from .notes import draft_mark, note_html
from .options import WriterOptions
from .typeset import ordinal_runs
from .webfonts import font_faces


def _text(text: str) -> str:
    """Escaped text, « 1er » with its suffix raised."""
    return "".join(f"<sup>{escape(piece)}</sup>" if raised else escape(piece, quote=False)
                   for piece, raised in ordinal_runs(text))


@dataclass(frozen=True)
class Piece:
    """A run of text with the elements around it (outermost first), so a range of a paragraph's text can
    be written with its emphasis, links and highlights (the HTML diff cuts paragraphs at changed words)."""

    text: str  # "\n" for a line break
    around: tuple[tuple[int, str, str], ...]  # (which node, start tag, end tag)
    line_break: bool = False


def pieces(nodes: tuple[Inline, ...], around: tuple[tuple[int, str, str], ...] = (),
           serial: Iterator[int] | None = None) -> list[Piece]:
    """The inlines as pieces whose texts join into `inline_text(nodes)`."""
    serial = serial if serial is not None else itertools.count()
    out: list[Piece] = []

    def inside(start: str, end: str) -> tuple[tuple[int, str, str], ...]:
        return (*around, (next(serial), start, end))

    for node in nodes:
        if isinstance(node, Text):
            out.append(Piece(node.text, around))
        elif isinstance(node, LineBreak):
            out.append(Piece("\n", around, line_break=True))
        elif isinstance(node, Emphasis):
            out += pieces(node.children, inside("<em>", "</em>"), serial)
        elif isinstance(node, Strong):
            out += pieces(node.children, inside("<strong>", "</strong>"), serial)
        elif isinstance(node, Link) and safe_href(node.href) and node.href.startswith("mailto:") \
                and len(node.children) == 1 and isinstance(node.children[0], Text) and "@" in node.children[0].text:
            # An address never breaks at its hyphen (« prp@ciusss-/essai.qc.ca » is typed without it): each
            # side of « @ » is kept whole, and a line may break only before « @ », where no one can mistake it.
            link = inside(f'<a href="{escape(node.href)}">', "</a>")
            local, domain = node.children[0].text.split("@", 1)
            out.append(Piece(local, (*link, (next(serial), '<span class="courriel">', "</span>"))))
            out.append(Piece(f"@{domain}", (*link, (next(serial), '<wbr><span class="courriel">', "</span>"))))
        elif isinstance(node, Link) and safe_href(node.href):
            out += pieces(node.children, inside(f'<a href="{escape(node.href)}">', "</a>"), serial)
        elif isinstance(node, Link):
            out += pieces(node.children, around, serial)
        elif isinstance(node, ToConfirm):
            out += pieces(node.children, inside('<mark class="a-confirmer">', "</mark>"), serial)
            out.append(Piece(node.mention, inside('<span class="mention-a-confirmer">', "</span>")))
        elif isinstance(node, Foreign):
            out += pieces(node.children, inside(f'<span lang="{escape(node.lang)}">', "</span>"), serial)
    return out


def cut(found: list[Piece], start: int, end: int) -> list[Piece]:
    """The pieces of the characters `start` to `end` of their joined text."""
    out, position = [], 0
    for piece in found:
        begin, finish = max(start, position), min(end, position + len(piece.text))
        if begin < finish or (piece.text == "" and start <= position < end):
            out.append(dataclasses.replace(piece, text=piece.text[begin - position:finish - position]))
        position += len(piece.text)
    return out


def pieces_html(found: list[Piece]) -> str:
    """The pieces as HTML, each element opened and closed once around the pieces it holds."""
    out: list[str] = []
    open_now: tuple[tuple[int, str, str], ...] = ()
    for piece in found:
        shared = 0
        while shared < min(len(open_now), len(piece.around)) and open_now[shared] == piece.around[shared]:
            shared += 1
        out += [end for _, _, end in reversed(open_now[shared:])]
        out += [start for _, start, _ in piece.around[shared:]]
        open_now = piece.around
        out.append("<br>" if piece.line_break else _text(piece.text))
    out += [end for _, _, end in reversed(open_now)]
    return "".join(out)


def _inlines(nodes: tuple[Inline, ...]) -> str:
    return pieces_html(pieces(nodes))


def _block(block: Block, heading_level: int) -> str:
    if isinstance(block, Paragraph):
        lead_in = ' class="annonce"' if leads_in(block.inlines) else ""
        return f"<p{lead_in}>{_inlines(block.inlines)}</p>"
    if isinstance(block, Heading):
        return f"<h{heading_level}>{_inlines(block.inlines)}</h{heading_level}>"
    if isinstance(block, Note):
        return f'<div class="note" role="note">{"".join(_block(b, heading_level) for b in block.blocks)}</div>'
    if isinstance(block, ListBlock):
        tag = "ol" if block.ordered else "ul"
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        items = "".join(f"<li>{_item(item, heading_level)}</li>" for item in block.items)
        return f"<{tag}{start}>{items}</{tag}>"
    # A table with an empty header row is a list of label/value pairs: the label is a row header.
    has_header = any(block.header)
    head = "".join(f'<th scope="col">{_inlines(cell)}</th>' for cell in block.header)
    rows = "".join("<tr>" + "".join(
        (f'<th scope="row">{_inlines(cell)}</th>' if i == 0 and not has_header else f"<td>{_inlines(cell)}</td>")
        for i, cell in enumerate(row)) + "</tr>" for row in block.rows)
    thead = f"<thead><tr>{head}</tr></thead>" if has_header else ""
    return f"<table>{thead}<tbody>{rows}</tbody></table>"


def _item(blocks: tuple[Block, ...], heading_level: int) -> str:
    # A one-paragraph item needs no <p>: screen readers announce it more cleanly.
    if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
        return _inlines(blocks[0].inlines)
    return "".join(_block(b, heading_level) for b in blocks)


def _numbered(label: tuple[Inline, ...], number: str = "") -> str:
    """A label (`common.heading`), escaped, with its number apart: « <span class="num">5.1</span> Les
    comptes »; the French names of an English edition's title in their language."""
    first, rest = label[0], _inlines(label[1:])
    if not isinstance(first, Text):
        return _inlines(label)
    if number and first.text.startswith(number):
        return f'<span class="num">{escape(number)}</span>{escape(first.text.removeprefix(number))}{rest}'
    return escape(first.text) + rest


def _toc(entries: list[TocEntry] | tuple[TocEntry, ...]) -> list[TocEntry]:
    """The table of contents' entries, each label as HTML (`_numbered`)."""
    return [dataclasses.replace(e, label=Markup(_numbered(e.heading)), children=tuple(_toc(e.children)))
            for e in entries]


def _clause(clause: Clause, review: bool) -> str:
    parts = [f'<div class="clause" id="{anchor(clause.id)}">']
    if clause.show_title:
        parts.append(f"<h3>{_numbered(heading(clause), clause.number)}</h3>")
    parts.extend(_block(b, 4) for b in clause.blocks)
    if review:
        parts.append(note_html(clause.provenance))
    parts.append("</div>")
    return "".join(parts)


def _section(section: Section, review: bool, continued: str = "") -> str:
    """A section; `continued` (« suite »), the rest of a box the PDF's columns cut, under its heading again."""
    ident = f"s-{anchor(section.id)}" + ("-suite" if continued else "")
    classes = f"section role-{section.role}" + (" annex" if section.annex else "") + (" suite" if continued else "")
    body = "".join(_clause(c, review) for c in section.clauses)
    label = _numbered(heading(section)) + (f" ({escape(continued)})" if continued else "")
    return (f'<section class="{classes}" id="{ident}" aria-labelledby="{ident}-titre">'
            f'<h2 id="{ident}-titre">{label}</h2>{body}</section>')


@cache
def layouts() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES / "layouts"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def layout_classes(layout: Layout) -> str:
    """The page's classes, from its layout: the stylesheets style these, never a document kind."""
    classes = ["doc"]
    if layout.toc:
        classes.append("sommaire")
    if layout.columns > 1:
        classes.append(f"colonnes-{layout.columns}")
    if layout.compact:
        classes.append("compact")
    if layout.annex_page_break:
        classes.append("annexes-nouvelle-page")
    return " ".join(classes)


def _placed(sections: list[Section], placement: Placement, review: bool, continued: str) -> str:
    """The sections as the PDF places them: a sheet per page, a column per column, a box the columns
    cut in two pieces (writers/columns.py)."""
    by_id = {s.id: s for s in sections}
    pieces = [piece for page in placement for column in page for piece in column]
    stops = {(ident, start): next((k for i, k in pieces if i == ident and k > start), None) for ident, start in pieces}

    def piece(ident: str, start: int) -> str:
        section = by_id[ident]
        cut = dataclasses.replace(section, clauses=section.clauses[start:stops[ident, start]])
        return _section(cut, review, continued if start else "")
    return "".join('<div class="feuillet">' + "".join(
        '<div class="colonne">' + "".join(piece(*p) for p in column) + "</div>" for column in page)
        + "</div>" for page in placement)


def render_html(document: Document, options: WriterOptions = WriterOptions(), placement: Placement | None = None,
                measure: bool = False, step: Step | None = None) -> str:
    """The page as a string; `options.media == "print"` adds the print stylesheet for the PDF;
    `options.site` makes it a page of the intranet site (linked stylesheet, downloads).
    For a layout in columns, the PDF writer (writers/pdf.py) first asks for the page to `measure` its
    boxes in one column of the columns' width at a `step` (body size and line height, print), then
    for the `placement` of each box at the step it chose (writers/columns.py: `fit`)."""
    site, review = options.site, options.review
    names = ("fonts.css", "document.css", "print.css") if options.media == "print" else ("document.css", "screen.css")
    if review:
        names += ("review.css",)
    body = body_sections(document)
    # In columns, the first section is the entry point (« À retenir »): across the page, above them.
    columned = body[1:] if document.layout.columns > 1 else body
    metadata = Markup("".join(_section(s, review) for s in front_matter(document)))
    lead = Markup("".join(_section(s, review) for s in body[:1])) if document.layout.columns > 1 else ""
    sections = Markup(_placed(columned, placement, review, labels(document.lang)["continued"]) if placement is not None
                      else "".join(_section(s, review) for s in columned))
    css = "\n".join(stylesheet(name, step) for name in names)
    if options.media == "screen" and site is None:  # a page on its own carries its font (the site serves it)
        css = font_faces(metadata + lead + sections) + "\n" + css
    # A long document opens on its table of contents (sections and titled clauses); a short one on its text.
    return layouts().get_template("document.html.j2").render(
        document=document,
        body_class=layout_classes(document.layout) + (" mesure" if measure else ""),
        css=Markup(css) if site is None else None,
        toc=_toc(table_of_contents(document)) if document.layout.toc else [],
        version_line=Markup(_text(title_version(document))),
        footer=Markup(_text(footer_line(document))),
        metadata=metadata,
        lead=lead,
        sections=sections,
        draft_mark=draft_mark(document, review),
        media=options.media,
        site=site,
        labels=labels(document.lang),
        # the print stylesheet's page label is French: another language's replaces it
        page_counter=Markup(page_counter_css(document.lang)) if options.media == "print" and document.lang != "fr-CA"
        else None,
    )


def write_html(document: Document, path: Path, options: WriterOptions = WriterOptions()) -> None:
    path.write_text(render_html(document, options), encoding="utf-8")
