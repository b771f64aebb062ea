"""Review notes a lawyer reads (issue 20, item 4): a few short sentences in words — where the clause
comes from, the law it rests on, the body's choices, the annex lines it meets — and the full detail
left to `policygen explain`; read back from the Word comments of the CISSS review politique."""

from __future__ import annotations

import re
import statistics

import docx

from policygen.model.nodes import Law, Provenance, Source
from policygen.writers.notes import EXPLAIN, note

MEDIAN, LONGEST = 400, 1200  # characters; last round 488 and 1,768, at the filing 1,120 and 2,757


def test_review_comments_are_short_and_in_words(cisss_builds):
    comments = [c.text for c in docx.Document(str(cisss_builds["review"] / "politique.docx")).comments]
    assert len(comments) > 50
    lengths = [len(text) for text in comments]
    assert statistics.median(lengths) <= MEDIAN and max(lengths) <= LONGEST, (statistics.median(lengths), max(lengths))
    for text in comments:
        assert text.rstrip().endswith(EXPLAIN), text
        # no rule ids nor organisation-file keys: « Règles énoncées : « confidentialite » (ne doit pas) » is explain's
        said = text.split("\n", 1)[1]  # after « Clause <id>, version <n>. », the id explain takes
        assert "Règles énoncées" not in said and not re.search(r"\b(organisation|choix|roles)\.\w", said), text


def test_a_note_names_a_few_sources_and_laws_and_counts_the_rest():
    sources = tuple(Source(f"00{n}", f"Document {n}", "", tuple((f"s{k}", f"Section {k}") for k in range(4)))
                    for n in range(3))
    laws = tuple(Law(f"loi{n}", f"Loi {n}", f"RLRQ, c. L-{n}", ("1",)) for n in range(5))
    lines = note(Provenance("essai.clause", 1, sources=sources, legal=laws))
    assert "Source : « Document 0 », sections « Section 0 », « Section 1 » et 2 autres ; 2 autres documents." in lines
    assert lines[2] == ("Fondement légal : Loi 0 (RLRQ, c. L-0), art. 1 ; Loi 1 (RLRQ, c. L-1), art. 1 ; "
                        "Loi 2 (RLRQ, c. L-2), art. 1 ; 2 autres lois.")
    assert EXPLAIN not in lines  # the Word comment ends on it (note_text), not the PDF's aside
