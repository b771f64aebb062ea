"""Layout is data: a library with a fourth outline builds a fourth kind of
document, in the three formats, laid out as its outline says, with no code change."""

from __future__ import annotations

import re
import shutil

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import FIXTURES
from policygen.cli.main import main

GUIDE = """\
# Un guide d’accueil : numéroté, avec table des matières, en deux colonnes, sans bloc de titre.
id: guide
title: "Guide d’accueil {{ nom.du }}"
short_title: Guide d’accueil
order: 40
numbered: true
layout: {toc: true, columns: 2, title_block: false}
sections:
  - {id: accueil, title: Accueil}
"""

CLAUSE = """\
---
id: guide.premiers-pas
title: Premiers pas
documents: {guide: accueil}
heading: true
variables: [organisation.nom]
sources: [{source: "004", sections: ["1"]}]
---
Bienvenue au {{ organisation.nom }} : ce guide présente nos comptes.
"""


@pytest.fixture
def guide_library(tmp_path):
    root = tmp_path / "bibliotheque"
    shutil.copytree(FIXTURES / "library", root)
    (root / "outlines" / "guide.yaml").write_text(GUIDE, encoding="utf-8")
    (root / "clauses" / "guide.md").write_text(CLAUSE, encoding="utf-8")
    return root


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], env={"SOURCE_DATE_EPOCH": "1767225600"})


def test_a_fourth_outline_is_built_in_the_three_formats_as_its_layout_says(tmp_path, guide_library):
    organisation = FIXTURES / "organisation.yaml"
    result = run("build", organisation, "--bibliotheque", guide_library, "--document", "guide", "--out", tmp_path,
                 "--jobs", "1")
    assert result.exit_code == 0, result.output
    folder = tmp_path / organisation.stem
    assert sorted(p.name for p in folder.iterdir()) == ["guide.docx", "guide.html", "guide.pdf", "manifest.json"]

    html = (folder / "guide.html").read_text(encoding="utf-8")
    assert re.search(r'<body class="doc sommaire colonnes-2"', html)
    assert '<h2 id="s-accueil-titre">1. Accueil</h2>' in html
    assert '<h3><span class="num">1.1</span> Premiers pas</h3>' in html
    assert '<nav class="toc"' in html and '<a href="#s-accueil">1. Accueil</a>' in html
    # no title block (the version line stays in the data the print footer reads)
    assert '<p class="doc-organisation">' not in html and '<p class="doc-version">' not in html

    word = docx.Document(str(folder / "guide.docx"))
    styles = [(p.style.name, p.text) for p in word.paragraphs]
    assert ("Title", "Guide d’accueil du CISSS de l’Essai") in styles
    assert not any(style in ("Subtitle", "Version") for style, _ in styles)
    assert any(style == "TOC 1" and re.fullmatch(r"1\. Accueil\t\d+", text) for style, text in styles)  # with its page
    assert ("Heading 1", "1. Accueil") in styles and ("Heading 2", "1.1 Premiers pas") in styles
    columns = [c.get(qn("w:num")) for c in word.element.body.iter(qn("w:cols"))]
    assert "2" in columns

    pages = [page.extract_text() for page in PdfReader(folder / "guide.pdf").pages]
    text = " ".join(pages)
    assert "Table des matières" in text and "1.1 Premiers pas" in text
    assert "Bienvenue au Centre intégré de santé" in text and "ce guide présente nos" in " ".join(text.split())
    # no title block: the version is said once on page 1, by the footer every page carries
    assert pages[0].count("Version du") == 1 and "Version du 1er mars 2025 Page 1 de" in pages[0]


def test_the_documents_a_command_knows_are_those_of_its_library(tmp_path, guide_library):
    organisation = FIXTURES / "organisation.yaml"
    result = run("build", organisation, "--bibliotheque", guide_library, "--format", "html", "--out", tmp_path)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / organisation.stem).glob("*.html")) == [
        "fiche-synthese.html", "guide.html", "netiquette.html", "politique.html"]
    unknown = run("build", organisation, "--bibliotheque", guide_library, "--document", "affiche")
    assert unknown.exit_code == 2
    assert "Document inconnu : affiche. Valeurs permises : politique, netiquette, fiche-synthese, guide." in unknown.output
    shipped = run("build", organisation, "--document", "guide", "--out", tmp_path)  # the packaged library
    assert shipped.exit_code == 2
    assert "Document inconnu : guide. Valeurs permises : politique, netiquette, fiche-synthese." in shipped.output
