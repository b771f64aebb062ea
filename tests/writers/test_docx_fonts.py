"""Word files carry Lato cut to what they show: a two-page fiche stays small, and every
character a file holds is drawn from its own embedded faces, read back from the package
as Word reads it (de-obfuscated with the key the font table names)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from fontTools.ttLib import TTFont
from lxml import etree

from conftest import output_files

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FULL_LATO_GLYPHS = 3026


def _deobfuscated(data: bytes, key: str) -> bytes:
    """ECMA-376 part 1, 17.8.1: the first 32 bytes XOR-ed with the GUID's bytes in reverse order."""
    digits = key.strip("{}").replace("-", "")
    mask = bytes.fromhex(digits)[::-1]
    return bytes(b ^ mask[i % 16] for i, b in enumerate(data[:32])) + data[32:]


def embedded_faces(docx: Path) -> dict[str, TTFont]:
    """{"embedRegular": font, …} of the font table's Lato entry."""
    with zipfile.ZipFile(docx) as package:
        table = package.read("word/fontTable.xml").decode("utf-8")
        relationships = re.findall(r"<Relationship [^>]*>", package.read("word/_rels/fontTable.xml.rels").decode())
        rels = {re.search(r'Id="(\w+)"', rel)[1]: re.search(r'Target="([^"]+)"', rel)[1] for rel in relationships}
        lato = re.search(r'<w:font w:name="Lato">(.*?)</w:font>', table, re.S)[1]
        return {face: TTFont(io.BytesIO(_deobfuscated(package.read(f"word/{rels[rid]}"), key)))
                for face, rid, key in re.findall(r'<w:(embed\w+) r:id="(\w+)" w:fontKey="([^"]+)"', lato)}


def shown_characters(docx: Path) -> set[str]:
    """The characters of the body, headers and footers, as text runs hold them."""
    chars: set[str] = set()
    with zipfile.ZipFile(docx) as package:
        for name in package.namelist():
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", name):
                root = etree.fromstring(package.read(name))
                chars.update("".join(t.text or "" for t in root.iter(f"{W}t")))
    return chars - {"\t", "\n"}


def test_every_fiche_is_well_under_300_kb(built):
    for docx in output_files(built, "docx"):
        if docx.stem == "fiche-synthese":
            assert docx.stat().st_size < 200_000, (docx, docx.stat().st_size)


def test_word_files_embed_four_lato_faces_cut_to_their_characters(built):
    for docx in output_files(built, "docx"):
        faces = embedded_faces(docx)
        assert sorted(faces) == ["embedBold", "embedBoldItalic", "embedItalic", "embedRegular"], docx
        shown = shown_characters(docx)
        assert {"é", "\u202f"} <= shown, docx  # French text (a short fiche may quote nothing: no « »)
        for face, font in faces.items():
            assert font["name"].getDebugName(1) == "Lato", (docx, face)
            assert font["maxp"].numGlyphs < FULL_LATO_GLYPHS / 4, (docx, face)  # a subset, not the whole face
            missing = {c for c in shown if ord(c) not in font.getBestCmap()}
            assert not missing, (docx, face, missing)
