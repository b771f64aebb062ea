"""The editor agrees with `check`: yaml-language-server (the engine of VS Code's YAML
extension) with the generated schema shows no diagnostic on the shipped files and the
fixtures, accepts what `check` accepts as the README writes it, and flags every value
of a catalogue that `check` refuses with a located French message."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from editor import LanguageServer, available
from policygen.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "organisation.yaml"
FILES = sorted([*(ROOT / "organisations").glob("*.yaml"), FIXTURE, *(ROOT / "tests/fixtures/organismes").glob("*.yaml"),
                *(Path(__file__).parent / "corps").glob("*.yaml")])

# What the README shows, and check accepts: marked dates, days as a list, choices in any case.
ACCEPTED = {
    "  en_vigueur: 2025-03-01": "  en_vigueur: 2025-03-01 (à confirmer)",
    "    date: 2025-02-15": "    date: 2025-02-15 (À confirmer)",
    "  debut: 8 h 30": "  jours: [lundi, mardi, Mercredi, jeudi]\n  debut: 8 h 30 (à confirmer)",
    "  secteur: public": "  secteur: Public\n  genre: Masculin\n  sante_quebec: oui (à confirmer)\n"
                         "  membres_nombre: 1400 (à confirmer)",
    "  type: etablissement_sante": "  type: Établissement santé",
    "    courriel: communications@essai.qc.ca": "    courriel: communications@essai.qc.ca (à confirmer)\n"
                                               "    telephone: 450 432-2777 (à confirmer)\n"
                                               "    adresse_web: https://www.essai.qc.ca/contact",
}

# One wrong value per line: (what the fixture says, what it says instead).
REFUSED = {
    "markup in an e-mail": ("    courriel: vie.privee@essai.qc.ca",
                            '    courriel: "x<[Formulaire](https://evil.example/phish)**URGENT**@x.ca"'),
    "an e-mail without @": ("    courriel: vie.privee@essai.qc.ca", "    courriel: vie.privee.essai.qc.ca"),
    "an e-mail with a space": ("    courriel: vie.privee@essai.qc.ca", "    courriel: vie privee@essai.qc.ca"),
    "a marked e-mail without domain": ("    courriel: vie.privee@essai.qc.ca",
                                       "    courriel: vie.privee@ (à confirmer)"),
    "a seven-digit number": ("    courriel: communications@essai.qc.ca",
                             "    courriel: communications@essai.qc.ca\n    telephone: 432-2777"),
    "a number with letters": ("    courriel: communications@essai.qc.ca",
                              "    courriel: communications@essai.qc.ca\n    telephone: 1 800 FLOWERS"),
    "an impossible area code": ("    courriel: communications@essai.qc.ca",
                                "    courriel: communications@essai.qc.ca\n    telephone: 123 456-7890"),
    "an address without scheme": ("    courriel: communications@essai.qc.ca",
                                  "    courriel: communications@essai.qc.ca\n    adresse_web: www.essai.qc.ca"),
    "markup in an address": ("    courriel: communications@essai.qc.ca",
                             "    courriel: communications@essai.qc.ca\n"
                             "    adresse_web: https://essai.qc.ca/[Formulaire](https://evil.example)"),
    "a host without dot": ("  mission: Soigner la population de l’Essai.",
                           "  mission: Soigner la population de l’Essai.\n  site_web: https://intranet"),
    "an unknown choice": ("  secteur: public", "  secteur: mixte"),
    "a marked unknown choice": ("  secteur: public", "  secteur: mixte (à confirmer)"),
    "a date typed day first": ("  en_vigueur: 2025-03-01", "  en_vigueur: 01/03/2025"),
    "a year out of range": ("  en_vigueur: 2025-03-01", "  en_vigueur: 2125-03-01 (à confirmer)"),
    "a month that does not exist": ("  en_vigueur: 2025-03-01", "  en_vigueur: 2025-13-01"),
    "an hour that does not exist": ("  debut: 8 h 30", "  debut: 25 h"),
    "a negative number of members": ("  secteur: public", "  secteur: public\n  membres_nombre: -5"),
    "the mention alone": ("  mission: Soigner la population de l’Essai.", "  mission: (à confirmer)"),
    "a yes-no answer in words": ("  debut: 8 h 30", "  debut: 8 h 30\n  jours_feries: parfois"),
    "a private-use character": ("  mission: Soigner la population de l’Essai.",
                                "  mission: Soigner la population\ue000 de l’Essai."),
    "a zero-width space": ("  mission: Soigner la population de l’Essai.",
                           "  mission: Soigner la popu\u200blation de l’Essai."),
    "an unknown key": ("  secteur: public", "  secteur: public\n  couleur: bleu"),
}


@pytest.fixture(scope="module")
def server():
    if not available():
        message = ("yaml-language-server est introuvable : « make .npm/installed » l’installe depuis npm "
                   "(ou donnez son chemin dans POLICYGEN_YAML_LS).")
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    language_server = LanguageServer()
    yield language_server
    language_server.close()


@pytest.fixture(scope="module")
def schema_line(tmp_path_factory) -> str:
    """The modeline naming the schema `policygen schema` prints now (the shipped copy is tested current)."""
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0, result.output
    path = tmp_path_factory.mktemp("schema") / "organisation.schema.json"
    path.write_text(result.output, encoding="utf-8")
    json.loads(result.output)
    return f"# yaml-language-server: $schema={path.as_uri()}\n"


def _shown(server, schema_line: str, path: Path, text: str) -> list[str]:
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("# yaml-language-server:")]
    return [f"{d['range']['start']['line']}: {d['message']}"
            for d in server.diagnostics(path, schema_line + "".join(lines))]


def _check(tmp_path: Path, text: str):
    path = tmp_path / "essai.yaml"
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["check", str(path)])


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_diagnostic_on_shipped_files_and_fixtures(server, schema_line, path):
    assert _shown(server, schema_line, path, path.read_text(encoding="utf-8")) == []


def test_what_check_accepts_as_the_readme_writes_it_the_editor_accepts(server, schema_line, tmp_path):
    text = FIXTURE.read_text(encoding="utf-8")
    for old, new in ACCEPTED.items():
        assert old in text, old
        text = text.replace(old, new)
    result = _check(tmp_path, text)
    assert result.exit_code == 0, result.output
    assert _shown(server, schema_line, tmp_path / "essai.yaml", text) == []


@pytest.mark.parametrize("case", list(REFUSED), ids=str)
def test_what_check_refuses_the_editor_flags_on_its_line(server, schema_line, tmp_path, case):
    old, new = REFUSED[case]
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    line = text.splitlines().index(new.splitlines()[-1]) + 1
    result = _check(tmp_path, text)
    assert result.exit_code != 0, result.output
    assert f"essai.yaml:{line}: erreur [organisation." in result.output, result.output
    # The editor's lines count from 0, and it reads the modeline we put first in place of none.
    shown = _shown(server, schema_line, tmp_path / "essai.yaml", text)
    assert any(d.startswith(f"{line}: ") for d in shown), shown
