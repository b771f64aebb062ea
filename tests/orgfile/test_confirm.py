"""Values marked « (à confirmer) »: stripped before validation, warned about by a normal build and
by `check`, highlighted in the documents, refused by `build --final`."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from click.testing import CliRunner
from lxml import etree
from pypdf import PdfReader

from policygen.cli.main import main
from policygen.orgfile.confirm import unmark
from policygen.orgfile.yamlsource import load_yaml

FIXTURE_LIBRARY = Path(__file__).resolve().parents[1] / "fixtures" / "library"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

MARKED = {
    "  nom: Centre intégré de santé et de services sociaux de l’Essai":
        "  nom: Centre intégré de santé et de services sociaux de l’Essai (à confirmer)",
    "    courriel: vie.privee@essai.qc.ca": "    courriel: vie.privee@essai.qc.ca (A confirmer)",
    "  - {categorie: le personnel,": "  - {categorie: le personnel (à confirmer),",
}


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args], env={"SOURCE_DATE_EPOCH": None})


def test_unmark_strips_the_mention_from_text_dates_emails_and_list_items():
    located, _ = load_yaml("a: 514 355-8540 (à confirmer)\n"
                           "b: 2025-06-01 (à confirmer)\n"
                           "c:\n  - un\n  - deux (À Confirmer)\n"
                           "d: x@y.qc.ca  ( a confirmer )\n"
                           "e: rien à confirmer\n", "f.yaml")
    pending = unmark(located)
    assert located.data == {"a": "514 355-8540", "b": dt.date(2025, 6, 1), "c": ["un", "deux"],
                            "d": "x@y.qc.ca", "e": "rien à confirmer"}
    assert [(p.path, p.line, p.value) for p in pending] == [
        (("a",), 1, "514 355-8540"), (("b",), 2, "2025-06-01"), (("c", 1), 5, "deux"), (("d",), 6, "x@y.qc.ca")]


def line_of(path: Path, start: str) -> int:
    return next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if t.startswith(start))


def test_a_normal_build_warns_and_highlights_the_values_in_html_and_docx(org_file, tmp_path):
    org = org_file(MARKED)
    result = invoke("build", org, "--out", tmp_path, "--format", "html,docx", "--document", "politique", "--jobs", "1",
                    "--bibliotheque", FIXTURE_LIBRARY, "--detail")
    assert result.exit_code == 0, result.output
    line = line_of(org, "    courriel: vie.privee")
    assert (f"essai.yaml:{line}: avertissement [organisation.to-confirm] — contacts.protection_renseignements.courriel\n"
            "  Valeur à confirmer : « vie.privee@essai.qc.ca ».\n"
            "  Une fois la valeur confirmée, retirez la mention « (à confirmer) ».") in result.output
    assert result.output.count("[organisation.to-confirm]") == 3
    html = (tmp_path / "essai" / "politique.html").read_text(encoding="utf-8")
    # Highlighted, and said in words after the value, for readers who do not see the colour.
    assert ('<mark class="a-confirmer"><a href="mailto:vie.privee@essai.qc.ca"><span class="courriel">vie.privee</span>'
            '<wbr><span class="courriel">@essai.qc.ca</span></a></mark>'
            '<span class="mention-a-confirmer">\u00a0(à confirmer)</span>') in html
    body = html[html.index("<body"):]
    # inside parentheses the words take brackets: « (vie.privee@… [à confirmer]) »
    assert body.count("(à confirmer)") + body.count("[à confirmer]") == body.count('class="mention-a-confirmer"') >= 2
    with zipfile.ZipFile(tmp_path / "essai" / "politique.docx") as archive:
        body = etree.fromstring(archive.read("word/document.xml"))
    highlighted = ["".join(r.itertext()) for r in body.iter(f"{W}r")
                   if r.find(f"{W}rPr/{W}highlight") is not None]
    assert "vie.privee@essai.qc.ca" in highlighted
    assert "Centre intégré de santé et de services sociaux de l’Essai" in highlighted


def test_check_lists_them_as_warnings(org_file):
    result = invoke("check", org_file(MARKED), "--bibliotheque", FIXTURE_LIBRARY)
    assert result.exit_code == 0, result.output
    assert result.output.count("avertissement [organisation.to-confirm]") == 3


def test_build_final_refuses_and_lists_them_all_leaving_earlier_outputs(org_file, tmp_path):
    clean = org_file()
    assert invoke("build", clean, "--out", tmp_path, "--format", "html", "--final",
                  "--bibliotheque", FIXTURE_LIBRARY).exit_code == 0
    before = (tmp_path / "essai" / "politique.html").read_bytes()
    result = invoke("build", org_file(MARKED), "--out", tmp_path, "--format", "html", "--final",
                    "--bibliotheque", FIXTURE_LIBRARY)
    assert result.exit_code == 3, result.output
    assert result.output.count("erreur [organisation.to-confirm]") == 3
    assert "3 erreurs dans " in result.output and "essai.yaml : aucun document n’a été produit." in result.output
    assert (tmp_path / "essai" / "politique.html").read_bytes() == before


def highlight_fills(pdf: Path) -> int:
    """How many times the PDF paints the highlight colour (#fff3a0) behind text."""
    reader = PdfReader(str(pdf))
    return sum(page.get_contents().get_data().count(b"1 0.952941 0.627451 rg") for page in reader.pages)


def test_the_pdf_paints_the_highlight_behind_the_value_only_when_one_remains(org_file, tmp_path):
    for name, replacements in (("marque", MARKED), ("propre", {})):
        result = invoke("build", org_file(replacements, name=f"{name}.yaml"), "--out", tmp_path, "--format", "pdf",
                        "--jobs", "1",
                        "--document", "politique", "--bibliotheque", FIXTURE_LIBRARY)
        assert result.exit_code == 0, result.output
    assert highlight_fills(tmp_path / "marque" / "politique.pdf") >= 2  # the name and the e-mail
    assert highlight_fills(tmp_path / "propre" / "politique.pdf") == 0
    assert "Écrivez à vie.privee@essai.qc.ca (à confirmer), de 8 h 30 à 17 h." in \
        "\n".join(page.extract_text() for page in PdfReader(str(tmp_path / "marque" / "politique.pdf")).pages
                  ).replace("\u00a0", " ")


def test_a_build_sums_them_up_in_one_line_per_body(org_file, tmp_path):
    org = org_file(MARKED)
    result = invoke("build", org, "--out", tmp_path, "--format", "html", "--document", "politique",
                    "--bibliotheque", FIXTURE_LIBRARY)
    assert result.exit_code == 0, result.output
    assert "[organisation.to-confirm]" not in result.output
    assert f"essai.yaml → {tmp_path / 'essai'}/ (2 fichiers) : 3 valeurs à confirmer\n" in result.output
    assert "relancez avec --detail" in result.output
