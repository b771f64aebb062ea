"""English editions (issue 22): who may have one, what it says it is, and translations kept in step.

Each fixture body builds exactly the editions the Charte de la langue française allows it; an
English edition reads back as a translation (lang en-CA, « the French version prevails », a link
to its French original, hreflang both ways); a French rule changed after its translation makes
the English stale: `build` warns, `build --final` refuses, `explain` names the rule.
"""

import json
import re
import shutil
import zipfile
from pathlib import Path

import pikepdf
from pypdf import PdfReader
import pytest
from click.testing import CliRunner

from policygen.cli.main import main
from policygen.resources import TEMPLATES
from conftest import FIXTURES

BODIES = FIXTURES / "organismes"


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")

    def invoke(*args):
        return CliRunner().invoke(main, list(map(str, args)), prog_name="policygen")

    return invoke


def _with_languages(tmp_path: Path, fixture: str, block: str) -> Path:
    """A copy of `fixture` whose « langues: » section is `block`."""
    text = (BODIES / fixture).read_text(encoding="utf-8")
    text = text.split("\nlangues:")[0]
    path = tmp_path / fixture
    path.write_text(text.rstrip("\n") + "\n\nlangues:\n" + block, encoding="utf-8")
    return path


def library_copy(tmp_path: Path) -> Path:
    """A copy of the shipped library for a test to change (passed with --bibliotheque)."""
    library = tmp_path / "bibliotheque"
    shutil.copytree(TEMPLATES, library, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    return library


def assert_kept_in_step(run, body: Path, document: str, library: Path, out: Path, said: str) -> tuple[str, str]:
    """An English text behind its French: `build` warns (saying `said`) and still writes the edition,
    `build --final` refuses. Returns the edition's page and what `explain` says."""
    args = ("--out", out, "--format", "html", "--document", document, "-j", "1", "--bibliotheque", library)
    draft = run("build", body, *args)
    assert draft.exit_code == 0, draft.output
    assert f"avertissement [organisation.translation] — {document}.en" in draft.output
    assert said in draft.output, draft.output
    page = (out / body.stem / f"{document}.en.html").read_text(encoding="utf-8")
    final = run("build", body, *args, "--final")
    assert final.exit_code == 3, final.output
    assert f"erreur [organisation.translation] — {document}.en" in final.output
    return page, run("explain", body, "--document", document, "--bibliotheque", library).output


@pytest.mark.parametrize("fixture, english", [
    ("etablissement-reconnu-en.yaml", ["fiche-synthese.en.html", "netiquette.en.html"]),  # recognised: staff too
    ("clinique-en.yaml", ["netiquette.en.html"]),
    ("ordre-en.yaml", ["netiquette.en.html"]),  # its members' documents stay French
])
def test_each_body_builds_the_english_editions_it_is_entitled_to_and_no_other(run, tmp_path, fixture, english):
    result = run("build", BODIES / fixture, "--out", tmp_path / "out", "--format", "html",
                 "--document", "netiquette,fiche-synthese", "-j", "1")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / fixture.removesuffix(".yaml")
    assert sorted(p.name for p in folder.glob("*.html")) == sorted(
        ["fiche-synthese.html", "netiquette.html", *english])


def test_a_body_without_languages_builds_french_only(run, tmp_path):
    result = run("build", BODIES / "clinique.yaml", "--out", tmp_path / "out", "--format", "html",
                 "--document", "netiquette", "-j", "1")
    assert result.exit_code == 0, result.output
    assert [p.name for p in (tmp_path / "out" / "clinique").glob("*.html")] == ["netiquette.html"]


def test_an_english_edition_without_a_basis_is_refused_with_its_line(run, tmp_path):
    path = _with_languages(tmp_path, "clinique-en.yaml", "  editions: [fr, en]\n  nom_anglais: the Clinic\n")
    result = run("check", path)
    assert result.exit_code == 3
    line = path.read_text(encoding="utf-8").split("\n").index("  editions: [fr, en]") + 1
    assert f"clinique-en.yaml:{line}: erreur [organisation.edition] — langues.editions" in result.output
    assert "sans fondement" in result.output and "fondement:" in result.output


def test_an_ordre_may_not_have_an_english_member_document(run, tmp_path):
    block = ("  editions: [fr, en]\n  documents_anglais: [netiquette, fiche-synthese]\n  fondement: exception_22_3\n"
             "  exception: santé\n  directive:\n    titre: Directive\n    date: 2024-01-01\n"
             "  nom_anglais: the Ordre\n")
    result = run("check", _with_languages(tmp_path, "ordre-en.yaml", block))
    assert result.exit_code == 3
    assert "langues.documents_anglais.1" in result.output
    assert "« fiche-synthese » parle au personnel ou aux membres" in result.output


def test_a_public_body_not_recognised_may_not_have_an_english_politique(run, tmp_path):
    block = ("  editions: [fr, en]\n  documents_anglais: [netiquette, politique]\n  fondement: programme_acces\n"
             "  directive:\n    titre: Directive\n    date: 2024-01-01\n  nom_anglais: the CIUSSS\n")
    result = run("check", _with_languages(tmp_path, "etablissement-reconnu-en.yaml", block))
    assert result.exit_code == 3
    assert "reconnu en vertu de l’article 29.1" in result.output


def test_a_public_body_needs_its_directive_and_may_not_call_itself_private(run, tmp_path):
    block = "  editions: [fr, en]\n  fondement: organisme_prive\n  nom_anglais: the CIUSSS\n"
    result = run("check", _with_languages(tmp_path, "etablissement-reconnu-en.yaml", block))
    assert result.exit_code == 3
    assert "ne peut invoquer « organisme_prive »" in result.output
    assert "après avoir adopté la directive" in result.output


def test_a_directive_over_five_years_before_the_documents_is_a_warning(run, tmp_path):
    block = ("  editions: [fr, en]\n  fondement: reconnaissance_29_1\n  directive:\n    titre: Directive\n"
             "    date: 2019-01-15\n  nom_anglais: the CIUSSS\n")
    result = run("check", _with_languages(tmp_path, "etablissement-reconnu-en.yaml", block))
    assert result.exit_code == 0, result.output
    assert "avertissement [organisation.directive]" in result.output
    assert "plus de cinq ans avant la date des documents (2026-09-01)" in result.output


def test_the_english_edition_says_what_it_is_in_every_format(run, tmp_path):
    result = run("build", BODIES / "clinique-en.yaml", "--out", tmp_path / "out", "--document", "netiquette", "-j", "1")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "clinique-en"
    page = (folder / "netiquette.en.html").read_text(encoding="utf-8")
    assert '<html lang="en-CA">' in page
    assert "Translation — the French version prevails." in page
    assert "Who can consult this page?" in page
    assert '<a href="netiquette.html">Read the French original</a>' in page
    assert '<link rel="alternate" hreflang="fr-CA" href="netiquette.html">' in page
    french = (folder / "netiquette.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" hreflang="en-CA" href="netiquette.en.html">' in french
    # Same version line date as the French, in English words.
    version = re.search(r'class="doc-version">Version du (\d+)', french)
    assert version and "Version of September" in page
    with zipfile.ZipFile(folder / "netiquette.en.docx") as docx:
        styles = docx.read("word/styles.xml").decode()
        core = docx.read("docProps/core.xml").decode()
        body = docx.read("word/document.xml").decode()
    assert 'w:val="en-CA"' in styles and 'w:val="fr-CA"' not in styles
    assert "<dc:language>en-CA</dc:language>" in core
    assert "Translation — the French version prevails." in body
    with pikepdf.open(folder / "netiquette.en.pdf") as pdf:
        assert pdf.Root["/Lang"] == "en-CA"
        assert pdf.Root["/StructTreeRoot"] is not None  # tagged as the French ones (PDF/UA)
    footer = PdfReader(str(folder / "netiquette.en.pdf")).pages[0].extract_text()
    assert "Page 1 of" in footer and " de " not in footer.split("Page 1")[1]
    with zipfile.ZipFile(folder / "netiquette.en.docx") as docx:
        footers = "".join(docx.read(n).decode() for n in docx.namelist() if n.startswith("word/footer"))
    assert " of " in footers and "Page " in footers


def test_a_french_rule_changed_after_its_translation_makes_the_english_stale(run, tmp_path):
    library = library_copy(tmp_path)
    rules = library / "data" / "regles.yaml"
    text = rules.read_text(encoding="utf-8")
    old = "nous ne bloquons qu’après un avertissement"
    assert old in text
    rules.write_text(text.replace(old, "nous ne bloquons qu’après deux avertissements"), encoding="utf-8")
    page, explained = assert_kept_in_step(run, BODIES / "clinique-en.yaml", "netiquette", library, tmp_path / "out",
                                          "règle blocage (netiquette)")
    assert "Translation — the French version prevails." in page
    assert "modifié depuis sa traduction : règle blocage (netiquette)" in explained
    assert "clause netiquette" not in explained.split("Édition anglaise")[1]  # only the rule changed


def test_the_shipped_translations_are_in_step_with_the_french():
    """The helper the lead runs after a merge (python -m policygen.library.translations) lists nothing."""
    from policygen.library.english import report
    from policygen.library.loader import load_library

    assert report(load_library()) == []


def test_values_to_confirm_stay_marked_in_the_english_edition(run, tmp_path):
    text = (BODIES / "clinique-en.yaml").read_text(encoding="utf-8")
    path = tmp_path / "clinique-en.yaml"
    path.write_text(text.replace("courriel: info@clinique-essai.ca", "courriel: info@clinique-essai.ca (à confirmer)"),
                    encoding="utf-8")
    result = run("build", path, "--out", tmp_path / "out", "--format", "html", "--document", "netiquette", "-j", "1")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "clinique-en" / "netiquette.en.html").read_text(encoding="utf-8")
    assert '<mark class="a-confirmer"><a href="mailto:info@clinique-essai.ca">' in page
    # the mark after it is English (the French one would be the only French words of the sentence)
    assert '<span class="mention-a-confirmer">\u00a0(to be confirmed)</span>' in page
    assert "(à confirmer)</span>" not in page
    assert run("build", path, "--out", tmp_path / "out", "--format", "html", "--document", "netiquette",
               "--final").exit_code == 3


def test_an_edition_no_longer_asked_for_is_removed_and_the_manifest_lists_each_edition_apart(run, tmp_path):
    out = tmp_path / "out"
    args = ("--out", out, "--format", "html", "--document", "netiquette", "-j", "1")
    assert run("build", BODIES / "clinique-en.yaml", *args).exit_code == 0
    folder = out / "clinique-en"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["documents"]
    assert list(manifest["netiquette"]["fichiers"]) == ["netiquette.html"]
    assert list(manifest["netiquette.en"]["fichiers"]) == ["netiquette.en.html"]
    french_only = tmp_path / "clinique-en.yaml"
    french_only.write_text((BODIES / "clinique-en.yaml").read_text(encoding="utf-8").replace(
        "editions: [fr, en]", "editions: [fr]"), encoding="utf-8")
    result = run("build", french_only, *args)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.glob("*.html")) == ["netiquette.html"]


def test_a_broken_english_template_is_a_located_library_error(run, tmp_path):
    library = library_copy(tmp_path)
    rules = library / "en" / "regles.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("we block someone only", "we block {% if %} only"),
                     encoding="utf-8")
    result = run("check", BODIES / "clinique-en.yaml", "--bibliotheque", library)
    assert result.exit_code == 4, result.output
    assert "regles.yaml:" in result.output and "blocage (netiquette)" in result.output


def test_an_english_rule_or_outline_without_its_fingerprint_is_a_located_library_error(run, tmp_path):
    """A translation missing « traduit » (its French text's fingerprint) is named with its file and line,
    never a traceback."""
    library = library_copy(tmp_path)
    rules = library / "en" / "regles.yaml"
    lines = rules.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.lstrip().startswith("traduit: "))
    rules.write_text("".join(lines[:first] + lines[first + 1:]), encoding="utf-8")
    outline = next((library / "en" / "plans").glob("*.yaml"))
    outline.write_text("".join(line for line in outline.read_text(encoding="utf-8").splitlines(keepends=True)
                               if not line.startswith("traduit: ")), encoding="utf-8")
    result = run("check", BODIES / "clinique-en.yaml", "--bibliotheque", library)
    assert result.exit_code == 4, result.output
    assert "Traceback" not in result.output and "Erreur interne" not in result.output
    assert "regles.yaml:" in result.output and "« texte » et « traduit »" in result.output
    assert f"{outline.name}:1" in result.output and "Le plan traduit donne « id » et « traduit »." in result.output


def test_a_document_with_no_english_outline_is_refused_with_what_is_missing(run, tmp_path):
    """Without its English outline a document has no English structure: a body asking for it is told."""
    library = library_copy(tmp_path)
    (library / "en" / "plans" / "politique.yaml").unlink()
    result = run("check", BODIES / "etablissement-reconnu-en.yaml", "--bibliotheque", library)
    assert result.exit_code == 3, result.output
    assert "erreur [organisation.edition] — langues.documents_anglais" in result.output
    assert "L’édition anglaise de « politique » n’est pas encore traduite : plan politique" in result.output


def test_a_clause_with_no_english_yet_is_printed_in_french_tagged_and_refused_for_a_final_version(run, tmp_path):
    library = library_copy(tmp_path)
    (library / "en" / "clauses" / "netiquette" / "plaintes.md").unlink()
    page, explained = assert_kept_in_step(
        run, BODIES / "clinique-en.yaml", "netiquette", library, tmp_path / "out",
        "n’a pas encore de traduction de 1 texte (le français y est imprimé) : clause netiquette.plaintes")
    untranslated = page.split("Not yet translated: the French text follows.")[1].split("</div>")[0]
    assert '<span lang="fr-CA">' in untranslated and "plainte" in untranslated
    assert '<p class="draft-mark">Draft</p>' in page  # a draft, marked in the edition's language
    assert "sans traduction : clause netiquette.plaintes" in explained
