"""« Projet » on a document that is not final, in the three formats; none on one a final version accepts."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from readback import docx_text, html_text, pdf_text
from policygen.cli.main import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FIXTURE = FIXTURES / "organisation.yaml"


def built(tmp_path: Path, name: str, text: str, *options: str) -> tuple[int, Path]:
    """The politique of `text` in every format, with the fixture library: the mark is the writers', whatever
    the clauses (a fixture clause prints the address of the person responsible for privacy)."""
    source = tmp_path / f"{name}.yaml"
    source.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(source), "--out", str(tmp_path / "sortie"), "--document",
                                       "politique", "--jobs", "1", "--bibliotheque", str(FIXTURES / "library"),
                                       *options],
                                env={"SOURCE_DATE_EPOCH": "1767225600"})
    return result.exit_code, tmp_path / "sortie" / name


def header_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return " ".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("word/header"))


def test_a_draft_is_marked_projet_in_every_format_and_a_final_version_is_not(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    draft_text = text.replace("courriel: vie.privee@essai.qc.ca", "courriel: vie.privee@essai.qc.ca (à confirmer)")
    assert draft_text != text
    code, draft = built(tmp_path, "projet", draft_text)
    assert code == 0
    assert '<p class="draft-mark">Projet</p>' in (draft / "politique.html").read_text(encoding="utf-8")
    assert html_text(draft / "politique.html").split()[0] == "Projet"
    assert docx_text(draft / "politique.docx").split()[0] == "Projet" and "Projet" in header_text(draft / "politique.docx")
    assert pdf_text(draft / "politique.pdf").split()[0].casefold() == "projet"  # set in capitals by the stylesheet

    code, final = built(tmp_path, "definitif", text, "--final")
    assert code == 0
    assert "<p class=\"draft-mark\">" not in (final / "politique.html").read_text(encoding="utf-8")
    assert "Projet" not in docx_text(final / "politique.docx").split()[:3]
    assert "Projet" not in header_text(final / "politique.docx")
    assert pdf_text(final / "politique.pdf").split()[0].casefold() != "projet"
    # and a draft is refused under --final, as before: no document is written with the mark removed
    assert built(tmp_path, "projet", draft_text, "--final")[0] == 3
