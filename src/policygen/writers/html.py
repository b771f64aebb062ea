"""Document model -> a standalone HTML page (CSS embedded, no external request).

Everything from the model is escaped here; the layout template only places
the pieces. The PDF writer reuses this page with the print stylesheet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..model.nodes import TO_CONFIRM, Block, Clause, Document, Emphasis, Heading, Inline, LineBreak, Layout, Link, \
    ListBlock, Note, Paragraph, Section, Strong, Text, ToConfirm
from ..resources import TEMPLATES
from .columns import Placement
from .design import labels, page_counter_css, stylesheet
from .notes import DRAFT_MARK, note_html
from .options import WriterOptions
from .typeset import ordinal_runs
from .webfonts import font_faces


def _text(text: str) -> str:
    """Escaped text, « 1er » with its suffix raised."""
    return "".join(f"<sup>{escape(piece)}</sup>" if raised else escape(piece, quote=False)
                   for piece, raised in ordinal_runs(text))


def _inlines(nodes: tuple[Inline, ...]) -> str:
    out = []
    for node in nodes:
        if isinstance(node, Text):
            out.append(_text(node.text))
        elif isinstance(node, LineBreak):
            out.append("<br>")
        elif isinstance(node, Emphasis):
            out.append(f"<em>{_inlines(node.children)}</em>")
        elif isinstance(node, Strong):
            out.append(f"<strong>{_inlines(node.children)}</strong>")
        elif isinstance(node, Link) and safe_href(node.href):
            out.append(f'<a href="{escape(node.href)}">{_inlines(node.children)}</a>')
        elif isinstance(node, Link):
            out.append(_inlines(node.children))
        elif isinstance(node, ToConfirm):
            out.append(f'<mark class="a-confirmer">{_inlines(node.children)}</mark>'
                       f'<span class="mention-a-confirmer">{escape(TO_CONFIRM)}</span>')
    return "".join(out)


SIBLING = re.compile(r"[a-z0-9-]+\.html")


def safe_href(href: str) -> bool:
    """Only web, mail and telephone links, anchors, or a sibling document (an edition's French
    original, « netiquette.html »): never `javascript:` or `file:`."""
    return href.startswith(("https://", "http://", "mailto:", "tel:", "#")) or SIBLING.fullmatch(href) is not None


def _block(block: Block, heading_level: int) -> str:
    if isinstance(block, Paragraph):
        return f"<p>{_inlines(block.inlines)}</p>"
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


def anchor(identifier: str) -> str:
    return identifier.replace(".", "-")


def _numbered(label: str, number: str) -> str:
    """The label, escaped, with its number apart: « <span class="num">5.1</span> Les comptes »."""
    if number and label.startswith(number):
        return f'<span class="num">{escape(number)}</span>{escape(label.removeprefix(number))}'
    return escape(label)


def _clause(clause: Clause, review: bool) -> str:
    parts = [f'<div class="clause" id="{anchor(clause.id)}">']
    if clause.show_title:
        parts.append(f"<h3>{_numbered(clause.label, clause.number)}</h3>")
    parts.extend(_block(b, 4) for b in clause.blocks)
    if review:
        parts.append(note_html(clause.provenance))
    parts.append("</div>")
    return "".join(parts)


def _section(section: Section, review: bool) -> str:
    ident = f"s-{anchor(section.id)}"
    classes = f"section role-{section.role}" + (" annex" if section.annex else "")
    body = "".join(_clause(c, review) for c in section.clauses)
    return (f'<section class="{classes}" id="{ident}" aria-labelledby="{ident}-titre">'
            f'<h2 id="{ident}-titre">{escape(section.label)}</h2>{body}</section>')


@cache
def layouts() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES / "layouts"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class TocEntry:
    target: str
    label: str
    children: tuple[TocEntry, ...] = ()


def table_of_contents(document: Document) -> list[TocEntry]:
    """Sections and their titled clauses, with their anchors."""
    return [TocEntry(f"s-{anchor(s.id)}", s.label,
                     tuple(TocEntry(anchor(c.id), c.label) for c in s.clauses if c.show_title))
            for s in document.sections if s.role != "metadata"]


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


def _placed(sections: list[Section], placement: Placement, review: bool) -> str:
    """The sections as the PDF places them: a sheet per page, a column per column."""
    by_id = {s.id: s for s in sections}
    return "".join('<div class="feuillet">' + "".join(
        '<div class="colonne">' + "".join(_section(by_id[i], review) for i in column) + "</div>" for column in page)
        + "</div>" for page in placement)


def render_html(document: Document, options: WriterOptions = WriterOptions(), placement: Placement | None = None,
                measure: bool = False) -> str:
    """The page as a string; `options.media == "print"` adds the print stylesheet for the PDF;
    `options.site` makes it a page of the intranet site (linked stylesheet, downloads).
    For a layout in columns, the PDF writer (writers/pdf.py) first asks for the page to `measure` its
    boxes in one column of the columns' width, then for the `placement` of each box."""
    site, review = options.site, options.review
    names = ("fonts.css", "document.css", "print.css") if options.media == "print" else ("document.css", "screen.css")
    if review:
        names += ("review.css",)
    body = [s for s in document.sections if s.role != "metadata"]
    # In columns, the first section is the entry point (« À retenir »): across the page, above them.
    columned = body[1:] if document.layout.columns > 1 else body
    metadata = Markup("".join(_section(s, review) for s in document.sections if s.role == "metadata"))
    lead = Markup("".join(_section(s, review) for s in body[:1])) if document.layout.columns > 1 else ""
    sections = Markup(_placed(columned, placement, review) if placement is not None
                      else "".join(_section(s, review) for s in columned))
    css = "\n".join(stylesheet(name) for name in names)
    if options.media == "screen" and site is None:  # a page on its own carries its font (the site serves it)
        css = font_faces(metadata + lead + sections) + "\n" + css    # A long document opens on its table of contents (sections and titled clauses); a short one on its text.
    return layouts().get_template("document.html.j2").render(
        document=document,
        body_class=layout_classes(document.layout) + (" mesure" if measure else ""),
        css=Markup(css) if site is None else None,
        toc=table_of_contents(document) if document.layout.toc else [],
        version_line=Markup(_text(document.version_line)),
        metadata=metadata,
        lead=lead,
        sections=sections,
        draft_mark=DRAFT_MARK if review else "",
        media=options.media,
        site=site,
        labels=labels(document.lang),
        # the print stylesheet's page label is French: another language's replaces it
        page_counter=Markup(page_counter_css(document.lang)) if options.media == "print" and document.lang != "fr-CA"
        else None,
    )


def write_html(document: Document, path: Path, options: WriterOptions = WriterOptions()) -> None:
    path.write_text(render_html(document, options), encoding="utf-8")
