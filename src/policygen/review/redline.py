"""Redline: the new version's DOCX with Word tracked changes, as the DocumentDiff says.

Both versions are written by the DOCX writer, which returns the map of the
body elements each part of the model became and where each of its units
(paragraph, list item, table row) sits (`writers.docx.bodymap`). The redline
walks the DocumentDiff over the new version's map: a unit or block only one
version has is inserted or deleted whole, paragraph marks included, where the
map puts it (in the body, in a box, in a table); a changed unit has its words
deleted and inserted as the diff's word-level changes say, keeping each run's
formatting and links; what the map calls layout stays as the writer wrote it. Accept All in Word gives the new version, Reject
All the old. Changes are signed « policygen » and dated with the new
document's timestamp (SOURCE_DATE_EPOCH or the organisation file), never the
clock. Each clause sits between two hidden bookmarks (« _Clause_1 »…, in
document order) so a reader can tell which clause a change belongs to.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count, groupby

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from ..model.diff import FRONT, BlockDiff, DocumentDiff, Op, UnitDiff
from ..model.nodes import Document
from ..writers.docx.bodymap import BLOCK, SECTION, TITLE, TOC, BodyMap, Part, Placed
from ..writers.docx.bodymap import FRONT as FRONT_LINE
from ..writers.docx.document import laid_out
from ..writers.docx.package import save_docx
from ..writers.notes import AUTHOR

P, R, T, TR = (qn(t) for t in ("w:p", "w:r", "w:t", "w:tr"))
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

    def replaced(self, old: list[etree._Element], new: list[etree._Element]) -> list[etree._Element]:
        return [*(self.whole(e, "del") for e in old), *(self.whole(e, "ins") for e in new)]

    def units(self, units: tuple[UnitDiff, ...], old: Placed, new: Placed) -> list[etree._Element]:
        """`new`'s elements with each unit changed in place: a unit only the old version has is set
        (deleted) beside the unit before it, in the same container (the body, a box, a table)."""
        holder = OxmlElement("w:body")  # the part's elements, so a unit may be set before its first one
        holder.extend(new.elements)
        anchors = [new.units[u.new].element for u in units if u.new is not None]
        if not anchors:
            return self.replaced(old.elements, list(holder))
        previous = None
        for u in units:
            if u.new is None:
                gone = self.whole(old.units[u.old].element, "del")
                if previous is None:
                    anchors[0].addprevious(gone)
                else:
                    previous.addnext(gone)
                previous = gone
                continue
            target = new.units[u.new]
            if u.old is None:
                self.whole(target.element, "ins")
            else:
                for index, (before, after) in enumerate(zip(old.units[u.old].cells, target.cells)):
                    self.unit(u, before, after, index)
            previous = target.element
        return list(holder)

    def block(self, block: BlockDiff, old: Placed | None, new: Placed | None) -> list[etree._Element]:
        if old is None or new is None or block.old is None or block.new is None:
            return self.replaced(old.elements if old else [], new.elements if new else [])
        if block.opaque:
            return new.elements  # paired only when the same
        return self.units(block.units, old, new)

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
        if any("".join(a.text for a in atoms) != "".join(op[side] for op in ops)
               for atoms, side in ((old_atoms, 1), (new_atoms, 2))):
            # The words are not the ones the diff read (a writer's addition): the paragraph replaced whole.
            new.addprevious(self.whole(old, "del"))
            return self.whole(new, "ins")
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


def _track_revisions(settings: etree._Element) -> None:
    """Turn on « Suivi des modifications », so the reviewer's own edits are tracked too."""
    track = OxmlElement("w:trackRevisions")
    later = settings.find(qn("w:defaultTabStop"))  # the schema puts trackRevisions before it
    if later is not None:
        later.addprevious(track)
    else:
        settings.append(track)


Step = tuple[Part | None, Part | None, str | None, Callable[[], list[etree._Element]]]


def _steps(tracker: _Redline, diff: DocumentDiff, old: BodyMap, new: BodyMap) -> list[Step]:
    """The diff in reading order: each part of the model with its part in each map (None where that
    version has none), the clause it belongs to, and how to write its tracked changes."""
    steps: list[Step] = []

    def line(unit: UnitDiff | None, before: Part, after: Part, clause: str | None = None) -> None:
        if unit is None:
            return
        was, now = old.get(before) if unit.old is not None else None, new.get(after) if unit.new is not None else None
        if was is None and now is None:
            return  # a line this layout does not write (no title block)

        def write() -> list[etree._Element]:
            if was is None or now is None:
                return tracker.replaced(was.elements if was else [], now.elements if now else [])
            # A line is its part's one unit (the diff indexes the front's lines among the three).
            return tracker.units((dataclasses.replace(unit, old=0, new=0),), was, now)
        steps.append((before if was else None, after if now else None, clause, write))

    for unit, name in zip(diff.front, FRONT):
        line(unit, Part(FRONT_LINE, (name,)), Part(FRONT_LINE, (name,)))
    for section in diff.sections:
        line(section.heading, Part(SECTION, (section.id,)), Part(SECTION, (section.id,)))
        for clause in section.clauses:
            line(clause.title, Part(TITLE, (clause.id,)), Part(TITLE, (clause.id,)), clause.id)
            for block in clause.blocks:
                before, after = Part(BLOCK, (clause.id, block.old)), Part(BLOCK, (clause.id, block.new))
                was, now = old.get(before), new.get(after)
                steps.append((before if was else None, after if now else None, clause.id,
                              lambda block=block, was=was, now=now: tracker.block(block, was, now)))
    return steps


def _merge(tracker: _Redline, diff: DocumentDiff, old: BodyMap, new: BodyMap) -> list[etree._Element]:
    """The body of the redline: the new version's parts in its order, the old version's own parts
    where the diff sets them, the layout's as the writer wrote them; each clause between bookmarks."""
    steps = _steps(tracker, diff, old, new)
    position = {after: index for index, (_, after, _, _) in enumerate(steps) if after is not None}
    placed: list[tuple[str | None, etree._Element]] = []
    done = 0
    for part in new.parts:
        if part.part in position:
            for _, _, clause, write in steps[done:position[part.part] + 1]:
                placed += [(clause, e) for e in write()]
            done = position[part.part] + 1
        elif part.part.kind == TOC:
            placed += [(None, e) for e in _toc(tracker, old.get(Part(TOC)), part)]
        else:
            placed += [(None, e) for e in part.elements]
    for _, _, clause, write in steps[done:]:
        placed += [(clause, e) for e in write()]
    return _bookmarked(tracker, placed)


def _bookmarked(tracker: _Redline, placed: list[tuple[str | None, etree._Element]]) -> list[etree._Element]:
    """Hidden bookmarks around each clause's elements (« _Clause_1 »…, in document order)."""
    out: list[etree._Element] = []
    for clause, group in groupby(placed, key=lambda item: item[0]):
        elements = [e for _, e in group]
        if clause is None:
            out += elements
            continue
        ident, name = str(next(tracker.bookmarks)), f"{CLAUSE_BOOKMARK}{next(tracker.clauses)}"
        begin, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
        begin.set(qn("w:id"), ident)
        begin.set(qn("w:name"), name)
        end.set(qn("w:id"), ident)
        out += [begin, *elements, end]
    return out


def _toc(tracker: _Redline, old: Placed | None, new: Placed) -> list[etree._Element]:
    """The table of contents: its heading, then its entries (sections and titled clauses, each with
    its page), an entry kept where both versions have it word for word and page for page, deleted
    and inserted whole elsewhere."""
    olds, news = old.elements if old else [], new.elements
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
    (old_docx, old_map), (new_docx, new_map) = laid_out(old), laid_out(new)
    body = new_docx.element.body
    taken = [int(b.get(qn("w:id"))) for b in body.iter(BOOKMARK_START)]
    tracker = _Redline(new_docx.part, old_docx.part, new.timestamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
                       max(taken, default=0) + 1)
    merged = _merge(tracker, diff, old_map, new_map)
    end = body.find(qn("w:sectPr"))
    for block in [e for e in body if e is not end]:
        body.remove(block)
    for block in merged:
        end.addprevious(block)
    _track_revisions(new_docx.settings.element)
    return Redline(save_docx(new_docx), tracker.counts["ins"], tracker.counts["del"])
