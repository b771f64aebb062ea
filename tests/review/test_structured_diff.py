"""The redline and the HTML diff of a boxed notice and of a list, read back from the files.

The clause's blocks are set by hand on the fixture's politique, so the test says exactly which
items and words changed: the redline's changes must sit inside the writer's box (a one-cell
table) or between the list's items, and the HTML diff must keep the lists, the box, the
emphasis, the links and the values to confirm.
"""

from __future__ import annotations

import dataclasses
import io
import zipfile

from lxml import etree
from lxml import html as lxml_html

from reviewkit import W, docx_part, fixture_documents, paragraph_texts, plain
from policygen.model.diff import diff
from policygen.model.nodes import FRONT_ROLES, Emphasis, Link, ListBlock, Note, Paragraph, Text, ToConfirm
from policygen.review.htmldiff import render_diff
from policygen.review.redline import redline
from policygen.writers.docx.document import write_docx
from trackchanges import accept_all, reject_all


def p(*inlines) -> Paragraph:
    return Paragraph(tuple(Text(i) if isinstance(i, str) else i for i in inlines))


BOX_OLD = Note((p("Cette page n’est pas un service d’urgence."), p("Composez le 911 ou le 811.")))
BOX_NEW = Note((p("Cette page n’est pas un service d’urgence."), p("Composez le 911, le 811 ou le 9-8-8."),
                p("Ligne d’aide : ", ToConfirm((Text("450 555-0000"),)))))
LIST_OLD = ListBlock(False, ((p("Respecter les personnes."),), (p("Ne pas publier de publicité."),),
                             (p("Citer ses ", Link("https://www.essai.qc.ca", (Text("sources"),)), "."),)))
LIST_NEW = ListBlock(False, ((p("Respecter les personnes."),),
                             (p("Citer ses ", Link("https://www.essai.qc.ca", (Text("sources"),)), " ",
                                Emphasis((Text("toujours"),)), "."),),
                             (p("Signaler un propos haineux."),)))


def with_blocks(document, *blocks):
    """`document` with its first titled clause holding `blocks` only."""
    sections = list(document.sections)
    for s_index, section in enumerate(sections):
        for c_index, clause in enumerate(section.clauses):
            if clause.show_title and section.role not in FRONT_ROLES:
                clauses = list(section.clauses)
                clauses[c_index] = dataclasses.replace(clause, blocks=tuple(blocks))
                sections[s_index] = dataclasses.replace(section, clauses=tuple(clauses))
                return dataclasses.replace(document, sections=tuple(sections))
    raise AssertionError("no titled clause")


def versions():
    _, [document] = fixture_documents()
    return with_blocks(document, BOX_OLD, LIST_OLD), with_blocks(document, BOX_NEW, LIST_NEW)


def body_of(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")


def text(element) -> str:
    return plain("".join(t.text or "" for t in element.iter(f"{W}t", f"{W}delText")))


def written(document, tmp_path, name):
    write_docx(document, tmp_path / name)
    return paragraph_texts(docx_part(tmp_path / name).find(f"{W}body"))


def test_the_redline_changes_a_boxed_notice_inside_its_box_and_a_list_item_by_item(tmp_path):
    old, new = versions()
    body = body_of(redline(diff(old, new), old, new).data)
    assert paragraph_texts(accept_all(body)) == written(new, tmp_path, "new.docx")
    assert paragraph_texts(reject_all(body)) == written(old, tmp_path, "old.docx")

    # The box: one table, kept (its row neither inserted nor deleted), the changes in its cell.
    [box] = [t for t in body.iter(f"{W}tbl") if "service d’urgence" in text(t)]
    assert box.find(f"{W}tr/{W}trPr/{W}del") is None and box.find(f"{W}tr/{W}trPr/{W}ins") is None
    inserted = [text(c) for c in box.iter(f"{W}ins") if text(c)]
    assert "9-8-8." in inserted and "450 555-0000" in inserted  # by word, in the box's cell
    added = [q for q in box.iter(f"{W}p") if "Ligne d’aide" in text(q)]
    assert added and added[0].find(f"{W}pPr/{W}rPr/{W}ins") is not None  # a new paragraph, mark and all

    # The list: the removed item deleted whole between the first and the changed one, the new item inserted.
    items = [q for q in body if q.tag == f"{W}p" and q.find(f"{W}pPr/{W}pStyle[@{W}val='ListBullet']") is not None]
    assert [text(q).split()[0] for q in items] == ["Respecter", "Ne", "Citer", "Signaler"]
    assert items[1].find(f"{W}pPr/{W}rPr/{W}del") is not None and items[1].find(f"{W}del") is not None
    assert items[3].find(f"{W}pPr/{W}rPr/{W}ins") is not None
    assert items[0].find(f".//{W}ins") is None and items[0].find(f".//{W}del") is None
    # The changed item keeps its link and gets its emphasised word as an italic insertion.
    assert items[2].find(f"{W}hyperlink") is not None and "sources" in text(items[2].find(f"{W}hyperlink"))
    [toujours] = [c for c in items[2].iter(f"{W}ins") if "toujours" in text(c)]
    assert toujours.find(f"{W}r/{W}rPr/{W}i") is not None


def test_the_html_diff_keeps_lists_the_box_emphasis_links_and_values_to_confirm():
    old, new = versions()
    page = lxml_html.fromstring(render_diff(diff(old, new), old, new, [], "ancien.yaml", "nouveau.yaml"))
    [note] = page.xpath("//div[@data-clause]//div[@class='note']")
    assert [q.get("class") for q in note.xpath("p")] == [None, "bloc-modifie", "bloc-ajoute"]
    assert "9-8-8" in "".join(note.xpath("p[2]//ins//text()"))
    assert note.xpath("p[3]//ins//mark[@class='a-confirmer']/text()") == ["450 555-0000"]
    assert note.xpath("p[3]//ins//span[@class='mention-a-confirmer']")

    [items] = page.xpath("//div[@data-clause]//ul")
    assert [li.get("class") for li in items.xpath("li")] == [None, "bloc-retire", "bloc-modifie", "bloc-ajoute"]
    assert "Ne pas publier" in "".join(items.xpath("li[2]/del//text()"))
    changed = items.xpath("li[3]")[0]
    # « sources. » became « sources toujours. »: the link on both sides of the change, the new word emphasised
    assert changed.xpath("del//a/@href") == changed.xpath("ins//a/@href") == ["https://www.essai.qc.ca"]
    assert changed.xpath("ins//a/text()") == ["sources"]
    assert changed.xpath("ins//em/text()") == ["toujours"]
