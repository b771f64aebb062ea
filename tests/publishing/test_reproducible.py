"""Same input, same bytes: building or publishing twice gives identical files."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from policygen.cli.main import main

from conftest import ORGANISATIONS


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_build_and_publish_write_the_same_word_and_pdf_files(built, site):
    """Two separate runs (`build`, then `publish`) of the same input: identical bytes."""
    first, second = _files(built), _files(site)
    shared = [name for name in first if name.endswith((".docx", ".pdf"))
              and not name.startswith(".policygen-cache/")]  # a concurrent build's work files are no output
    assert shared and all(name in second for name in shared)
    assert [name for name in shared if first[name] != second[name]] == []


def test_publish_twice_gives_the_same_bytes(site, built, tmp_path):
    """A second publication (of one organisation: `build` and `publish` above already cover
    every file) repeats the session's, byte for byte, but for the index and the marker that list them all."""
    target = tmp_path / "site"
    result = CliRunner().invoke(main, ["publish", str(ORGANISATIONS[0]), "--site", str(target), "--out", str(built)],
                                env={"SOURCE_DATE_EPOCH": None})
    assert result.exit_code == 0
    again, first = _files(target), _files(site)
    assert "index.html" in again and len(again) > 10
    again.pop("index.html")
    again.pop(".policygen-site")  # the list of what this publication wrote: one organisation here
    assert [name for name in again if again[name] != first.get(name)] == []
