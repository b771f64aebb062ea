"""The Word files read back with python-docx: named styles, real lists that
restart, French, page numbers, properties, a filled table of contents and
links that work."""

from __future__ import annotations

import re

import docx
from docx.oxml.ns import qn

from policygen.model.nodes import FRONT_ROLES, ListBlock, Note

from conftest import output_files
from samples import dense_fiche, rich_politique


def _open(path):
    return docx.Document(str(path))


def _list_items(blocks) -> int:
    count = 0
    for block in blocks:
        if isinstance(block, ListBlock):
            count += len(block.items) + sum(_list_items(item) for item in block.items)
        elif isinstance(block, Note):  # a boxed notice holds lists of its own
            count += _list_items(block.blocks)
    return count


def _styles(document):
    """The style of every paragraph, those of a boxed notice (a one-cell table) included, in order."""
    return [p.style.name for p in document.paragraphs] + [
        p.style.name for table in document.tables if table.style.name == "Encadré"
        for p in table.cell(0, 0).paragraphs]


# What each language's documents print, written out (the writers' labels are not their own oracle).
VERSION = {"fr-CA": "Version du ", "en-CA": "Version of "}
PAGE_OF = {"fr-CA": " de ", "en-CA": " of "}
DRAFT = {"Projet", "Draft"}  # a draft's mark, in the file's language


def _with_editions(built, extension: str) -> list:
    """Every document's file, the English editions' too (there is one among the shipped organisations)."""
    editions = sorted(built.glob(f"*/*.en.{extension}"))
    assert editions
    return [*output_files(built, extension), *editions]


def _draft(document) -> int:
    """1 when the file is a draft: its mark « Projet » (« Draft » in English) then opens the body and every
    page's head; else 0."""
    mark = document.core_properties.content_status
    if mark not in DRAFT:
        return 0
    assert (document.paragraphs[0].style.name, document.paragraphs[0].text) == ("Intense Quote", mark)
    return 1


def _lang(path) -> str:
    """The language a built file is written in: « netiquette.en.docx » is an English edition."""
    return "en-CA" if path.stem.endswith(".en") else "fr-CA"


def test_every_docx_uses_heading_styles_and_is_french(built, models, sample_outputs):
    """Every file in French, an English edition in English (en-CA)."""
    for path in [*_with_editions(built, "docx"), *sample_outputs.glob("*.docx")]:
        document = _open(path)
        styles = _styles(document)[_draft(document):]
        assert styles[:3] == ["Subtitle", "Title", "Version"], path
        lang = _lang(path)
        assert document.paragraphs[_draft(document) + 2].text.startswith(VERSION[lang]), path
        model = models.get((path.parent.name, path.stem)) or {"rich": rich_politique}.get(path.stem, dense_fiche)()
        assert model.lang == lang, path
        # The identification block is a label, never a heading (nor a table of contents entry).
        # A box the columns cut carries its heading again over the rest, as body text (no outline level).
        again = [p for p in document.paragraphs if p.style.name == "Heading 1" and re.search(r"\((suite|continued)\)$", p.text)]
        assert all(p._p.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}").get(qn("w:val")) == "9" for p in again), path
        assert styles.count("Heading 1") - len(again) == sum(s.role not in FRONT_ROLES for s in model.sections), path
        assert styles.count("Étiquette") == sum(s.role in FRONT_ROLES for s in model.sections), path
        titled = sum(c.show_title for s in model.sections for c in s.clauses)
        assert styles.count("Heading 2") == titled, path
        # Every list item of the model is a paragraph in a Word list style.
        blocks = [b for s in model.sections for c in s.clauses for b in c.blocks]
        assert sum(s.startswith(("List Bullet", "List Number")) for s in styles) == _list_items(blocks), path
        defaults = document.styles.element.find(qn("w:docDefaults"))
        assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == lang, path
        assert document.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == lang, path
        assert document.core_properties.language == lang, path


def test_properties_are_filled(built):
    props = _open(built / "cisss-laurentides" / "politique.docx").core_properties
    assert props.title == "Politique sur la gestion et l’utilisation des médias sociaux"
    assert props.author == "Centre intégré de santé et de services sociaux des Laurentides"
    assert props.subject and "médias sociaux" in props.keywords


def test_pages_are_numbered_page_x_of_y(built):
    """« Page X de Y », « Page X of Y » in an English edition."""
    for path in _with_editions(built, "docx"):
        word = _open(path)
        section = word.sections[0]
        for footer in (section.footer, section.first_page_footer):
            xml = footer._element.xml
            assert " PAGE " in xml and " NUMPAGES " in xml, path
            assert "Page" in footer.paragraphs[0].text and PAGE_OF[_lang(path)] in footer.paragraphs[0].text, path
        draft = _draft(word)
        mark = word.core_properties.content_status
        assert [p.text for p in section.header.paragraphs[:draft]] == [mark] * draft, path
        assert section.header.paragraphs[draft].text.startswith(word.core_properties.author), path


def test_politique_opens_with_a_populated_table_of_contents(built, sample_outputs):
    for path, expected in ((sample_outputs / "rich.docx", ["1. Préambule", "2. Règles"]),
                           (built / "cisss-laurentides" / "politique.docx", None)):
        document = _open(path)
        entries = [p for p in document.paragraphs if p.style.name == "TOC 1"]
        assert entries, path
        assert all(p.text for p in entries)
        if expected is not None:  # written out: the writer's own heading function is not its oracle
            assert [p.text.split("\t")[0] for p in entries] == expected
        # Each with its page number, there as soon as the file opens (writers/docx/toc.py).
        assert all(p.text.split("\t")[1].isdigit() for p in entries), path
        # Inside a real TOC field, whose cached result is those entries.
        assert r'TOC \o' in entries[0]._p.xml
        # Every entry links to a bookmark on its section heading.
        anchors = [link.get(qn("w:anchor")) for p in entries for link in p._p.iter(qn("w:hyperlink"))]
        bookmarks = {b.get(qn("w:name")) for b in document.element.body.iter(qn("w:bookmarkStart"))}
        assert anchors and set(anchors) <= bookmarks
        # The table comes before the first section.
        styles = _styles(document)
        assert styles.index("TOC 1") < [i for i, s in enumerate(styles) if s == "Heading 1"][1]


def test_lists_are_real_numbered_lists_that_restart(sample_outputs):
    document = _open(sample_outputs / "rich.docx")
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    bullets = [p for p in document.paragraphs if p.style.name.startswith("List Bullet")]
    assert len(numbered) == 6 and len(bullets) >= 5  # the ordered list appears twice, 3 items each
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    # Same list: same numbering instance; second list: a new instance restarting at 1.
    assert num_ids[0] == num_ids[1] == num_ids[2] != num_ids[3] == num_ids[4] == num_ids[5]
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(num_ids[3])
    assert num.find(f".//{qn('w:startOverride')}").get(qn("w:val")) == "1"
    # The style carries the bullet numbering (a real Word list, not a typed « • »).
    assert document.styles["List Bullet"].element.pPr.numPr is not None
    assert not any(p.text.startswith(("•", "-", "1.")) for p in numbered + bullets)


def test_links_work(sample_outputs):
    document = _open(sample_outputs / "rich.docx")
    targets = {rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")}
    assert "mailto:communications@exemple.qc.ca" in targets
    link_runs = [r for p in document.paragraphs for link in p._p.iter(qn("w:hyperlink"))
                 for r in link.iter(qn("w:r"))]
    assert link_runs and all(r.find(f".//{qn('w:rStyle')}").get(qn("w:val")) == "Hyperlink" for r in link_runs)


def test_tables_have_a_repeating_header_row(sample_outputs):
    table = _open(sample_outputs / "rich.docx").tables[0]
    assert table.style.name == "Tableau"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    # The style's header row applies (and only once: Word rejects a repeated tblLook).
    looks = table._tbl.tblPr.findall(qn("w:tblLook"))
    assert len(looks) == 1 and looks[0].get(qn("w:firstRow")) == "1" and looks[0].get(qn("w:firstColumn")) == "0"
    assert [c.text for c in table.rows[0].cells] == ["Plateforme", "Statut"]


def test_fiche_synthese_flows_in_two_columns_under_its_title(sample_outputs):
    document = _open(sample_outputs / "dense-fiche.docx")
    assert len(document.sections) == 2
    assert document.sections[0]._sectPr.find(qn("w:cols")).get(qn("w:num")) in (None, "1")
    assert document.sections[1]._sectPr.find(qn("w:cols")).get(qn("w:num")) == "2"
    assert document.sections[1].start_type == 0  # WD_SECTION.CONTINUOUS: same page as the title


def test_list_items_are_spaced_as_in_the_pdf(built):
    """Word drops the space between paragraphs of one style where the style asks for contextual spacing,
    as its list styles do: the items would sit tighter than the PDF's, and a fiche's column end higher in
    LibreOffice than in the PDF. A compact layout's items are spaced as its paragraphs."""
    for path in output_files(built, "docx"):
        styles = _open(path).styles
        for name in ("List Bullet", "List Number"):
            assert styles[name].element.find(f"{qn('w:pPr')}/{qn('w:contextualSpacing')}") is None, (path, name)
        if path.stem == "fiche-synthese":
            assert styles["List Bullet"].paragraph_format.space_after == styles["Normal"].paragraph_format.space_after
