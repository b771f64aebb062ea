"""Same input, same bytes: building or publishing twice gives identical files."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from policygen.cli import main

from conftest import ORGANISATIONS


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_build_and_publish_write_the_same_word_and_pdf_files(built, site):
    """Two separate runs (`build`, then `publish`) of the same input: identical bytes."""
    first, second = _files(built), _files(site)
    shared = [name for name in first if name.endswith((".docx", ".pdf"))]
    assert shared and all(name in second for name in shared)
    assert [name for name in shared if first[name] != second[name]] == []


def test_publish_twice_gives_the_same_bytes(site, tmp_path):
    target = tmp_path / "site"
    result = CliRunner().invoke(main, ["publish", *map(str, ORGANISATIONS), "--site", str(target)])
    assert result.exit_code == 0
    first, second = _files(site), _files(target)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
