"""PDF/UA repairs after WeasyPrint, with pikepdf: what its tagging gets wrong for
independent checkers (page-validation's PDF/UA-1 profile, outloud).

- Running headers and footers (CSS margin boxes): WeasyPrint marks their text as
  content and files it under a structure tree it never links to the document's
  (PDF 1.7 has no Artifact element). Content whose element is unreachable from
  the root becomes a pagination artifact, and leaves the parent tree.
- A list item holding blocks (`<li><p>…</p><ul>…</ul></li>`) gets them as
  direct children of LI, where PDF/UA allows only Lbl and LBody: they are
  wrapped in one LBody.
- List markers (`::marker`, tagged Lbl) are painted last on each page: WeasyPrint
  lays out an outside marker as an absolutely positioned box, and CSS paints
  positioned boxes after all in-flow content, so a reader following the content
  stream meets every bullet after the page's text (outloud's ORD-001). Each
  marker's marked content is moved just before the text that follows it in the
  tag tree, with the graphics state it was painted in.
- Link annotations lack the Print flag, so print and screen differ: it is set.
- A PDF with bookmarks opens with its bookmarks pane (/PageMode /UseOutlines), so
  a long document shows its outline at once.

The file is rewritten deterministically (its /ID derived from its content), so
the same input still gives the same bytes. WeasyPrint hands it over uncompressed
(`compress_kept`): it would compress every stream at zlib's level 9, and most of
them, the pages' contents, are rewritten here and compressed again by qpdf.
"""

from __future__ import annotations

import io
import zlib

import pikepdf
from pikepdf import Array, Dictionary, Name

PRINT_FLAG = 4


class Contents:
    """Each page's content stream, parsed once on first use and written back once at the end:
    the repairs below edit the same instruction lists (parsing is most of their time). The
    repairs look for a few operators among thousands of instructions: each page's operator
    names are read once (`operators`), naming a pikepdf instruction being most of a walk's time."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.parsed: dict[int, list] = {}
        self.names: dict[int, list[str]] = {}
        self.changed: set[int] = set()

    def __getitem__(self, number: int) -> list:
        if number not in self.parsed:
            self.parsed[number] = list(pikepdf.parse_content_stream(self.pdf.pages[number]))
        return self.parsed[number]

    def operators(self, number: int) -> list[str]:
        """The page's operator names, one per instruction."""
        if number not in self.names:
            self.names[number] = [str(instruction.operator) for instruction in self[number]]
        return self.names[number]

    def replace(self, number: int, instructions: list) -> None:
        self.parsed[number] = instructions
        self.names.pop(number, None)
        self.changed.add(number)

    def write(self) -> None:
        for number in sorted(self.changed):
            self.pdf.pages[number].obj.Contents = self.pdf.make_stream(
                pikepdf.unparse_content_stream(self.parsed[number]))

    def compress_kept(self) -> None:
        """Every stream not rewritten above (fonts, character maps, pages left as they were)
        compressed as WeasyPrint compresses when asked to (pydyf: zlib, level 9), which qpdf keeps
        as it is: the same bytes as compressing all in WeasyPrint, without compressing the rewritten
        pages twice (qpdf compresses those, and its object streams, at its own level)."""
        rewritten = {self.pdf.pages[number].obj.Contents.objgen for number in self.changed}
        for stream in self.pdf.objects:
            if isinstance(stream, pikepdf.Stream) and "/Filter" not in stream and stream.objgen not in rewritten:
                stream.write(zlib.compress(stream.read_raw_bytes(), 9), filter=Name.FlateDecode)


def _kids(element: Dictionary) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _is_element(kid) -> bool:
    return isinstance(kid, Dictionary) and "/S" in kid


def _reachable(root: Dictionary) -> set[tuple[int, int]]:
    seen: set[tuple[int, int]] = set()
    stack = [k for k in _kids(root) if _is_element(k)]
    while stack:
        element = stack.pop()
        if element.objgen in seen:
            continue
        seen.add(element.objgen)
        stack.extend(k for k in _kids(element) if _is_element(k))
    return seen


def _parent_tree(pdf: pikepdf.Pdf) -> dict[int, pikepdf.Object]:
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    return {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}


def _running_lines(pdf: pikepdf.Pdf, contents: Contents, parents: dict[int, pikepdf.Object]
                   ) -> tuple[dict[int, dict[int, float]], dict[int, dict[int, list[int]]]]:
    """For each page, its detached (margin-box) MCIDs and the height each is painted at; and where
    each detached MCID's marked content begins (its BDC instructions)."""
    reachable = _reachable(pdf.Root.StructTreeRoot)
    lines: dict[int, dict[int, float]] = {}
    begins: dict[int, dict[int, list[int]]] = {}
    for number, page in enumerate(pdf.pages):
        index = page.obj.get("/StructParents")
        mapping = parents.get(int(index)) if index is not None else None
        if mapping is None:
            continue
        detached = {mcid for mcid, element in enumerate(mapping)
                    if _is_element(element) and element.objgen not in reachable}
        instructions = contents[number]
        current = None
        for position, name in enumerate(contents.operators(number)):
            if name == "BDC" and isinstance(properties := instructions[position].operands[1], Dictionary):
                mcid = int(properties.get("/MCID", -1))
                current = mcid if mcid in detached else None
                if current is not None:
                    begins.setdefault(number, {}).setdefault(current, []).append(position)
            elif name == "Tm" and current is not None:
                lines.setdefault(number, {})[current] = round(float(instructions[position].operands[5]))
                current = None
    return lines, begins


def _artifact_margin_boxes(pdf: pikepdf.Pdf, contents: Contents) -> None:
    """A margin-box line that recurs (on every page, or on three pages of a document of six
    or more) is a pagination artifact; one printed on too few pages to be recognised as running
    stays content, or a reader would hear it nowhere (outloud's TAG-002 and PAG-001 draw the
    same line)."""
    parents = _parent_tree(pdf)
    lines, begins = _running_lines(pdf, contents, parents)
    pages_at: dict[float, int] = {}
    for found in lines.values():
        for height in set(found.values()):
            pages_at[height] = pages_at.get(height, 0) + 1
    need = 3 if len(pdf.pages) >= 6 else len(pdf.pages)
    for number, found in lines.items():
        artifacts = {mcid for mcid, height in found.items() if pages_at[height] >= need}
        if not artifacts:
            continue
        instructions = contents[number]
        for position in sorted(p for mcid in artifacts for p in begins[number][mcid]):
            instructions[position] = pikepdf.ContentStreamInstruction(
                [Name.Artifact, Dictionary(Type=Name.Pagination)], pikepdf.Operator("BDC"))
        contents.replace(number, instructions)
        mapping = parents[int(pdf.pages[number].obj.StructParents)]
        for mcid in artifacts:
            mapping[mcid] = pikepdf.Object.parse(b"null")


def _wrap_list_bodies(pdf: pikepdf.Pdf) -> None:
    stack = [k for k in _kids(pdf.Root.StructTreeRoot) if _is_element(k)]
    while stack:
        element = stack.pop()
        kids = _kids(element)
        stack.extend(k for k in kids if _is_element(k))
        if element.S != Name.LI:
            continue
        loose = [k for k in kids if not (_is_element(k) and k.S in (Name.Lbl, Name.LBody))]
        if not loose:
            continue
        if any(not _is_element(k) for k in loose):
            raise ValueError("élément de liste (LI) avec du contenu marqué direct : cas non prévu")
        body = pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name.LBody, P=element, K=Array(loose)))
        if "/Pg" in element:
            body.Pg = element.Pg
        for kid in loose:
            kid.P = body
        kept = [k for k in kids if not any(k.objgen == x.objgen for x in loose)]
        element.K = Array([*kept, body])


# Graphics-state operators a marked-content sequence may inherit rather than set (fill and
# stroke colour, ExtGState, line and text state). Keyed so a later setting replaces an earlier one.
_STATE_KEYS = {**dict.fromkeys(("rg", "g", "k", "cs", "sc", "scn"), "fill"),
               **dict.fromkeys(("RG", "G", "K", "CS", "SC", "SCN"), "stroke"),
               **{op: op for op in ("gs", "w", "J", "j", "M", "d", "ri", "i", "Tc", "Tw", "Tz", "TL", "Tf", "Tr", "Ts")}}


def _logical_mcids(pdf: pikepdf.Pdf) -> dict[tuple[int, int], list[tuple[int, bool]]]:
    """For each page (by objgen), its MCIDs in tag-tree order, each with whether it is in a Lbl."""
    order: dict[tuple[int, int], list[tuple[int, bool]]] = {}
    stack = [(k, None, False) for k in reversed(_kids(pdf.Root.StructTreeRoot)) if _is_element(k)]
    while stack:
        element, page, in_label = stack.pop()
        page = element.get("/Pg", page)
        in_label = in_label or element.S == Name.Lbl
        for kid in reversed(_kids(element)):
            if _is_element(kid):
                stack.append((kid, page, in_label))
        for kid in _kids(element):
            if isinstance(kid, int) or (isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR):
                mcid, on = (int(kid), page) if isinstance(kid, int) else (int(kid.MCID), kid.get("/Pg", page))
                if on is not None:
                    order.setdefault(on.objgen, []).append((mcid, in_label))
    return order


def _paint_labels_in_order(pdf: pikepdf.Pdf, contents: Contents) -> None:
    logical = _logical_mcids(pdf)
    for number, page in enumerate(pdf.pages):
        order = logical.get(page.obj.objgen, [])
        # Each label goes before the next non-label content in the tag tree.
        target: dict[int, int] = {}
        for i, (mcid, in_label) in enumerate(order):
            if in_label:
                after = next((m for m, label in order[i + 1:] if not label), None)
                if after is not None:
                    target[mcid] = after
        if not target:
            continue
        instructions, names = contents[number], contents.operators(number)
        # One pass: where each top-level BDC starts, its state (q stack of state settings and
        # cm), and the label sequences that can move (wrapped in q … Q, out of any text object).
        stack: list[tuple[dict, tuple]] = [({}, ())]
        starts: dict[int, tuple[int, dict, tuple]] = {}
        ends: dict[int, int] = {}
        depth, in_text, open_mcid = 0, False, None
        for position, name in enumerate(names):
            state, ctm = stack[-1]
            if name == "q":
                stack.append((dict(state), ctm))
            elif name == "Q" and len(stack) > 1:
                stack.pop()
            elif name == "cm":
                stack[-1] = (state, (*ctm, tuple(map(float, instructions[position].operands))))
            elif name in _STATE_KEYS:
                state.pop(_STATE_KEYS[name], None)
                state[_STATE_KEYS[name]] = (instructions[position].operands, instructions[position].operator)
            elif name in ("BT", "ET"):
                in_text = name == "BT"
            elif name in ("BDC", "BMC"):
                if depth == 0 and not in_text and name == "BDC" \
                        and isinstance(properties := instructions[position].operands[1], Dictionary) \
                        and "/MCID" in properties:
                    open_mcid = int(properties.MCID)
                    starts[open_mcid] = (position, dict(state), ctm)
                depth += 1
            elif name == "EMC":
                depth -= 1
                if depth == 0 and open_mcid is not None:
                    ends[open_mcid] = position
                    open_mcid = None
        moves: dict[int, list] = {}
        moved: set[int] = set()
        for label, before in target.items():
            if label not in starts or label not in ends or before not in starts:
                continue
            start, state, ctm = starts[label]
            end = ends[label]
            wrapped = names[start - 1] == "q" and names[end + 1] == "Q"
            if not wrapped or ctm != starts[before][2] or start < starts[before][0]:
                continue
            q, big_q = pikepdf.Operator("q"), pikepdf.Operator("Q")
            replay = [pikepdf.ContentStreamInstruction(list(o), op) for o, op in state.values()]
            moves.setdefault(starts[before][0], []).extend(
                [pikepdf.ContentStreamInstruction([], q), *replay, *instructions[start:end + 1],
                 pikepdf.ContentStreamInstruction([], big_q)])
            moved.update(range(start, end + 1))
        if not moves:
            continue
        rewritten = []
        for position, instruction in enumerate(instructions):
            rewritten.extend(moves.get(position, []))
            if position not in moved:
                rewritten.append(instruction)
        contents.replace(number, rewritten)


def _print_links(pdf: pikepdf.Pdf) -> None:
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", []):
            annotation.F = int(annotation.get("/F", 0)) | PRINT_FLAG


def _open_bookmarks(pdf: pikepdf.Pdf) -> None:
    if "/Outlines" in pdf.Root and "/First" in pdf.Root.Outlines:
        pdf.Root.PageMode = Name.UseOutlines


def repair(data: bytes) -> bytes:
    """The PDF WeasyPrint wrote (`uncompressed_pdf`), with the repairs above, compressed."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        contents = Contents(pdf)
        _artifact_margin_boxes(pdf, contents)
        _wrap_list_bodies(pdf)
        _paint_labels_in_order(pdf, contents)
        contents.write()
        contents.compress_kept()
        _print_links(pdf)
        _open_bookmarks(pdf)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
        return out.getvalue()
