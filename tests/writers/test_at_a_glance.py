"""What a reader sees first, read back from the built files of every shipped body: the fiche's
type size and pages, the nétiquette's emergency notice on the first page and the first phone
screen, the fiche's web page opening on its text, Word's French settings, and the design values
that every format takes from one file."""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from browsing import FIRST_SCREEN, reused_page
from conftest import output_files
from pagelayout import column_ends
from readback import body_size, pdf_page_texts
from policygen.writers import columns as columns_module
from policygen.writers.design import design, labels, stylesheet

PHONE = 375  # CSS pixels: a phone's width


def _kind(built: Path, extension: str, kind: str) -> list[Path]:
    return [p for p in output_files(built, extension) if p.stem == kind]


def test_the_fiche_body_is_at_least_9_5_points_in_the_pdf(built):
    for path in _kind(built, "pdf", "fiche-synthese"):
        assert body_size(path) >= 9.5, path


def test_the_fiche_is_two_pages_in_the_pdf(built):
    for path in _kind(built, "pdf", "fiche-synthese"):
        assert len(PdfReader(str(path)).pages) == 2, path


def _netiquettes(built: Path, extension: str) -> list[Path]:
    """The nétiquettes and their English editions (« netiquette.en »)."""
    return sorted(built.glob(f"*/netiquette.{extension}")) + sorted(built.glob(f"*/netiquette.en.{extension}"))


def test_the_emergency_notice_is_on_the_first_page_of_the_netiquette(built):
    pages = _netiquettes(built, "pdf")
    assert any(p.stem == "netiquette.en" for p in pages)  # the English edition the shipped CISSS publishes
    for path in pages:
        first = pdf_page_texts(path)[0]
        flat = re.sub(r"\s+", " ", first)
        words = "not an emergency service" if path.stem.endswith(".en") else "ne sont pas un service d’urgence"
        assert words in flat and "911" in flat and "811" in flat and "9-8-8" in flat, path


def _bottom_of(browser, path: Path, selector: str) -> float:
    """Where the first element matching `selector` ends, in CSS pixels from the top, on a phone (the
    page kept for measures, `browsing.reused_page`, opened at the first screen's height)."""
    page = reused_page(browser, PHONE)
    page.goto(path.resolve().as_uri(), wait_until="load")
    box = page.locator(selector).first.bounding_box()
    assert box is not None, (path, selector)
    return box["y"] + box["height"]


def test_the_emergency_notice_is_in_the_first_phone_screen(built, site, browser):
    pages = _netiquettes(built, "html") + sorted(site.glob("*/netiquette.html")) + sorted(site.glob("*/netiquette.en.html"))
    assert len(pages) == 2 * len(_netiquettes(built, "pdf"))
    for path in pages:
        assert _bottom_of(browser, path, ".note") <= FIRST_SCREEN, path


def test_the_fiche_web_page_opens_on_its_text(built, site, browser):
    """No table of contents before the text: the first box's heading shows on the first phone screen."""
    for path in _kind(built, "html", "fiche-synthese") + sorted(site.glob("*/fiche-synthese.html")):
        assert 'class="toc"' not in path.read_text(encoding="utf-8"), path
        assert _bottom_of(browser, path, "main section h2") <= FIRST_SCREEN / 2, path


def test_word_files_have_french_canadian_settings(built):
    for path in output_files(built, "docx"):
        settings = zipfile.ZipFile(path).read("word/settings.xml").decode("utf-8")
        assert '<w:decimalSymbol w:val=","/>' in settings, path
        assert '<w:listSeparator w:val=";"/>' in settings, path
        assert re.search(r'<w:themeFontLang w:val="fr-CA"/>', settings), path


def test_every_format_takes_its_design_values_from_one_file(sample_outputs):
    """The accent colour, the text size and the page label of design.yaml are those of the
    stylesheets and of the Word styles and footer."""
    values = design()
    accent = values["colours"]["accent"]
    print_css = stylesheet("print.css")
    assert f"--accent: {accent};" in stylesheet("document.css")
    assert f"font-size: {values['layouts']['regular']['text']}pt" in print_css
    assert '"Page " counter(page) " de " counter(pages)' in print_css
    word = docx.Document(str(sample_outputs / "rich.docx"))
    assert str(word.styles["Heading 1"].font.color.rgb) == accent.lstrip("#").upper()
    assert word.styles["Normal"].font.size.pt == values["layouts"]["regular"]["text"]
    footer = word.sections[0].footer.paragraphs[0]
    assert "Page" in footer.text and "de" in footer.text
    assert labels()["toc"] in [p.text for p in word.paragraphs]
    assert labels()["toc"] in (sample_outputs / "rich.html").read_text(encoding="utf-8")


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_focus_ring_contrasts_at_least_3_to_1():
    """WCAG 2.1 1.4.11: the ring drawn around a focused link against the white page."""
    css = stylesheet("document.css")
    ring = re.search(r":focus-visible \{ outline: 3px solid var\(--(\w+)\)", css).group(1)
    colour = re.search(rf"--{ring}: (#[0-9a-f]{{6}});", css).group(1)
    assert (1.05) / (_luminance(colour) + 0.05) >= 3, colour


def place(heights, first_page, page, columns, units=None):
    """Where `fit` places boxes of these heights (CSS px) in columns `first_page` high on the first page
    and `page` high on the others, given one step (the size is then chosen, only the placement is left),
    its columns filled to their whole room (FULL at 1: the heights compare exactly with the rooms)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(columns_module, "FULL", 1.0)
        return columns_module.fit(lambda step: (heights, first_page, page, units or {}), [(10.0, 1.2)], columns,
                                  sys.maxsize).placement


def _whole(placement):
    """A placement of whole boxes as section ids."""
    assert all(start == 0 for sheet in placement for column in sheet for _, start in column)
    return tuple(tuple(tuple(ident for ident, _ in column) for column in sheet) for sheet in placement)


def test_boxes_go_whole_into_the_next_column_or_page():
    # First page: 700 under the title; other pages 1,000.
    heights = [("a", 300), ("b", 300), ("c", 500), ("d", 600), ("e", 500)]
    assert _whole(place(heights, 700, 1000, 2)) == ((("a", "b"), ("c",)), (("d",), ("e",)))
    # A box taller than the first page's columns but not than a page's starts the next page.
    assert _whole(place([("a", 800), ("b", 100)], 700, 1000, 2)) == (((), ()), (("a",), ("b",)))
    # One taller than a page's column goes alone at the top of one (and runs over).
    assert _whole(place([("a", 1200), ("b", 100)], 700, 1000, 2)) == (((), ()), (("a",), ("b",)))
    # The last page's two columns end close together: not one full column beside an empty one.
    assert _whole(place([("a", 200), ("b", 200), ("c", 200), ("d", 200)], 1000, 1000, 2)) == ((("a", "b"), ("c", "d")),)


def test_a_box_is_cut_between_its_items_under_its_heading_only_to_balance_or_fill_a_column():
    # each box: 100 of heading and padding, then items of 100 (80 for « f »)
    items = {"d": tuple((k, 100) for k in range(8)), "a": tuple((k, 100) for k in range(7)),
             "f": tuple((k, 80) for k in range(5))}
    # The last page: a tall box beside a short one is cut where the two columns end closest.
    placed = place([("a", 300), ("b", 300), ("c", 500), ("d", 900), ("e", 150)], 700, 1000, 2, items)
    assert placed == (((("a", 0), ("b", 0)), (("c", 0),)), ((("d", 0),), (("d", 5), ("e", 0))))
    # Columns that end close without a cut keep their boxes whole.
    assert place([("f", 500), ("e", 450)], 1000, 1000, 2, items) == (((("f", 0),), (("e", 0),)),)
    # A box too tall for the first page's empty column is cut, the rest in the next column; on the last
    # page, where the two columns then end closest (500 and 400 + 100), not where the first is full.
    assert place([("a", 800), ("b", 100)], 700, 1000, 2, items) == (((("a", 0),), (("a", 4), ("b", 0))),)
    # On a page before the last, it fills the column: here the rest and « b » start page 2.
    assert place([("a", 800), ("b", 100), ("c", 900)], 700, 1000, 2, items)[0] == ((("a", 0),), (("a", 6), ("b", 0)))
    # A box taller than a page's empty column is cut there too, rather than running over it.
    assert place([("s", 600), ("t", 600), ("d", 900), ("e", 650)], 600, 700, 2, items)[1] == (
        (("d", 0),), (("d", 6),))
    # Never a piece under a fifth of a column: a box that can be cut only so starts the next page.
    assert place([("a", 800)], 150, 1000, 2, items)[0] == ((), ())


def test_the_end_of_the_page_before_moves_onto_a_last_page_its_own_boxes_cannot_even_out():
    # « d »'s two items are too tall to even page 2 out (450 | 450 + 150 at best): the rest of « c »,
    # cut under its heading again, moves from page 1 onto it, and the columns end at 700 and 600.
    items = {"c": ((0, 200), (1, 200)), "d": ((0, 400), (1, 400))}
    heights = [("a", 900), ("c", 450), ("d", 850), ("e", 150)]
    assert place(heights, 1000, 1000, 2, items) == (
        ((("a", 0),), (("c", 0),)), ((("c", 1), ("d", 0)), (("d", 1), ("e", 0))))
    # Not when that does not even them out either: « b » stays on page 1 beside the rest of « a ».
    assert place([("a", 800), ("b", 100), ("c", 900)], 700, 1000, 2, {"a": tuple((k, 100) for k in range(7))})[0] == (
        (("a", 0),), (("a", 6), ("b", 0)))


def test_pdfs_with_bookmarks_open_on_them(built):
    for path in _kind(built, "pdf", "politique"):
        root = PdfReader(str(path)).trailer["/Root"]
        assert root["/PageMode"] == "/UseOutlines", path


def test_word_annexes_start_on_a_new_page_as_in_the_pdf(built, models):
    for path in _kind(built, "docx", "politique"):
        model = models[(path.parent.name, "politique")]
        first_annex = next(s.label for s in model.sections if s.annex)
        [heading] = [p for p in docx.Document(str(path)).paragraphs if p.text == first_annex]
        assert heading.paragraph_format.page_break_before, path


def test_the_standalone_page_carries_its_font_and_a_print_stylesheet(built):
    """Lato as data: URIs (no file beside the page, no system font), a sans-serif fallback, print rules."""
    for path in output_files(built, "html"):
        page = path.read_text(encoding="utf-8")
        faces = re.findall(r'@font-face \{ font-family: "Lato"; font-weight: (\d+); font-style: (\w+);'
                           r'[^}]*src: url\("data:font/woff2;base64,', page)
        assert {("400", "normal"), ("700", "normal")} <= set(faces), path
        assert '"Lato", "Helvetica Neue", Arial, sans-serif' in page and "@media print" in page, path
        assert len(page.encode("utf-8")) < 400_000, (path, len(page))


def test_table_cells_start_with_a_capital(built):
    """« La présidente-directrice générale… », never « la … », in the identification block and the
    annexes; an address (a link) stays as typed."""
    for path in output_files(built, "html"):
        page = path.read_text(encoding="utf-8")
        for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", page, re.S):
            text = re.sub(r"<a [^>]*>.*?</a>.*", "", cell, flags=re.S)  # up to the first link
            text = re.sub(r"<[^>]+>", "", text).strip()
            assert not text or not text[0].islower(), (path, cell[:80])


BALANCED = 0.15  # the last page's two columns end within this share of the page's height


def test_the_fiche_last_page_columns_end_together_in_the_pdf(built):
    """Page 2 is not one full column beside a short one (a tall box is cut under its heading again)."""
    for path in _kind(built, "pdf", "fiche-synthese"):
        left, right = column_ends(path, len(PdfReader(str(path)).pages))
        assert abs(left - right) <= BALANCED, (path, left, right)


FILLED, NOT_PACKED = 0.6, 0.9  # page 2's columns end at least this far down; no column past this


def test_the_fiche_fills_its_two_pages_in_the_pdf(built):
    """Set at the largest size that fits two pages (writers/columns.py: `fit`): page 2 not 40 % empty
    and page 1 not packed to its bottom margin."""
    for path in _kind(built, "pdf", "fiche-synthese"):
        assert min(column_ends(path, 2)) >= FILLED, (path, column_ends(path, 2))
        assert max(column_ends(path, 1) + column_ends(path, 2)) <= NOT_PACKED, (path, column_ends(path, 1))


def test_each_box_of_the_word_fiche_is_one_frame(built):
    """Every paragraph of a box under its heading carries the same four borders: Word and LibreOffice
    draw them as one frame (different borders were drawn as segments in LibreOffice), and a box
    cut between two columns carries its heading again, « (suite) »."""
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for path in _kind(built, "docx", "fiche-synthese"):
        boxes: list[list] = []
        for paragraph in docx.Document(str(path)).paragraphs:
            borders = paragraph._p.find(f"{W}pPr/{W}pBdr")
            if paragraph.style.name == "Heading 1":
                boxes.append([])
            elif boxes and borders is not None:
                boxes[-1].append(tuple((b.tag, b.get(f"{W}color")) for b in borders))
        assert len(boxes) >= 6, path
        for box in boxes:
            assert box and len(set(box)) == 1 and len(box[0]) == 4, (path, box[:3])
        headings = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Heading 1"]
        pdf = "\n".join(pdf_page_texts(path.with_suffix(".pdf")))
        assert [h for h in headings if h.endswith("(suite)")] == re.findall(r"^(.+\(suite\))$", pdf, re.M), path
