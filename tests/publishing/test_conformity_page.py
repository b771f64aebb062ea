"""The legal table as a page of the body's register on the site: linked from the register, one row per
obligation as `policygen conformite` prints it, each meeting linked to the clause of the politique's page
that prints it, and axe-clean. Read on the run's shared site (`site`: every shipped body published), as
`conformite` prints it for the same file with the same dates (SOURCE_DATE_EPOCH unset)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main

BODY = Path(__file__).resolve().parents[2] / "organisations" / "cisss-laurentides.yaml"
ENV = {"SOURCE_DATE_EPOCH": None}  # as the shared site was published


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.fixture(scope="module")
def published(site) -> Path:
    return site / BODY.stem


def test_the_register_links_to_the_table_and_it_lists_every_obligation_as_conformite_does(published):
    register = (published / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="conformite\.html">Conformité de la politique à la loi', register)
    page = (published / "conformite.html").read_text(encoding="utf-8")
    printed = CliRunner().invoke(main, ["conformite", str(BODY)], env=ENV).output
    titles = re.findall(r"^- (.*?) — ", printed, re.M)
    shown = [_text(cell) for cell in re.findall(r'<th scope="row">(.*?)</th>', page, re.S)]
    assert shown == titles and titles
    duties = re.findall(r"^    (exige : .*)$", printed, re.M)
    said = [_text(c) for c in re.findall(r'<td data-label="Exigence et qui en répond">(.*?)</td>', page, re.S)]
    assert said == duties and len(duties) == len(titles)
    summary = next(line for line in printed.splitlines() if line.startswith("Bilan : "))
    assert summary in _text(page)
    assert next(line for line in printed.splitlines() if line.startswith("Droit à jour")) in _text(page)


def test_each_meeting_links_to_the_clause_of_the_politique_that_prints_it(published):
    page = (published / "conformite.html").read_text(encoding="utf-8")
    politique = (published / "politique.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="politique\.html#([^"]+)">section ([^<]+)</a>', page)
    assert links
    for target, section in links:
        match = re.search(rf'<div class="clause" id="{re.escape(target)}">(.*?)</h[2-6]>', politique, re.S)
        assert match, target
        heading = _text(match.group(1))
        number = html.unescape(section).strip("« »")
        # a numbered clause shows its number; an unnumbered one is read under the last numbered heading before it
        before = [_text(h) for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", politique[:match.start()], re.S)]
        numbered = [h for h in before if re.match(r"\d", h)]
        assert heading.startswith(number) or (numbered and re.match(rf"{re.escape(number)}\.?\s", numbered[-1])), (
            target, section, numbered[-1:])


def test_the_table_page_passes_axe(browser, published):
    """(The register beside it, index.html: test_accessibility's audit of every body's register on this site.)"""
    from tests.writers.test_accessibility import _audit, _summary

    violations, outside, _ = _audit(browser, published / "conformite.html", published.parent)
    assert not violations and not outside, (_summary(violations), outside)
