"""« 1er » with its « er » raised in every format, footers and table cells included, read back from
the built files of every shipped body: the web pages' <sup>, the PDF's glyph sizes and baselines (the PDFs whose text
is read back: tests/pdfsample.py), Word's vertAlign."""

from __future__ import annotations

import re
import zipfile

from conftest import output_files
from pdfsample import pdfs_read_back
from readback import pdf_read

PLAIN = re.compile(r"(?<!\w)1(er|re)(?!\w)")  # « 1er » set on the line, its suffix not raised
FOOT = 60  # points from the page's bottom: the running footer's line


def _runs(page) -> list[tuple[str, float, float]]:
    """The page's text runs in drawing order: (text, size in points, baseline from the bottom)."""
    return [(piece.text, piece.size, piece.y) for piece in page.pieces if piece.text]


def test_1er_is_raised_in_the_web_pages(built):
    """Every body's page sets the suffix in <sup>: the PDF is that page laid out (writers/pdf.py)."""
    for path in output_files(built, "html"):
        page = re.sub(r"<sup>(er|re)</sup>", "^", path.read_text(encoding="utf-8").split("</style>")[-1])  # the text
        assert not PLAIN.search(re.sub(r"<[^>]+>", " ", page)), path


def test_1er_is_raised_in_the_pdf_footers_and_text(built, models):
    read = set(pdfs_read_back(built))  # the PDFs whose text is read back: tests/pdfsample.py
    for path in [path for path in output_files(built, "pdf") if path in read]:
        model = models.get((path.parent.name, path.stem))
        footed = model is not None and PLAIN.search(model.version_line) is not None
        for number, page in enumerate(pdf_read(path), start=1):
            runs = _runs(page)
            assert not any(PLAIN.search(text) for text, _, _ in runs), (path, number)
            raised = [(before, after) for before, after in zip(runs, runs[1:])
                      if before[0].endswith("1") and after[0] in ("er", "re")]
            for (_, size, base), (_, suffix_size, suffix_base) in raised:
                assert suffix_size < size and suffix_base > base, (path, number, size, suffix_size)
            if footed:
                assert any(base < FOOT for (_, _, base), _ in raised), (path, number)


def test_1er_is_superscript_in_word_text_cells_and_footers(built, models):
    superscript = re.compile(r'<w:vertAlign w:val="superscript"/></w:rPr><w:t>(er|re)</w:t>')
    cells = 0
    for path in output_files(built, "docx"):
        model = models.get((path.parent.name, path.stem))
        with zipfile.ZipFile(path) as archive:
            parts = {n: archive.read(n).decode("utf-8") for n in archive.namelist()
                     if re.fullmatch(r"word/(document|footer\d+|header\d+)\.xml", n)}
        for name, xml in parts.items():
            assert not any(PLAIN.search(t) for t in re.findall(r"<w:t[^>]*>([^<]*)</w:t>", xml)), (path, name)
        if model is not None and PLAIN.search(model.version_line):
            footers = [xml for name, xml in parts.items() if "footer" in name]
            assert footers and all(superscript.search(xml) for xml in footers), path
        cells += sum(len(superscript.findall(cell)) for cell in re.findall(r"<w:tc>.*?</w:tc>", parts["word/document.xml"], re.S))
    assert cells  # the politiques' history and identification tables carry dates on the 1st
