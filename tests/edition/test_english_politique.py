"""The English politique of a body recognised under art. 29.1 (issue 22): built in the three formats as a
translation of the French (same numbering, en-CA, the French version prevailing), French names tagged as
French in every format, kept in step with the French (a changed French clause: build warns, --final
refuses, explain names it), and passing page-validation, outloud and axe like the French politique."""

from __future__ import annotations

import re
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from policygen.cli.main import main
from policygen.library.loader import load_library
from policygen.resources import TEMPLATES
from policygen.writers.common import anchor
from conftest import FIXTURES, RECOGNISED_BODY

sys.path.insert(0, str(Path(__file__).parents[1] / "writers"))
from test_accessibility import _check  # noqa: E402 - the same audit as the French documents'
from test_edition_checks import assert_pdfua_and_outloud  # noqa: E402 - the English nétiquette's checks
from test_editions import assert_kept_in_step, library_copy, run  # noqa: E402,F401 - `run` is a fixture

BODY = RECOGNISED_BODY
# This half of the politique's clauses (their French file names sort from « annexe- » to « principes »).
FIRST_HALF = sorted(p.name for p in (TEMPLATES / "clauses" / "politique").glob("*.md")
                    if "annexe-" <= p.name < "procedures")


def _invoke(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="policygen")


class _Headings(HTMLParser):
    """The h2 and h3 headings of a page, as text."""

    def __init__(self):
        super().__init__()
        self.headings: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        if tag in ("h2", "h3"):
            self._in, self.headings = True, [*self.headings, ""]

    def handle_endtag(self, tag):
        if tag in ("h2", "h3"):
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.headings[-1] += data


def _numbers(page_text: str) -> list[str]:
    """« 5.2 », « 12. », « Annexe 1 » / « Appendix 1 » of each numbered heading, in order."""
    parser = _Headings()
    parser.feed(page_text.split("<main", 1)[1])
    found = []
    for heading in parser.headings:
        if match := re.match(r"^(\d+(?:\.\d+)?\.?|Annexe \d+|Appendix \d+)[\s\u00a0:]", heading.strip()):
            found.append(match.group(1).replace("Annexe", "Appendix"))
    return found


def test_the_english_politique_is_a_translation_with_the_french_numbering_in_every_format(english_politique_built):
    english = (english_politique_built / "politique.en.html").read_text(encoding="utf-8")
    french = (english_politique_built / "politique.html").read_text(encoding="utf-8")
    assert '<html lang="en-CA">' in english
    assert "Translation — the French version prevails." in english
    assert '<a href="politique.html">Read the French original</a>' in english
    assert '<link rel="alternate" hreflang="en-CA" href="politique.en.html">' in french
    assert "This internal document is addressed to staff" in english  # a staff document, on art. 26
    numbers = _numbers(english)
    assert numbers == _numbers(french) and "Appendix 1" in numbers and "15." in numbers, numbers
    assert "Version of September 1, 2026" in english and "Annexe" not in english.split("<main", 1)[1]

    with zipfile.ZipFile(english_politique_built / "politique.en.docx") as docx:
        body = docx.read("word/document.xml").decode()
        styles = docx.read("word/styles.xml").decode()
    assert 'w:val="en-CA"' in styles and "Translation — the French version prevails." in body
    assert "Appendix 1: References" in body and "Policy on the Management and Use of Social Media" in body

    # the pages' text read in order until both show (the table of contents names the appendix early on):
    # the same as reading every page, at a fraction of pypdf's cost
    wanted, text = ("Translation — the French version prevails.", "Appendix 1: References"), ""
    for page in PdfReader(str(english_politique_built / "politique.en.pdf")).pages:
        text += page.extract_text()
        if all(phrase in text for phrase in wanted):
            break
    assert all(phrase in text for phrase in wanted), text
    with pikepdf.open(english_politique_built / "politique.en.pdf") as pdf:
        assert pdf.Root["/Lang"] == "en-CA"


def test_french_names_inside_the_english_are_tagged_as_french_in_every_format(english_politique_built):
    english = (english_politique_built / "politique.en.html").read_text(encoding="utf-8")
    unit = '<span lang="fr-CA">Direction des communications et des affaires publiques</span>'
    # the unit's gloss once, in the identification block; its French name alone after that
    assert english.count(f"The {unit} (Communications and Public Affairs)") == 1 and f"the {unit}," in english
    assert '<span lang="fr-CA">Office québécois de la langue française</span>' in english
    # the file's own categories of people are in English (its glossary)
    assert "physicians and dentists" in english and "staff members, pharmacists included, and managers" in english and "les médecins" not in english

    with zipfile.ZipFile(english_politique_built / "politique.en.docx") as docx:
        body = docx.read("word/document.xml").decode()
    run = re.search(r'<w:r>(?:(?!</w:r>).)*Direction des communications et des affaires publiques</w:t></w:r>', body)
    assert run and '<w:lang w:val="fr-CA"/>' in run.group(0)

    with pikepdf.open(english_politique_built / "politique.en.pdf") as pdf:
        spans = [o for o in pdf.objects if isinstance(o, pikepdf.Dictionary)
                 and o.get("/Type") == "/StructElem" and o.get("/S") == "/Span"]
        assert any(str(s.get("/Lang", "")) == "fr-CA" for s in spans)


def _tagged_spans(element, path=()):
    """The (structure path, Span) of each tagged Span with a /Lang in the PDF's structure tree."""
    if not isinstance(element, pikepdf.Dictionary):
        return
    kind = str(element.get("/S", ""))
    if kind == "/Span" and "/Lang" in element:
        yield (*path, kind), element
    kids = element.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        yield from _tagged_spans(kid, (*path, kind))


def test_a_french_name_in_an_english_heading_and_its_contents_entry_is_tagged_as_french(english_politique_built):
    """Reader 3, E12: the heading « 10.2 The Direction des communications… » and its entry in the table
    of contents tag the French name as French in the three formats (the PDF's outline is plain text)."""
    name = "Direction des communications et des affaires publiques"
    english = (english_politique_built / "politique.en.html").read_text(encoding="utf-8")
    assert f'<h3><span class="num">10.2</span> The <span lang="fr-CA">{name}</span></h3>' in english
    toc = english.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    assert f'">10.2 The <span lang="fr-CA">{name}</span></a>' in toc

    with zipfile.ZipFile(english_politique_built / "politique.en.docx") as docx:
        body = docx.read("word/document.xml").decode()
    for style in ("Heading2", "TOC2"):
        paragraph = next(p for p in re.findall(r"<w:p>(?:(?!</w:p>).)*</w:p>", body)
                         if f'w:val="{style}"' in p and "10.2 The" in p)
        run = re.search(rf'<w:r>(?:(?!</w:r>).)*<w:t>{name}</w:t></w:r>', paragraph)
        assert run and '<w:lang w:val="fr-CA"/>' in run.group(0), style

    with pikepdf.open(english_politique_built / "politique.en.pdf") as pdf:
        where = {path[-2] for path, span in _tagged_spans(pdf.Root.StructTreeRoot) if str(span.Lang) == "fr-CA"}
    assert {"/H3", "/Link"} <= where, where  # the heading, and the table of contents' link to it


def test_every_clause_of_this_half_is_translated_and_the_english_is_in_step():
    library = load_library()
    ids = {}
    for name in FIRST_HALF:
        text = (TEMPLATES / "clauses" / "politique" / name).read_text(encoding="utf-8")
        ids[name] = re.search(r"^id: (\S+)$", text, re.M).group(1)
    assert len(ids) > 40
    english = library.english
    assert sorted(n for n, i in ids.items() if i not in english.clauses) == []
    rules = [r for r in library.rules.values() if "politique" in r.meta.textes]
    assert [r.id for r in rules if (r.id, "politique") not in english.rules] == []
    assert "plan politique" in english.where


def test_the_built_english_politique_prints_no_french_clause_of_this_half(english_politique_built):
    english = (english_politique_built / "politique.en.html").read_text(encoding="utf-8")
    first = {anchor(c.id) for c in load_library().clauses
             if c.path.parent.name == "politique" and c.path.name in FIRST_HALF}
    printed = set(re.findall(r'<div class="clause" id="([^"]+)"', english))
    untranslated = set(re.findall(r'<div class="clause" id="([^"]+)"><p><em>Not yet translated', english))
    assert len(first & printed) > 30  # the half is in the page, so the check below bites
    assert sorted(first & untranslated) == []


def test_a_french_politique_clause_changed_after_its_translation_makes_the_english_stale(run, tmp_path):
    library = library_copy(tmp_path)
    clause = library / "clauses" / "politique" / "principes.md"
    text = clause.read_text(encoding="utf-8")
    old = "des échanges harmonieux, respectueux, courtois et pertinents"
    assert old in text
    clause.write_text(text.replace(old, "des échanges respectueux, courtois et pertinents"), encoding="utf-8")
    page_en, explained = assert_kept_in_step(run, BODY, "politique", library, tmp_path / "out",
                                             "traduit un texte français modifié depuis : clause politique.principes")
    assert '<p class="draft-mark">Draft</p>' in page_en
    assert "modifié depuis sa traduction : clause politique.principes" in explained


def test_deleting_only_an_editions_files_rebuilds_it(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    args = ("build", FIXTURES / "organismes" / "clinique-en.yaml", "--out", tmp_path / "out", "--format", "html",
            "--document", "netiquette", "-j", "1")
    assert _invoke(*args).exit_code == 0
    english = tmp_path / "out" / "clinique-en" / "netiquette.en.html"
    assert "à jour, rien à refaire" in _invoke(*args).output
    english.unlink()
    again = _invoke(*args)
    assert again.exit_code == 0, again.output
    assert english.is_file() and "rien à refaire" not in again.output


def test_the_help_lines_hours_are_in_english_in_the_emergency_notice(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    text = (FIXTURES / "organismes" / "ligne-ecoute.yaml").read_text(encoding="utf-8").rstrip("\n")
    text += "\n\nlangues:\n  editions: [fr, en]\n  fondement: organisme_prive\n  nom_anglais: the Line\n"
    without = tmp_path / "ligne.yaml"
    without.write_text(text, encoding="utf-8")
    refused = _invoke("check", without)
    assert refused.exit_code == 3
    assert "Les heures de la ligne d’aide (« tous les jours, de 8 h à minuit ») n’ont pas leur anglais" \
        in refused.output
    given = tmp_path / "ligne-en.yaml"
    given.write_text(text + "  glossaire:\n    tous les jours, de 8 h à minuit: every day, from 8 a.m. to midnight\n",
                     encoding="utf-8")
    result = _invoke("build", given, "--out", tmp_path / "out", "--format", "html", "--document", "netiquette",
                     "-j", "1")
    assert result.exit_code == 0, result.output
    page_en = (tmp_path / "out" / "ligne-en" / "netiquette.en.html").read_text(encoding="utf-8")
    assert ('call <strong><mark class="a-confirmer">514-555-0199</mark><span class="mention-a-confirmer">\u00a0(to be confirmed)'
            '</span></strong>, <mark class="a-confirmer">every day, from 8 a.m. to midnight</mark>'
            '<span class="mention-a-confirmer">\u00a0(to be confirmed)</span>') in page_en
    assert "de 8 h à minuit" not in page_en.split("<main", 1)[1]


def test_the_english_politique_pdf_is_pdfua1_for_page_validation_and_outloud(english_politique_built, outloud_results):
    assert_pdfua_and_outloud(english_politique_built / "politique.en.pdf", outloud_results)


def test_the_english_politique_passes_axe(browser, english_politique_built):
    _check(browser, [english_politique_built / "politique.en.html"], english_politique_built)


def test_a_draft_english_page_on_the_site_says_draft_in_english(site):
    """A draft's site banner is in the page's language, as its « Projet » / « Draft » mark: the session's
    site (conftest.site), where the CISSS des Laurentides publishes its English nétiquette with values still
    to confirm, a draft (the banner follows whether a document is a draft, whatever makes it one)."""
    english = next(site.glob("*/netiquette.en.html")).read_text(encoding="utf-8")
    french = (next(site.glob("*/netiquette.en.html")).parent / "netiquette.html").read_text(encoding="utf-8")
    assert "Draft — this document has not been adopted" in english and "Projet —" not in english
    assert "Projet — ce document n’est pas adopté" in french


def test_the_files_own_measures_are_listed_in_english_in_the_english_politique(run, tmp_path):
    """A private body's volunteers' measures, in its own French words: check asks for their English, which
    the English politique then lists item by item."""
    text = (FIXTURES / "organismes" / "ligne-ecoute.yaml").read_text(encoding="utf-8").rstrip("\n")
    text += ("\n\nlangues:\n  editions: [fr, en]\n  documents_anglais: [politique]\n  fondement: organisme_prive\n"
             "  nom_anglais: the Line\n")
    without = tmp_path / "ligne.yaml"
    without.write_text(text, encoding="utf-8")
    refused = run("check", without)
    assert refused.exit_code == 3
    assert "Les mesures « sanctions.benevoles » n’ont pas leur anglais" in refused.output
    given = tmp_path / "ligne-en.yaml"
    given.write_text(text + "  glossaire:\n"
                     "    une rencontre avec la coordination de l’écoute: a meeting with the listening coordinators\n"
                     "    la suspension ou la fin de l’engagement bénévole: suspension or termination of the volunteer"
                     " commitment\n", encoding="utf-8")
    result = run("build", given, "--out", tmp_path / "out", "--format", "html", "--document", "politique",
                 "-j", "1")
    assert result.exit_code == 0, result.output
    page_en = (tmp_path / "out" / "ligne-en" / "politique.en.html").read_text(encoding="utf-8")
    # one of them is still to confirm, so the list is, as in the French
    assert ('it may lead to <mark class="a-confirmer">a meeting with the listening coordinators or suspension or '
            'termination of the volunteer commitment</mark><span class="mention-a-confirmer">\u00a0(to be confirmed)'
            '</span>') in page_en
