"""Shared by the legal-review tests: the real organisation file, a small
fixture library and organisation, and helpers that read outputs back.

A plain module (not conftest.py) that tests import from, so branches that add
their own conftest.py merge without conflict.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner
from lxml import etree

from policygen.assembly.assemble import documents_for
from policygen.assembly.inputs import load_all
from policygen.cli.main import main
from policygen.library.loader import load_library

ROOT = Path(__file__).resolve().parents[1]
CISSS = ROOT / "organisations" / "cisss-laurentides.yaml"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "review"
FIXTURE_LIBRARY = FIXTURES / "library"
FIXTURE_ORG = FIXTURES / "organisation.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run_cli(*args: str, env: dict[str, str] | None = None, input: str | None = None):
    """Run `policygen` in-process; the result keeps exit code and both streams. `input` is piped
    to standard input (the answers to `init`).

    SOURCE_DATE_EPOCH is unset unless `env` gives it, so the caller's shell cannot change results."""
    return CliRunner().invoke(main, [str(a) for a in args], input=input,
                              env={"SOURCE_DATE_EPOCH": None, **(env or {})}, catch_exceptions=False)


def fixture_documents(org: Path = FIXTURE_ORG, documents=("politique",)):
    library = load_library(FIXTURE_LIBRARY)
    loaded, problems = load_all([org], library)
    assert not problems, problems
    return library, documents_for(loaded[0], library, list(documents))


def edited(tmp_path: Path, source: Path, name: str, *replacements: tuple[str, str]) -> Path:
    """A copy of `source` named `name`, with each (old, new) text replaced once at least."""
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def docx_part(path: Path, part: str = "word/document.xml") -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(part))


def paragraph_texts(body: etree._Element) -> list[str]:
    """Visible text of each paragraph (w:t only, so deleted text is not read)."""
    return ["".join((n.text or "") if n.tag == f"{W}t" else "\n" for n in paragraph.iter(f"{W}t", f"{W}br"))
            for paragraph in body.iter(f"{W}p")]


def content_texts(body: etree._Element) -> list[str]:
    """`paragraph_texts` without the page furniture of a layout: the heading a fiche repeats over the rest of a
    box cut between columns (« … (suite) », body text in Word's outline), whose place depends on each version's
    lengths, so a redline laid out on the new version cannot put it where the old version had it."""
    def repeated(p: etree._Element) -> bool:  # a level-1 heading the writer took out of the outline
        style, level = p.find(f"{W}pPr/{W}pStyle"), p.find(f"{W}pPr/{W}outlineLvl")
        return style is not None and style.get(f"{W}val") == "Heading1" and level is not None \
            and level.get(f"{W}val") == "9"
    return [text for p, text in zip(list(body.iter(f"{W}p")), paragraph_texts(body)) if not repeated(p)]


def plain(text: str) -> str:
    """Text with the typography's non-breaking spaces read as plain spaces."""
    return text.replace("\xa0", " ").replace("\u202f", " ")
