"""Redline: the new version's DOCX with Word tracked changes against the old one.

Both versions are written by the DOCX writer, then their bodies are aligned
block by block (paragraphs, tables, rows): a changed paragraph gets word-level
`w:del` / `w:ins` runs, a paragraph or row only one version has is inserted or
deleted whole, paragraph marks included. Accept All in Word gives the new
version, Reject All the old. Changes are signed « policygen » and dated with
the new document's timestamp (SOURCE_DATE_EPOCH or the organisation file),
never the clock.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count, groupby

from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from ..model.nodes import Document
from ..writers.docx.document import build_docx
from ..writers.docx.package import reproducible_zip
from ..writers.notes import AUTHOR
from .textdiff import align, similarity, tokens, word_ops

P, R, T, TBL, TR, TC = (qn(t) for t in ("w:p", "w:r", "w:t", "w:tbl", "w:tr", "w:tc"))
PPR, RPR, TRPR, HYPERLINK = qn("w:pPr"), qn("w:rPr"), qn("w:trPr"), qn("w:hyperlink")
DEL_TEXT, RID = qn("w:delText"), qn("r:id")


@dataclass(frozen=True)
class Atom:
    """One token of a paragraph with what it needs to be written again."""

    text: str  # a word, a space, or "" for an element (w:br, w:tab) kept as is
    element: bytes  # serialised w:br / w:tab, else b""
    props: bytes  # serialised w:rPr of its run
    link: str | None  # hyperlink target

    @property
    def key(self) -> tuple[str, bytes, str | None]:
        return self.text, self.element, self.link


def _text(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(T))


def _block_key(element: etree._Element) -> tuple:
    style = element.find(f"{PPR}/{qn('w:pStyle')}")
    return element.tag, None if style is None else style.get(qn("w:val")), _text(element)


class _Redline:
    def __init__(self, new_part: Part, old_part: Part, date: str):
        self.new_part, self.old_part, self.date = new_part, old_part, date
        self.ids = count(1)
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

    def whole(self, block: etree._Element, kind: str, old: bool = False) -> etree._Element:
        """`block` (copied from the old version when `old`) inserted or deleted entirely."""
        if old:
            block = copy.deepcopy(block)
            for link in block.iter(HYPERLINK):
                link.set(RID, self.relink(link.get(RID)))
        for paragraph in block.iter(P):
            self._wrap_runs(paragraph, kind)
            if block.tag == P:
                self.mark_paragraph(paragraph, kind)
        for row in block.iter(TR):
            self.mark_row(row, kind)
        return block

    def relink(self, rid: str) -> str:
        url = self.old_part.rels[rid].target_ref
        return self.new_part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)

    # Changed blocks ----------------------------------------------------------

    def blocks(self, old: list[etree._Element], new: list[etree._Element]) -> list[etree._Element]:
        old_keys, new_keys = [_block_key(b) for b in old], [_block_key(b) for b in new]

        def score(i: int, j: int) -> float:
            if old[i].tag != new[j].tag:
                return 0.0
            return 1.0 if old[i].tag == TBL else similarity(old_keys[i][2], new_keys[j][2])

        def changed(i: int, j: int) -> etree._Element:
            if old_keys[i] == new_keys[j] and old[i].tag == P:
                return new[j]
            return (self.table if new[j].tag == TBL else self.paragraph)(old[i], new[j])

        return self.merge(old, new, align(old_keys, new_keys, score), changed)

    def merge(self, old: list[etree._Element], new: list[etree._Element], pairs: list[tuple[int | None, int | None]],
              changed: Callable[[int, int], etree._Element]) -> list[etree._Element]:
        """Aligned blocks or rows: deleted whole, inserted whole, or `changed(i, j)`."""
        return [self.whole(old[i], "del", old=True) if j is None else
                self.whole(new[j], "ins") if i is None else changed(i, j) for i, j in pairs]

    def table(self, old: etree._Element, new: etree._Element) -> etree._Element:
        old_rows, new_rows = old.findall(TR), new.findall(TR)
        old_keys = [tuple(_text(c) for c in r.findall(TC)) for r in old_rows]
        new_keys = [tuple(_text(c) for c in r.findall(TC)) for r in new_rows]

        def score(i: int, j: int) -> float:
            if len(old_keys[i]) != len(new_keys[j]):
                return 0.0
            # Rows of a label/value table pair up by their label.
            return 1.0 if old_keys[i][:1] == new_keys[j][:1] else similarity(" ".join(old_keys[i]),
                                                                            " ".join(new_keys[j]))

        def changed(i: int, j: int) -> etree._Element:
            for old_cell, new_cell in zip(old_rows[i].findall(TC), new_rows[j].findall(TC)):
                self.cell(old_cell, new_cell)
            return new_rows[j]

        rows = self.merge(old_rows, new_rows, align(old_keys, new_keys, score), changed)
        for row in new_rows:
            new.remove(row)
        new.extend(rows)
        return new

    def cell(self, old: etree._Element, new: etree._Element) -> None:
        merged = self.blocks(old.findall(P), new.findall(P))
        for paragraph in new.findall(P):
            new.remove(paragraph)
        new.extend(merged)

    def atoms(self, paragraph: etree._Element, part: Part) -> list[Atom]:
        out = []
        for child in paragraph:
            runs, link = ([child], None) if child.tag == R else (
                (child.findall(R), part.rels[child.get(RID)].target_ref) if child.tag == HYPERLINK else ([], None))
            for run in runs:
                props = run.find(RPR)
                props_xml = b"" if props is None else etree.tostring(props)
                for element in run:
                    if element.tag == T:
                        out += [Atom(t, b"", props_xml, link) for t in tokens(element.text or "")]
                    elif element.tag != RPR:
                        out.append(Atom("", etree.tostring(element), props_xml, link))
        return out

    def paragraph(self, old: etree._Element, new: etree._Element) -> etree._Element:
        """`new` with its runs rewritten as the word-level changes from `old`."""
        old_atoms, new_atoms = self.atoms(old, self.old_part), self.atoms(new, self.new_part)
        pieces: list[tuple[str, Atom]] = []
        blank = (lambda i: old_atoms[i].text.isspace())
        for op, i1, i2, j1, j2 in word_ops([a.key for a in old_atoms], [a.key for a in new_atoms], blank):
            if op == "equal":
                pieces += [("same", a) for a in new_atoms[j1:j2]]
            else:
                pieces += [("del", a) for a in old_atoms[i1:i2]] + [("ins", a) for a in new_atoms[j1:j2]]
        for child in [c for c in new if c.tag != PPR]:
            new.remove(child)
        for (state, props, link), group in groupby(pieces, key=lambda p: (p[0], p[1].props, p[1].link)):
            new.append(self.run(state, props, link, [atom for _, atom in group]))
        return new

    def run(self, state: str, props: bytes, link: str | None, atoms: list[Atom]) -> etree._Element:
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
            wrapper.set(RID, self.new_part.relate_to(link, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
            wrapper.append(content)
            content = wrapper
        return content


def _track_revisions(settings: etree._Element) -> None:
    """Turn on « Suivi des modifications », so the reviewer's own edits are tracked too."""
    track = OxmlElement("w:trackRevisions")
    later = settings.find(qn("w:defaultTabStop"))  # the schema puts trackRevisions before it
    if later is not None:
        later.addprevious(track)
    else:
        settings.append(track)


def _body_blocks(docx) -> list[etree._Element]:
    return [e for e in docx.element.body if e.tag != qn("w:sectPr")]


@dataclass(frozen=True)
class Redline:
    data: bytes
    insertions: int
    deletions: int


def redline(old: Document, new: Document) -> Redline:
    """The DOCX of `new`, with every difference from `old` as a tracked change."""
    old_docx, new_docx = build_docx(old), build_docx(new)
    tracker = _Redline(new_docx.part, old_docx.part, new.timestamp.strftime("%Y-%m-%dT%H:%M:%SZ"))
    merged = tracker.blocks(_body_blocks(old_docx), _body_blocks(new_docx))
    body = new_docx.element.body
    for block in _body_blocks(new_docx):
        body.remove(block)
    end = body.find(qn("w:sectPr"))
    for block in merged:
        end.addprevious(block)
    _track_revisions(new_docx.settings.element)
    buffer = io.BytesIO()
    new_docx.save(buffer)
    return Redline(reproducible_zip(buffer.getvalue()), tracker.counts["ins"], tracker.counts["del"])
