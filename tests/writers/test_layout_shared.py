"""A document's PDF and Word file share one WeasyPrint layout (the Word table of contents takes
the PDF's page numbers), whichever number of processes writes them; and a worker lets the
layout go once the document's files are written."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from policygen.cli.main import main
from policygen.publishing.build import tasks
from policygen.publishing.outputs import FileJob
from policygen.writers import pdf
from policygen.writers.options import WriterOptions

from conftest import FIXTURES


def test_the_politique_is_laid_out_once_for_its_pdf_and_its_word_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    shutil.copy(FIXTURES / "organisation.yaml", tmp_path / "essai.yaml")
    layouts = []
    render = pdf._render
    monkeypatch.setattr(pdf, "_render", lambda page: layouts.append(page) or render(page))
    result = CliRunner().invoke(main, ["build", "essai.yaml", "--out", "sortie", "--jobs", "1",
                                       "--document", "politique", "--format", "docx,pdf"])
    assert result.exit_code == 0, result.output
    assert len(layouts) == 1  # the Word file's table of contents took the PDF's layout
    assert (tmp_path / "sortie" / "essai" / "politique.docx").is_file()
    assert pdf._lay_out.cache_info().currsize == 0  # and nothing is held after the task


def test_a_worker_gets_a_documents_pdf_and_word_file_together_the_pdf_first(tmp_path):
    """With several processes, each task goes to one worker: the PDF (which lays the document
    out) and the Word file (which reads its page numbers) must be one task, in that order."""
    files = [FileJob("politique", fmt, tmp_path / f"politique.{fmt}", WriterOptions()) for fmt in ("html", "docx", "pdf")]
    assert [[job.fmt for job in task] for task in tasks(files)] == [["pdf", "docx"], ["html"]]
    assert [[job.fmt for job in task] for task in tasks(files[:2])] == [["docx"], ["html"]]
