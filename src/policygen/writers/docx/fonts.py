"""Lato carried inside the .docx, so Word lays the file out as the PDF is.

OOXML embeds a font as an « obfuscated » part (ECMA-376 part 1, 17.8.1): the
first 32 bytes of the file XOR-ed with a key, the GUID named in the font
table's w:embedRegular (w:embedBold…). Lato's SIL Open Font License permits
embedding. Each face is cut (`fontsubset`) to the characters of French text
plus any other the file holds, as Word's « embed only the characters used »
does (w:saveSubsetFonts asks Word to keep doing so): a two-page fiche weighs
about 145 KB instead of 1.34 MB. The key derives from the subset font, so
builds stay byte-identical.
"""

from __future__ import annotations

import functools
import hashlib
import uuid

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from lxml import etree

from ...resources import TEMPLATES
from ..fontsubset import subset

FONT = "Lato"
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
# Font table element -> file in templates/fonts.
FACES = {"embedRegular": "Lato-Regular.ttf", "embedBold": "Lato-Bold.ttf", "embedItalic": "Lato-Italic.ttf",
         "embedBoldItalic": "Lato-BoldItalic.ttf"}
# Kept in every file, whatever its text: what Word writes itself (page and list numbers,
# letters, Roman numerals, dot leaders) and the rest of French text. LibreOffice keeps the
# first embedded face of a name for the whole session: two files open together must share
# the faces of their ordinary text, or the second shows its other letters in a fallback font.
FRENCH = "".join(map(chr, [*range(0x20, 0x7F), *range(0xA0, 0x100), 0x152, 0x153, 0x178,  # Œ œ Ÿ
                           *range(0x2010, 0x2028), *range(0x202F, 0x203B), 0x20AC]))  # dashes, quotes, €


def _key(data: bytes) -> str:
    return "{" + str(uuid.UUID(bytes=hashlib.sha256(data).digest()[:16])).upper() + "}"


def obfuscate(data: bytes, key: str) -> bytes:
    """XOR the first 32 bytes with the GUID's 16 bytes, read from its last hex pair to its first."""
    digits = key.strip("{}").replace("-", "")
    mask = bytes(int(digits[i:i + 2], 16) for i in range(30, -1, -2))
    head = bytes(b ^ mask[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


def _font_table(docx: DocxDocument) -> Part:
    return next(rel.target_part for rel in docx.part.rels.values() if rel.reltype == RELATIONSHIP_TYPE.FONT_TABLE)


def _characters(docx: DocxDocument) -> frozenset[str]:
    """FRENCH, and every character of the text and deleted-text runs of the package's XML parts
    (body, headers, footers, comments, a redline's deletions) in both cases (a style in capitals
    shows « Ā » for « ā »)."""
    text = "".join(node.text or "" for part in docx.part.package.iter_parts() if hasattr(part, "element")
                   for node in part.element.iter(qn("w:t"), qn("w:delText")))  # fonts and images are bytes
    return frozenset(FRENCH + text + text.upper() + text.lower())


@functools.lru_cache(maxsize=8)
def _face(filename: str, characters: frozenset[str]) -> bytes:
    """One face cut to `characters`; most files need FRENCH alone, so a process cuts each face once."""
    # unhinted, as in the PDF (WeasyPrint's default): a third smaller, and Word's DirectWrite
    # rendering makes little use of the instructions
    return subset((TEMPLATES / "fonts" / filename).read_bytes(), characters=characters, hinting=False)


def embed_fonts(docx: DocxDocument) -> None:
    """Add the four Lato faces, cut to the characters of the finished document, to the package
    and declare them in the font table and settings (the last step before saving)."""
    characters = _characters(docx)
    table_part = _font_table(docx)
    table = parse_xml(table_part.blob)
    font = OxmlElement("w:font")
    font.set(qn("w:name"), FONT)
    for index, (element, filename) in enumerate(FACES.items(), start=1):
        data = _face(filename, characters)
        key = _key(data)
        part = Part(PackURI(f"/word/fonts/font{index}.odttf"), OBFUSCATED, obfuscate(data, key), docx.part.package)
        embed = OxmlElement(f"w:{element}")
        embed.set(qn("r:id"), table_part.relate_to(part, RELATIONSHIP_TYPE.FONT))
        embed.set(qn("w:fontKey"), key)
        font.append(embed)
    table.append(font)
    table_part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)  # a plain Part has no XML setter: its bytes are replaced
    settings = docx.settings.element
    embed_setting = OxmlElement("w:embedTrueTypeFonts")
    settings.insert(0, embed_setting)  # first in w:settings' sequence here (no write protection, view or zoom before it)
    zoom = settings.find(qn("w:zoom"))
    if zoom is not None:
        zoom.addnext(embed_setting)
    embed_setting.addnext(OxmlElement("w:saveSubsetFonts"))  # w:embedSystemFonts, absent, would come between
