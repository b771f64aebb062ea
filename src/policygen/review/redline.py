"""Redline: the new version's DOCX with Word tracked changes, as the DocumentDiff says.

Both versions are written by the DOCX writer, which tells which body elements
each part of the model became. The redline then walks the DocumentDiff: a
unit (paragraph, list item, table row) or block only one version has is
inserted or deleted whole, paragraph marks included; a changed unit has its
words deleted and inserted as the diff's word-level changes say, keeping each
run's formatting and links. Accept All in Word gives the new version, Reject
All the old. Changes are signed « policygen » and dated with the new
document's timestamp (SOURCE_DATE_EPOCH or the organisation file), never the
clock. Each clause sits between two hidden bookmarks (« _Clause_1 »…, in
document order) so a reader can tell which clause a change belongs to.
"""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass
from itertools import count, groupby

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from ..model.nodes import Document
from ..writers.docx.document import Spans, build_docx
from ..writers.docx.package import save_docx
from ..writers.notes import AUTHOR
from ..model.diff import BlockDiff, DocumentDiff, Op, UnitDiff

P, R, T, TBL, TR, TC = (qn(t) for t in ("w:p", "w:r", "w:t", "w:tbl", "w:tr", "w:tc"))
PPR, RPR, TRPR, HYPERLINK = qn("w:pPr"), qn("w:rPr"), qn("w:trPr"), qn("w:hyperlink")
BR, TAB, DEL_TEXT, RID = qn("w:br"), qn("w:tab"), qn("w:delText"), qn("r:id")
BOOKMARK_START, BOOKMARK_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
CLAUSE_BOOKMARK = "_Clause_"

Link = tuple[tuple[str, str], ...]  # a hyperlink's target: ("url", …) or its w:anchor and w:history


@dataclass(frozen=True)
class Atom:
    """One character of a paragraph, or one element without text, with what it needs to be written again."""

    text: str  # one character (a w:br or w:tab stands for "\n" or "\t"), "" for an element without text
    element: bytes  # serialised run content other than w:t (w:br, w:tab, w:fldChar…), else b""
    props: bytes  # serialised w:rPr of its run
    link: Link | None
    bare: bool = False  # outside any run (a bookmark): written back as is


@dataclass(frozen=True)
class Redline:
    data: bytes
    insertions: int
    deletions: int


class _Redline:
    def __init__(self, new_part: Part, old_part: Part, date: str, first_bookmark: int):
        self.new_part, self.old_part, self.date = new_part, old_part, date
        self.ids = count(1)
        self.bookmarks = count(first_bookmark)
        self.clauses = count(1)
        self.counts = {"ins": 0, "del": 0}

    # Marks -------------------------------------------------------------------

    def mark(self, kind: str) -> etree._Element:
        element = OxmlElement(f"w:{kind}")
        element.set(qn("w:id"), str(next(self.ids)))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.date)
        self.counts[kind] += 1
        return element

    def mark_paragraph(self, paragraph: etree._Element, kind: str) -> None:
        """The paragraph mark itself inserted or deleted, so the whole paragraph comes or goes."""
        ppr = paragraph.find(PPR)
        if ppr is None:
            ppr = OxmlElement("w:pPr")
            paragraph.insert(0, ppr)
        rpr = ppr.find(RPR)
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            ppr.append(rpr)
        rpr.append(self.mark(kind))

    def mark_row(self, row: etree._Element, kind: str) -> None:
        trpr = row.find(TRPR)
        if trpr is None:
            trpr = OxmlElement("w:trPr")
            row.insert(1 if len(row) and row[0].tag == qn("w:tblPrEx") else 0, trpr)
        trpr.append(self.mark(kind))

    def bookmark(self, blocks: list[etree._Element], start: int) -> None:
        """Hidden bookmarks around `blocks[start:]`, one clause."""
        ident, name = str(next(self.bookmarks)), f"{CLAUSE_BOOKMARK}{next(self.clauses)}"
        begin, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        begin.set(qn("w:id"), ident)
        begin.set(qn("w:name"), name)
        end.set(qn("w:id"), ident)
        blocks.insert(start, begin)
        blocks.append(end)

    # Whole blocks ------------------------------------------------------------

    def _wrap_runs(self, container: etree._Element, kind: str) -> None:
        for run in [c for c in container if c.tag == R]:
            if kind == "del":
                for text in run.iter(T):
                    text.tag = DEL_TEXT
            wrapper = self.mark(kind)
            run.addprevious(wrapper)
            wrapper.append(run)
        for link in [c for c in container if c.tag == HYPERLINK]:
            self._wrap_runs(link, kind)

    def whole(self, block: etree._Element, kind: str) -> etree._Element:
        """`block` inserted entirely, or (copied from the old version) deleted entirely."""
        if kind == "del":
            block = copy.deepcopy(block)
            for link in block.iter(HYPERLINK):
                if link.get(RID):  # a link to a bookmark (table of contents) has no relationship
                    link.set(RID, self.relate(self.old_part.rels[link.get(RID)].target_ref))
            renumbered: dict[str, str] = {}  # the old version's bookmark ids may be taken in the new one
            for mark in block.iter(BOOKMARK_START, BOOKMARK_END):
                mark.set(qn("w:id"), renumbered.setdefault(mark.get(qn("w:id")), str(next(self.bookmarks))))
        for paragraph in block.iter(P):
            self._wrap_runs(paragraph, kind)
            if block.tag == P:
                self.mark_paragraph(paragraph, kind)
        for row in block.iter(TR):
            self.mark_row(row, kind)
        return block

    def relate(self, url: str) -> str:
        return self.new_part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)

    # Units and blocks, as the diff pairs them ----------------------------------

    def unit(self, unit: UnitDiff, old: etree._Element | None, new: etree._Element | None,
             cell: int = 0) -> etree._Element:
        if old is None:
            return self.whole(new, "ins")
        if new is None:
            return self.whole(old, "del")
        if unit.changed:
            return self.paragraph(old, new, unit.ops[cell])
        return self.kept(old, new)

    def kept(self, old: etree._Element, new: etree._Element) -> etree._Element:
        """Same words; a page break or field only one version has there still shows as a change."""
        old_atoms, new_atoms = self.atoms(old, self.old_part), self.atoms(new, self.new_part)
        if _fixtures(old_atoms) == _fixtures(new_atoms):
            return new
        text = "".join(a.text for a in new_atoms)
        return self.paragraph(old, new, (("equal", text, text),))

    def block(self, block: BlockDiff, old: list[etree._Element], new: list[etree._Element]) -> list[etree._Element]:
        if block.old is None:
            return [self.whole(e, "ins") for e in new]
        if block.new is None:
            return [self.whole(e, "del") for e in old]
        if block.kind in ("table", "labels"):
            # The writer follows each table with an empty paragraph.
            return [self.table(block, old[0], new[0]), *map(self.kept, old[1:], new[1:])]
        if block.opaque:
            return new  # paired only when the same
        if not _one_per_unit(block, old, new):
            # The writer set the block in a container of its own (the emergency notice's box is one
            # table cell): replaced whole where it changed.
            if not any(u.changed for u in block.units):
                return new
            return [*(self.whole(e, "del") for e in old), *(self.whole(e, "ins") for e in new)]
        return [self.unit(u, _at(old, u.old), _at(new, u.new)) for u in block.units]

    def table(self, block: BlockDiff, old: etree._Element, new: etree._Element) -> etree._Element:
        old_rows, new_rows = old.findall(TR), new.findall(TR)
        rows = []
        for unit in block.units:
            if unit.old is None or unit.new is None:
                rows.append(self.whole(new_rows[unit.new], "ins") if unit.old is None
                            else self.whole(old_rows[unit.old], "del"))
                continue
            row = new_rows[unit.new]
            for index, (old_cell, new_cell) in enumerate(zip(old_rows[unit.old].findall(TC), row.findall(TC))):
                if index < len(unit.new_cells):  # the writer pads short rows with empty cells
                    self.unit(unit, old_cell.find(P), new_cell.find(P), index)
            rows.append(row)
        for row in new_rows:
            new.remove(row)
        new.extend(rows)
        return new

    # Word-level changes --------------------------------------------------------

    def atoms(self, paragraph: etree._Element, part: Part) -> list[Atom]:
        out = []
        for child in paragraph:
            if child.tag == PPR:
                continue
            if child.tag not in (R, HYPERLINK):
                out.append(Atom("", etree.tostring(child), b"", None, bare=True))
                continue
            runs, link = ([child], None) if child.tag == R else (child.findall(R), _link(child, part))
            for run in runs:
                props = run.find(RPR)
                props_xml = b"" if props is None else etree.tostring(props)
                for element in run:
                    if element.tag == T:
                        out += [Atom(c, b"", props_xml, link) for c in element.text or ""]
                    elif element.tag != RPR:
                        out.append(Atom(_stands_for(element), etree.tostring(element), props_xml, link))
        return out

    def paragraph(self, old: etree._Element, new: etree._Element, ops: tuple[Op, ...]) -> etree._Element:
        """`new` with its runs rewritten as the diff's word-level changes from `old`."""
        old_atoms, new_atoms = self.atoms(old, self.old_part), self.atoms(new, self.new_part)
        for atoms, side in ((old_atoms, 1), (new_atoms, 2)):
            written, expected = "".join(a.text for a in atoms), "".join(op[side] for op in ops)
            assert written == expected, f"the DOCX writer wrote {written!r} for {expected!r}"
        same_fixtures = _fixtures(old_atoms) == _fixtures(new_atoms)
        old_taken, new_taken = _Taker(old_atoms), _Taker(new_atoms)
        pieces: list[tuple[str, Atom]] = []
        for op, before, after in (*ops, ("equal", "", "")):  # the last one takes what follows the text
            for atom in old_taken.take(len(before), last=not before and not after):
                if atom.text and op != "equal":
                    pieces.append(("del", atom))
                elif not atom.text and not atom.bare and not same_fixtures:
                    pieces.append(("del", atom))
            for atom in new_taken.take(len(after), last=not before and not after):
                state = "same" if (op == "equal" if atom.text else same_fixtures or atom.bare) else "ins"
                pieces.append(("bare" if atom.bare else state, atom))
        for child in [c for c in new if c.tag != PPR]:
            new.remove(child)
        for (state, props, link), group in groupby(pieces, key=lambda p: (p[0], p[1].props, p[1].link)):
            atoms = [atom for _, atom in group]
            if state == "bare":
                new.extend(etree.fromstring(a.element) for a in atoms)
            else:
                new.append(self.run(state, props, link, atoms))
        return new

    def run(self, state: str, props: bytes, link: Link | None, atoms: list[Atom]) -> etree._Element:
        """One run of `atoms`, inside w:ins / w:del for a change, inside w:hyperlink for a link."""
        run = OxmlElement("w:r")
        if props:
            run.append(etree.fromstring(props))
        text_tag = DEL_TEXT if state == "del" else T
        text = None
        for atom in atoms:
            if atom.element:
                run.append(etree.fromstring(atom.element))
                text = None
            else:
                if text is None:
                    text = etree.SubElement(run, text_tag)
                    text.set(qn("xml:space"), "preserve")
                    text.text = ""
                text.text += atom.text
        content = run
        if state != "same":
            content = self.mark(state)
            content.append(run)
        if link is not None:
            wrapper = OxmlElement("w:hyperlink")
            for name, value in link:
                wrapper.set(RID if name == "url" else qn(f"w:{name}"),
                            self.relate(value) if name == "url" else value)
            wrapper.append(content)
            content = wrapper
        return content


class _Taker:
    """Takes a paragraph's atoms in order, so many characters at a time."""

    def __init__(self, atoms: list[Atom]):
        self.atoms, self.position = atoms, 0

    def take(self, characters: int, last: bool) -> list[Atom]:
        """The atoms up to `characters` characters on (elements without text before them included),
        or every atom left when `last`."""
        out = []
        while self.position < len(self.atoms) and (last or characters > 0):
            atom = self.atoms[self.position]
            if atom.text and not last and characters == 0:
                break
            out.append(atom)
            characters -= len(atom.text)
            self.position += 1
            if characters == 0 and not last:
                break
        return out


def _stands_for(element: etree._Element) -> str:
    if element.tag == TAB:
        return "\t"
    if element.tag == BR and element.get(qn("w:type")) in (None, "textWrapping"):
        return "\n"
    return ""  # a page break, a field character: no text of the model


def _fixtures(atoms: list[Atom]) -> list[bytes]:
    """Run content that stands for no text (page breaks, fields), in order."""
    return [a.element for a in atoms if not a.text and not a.bare]


def _link(hyperlink: etree._Element, part: Part) -> Link:
    if hyperlink.get(RID):
        return (("url", part.rels[hyperlink.get(RID)].target_ref),)
    return tuple((name, hyperlink.get(qn(f"w:{name}"))) for name in ("anchor", "history")
                 if hyperlink.get(qn(f"w:{name}")) is not None)


def _one_per_unit(block: BlockDiff, old: list[etree._Element], new: list[etree._Element]) -> bool:
    """Whether the writer wrote one body element per unit of `block` (a paragraph, a list item)."""
    return all(index is None or index < len(elements) for u in block.units
               for index, elements in ((u.old, old), (u.new, new)))


def _at(elements: list[etree._Element] | None, index: int | None) -> etree._Element | None:
    return None if elements is None or index is None else elements[index]


def _track_revisions(settings: etree._Element) -> None:
    """Turn on « Suivi des modifications », so the reviewer's own edits are tracked too."""
    track = OxmlElement("w:trackRevisions")
    later = settings.find(qn("w:defaultTabStop"))  # the schema puts trackRevisions before it
    if later is not None:
        later.addprevious(track)
    else:
        settings.append(track)


def _merge(tracker: _Redline, diff: DocumentDiff, old: Spans, new: Spans) -> list[etree._Element]:
    """The body of the redline, in the diff's order."""
    blocks = [tracker.unit(u, old[("front",)][u.old], new[("front",)][u.new]) for u in diff.front]
    blocks += new[("front",)][len(diff.front):]  # the fiche-synthèse's section break
    contents = [s for s in diff.sections if not s.metadata]
    for section in diff.sections:
        if contents and section is contents[0] and ("toc",) in new:
            blocks += _toc(tracker, old, new)
        key = ("section", section.id)
        blocks.append(tracker.unit(section.heading, _at(old.get(key), section.heading.old),
                                   _at(new.get(key), section.heading.new)))
        for clause in section.clauses:
            start = len(blocks)
            if clause.title:
                key = ("title", clause.id)
                blocks.append(tracker.unit(clause.title, _at(old.get(key), clause.title.old),
                                           _at(new.get(key), clause.title.new)))
            for block in clause.blocks:
                blocks += tracker.block(block, old.get(("block", clause.id, block.old), []),
                                        new.get(("block", clause.id, block.new), []))
            tracker.bookmark(blocks, start)
        if contents and section is contents[0]:
            blocks += new.get(("columns",), [])  # the columns start after the first section, as in the writer
    return blocks


def _toc(tracker: _Redline, old: Spans, new: Spans) -> list[etree._Element]:
    """The table of contents: its heading, then its entries (sections and titled clauses, each with
    its page), an entry kept where both versions have it word for word and page for page, deleted
    and inserted whole elsewhere."""
    olds, news = old.get(("toc",), []), new[("toc",)]
    matcher = difflib.SequenceMatcher(None, [_text(e) for e in olds], [_text(e) for e in news], autojunk=False)
    blocks: list[etree._Element] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            blocks += [tracker.kept(o, n) for o, n in zip(olds[i1:i2], news[j1:j2])]
        else:
            blocks += [*(tracker.whole(o, "del") for o in olds[i1:i2]), *(tracker.whole(n, "ins") for n in news[j1:j2])]
    return blocks


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(T))


def redline(diff: DocumentDiff, old: Document, new: Document) -> Redline:
    """The DOCX of `new`, with every difference `diff` found from `old` as a tracked change."""
    old_spans: Spans = {}
    new_spans: Spans = {}
    old_docx, new_docx = build_docx(old, spans=old_spans), build_docx(new, spans=new_spans)
    body = new_docx.element.body
    taken = [int(b.get(qn("w:id"))) for b in body.iter(BOOKMARK_START)]
    tracker = _Redline(new_docx.part, old_docx.part, new.timestamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
                       max(taken, default=0) + 1)
    merged = _merge(tracker, diff, old_spans, new_spans)
    end = body.find(qn("w:sectPr"))
    for block in [e for e in body if e is not end]:
        body.remove(block)
    for block in merged:
        end.addprevious(block)
    _track_revisions(new_docx.settings.element)
    return Redline(save_docx(new_docx), tracker.counts["ins"], tracker.counts["del"])
