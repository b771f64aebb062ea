"""A character the bundled Lato lacks is reported (file, line, field, clause, character) by
`check` and refused by `build`, never drawn from a system font; U+2011 becomes a hyphen."""

from __future__ import annotations

import html
from pathlib import Path

import yaml
from click.testing import CliRunner
from fontTools.ttLib import TTFont

from policygen.assembly.characters import drawable
from policygen.cli.main import main
from policygen.resources import TEMPLATES

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "organisation.yaml"


def _organisation(tmp_path: Path, short_name: str) -> Path:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["organisation"]["nom_court"] = short_name
    path = tmp_path / "essai.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_four_faces_draw_the_same_characters():
    for face in sorted((TEMPLATES / "fonts").glob("Lato-*.ttf")):
        with TTFont(face, lazy=True) as font:
            assert frozenset(map(chr, font.getBestCmap())) == drawable(), face.name


def test_a_character_lato_lacks_is_reported_by_check_and_refused_by_build(tmp_path):
    path = _organisation(tmp_path, "CISSS ✓ 健康 😀")
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "nom_court" in text)
    checked = CliRunner().invoke(main, ["check", str(path)])
    built = CliRunner().invoke(main, ["build", str(path), "--format", "html", "--out", str(tmp_path / "out")])
    for result in (checked, built):
        assert result.exit_code == 3, result.output
        assert f"essai.yaml:{line}: erreur [organisation.character] — organisation.nom_court" in result.output
        for char, name in (("✓", "U+2713, CHECK MARK"), ("健", "U+5065"), ("😀", "U+1F600, GRINNING FACE")):
            assert f"Le caractère « {char} » ({name}" in result.output
        assert "police Lato" in result.output and "document « politique »" in result.output
    assert not (tmp_path / "out").exists()


def test_a_non_breaking_hyphen_is_written_as_a_hyphen(tmp_path):
    path = _organisation(tmp_path, "CISSS Saint\u2011Jean")
    result = CliRunner().invoke(main, ["build", str(path), "--format", "html", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    page = html.unescape((tmp_path / "out" / "essai" / "politique.html").read_text(encoding="utf-8"))
    assert "CISSS Saint-Jean" in page and "\u2011" not in page
