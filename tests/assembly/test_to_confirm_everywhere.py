"""A value marked « (à confirmer) » keeps its mark wherever a document prints it.

For every fixture body and shipped organisation, each marked value of its file is
looked for in the three documents' text with every to-confirm span blanked out: a
value still found there is printed somewhere without its mark (a composed phrase,
a name with its article, a list). The HTML, Word and PDF writers print the model's
marks as they are (tests/writers); the count is made on the model.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from policygen.french import long_date, phone
from policygen.library.loader import load_library
from policygen.model.nodes import block_texts, Text, ToConfirm
from policygen.writers.common import footer_line

ROOT = Path(__file__).resolve().parents[2]
BODIES = sorted((ROOT / "tests/fixtures/organismes").glob("*.yaml")) + sorted((ROOT / "organisations").glob("*.yaml"))
BLANK = "▒"
MARK = {"fr-CA": "\u00a0(à confirmer)", "en-CA": "\u00a0(to be confirmed)"}  # a date to confirm, by language


def _unmarked(inlines) -> str:
    """The text of a run of inlines with every to-confirm span blanked out."""
    parts = []
    for node in inlines:
        if isinstance(node, ToConfirm):
            parts.append(BLANK)
        elif isinstance(node, Text):
            parts.append(node.text)
        elif hasattr(node, "children"):
            parts.append(_unmarked(node.children))
        else:
            parts.append("\n")
    return "".join(parts)


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def _printed_forms(value: str) -> list[str]:
    """How a typed value reads in print: a date in words, a telephone number grouped."""
    forms = [value]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        forms.append(long_date(dt.date.fromisoformat(value)))
    if re.fullmatch(r"[\d .()-]{10,}", value):
        forms.append(phone(value))
    return [_plain(f) for f in forms]


def _distinctive(value: str, item, library) -> bool:
    """A value whose print can only come from this field: not a word the library itself writes
    (« respect », « Facebook »), nor the same text as another field of the file, nor too short."""
    if len(value) < 4:
        return False
    library_text = _plain(" ".join([c.body for c in library.clauses]
                                   + [t for r in library.rules.values() for t in r.meta.textes.values()]
                                   + [r.meta.liste for r in library.rules.values()]))
    if _plain(value) in library_text:
        return False
    pending_paths = {tuple(p.path) for p in item.pending}
    others = [v for path, v in _leaves(item.located.data) if path not in pending_paths]
    return not any(_plain(value) in _plain(other) for other in others)


def _leaves(data, path=()):
    if isinstance(data, dict):
        return [leaf for k, v in data.items() for leaf in _leaves(v, (*path, k))]
    if isinstance(data, list):
        return [leaf for i, v in enumerate(data) for leaf in _leaves(v, (*path, i))]
    return [(path, str(data))] if data is not None else []


@pytest.fixture(scope="module")
def bodies(assembled):
    """Each body's file and documents, assembled once for the run (conftest's `assembled`)."""
    return [(assembled[path.stem][0], list(assembled[path.stem][1].values())) for path in BODIES], load_library()


def test_every_marked_value_keeps_its_mark_in_every_document(bodies):
    unmarked, printed = [], 0
    built, library = bodies
    for item, documents in built:
        for document in documents:
            text = _plain("\n".join(t for s in document.sections for c in s.clauses
                                    for b in c.blocks for t in block_texts(b, _unmarked)))
            marks = text.count(BLANK)
            for pending in item.pending:
                value = str(pending.value)
                if not _distinctive(value, item, library):
                    continue
                if any(form in text for form in _printed_forms(value)):
                    unmarked.append((item.slug, document.kind, ".".join(map(str, pending.path)), value))
                elif marks:
                    printed += 1
    assert printed > 0, "no fixture prints a value to confirm: the test would prove nothing"
    assert unmarked == [], f"{len(unmarked)} (valeur, document) sans la mention : {unmarked}"


def test_a_list_marks_only_its_marked_items(bodies):
    ordre = next(docs for item, docs in bodies[0] if item.slug == "ordre-inhalotherapie")
    netiquette = next(d for d in ordre if d.kind == "netiquette")
    urgence = [c for s in netiquette.sections for c in s.clauses if s.id == "urgence"]
    hours = _plain(" ".join(t for c in urgence for b in c.blocks for t in block_texts(b, _unmarked)))
    # the days typed as a list, one of them to confirm: the phrase made of them carries the mark
    assert "lundi au jeudi" not in hours and BLANK in hours


def test_the_version_line_marks_a_date_to_confirm(bodies):
    """The line under the title prints the document's date: a date the file marks keeps its mark
    there (the title page was the one place it was lost), and the footer repeats the line with it."""
    seen = set()
    for item, documents in bodies[0]:
        pending = {tuple(p.path) for p in item.pending}
        revision = item.located.data["revision"]
        field = "derniere_revision" if revision.get("derniere_revision") else "en_vigueur"
        to_confirm = ("revision", field) in pending
        seen.add(to_confirm)
        for document in documents:
            mark = MARK[document.lang]  # an English edition marks the date in its own words
            assert document.version_mark == (mark if to_confirm else ""), (item.slug, document.kind)
    assert seen == {True, False}, "the bodies hold no date to confirm, or only such dates"


def test_every_footer_marks_a_number_to_confirm(bodies):
    """The register's number in every page's footer keeps its mark while the file marks it (a page
    printed alone never looks final), in the French documents and the English editions alike."""
    seen = set()
    for item, documents in bodies[0]:
        to_confirm = ("revision", "numero") in {tuple(p.path) for p in item.pending}
        seen.add(to_confirm)
        for document in documents:
            line = footer_line(document)
            assert line.startswith(document.number + (MARK[document.lang] if to_confirm else "") + " — "), line
            assert line.endswith(document.version_line + document.version_mark), line
    assert seen == {True, False}, "the bodies hold no number to confirm, or only such numbers"
