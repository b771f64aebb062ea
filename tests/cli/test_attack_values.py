"""This round's attack findings on the organisation file's values (issue 21), through `check`: an
address holding markup, a negative count, and characters that could forge a value to confirm or
pass for another word are each refused at their line, whether or not the editor's checker
(tests/orgfile/test_editor.py, which needs npm) runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from policygen.cli.main import main

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "organisation.yaml"
PHISH = "x<[Formulaire](https://evil.example/phish)**URGENT**@x.ca"
WEB = "Une adresse Web complète était attendue"
MISSION = "  mission: Soigner la population de l’Essai."

# case: (line of the fixture, its replacement, the field named, words of the message)
CASES = {
    "markup in an e-mail": ("    courriel: vie.privee@essai.qc.ca", f'    courriel: "{PHISH}"',
                            "contacts.protection_renseignements.courriel", "Une adresse courriel était attendue"),
    "markup in a web address": ("    courriel: vie.privee@essai.qc.ca",
                                "    courriel: vie.privee@essai.qc.ca\n"
                                '    adresse_web: "https://essai.qc.ca/[Formulaire](https://evil.example/phish)"',
                                "contacts.protection_renseignements.adresse_web", WEB),
    "markup in a privacy policy address": ("    courriel: vie.privee@essai.qc.ca",
                                           "    courriel: vie.privee@essai.qc.ca\n"
                                           '    politique_web: "https://essai.qc.ca/a>**URGENT**<b"',
                                           "contacts.protection_renseignements.politique_web", WEB),
    "a negative number of members": ("  secteur: public", "  secteur: public\n  membres_nombre: -5",
                                     "organisation.membres_nombre", "au moins 1"),
    "policygen's own marker characters": (MISSION, "  mission: Soigner \ue000la population\ue001 de l’Essai.",
                                          "", "U+E000"),
    "a zero-width space": (MISSION, "  mission: Soigner la popu\u200blation de l’Essai.", "", "U+200B"),
    "letters of two alphabets": (MISSION, "  mission: Soigner la pоpulation de l’Essai.", "",  # a Cyrillic о
                                 "mêle des lettres de deux alphabets"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_hostile_value_is_refused_at_its_line(tmp_path, case):
    old, new, field, words = CASES[case]
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    line = text.splitlines().index(new.splitlines()[-1]) + 1
    (tmp_path / "essai.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "essai.yaml")])
    assert result.exit_code == 3, result.output
    assert f"essai.yaml:{line}: erreur [organisation." in result.output
    assert field in result.output and words in result.output
    assert "Erreur interne" not in result.output
