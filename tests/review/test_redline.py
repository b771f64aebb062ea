"""Redlines: tracked changes that accept into the new version and reject into the old."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

from reviewkit import FIXTURE_ORG, W, docx_part, edited, fixture_documents, paragraph_texts, plain
from policygen.model.diff import diff
from policygen.review.redline import redline as render_redline
from policygen.writers.docx.document import write_docx
from trackchanges import accept_all, reject_all

R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


CONTACT_AND_DATE = (("communications@essai.qc.ca", "relations@essai.qc.ca"),
                    ("450 555-1234", "450 555-9876"),
                    ("en_vigueur: 2025-03-15", "en_vigueur: 2026-01-20"))
CLAUSE_ADDED = (("cyberintervention: non", "cyberintervention: oui"),)
LINK_CHANGED = (("https://www.essai.qc.ca", "https://sante.essai.qc.ca"),)


def redline(old, new):
    return render_redline(diff(old, new), old, new)


def texts_of(document, tmp_path, name):
    path = tmp_path / name
    write_docx(document, path)
    return paragraph_texts(docx_part(path).find(f"{W}body"))


def redline_body(old, new):
    result = redline(old, new)
    with zipfile.ZipFile(io.BytesIO(result.data)) as archive:
        return etree.fromstring(archive.read("word/document.xml")).find(f"{W}body"), result


def check_round_trip(old, new, tmp_path):
    body, result = redline_body(old, new)
    assert paragraph_texts(accept_all(body)) == texts_of(new, tmp_path, "new.docx")
    assert paragraph_texts(reject_all(body)) == texts_of(old, tmp_path, "old.docx")
    return body, result


def changes(body, kind):
    """(text, element) of each tracked change; non-breaking spaces read as spaces."""
    return [(plain("".join(t.text or "" for t in c.iter(f"{W}t", f"{W}delText"))), c)
            for c in body.iter(f"{W}{kind}")]


@pytest.mark.parametrize("replacements", [CONTACT_AND_DATE, CLAUSE_ADDED, LINK_CHANGED,
                                          CONTACT_AND_DATE + CLAUSE_ADDED + LINK_CHANGED])
@pytest.mark.parametrize("direction", ["forward", "backward"])
def test_accept_all_gives_new_and_reject_all_gives_old(tmp_path, replacements, direction):
    changed = edited(tmp_path, FIXTURE_ORG, "nouveau.yaml", *replacements)
    _, [before] = fixture_documents(FIXTURE_ORG)
    _, [after] = fixture_documents(changed)
    old, new = (before, after) if direction == "forward" else (after, before)
    body, result = check_round_trip(old, new, tmp_path)
    assert result.insertions + result.deletions > 0


def test_changes_are_by_word_and_signed_and_dated(tmp_path):
    changed = edited(tmp_path, FIXTURE_ORG, "nouveau.yaml", *CONTACT_AND_DATE)
    _, [old] = fixture_documents(FIXTURE_ORG)
    _, [new] = fixture_documents(changed)
    body, _ = check_round_trip(old, new, tmp_path)
    inserted = [text for text, _ in changes(body, "ins")]
    deleted = [text for text, _ in changes(body, "del")]
    assert "relations@essai.qc.ca" in inserted and "communications@essai.qc.ca" in deleted
    assert "555-9876." in inserted and "555-1234." in deleted
    assert "20 janvier 2026." in inserted and "15 mars 2025." in deleted
    # The next review date follows the in-force date (cadence of 2 years).
    assert "20 janvier 2028." in inserted and "15 mars 2027." in deleted
    for _, change in changes(body, "ins") + changes(body, "del"):
        assert change.get(f"{W}author") == "policygen"
        assert change.get(f"{W}date") == "2026-01-20T12:00:00Z"  # the new file's date, not the clock
    # Unchanged words stay plain text, outside any change.
    plain = "".join(t.text for t in body.iter(f"{W}t") if t.getparent().getparent().tag != f"{W}ins")
    assert "Pour toute question, écrivez à" in plain


def test_a_clause_added_is_inserted_whole(tmp_path):
    changed = edited(tmp_path, FIXTURE_ORG, "nouveau.yaml", *CLAUSE_ADDED)
    _, [old] = fixture_documents(FIXTURE_ORG)
    _, [new] = fixture_documents(changed)
    body, _ = check_round_trip(old, new, tmp_path)
    inserted_paragraphs = [p for p in body.iter(f"{W}p") if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None]
    texts = ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in inserted_paragraphs]
    assert any("L’intervention en ligne" in t for t in texts)
    assert any(t.startswith("Les intervenants peuvent joindre des usagers") for t in texts)


# The CISSS file with its date in force and an e-mail address changed, redlined and read back both ways
# (« 2 novembre » inserted), is tests/review/test_diff_cli.py's comparison, through `policygen diff`.


def test_a_changed_link_is_deleted_and_inserted_with_its_own_target(tmp_path):
    changed = edited(tmp_path, FIXTURE_ORG, "nouveau.yaml", *LINK_CHANGED)
    _, [old] = fixture_documents(FIXTURE_ORG)
    _, [new] = fixture_documents(changed)
    result = redline(old, new)
    with zipfile.ZipFile(io.BytesIO(result.data)) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels}
    links = {(targets[h.get(f"{R}id")], h[0].tag.removeprefix(W))
             for h in body.iter(f"{W}hyperlink") if h.get(f"{R}id")}  # not the table of contents' own
    assert {link for link in links if link[1] != "r"} == {("https://www.essai.qc.ca", "del"),
                                                          ("https://sante.essai.qc.ca", "ins")}
    assert ("mailto:communications@essai.qc.ca", "r") in links  # an unchanged link stays as it was


def test_the_redline_keeps_tracking_the_reviewers_edits():
    _, [document] = fixture_documents()
    with zipfile.ZipFile(io.BytesIO(redline(document, document).data)) as archive:
        settings = etree.fromstring(archive.read("word/settings.xml"))
    names = [child.tag.removeprefix(W) for child in settings]
    assert names.index("trackRevisions") < names.index("defaultTabStop")
