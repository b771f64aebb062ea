"""The English editions pass the checks the French ones pass: page-validation's PDF/UA-1 profile and
outloud on the PDF, axe-core (WCAG 2.1 AA) on the standalone page and on the site's page; the site
lists the French document first and its English edition after it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import page
import pytest


sys.path.insert(0, str(Path(__file__).parents[1] / "writers"))
from test_accessibility import _check  # noqa: E402 - the same audit as the French documents'


@pytest.fixture(scope="module")
def published(built, site) -> tuple[Path, Path]:
    """A body's documents with its English nétiquette, built and published: the session's build and site
    (conftest's `built`, `site`; the CISSS des Laurentides has one), not a build of its own."""
    folder = built / "cisss-laurentides"
    assert (folder / "netiquette.en.pdf").is_file()
    return folder, site


def assert_pdfua_and_outloud(pdf: Path, outloud_results: dict[Path, dict]) -> None:
    """page-validation's PDF/UA-1 profile and outloud (conftest's one run of it) find nothing in `pdf`, as in
    the French documents."""
    report = page.validate_pdf(str(pdf), profile=page.ValidationProfile.PDF_UA_1)
    assert report.is_compliant, [(f.rule_id, f.message) for f in report.failures]
    findings = [(f["rule"], f["message"]) for f in outloud_results[pdf]["findings"]
                if f["severity"] in ("error", "warning")]
    assert not findings, findings


def test_the_english_pdf_is_pdfua1_for_page_validation_and_outloud(published, outloud_results):
    assert_pdfua_and_outloud(published[0] / "netiquette.en.pdf", outloud_results)


def test_the_english_pages_pass_axe(browser, published):
    built, site = published
    _check(browser, [built / "netiquette.en.html"], built)
    english = sorted(site.glob("*/netiquette.en.html"))
    assert english, sorted(p.name for p in site.rglob("*.html"))
    _check(browser, english, site)


def test_the_site_lists_french_first_and_links_both_ways(published):
    _, site = published
    folder = next(site.glob("*/netiquette.en.html")).parent
    register = (folder / "index.html").read_text(encoding="utf-8")
    assert register.index("netiquette.html") < register.index("netiquette.en.html")
    english = (folder / "netiquette.en.html").read_text(encoding="utf-8")
    french = (folder / "netiquette.html").read_text(encoding="utf-8")
    assert 'hreflang="fr-CA" href="netiquette.html"' in english and '<html lang="en-CA">' in english
    assert 'hreflang="en-CA" href="netiquette.en.html"' in french
    assert ">Download</h2>" in english and ">Télécharger</h2>" in french


def _around_main(page: str) -> str:
    """The words of a site page around its document (the header, downloads and links)."""
    return page.split("<main", 1)[0] + page.split("</main>", 1)[1]


def test_the_english_site_page_speaks_english_around_its_document(published):
    """The way home, the register, the downloads and their sizes are in the page's language; a link to a
    French document says that it is French (lang and hreflang)."""
    _, site = published
    folder = next(site.glob("*/netiquette.en.html")).parent
    english = _around_main((folder / "netiquette.en.html").read_text(encoding="utf-8"))
    french = _around_main((folder / "netiquette.html").read_text(encoding="utf-8"))
    assert '<a href="../index.html">Social media documents</a>' in english
    assert '<a href="index.html">Register of the organization’s documents</a>' in english
    assert re.search(r'download>Social Media Guidelines \(PDF\)</a> <span class="size">\(\d+\u00a0KB\)</span>', english)
    assert "Ko)" not in english and "Registre" not in english and "Documents sur les médias sociaux" not in english
    assert re.search(r'<a href="politique.html" hreflang="fr-CA" lang="fr-CA">Politique [^<]+</a>', english)
    # the French page is unchanged: French words, French sizes, no language to tag
    assert '<a href="../index.html">Documents sur les médias sociaux</a>' in french
    assert re.search(r'<span class="size">\(\d+\u00a0Ko\)</span>', french) and 'hreflang="fr-CA"' not in french
    assert re.search(r'<a href="netiquette.en.html" hreflang="en-CA" lang="en-CA">Social Media Guidelines', french)
