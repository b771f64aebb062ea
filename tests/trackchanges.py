"""Accept All / Reject All on WordprocessingML, as Word does, for tests.

Accept: deleted runs and rows go, inserted ones stay (unwrapped); a deleted
paragraph mark joins its paragraph to the next. Reject: the reverse.
"""

from __future__ import annotations

import copy

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _resolve(body: etree._Element, keep: str, drop: str) -> etree._Element:
    body = copy.deepcopy(body)
    for row in [r for r in body.iter(f"{W}tr") if r.find(f"{W}trPr/{W}{drop}") is not None]:
        row.getparent().remove(row)
    for paragraph in list(body.iter(f"{W}p")):
        if paragraph.find(f"{W}pPr/{W}rPr/{W}{drop}") is None:
            continue
        # The paragraph mark goes: what is left of the paragraph joins the next one.
        following = paragraph.getnext()
        content = [c for c in paragraph if c.tag != f"{W}pPr"]
        if following is not None and following.tag == f"{W}p":
            anchor = following.find(f"{W}pPr")
            for element in reversed(content):
                if anchor is not None:
                    anchor.addnext(element)
                else:
                    following.insert(0, element)
        paragraph.getparent().remove(paragraph)
    for change in list(body.iter(f"{W}{drop}")):
        change.getparent().remove(change)
    for change in list(body.iter(f"{W}{keep}")):
        parent = change.getparent()
        if parent.tag in (f"{W}rPr", f"{W}trPr"):
            parent.remove(change)
            continue
        for child in list(change):
            change.addprevious(child)
        parent.remove(change)
    for text in body.iter(f"{W}delText"):
        text.tag = f"{W}t"
    return body


def accept_all(body: etree._Element) -> etree._Element:
    return _resolve(body, keep="ins", drop="del")


def reject_all(body: etree._Element) -> etree._Element:
    return _resolve(body, keep="del", drop="ins")
