"""`policygen publish`: the intranet site, read back with an HTML parser."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from policygen.cli.main import main
from policygen.model.nodes import FRONT_ROLES
from policygen.writers.common import anchor

from conftest import FIXTURES, ORGANISATIONS


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.toc_links: list[str] = []
        self.resources: list[str] = []  # what the browser would fetch to show the page
        self.tags: set[str] = set()
        self._in_toc = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.add(tag)
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "nav" and "toc" in (attributes.get("class") or ""):
            self._in_toc += 1
        if tag == "a":
            self.links.append(attributes["href"])
            if self._in_toc:
                self.toc_links.append(attributes["href"])
        if tag in ("link", "script", "img", "iframe", "source"):
            self.resources.append(attributes.get("href") or attributes.get("src") or "")

    def handle_endtag(self, tag):
        if tag == "nav" and self._in_toc:
            self._in_toc -= 1


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def test_index_lists_every_organisation_and_document(site, models):
    index = parse(site / "index.html")
    for slug, kind in models:
        for extension in ("html", "docx", "pdf"):
            href = f"{slug}/{kind}.{extension}"
            assert href in index.links
            assert (site / href).is_file()
    text = (site / "index.html").read_text(encoding="utf-8")
    for document in models.values():
        assert document.organisation in text and document.title in text


def test_document_pages_anchor_every_section_and_clause(site, models):
    for (slug, kind), document in models.items():
        page = parse(site / slug / f"{kind}.html")
        for section in document.sections:
            assert f"s-{anchor(section.id)}" in page.ids
            for clause in section.clauses:
                assert anchor(clause.id) in page.ids
        body_sections = [s for s in document.sections if s.role not in FRONT_ROLES]
        # a table of contents where the outline asks for one (the fiche and the nétiquette open on their text)
        assert len(page.toc_links) == (len(body_sections) + sum(
            c.show_title for s in body_sections for c in s.clauses) if document.layout.toc else 0), kind
        assert all(link.startswith("#") and link[1:] in page.ids for link in page.toc_links)


def test_document_pages_offer_their_word_and_pdf(site, models):
    for slug, kind in models:
        page = parse(site / slug / f"{kind}.html")
        assert "../index.html" in page.links
        for extension, magic in (("docx", b"PK"), ("pdf", b"%PDF")):
            assert f"{kind}.{extension}" in page.links
            assert (site / slug / f"{kind}.{extension}").read_bytes().startswith(magic)
        text = (site / slug / f"{kind}.html").read_text(encoding="utf-8")
        unit = "KB" if kind.endswith(".en") else "Ko"  # in the page's language
        assert re.search(rf"\(\d+\u00a0{unit}\)", text)  # the size, so a phone user knows before downloading


def test_site_is_self_contained_and_needs_no_script(site):
    pages = sorted(site.rglob("*.html"))
    editions = [p.name for p in site.rglob("*.en.html")]  # the English nétiquette of the CISSS des Laurentides
    assert editions == ["netiquette.en.html"]
    # the network register; each body's register, its legal table (conformite.html) and its documents;
    # the English edition
    assert len(pages) == 1 + len(ORGANISATIONS) * 5 + len(editions)
    for path in pages:
        page = parse(path)
        assert "script" not in page.tags, path
        for resource in page.resources:
            assert not re.match(r"^(https?:)?//", resource), (path, resource)
            assert (path.parent / resource).resolve().is_file(), (path, resource)
    css = (site / "site.css").read_text(encoding="utf-8")
    urls = re.findall(r"url\(\"?([^\")]+)\"?\)", css)
    assert urls and all((site / url).is_file() for url in urls)
    assert "@import" not in css and "http" not in css
    assert "@media print" in css and "@media screen and (max-width" in css
    assert (site / "fonts" / "LICENCE-Lato-OFL.txt").is_file()


def test_publish_replaces_its_own_site_and_refuses_other_folders(site, built, tmp_path):
    runner = CliRunner()
    target = tmp_path / "site"
    shutil.copytree(site, target)  # a site policygen published (the session's), not rendered again here
    published = runner.invoke(main, ["publish", str(ORGANISATIONS[0]), "--site", str(target), "--out", str(built)],
                              env={"SOURCE_DATE_EPOCH": None})
    assert published.exit_code == 0, published.output
    # the organisations published last time and not this time are gone: their files were policygen's
    assert sorted(p.name for p in target.iterdir() if p.is_dir()) == sorted(["fonts", ORGANISATIONS[0].stem])

    other = tmp_path / "documents-personnels"
    other.mkdir()
    (other / "notes.txt").write_text("à garder", encoding="utf-8")
    result = runner.invoke(main, ["publish", str(ORGANISATIONS[0]), "--site", str(other), "--out", str(built)])
    assert result.exit_code == 6
    assert "qu’aucune publication de policygen n’y a écrits (notes.txt)" in result.output
    assert (other / "notes.txt").read_text(encoding="utf-8") == "à garder"


def test_publish_with_an_invalid_file_leaves_the_site_untouched(site, built, tmp_path):
    runner = CliRunner()
    target = tmp_path / "site"
    shutil.copytree(site, target)
    before = (target / "index.html").read_bytes()
    broken = tmp_path / "brise.yaml"
    broken.write_text("organisation:\n  nom: [\n", encoding="utf-8")
    result = runner.invoke(main, ["publish", str(ORGANISATIONS[0]), str(broken), "--site", str(target),
                                  "--out", str(built)])
    assert result.exit_code == 3
    assert "brise.yaml" in result.output and "Traceback" not in result.output
    assert (target / "index.html").read_bytes() == before


def test_publish_help_and_errors_are_in_french():
    runner = CliRunner()
    help_text = runner.invoke(main, ["publish", "--help"]).output
    assert "Publie les documents" in help_text and "[obligatoire]" in help_text
    result = runner.invoke(main, ["publish", str(ORGANISATIONS[0])])
    assert result.exit_code == 2 and "Option manquante" in result.output


def test_publish_into_an_unwritable_place_says_so_in_french(tmp_path):
    # the fixture organisation with the fixture library: publish builds its documents before it meets the
    # blocked site folder, and the failure is the folder's, whatever the clauses
    blocker = tmp_path / "fichier"
    blocker.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["publish", str(FIXTURES / "organisation.yaml"), "--site", str(blocker / "site"),
                                       "--out", str(tmp_path / "sortie"), "--bibliotheque", str(FIXTURES / "library"),
                                       "--jobs", "1"],
                                env={"SOURCE_DATE_EPOCH": "1767225600"})
    assert result.exit_code == 6
    assert "Écriture impossible : un fichier porte ce nom à la place d’un dossier" in result.output
