"""Issue 23, « Done when »: for each fixture body (an establishment of Santé Québec, an ordre, a private clinic,
a community organisation), every obligation that binds it is « couverte » by clauses and rules the politique
prints, at the numbers it prints them; the one exception is a row whose articles nobody has read yet
(« articles à trouver »), which the table must keep « à vérifier » however much the politique says."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from policygen.assembly.assemble import documents_for
from policygen.assembly.conformity import conformity, printed
from policygen.assembly.inputs import load_all
from policygen.library.loader import load_library
from policygen.writers.html import render_html

BODIES = Path(__file__).parent.parent / "fixtures" / "organismes"


def _numbers(page: str) -> set[str]:
    """The numbers of the headings the politique's HTML prints (« 8.6 », « 12 »)."""
    found = set()
    for raw in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", page, re.S):
        text = html.unescape(re.sub(r"<[^>]+>", "", raw)).strip()
        if match := re.match(r"(\d+(?:\.\d+)*)\.?\s", text):
            found.add(match.group(1))
    return found


@pytest.mark.parametrize("body, kind", [("ciusss", "etablissement_sante"), ("ordre-inhalotherapie", "ordre_professionnel"),
                                        ("clinique", "autre"), ("ligne-ecoute", "autre")])
def test_every_obligation_binding_a_fixture_body_is_covered_where_its_politique_prints_it(body, kind):
    library = load_library()
    [item], problems = load_all([BODIES / f"{body}.yaml"], library)
    assert not problems and item.organisation.organisation.type == kind
    [politique] = documents_for(item, library, ["politique"])
    numbers = _numbers(render_html(politique))
    where = {clause.id: number for clause, number in printed(politique)}
    rows = [row for row in conformity(item, politique, library) if row.status != "non applicable"]
    assert rows
    for row in rows:
        if not row.obligation.articles:  # G-1.021, « articles à trouver »: never couverte until read
            assert row.status == "à vérifier" and row.met_by, row
            continue
        assert row.status == "couverte", (row.obligation.id, row.status, row.missing)
        assert row.met_by, row
        for meeting in row.met_by:
            # the number the table gives is the one the politique prints, for the clause that prints it
            assert meeting.section in numbers, (row.obligation.id, meeting)
            assert where[meeting.clause] == meeting.section, (row.obligation.id, meeting)
    # only an establishment of Santé Québec has the G-1.021 row without articles
    assert [r.obligation.id for r in rows if not r.obligation.articles] == (
        ["sante-quebec-employeur"] if body == "ciusss" else []), [r.obligation.id for r in rows]
